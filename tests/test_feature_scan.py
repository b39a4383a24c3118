"""Start-up spares later imports PySide6's reading of each module's source (skip_feature_scan),
without taking PySide's opt-in __feature__ switches from a module that asks for them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(tmp_path: Path, skip: bool) -> str:
    (tmp_path / "plain_module.py").write_text("VALUE = 1\n")
    (tmp_path / "snake_module.py").write_text(
        "from __feature__ import snake_case  # noqa\n"
        "from PySide6.QtCore import QSize\n"
        "VALID = QSize(1, 2).is_valid()\n"
    )
    script = textwrap.dedent(
        f"""
        import linecache, sys
        sys.path[:0] = [{str(ROOT)!r}, {str(tmp_path)!r}]
        import PySide6.QtCore
        from outletdesk.app import skip_feature_scan
        if {skip!r}:
            skip_feature_scan()
        import plain_module, snake_module
        table = sys.modules["shibokensupport.feature"].pyside_feature_dict
        read = any(name.endswith("plain_module.py") for name in linecache.cache)
        print("plain", table.get("plain_module"), "read" if read else "unread")
        print("snake", snake_module.VALID)
        """
    )
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    ).stdout


def test_later_imports_are_not_read_for_pyside_features(tmp_path):
    out = _run(tmp_path, skip=True)
    assert "plain -1 unread" in out  # ignored in feature switching, as PySide would mark it
    assert "snake True" in out  # a module that selects snake_case still has it


def test_without_it_pyside_reads_every_imported_module(tmp_path):
    """The cost skip_feature_scan removes. A PySide release that drops the scan is no fault of
    ours: the test then says so and skips, and skip_feature_scan can go."""
    out = _run(tmp_path, skip=False)
    assert "snake True" in out
    if "plain -1 unread" in out:
        pytest.skip("this PySide no longer reads each module's source: skip_feature_scan can go")
    assert "plain -1 read" in out
