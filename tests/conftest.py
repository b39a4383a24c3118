"""Test fixtures: a migrated database per test, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt or reads the user data folder.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="outletdesk-test-home-")
os.environ["OUTLETDESK_HOME"] = _HOME
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)  # one per test process
os.environ.pop("OUTLETDESK_DB", None)

import pytest  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from outletdesk.core.auth import Actor  # noqa: E402
from outletdesk.core.database import Database, migrate  # noqa: E402
from outletdesk.core.services import Services  # noqa: E402
from outletdesk.models import Role  # noqa: E402

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def _pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3])
    )
    return candidates[-1].parent if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    """A throwaway PostgreSQL cluster in a temp folder, owned by the postgres user when we are root."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.base = Path(tempfile.mkdtemp(prefix="outletdesk-pg-"))
        self.port = _free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            # initdb and pg_ctl refuse to run as root.
            import pwd

            pw = pwd.getpwnam("postgres")
            os.chown(self.base, pw.pw_uid, pw.pw_gid)
            self.prefix = ["runuser", "-u", "postgres", "--"]
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *cmd: str) -> None:
        subprocess.run(
            [*self.prefix, *cmd], check=True, capture_output=True, text=True, timeout=120
        )

    def start(self) -> None:
        data = self.base / "data"
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-locale",
        )
        options = f"-k {self.base} -p {self.port} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(self.base / "server.log"),
            "-o",
            options,
            "-w",
            "start",
        )

    def stop(self) -> None:
        try:
            self._run(
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.base / "data"),
                "-m",
                "immediate",
                "-w",
                "stop",
            )
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    def admin_execute(self, sql: str) -> None:
        engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text(sql))
        finally:
            engine.dispose()

    def database_url(self, name: str) -> str:
        return self.url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bindir = _pg_bin()
    if bindir is None:
        reason = "PostgreSQL server binaries not found (scripts/system-deps.sh installs them)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    server = PostgresServer(bindir)
    server.start()
    try:
        server.admin_execute("CREATE DATABASE od_template")
        template = Database(server.database_url("od_template"))
        migrate(template)
        template.dispose()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = Database(f"sqlite:///{path}")
    migrate(db)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


_counter = itertools.count()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A freshly migrated, empty database of each kind."""
    if request.param == "sqlite":
        target = tmp_path / "outletdesk.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), target)
        yield f"sqlite:///{target}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = f"od_test_{os.getpid()}_{next(_counter)}"
    server.admin_execute(f"CREATE DATABASE {name} TEMPLATE od_template")
    try:
        yield server.database_url(name)
    finally:
        server.admin_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def services(db_url: str) -> Iterator[Services]:
    svc = Services.for_database(Database(db_url))
    yield svc
    svc.db.dispose()


@pytest.fixture
def cli_actor() -> Actor:
    return Actor.command_line()


@pytest.fixture
def outlet(services: Services, cli_actor: Actor):  # type: ignore[no-untyped-def]
    from outletdesk.core.outlets import OutletInput

    created, _ = services.outlets.create(
        cli_actor,
        OutletInput("N", "North Station 北站店", "88 Station Rd", "010 6255 0101", "TAX-1"),
    )
    return created


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A window test runs in English and again in Chinese, the shipped translation installed."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if request.param == "zh_CN":
        qm = Path(__file__).resolve().parent.parent / "resources/translations/outletdesk_zh_CN.qm"
        assert translator.load(str(qm))
        qapp.installTranslator(translator)
    yield request.param
    qapp.removeTranslator(translator)


def ui_context(services: Services, actor: Actor, tmp_path: Path):  # type: ignore[no-untyped-def]
    """What a page is handed, with the worker run inline so tests see results at once."""
    from PySide6.QtCore import QSettings

    from outletdesk.ui.context import AppContext, ChangeBus
    from outletdesk.ui.tasks import TaskRunner

    return AppContext(
        services,
        actor,
        TaskRunner(inline=True),
        ChangeBus(),
        QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat),
    )


def make_actor(services: Services, outlet_id: int, role: Role, name: str | None = None) -> Actor:
    username = name or role.value
    user, _ = services.users.create(
        Actor.command_line(), username, username.title(), role.value, "secret-pw", outlet_id
    )
    return services.auth.sign_in(username, "secret-pw").at_outlet(outlet_id)


@pytest.fixture
def admin(services: Services, outlet) -> Actor:  # type: ignore[no-untyped-def]
    return make_actor(services, outlet.id, Role.ADMIN)


@pytest.fixture
def clerk(services: Services, outlet) -> Actor:  # type: ignore[no-untyped-def]
    return make_actor(services, outlet.id, Role.CLERK)


@pytest.fixture
def staff(services: Services, outlet) -> Actor:  # type: ignore[no-untyped-def]
    """The outlet's maintenance worker, who keeps the equipment register and its upkeep."""
    return make_actor(services, outlet.id, Role.MAINTENANCE, "upkeep")


@pytest.fixture
def station(services: Services, staff: Actor, outlet):  # type: ignore[no-untyped-def]
    """A soldering station in the Tools category, registered by `staff`."""
    from test_equipment_register import soldering

    tools = next(c for c in services.equipment.categories(staff) if c.name.startswith("Tools"))
    return services.equipment.create(staff, soldering(outlet.id, tools.id))[0]


def audit_count(services: Services) -> int:
    from sqlalchemy import func, select

    from outletdesk.models import AuditEntry

    with services.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


@pytest.fixture(autouse=True)
def _no_unexpected_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal box in a test would block or crash offscreen; tests route messages through methods."""
    from PySide6.QtWidgets import QMessageBox

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse))


# ---------------------------------------------------------------- poppler (reading PDFs back)

POPPLER_TOOLS = ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm")


def poppler_missing(*tools: str) -> str | None:
    """Why a PDF cannot be read back here, or None; under CI a missing tool fails the test
    (as the PostgreSQL server does: CI must not skip silently)."""
    for tool in tools or POPPLER_TOOLS:
        if shutil.which(tool) is None:
            reason = f"{tool} is not installed (poppler-utils)"
            if os.environ.get("CI"):
                pytest.fail(reason)
            return reason
    return None


def require_poppler(*tools: str) -> None:
    reason = poppler_missing(*tools)
    if reason is not None:
        pytest.skip(reason)


@pytest.fixture
def poppler() -> None:
    require_poppler()


needs_poppler = pytest.mark.usefixtures("poppler")
