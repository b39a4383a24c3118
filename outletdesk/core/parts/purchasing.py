"""Purchase orders (采购单) to a supplier for one outlet's store: drafted (by hand or from the
low-stock list), placed (the expected arrival follows from the supplier's lead time), received
in one or more deliveries (typed or scanned), each unit booked into stock as a RECEIVE movement
at the order's unit cost, linked to the order.

Receiving more than was ordered is refused: the extra units are the supplier's mistake until
someone decides otherwise, and booking them would leave the order's outstanding quantity (and so
the low-stock list) wrong. Extra units are booked as a plain receipt, or the next order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import (
    MovementKind,
    Outlet,
    Part,
    PartBarcode,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    StockLocation,
    Supplier,
    utcnow,
)
from .. import validation as v
from ..audit import record
from ..auth import Actor, Permission
from ..changes import Changes
from ..database import Database
from ..errors import DomainError, NotFound, StaleRecord, ValidationError, Word
from ..i18n import QT_TRANSLATE_NOOP
from ..numbering import next_number
from .stock import CENT, MAX_QUANTITY, low_stock_lines, main_location, write_movement

F_SUPPLIER = QT_TRANSLATE_NOOP("core", "Supplier")
F_LINES = QT_TRANSLATE_NOOP("core", "Order lines")
F_PART = QT_TRANSLATE_NOOP("core", "Part")
F_QUANTITY = QT_TRANSLATE_NOOP("core", "Quantity")
F_UNIT_COST = QT_TRANSLATE_NOOP("core", "Unit cost")
F_NOTE = QT_TRANSLATE_NOOP("core", "Note")
F_REASON = QT_TRANSLATE_NOOP("core", "Reason")
SERIES = "purchase_order"
MAX_LINES = 500
OPEN = (PurchaseOrderStatus.ORDERED, PurchaseOrderStatus.PARTLY_RECEIVED)


@dataclass(frozen=True)
class PurchaseLineInput:
    part_id: int
    quantity: int | str
    unit_cost: Decimal | str | None = None  # None: the part's cost price


@dataclass(frozen=True)
class PurchaseLineDTO:
    id: int
    part_id: int
    sku: str
    name: str
    unit: str
    quantity: int
    unit_cost: Decimal
    received: int

    @property
    def outstanding(self) -> int:
        return self.quantity - self.received

    @property
    def amount(self) -> Decimal:
        return (self.unit_cost * self.quantity).quantize(CENT)


@dataclass(frozen=True)
class PurchaseOrderDTO:
    id: int
    number: str
    outlet_id: int
    outlet_code: str
    location_id: int
    supplier_id: int
    supplier_name: str
    status: PurchaseOrderStatus
    note: str
    created_at: datetime
    created_by: str
    ordered_at: datetime | None
    ordered_by: str
    expected_on: date | None  # local date the goods should arrive
    received_at: datetime | None
    cancelled_at: datetime | None
    cancel_reason: str
    lines: tuple[PurchaseLineDTO, ...]
    version: int

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))

    @property
    def outstanding(self) -> int:
        """Units still to come (nothing on a draft, a cancelled or a received order)."""
        if self.status not in OPEN:
            return 0
        return sum(line.outstanding for line in self.lines)

    def overdue(self, today: date | None = None) -> bool:
        """Placed, not all here, and the expected day has passed (in local time)."""
        today = today or utcnow().astimezone().date()
        return self.status in OPEN and self.expected_on is not None and self.expected_on < today


def expected_arrival(ordered_at: datetime, lead_time_days: int, tz: tzinfo | None = None) -> date:
    """The day the goods should arrive: the local day the order was placed plus the supplier's
    lead time (an order placed at 01:00 in Beijing is ordered that Beijing day, not the UTC one)."""
    local = ordered_at.astimezone(tz) if tz is not None else ordered_at.astimezone()
    return local.date() + timedelta(days=lead_time_days)


class PurchasingService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ------------------------------------------------------------ drafting

    def create(
        self,
        actor: Actor,
        supplier_id: int,
        lines: Sequence[PurchaseLineInput],
        *,
        outlet_id: int | None = None,
        note: str = "",
    ) -> tuple[PurchaseOrderDTO, Changes]:
        """A draft order to the supplier for the outlet's main store (the signed-in outlet's
        unless another is named)."""
        actor.require(Permission.MANAGE_STOCK)
        wanted = _validated_lines(lines)
        note = v.text(F_NOTE, note, max_len=1000, required=False, multiline=True)
        with self._db.write(actor) as s:
            supplier = _supplier(s, supplier_id)
            location = main_location(s, actor, outlet_id)
            order = _new_order(s, actor, supplier, location, note)
            _replace_lines(s, order, wanted)
            record(
                s, actor, "create", "purchase_order", order.id,
                after={"number": order.number, "supplier": supplier.id, "lines": len(wanted)},
            )  # fmt: skip
            return _dto(s, order), Changes(parts=True)

    def create_from_low_stock(
        self, actor: Actor, outlet_id: int | None, supplier_id: int
    ) -> tuple[PurchaseOrderDTO, Changes]:
        """A draft for the supplier's parts on the outlet's low-stock list, at the suggested
        quantities and the parts' cost prices. Parts already on a draft to the outlet are left
        out (they are being ordered)."""
        actor.require(Permission.MANAGE_STOCK)
        with self._db.write(actor) as s:
            supplier = _supplier(s, supplier_id)
            location = main_location(s, actor, outlet_id)
            drafted = set(
                s.scalars(
                    select(PurchaseOrderLine.part_id)
                    .join(PurchaseOrder)
                    .where(
                        PurchaseOrder.location_id == location.id,
                        PurchaseOrder.status == PurchaseOrderStatus.DRAFT.value,
                    )
                )
            )
            wanted = {
                line.part_id: (line.suggested, None)
                for line in low_stock_lines(s, location.id)
                if line.supplier_id == supplier.id and line.part_id not in drafted
            }
            if not wanted:
                outlet = s.get(Outlet, location.outlet_id)
                raise DomainError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Nothing from {supplier} is running low at {outlet} (or it is already "
                        "on a draft order). No order was made.",
                    ),
                    supplier=supplier.name,
                    outlet=outlet.name if outlet else location.code,
                )
            order = _new_order(s, actor, supplier, location, "")
            _replace_lines(s, order, wanted)
            record(
                s, actor, "create", "purchase_order", order.id,
                after={"number": order.number, "supplier": supplier.id, "from": "low_stock"},
            )  # fmt: skip
            return _dto(s, order), Changes(parts=True)

    def set_lines(
        self,
        actor: Actor,
        order_id: int,
        version: int,
        lines: Sequence[PurchaseLineInput],
        *,
        note: str | None = None,
    ) -> tuple[PurchaseOrderDTO, Changes]:
        """Replace a draft's lines (and note); a placed order is not edited."""
        actor.require(Permission.MANAGE_STOCK)
        wanted = _validated_lines(lines)
        if note is not None:
            note = v.text(F_NOTE, note, max_len=1000, required=False, multiline=True)
        with self._db.write(actor) as s:
            order = _locked(s, order_id, version)
            _require_status(order, (PurchaseOrderStatus.DRAFT,))
            before = _line_snapshot(s, order)
            _replace_lines(s, order, wanted)
            if note is not None:
                order.note = note
            order.updated_at = utcnow()  # a new version also when only the lines changed
            s.flush()
            record(
                s, actor, "lines", "purchase_order", order.id,
                before=before, after=_line_snapshot(s, order),
            )  # fmt: skip
            return _dto(s, order), Changes(parts=True)

    # ------------------------------------------------------------ status

    def place(self, actor: Actor, order_id: int, version: int) -> tuple[PurchaseOrderDTO, Changes]:
        """Draft -> ordered: the goods now count as on order; expected arrival from the
        supplier's lead time."""
        actor.require(Permission.MANAGE_STOCK)
        with self._db.write(actor) as s:
            order = _locked(s, order_id, version)
            _require_status(order, (PurchaseOrderStatus.DRAFT,))
            supplier = _supplier(s, order.supplier_id)
            now = utcnow()
            order.status = PurchaseOrderStatus.ORDERED.value
            order.ordered_at = order.updated_at = now
            order.ordered_by = actor.display_name or actor.username
            order.expected_on = expected_arrival(now, supplier.lead_time_days)
            s.flush()
            record(
                s, actor, "place", "purchase_order", order.id,
                after={"number": order.number, "expected_on": order.expected_on},
            )  # fmt: skip
            return _dto(s, order), Changes(parts=True)

    def cancel(
        self, actor: Actor, order_id: int, version: int, reason: str = ""
    ) -> tuple[PurchaseOrderDTO, Changes]:
        """A draft or a placed order of which nothing has arrived; once goods are booked in,
        the order stays (the ledger points to it)."""
        actor.require(Permission.MANAGE_STOCK)
        reason = v.text(F_REASON, reason, max_len=500, required=False, multiline=True)
        with self._db.write(actor) as s:
            order = _locked(s, order_id, version)
            _require_status(order, (PurchaseOrderStatus.DRAFT, PurchaseOrderStatus.ORDERED))
            if any(line.received for line in _lines(s, order.id)):
                raise DomainError(  # an ORDERED order has nothing received; belt and braces
                    QT_TRANSLATE_NOOP(
                        "core", "{number}: goods were received against it; it cannot be cancelled."
                    ),
                    number=order.number,
                )
            before = order.status
            order.status = PurchaseOrderStatus.CANCELLED.value
            order.cancelled_at = order.updated_at = utcnow()
            order.cancel_reason = reason
            s.flush()
            record(
                s, actor, "cancel", "purchase_order", order.id,
                before={"status": before}, after={"reason": reason},
            )  # fmt: skip
            return _dto(s, order), Changes(parts=True)

    # ------------------------------------------------------------ receiving

    def receive(
        self,
        actor: Actor,
        order_id: int,
        version: int,
        quantities: Mapping[int, int | str],
        *,
        delivery_note: str = "",
    ) -> tuple[PurchaseOrderDTO, Changes]:
        """Book a delivery against a placed order: {part id: units arrived} (each part is on one
        line of the order). Every unit goes into stock at the order's unit cost, from its
        supplier, linked to the order; more than is outstanding is refused, naming the part."""
        actor.require(Permission.MANAGE_STOCK)
        note = v.text(F_NOTE, delivery_note, max_len=200, required=False)
        arrived: dict[int, int] = {}
        for part_id, qty in quantities.items():
            try:
                units = v.integer(F_QUANTITY, qty, minimum=0, maximum=MAX_QUANTITY)
            except ValidationError as exc:
                with self._db.read(actor) as s:  # the line it is about, for the form to mark
                    exc.params["sku"] = s.scalar(select(Part.sku).where(Part.id == int(part_id)))
                raise
            if units:
                arrived[int(part_id)] = units
        if not arrived:
            raise ValidationError(F_QUANTITY, QT_TRANSLATE_NOOP("core", "nothing was entered."))
        with self._db.write(actor) as s:
            order = _locked(s, order_id, version)
            _receive(s, actor, order, arrived, note)
            return _dto(s, order), Changes(parts=True)

    def receive_scan(
        self, actor: Actor, order_id: int, code: str
    ) -> tuple[PurchaseOrderDTO, PurchaseLineDTO, Changes]:
        """One unit of the part with this SKU or barcode arrived (a scanner at the goods-in
        desk). No version: each scan adds one, and the order row is locked while it does."""
        actor.require(Permission.MANAGE_STOCK)
        # A code longer than any SKU or barcode is refused whole, never cut to one that may match.
        code = v.text(QT_TRANSLATE_NOOP("core", "Barcode"), code, max_len=60)
        with self._db.write(actor) as s:
            order = _locked(s, order_id, None)
            part = s.scalar(select(Part).where(Part.sku == code.upper())) or s.scalar(
                select(Part).join(PartBarcode).where(PartBarcode.code == code)
            )
            if part is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP("core", "No part has the SKU or barcode “{code}”."),
                    code=code,
                )
            _receive(s, actor, order, {part.id: 1}, "")
            dto = _dto(s, order)
            line = next(line for line in dto.lines if line.part_id == part.id)
            return dto, line, Changes(parts=True)

    # ------------------------------------------------------------ reading

    def get(self, actor: Actor, order_id: int) -> PurchaseOrderDTO:
        actor.require(Permission.VIEW_STOCK)
        with self._db.read(actor) as s:
            return _dto(s, _order(s, order_id))

    def list(
        self,
        actor: Actor,
        *,
        outlet_id: int | None = None,
        statuses: Sequence[PurchaseOrderStatus] = (),
        supplier_id: int | None = None,
        limit: int = 500,
    ) -> list[PurchaseOrderDTO]:
        """Orders of an outlet (the signed-in one unless named), newest first."""
        actor.require(Permission.VIEW_STOCK)
        with self._db.read(actor) as s:
            location = main_location(s, actor, outlet_id)
            query = select(PurchaseOrder).where(PurchaseOrder.location_id == location.id)
            if statuses:
                query = query.where(PurchaseOrder.status.in_([st.value for st in statuses]))
            if supplier_id is not None:
                query = query.where(PurchaseOrder.supplier_id == supplier_id)
            orders = list(s.scalars(query.order_by(PurchaseOrder.id.desc()).limit(limit)))
            return [_dto(s, o) for o in orders]


