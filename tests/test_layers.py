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
