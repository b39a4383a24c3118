"""Parts going out to a work order and coming back from it: the order's part lines settled
against the ledger, per part and per location (the main store, or a van of the order's
outlet)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...models import MovementKind, Part, StockLocation, StockMovement, WorkOrder
from ..auth import Actor
from ..errors import Items, ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from .ledger import (
    MAIN,
    InsufficientStock,
    StockLevel,
    main_location,
    place_name,
    stock_location,
    stock_row,
    write_movement,
)
from .reservations import held_ahead


def _issue_cost(
    s: Session, order_id: int, part_id: int, location_id: int | None = None
) -> Decimal | None:
    """The unit cost the part last left with for this order (from one location, when named):
    a return comes back at it."""
    query = select(StockMovement.unit_cost).where(
        StockMovement.work_order_id == order_id,
        StockMovement.part_id == part_id,
        StockMovement.kind == MovementKind.ISSUE.value,
    )
    if location_id is not None:
        query = query.where(StockMovement.location_id == location_id)
    return s.scalar(query.order_by(StockMovement.id.desc()).limit(1))


# ---------------------------------------------------------------- work-order part lines


def issued_to_order(s: Session, order_id: int, location_id: int | None = None) -> dict[int, int]:
    """Net quantity of each part that went out to the order (issues less returns), from any
    shelf or from one."""
    query = select(StockMovement.part_id, func.sum(StockMovement.quantity)).where(
        StockMovement.work_order_id == order_id
    )
    if location_id is not None:
        query = query.where(StockMovement.location_id == location_id)
    rows = s.execute(query.group_by(StockMovement.part_id)).all()
    return {part_id: -int(total) for part_id, total in rows if int(total) != 0}


def issued_by_location(s: Session, order_id: int) -> dict[tuple[int, int], int]:
    """Net quantity of each part that went out to the order, per (part, location it left)."""
    rows = s.execute(
        select(StockMovement.part_id, StockMovement.location_id, func.sum(StockMovement.quantity))
        .where(StockMovement.work_order_id == order_id)
        .group_by(StockMovement.part_id, StockMovement.location_id)
    ).all()
    return {(part, loc): -int(total) for part, loc, total in rows if int(total) != 0}


def take_from(chosen: str, free: Mapping[str, int]) -> str:
    """Where a part picked for a work order comes from (location codes of the order's outlet,
    `free`: what each has free of it): the chosen van while it has some free, else the main store,
    the one place where a part with none free can be held for the order while it awaits parts."""
    return chosen if chosen == MAIN or free.get(chosen, 0) > 0 else MAIN


PartAt = tuple[int, int | None]  # (part id, location id: a van, or None for the main store)


def settle_order_parts(
    s: Session,
    actor: Actor,
    order: WorkOrder,
    wanted: Mapping[PartAt, int],
    *,
    hold: bool = False,
    lines: Mapping[PartAt, Sequence[int]] | None = None,
) -> bool:
    """Make the stock that went out to the order match its part lines, per part and per location
    (the main store, or a van of the order's outlet), inside the order's own transaction: more
    wanted is issued (refused, with nothing saved, when the shelf is short or what is there is
    held for orders awaiting parts ahead of it), a line removed or reduced goes back to the
    location it left, at the cost it left with. A line moved from the store to the van is
    returned to the store and issued from the van.

    `hold`: the order is awaiting parts, so what its main-store lines want beyond what already
    went out is left on the shelf as its claim (see reservations.py) instead of being taken; what
    went out stays out, as it is on the bench. A van line is issued at once all the same: the van
    is with the technician, and nothing is held in a van. `lines`: the line numbers of each
    (part, location), for a refusal to name. Returns whether the order touches stock at all."""
    issued = issued_by_location(s, order.id)
    if not wanted and not issued:  # free-text lines only: no stock involved, nothing to look up
        return False
    main = main_location(s, actor, order.outlet_id)
    want: dict[tuple[int, int], int] = {}
    for (part_id, location_id), quantity in wanted.items():
        key = (part_id, main.id if location_id is None else location_id)
        want[key] = want.get(key, 0) + quantity
    line_of = {
        (part_id, main.id if location_id is None else location_id): tuple(numbers)
        for (part_id, location_id), numbers in (lines or {}).items()
    }
    # One lock order (part, then location): no deadlock between saves.
    for part_id, location_id in sorted(set(want) | set(issued)):
        delta = want.get((part_id, location_id), 0) - issued.get((part_id, location_id), 0)
        if delta == 0 or (hold and delta > 0 and location_id == main.id):
            continue
        part = s.get(Part, part_id)
        if part is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "Part"),
                QT_TRANSLATE_NOOP("core", "Part {id} does not exist."),
                id=part_id,
            )
        if delta > 0 and location_id == main.id:
            _issue_to_order(s, actor, order, part, main, delta)
        elif delta > 0:
            van = stock_location(s, actor, order.outlet_id, location_id)
            on = line_of.get((part_id, location_id), ())
            _issue_from_van(s, actor, order, part, van, delta, on)
        else:  # back where it left from (a retired van is refused), at the cost it left with
            back = main if location_id == main.id else stock_location(s, actor, None, location_id)
            write_movement(
                s, actor, part, back, MovementKind.RETURN, -delta,
                _issue_cost(s, order.id, part_id, location_id), order.number,
                work_order_id=order.id,
            )  # fmt: skip
    return True


def _issue_from_van(
    s: Session,
    actor: Actor,
    order: WorkOrder,
    part: Part,
    van: StockLocation,
    quantity: int,
    lines: Sequence[int] = (),
) -> StockLevel:
    """Issue from a van (or second store room) of the order's outlet; nothing is held there, so
    only what is in it counts. Refused, naming the line(s), the part, the van and both numbers
    (`asked`: what is still to come out of the van, beyond what already went to the order)."""
    stock = stock_row(s, part, van)
    if stock.on_hand < quantity:
        params = dict(
            sku=part.sku,
            name=part.name,
            location=van.name,
            code=van.code,
            on_hand=stock.on_hand,
            asked=quantity,
            part_id=part.id,
            outlet_id=van.outlet_id,
            location_id=van.id,
            van=True,
        )
        if len(lines) == 1:
            raise InsufficientStock(VAN_SHORT_ON_LINE, line=lines[0], **params)
        if lines:
            raise InsufficientStock(VAN_SHORT_ON_LINES, lines=Items(map(str, lines)), **params)
        raise InsufficientStock(VAN_SHORT, **params)
    return write_movement(
        s, actor, part, van, MovementKind.ISSUE, -quantity, None, order.number,
        work_order_id=order.id,
    )  # fmt: skip


VAN_SHORT = QT_TRANSLATE_NOOP(
    "core",
    "Only {on_hand} {sku} ({name}) in {location} ({code}); {asked} asked for. Nothing was saved.",
)


VAN_SHORT_ON_LINE = QT_TRANSLATE_NOOP(
    "core",
    "Line {line}: only {on_hand} {sku} ({name}) in {location} ({code}); {asked} asked for. "
    "Nothing was saved.",
)


VAN_SHORT_ON_LINES = QT_TRANSLATE_NOOP(
    "core",
    "Lines {lines}: only {on_hand} {sku} ({name}) in {location} ({code}); {asked} more asked "
    "for by these lines together. Nothing was saved.",
)


def _issue_to_order(
    s: Session, actor: Actor, order: WorkOrder, part: Part, location: StockLocation, quantity: int
) -> StockLevel:
    """Issue to the order, leaving on the shelf what orders awaiting parts ahead of it hold.

    The stock row is locked before the claims are read, and every issue takes that lock, so
    what two counters see held cannot change under them (on SQLite the write is exclusive)."""
    stock = stock_row(s, part, location)
    held = min(stock.on_hand, held_ahead(s, order, part.id, location.id))
    if held and stock.on_hand - held < quantity:
        raise InsufficientStock(
            QT_TRANSLATE_NOOP(
                "core",
                "Not enough {sku} ({name}) at {outlet}: {on_hand} on hand, {held} of them held "
                "for orders awaiting parts; {asked} asked for. Nothing was taken.",
            ),
            sku=part.sku,
            name=part.name,
            outlet=place_name(s, location),
            on_hand=stock.on_hand,
            held=held,
            asked=quantity,
            part_id=part.id,
            outlet_id=location.outlet_id,
        )
    return write_movement(
        s, actor, part, location, MovementKind.ISSUE, -quantity, None, order.number,
        work_order_id=order.id,
    )  # fmt: skip