# ---------------------------------------------------------------- helpers


def _validated_lines(lines: Sequence[PurchaseLineInput]) -> dict[int, tuple[int, Decimal | None]]:
    """{part id: (quantity, unit cost or None for the part's cost price)}; a part once."""
    if not lines:
        raise ValidationError(F_LINES, QT_TRANSLATE_NOOP("core", "add at least one part."))
    if len(lines) > MAX_LINES:
        raise ValidationError(
            F_LINES, QT_TRANSLATE_NOOP("core", "at most {max} lines."), max=MAX_LINES
        )
    wanted: dict[int, tuple[int, Decimal | None]] = {}
    for line in lines:
        qty = v.integer(F_QUANTITY, line.quantity, minimum=1, maximum=MAX_QUANTITY)
        cost = None if line.unit_cost is None else v.money(F_UNIT_COST, line.unit_cost)
        if line.part_id in wanted:
            raise ValidationError(
                F_PART,
                QT_TRANSLATE_NOOP("core", "part {id} is on the order twice; use one line."),
                id=line.part_id,
            )
        wanted[line.part_id] = (qty, cost)
    return wanted


def _supplier(s: Session, supplier_id: int) -> Supplier:
    supplier = s.get(Supplier, supplier_id)
    if supplier is None:
        raise ValidationError(
            F_SUPPLIER, QT_TRANSLATE_NOOP("core", "supplier {id} does not exist."), id=supplier_id
        )
    return supplier


