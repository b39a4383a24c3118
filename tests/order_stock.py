"""Parts put out to a work order, or taken back, without a line on it: what tests use to set up
stock that went out to an order (held stock, stocktakes, exports, the concurrency worker).

The app has no such path: a repair's parts go out with its lines (WorkOrderService.set_lines
and the status steps, through settle_order_parts), so StockService has no issue or return. This
goes through the same ledger code (order_parts._issue_to_order, write_movement) at the main store,
so what it writes is what a line's issue writes; the order's next save of its lines returns it.
"""

from __future__ import annotations

from outletdesk.core.auth import Actor, Permission
from outletdesk.core.parts.ledger import StockLevel, _part, _quantity, main_location, write_movement
from outletdesk.core.parts.order_parts import _issue_cost, _issue_to_order, issued_to_order
from outletdesk.core.services import Services
from outletdesk.models import MovementKind, WorkOrder


def issue(
    services: Services,
    actor: Actor,
    part_id: int,
    quantity: int | str,
    order_id: int,
    *,
    outlet_id: int | None = None,
) -> StockLevel:
    """Take `quantity` of the part from the main store (the order's outlet's, or the named one's)
    for the order; refused as a line's issue is when short or held for orders ahead of it."""
    actor.require(Permission.EDIT_WORK_ORDERS)
    qty = _quantity(quantity)
    with services.db.write(actor) as s:
        order = s.get(WorkOrder, order_id)
        assert order is not None, order_id
        location = main_location(s, actor, outlet_id or order.outlet_id)
        return _issue_to_order(s, actor, order, _part(s, part_id), location, qty)


def return_from_order(
    services: Services,
    actor: Actor,
    part_id: int,
    quantity: int | str,
    order_id: int,
    *,
    outlet_id: int | None = None,
) -> StockLevel:
    """Put back on the main store what went out from it to the order, at the cost it left with."""
    actor.require(Permission.EDIT_WORK_ORDERS)
    qty = _quantity(quantity)
    with services.db.write(actor) as s:
        order = s.get(WorkOrder, order_id)
        assert order is not None, order_id
        part = _part(s, part_id)
        location = main_location(s, actor, outlet_id or order.outlet_id)
        issued = issued_to_order(s, order.id, location.id).get(part.id, 0)
        if qty > issued:
            raise ValueError(f"{qty} of {part.sku} cannot come back: {issued} went out to it")
        return write_movement(
            s, actor, part, location, MovementKind.RETURN, qty,
            _issue_cost(s, order.id, part.id, location.id), order.number,
            work_order_id=order.id,
        )  # fmt: skip
