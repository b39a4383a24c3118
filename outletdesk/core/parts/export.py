"""Spare-parts logs as Excel: the catalogue (in exactly the columns the import reads, so export
then import changes nothing), stock levels, the movement log, the low-stock list and stock value.

Titles and cell words are English sources (QT_TRANSLATE_NOOP); the window translates them and
passes them as `texts`, as for the work-order log. Rows stream from the database.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from ...export.xlsx import Kind, XlsxLogWriter
from ...models import (
    MovementKind,
    Outlet,
    Part,
    PartBarcode,
    PartModel,
    PartStock,
    StockLocation,
    StockMovement,
    StockTransfer,
    Supplier,
    TransferStatus,
    WorkOrder,
)
from ...progress import Progress
from ..auth import Actor, Permission
from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from ..periods import local_midnight, period_text
from ..report_words import ReportWords, Spec
from ..services import Services
from .import_rows import FIELDS, LIST_SEPARATOR
from .stock import CENT, MAIN, main_location

_CATALOGUE_KINDS: dict[str, tuple[Kind, float]] = {
    "sku": ("text", 16),
    "name": ("text", 36),
    "category": ("text", 14),
    "unit": ("text", 7),
    "cost_price": ("money", 12),
    "sale_price": ("money", 12),
    "supplier": ("text", 22),
    "barcodes": ("text", 24),
    "models": ("text", 30),
    "active": ("bool", 8),
    "bin": ("text", 10),
    "min_level": ("int", 10),
    "reorder_qty": ("int", 10),
}
CATALOGUE_COLUMNS: Spec = tuple(
    (f.title, *_CATALOGUE_KINDS[f.key]) for f in FIELDS if not f.per_outlet
)
OUTLET_COLUMNS: Spec = tuple((f.title, *_CATALOGUE_KINDS[f.key]) for f in FIELDS if f.per_outlet)

STOCK_COLUMNS: Spec = (
    (QT_TRANSLATE_NOOP("core", "SKU"), "text", 16),
    (QT_TRANSLATE_NOOP("core", "Part name"), "text", 36),
    (QT_TRANSLATE_NOOP("core", "Outlet"), "text", 18),
    (QT_TRANSLATE_NOOP("core", "Location"), "text", 14),
    (QT_TRANSLATE_NOOP("core", "Bin location"), "text", 10),
    (QT_TRANSLATE_NOOP("core", "On hand"), "int", 9),
    (QT_TRANSLATE_NOOP("core", "Minimum level"), "int", 10),
    (QT_TRANSLATE_NOOP("core", "Reorder quantity"), "int", 10),
    (QT_TRANSLATE_NOOP("core", "Average cost"), "money", 12),
    (QT_TRANSLATE_NOOP("core", "Stock value"), "money", 14),
)
MOVEMENT_COLUMNS: Spec = (
    (QT_TRANSLATE_NOOP("core", "Date and time"), "datetime", 17),
    (QT_TRANSLATE_NOOP("core", "Outlet"), "text", 18),
    (QT_TRANSLATE_NOOP("core", "Location"), "text", 12),
    (QT_TRANSLATE_NOOP("core", "SKU"), "text", 16),
    (QT_TRANSLATE_NOOP("core", "Part name"), "text", 32),
    (QT_TRANSLATE_NOOP("core", "Movement"), "text", 16),
    (QT_TRANSLATE_NOOP("core", "Quantity"), "int", 9),
    (QT_TRANSLATE_NOOP("core", "Unit cost"), "money", 12),
    (QT_TRANSLATE_NOOP("core", "Amount"), "money", 12),
    (QT_TRANSLATE_NOOP("core", "On hand after"), "int", 10),
    (QT_TRANSLATE_NOOP("core", "By"), "text", 16),
    (QT_TRANSLATE_NOOP("core", "Reason"), "text", 30),
    (QT_TRANSLATE_NOOP("core", "Work order no."), "text", 12),
    (QT_TRANSLATE_NOOP("core", "Supplier"), "text", 20),
    (QT_TRANSLATE_NOOP("core", "Transfer no."), "int", 10),
)
LOW_STOCK_COLUMNS: Spec = (
    (QT_TRANSLATE_NOOP("core", "Outlet"), "text", 18),
    (QT_TRANSLATE_NOOP("core", "SKU"), "text", 16),
    (QT_TRANSLATE_NOOP("core", "Part name"), "text", 32),
    (QT_TRANSLATE_NOOP("core", "Supplier"), "text", 20),
    (QT_TRANSLATE_NOOP("core", "On hand"), "int", 9),
    (QT_TRANSLATE_NOOP("core", "On the way"), "int", 9),
    (QT_TRANSLATE_NOOP("core", "On order"), "int", 9),
    (QT_TRANSLATE_NOOP("core", "For waiting repairs"), "int", 10),
    (QT_TRANSLATE_NOOP("core", "Minimum level"), "int", 10),
    (QT_TRANSLATE_NOOP("core", "Suggested quantity"), "int", 10),
    (QT_TRANSLATE_NOOP("core", "Cost price"), "money", 12),
    (QT_TRANSLATE_NOOP("core", "Order value"), "money", 14),
)
VALUE_BY_OUTLET_COLUMNS: Spec = (
    (QT_TRANSLATE_NOOP("core", "Outlet"), "text", 22),
    (QT_TRANSLATE_NOOP("core", "Parts in stock"), "int", 12),
    (QT_TRANSLATE_NOOP("core", "Units"), "int", 12),
    (QT_TRANSLATE_NOOP("core", "Stock value"), "money", 16),
    (QT_TRANSLATE_NOOP("core", "Of which in transit (units)"), "int", 14),
    (QT_TRANSLATE_NOOP("core", "Of which in transit (value)"), "money", 16),
)
VALUE_BY_PART_COLUMNS: Spec = (
    (QT_TRANSLATE_NOOP("core", "SKU"), "text", 16),
    (QT_TRANSLATE_NOOP("core", "Part name"), "text", 36),
    (QT_TRANSLATE_NOOP("core", "Units"), "int", 10),
    (QT_TRANSLATE_NOOP("core", "Average cost"), "money", 12),
    (QT_TRANSLATE_NOOP("core", "Stock value"), "money", 16),
    (QT_TRANSLATE_NOOP("core", "Of which in transit (units)"), "int", 14),
)
MOVEMENT_WORDS: dict[str, str] = {
    MovementKind.RECEIVE.value: QT_TRANSLATE_NOOP("core", "Goods received"),
    MovementKind.ISSUE.value: QT_TRANSLATE_NOOP("core", "Issued to repair"),
    MovementKind.RETURN.value: QT_TRANSLATE_NOOP("core", "Returned from repair"),
    MovementKind.ADJUST.value: QT_TRANSLATE_NOOP("core", "Adjustment"),
    MovementKind.TRANSFER_OUT.value: QT_TRANSLATE_NOOP("core", "Transfer out"),
    MovementKind.TRANSFER_IN.value: QT_TRANSLATE_NOOP("core", "Transfer in"),
    MovementKind.STOCKTAKE.value: QT_TRANSLATE_NOOP("core", "Stocktake correction"),
    MovementKind.SCRAP.value: QT_TRANSLATE_NOOP("core", "Scrapped"),
}
HEADER_WORDS = (
    QT_TRANSLATE_NOOP("core", "Parts catalogue"),
    QT_TRANSLATE_NOOP("core", "Stock levels"),
    QT_TRANSLATE_NOOP("core", "Stock movements"),
    QT_TRANSLATE_NOOP("core", "Low stock"),
    QT_TRANSLATE_NOOP("core", "Stock value by outlet"),
    QT_TRANSLATE_NOOP("core", "Stock value by part"),
    QT_TRANSLATE_NOOP("core", "Total"),
    QT_TRANSLATE_NOOP("core", "Main store"),
    QT_TRANSLATE_NOOP("core", "In transit to {outlet}"),
    QT_TRANSLATE_NOOP("core", "Outlet"),
    QT_TRANSLATE_NOOP("core", "All outlets"),
    QT_TRANSLATE_NOOP("core", "Period"),
    QT_TRANSLATE_NOOP("core", "Generated at"),
    QT_TRANSLATE_NOOP("core", "Generated by"),
)
# Every word these logs show, for the window to translate into `texts`.
TEXTS: tuple[str, ...] = tuple(
    dict.fromkeys(
        [
            *(t for spec in (CATALOGUE_COLUMNS, OUTLET_COLUMNS, STOCK_COLUMNS, MOVEMENT_COLUMNS,
                             LOW_STOCK_COLUMNS, VALUE_BY_OUTLET_COLUMNS, VALUE_BY_PART_COLUMNS)
              for t, _kind, _width in spec),
            *MOVEMENT_WORDS.values(),
            *HEADER_WORDS,
        ]
    )
)  # fmt: skip
BATCH = 2000


@dataclass(frozen=True)
class MovementFilter:
    """Which movements the log holds: local days (both inclusive), one outlet, part or kind."""

    date_from: date | None = None
    date_to: date | None = None
    outlet_id: int | None = None
    part_id: int | None = None
    kind: MovementKind | None = None


class _Words(ReportWords):
    """The report words, and the main store's name in them."""

    def location(self, code: str, name: str) -> str:
        return self("Main store") if code == MAIN and name == "Main store" else name


