"""Start to usable main window on a million work orders, beside a bare PySide6 window (goal <= 3x).

Usable: the window is on screen at the Counter page with the work-order list's first page in it.
BENCH_WORK_ORDERS=200000 python bench/run.py startup   # a smaller database, for a quick look
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_work_orders import ORDERS
from bench_work_orders import _database as work_orders_database
from common import Figure, ratio_figure

HERE = Path(__file__).resolve().parent


def _time(*args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OUTLETDESK_HOME=tempfile.mkdtemp())
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, str(HERE / "startup_child.py"), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        elapsed = time.perf_counter() - start
        if "READY" not in out.stdout:
            raise RuntimeError(out.stderr[-2000:])
        best = min(best, elapsed)
    return best


def run() -> list[Figure]:
    # The database bench_work_orders builds and keeps; start-up only reads it (the schema is
    # current, so the migration check writes nothing).
    path, _generated = work_orders_database()
    floor = _time("bare")
    ours = _time("outletdesk", f"sqlite:///{path}")
    return [
        ratio_figure(
            f"start to usable main window, {ORDERS:,} work orders (ms)",
            ours * 1000,
            floor * 1000,
            "ms",
            3,
        )
    ]


if __name__ == "__main__":
    for figure in run():
        print(figure)
