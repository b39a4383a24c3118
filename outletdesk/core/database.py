"""Engine, unit of work and schema migrations for the embedded SQLite file or a PostgreSQL server."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    bindparam,
    create_engine,
    event,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, configure_mappers, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from .errors import DomainError, PermissionDenied, StaleRecord, StorageUnavailable
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


class SignedIn(Protocol):
    @property
    def user_id(self) -> int | None: ...
    @property
    def role(self) -> str: ...


@cache
def _account_now() -> Select[tuple[str, bool]]:
    """The signed-in account's role and active flag, built once (a list reads a page at a time)."""
    from ..models import User

    return select(User.role, User.active).where(User.id == bindparam("user_id"))


def _confirm_signed_in(conn: Session | Connection, actor: SignedIn | None) -> None:
    if actor is None or actor.user_id is None:
        return
    row = conn.execute(_account_now(), {"user_id": actor.user_id}).first()
    if row is None or not row.active or row.role != actor.role:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "core",
                "Your account was changed or disabled by an administrator. Nothing was done; "
                "sign in again.",
            )
        )


def make_engine(url: str | URL) -> Engine:
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

    def __init__(self, url: str | URL) -> None:
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
    def read(self, actor: SignedIn | None = None) -> Iterator[Session]:
        with _storage_errors(), self._read.begin() as session:
            _confirm_signed_in(session, actor)
            yield session

    @contextmanager
    def read_rows(self, actor: SignedIn | None = None) -> Iterator[Connection]:
        """A read on a Core connection, for lists that fetch rows by the page without the ORM.

        The account is checked the same way, in the same transaction, on every read.
        """
        with _storage_errors(), self.engine.begin() as conn:
            _confirm_signed_in(conn, actor)
            yield conn

    @contextmanager
    def write(self, actor: SignedIn | None = None) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back on any error.

        With an actor, the unit of work first checks that the account is still active with the
        role it signed in with, so a demotion or a disabled account takes effect at once.
        """
        with _storage_errors(), self._write.begin() as session:
            _confirm_signed_in(session, actor)
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def _detail(exc: DBAPIError) -> str:
    """The driver's first line, which names the cause (file, host, lock) without a stack."""
    text = str(exc.orig if exc.orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


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
            detail=_detail(exc),
        ) from exc
    except DBAPIError as exc:
        if exc.connection_invalidated:
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP("core", "The connection to the database was lost: {detail}"),
                detail=_detail(exc),
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
    from ..migrations import HEAD

    # The common case, checked without importing Alembic (a quarter of a second at start-up).
    if _stamped_revision(db) == HEAD:
        return MigrationReport(HEAD, HEAD, None)
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    head = head_revision()
    try:
        current = current_revision(db.engine)
    except OperationalError as exc:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("core", "Cannot open the database: {detail}"), detail=_detail(exc)
        ) from exc
    if current == head:
        return MigrationReport(current, head, None)
    _refuse_newer(current)
    backup = None
    path = db.sqlite_path
    if path and path.exists() and inspect(db.engine).get_table_names():
        folder = backup_dir or path.parent / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = folder / f"{path.stem}-before-{current or 'none'}-to-{head}-{stamp}.sqlite3"
        sqlite_online_copy(path, backup)
    try:
        with migration_connection(db) as conn:
            # Another seat may have migrated while we waited for the lock: look again.
            now = MigrationContext.configure(conn).get_current_revision()
            _refuse_newer(now)
            if now != head:
                command.upgrade(_alembic_config(conn), "head")
            if db.kind == "sqlite" and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                raise StorageUnavailable(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The database update would break links between records; nothing was "
                        "changed. The copy taken before the update is in {folder}.",
                    ),
                    folder=str(backup.parent if backup else ""),
                )
    except OperationalError as exc:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("core", "Cannot update the database: {detail}"), detail=_detail(exc)
        ) from exc
    return MigrationReport(current, head, backup)


def _stamped_revision(db: Database) -> str | None:
    try:
        with db.engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None  # no table yet, or unreachable: the full path below says which


def _refuse_newer(revision: str | None) -> None:
    from alembic.script import ScriptDirectory

    known = {rev.revision for rev in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions()}
    if revision is not None and revision not in known:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "core",
                "This database was written by a newer OutletDesk (schema {revision}). "
                "Install the newer version to open it.",
            ),
            revision=revision,
        )


# Any constant shared by every OutletDesk seat: PostgreSQL serialises migrations on it.
_MIGRATION_LOCK = 7_264_001


@contextmanager
def migration_connection(db: Database) -> Iterator[Connection]:
    """One transaction that holds the schema lock, so only one seat migrates at a time.

    On SQLite, foreign keys are switched off around it: rebuilding a table (how SQLite alters
    one) drops the old table, which would otherwise cascade-delete the rows that point to it.
    The caller checks `PRAGMA foreign_key_check` before the transaction commits.
    """
    with db.engine.connect() as conn:
        if db.kind != "sqlite":
            with conn.begin():
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
                yield conn
            return
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")  # only takes effect outside a transaction
        try:
            conn = conn.execution_options(sqlite_begin="BEGIN IMMEDIATE")
            with conn.begin():
                yield conn
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def sqlite_file(path: Path) -> URL:
    """A SQLite URL for any file name (a plain string would split at '?' or '#')."""
    return URL.create("sqlite", database=str(path))


def sqlite_uri(path: Path, mode: str = "ro") -> str:
    """A file URI that survives '?', '#' and '%' in folder names."""
    return f"{Path(path).resolve().as_uri()}?mode={mode}"


def sqlite_online_copy(source: Path, target: Path) -> None:
    """Consistent copy of a live SQLite file through SQLite's backup API (safe while in use)."""
    src = sqlite3.connect(sqlite_uri(source), uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def dialect_insert(dialect_name: str) -> Any:
    """The database's own INSERT, the one with ON CONFLICT (`dialect_name` as in
    `session.get_bind().dialect.name`). Imported here on use: importing PostgreSQL's dialect costs
    an SQLite shop about 50 ms of every start, for a database it never talks to."""
    if dialect_name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert
    from sqlalchemy.dialects import sqlite

    return sqlite.insert


def configure_models() -> None:
    """Set up every model's mapping now instead of at the first query. The window calls it on the
    worker at start-up, so it happens while someone signs in rather than after (about 50 ms)."""
    from .. import models  # noqa: F401 - every mapped class, so relationships resolve

    configure_mappers()


def missing_sqlite_file(url: str | URL) -> Path | None:
    """The SQLite file `url` names when there is no such file yet (None for a file that exists,
    an in-memory database or a server)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:" or parsed.database.startswith("file:"):
        return None
    path = Path(parsed.database)
    return None if path.exists() else path


def open_database(url: str, *, run_migrations: bool = True, create: bool = True) -> Database:
    """The database at `url`, migrated. With create=False a SQLite file that does not exist is
    refused before anything is made: a mistyped path must not become a new, empty database."""
    if not create and (missing := missing_sqlite_file(url)) is not None:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "core",
                "There is no database at {path} (check --db and OUTLETDESK_DB); nothing was "
                "created. `outletdesk demo`, `outletdesk restore FILE` or the window makes a new "
                "database.",
            ),
            path=str(missing.absolute()),
        )
    db = Database(url)
    if run_migrations:
        migrate(db)
    return db