def _require(actor: Actor) -> None:
    actor.require(Permission.EXPORT_DATA)
    actor.require(Permission.VIEW_STOCK)


def _outlet_name(s: Session, outlet_id: int | None) -> str | None:
    if outlet_id is None:
        return None
    name = s.scalar(select(Outlet.name).where(Outlet.id == outlet_id))
    if name is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "Outlet"),
            QT_TRANSLATE_NOOP("core", "outlet {id} does not exist."),
            id=outlet_id,
        )
    return name


@dataclass(frozen=True)
class _Transit:
    """Parts sent and not yet booked in: still the company's stock, counted at the sender."""

    outlet_code: str
    outlet: str
    to_outlet: str
    sku: str
    part: str
    quantity: int
    unit_cost: Decimal

    @property
    def value(self) -> Decimal:
        return (self.unit_cost * self.quantity).quantize(CENT)


def _in_transit(s: Session, outlet_id: int | None) -> list[_Transit]:
    """Open transfers (sent by one outlet, or by any), by sender, part and transfer number."""
    source, target = aliased(StockLocation), aliased(StockLocation)
    sender, receiver = aliased(Outlet), aliased(Outlet)
    query = (
        select(sender.code, sender.name, receiver.name, Part.sku, Part.name,
               StockTransfer.quantity, StockTransfer.unit_cost)
        .join(Part, Part.id == StockTransfer.part_id)
        .join(source, source.id == StockTransfer.from_location_id)
        .join(sender, sender.id == source.outlet_id)
        .join(target, target.id == StockTransfer.to_location_id)
        .join(receiver, receiver.id == target.outlet_id)
        .where(StockTransfer.status == TransferStatus.IN_TRANSIT.value)
        .order_by(sender.code, Part.sku, StockTransfer.id)
    )  # fmt: skip
    if outlet_id is not None:
        query = query.where(source.outlet_id == outlet_id)
    return [_Transit(*row) for row in s.execute(query).tuples()]


