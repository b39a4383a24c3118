"""The stock ledger (库存台账): every change of stock is one immutable movement, written in the
same transaction as the cached on-hand it changes. Stock never goes below zero, also when two
counters take the last unit at the same moment: the stock row is locked (PostgreSQL) or the
write transaction is exclusive (SQLite), the quantity is checked, then written; a CHECK
constraint on the table backs the rule.

Valuation: weighted average cost per location (an outlet's main store, or its van); what goes out
leaves at the average, what comes in moves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import MovementKind, Outlet, Part, PartStock, StockLocation, StockMovement, utcnow
from .. import validation as v
from ..auth import Actor
from ..database import dialect_insert
from ..errors import DomainError, NotFound
from ..i18n import QT_TRANSLATE_NOOP

F_QUANTITY = QT_TRANSLATE_NOOP("core", "Quantity")
F_REASON = QT_TRANSLATE_NOOP("core", "Reason")
MAX_QUANTITY = 1_000_000
CENT = Decimal("0.01")
MAIN = "MAIN"


class InsufficientStock(DomainError):
    """Taking more than is on the shelf; the message names the part, the outlet, both numbers.

    The numbers are also there for the counter to offer waiting for the part instead."""

    @property
    def part_id(self) -> int:
        return int(self.params["part_id"])

    @property
    def outlet_id(self) -> int:
        return int(self.params["outlet_id"])

    @property
    def on_hand(self) -> int:
        return int(self.params["on_hand"])

    @property
    def held(self) -> int:
        """Of the on-hand, how many are kept for orders awaiting parts ahead of this one."""
        return int(self.params.get("held", 0))

    @property
    def asked(self) -> int:
        return int(self.params["asked"])


@dataclass(frozen=True)
class MovementDTO:
    id: int
    at: datetime
    username: str
    part_id: int
    location_id: int
    kind: MovementKind
    quantity: int
    unit_cost: Decimal
    balance: int
    reason: str
    work_order_id: int | None


@dataclass(frozen=True)
class StockLevel:
    part_id: int
    location_id: int
    outlet_id: int
    outlet_code: str
    location_code: str
    on_hand: int
    avg_cost: Decimal
    bin: str = ""
    min_level: int = 0
    reorder_qty: int = 0

    @property
    def value(self) -> Decimal:
        return (self.avg_cost * self.on_hand).quantize(CENT)


@dataclass(frozen=True)
class LedgerMismatch:
    """A stock row whose cached on-hand differs from the sum of its movements."""

    part_id: int
    location_id: int
    cached: int
    ledger: int


# ---------------------------------------------------------------- the one writer


def write_movement(
    s: Session,
    actor: Actor,
    part: Part,
    location: StockLocation,
    kind: MovementKind,
    quantity: int,
    unit_cost: Decimal | None,
    reason: str,
    *,
    work_order_id: int | None = None,
    supplier_id: int | None = None,
    transfer_id: int | None = None,
    purchase_order_id: int | None = None,
    stocktake_id: int | None = None,
    maintenance_record_id: int | None = None,
) -> StockLevel:
    """Lock the part's stock row at the location, check, append the movement, update the cache."""
    stock = stock_row(s, part, location)
    after = stock.on_hand + quantity
    if after < 0:
        raise InsufficientStock(
            QT_TRANSLATE_NOOP(
                "core",
                "Not enough {sku} ({name}) at {outlet}: {on_hand} on hand, {asked} asked for. "
                "Nothing was taken.",
            ),
            sku=part.sku,
            name=part.name,
            outlet=place_name(s, location),
            on_hand=stock.on_hand,
            asked=-quantity,
            part_id=part.id,
            outlet_id=location.outlet_id,
        )
    if quantity > 0 and unit_cost is not None:  # goods in at a known cost move the average
        total = stock.avg_cost * stock.on_hand + unit_cost * quantity
        stock.avg_cost = (total / after).quantize(CENT, ROUND_HALF_UP)
    cost = unit_cost if unit_cost is not None else stock.avg_cost
    stock.on_hand = after
    s.add(
        StockMovement(
            at=utcnow(),
            user_id=actor.user_id,
            username=actor.display_name or actor.username,
            part_id=part.id,
            location_id=location.id,
            kind=kind.value,
            quantity=quantity,
            unit_cost=cost,
            balance=after,
            reason=reason,
            work_order_id=work_order_id,
            supplier_id=supplier_id,
            transfer_id=transfer_id,
            purchase_order_id=purchase_order_id,
            stocktake_id=stocktake_id,
            maintenance_record_id=maintenance_record_id,
        )
    )
    s.flush()
    outlet_code = s.scalar(select(Outlet.code).where(Outlet.id == location.outlet_id)) or ""
    return _level(stock, location, outlet_code)


