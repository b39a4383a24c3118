"""A counter in its own process for test_work_order_parts: waits for the start signal, then either
saves one unit of a part on its work order ("save") or takes the order waiting for that part on to
repair ("continue"), and prints "issued" or "short".

python concurrent_parts_worker.py URL USERNAME PASSWORD OUTLET_ID PART_ID ORDER_ID START_FILE ACTION
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main() -> None:
    url, username, password, outlet_id, part_id, order_id, start_file, action = sys.argv[1:9]
    from outletdesk.core.parts.stock import InsufficientStock
    from outletdesk.core.services import Services
    from outletdesk.core.work_orders.dto import LineInput
    from outletdesk.models import WorkOrderStatus

    services = Services.open(url)
    actor = services.auth.sign_in(username, password).at_outlet(int(outlet_id))
    order = services.work_orders.get(actor, int(order_id))
    start = Path(start_file)
    start.with_name(f"ready-{username}").touch()
    while not start.exists():
        time.sleep(0.002)
    try:
        if action == "continue":
            services.work_orders.move(actor, order.id, order.version, WorkOrderStatus.IN_REPAIR)
        else:
            line = LineInput("part", "Screen", 1, "560", part_id=int(part_id))
            services.work_orders.set_lines(actor, order.id, order.version, [line])
        print("issued", flush=True)
    except InsufficientStock as exc:
        print("short", exc, flush=True)
    services.db.dispose()


if __name__ == "__main__":
    main()
