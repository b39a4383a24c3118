"""Creating one work order through the intake service vs a bare insert of the same row (<= 20 ms)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from common import Figure

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
ROUNDS = 50


def run() -> list[Figure]:
    from sqlalchemy import insert

    from outletdesk.core.customers import CustomerInput
    from outletdesk.core.demo import fill_demo
    from outletdesk.core.services import Services
    from outletdesk.core.work_orders.dto import DeviceInput, IntakeInput
    from outletdesk.models import WorkOrder, utcnow

    folder = Path(tempfile.mkdtemp(prefix="outletdesk-bench-intake-"))
    services = Services.open(f"sqlite:///{folder / 'intake.sqlite3'}")
    fill_demo(services.db, customers=2000)
    clerk = services.auth.sign_in("clerk", "demo")
    customer = services.customers.search(clerk, "", limit=1).rows[0]
    timings = []
    for i in range(ROUNDS):
        data = IntakeInput(
            DeviceInput("phone", "Apple", "iPhone 13", serial=f"BENCH{i:06d}"),
            "Battery drains fast",
            customer_id=customer.id if i % 2 else None,
            new_customer=None
            if i % 2
            else CustomerInput(f"Bench Customer {i}", [f"1380000{i:04d}"]),
            deposit="50.00",
        )
        start = time.perf_counter()
        services.intake.take_in(clerk, data)
        timings.append(time.perf_counter() - start)
    floors = []
    for i in range(ROUNDS):
        now = utcnow()
        start = time.perf_counter()
        with services.db.write() as s:
            s.execute(
                insert(WorkOrder).values(
                    outlet_id=1,
                    number=f"BARE-{i:06d}",
                    customer_id=customer.id,
                    device_id=1,
                    status="received",
                    reported_fault="Battery drains fast",
                    received_at=now,
                    updated_at=now,
                    version=1,
                )
            )
        floors.append(time.perf_counter() - start)
    services.db.dispose()
    ours, floor = sorted(timings)[ROUNDS // 2] * 1000, sorted(floors)[ROUNDS // 2] * 1000
    return [
        Figure(
            "create one work order, median of 50 (ms)", ours, floor, "ms", "<= 20 ms", ours <= 20
        )
    ]


if __name__ == "__main__":
    for figure in run():
        print(figure)
