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


def test_the_window_starts_without_loading_printing_excel_or_alembic():
    """Start-up speed: reportlab, openpyxl and Alembic load when first used, not at start."""
    code = (
        "import sys, tempfile\n"
        "from outletdesk.ui.main_window import MainWindow\n"
        "from outletdesk.core.services import Services\n"
        "from outletdesk.core.database import Database, migrate\n"
        "url = f'sqlite:///{tempfile.mkdtemp()}/x.sqlite3'\n"
        "migrate(Database(url))\n"
        "for name in [m for m in sys.modules if m.split('.')[0] in ('reportlab', 'openpyxl', 'alembic')]:\n"
        "    del sys.modules[name]\n"
        "Services.open(url)\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'openpyxl', 'alembic'})\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_migration_shortcut_knows_the_real_head():
    from alembic.script import ScriptDirectory

    from outletdesk.core.database import MIGRATIONS_DIR
    from outletdesk.migrations import HEAD

    assert ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head() == HEAD