# ---------------------------------------------------------------- catalogue


def export_catalogue(
    services: Services,
    actor: Actor,
    path: Path,
    *,
    outlet_id: int | None = None,
    progress: Progress | None = None,
    texts: Mapping[str, str] | None = None,
) -> int:
    """Every part (active or not) by SKU, in the import's columns; with an outlet, also its bin,
    minimum level and reorder quantity there. A plain table (no header block), so the file
    imports back as it is. Returns how many parts."""
    _require(actor)
    t = _Words(texts)
    spec = CATALOGUE_COLUMNS + (OUTLET_COLUMNS if outlet_id is not None else ())
    with services.db.read(actor) as s:
        suppliers = dict(s.execute(select(Supplier.id, Supplier.name)).tuples().all())
        codes: dict[int, list[str]] = {}
        for pid, code in s.execute(
            select(PartBarcode.part_id, PartBarcode.code).order_by(PartBarcode.code)
        ).tuples():
            codes.setdefault(pid, []).append(code)
        models: dict[int, list[str]] = {}
        for pid, model in s.execute(
            select(PartModel.part_id, PartModel.model).order_by(PartModel.model_key)
        ).tuples():
            models.setdefault(pid, []).append(model)
        levels: dict[int, tuple[str, int, int]] = {}
        if outlet_id is not None:
            location = main_location(s, actor, outlet_id)
            levels = {
                pid: (shelf, minimum, reorder)
                for pid, shelf, minimum, reorder in s.execute(
                    select(PartStock.part_id, PartStock.bin, PartStock.min_level,
                           PartStock.reorder_qty)
                    .where(PartStock.location_id == location.id)
                ).tuples()
            }  # fmt: skip
        total = s.scalar(select(func.count()).select_from(Part)) or 0

        def rows() -> Iterator[tuple[object, ...]]:
            query = select(
                Part.id, Part.sku, Part.name, Part.category, Part.unit, Part.cost_price,
                Part.sale_price, Part.supplier_id, Part.active,
            ).order_by(Part.sku)  # fmt: skip
            for r in s.execute(query.execution_options(yield_per=BATCH)):
                row: tuple[object, ...] = (
                    r.sku,
                    r.name,
                    r.category,
                    r.unit,
                    r.cost_price,
                    r.sale_price,
                    suppliers.get(r.supplier_id, "") if r.supplier_id else "",
                    LIST_SEPARATOR.join(codes.get(r.id, ())),
                    LIST_SEPARATOR.join(models.get(r.id, ())),
                    r.active,
                )
                if outlet_id is not None:
                    row += levels.get(r.id, ("", 0, 0))
                yield row

        with XlsxLogWriter(path) as writer:
            return writer.add_sheet(
                t("Parts catalogue"), t.columns(spec), rows(), total=total, progress=progress
            )