def _new_order(
    s: Session, actor: Actor, supplier: Supplier, location: StockLocation, note: str
) -> PurchaseOrder:
    outlet = s.get(Outlet, location.outlet_id)
    assert outlet is not None
    now = utcnow()
    order = PurchaseOrder(
        number=next_number(s, outlet, SERIES, "PO"),
        outlet_id=outlet.id,
        location_id=location.id,
        supplier_id=supplier.id,
        status=PurchaseOrderStatus.DRAFT.value,
        note=note,
        created_at=now,
        updated_at=now,
        created_by=actor.display_name or actor.username,
    )
    s.add(order)
    s.flush()
    return order


def _replace_lines(
    s: Session, order: PurchaseOrder, wanted: Mapping[int, tuple[int, Decimal | None]]
) -> None:
    parts = {p.id: p for p in s.scalars(select(Part).where(Part.id.in_(list(wanted))))}
    for part_id in wanted:
        if part_id not in parts:
            raise ValidationError(
                F_PART, QT_TRANSLATE_NOOP("core", "Part {id} does not exist."), id=part_id
            )
    existing = {line.part_id: line for line in _lines(s, order.id)}
    for part_id, old in existing.items():
        if part_id not in wanted:
            s.delete(old)
    for part_id, (qty, cost) in wanted.items():
        unit_cost = cost if cost is not None else parts[part_id].cost_price
        line = existing.get(part_id)
        if line is None:
            s.add(
                PurchaseOrderLine(
                    purchase_order_id=order.id,
                    part_id=part_id,
                    quantity=qty,
                    unit_cost=unit_cost,
                    received=0,
                )
            )
        else:
            line.quantity, line.unit_cost = qty, unit_cost
    s.flush()


