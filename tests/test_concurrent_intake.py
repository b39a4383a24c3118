"""Several counters (separate processes) taking in devices at the same moment on one database:
every order gets its own number, none is skipped or reused, and every deposit is recorded."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import make_actor
from sqlalchemy import func, select

from outletdesk.models import Payment, Role, WorkOrder

COUNTERS = 4
EACH = 6
WORKER = Path(__file__).with_name("concurrent_intake_worker.py")


def test_concurrent_intakes_from_several_processes_number_every_order_once(
    services, db_url, outlet, tmp_path
):
    names = [f"counter{n}" for n in range(COUNTERS)]
    for name in names:
        make_actor(services, outlet.id, Role.CLERK, name)
    start = tmp_path / "go"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                str(WORKER),
                db_url,
                name,
                "secret-pw",
                str(outlet.id),
                str(start),
                str(EACH),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in names
    ]
    # Every process imports and signs in first, so that the intakes really run at once.
    deadline = time.monotonic() + 120
    while not all((tmp_path / f"ready-{name}").exists() for name in names):
        assert time.monotonic() < deadline and all(w.poll() is None for w in workers), [
            w.stderr.read()[-2000:] for w in workers if w.poll() is not None and w.stderr
        ]
        time.sleep(0.02)
    start.touch()
    per_counter: list[list[str]] = []
    for worker in workers:
        out, err = worker.communicate(timeout=180)
        assert worker.returncode == 0, err[-3000:]
        per_counter.append(out.split())
    numbers = [n for mine in per_counter for n in mine]

    total = COUNTERS * EACH
    assert len(numbers) == total
    assert sorted(numbers) == [f"N-{n:06d}" for n in range(1, total + 1)]  # no gap, no reuse
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(WorkOrder)) == total
        assert s.scalar(select(func.count()).select_from(Payment)) == total
