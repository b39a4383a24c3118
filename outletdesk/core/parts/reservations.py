"""Parts held for repairs awaiting parts (预留): while a work order waits for parts, its part lines
are a claim on its outlet's shelf instead of stock taken from it.

A claim is what the order's lines want less what already went out to it. It is not stored: it is
read from the lines and the ledger, so it can never disagree with them, and it ends by itself when
the order leaves "awaiting parts" (its lines are then issued) or is cancelled.

What is on the shelf goes to the waiting orders first come, first served (by when each began to
wait, then by order id); an order whose every claim is covered is ready to continue.
Another job may only take what no waiting order holds, and neither may a scrap, a move to a van,
a transfer to another outlet or upkeep on equipment; stock.py checks that under the same stock-row
lock as the movement itself (issue, leave_held), so two counters can never both take a held unit.
A count (adjust, stocktake) is not held back: it says what is there, and the orders are short again.

Only main-store lines claim: a line taken from a van is issued at once, even while the order
waits, so a claim is what the main-store lines want less what went out from the main store.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ...models import (
    LineKind,
    PartStock,
    StockLocation,
    StockMovement,
    WorkOrder,
    WorkOrderLine,
    WorkOrderStatus,
)

MAIN = "MAIN"  # an order takes its parts from its outlet's main store (stock.MAIN)
AWAITING = WorkOrderStatus.AWAITING_PARTS.value


@dataclass(frozen=True)
class Claim:
    """One part an order awaiting parts is waiting for, at its outlet's main store."""

    work_order_id: int
    number: str
    waiting_since: datetime
    part_id: int
    location_id: int
    quantity: int  # wanted by the lines, less what went out to the order already
    held: int = 0  # of that, on the shelf and kept for this order (first come, first served)

    @property
    def short(self) -> int:
        return self.quantity - self.held

    @property
    def queue(self) -> tuple[datetime, int]:
        return self.waiting_since, self.work_order_id


@dataclass(frozen=True)
class WaitingOrder:
    """An order awaiting parts and what it claims; ready to continue once all is held for it."""

    work_order_id: int
    number: str
    waiting_since: datetime
    claims: tuple[Claim, ...]

    @property
    def ready(self) -> bool:
        return all(c.short == 0 for c in self.claims)


def claims(
    s: Session,
    *,
    location_id: int | None = None,
    part_ids: Collection[int] | None = None,
) -> list[Claim]:
    """The claims of every order awaiting parts (at one store, for some parts, or all), each with
    how much of it the shelf holds for it; in queue order per part and store."""
    found = _claims(s, location_id, part_ids)
    return _cover(found, _on_hand(s, found))


def held_ahead(s: Session, order: WorkOrder, part_id: int, location_id: int) -> int:
    """How many of the part at the store are claimed by orders awaiting parts ahead of this
    order in the queue: by all of them, unless this order is itself awaiting parts."""
    mine = (order.waiting_since or order.received_at, order.id)
    awaiting = order.status == AWAITING
    return sum(
        c.quantity
        for c in _claims(s, location_id, (part_id,))
        if c.work_order_id != order.id and (not awaiting or c.queue < mine)
    )


def order_claims(s: Session, order: WorkOrder, part_ids: Collection[int]) -> list[Claim]:
    """This order's claims on these parts (none unless it awaits parts), each with what is held
    for it."""
    if order.status != AWAITING or not part_ids:
        return []
    location = s.scalar(
        select(StockLocation.id).where(
            StockLocation.outlet_id == order.outlet_id, StockLocation.code == MAIN
        )
    )
    if location is None:
        return []
    found = claims(s, location_id=location, part_ids=part_ids)
    return [c for c in found if c.work_order_id == order.id]


def waiting_orders(
    s: Session, location_id: int | None = None, part_ids: Collection[int] | None = None
) -> list[WaitingOrder]:
    """Orders awaiting parts that claim something (at one store; waiting for any of some parts),
    oldest waiting first. An order that claims nothing is left out: what it waits for is not in the
    catalogue, so only its technician knows when it can go on."""
    by_order: dict[int, list[Claim]] = {}
    for claim in claims(s, location_id=location_id):
        by_order.setdefault(claim.work_order_id, []).append(claim)
    found = [
        WaitingOrder(group[0].work_order_id, group[0].number, group[0].waiting_since, tuple(group))
        for group in by_order.values()
        if part_ids is None or any(c.part_id in part_ids for c in group)
    ]
    return sorted(found, key=lambda w: (w.waiting_since, w.work_order_id))


def ready_orders(s: Session, location_id: int | None = None) -> list[WaitingOrder]:
    """Orders awaiting parts whose every claim the shelf now covers, oldest waiting first."""
    return [w for w in waiting_orders(s, location_id) if w.ready]


