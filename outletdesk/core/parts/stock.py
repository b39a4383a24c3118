"""The stock ledger (库存台账): every change of stock is one immutable movement, written in the
same transaction as the cached on-hand it changes. Stock never goes below zero, also when two
counters take the last unit at the same moment: the stock row is locked (PostgreSQL) or the
write transaction is exclusive (SQLite), the quantity is checked, then written; a CHECK
constraint on the table backs the rule.

Valuation: weighted average cost per location (an outlet's main store, or its van); what goes out
leaves at the average, what comes in moves it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import and_, func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ...models import (
    MovementKind,
    Outlet,
    Part,
    PartStock,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    StockLocation,
    StockMovement,
    StockTransfer,
    Supplier,
    TransferStatus,
    WorkOrder,
    utcnow,
)
from .. import validation as v
from ..audit import record
from ..auth import Actor, Permission
from ..changes import Changes
from ..database import Database
from ..errors import DomainError, NotFound, StaleRecord, ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from . import amounts
from .reservations import WaitingOrder, claims, held_ahead, reserved_totals, waiting_orders

F_QUANTITY = QT_TRANSLATE_NOOP("core", "Quantity")
F_UNIT_COST = QT_TRANSLATE_NOOP("core", "Unit cost")
F_REASON = QT_TRANSLATE_NOOP("core", "Reason")
F_SUPPLIER = QT_TRANSLATE_NOOP("core", "Supplier")
F_MIN_LEVEL = QT_TRANSLATE_NOOP("core", "Minimum level")
F_REORDER_QTY = QT_TRANSLATE_NOOP("core", "Reorder quantity")
F_BIN = QT_TRANSLATE_NOOP("core", "Bin location")
MAX_QUANTITY = 1_000_000
CENT = Decimal("0.01")
MAIN = "MAIN"
ORDERS_NAMED = 3  # order numbers a refusal lists; more are shown as " …"


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
class HeldStock:
    """A part at one location: on hand, and how many of them orders awaiting parts hold (first
    come, first served). Only the rest may be scrapped, moved or sent to another outlet."""

    on_hand: int
    held: int
    orders: tuple[str, ...] = ()  # numbers of the orders they are held for, first in queue first

    @property
    def free(self) -> int:
        return self.on_hand - self.held


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


@dataclass(frozen=True)
class TransferDTO:
    id: int
    part_id: int
    sku: str
    from_outlet: str
    to_outlet: str
    quantity: int
    unit_cost: Decimal
    status: TransferStatus
    sent_at: datetime
    sent_by: str
    received_at: datetime | None
    received_by: str
    note: str
    version: int


@dataclass(frozen=True)
class LedgerMismatch:
    """A stock row whose cached on-hand differs from the sum of its movements."""

    part_id: int
    location_id: int
    cached: int
    ledger: int


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


class StockService:
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
        cost = amounts.money(F_UNIT_COST, unit_cost)
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
        minimum = amounts.count(F_MIN_LEVEL, min_level, maximum=MAX_QUANTITY)
        reorder = amounts.count(F_REORDER_QTY, reorder_qty, maximum=MAX_QUANTITY)
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

    # ------------------------------------------------------------ transfers between outlets

    def send_transfer(
        self,
        actor: Actor,
        part_id: int,
        quantity: int | str,
        to_outlet_id: int,
        *,
        from_outlet_id: int | None = None,
        from_location_id: int | None = None,
        note: str = "",
    ) -> tuple[TransferDTO, Changes]:
        """Parts leave the sender's shelf now (refused when short, and for what orders awaiting
        parts there hold) and are in transit until the other outlet receives them."""
        actor.require(Permission.MANAGE_STOCK)
        qty = _quantity(quantity)
        note = v.text(F_REASON, note, max_len=500, required=False, multiline=True)
        with self._db.write(actor) as s:
            part = _part(s, part_id)
            source = stock_location(s, actor, from_outlet_id, from_location_id)
            target = main_location(s, actor, to_outlet_id)
            if source.outlet_id == target.outlet_id:
                raise DomainError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "A transfer goes to another outlet; to move stock between the locations "
                        "of one outlet, use Move.",
                    )
                )
            leave_held(s, part, source, qty, HELD_NOT_SENT)
            transfer = StockTransfer(
                part_id=part.id,
                from_location_id=source.id,
                to_location_id=target.id,
                quantity=qty,
                unit_cost=Decimal("0.00"),
                sent_at=utcnow(),
                sent_by=actor.display_name or actor.username,
                note=note,
            )
            s.add(transfer)
            s.flush()
            level = write_movement(
                s, actor, part, source, MovementKind.TRANSFER_OUT, -qty, None, note,
                transfer_id=transfer.id,
            )  # fmt: skip
            transfer.unit_cost = level.avg_cost  # it travels at the sender's average cost
            s.flush()
            return _transfer_dto(s, transfer), Changes(parts=True)

    def receive_transfer(
        self, actor: Actor, transfer_id: int, version: int
    ) -> tuple[TransferDTO, Changes]:
        """The other end books the parts in, at the cost they left with."""
        actor.require(Permission.MANAGE_STOCK)
        with self._db.write(actor) as s:
            transfer = s.scalar(
                select(StockTransfer).where(StockTransfer.id == transfer_id).with_for_update()
            )
            if transfer is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP("core", "Transfer {id} does not exist."), id=transfer_id
                )
            if transfer.version != version or transfer.status != TransferStatus.IN_TRANSIT.value:
                raise StaleRecord(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Transfer {id} was received or changed by someone else; nothing was "
                        "booked twice.",
                    ),
                    id=transfer_id,
                )
            target = s.get(StockLocation, transfer.to_location_id)
            assert target is not None
            write_movement(
                s, actor, _part(s, transfer.part_id), target, MovementKind.TRANSFER_IN,
                transfer.quantity, transfer.unit_cost, transfer.note, transfer_id=transfer.id,
            )  # fmt: skip
            transfer.status = TransferStatus.RECEIVED.value
            transfer.received_at = utcnow()
            transfer.received_by = actor.display_name or actor.username
            s.flush()
            return _transfer_dto(s, transfer), Changes(parts=True)

    def move(
        self,
        actor: Actor,
        part_id: int,
        quantity: int | str,
        from_location_id: int,
        to_location_id: int,
        note: str = "",
    ) -> tuple[tuple[StockLevel, StockLevel], Changes]:
        """Between two locations of one outlet (main store to van and back): out of one and into
        the other at once, at the average cost it left with, recorded as a transfer that is
        received as it is sent. What orders awaiting parts hold at the source stays there."""
        actor.require(Permission.MANAGE_STOCK)
        qty = _quantity(quantity)
        note = v.text(F_REASON, note, max_len=500, required=False, multiline=True)
        with self._db.write(actor) as s:
            part = _part(s, part_id)
            source = stock_location(s, actor, None, from_location_id)
            target = stock_location(s, actor, source.outlet_id, to_location_id)
            if source.id == target.id:
                raise DomainError(
                    QT_TRANSLATE_NOOP("core", "Choose another location to move the stock to.")
                )
            for location in sorted((source, target), key=lambda loc: loc.id):  # one lock order
                stock_row(s, part, location)
            leave_held(s, part, source, qty, HELD_NOT_MOVED)
            now, by = utcnow(), actor.display_name or actor.username
            transfer = StockTransfer(
                part_id=part.id,
                from_location_id=source.id,
                to_location_id=target.id,
                quantity=qty,
                unit_cost=Decimal("0.00"),
                status=TransferStatus.RECEIVED.value,
                sent_at=now,
                sent_by=by,
                received_at=now,
                received_by=by,
                note=note,
            )
            s.add(transfer)
            s.flush()
            out = write_movement(
                s, actor, part, source, MovementKind.TRANSFER_OUT, -qty, None, note,
                transfer_id=transfer.id,
            )  # fmt: skip
            transfer.unit_cost = out.avg_cost
            moved_in = write_movement(
                s, actor, part, target, MovementKind.TRANSFER_IN, qty, out.avg_cost, note,
                transfer_id=transfer.id,
            )  # fmt: skip
            return (out, moved_in), Changes(parts=True)

    def in_transit(self, actor: Actor, to_outlet_id: int | None = None) -> list[TransferDTO]:
        """Transfers sent and not yet received (to one outlet, or anywhere), oldest first."""
        actor.require(Permission.VIEW_STOCK)
        with self._db.read(actor) as s:
            query = select(StockTransfer).where(
                StockTransfer.status == TransferStatus.IN_TRANSIT.value
            )
            if to_outlet_id is not None:
                query = query.where(
                    StockTransfer.to_location_id == main_location(s, actor, to_outlet_id).id
                )
            transfers = list(s.scalars(query.order_by(StockTransfer.sent_at, StockTransfer.id)))
            return [_transfer_dto(s, t) for t in transfers]

    # ------------------------------------------------------------ work orders

    def issue(
        self,
        actor: Actor,
        part_id: int,
        quantity: int | str,
        work_order_id: int,
        *,
        outlet_id: int | None = None,
    ) -> tuple[StockLevel, Changes]:
        """Parts used on a repair leave the main store (the order's outlet's, or the named
        outlet's); refused (naming what is there) when short, and what is held for orders
        awaiting parts ahead of this one is not there to take.

        Main store only, by design: nothing in the window or the command line calls this; a
        repair's parts go out with its lines (WorkOrderService.set_lines and the status steps,
        through settle_order_parts, which knows vans). Its callers are the tests, the
        concurrency worker and the bench, all at the main store. What it issues has no line, so
        the order's next save of its lines returns it."""
        actor.require(Permission.EDIT_WORK_ORDERS)
        qty = _quantity(quantity)
        with self._db.write(actor) as s:
            order, part, location = _for_order(s, actor, part_id, work_order_id, outlet_id)
            level = _issue_to_order(s, actor, order, part, location, qty)
            return level, Changes(parts=True, work_orders=True)

    def return_from_order(
        self,
        actor: Actor,
        part_id: int,
        quantity: int | str,
        work_order_id: int,
        *,
        outlet_id: int | None = None,
    ) -> tuple[StockLevel, Changes]:
        """A part not used after all goes back to the main store (the order's outlet's, or the
        named outlet's), at the cost it left with; only what went out from that store to the
        order can come back there.

        Main store only, by design, as for issue: a line from a van goes back to the van when
        the line is removed or the order cancelled (settle_order_parts); nothing in the window or
        the command line calls this, only the tests."""
        actor.require(Permission.EDIT_WORK_ORDERS)
        qty = _quantity(quantity)
        with self._db.write(actor) as s:
            order, part, location = _for_order(s, actor, part_id, work_order_id, outlet_id)
            issued = issued_to_order(s, order.id, location.id).get(part.id, 0)
            if qty > issued:
                raise ValidationError(
                    F_QUANTITY,
                    QT_TRANSLATE_NOOP(
                        "core",
                        "{asked} of {sku} cannot come back from {number}: {issued} went out to it.",
                    ),
                    asked=qty,
                    sku=part.sku,
                    number=order.number,
                    issued=max(issued, 0),
                )
            level = write_movement(
                s, actor, part, location, MovementKind.RETURN, qty,
                _issue_cost(s, order.id, part.id, location.id), order.number,
                work_order_id=order.id,
            )  # fmt: skip
            return level, Changes(parts=True, work_orders=True)

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
        outlet = s.get(Outlet, location.outlet_id)
        raise InsufficientStock(
            QT_TRANSLATE_NOOP(
                "core",
                "Not enough {sku} ({name}) at {outlet}: {on_hand} on hand, {asked} asked for. "
                "Nothing was taken.",
            ),
            sku=part.sku,
            name=part.name,
            outlet=outlet.name if outlet else location.code,
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


def _transfer_dto(s: Session, t: StockTransfer) -> TransferDTO:
    def outlet_code(location_id: int) -> str:
        return (
            s.scalar(
                select(Outlet.code)
                .join(StockLocation, StockLocation.outlet_id == Outlet.id)
                .where(StockLocation.id == location_id)
            )
            or ""
        )

    return TransferDTO(
        t.id,
        t.part_id,
        s.scalar(select(Part.sku).where(Part.id == t.part_id)) or "",
        outlet_code(t.from_location_id),
        outlet_code(t.to_location_id),
        t.quantity,
        t.unit_cost,
        TransferStatus(t.status),
        t.sent_at,
        t.sent_by,
        t.received_at,
        t.received_by,
        t.note,
        t.version,
    )


def stock_row(s: Session, part: Part, location: StockLocation) -> PartStock:
    """The part's stock row at the location, created empty if need be, locked for this write."""
    insert = pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert
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


def _order(s: Session, order_id: int) -> WorkOrder:
    order = s.get(WorkOrder, order_id)
    if order is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "Work order {id} does not exist."), id=order_id)
    return order