# ---------------------------------------------------------------- stock levels


def export_stock_levels(
    services: Services,
    actor: Actor,
    path: Path,
    *,
    outlet_id: int | None = None,
    progress: Progress | None = None,
    texts: Mapping[str, str] | None = None,
) -> int:
    """What is on each shelf (every outlet, or one): on hand, levels, average cost and value.
    Parts sent to another outlet and not yet booked in follow as lines of the sender, located
    "In transit to ...", at the cost they left with: still the sender's until they arrive."""
    _require(actor)
    t = _Words(texts)
    query = (
        select(
            Part.sku, Part.name, Outlet.name.label("outlet"), StockLocation.code,
            StockLocation.name.label("location"), PartStock.bin, PartStock.on_hand,
            PartStock.min_level, PartStock.reorder_qty, PartStock.avg_cost,
        )
        .join(Part, Part.id == PartStock.part_id)
        .join(StockLocation, StockLocation.id == PartStock.location_id)
        .join(Outlet, Outlet.id == StockLocation.outlet_id)
        .order_by(Outlet.code, StockLocation.code, Part.sku)
    )  # fmt: skip
    if outlet_id is not None:
        query = query.where(StockLocation.outlet_id == outlet_id)
    with services.db.read(actor) as s:
        outlet = _outlet_name(s, outlet_id)
        transit = _in_transit(s, outlet_id)
        total = (s.scalar(select(func.count()).select_from(query.subquery())) or 0) + len(transit)

        def rows() -> Iterator[tuple[object, ...]]:
            for r in s.execute(query.execution_options(yield_per=BATCH)):
                yield (
                    r.sku, r.name, r.outlet, t.location(r.code, r.location), r.bin, r.on_hand,
                    r.min_level, r.reorder_qty, r.avg_cost, (r.avg_cost * r.on_hand).quantize(CENT),
                )  # fmt: skip
            for line in transit:
                yield (
                    line.sku, line.part, line.outlet,
                    t("In transit to {outlet}").format(outlet=line.to_outlet), None,
                    line.quantity, None, None, line.unit_cost, line.value,
                )  # fmt: skip

        with XlsxLogWriter(path) as writer:
            return writer.add_sheet(
                t("Stock levels"),
                t.columns(STOCK_COLUMNS),
                rows(),
                header=t.header("Stock levels", actor, outlet),
                total=total,
                progress=progress,
            )


# ---------------------------------------------------------------- movement log


