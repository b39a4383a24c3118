"""Demo work orders in volume: years of a two-outlet shop, for first start and the benchmarks.

demo_orders makes the rows; bulk_load writes them in one guarded transaction.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from sqlalchemy import select

from ...models import Customer as CustomerRow
from ...models import CustomerPhone, Outlet, Role, User, utcnow
from ...progress import Progress
from ..database import Database
from .bulk_load import bulk_load, finishing_steps
from .demo_orders import Customer, Orders, Shop

SERIES = "work_order"
CHUNK = 20_000  # orders per batch handed to the writer
# Building the indexes again takes about a fifth of the load's time: its share of the bar.
FINISH_SHARE = 0.2


def _read_shop(db: Database) -> Shop:
    with db.read() as s:
        outlets = [(r.id, r.code) for r in s.execute(select(Outlet.id, Outlet.code))]
        technicians = list(s.scalars(select(User.id).where(User.role == Role.TECHNICIAN))) or list(
            s.scalars(select(User.id))
        )
        phones: dict[int, list[str]] = {}
        for cid, number in s.execute(
            select(CustomerPhone.customer_id, CustomerPhone.number).order_by(
                CustomerPhone.customer_id, CustomerPhone.position
            )
        ):
            phones.setdefault(cid, []).append(number)
        customers = []
        for cid, name, key in s.execute(
            select(CustomerRow.id, CustomerRow.name, CustomerRow.name_key)
        ):
            mine = phones.get(cid, [])
            # rules.search_text without the number and the device (joined on, in that order).
            part = " ".join(p for p in (name, *mine) if p).casefold()
            customers.append(Customer(cid, name, key, mine[0] if mine else "", part + " "))
    if not outlets or not customers or not technicians:
        raise ValueError("generate_work_orders needs outlets, users and customers (fill_demo)")
    return Shop(outlets, technicians, customers)


def generate_work_orders(
    db: Database,
    count: int,
    *,
    seed: int = 7,
    progress: Progress | None = None,
    now: Callable[[], datetime] = utcnow,
) -> int:
    """Add `count` realistic orders over the last years at every outlet; returns count.

    Needs the demo's outlets, users and customers (`fill_demo`). Most orders are delivered,
    recent ones are still open; about one in ten is urgent. Devices are created per order or
    reused from the customer's earlier visits. The newest orders (demo_orders.DETAILED) get
    their lines, status history (received, then the current status) and payments; totals and
    paid are set on every order. Recent hand-backs have their follow-up call due; the detailed
    history has its calls done and scored; older delivered orders count as followed up.

    All in one transaction (see bulk_load): on a cancel or an error nothing is added.
    """
    shop = _read_shop(db)
    if count <= 0:
        return 0
    rng = random.Random(seed)
    outlets = shop.outlets
    per_outlet = [
        count // len(outlets) + (1 if i < count % len(outlets) else 0) for i in range(len(outlets))
    ]
    outlet_of = [i for i, n in enumerate(per_outlet) for _ in range(n)]
    rng.shuffle(outlet_of)
    steps = finishing_steps(db)
    finish_step = max(1, int(count * FINISH_SHARE / max(1, steps)))
    if progress is not None:
        progress.start(count + finish_step * steps)

    def step() -> None:
        if progress is not None:
            progress.advance(finish_step)

    with bulk_load(db, step) as load:
        first = load.take_numbers(
            SERIES, {o: n for (o, _code), n in zip(outlets, per_outlet, strict=True)}
        )
        orders = Orders(
            shop, rng, db.kind, load.first_ids(), [first[o] for o, _ in outlets], now(), count
        )

        # The next chunk is made on a second thread while SQLite fills the search index for
        # the last one (without the GIL); the inserts themselves run with nothing competing.
        with ThreadPoolExecutor(1, thread_name_prefix="demo-work-orders") as ahead:
            making = ahead.submit(orders.chunk, 0, min(CHUNK, count), outlet_of)
            for done in range(0, count, CHUNK):
                chunk = making.result()
                chunk.write(load)
                if done + CHUNK < count:
                    size = min(CHUNK, count - done - CHUNK)
                    making = ahead.submit(orders.chunk, done + CHUNK, size, outlet_of)
                load.fill_search(chunk.first_id, chunk.first_id + chunk.size - 1)
                if progress is not None:
                    progress.advance(chunk.size)
    return count