def place_label(outlet_name: str, location_name: str | None, main: bool) -> str:
    """Where stock is, as refusals, the stock dialogs and the Parts page name it: the outlet for
    its main store, else the outlet and the location ("North Station Repair – Service van 1")."""
    return outlet_name if main or not location_name else f"{outlet_name} – {location_name}"


def place_name(s: Session, location: StockLocation) -> str:
    """Where stock is short, as a refusal names it (place_label)."""
    outlet = s.get(Outlet, location.outlet_id)
    if outlet is None:
        return location.name
    return place_label(outlet.name, location.name, location.code == MAIN)


def stock_row(s: Session, part: Part, location: StockLocation) -> PartStock:
    """The part's stock row at the location, created empty if need be, locked for this write."""
    insert = dialect_insert(s.get_bind().dialect.name)
    s.execute(
        insert(PartStock)
        .values(part_id=part.id, location_id=location.id, on_hand=0, avg_cost=part.cost_price)
        .on_conflict_do_nothing()
    )
    stock = s.scalar(
        select(PartStock)
        .where(PartStock.part_id == part.id, PartStock.location_id == location.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    assert stock is not None
    return stock


def _level(stock: PartStock, location: StockLocation, outlet_code: str) -> StockLevel:
    return StockLevel(
        stock.part_id,
        stock.location_id,
        location.outlet_id,
        outlet_code,
        location.code,
        stock.on_hand,
        stock.avg_cost,
        stock.bin,
        stock.min_level,
        stock.reorder_qty,
    )


def _quantity(value: int | str) -> int:
    qty = v.integer(F_QUANTITY, value, minimum=1, maximum=MAX_QUANTITY)
    return qty


def _part(s: Session, part_id: int) -> Part:
    part = s.get(Part, part_id)
    if part is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "Part {id} does not exist."), id=part_id)
    return part


def stock_location(
    s: Session,
    actor: Actor,
    outlet_id: int | None,
    location_id: int | None,
    *,
    writing: bool = True,
) -> StockLocation:
    """The named location (a van or second store room; when an outlet is named too it must
    belong to it, and stock goes in or out only while it is in use), else the outlet's main
    store."""
    if location_id is None:
        return main_location(s, actor, outlet_id)
    # Writers share the row (FOR SHARE on PostgreSQL), so it is not retired under them.
    location = s.get(
        StockLocation, location_id, with_for_update={"read": True} if writing else None
    )
    if location is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("core", "Stock location {id} does not exist."), id=location_id
        )
    if outlet_id is not None and location.outlet_id != outlet_id:
        raise DomainError(
            QT_TRANSLATE_NOOP("core", "{location} belongs to another outlet."),
            location=location.name,
        )
    if writing and not location.active:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "core", "{location} is no longer in use; put it back in use to keep stock there."
            ),
            location=location.name,
        )
    return location


# Asked of a person with no outlet (an administrator at head office; the command line, which
# names its outlet with --outlet instead).
NO_OUTLET = QT_TRANSLATE_NOOP("core", "Choose the outlet whose stock this is (sign in at one).")


def main_location(s: Session, actor: Actor, outlet_id: int | None) -> StockLocation:
    """The main store of the given outlet, else of the signed-in one."""
    outlet = outlet_id if outlet_id is not None else actor.outlet_id
    if outlet is None:
        raise DomainError(NO_OUTLET)
    location = s.scalar(
        select(StockLocation).where(StockLocation.outlet_id == outlet, StockLocation.code == MAIN)
    )
    if location is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "Outlet {id} does not exist."), id=outlet)
    return location