def _receive(
    s: Session, actor: Actor, order: PurchaseOrder, arrived: Mapping[int, int], note: str
) -> None:
    """Check every line first, then book: a refused delivery writes nothing."""
    _require_status(order, OPEN, draft_hint=True)
    lines = {line.part_id: line for line in _lines(s, order.id)}
    for part_id, units in arrived.items():
        line = lines.get(part_id)
        if line is None:
            part = s.get(Part, part_id)
            raise ValidationError(
                F_PART,
                QT_TRANSLATE_NOOP("core", "{sku} is not on purchase order {number}."),
                sku=part.sku if part else f"#{part_id}",
                number=order.number,
            )
        outstanding = line.quantity - line.received
        if units > outstanding:
            part = s.get(Part, part_id)
            raise ValidationError(
                F_QUANTITY,
                QT_TRANSLATE_NOOP(
                    "core",
                    "{asked} of {sku} received, but only {outstanding} of the {ordered} ordered "
                    "on {number} are still to come. Nothing was booked; receive the extra units "
                    "separately.",
                ),
                asked=units,
                sku=part.sku if part else f"#{part_id}",
                outstanding=outstanding,
                ordered=line.quantity,
                number=order.number,
            )
    location = s.get(StockLocation, order.location_id)
    assert location is not None
    reason = f"{order.number} {note}".strip()
    for part_id in sorted(arrived):  # one lock order for every writer: no deadlocks
        line = lines[part_id]
        part = s.get(Part, part_id)
        assert part is not None
        write_movement(
            s, actor, part, location, MovementKind.RECEIVE, arrived[part_id], line.unit_cost,
            reason, supplier_id=order.supplier_id, purchase_order_id=order.id,
        )  # fmt: skip
        line.received += arrived[part_id]
    done = all(line.received >= line.quantity for line in lines.values())
    order.status = (
        PurchaseOrderStatus.RECEIVED.value if done else PurchaseOrderStatus.PARTLY_RECEIVED.value
    )
    order.updated_at = utcnow()
    if done:
        order.received_at = order.updated_at
    s.flush()
    record(
        s, actor, "receive", "purchase_order", order.id,
        after={"number": order.number, "arrived": {str(k): n for k, n in arrived.items()},
               "status": order.status},
    )  # fmt: skip


