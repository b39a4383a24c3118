"""A counter in its own process for test_concurrent_intake: waits for the start signal, then takes
in COUNT devices as fast as it can and prints the numbers it was given, one per line.

python concurrent_intake_worker.py URL USERNAME PASSWORD OUTLET_ID START_FILE COUNT
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main() -> None:
    url, username, password, outlet_id, start_file, count = sys.argv[1:7]
    from outletdesk.core.customers import CustomerInput
    from outletdesk.core.services import Services
    from outletdesk.core.work_orders.dto import DeviceInput, IntakeInput

    services = Services.open(url)
    actor = services.auth.sign_in(username, password).at_outlet(int(outlet_id))
    start = Path(start_file)
    start.with_name(f"ready-{username}").touch()
    while not start.exists():  # every counter starts at the same moment
        time.sleep(0.005)
    for i in range(int(count)):
        order, _ = services.intake.take_in(
            actor,
            IntakeInput(
                device=DeviceInput("phone", "Huawei", "P50", serial=f"{username}-{i}"),
                reported_fault="No power",
                new_customer=CustomerInput(f"Customer {username} {i}", [f"1390000{i:04d}"]),
                deposit="10.00",
            ),
        )
        print(order.number, flush=True)
    services.db.dispose()


if __name__ == "__main__":
    main()
