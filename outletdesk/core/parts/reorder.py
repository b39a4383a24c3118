"""What to reorder: parts running out at a location, counting what is on its way and what
orders awaiting parts there claim."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ...models import (
    Part,
    PartStock,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    StockTransfer,
    TransferStatus,
)
from .reservations import reserved_totals


@dataclass(frozen=True)
class ReorderLine:
    """A part running out at an outlet, and how many to order."""

    part_id: int
    sku: str
    name: str
    on_hand: int
    on_the_way: int  # in transit to this outlet from another
    min_level: int
    suggested: int
    supplier_id: int | None
    on_order: int = 0  # outstanding on placed purchase orders to this outlet
    for_orders: int = 0  # claimed by work orders awaiting parts here (held or still short)


def low_stock_lines(s: Session, location_id: int) -> list[ReorderLine]:
    """The low-stock list of one location (see StockService.low_stock); also used to draft a
    purchase order from it."""
    incoming = (
        select(StockTransfer.part_id, func.sum(StockTransfer.quantity).label("qty"))
        .where(
            StockTransfer.to_location_id == location_id,
            StockTransfer.status == TransferStatus.IN_TRANSIT.value,
        )
        .group_by(StockTransfer.part_id)
        .subquery()
    )
    ordered = (
        select(
            PurchaseOrderLine.part_id,
            func.sum(PurchaseOrderLine.quantity - PurchaseOrderLine.received).label("qty"),
        )
        .join(PurchaseOrder, PurchaseOrder.id == PurchaseOrderLine.purchase_order_id)
        .where(
            PurchaseOrder.location_id == location_id,
            PurchaseOrder.status.in_(
                (PurchaseOrderStatus.ORDERED.value, PurchaseOrderStatus.PARTLY_RECEIVED.value)
            ),
        )
        .group_by(PurchaseOrderLine.part_id)
        .subquery()
    )
    coming = func.coalesce(incoming.c.qty, 0)
    on_order = func.coalesce(ordered.c.qty, 0)
    # Orders awaiting parts here claim stock: what they wait for counts against the shelf, so
    # a shortage is on the list even for a part kept without a minimum.
    claimed = {part: qty for (part, _loc), qty in reserved_totals(s, location_id).items()}
    low = and_(PartStock.min_level > 0, PartStock.on_hand + coming + on_order < PartStock.min_level)
    rows = s.execute(
        select(Part.id, Part.sku, Part.name, PartStock.on_hand, coming, on_order,
               PartStock.min_level, PartStock.reorder_qty, Part.supplier_id)
        .join(PartStock, PartStock.part_id == Part.id)
        .outerjoin(incoming, incoming.c.part_id == Part.id)
        .outerjoin(ordered, ordered.c.part_id == Part.id)
        .where(
            PartStock.location_id == location_id,
            Part.active,
            or_(low, Part.id.in_(list(claimed))) if claimed else low,
        )
        .order_by(Part.sku)
    ).all()  # fmt: skip
    lines = []
    for pid, sku, name, on_hand, on_way, bought, minimum, reorder, supplier in rows:
        waiting = claimed.get(pid, 0)
        expected = on_hand + int(on_way) + int(bought) - waiting
        if expected >= minimum:
            continue  # enough, counting what comes in and what waiting orders take
        lines.append(
            ReorderLine(
                pid,
                sku,
                name,
                on_hand,
                int(on_way),
                minimum,
                max(reorder, minimum - expected),
                supplier,
                int(bought),
                waiting,
            )  # fmt: skip
        )
    return lines
