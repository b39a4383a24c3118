"""Start to usable main window on a large database, beside a bare PySide6 window (goal <= 3x)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Figure, ratio_figure

HERE = Path(__file__).resolve().parent
CUSTOMERS = int(os.environ.get("BENCH_CUSTOMERS", "300000"))


def _database() -> str:
    """A demo database with CUSTOMERS customers, built once and kept between runs."""
    folder = Path(tempfile.gettempdir()) / "outletdesk-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"startup-{CUSTOMERS}.sqlite3"
    url = f"sqlite:///{path}"
    if not path.exists():
        sys.path.insert(0, str(HERE.parent))
        from outletdesk.core.demo import fill_demo
        from outletdesk.core.services import Services

        services = Services.open(url)
        fill_demo(services.db, customers=CUSTOMERS)
        services.db.dispose()
    return url


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
    url = _database()
    floor = _time("bare")
    ours = _time("outletdesk", url)
    return [
        ratio_figure(
            f"start to usable main window, {CUSTOMERS:,} customers (ms)",
            ours * 1000,
            floor * 1000,
            "ms",
            3,
        )
    ]


if __name__ == "__main__":
    for figure in run():
        print(figure)
