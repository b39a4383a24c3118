"""Engine, unit of work and schema migrations for the embedded SQLite file or a PostgreSQL server."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from .errors import StaleRecord, StorageUnavailable
from .i18n import QT_TRANSLATE_NOOP

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit at the driver level: SQLAlchemy's "begin" event below issues BEGIN itself, so
    # writers can take the write lock up front (BEGIN IMMEDIATE) instead of failing mid-transaction.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, pool_pre_ping=True)


@dataclass(frozen=True)
class MigrationReport:
    from_revision: str | None
    to_revision: str
    backup: Path | None


class Database:
    """One database: read and write units of work, and a description for the status bar."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.kind = self.engine.dialect.name
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        writer = (
            self.engine.execution_options(sqlite_begin="BEGIN IMMEDIATE")
            if self.kind == "sqlite"
            else self.engine
        )
        self._write = sessionmaker(writer, expire_on_commit=False)

    @property
    def sqlite_path(self) -> Path | None:
        if self.kind != "sqlite":
            return None
        name = self.engine.url.database
        return Path(name) if name and name != ":memory:" else None

    def describe(self) -> str:
        """Where the data lives, without any password."""
        if self.sqlite_path:
            return f"SQLite {self.sqlite_path}"
        url = self.engine.url
        host = url.host or url.query.get("host") or "localhost"
        return f"PostgreSQL {url.database}@{host}"

    @contextmanager
    def read(self) -> Iterator[Session]:
        with _storage_errors(), self._read.begin() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back on any error."""
        with _storage_errors(), self._write.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


@contextmanager
def _storage_errors() -> Iterator[None]:
    try:
        yield
    except StaleDataError:
        raise StaleRecord(
            QT_TRANSLATE_NOOP(
                "core",
                "Someone else saved this record after you opened it. Nothing was saved; "
                "reopen it to see their change.",
            )
        ) from None
    except OperationalError as exc:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("core", "The database is unavailable or busy: {detail}"),
            detail=str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc),
        ) from exc
    except DBAPIError as exc:
        if exc.connection_invalidated:
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP("core", "The connection to the database was lost: {detail}"),
                detail=str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc),
            ) from exc
        raise


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(db: Database, backup_dir: Path | None = None) -> MigrationReport:
    """Bring the schema to the newest revision; a SQLite file with data is copied first."""
    from alembic import command
    from alembic.script import ScriptDirectory

    head = head_revision()
    try:
        current = current_revision(db.engine)
    except OperationalError as exc:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("core", "Cannot open the database: {detail}"),
            detail=str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc),
        ) from exc
    if current == head:
        return MigrationReport(current, head, None)
    known = {rev.revision for rev in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions()}
    if current is not None and current not in known:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "core",
                "This database was written by a newer OutletDesk (schema {revision}). "
                "Install the newer version to open it.",
            ),
            revision=current,
        )
    backup = None
    path = db.sqlite_path
    if path and path.exists() and inspect(db.engine).get_table_names():
        folder = backup_dir or path.parent / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = folder / f"{path.stem}-before-{current or 'none'}-to-{head}-{stamp}.sqlite3"
        sqlite_online_copy(path, backup)
    with db.engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")
    return MigrationReport(current, head, backup)


def sqlite_online_copy(source: Path, target: Path) -> None:
    """Consistent copy of a live SQLite file through SQLite's backup API (safe while in use)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def open_database(url: str, *, run_migrations: bool = True) -> Database:
    db = Database(url)
    if run_migrations:
        migrate(db)
    return db
