"""The headless layers never pull in Qt (STYLE.md: dependencies point down)."""

from __future__ import annotations

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


def test_the_migration_shortcut_knows_the_real_head():
    from alembic.script import ScriptDirectory

    from outletdesk.core.database import MIGRATIONS_DIR
    from outletdesk.migrations import HEAD

    assert ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head() == HEAD