def movement_query(f: MovementFilter) -> Select[tuple[object, ...]]:
    """The movement log's rows in the order they happened, with the filter applied."""
    m = StockMovement
    query = (
        select(
            m.at, Outlet.name.label("outlet"), StockLocation.code, StockLocation.name, Part.sku,
            Part.name.label("part"), m.kind, m.quantity, m.unit_cost, m.balance, m.username,
            m.reason, WorkOrder.number, Supplier.name.label("supplier"), m.transfer_id,
        )
        .join(Part, Part.id == m.part_id)
        .join(StockLocation, StockLocation.id == m.location_id)
        .join(Outlet, Outlet.id == StockLocation.outlet_id)
        .outerjoin(WorkOrder, WorkOrder.id == m.work_order_id)
        .outerjoin(Supplier, Supplier.id == m.supplier_id)
        .order_by(m.id)
    )  # fmt: skip
    if f.date_from is not None:
        query = query.where(m.at >= local_midnight(f.date_from))
    if f.date_to is not None:
        query = query.where(m.at < local_midnight(f.date_to + timedelta(days=1)))
    if f.outlet_id is not None:
        query = query.where(StockLocation.outlet_id == f.outlet_id)
    if f.part_id is not None:
        query = query.where(m.part_id == f.part_id)
    if f.kind is not None:
        query = query.where(m.kind == MovementKind(f.kind).value)
    return query


def export_movements(
    services: Services,
    actor: Actor,
    path: Path,
    f: MovementFilter | None = None,
    *,
    progress: Progress | None = None,
    texts: Mapping[str, str] | None = None,
) -> int:
    """Every stock movement matching `f`, oldest first: who, when, why, how many, at what cost."""
    _require(actor)
    f = f or MovementFilter()
    t = _Words(texts)
    words = {kind: t(word) for kind, word in MOVEMENT_WORDS.items()}
    main = t("Main store")
    query = movement_query(f)
    with services.db.read(actor) as s:
        outlet = _outlet_name(s, f.outlet_id)
        total = s.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0

        def rows() -> Iterator[tuple[object, ...]]:
            result = s.execute(query.execution_options(yield_per=BATCH))
            for (at, outlet_name, code, location, sku, part, kind, qty, cost, balance, user,
                 reason, number, supplier, transfer) in result:  # fmt: skip
                yield (
                    at, outlet_name,
                    main if code == MAIN and location == "Main store" else location,
                    sku, part, words.get(kind, kind), qty, cost, cost * qty, balance, user,
                    reason, number, supplier, transfer,
                )  # fmt: skip

        with XlsxLogWriter(path) as writer:
            return writer.add_sheet(
                t("Stock movements"),
                t.columns(MOVEMENT_COLUMNS),
                rows(),
                header=t.header(
                    "Stock movements", actor, outlet, period_text(f.date_from, f.date_to)
                ),
                total=total,
                progress=progress,
            )


# ---------------------------------------------------------------- low stock and value


def export_low_stock(
    services: Services,
    actor: Actor,
    path: Path,
    *,
    outlet_id: int | None = None,
    progress: Progress | None = None,
    texts: Mapping[str, str] | None = None,
) -> int:
    """The reorder list: one outlet's (the given one, else the actor's), or every outlet's when
    neither names one; with the suggested quantity and what it would cost."""
    _require(actor)
    t = _Words(texts)
    chosen = outlet_id if outlet_id is not None else actor.outlet_id
    outlet_ids: list[int] = [chosen] if chosen is not None else []
    with services.db.read(actor) as s:
        outlets = dict(
            s.execute(select(Outlet.id, Outlet.name).where(Outlet.active).order_by(Outlet.code))
            .tuples()
            .all()
        )
        suppliers = dict(s.execute(select(Supplier.id, Supplier.name)).tuples().all())
        outlet = _outlet_name(s, outlet_ids[0]) if outlet_ids else None
    lines = [
        (oid, line)
        for oid in (outlet_ids or list(outlets))
        for line in services.stock.low_stock(actor, oid)
    ]
    costs: dict[int, Decimal] = {}
    with services.db.read(actor) as s:
        ids = sorted({line.part_id for _, line in lines})
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            costs.update(
                s.execute(select(Part.id, Part.cost_price).where(Part.id.in_(chunk))).tuples().all()
            )
    rows = [
        (
            outlets.get(oid, ""), line.sku, line.name,
            suppliers.get(line.supplier_id, "") if line.supplier_id else "",
            line.on_hand, line.on_the_way, line.on_order, line.for_orders, line.min_level,
            line.suggested,
            costs.get(line.part_id, Decimal("0.00")),
            costs.get(line.part_id, Decimal("0.00")) * line.suggested,
        )
        for oid, line in lines
    ]  # fmt: skip
    with XlsxLogWriter(path) as writer:
        return writer.add_sheet(
            t("Low stock"),
            t.columns(LOW_STOCK_COLUMNS),
            rows,
            header=t.header("Low stock", actor, outlet),
            total=len(rows),
            progress=progress,
        )


