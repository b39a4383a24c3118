"""StockService: what the window and the command line do with stock (receive, adjust, scrap,
shelf and reorder levels, transfers and moves, what is there and who holds it). The parts of
the ledger it is built on live beside it: ledger.py (the one writer and the locations),
transfers.py, order_parts.py (work-order part lines), held.py (stock held for orders awaiting
parts) and reorder.py (the low-stock list); the names other modules import from here are
re-exported."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import func, select

from ...models import MovementKind, Outlet, PartStock, StockLocation, StockMovement, Supplier
from .. import validation as v
from ..audit import record
from ..auth import Actor, Permission
from ..changes import Changes
from ..database import Database
from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from .held import (
    HELD_NOT_MOVED,
    HELD_NOT_SCRAPPED,
    HELD_NOT_SENT,
    HELD_NOT_USED,
    ORDERS_NAMED,
    Availability,
    HeldStock,
    held_stock,
    leave_held,
)
from .ledger import (
    CENT,
    F_QUANTITY,
    F_REASON,
    MAIN,
    MAX_QUANTITY,
    InsufficientStock,
    LedgerMismatch,
    MovementDTO,
    StockLevel,
    _level,
    _part,
    _quantity,
    main_location,
    stock_location,
    stock_row,
    write_movement,
)
from .order_parts import (
    PartAt,
    issued_by_location,
    issued_to_order,
    settle_order_parts,
)
from .reorder import ReorderLine, low_stock_lines
from .reservations import WaitingOrder, reserved_totals, waiting_orders
from .transfers import StockTransfers, TransferDTO

__all__ = [
    "CENT",
    "F_BIN",
    "F_MIN_LEVEL",
    "F_QUANTITY",
    "F_REASON",
    "F_REORDER_QTY",
    "F_SUPPLIER",
    "F_UNIT_COST",
    "HELD_NOT_MOVED",
    "HELD_NOT_SCRAPPED",
    "HELD_NOT_SENT",
    "HELD_NOT_USED",
    "MAIN",
    "MAX_QUANTITY",
    "ORDERS_NAMED",
    "Availability",
    "HeldStock",
    "InsufficientStock",
    "LedgerMismatch",
    "MovementDTO",
    "PartAt",
    "ReorderLine",
    "StockLevel",
    "StockService",
    "TransferDTO",
    "held_stock",
    "issued_by_location",
    "issued_to_order",
    "leave_held",
    "low_stock_lines",
    "main_location",
    "settle_order_parts",
    "stock_location",
    "stock_row",
    "write_movement",
]

F_UNIT_COST = QT_TRANSLATE_NOOP("core", "Unit cost")
F_SUPPLIER = QT_TRANSLATE_NOOP("core", "Supplier")
F_MIN_LEVEL = QT_TRANSLATE_NOOP("core", "Minimum level")
F_REORDER_QTY = QT_TRANSLATE_NOOP("core", "Reorder quantity")
F_BIN = QT_TRANSLATE_NOOP("core", "Bin location")


class StockService(StockTransfers):
    def __init__(self, db: Database) -> None:
        self._db = db

    # ------------------------------------------------------------ movements in

    def receive(
        self,
        actor: Actor,
        part_id: int,
        quantity: int | str,
        unit_cost: Decimal | str,
        *,
        supplier_id: int | None = None,
        outlet_id: int | None = None,
        location_id: int | None = None,
        reason: str = "",
    ) -> tuple[StockLevel, Changes]:
        """Goods in from a supplier at a unit cost; the average cost moves with them."""
        actor.require(Permission.MANAGE_STOCK)
        qty = _quantity(quantity)
        cost = v.money(F_UNIT_COST, unit_cost)
        reason = v.text(F_REASON, reason, max_len=500, required=False, multiline=True)
        with self._db.write(actor) as s:
            if supplier_id is not None and s.get(Supplier, supplier_id) is None:
                raise ValidationError(
                    F_SUPPLIER,
                    QT_TRANSLATE_NOOP("core", "supplier {id} does not exist."),
                    id=supplier_id,
                )
            part = _part(s, part_id)
            location = stock_location(s, actor, outlet_id, location_id)
            level = write_movement(
                s, actor, part, location, MovementKind.RECEIVE, qty, cost, reason,
                supplier_id=supplier_id,
            )  # fmt: skip
            return level, Changes(parts=True)

    def adjust(
        self,
        actor: Actor,
        part_id: int,
        delta: int | str,
        reason: str,
        *,
        outlet_id: int | None = None,
        location_id: int | None = None,
    ) -> tuple[StockLevel, Changes]:
        """A correction up or down, always with the reason (found, damaged, miscounted)."""
        actor.require(Permission.MANAGE_STOCK)
        change = v.integer(F_QUANTITY, delta, minimum=-MAX_QUANTITY, maximum=MAX_QUANTITY)
        if change == 0:
            raise ValidationError(F_QUANTITY, QT_TRANSLATE_NOOP("core", "must not be zero."))
        reason = v.text(F_REASON, reason, max_len=500, multiline=True)
        with self._db.write(actor) as s:
            part = _part(s, part_id)
            location = stock_location(s, actor, outlet_id, location_id)
            return write_movement(
                s, actor, part, location, MovementKind.ADJUST, change, None, reason
            ), (Changes(parts=True))

    def scrap(
        self,
        actor: Actor,
        part_id: int,
        quantity: int | str,
        reason: str,
        *,
        outlet_id: int | None = None,
        location_id: int | None = None,
    ) -> tuple[StockLevel, Changes]:
        """Broken or unusable parts leave the shelf with the reason; what orders awaiting parts
        hold is not scrapped (a count says what is really there: see adjust and stocktakes)."""
        actor.require(Permission.MANAGE_STOCK)
        qty = _quantity(quantity)
        reason = v.text(F_REASON, reason, max_len=500, multiline=True)
        with self._db.write(actor) as s:
            part = _part(s, part_id)
            location = stock_location(s, actor, outlet_id, location_id)
            leave_held(s, part, location, qty, HELD_NOT_SCRAPPED)
            return write_movement(
                s, actor, part, location, MovementKind.SCRAP, -qty, None, reason
            ), (Changes(parts=True))

    # ------------------------------------------------------------ shelf and reorder levels

    def set_levels(
        self,
        actor: Actor,
        part_id: int,
        *,
        min_level: int | str,
        reorder_qty: int | str,
        bin_location: str = "",
        outlet_id: int | None = None,
        location_id: int | None = None,
    ) -> tuple[StockLevel, Changes]:
        """Where the part sits on this outlet's shelf, and when and how many to reorder."""
        actor.require(Permission.MANAGE_STOCK)
        minimum = v.integer(F_MIN_LEVEL, min_level, minimum=0, maximum=MAX_QUANTITY)
        reorder = v.integer(F_REORDER_QTY, reorder_qty, minimum=0, maximum=MAX_QUANTITY)
        shelf = v.text(F_BIN, bin_location, max_len=40, required=False, name_like=True)
        with self._db.write(actor) as s:
            part = _part(s, part_id)
            location = stock_location(s, actor, outlet_id, location_id)
            stock = stock_row(s, part, location)
            stock.min_level, stock.reorder_qty, stock.bin = minimum, reorder, shelf
            s.flush()
            record(
                s,
                actor,
                "levels",
                "part",
                part.id,
                after={"location": location.id, "min": minimum, "reorder": reorder, "bin": shelf},
            )
            code = s.scalar(select(Outlet.code).where(Outlet.id == location.outlet_id)) or ""
            return _level(stock, location, code), Changes(parts=True)

    def low_stock(self, actor: Actor, outlet_id: int | None = None) -> list[ReorderLine]:
        """Parts whose on-hand plus what is on order (placed purchase orders, not yet received)
        plus what is in transit to the outlet is below the minimum, with how many to order: the
        reorder quantity, or at least enough to reach the minimum."""
        actor.require(Permission.VIEW_STOCK)
        with self._db.read(actor) as s:
            location = main_location(s, actor, outlet_id)
            return low_stock_lines(s, location.id)

    # ------------------------------------------------------------ reading

    def levels(self, actor: Actor, part_id: int) -> list[StockLevel]:
        """On hand at every location (this outlet's and the others'), for the counter."""
        actor.require(Permission.VIEW_STOCK)
        with self._db.read(actor) as s:
            rows = s.execute(
                select(PartStock, StockLocation, Outlet.code)
                .join(StockLocation, StockLocation.id == PartStock.location_id)
                .join(Outlet, Outlet.id == StockLocation.outlet_id)
                .where(PartStock.part_id == part_id)
                .order_by(Outlet.code, StockLocation.code)
            ).tuples()
            return [_level(stock, location, code) for stock, location, code in rows]

    def on_hand(
        self,
        actor: Actor,
        part_id: int,
        outlet_id: int | None = None,
        *,
        location_id: int | None = None,
    ) -> int:
        actor.require(Permission.VIEW_STOCK)
        with self._db.read(actor) as s:
            location = stock_location(s, actor, outlet_id, location_id, writing=False)
            return int(
                s.scalar(
                    select(PartStock.on_hand).where(
                        PartStock.part_id == part_id, PartStock.location_id == location.id
                    )
                )
                or 0
            )

    def movements(self, actor: Actor, part_id: int, limit: int = 500) -> list[MovementDTO]:
        actor.require(Permission.VIEW_STOCK)
        with self._db.read(actor) as s:
            rows = s.scalars(
                select(StockMovement)
                .where(StockMovement.part_id == part_id)
                .order_by(StockMovement.id.desc())
                .limit(limit)
            )
            return [
                MovementDTO(
                    m.id,
                    m.at,
                    m.username,
                    m.part_id,
                    m.location_id,
                    MovementKind(m.kind),
                    m.quantity,
                    m.unit_cost,
                    m.balance,
                    m.reason,
                    m.work_order_id,
                )
                for m in rows
            ]

    def check(self, actor: Actor) -> list[LedgerMismatch]:
        """Proof that the cached on-hand is what the ledger says: every row whose sum of
        movements differs (none, on a sound database)."""
        actor.require(Permission.VIEW_STOCK)
        with self._db.read(actor) as s:
            ledger = (
                select(
                    StockMovement.part_id,
                    StockMovement.location_id,
                    func.sum(StockMovement.quantity).label("total"),
                )
                .group_by(StockMovement.part_id, StockMovement.location_id)
                .subquery()
            )
            rows = s.execute(
                select(PartStock.part_id, PartStock.location_id, PartStock.on_hand, ledger.c.total)
                .outerjoin(
                    ledger,
                    (ledger.c.part_id == PartStock.part_id)
                    & (ledger.c.location_id == PartStock.location_id),
                )
                .where(PartStock.on_hand != func.coalesce(ledger.c.total, 0))
            ).all()
            orphans = s.execute(
                select(ledger.c.part_id, ledger.c.location_id, ledger.c.total)
                .outerjoin(
                    PartStock,
                    (ledger.c.part_id == PartStock.part_id)
                    & (ledger.c.location_id == PartStock.location_id),
                )
                .where(PartStock.part_id.is_(None))
            ).all()
        return [
            LedgerMismatch(p, loc, cached, int(total or 0)) for p, loc, cached, total in rows
        ] + [LedgerMismatch(p, loc, 0, int(total)) for p, loc, total in orphans]

    # ------------------------------------------------------------ held for orders awaiting parts

    def availability(self, actor: Actor, part_id: int) -> list[Availability]:
        """For the part picker: at every outlet's store, on hand, held for orders awaiting
        parts there, and what is left to take."""
        actor.require(Permission.VIEW_STOCK)
        with self._db.read(actor) as s:
            rows = s.execute(
                select(PartStock.location_id, PartStock.on_hand, StockLocation, Outlet.code)
                .join(StockLocation, StockLocation.id == PartStock.location_id)
                .join(Outlet, Outlet.id == StockLocation.outlet_id)
                .where(PartStock.part_id == part_id)
                .order_by(Outlet.code, StockLocation.code)
            ).tuples()
            reserved = reserved_totals(s, part_id=part_id)
            return [
                Availability(
                    location.outlet_id,
                    code,
                    location.code,
                    on_hand,
                    reserved.get((part_id, location_id), 0),
                )
                for location_id, on_hand, location, code in rows
            ]

    def held(
        self,
        actor: Actor,
        part_id: int,
        outlet_id: int | None = None,
        *,
        location_id: int | None = None,
    ) -> HeldStock:
        """For the scrap, move and transfer forms: the part at the location (the outlet's main
        store unless one is named), and how much of it orders awaiting parts hold."""
        actor.require(Permission.VIEW_STOCK)
        with self._db.read(actor) as s:
            location = stock_location(s, actor, outlet_id, location_id, writing=False)
            on_hand = s.scalar(
                select(PartStock.on_hand).where(
                    PartStock.part_id == part_id, PartStock.location_id == location.id
                )
            )
            return held_stock(s, part_id, location.id, int(on_hand or 0))

    def waiting_for(
        self, actor: Actor, parts: int | Iterable[int], outlet_id: int | None = None
    ) -> list[WaitingOrder]:
        """Orders awaiting this part (or any of these parts) at the outlet, each once, oldest
        waiting first; those now `ready` can continue. Asked after booking parts in (receive, a
        transfer or a purchase order received) to tell the person at the shelf which jobs they
        unblock."""
        actor.require(Permission.VIEW_STOCK)
        wanted = {parts} if isinstance(parts, int) else set(parts)
        with self._db.read(actor) as s:
            return waiting_orders(s, main_location(s, actor, outlet_id).id, wanted)
