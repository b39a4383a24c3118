"""A counter in its own process for test_stock: waits for the start signal, then tries to issue
one unit of a part to a work order (at the main store, as a line's issue does) and prints "issued" or "short".

python concurrent_issue_worker.py URL USERNAME PASSWORD OUTLET_ID PART_ID ORDER_ID START_FILE
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main() -> None:
    url, username, password, outlet_id, part_id, order_id, start_file = sys.argv[1:8]
    import order_stock  # beside this file

    from outletdesk.core.parts.stock import InsufficientStock
    from outletdesk.core.services import Services

    services = Services.open(url)
    actor = services.auth.sign_in(username, password).at_outlet(int(outlet_id))
    start = Path(start_file)
    start.with_name(f"ready-{username}").touch()
    while not start.exists():
        time.sleep(0.002)
    try:
        order_stock.issue(services, actor, int(part_id), 1, int(order_id))
        print("issued", flush=True)
    except InsufficientStock as exc:
        print("short", exc, flush=True)
    services.db.dispose()


if __name__ == "__main__":
    main()
