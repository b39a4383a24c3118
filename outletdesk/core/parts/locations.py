"""Where an outlet keeps stock: its main store, and any van or second store room added to it.

Every location has its own shelf (on-hand, average cost, bins and levels); stock moves between
the locations of one outlet with StockService.move. The main store cannot be retired, and a
location is retired only when it is empty, so no stock is ever left where nobody can see it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...models import Outlet, PartStock, StockLocation, Stocktake, StocktakeStatus
from .. import validation as v
from ..audit import record
from ..auth import Actor, Permission
from ..changes import Changes
from ..database import Database
from ..errors import DomainError, NotFound, ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from .stock import MAIN

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
        """Retire a van or room that is no longer used (only when nothing is left on its shelf
        and no count of it is open), or put it back in use."""
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
            location.active = active
            s.flush()
            record(s, actor, "activate" if active else "retire", "stock_location", location.id)
            return _dto_in(s, location), Changes(parts=True)


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
