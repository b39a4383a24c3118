"""Backups as a self-contained SQLite file, whatever the live database is; restore verifies first.

A SQLite database is copied page by page through SQLite's online backup API; a PostgreSQL
database is copied table by table inside one repeatable-read snapshot. Either way the copy is
consistent while counters keep working, and either kind of database can be restored from it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, func, inspect, select, text
from sqlalchemy.orm import Session

from ..models import Base, Customer, Outlet, User
from ..progress import Progress
from .audit import record
from .auth import Actor, Permission
from .changes import Changes
from .database import (
    Database,
    current_revision,
    head_revision,
    migrate,
    sqlite_file,
    sqlite_online_copy,
)
from .errors import DomainError
from .i18n import QT_TRANSLATE_NOOP

_BATCH = 2000


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    revision: str
    outlets: int
    users: int
    customers: int


def create_backup(
    db: Database,
    actor: Actor,
    target: Path,
    progress: Progress | None = None,
    *,
    replace: bool = False,
) -> BackupInfo:
    """Write a verified copy of the database to `target`; an existing file there is refused
    unless `replace` (the window's save dialog has asked; the command line says --force)."""
    actor.require(Permission.BACKUP)
    target = Path(target)
    if not replace and target.exists():
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "core",
                "{path} already exists; nothing was written. Choose another name, or replace it "
                "with --force.",
            ),
            path=str(target),
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".backup-", suffix=".sqlite3", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if db.sqlite_path:
            tmp.unlink()
            sqlite_online_copy(db.sqlite_path, tmp)
        else:
            copy = Database(sqlite_file(tmp))
            try:
                migrate(copy)
                with db.engine.connect() as src:
                    src = src.execution_options(isolation_level="REPEATABLE READ")
                    with src.begin(), copy.engine.begin() as dst:
                        _copy_tables(src, dst, progress)
            finally:
                copy.dispose()
        _single_file(tmp)
        info = _verify(tmp, tmp)
        os.replace(tmp, target)
        return BackupInfo(target, info.revision, info.outlets, info.users, info.customers)
    finally:
        tmp.unlink(missing_ok=True)


