"""The headless layers never pull in Qt (STYLE.md: dependencies point down)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "outletdesk.core.services",
        "outletdesk.core.backup",
        "outletdesk.core.demo",
        "outletdesk.core.customer_export",
        "outletdesk.models",
        "outletdesk.printing.render",
        "outletdesk.export.xlsx",
        "outletdesk.cli",
    ],
)
def test_headless_module_imports_without_pyside6(module):
    code = f"import sys, {module}; assert 'PySide6' not in sys.modules, sorted(m for m in sys.modules if 'PySide6' in m)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# Loaded when first used (printing, Excel, a migration, opening an order, another page), never
# while the window opens on the Counter page.
LOADED_LATER = (
    "reportlab",
    "openpyxl",
    "alembic",
    "outletdesk.printing.render",
    "outletdesk.export.xlsx",
    "outletdesk.ui.work_orders.detail",
    "outletdesk.ui.work_orders.intake_dialog",
    "outletdesk.ui.customers_page",
    "outletdesk.ui.settings",
)

_START_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication
from outletdesk.core.auth import Actor
from outletdesk.core.services import Services
from outletdesk.models import Role
from outletdesk.ui.context import AppContext, ChangeBus, seat_settings
from outletdesk.ui.main_window import MainWindow
from outletdesk.ui.tasks import TaskRunner

app = QApplication([])
services = Services.open(sys.argv[1])
outlet = services.outlets.list()[0]
actor = Actor(None, "test", "Test", Role.MANAGER, outlet.id)
ctx = AppContext(services, actor, TaskRunner(inline=True), ChangeBus(), seat_settings())
window = MainWindow(ctx, outlet.name)
window.show()
app.processEvents()
assert window.pages.currentWidget() is window.work_orders
assert window.work_orders.model is not None and window.work_orders.model.rowCount() > 0
later = sys.argv[2].split(",")
print(sorted(m for m in sys.modules if any(m == p or m.startswith(p + ".") for p in later)))
"""


def test_the_counter_page_opens_without_loading_printing_excel_alembic_or_dialogs(tmp_path):
    """Start-up speed: the window with the Counter page's first rows loads nothing it has not used."""
    from outletdesk.core.demo import fill_demo
    from outletdesk.core.services import Services
    from outletdesk.core.work_orders.demo import generate_work_orders

    url = f"sqlite:///{tmp_path / 'shop.sqlite3'}"
    services = Services.open(url)  # migrates here, so the child only checks the revision
    fill_demo(services.db, customers=10)
    generate_work_orders(services.db, 20, seed=1)
    services.db.dispose()
    result = subprocess.run(
        [sys.executable, "-c", _START_WINDOW, url, ",".join(LOADED_LATER)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]", result.stdout


_SIGN_IN_FIRST = """
import sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import outletdesk.app as app_module

gate = threading.Event()  # holds the worker's open until the dialog has been looked at
real_open = app_module.open_shop
app_module.open_shop = lambda url: (gate.wait(), real_open(url))[1]
app = QApplication([])

def look():
    print("sqlalchemy" in sys.modules, flush=True)
    shown = [w for w in app.topLevelWidgets() if w.isVisible()]
    print([type(w).__name__ for w in shown], flush=True)
    gate.set()
    for w in shown:
        w.reject()  # closed before the database is open: run_app waits for the open, then ends

QTimer.singleShot(0, look)
sys.exit(app_module.run_app(sys.argv[1]))
"""


def test_the_sign_in_dialog_shows_before_sqlalchemy_loads_and_the_database_opens_behind_it(
    tmp_path,
):
    """app.py runs the event loop with the sign-in dialog while the worker opens the database."""
    from outletdesk.migrations import HEAD

    path = tmp_path / "new.sqlite3"
    result = subprocess.run(
        [sys.executable, "-c", _SIGN_IN_FIRST, f"sqlite:///{path}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split("\n")[:2] == ["False", "['LoginDialog']"], result.stdout
    with sqlite3.connect(path) as conn:  # the open (a migration here) finished, not cut off
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)


def test_the_migration_shortcut_knows_the_real_head():
    from alembic.script import ScriptDirectory

    from outletdesk.core.database import MIGRATIONS_DIR
    from outletdesk.migrations import HEAD

    assert ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head() == HEAD


_PREPARED_WHILE_TYPING = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
import outletdesk.app as app_module

app = QApplication([])

def look():
    login = next(w for w in app.topLevelWidgets() if type(w).__name__ == "LoginDialog")
    if not login.ok_button.isEnabled():  # the database is not open yet
        QTimer.singleShot(20, look)
        return
    QTest.qWait(1000)  # a person typing the password
    services = login._services
    print("outletdesk.ui.main_window" in sys.modules, "work_orders" in vars(services), flush=True)
    login.reject()

QTimer.singleShot(0, look)
sys.exit(app_module.run_app(sys.argv[1]))
"""


def test_the_main_window_is_made_ready_while_the_password_is_typed(tmp_path):
    """Once the database is open, run_app imports the window's code and the Counter's services
    before Sign in is pressed, so signing in does not wait for them."""
    from outletdesk.core.demo import fill_demo
    from outletdesk.core.services import Services

    url = f"sqlite:///{tmp_path / 'shop.sqlite3'}"
    services = Services.open(url)
    fill_demo(services.db, customers=1)
    services.db.dispose()
    result = subprocess.run(
        [sys.executable, "-c", _PREPARED_WHILE_TYPING, url],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", OUTLETDESK_HOME=str(tmp_path)),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split("\n")[0] == "True True", result.stdout