def _order(s: Session, order_id: int) -> PurchaseOrder:
    order = s.get(PurchaseOrder, order_id)
    if order is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("core", "Purchase order {id} does not exist."), id=order_id
        )
    return order


def _locked(s: Session, order_id: int, version: int | None) -> PurchaseOrder:
    order = s.scalar(
        select(PurchaseOrder)
        .where(PurchaseOrder.id == order_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if order is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("core", "Purchase order {id} does not exist."), id=order_id
        )
    if version is not None and order.version != version:
        raise StaleRecord(
            QT_TRANSLATE_NOOP(
                "core",
                "{number} was changed by someone else after you opened it. Nothing was saved; "
                "reopen it to see their change.",
            ),
            number=order.number,
        )
    return order


_STATUS_WORDS = {
    PurchaseOrderStatus.DRAFT: QT_TRANSLATE_NOOP("core", "a draft"),
    PurchaseOrderStatus.ORDERED: QT_TRANSLATE_NOOP("core", "ordered"),
    PurchaseOrderStatus.PARTLY_RECEIVED: QT_TRANSLATE_NOOP("core", "partly received"),
    PurchaseOrderStatus.RECEIVED: QT_TRANSLATE_NOOP("core", "received"),
    PurchaseOrderStatus.CANCELLED: QT_TRANSLATE_NOOP("core", "cancelled"),
}


def _require_status(
    order: PurchaseOrder,
    allowed: Sequence[PurchaseOrderStatus],
    *,
    draft_hint: bool = False,
) -> None:
    status = PurchaseOrderStatus(order.status)
    if status in allowed:
        return
    if draft_hint and status is PurchaseOrderStatus.DRAFT:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "core", "{number} is still a draft: place the order before receiving against it."
            ),
            number=order.number,
        )
    raise DomainError(
        QT_TRANSLATE_NOOP("core", "{number} is {status}; this cannot be done to it now."),
        number=order.number,
        status=Word(_STATUS_WORDS[status]),
    )


def _lines(s: Session, order_id: int) -> list[PurchaseOrderLine]:
    return list(
        s.scalars(
            select(PurchaseOrderLine)
            .where(PurchaseOrderLine.purchase_order_id == order_id)
            .order_by(PurchaseOrderLine.id)
        )
    )


def _line_snapshot(s: Session, order: PurchaseOrder) -> dict[str, object]:
    return {str(line.part_id): [line.quantity, str(line.unit_cost)] for line in _lines(s, order.id)}


def _dto(s: Session, order: PurchaseOrder) -> PurchaseOrderDTO:
    rows = s.execute(
        select(PurchaseOrderLine, Part.sku, Part.name, Part.unit)
        .join(Part, Part.id == PurchaseOrderLine.part_id)
        .where(PurchaseOrderLine.purchase_order_id == order.id)
        .order_by(PurchaseOrderLine.id)
    ).tuples()
    lines = tuple(
        PurchaseLineDTO(
            line.id, line.part_id, sku, name, unit, line.quantity, line.unit_cost, line.received
        )
        for line, sku, name, unit in rows
    )
    outlet_code = s.scalar(select(Outlet.code).where(Outlet.id == order.outlet_id)) or ""
    supplier = s.scalar(select(Supplier.name).where(Supplier.id == order.supplier_id)) or ""
    return PurchaseOrderDTO(
        order.id,
        order.number,
        order.outlet_id,
        outlet_code,
        order.location_id,
        order.supplier_id,
        supplier,
        PurchaseOrderStatus(order.status),
        order.note,
        order.created_at,
        order.created_by,
        order.ordered_at,
        order.ordered_by,
        order.expected_on,
        order.received_at,
        order.cancelled_at,
        order.cancel_reason,
        lines,
        order.version,
    )