def unblocked_by(s: Session, part_id: int, location_id: int) -> list[WaitingOrder]:
    """Orders waiting for this part at this store that can now continue (all they claim is held
    for them), oldest first: what to tell whoever just booked the part in."""
    return [w for w in waiting_orders(s, location_id, {part_id}) if w.ready]


def reserved_totals(
    s: Session, location_id: int | None = None, part_id: int | None = None
) -> dict[tuple[int, int], int]:
    """Quantity claimed by orders awaiting parts, per (part_id, location_id)."""
    totals: dict[tuple[int, int], int] = {}
    for c in _claims(s, location_id, None if part_id is None else (part_id,)):
        key = (c.part_id, c.location_id)
        totals[key] = totals.get(key, 0) + c.quantity
    return totals


def reserved_shortages(s: Session, location_id: int | None = None) -> dict[tuple[int, int], int]:
    """What orders awaiting parts still lack, per (part_id, location_id): their claims less what
    the shelf holds for them. Only parts actually short are in it (for the reorder list)."""
    short: dict[tuple[int, int], int] = {}
    for c in claims(s, location_id=location_id):
        if c.short:
            key = (c.part_id, c.location_id)
            short[key] = short.get(key, 0) + c.short
    return short


# ---------------------------------------------------------------- inside


def _claims(s: Session, location_id: int | None, part_ids: Collection[int] | None) -> list[Claim]:
    """Claims as the lines and the ledger say, before the shelf is shared out."""
    wanted = (
        select(
            WorkOrder.id,
            WorkOrder.number,
            func.coalesce(WorkOrder.waiting_since, WorkOrder.received_at),
            WorkOrderLine.part_id,
            StockLocation.id,
            func.sum(WorkOrderLine.quantity),
        )
        .join(WorkOrderLine, WorkOrderLine.work_order_id == WorkOrder.id)
        .join(
            StockLocation,
            and_(StockLocation.outlet_id == WorkOrder.outlet_id, StockLocation.code == MAIN),
        )
        .where(
            WorkOrder.status == AWAITING,
            WorkOrderLine.kind == LineKind.PART.value,
            WorkOrderLine.part_id.is_not(None),
            or_(WorkOrderLine.location_id.is_(None), WorkOrderLine.location_id == StockLocation.id),
        )
        .group_by(
            WorkOrder.id,
            WorkOrder.number,
            WorkOrder.waiting_since,
            WorkOrder.received_at,
            WorkOrderLine.part_id,
            StockLocation.id,
        )
    )
    if location_id is not None:
        wanted = wanted.where(StockLocation.id == location_id)
    if part_ids is not None:
        wanted = wanted.where(WorkOrderLine.part_id.in_(sorted(part_ids)))
    rows = s.execute(wanted).all()
    if not rows:
        return []
    taken = _issued(s, {row[0] for row in rows}, {row[3] for row in rows if row[3] is not None})
    found = []
    for order_id, number, since, part_id, location, quantity in rows:
        assert part_id is not None  # filtered above; the column is nullable
        rest = int(quantity) - taken.get((order_id, part_id, location), 0)
        if rest > 0:
            found.append(Claim(order_id, number, since, part_id, location, rest))
    return found


def _issued(
    s: Session, order_ids: Iterable[int], part_ids: Iterable[int]
) -> dict[tuple[int, int, int], int]:
    """Net quantity that went out to each (order, part, location it left): what left a van
    does not cover a main-store line."""
    rows = s.execute(
        select(
            StockMovement.work_order_id,
            StockMovement.part_id,
            StockMovement.location_id,
            func.sum(StockMovement.quantity),
        )
        .where(
            StockMovement.work_order_id.in_(sorted(order_ids)),
            StockMovement.part_id.in_(sorted(part_ids)),
        )
        .group_by(StockMovement.work_order_id, StockMovement.part_id, StockMovement.location_id)
    ).all()
    return {
        (order, part, location): -int(total)
        for order, part, location, total in rows
        if order is not None
    }


def _on_hand(s: Session, found: list[Claim]) -> dict[tuple[int, int], int]:
    if not found:
        return {}
    rows = s.execute(
        select(PartStock.part_id, PartStock.location_id, PartStock.on_hand).where(
            PartStock.part_id.in_(sorted({c.part_id for c in found})),
            PartStock.location_id.in_(sorted({c.location_id for c in found})),
        )
    ).all()
    return {(part, location): int(qty) for part, location, qty in rows}


def _cover(found: list[Claim], on_hand: dict[tuple[int, int], int]) -> list[Claim]:
    """Share each store's shelf among the claims on it, first come, first served."""
    left = dict(on_hand)
    covered = []
    for c in sorted(found, key=lambda c: (c.part_id, c.location_id, c.queue)):
        key = (c.part_id, c.location_id)
        held = min(c.quantity, left.get(key, 0))
        left[key] = left.get(key, 0) - held
        covered.append(replace(c, held=held))
    return covered
