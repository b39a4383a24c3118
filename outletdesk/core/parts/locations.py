"""Where an outlet keeps stock: its main store, and any van or second store room added to it.

Every location has its own shelf (on-hand, average cost, bins and levels); stock moves between
the locations of one outlet with StockService.move. The main store cannot be retired, and a
location is retired only when it is empty and no open work order has parts out from it (they
come back to it when the line is removed or the order cancelled), so no stock is ever left, or
comes back, where nobody can see it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...models import (
    Outlet,
    PartStock,
    StockLocation,
    Stocktake,
    StocktakeStatus,
    WorkOrder,
    WorkOrderLine,
)
from .. import validation as v
from ..audit import record
from ..auth import Actor, Permission
from ..changes import Changes
from ..database import Database
from ..errors import DomainError, Items, NotFound, ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from ..work_orders.rules import OPEN
from .stock import MAIN, ORDERS_NAMED

F_CODE = QT_TRANSLATE_NOOP("core", "Location code")
F_NAME = QT_TRANSLATE_NOOP("core", "Location name")
F_OUTLET = QT_TRANSLATE_NOOP("core", "Outlet")


@dataclass(frozen=True)
class LocationDTO:
    id: int
    outlet_id: int
    outlet_code: str
    code: str
    name: str
    active: bool
    units: int  # on hand there, all parts together

    @property
    def main(self) -> bool:
        return self.code == MAIN


class LocationService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(
        self, actor: Actor, outlet_id: int | None = None, *, include_retired: bool = False
    ) -> list[LocationDTO]:
        """The outlet's locations (every outlet's when none is given), main store first."""
        actor.require(Permission.VIEW_STOCK)
        units = (
            select(func.coalesce(func.sum(PartStock.on_hand), 0))
            .where(PartStock.location_id == StockLocation.id)
            .correlate(StockLocation)
            .scalar_subquery()
        )
        query = select(StockLocation, Outlet.code, units).join(
            Outlet, Outlet.id == StockLocation.outlet_id
        )
        if outlet_id is not None:
            query = query.where(StockLocation.outlet_id == outlet_id)
        if not include_retired:
            query = query.where(StockLocation.active)
        query = query.order_by(Outlet.code, StockLocation.code != MAIN, StockLocation.code)
        with self._db.read(actor) as s:
            return [_dto(loc, code, int(n)) for loc, code, n in s.execute(query).tuples()]

    def add(
        self, actor: Actor, outlet_id: int, code: str, name: str
    ) -> tuple[LocationDTO, Changes]:
        """A van or second store room of the outlet, with its own shelf."""
        actor.require(Permission.MANAGE_STOCK)
        code = v.code(F_CODE, code, max_len=20)
        name = v.text(F_NAME, name, max_len=120, name_like=True)
        try:
            with self._db.write(actor) as s:
                outlet = s.get(Outlet, outlet_id)
                if outlet is None:
                    raise ValidationError(
                        F_OUTLET,
                        QT_TRANSLATE_NOOP("core", "outlet {id} does not exist."),
                        id=outlet_id,
                    )
                location = StockLocation(outlet_id=outlet.id, code=code, name=name, active=True)
                s.add(location)
                s.flush()
                record(
                    s, actor, "create", "stock_location", location.id,
                    after={"outlet": outlet.code, "code": code, "name": name},
                )  # fmt: skip
                return _dto(location, outlet.code, 0), Changes(parts=True)
        except IntegrityError:
            raise ValidationError(
                F_CODE,
                QT_TRANSLATE_NOOP("core", "{code} is already a location of this outlet."),
                code=code,
            ) from None

    def rename(self, actor: Actor, location_id: int, name: str) -> tuple[LocationDTO, Changes]:
        actor.require(Permission.MANAGE_STOCK)
        name = v.text(F_NAME, name, max_len=120, name_like=True)
        with self._db.write(actor) as s:
            location = _location(s, location_id)
            before = location.name
            location.name = name
            s.flush()
            record(
                s, actor, "rename", "stock_location", location.id,
                before={"name": before}, after={"name": name},
            )  # fmt: skip
            return _dto_in(s, location), Changes(parts=True)

    def set_active(
        self, actor: Actor, location_id: int, active: bool
    ) -> tuple[LocationDTO, Changes]:
        """Retire a van or room that is no longer used (only when nothing is left on its shelf,
        no count of it is open and no open work order has a part line taken from it), or put it
        back in use."""
        actor.require(Permission.MANAGE_STOCK)
        with self._db.write(actor) as s:
            location = _location(s, location_id)
            if not active:
                if location.code == MAIN:
                    raise DomainError(
                        QT_TRANSLATE_NOOP("core", "The main store of an outlet cannot be retired.")
                    )
                units = s.scalar(
                    select(func.coalesce(func.sum(PartStock.on_hand), 0)).where(
                        PartStock.location_id == location.id
                    )
                )
                if units:
                    raise DomainError(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "{location} still holds {units} units; move or scrap them first.",
                        ),
                        location=location.name,
                        units=int(units),
                    )
                counting = s.scalar(
                    select(Stocktake.number).where(
                        Stocktake.location_id == location.id,
                        Stocktake.status == StocktakeStatus.OPEN.value,
                    )
                )
                if counting:
                    raise DomainError(
                        QT_TRANSLATE_NOOP(
                            "core", "Count {number} of {location} is open; post or cancel it first."
                        ),
                        number=counting,
                        location=location.name,
                    )
                _refuse_parts_out(s, location)
            location.active = active
            s.flush()
            record(s, actor, "activate" if active else "retire", "stock_location", location.id)
            return _dto_in(s, location), Changes(parts=True)


# Orders not handed back or cancelled: their lines may still change, or the order be cancelled,
# and either sends parts back to where they were taken from.
_OPEN = sorted(status.value for status in OPEN)
PARTS_OUT = QT_TRANSLATE_NOOP(
    "core",
    "Parts taken from {location} are out on open work orders {orders}; they come back to it if "
    "a line is removed or the order cancelled. Hand those orders back, cancel them or take "
    "their parts from another location first.",
)
PARTS_OUT_MORE = QT_TRANSLATE_NOOP(
    "core",
    "Parts taken from {location} are out on open work orders {orders} and {more} more; they "
    "come back to it if a line is removed or the order cancelled. Hand those orders back, "
    "cancel them or take their parts from another location first.",
)


def _refuse_parts_out(s: Session, location: StockLocation) -> None:
    """Refuse to retire a location while open orders have part lines taken from it: it looks
    empty, but a removed line or a cancelled order would have to put the parts back there.

    The lines' save shares the location's row (work_orders.service._line_sources) and retiring
    locks it, so no line can name the van between this check and the retirement."""
    numbers = list(
        s.scalars(
            select(WorkOrder.number)
            .join(WorkOrderLine, WorkOrderLine.work_order_id == WorkOrder.id)
            .where(WorkOrderLine.location_id == location.id, WorkOrder.status.in_(_OPEN))
            .group_by(WorkOrder.number)
            .order_by(WorkOrder.number)
        )
    )
    if not numbers:
        return
    orders = Items(numbers[:ORDERS_NAMED])
    if len(numbers) > ORDERS_NAMED:
        more = len(numbers) - ORDERS_NAMED
        raise DomainError(PARTS_OUT_MORE, location=location.name, orders=orders, more=more)
    raise DomainError(PARTS_OUT, location=location.name, orders=orders)


def _location(s: Session, location_id: int) -> StockLocation:
    """Locked: stock going in or out shares this lock (stock.stock_location), so a location is
    not retired under a receipt."""
    location = s.get(StockLocation, location_id, with_for_update=True)
    if location is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("core", "Stock location {id} does not exist."), id=location_id
        )
    return location


def _dto_in(s: Session, location: StockLocation) -> LocationDTO:
    code = s.scalar(select(Outlet.code).where(Outlet.id == location.outlet_id)) or ""
    units = s.scalar(
        select(func.coalesce(func.sum(PartStock.on_hand), 0)).where(
            PartStock.location_id == location.id
        )
    )
    return _dto(location, code, int(units or 0))


def _dto(location: StockLocation, outlet_code: str, units: int) -> LocationDTO:
    return LocationDTO(
        location.id,
        location.outlet_id,
        outlet_code,
        location.code,
        location.name,
        location.active,
        units,
    )