def _single_file(path: Path) -> None:
    """Take a copy out of WAL mode: the live database's mode travels with its pages, and a WAL file
    makes every reader, even a read-only one, leave -wal and -shm files beside it."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def _private_copy(source: Path, folder: Path) -> Path:
    """The backup's bytes (and its write-ahead log, if one lies beside it) copied into `folder`,
    so that reading, checking and migrating never open, and so never change, the source."""
    source = Path(source)
    if not source.is_file():
        raise DomainError(
            QT_TRANSLATE_NOOP("core", "The backup file {path} does not exist."), path=str(source)
        )
    staged = folder / "restore.sqlite3"
    shutil.copyfile(source, staged)
    wal = source.with_name(source.name + "-wal")
    if wal.is_file() and wal.stat().st_size:
        shutil.copyfile(wal, staged.with_name(staged.name + "-wal"))
    return staged


def verify_backup(path: Path) -> BackupInfo:
    """Refuse anything that is not a sound OutletDesk backup this version can read. The file is
    checked on a private copy: nothing is written beside it."""
    with tempfile.TemporaryDirectory() as folder:
        return _verify(_private_copy(Path(path), Path(folder)), Path(path))


def _verify(path: Path, shown: Path) -> BackupInfo:
    """verify_backup of `path`, a file of our own; messages and the result name `shown`."""
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "core", "{path} is not an OutletDesk backup (not a SQLite file)."
                ),
                path=str(shown),
            )
    conn = sqlite3.connect(path)
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise DomainError(
                QT_TRANSLATE_NOOP("core", "The backup {path} is damaged (integrity check failed)."),
                path=str(shown),
            )
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        # The first schema's tables: an older backup lacks later ones and is migrated on restore.
        if not {"alembic_version", "outlets", "users", "customers", "audit_log"} <= tables:
            raise DomainError(
                QT_TRANSLATE_NOOP("core", "{path} is not an OutletDesk backup (tables missing)."),
                path=str(shown),
            )
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        counts = [
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("outlets", "users", "customers")
        ]
    except sqlite3.DatabaseError as exc:
        raise DomainError(
            QT_TRANSLATE_NOOP("core", "The backup {path} cannot be read: {detail}"),
            path=str(shown),
            detail=str(exc),
        ) from exc
    finally:
        conn.close()
    from alembic.script import ScriptDirectory

    from .database import MIGRATIONS_DIR

    known = {rev.revision for rev in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions()}
    if revision not in known:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "core",
                "The backup was made by a newer OutletDesk (schema {revision}); it cannot be restored here.",
            ),
            revision=revision,
        )
    return BackupInfo(shown, revision, *counts)


def database_has_data(db: Database) -> bool:
    if current_revision(db.engine) is None:
        return bool(inspect(db.engine).get_table_names())
    with db.read() as s:
        return any(s.scalar(select(func.count()).select_from(m)) for m in (Outlet, User, Customer))


def restore_backup(
    db: Database,
    actor: Actor,
    source: Path,
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> tuple[BackupInfo, Changes]:
    """Replace the whole database with the backup; refuses to overwrite data unless forced."""
    actor.require(Permission.BACKUP)
    # Everything works on a private copy: the backup is read once, byte for byte, and never
    # opened by SQLite (which would leave -wal and -shm files beside it), nor migrated in place.
    with tempfile.TemporaryDirectory() as folder:
        staged = _private_copy(Path(source), Path(folder))
        info = _verify(staged, Path(source))
        if not force and database_has_data(db):
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The database {where} already holds data. Restoring would replace all of it; confirm with --force.",
                ),
                where=db.describe(),
            )
        staged_db = Database(sqlite_file(staged))
        try:
            if info.revision != head_revision():
                migrate(staged_db, backup_dir=Path(folder))
            if db.sqlite_path:
                staged_db.dispose()
                db.dispose()
                raw_src = sqlite3.connect(staged)
                raw_dst = sqlite3.connect(db.sqlite_path, timeout=10)
                try:
                    raw_src.backup(raw_dst)
                finally:
                    raw_src.close()
                    raw_dst.close()
            else:
                migrate(db)
                with staged_db.engine.connect() as src, db.engine.begin() as dst:
                    names = ", ".join(t.name for t in Base.metadata.sorted_tables)
                    # TRUNCATE does not fire the audit log's row triggers; the log is replaced whole.
                    dst.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
                    _copy_tables(src, dst, progress)
                    _reset_sequences(dst)
                    with Session(bind=dst) as s:
                        _record_restore(s, actor, info)
                        s.flush()
        finally:
            staged_db.dispose()
    if db.sqlite_path:
        with db.write() as s:
            _record_restore(s, actor, info)
    return info, Changes(outlets=True, users=True, customers=True, settings=True, database=True)


def _record_restore(s: Session, actor: Actor, info: BackupInfo) -> None:
    """The restored log is the backup's; this entry says who replaced the data, when, from what."""
    # The restoring user may not exist in the restored users table, so keep only the name.
    anonymous = Actor(None, actor.username, actor.display_name, actor.role)
    after = {"file": str(info.path), "revision": info.revision, "customers": info.customers}
    record(s, anonymous, "restore", "database", after=after)


def _copy_tables(src: Connection, dst: Connection, progress: Progress | None) -> None:
    tables = Base.metadata.sorted_tables
    if progress:
        progress.start(len(tables), "copy")
    for table in tables:
        result = src.execute(table.select().order_by(*table.primary_key.columns))
        while batch := result.fetchmany(_BATCH):
            dst.execute(table.insert(), [row._asdict() for row in batch])
            if progress:
                progress.check()
        if progress:
            progress.advance()


def _reset_sequences(conn: Connection) -> None:
    for table in Base.metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        if (
            len(pk) == 1
            and pk[0].autoincrement is not False
            and str(pk[0].type).upper().startswith("INT")
        ):
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                    f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false)"
                )
            )
