"""The parts list as the store room reads it: light rows in one query, each with what is on the
shelf at this outlet and at all outlets together (the catalogue service returns whole parts)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, literal, or_, select
from sqlalchemy.orm import aliased

from ...models import Part, PartBarcode, PartModel, PartStock, StockLocation
from ..auth import Actor, Permission
from ..database import Database
from .catalogue import model_key
from .stock import MAIN

LIST_LIMIT = 500


@dataclass(frozen=True)
class PartRow:
    id: int
    sku: str
    name: str
    category: str
    unit: str
    sale_price: Decimal
    active: bool
    here: int  # on hand at this outlet's main store (or the location asked for)
    everywhere: int  # on hand at every location
    bin: str
    min_level: int

    @property
    def low(self) -> bool:
        return self.min_level > 0 and self.here < self.min_level


@dataclass(frozen=True)
class PartList:
    rows: list[PartRow]
    more: bool  # the list was cut at the limit: type more to narrow it


class PartListService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def rows(
        self,
        actor: Actor,
        text: str = "",
        *,
        outlet_id: int | None = None,
        location_id: int | None = None,
        include_inactive: bool = False,
        limit: int = LIST_LIMIT,
    ) -> PartList:
        """Parts by SKU prefix, name fragment, a barcode or a device model they fit; by name.
        "Here" is the location named (a van, a second room), else the outlet's main store."""
        actor.require(Permission.VIEW_STOCK)
        text = (text or "").strip()[:80]
        outlet = outlet_id if outlet_id is not None else actor.outlet_id
        main = (
            select(StockLocation.id)
            .where(StockLocation.outlet_id == outlet, StockLocation.code == MAIN)
            .scalar_subquery()
            if location_id is None
            else literal(location_id)
        )
        here = (
            select(PartStock.on_hand, PartStock.bin, PartStock.min_level, PartStock.part_id)
            .where(PartStock.location_id == main)
            .subquery()
        )
        everywhere = (
            select(func.coalesce(func.sum(PartStock.on_hand), 0))
            .where(PartStock.part_id == Part.id)
            .correlate(Part)
            .scalar_subquery()
        )
        query = select(
            Part.id,
            Part.sku,
            Part.name,
            Part.category,
            Part.unit,
            Part.sale_price,
            Part.active,
            func.coalesce(here.c.on_hand, 0),
            everywhere,
            func.coalesce(here.c.bin, ""),
            func.coalesce(here.c.min_level, 0),
        ).outerjoin(here, here.c.part_id == Part.id)
        if not include_inactive:
            query = query.where(Part.active)
        if text:
            fits = select(PartModel.part_id).where(PartModel.model_key == model_key(text))
            scanned = select(PartBarcode.part_id).where(PartBarcode.code == text)
            # The SKU prefix as its own subquery: inside the OR, SQLite would read every part's
            # row for it while walking the name index (75 ms at 50,000 parts, 2 ms like this).
            other = aliased(Part)
            by_sku = select(other.id).where(other.sku.startswith(text.upper(), autoescape=True))
            query = query.where(
                or_(
                    Part.id.in_(by_sku),
                    Part.name_key.contains(text.casefold(), autoescape=True),
                    Part.id.in_(fits),
                    Part.id.in_(scanned),
                )
            )
        query = query.order_by(Part.name_key, Part.id).limit(limit + 1)
        with self._db.read_rows(actor) as conn:
            found = [PartRow(*row) for row in conn.execute(query)]
        return PartList(found[:limit], len(found) > limit)