def _for_order(
    s: Session, actor: Actor, part_id: int, order_id: int, outlet_id: int | None
) -> tuple[WorkOrder, Part, StockLocation]:
    """The order, the part and the shelf (the order's outlet unless another is named)."""
    order = _order(s, order_id)
    return order, _part(s, part_id), main_location(s, actor, outlet_id or order.outlet_id)


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


def main_location(s: Session, actor: Actor, outlet_id: int | None) -> StockLocation:
    """The main store of the given outlet, else of the signed-in one."""
    outlet = outlet_id if outlet_id is not None else actor.outlet_id
    if outlet is None:
        raise DomainError(
            QT_TRANSLATE_NOOP("core", "Choose the outlet whose stock this is (sign in at one).")
        )
    location = s.scalar(
        select(StockLocation).where(StockLocation.outlet_id == outlet, StockLocation.code == MAIN)
    )
    if location is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "Outlet {id} does not exist."), id=outlet)
    return location


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
            raise InsufficientStock(VAN_SHORT_ON_LINES, lines=", ".join(map(str, lines)), **params)
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
        outlet = s.get(Outlet, location.outlet_id)
        raise InsufficientStock(
            QT_TRANSLATE_NOOP(
                "core",
                "Not enough {sku} ({name}) at {outlet}: {on_hand} on hand, {held} of them held "
                "for orders awaiting parts; {asked} asked for. Nothing was taken.",
            ),
            sku=part.sku,
            name=part.name,
            outlet=outlet.name if outlet else location.code,
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
            orders=", ".join(here.orders[:ORDERS_NAMED])
            + (" …" if len(here.orders) > ORDERS_NAMED else ""),
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
