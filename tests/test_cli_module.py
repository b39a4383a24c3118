"""`python -m outletdesk` is the outletdesk command."""

from __future__ import annotations

import subprocess
import sys


def test_python_dash_m_outletdesk_runs_the_command_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "outletdesk", "backup", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: outletdesk backup")
