"""Stock held on the shelf for work orders awaiting parts (first come, first served; see
reservations.py): what of a location's on-hand they hold, and the refusal to scrap, move, send
or use for upkeep what they hold."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ...models import Part, StockLocation
from ..errors import Items, ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from .ledger import F_QUANTITY, stock_row
from .reservations import claims

ORDERS_NAMED = 3  # order numbers a refusal lists; more are shown as " …"


@dataclass(frozen=True)
class HeldStock:
    """A part at one location: on hand, and how many of them orders awaiting parts hold (first
    come, first served). Only the rest may be scrapped, moved or sent to another outlet."""

    on_hand: int
    held: int
    orders: tuple[str, ...] = ()  # numbers of the orders they are held for, first in queue first

    @property
    def free(self) -> int:
        return self.on_hand - self.held


HELD_NOT_SCRAPPED = QT_TRANSLATE_NOOP(
    "core",
    "Only {free} of {on_hand} {sku} can be scrapped; {held} held for work orders awaiting parts "
    "({orders}). Nothing was scrapped.",
)


HELD_NOT_MOVED = QT_TRANSLATE_NOOP(
    "core",
    "Only {free} of {on_hand} {sku} can be moved; {held} held for work orders awaiting parts "
    "({orders}). Nothing was moved.",
)


HELD_NOT_USED = QT_TRANSLATE_NOOP(
    "core",
    "Only {free} of {on_hand} {sku} can be used for upkeep; {held} held for work orders awaiting "
    "parts ({orders}). Nothing was logged.",
)


HELD_NOT_SENT = QT_TRANSLATE_NOOP(
    "core",
    "Only {free} of {on_hand} {sku} can be sent to another outlet; {held} held for work orders "
    "awaiting parts ({orders}). Nothing was sent.",
)


def held_stock(s: Session, part_id: int, location_id: int, on_hand: int) -> HeldStock:
    """What of `on_hand` the orders awaiting parts at the location hold, first come, first
    served, and which orders hold it."""
    queue = sorted(claims(s, location_id=location_id, part_ids=(part_id,)), key=lambda c: c.queue)
    held = min(on_hand, sum(c.quantity for c in queue))
    orders, left = [], held
    for claim in queue:
        if left <= 0:
            break
        orders.append(claim.number)
        left -= claim.quantity
    return HeldStock(on_hand, held, tuple(orders))


def leave_held(
    s: Session,
    part: Part,
    location: StockLocation,
    quantity: int,
    refusal: str,
    field: str = F_QUANTITY,
) -> None:
    """Refuse to take (scrap, move, send, use for upkeep) what orders awaiting parts hold at the
    location; `refusal` names what was not done, `field` the form's field.

    The stock row is locked before the claims are read, as for an issue, so what is held cannot
    change between this check and the movement. A count is not checked: it says what is there,
    and the waiting orders are then short again (reservations.py shares out the shelf)."""
    stock = stock_row(s, part, location)
    here = held_stock(s, part.id, location.id, stock.on_hand)
    if here.held and quantity > here.free:
        raise ValidationError(
            field,
            refusal,
            free=here.free,
            on_hand=here.on_hand,
            sku=part.sku,
            held=here.held,
            orders=Items(
                [*here.orders[:ORDERS_NAMED], *(["…"] if len(here.orders) > ORDERS_NAMED else [])]
            ),
        )


@dataclass(frozen=True)
class Availability:
    """A part at one outlet's store, for the part picker: what is there, what orders awaiting
    parts there hold, and what is left to take."""

    outlet_id: int
    outlet_code: str
    location_code: str
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        return max(self.on_hand - self.reserved, 0)