def export_stock_value(
    services: Services,
    actor: Actor,
    path: Path,
    *,
    outlet_id: int | None = None,
    progress: Progress | None = None,
    texts: Mapping[str, str] | None = None,
) -> int:
    """Stock at weighted average cost: a sheet of totals per outlet (with the grand total) and a
    sheet per part, largest value first. Returns how many parts hold stock.

    Parts in transit between outlets stay in the totals, counted at the sending outlet at the
    cost they left with (a column says how much of it is on the road), so the company's stock
    value does not drop while a box is on its way."""
    _require(actor)
    t = _Words(texts)
    query = (
        select(Outlet.code, Outlet.name, Part.sku, Part.name, PartStock.on_hand,
               PartStock.avg_cost)
        .join(Part, Part.id == PartStock.part_id)
        .join(StockLocation, StockLocation.id == PartStock.location_id)
        .join(Outlet, Outlet.id == StockLocation.outlet_id)
        .where(PartStock.on_hand > 0)
    )  # fmt: skip
    if outlet_id is not None:
        query = query.where(StockLocation.outlet_id == outlet_id)
    by_outlet: dict[str, _Total] = {}  # by outlet code
    by_part: dict[str, _Total] = {}  # by SKU
    with services.db.read(actor) as s:
        outlet = _outlet_name(s, outlet_id)
        for code, oname, sku, name, on_hand, avg in s.execute(
            query.execution_options(yield_per=BATCH)
        ).tuples():
            value = (avg * on_hand).quantize(CENT)
            by_outlet.setdefault(code, _Total(oname)).add(sku, on_hand, value)
            by_part.setdefault(sku, _Total(name)).add(sku, on_hand, value)
        for line in _in_transit(s, outlet_id):
            by_outlet.setdefault(line.outlet_code, _Total(line.outlet)).add(
                line.sku, line.quantity, line.value, in_transit=True
            )
            by_part.setdefault(line.sku, _Total(line.part)).add(
                line.sku, line.quantity, line.value, in_transit=True
            )
    outlets = [by_outlet[code] for code in sorted(by_outlet)]
    outlet_rows: list[tuple[object, ...]] = [
        (o.name, len(o.parts), o.units, o.value, o.transit_units, o.transit_value) for o in outlets
    ]
    outlet_rows.append(
        (
            t("Total"),
            len(by_part),
            sum(o.units for o in outlets),
            sum((o.value for o in outlets), Decimal("0.00")),
            sum(o.transit_units for o in outlets),
            sum((o.transit_value for o in outlets), Decimal("0.00")),
        )
    )
    ranked = sorted(by_part.items(), key=lambda item: (-item[1].value, item[0]))
    part_rows = [
        (sku, p.name, p.units, (p.value / p.units).quantize(CENT), p.value, p.transit_units)
        for sku, p in ranked
    ]
    with XlsxLogWriter(path) as writer:
        writer.add_sheet(
            t("Stock value by outlet"),
            t.columns(VALUE_BY_OUTLET_COLUMNS),
            outlet_rows,
            header=t.header("Stock value by outlet", actor, outlet),
            total=len(outlet_rows),
            progress=progress,
        )
        return writer.add_sheet(
            t("Stock value by part"),
            t.columns(VALUE_BY_PART_COLUMNS),
            part_rows,
            header=t.header("Stock value by part", actor, outlet),
            total=len(part_rows),
            progress=progress,
        )


@dataclass
class _Total:
    """Units and value summed over stock rows (of one outlet, or of one part)."""

    name: str
    parts: set[str] = field(default_factory=set)
    units: int = 0
    value: Decimal = Decimal("0.00")
    transit_units: int = 0
    transit_value: Decimal = Decimal("0.00")

    def add(self, sku: str, units: int, value: Decimal, *, in_transit: bool = False) -> None:
        self.parts.add(sku)
        self.units += units
        self.value += value
        if in_transit:
            self.transit_units += units
            self.transit_value += value
