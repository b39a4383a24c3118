"""Catalogue import (备件目录导入) from .xlsx or .csv: propose a column mapping from the header row,
check every row (a dry run reports each bad cell by row and column), then write all valid rows,
or none, in one transaction. Existing SKUs are updated, never duplicated.

Done in bulk: the file is read and each row checked on its own first (import_rows); the
catalogue (parts, barcodes, models, suppliers, shelf levels) is then read with one query each
and the writes go out as multi-row statements, not one round trip per row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, insert, select, text, update
from sqlalchemy.orm import Session

from ...models import AuditEntry, Part, PartBarcode, PartModel, PartStock, Supplier, utcnow
from ...progress import Progress
from ..audit import record
from ..auth import Actor, Permission
from ..changes import Changes
from ..database import Database, dialect_insert
from ..i18n import QT_TRANSLATE_NOOP
from . import catalogue as c
from .import_rows import (
    FIELDS,
    ImportField,
    ImportLayout,
    ParsedRow,
    RowProblem,
    parse_rows,
    read_layout,
)
from .stock import main_location
from .table_file import ImportFileError

__all__ = [
    "FIELDS",
    "CatalogueImporter",
    "ImportField",
    "ImportFileError",
    "ImportLayout",
    "ImportReport",
    "RowProblem",
]

BATCH = 500  # rows per multi-row statement, well below every driver's parameter limit
_PARTS = cast(Table, Part.__table__)
_STOCK = cast(Table, PartStock.__table__)


@dataclass(frozen=True)
class ImportReport:
    """The dry run's (or the import's) account: counts of valid rows by what they do, the bad
    cells row by row, suppliers the import adds, and whether anything was written."""

    file_name: str
    rows: int  # non-blank data rows read
    new: int
    updated: int
    unchanged: int
    invalid_rows: int
    problems: tuple[RowProblem, ...]
    new_suppliers: tuple[str, ...]
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Existing:
    """The catalogue as it stands, read once (one query per table)."""

    parts: dict[str, Any]  # SKU -> row (id, name, ..., version)
    barcodes: dict[str, int]  # code -> part id
    codes_of: dict[int, set[str]]
    models_of: dict[int, set[str]]
    suppliers: dict[str, int]  # supplier_key(name) -> id
    levels: dict[int, tuple[str, int, int]]  # part id -> (bin, min, reorder) at the outlet


@dataclass(eq=False)
class _Final:
    """A valid row's part as it will be after the import (unmapped fields kept as they are)."""

    row: ParsedRow
    part_id: int | None
    values: dict[str, Any]
    barcodes: tuple[str, ...]
    models: tuple[str, ...]
    levels: tuple[str, int, int] | None
    barcodes_change: bool = False
    models_change: bool = False
    fields_change: bool = False
    levels_change: bool = False

    def __post_init__(self) -> None:
        self.is_new = self.part_id is None  # the id comes when it is written

    def changes(self) -> bool:
        return self.is_new or self.updates()

    def updates(self) -> bool:
        return not self.is_new and (
            self.fields_change or self.barcodes_change or self.models_change or self.levels_change
        )


@dataclass
class _Plan:
    report: ImportReport
    finals: list[_Final]  # the valid rows, as the parts will be
    new_suppliers: dict[str, str]  # supplier_key -> the name as first written

    def writes(self) -> bool:
        return bool(self.new_suppliers) or any(f.changes() for f in self.finals)


class CatalogueImporter:
    """Import parts from a spreadsheet; MANAGE_STOCK only. `texts` (English title -> shown
    title) lets the headers of a translated export be recognised as well."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # ------------------------------------------------------------ the mapping screen

    def layout(
        self, actor: Actor, path: Path, *, texts: Mapping[str, str] | None = None
    ) -> ImportLayout:
        """The header row and the proposed mapping (fields whose column is recognised)."""
        actor.require(Permission.MANAGE_STOCK)
        layout, _ = read_layout(Path(path), None, texts)
        return layout

    # ------------------------------------------------------------ dry run and import

    def dry_run(
        self,
        actor: Actor,
        path: Path,
        mapping: Mapping[str, int] | None = None,
        *,
        outlet_id: int | None = None,
        texts: Mapping[str, str] | None = None,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Everything the import would check and count, nothing written."""
        actor.require(Permission.MANAGE_STOCK)
        layout, rows = read_layout(Path(path), mapping, texts)
        parsed, problems = parse_rows(layout, rows, progress)
        with self._db.read(actor) as s:
            location_id = _location_for(s, actor, layout, outlet_id)
            plan = _plan(s, layout, parsed, problems, location_id)
        return plan.report

    def run(
        self,
        actor: Actor,
        path: Path,
        mapping: Mapping[str, int] | None = None,
        *,
        skip_invalid: bool = False,
        outlet_id: int | None = None,
        texts: Mapping[str, str] | None = None,
        progress: Progress | None = None,
    ) -> tuple[ImportReport, Changes]:
        """Import in one transaction: nothing when any row is invalid (the report says why),
        unless `skip_invalid`, then every valid row. Cancelling writes nothing."""
        actor.require(Permission.MANAGE_STOCK)
        layout, rows = read_layout(Path(path), mapping, texts)
        parsed, problems = parse_rows(layout, rows, progress)
        with self._db.write(actor) as s:
            if s.get_bind().dialect.name == "postgresql":
                # Catalogue edits wait for the import (and it for them), so what it read stays
                # true until it commits; reading, issuing and receiving go on meanwhile. SQLite's
                # write transaction is exclusive already.
                s.execute(text("LOCK TABLE parts, suppliers IN SHARE ROW EXCLUSIVE MODE"))
            location_id = _location_for(s, actor, layout, outlet_id)
            plan = _plan(s, layout, parsed, problems, location_id)
            if plan.report.problems and not skip_invalid:
                return plan.report, Changes()
            if progress is not None:
                progress.start(None, QT_TRANSLATE_NOOP("core", "Writing the parts"))
            written = plan.writes()
            _write(s, actor, plan, location_id, progress)
            if progress is not None:
                progress.check()  # the last moment Cancel still undoes everything
        return replace(plan.report, written=written), Changes(parts=written)


# ---------------------------------------------------------------- against the catalogue


def _location_for(
    s: Session, actor: Actor, layout: ImportLayout, outlet_id: int | None
) -> int | None:
    """The outlet's main store when the file carries shelf columns (bin, minimum, reorder)."""
    if not any(f.per_outlet and f.key in layout.mapping for f in FIELDS):
        return None
    return main_location(s, actor, outlet_id).id


def _load(s: Session, location_id: int | None) -> _Existing:
    parts = {
        r.sku: r
        for r in s.execute(
            select(
                Part.id, Part.sku, Part.name, Part.category, Part.unit, Part.cost_price,
                Part.sale_price, Part.supplier_id, Part.active, Part.version,
            )
        )
    }  # fmt: skip
    barcodes: dict[str, int] = {}
    codes_of: dict[int, set[str]] = {}
    for code, pid in s.execute(select(PartBarcode.code, PartBarcode.part_id)).tuples():
        barcodes[code] = pid
        codes_of.setdefault(pid, set()).add(code)
    models_of: dict[int, set[str]] = {}
    for pid, model in s.execute(select(PartModel.part_id, PartModel.model)).tuples():
        models_of.setdefault(pid, set()).add(model)
    suppliers: dict[str, int] = {}
    for sid, name in s.execute(select(Supplier.id, Supplier.name).order_by(Supplier.id)).tuples():
        suppliers.setdefault(c.supplier_key(name), sid)
    levels: dict[int, tuple[str, int, int]] = {}
    if location_id is not None:
        for pid, shelf, minimum, reorder in s.execute(
            select(PartStock.part_id, PartStock.bin, PartStock.min_level, PartStock.reorder_qty)
            .where(PartStock.location_id == location_id)
        ).tuples():  # fmt: skip
            levels[pid] = (shelf, minimum, reorder)
    return _Existing(parts, barcodes, codes_of, models_of, suppliers, levels)


def _plan(
    s: Session,
    layout: ImportLayout,
    parsed: list[ParsedRow],
    problems: list[RowProblem],
    location_id: int | None,
) -> _Plan:
    mapping = layout.mapping
    existing = _load(s, location_id)
    sku_of = {r.id: sku for sku, r in existing.parts.items()}
    problems = list(problems)

    title = layout.title
    # Duplicate SKUs: the later row is the wrong one.
    first_row: dict[str, int] = {}
    valid: list[ParsedRow] = []
    for entry in parsed:
        sku = entry.part.sku
        if sku in first_row:
            problems.append(
                RowProblem(
                    entry.number,
                    title("sku"),
                    QT_TRANSLATE_NOOP("core", "{sku} is already on row {row} of this file."),
                    {"sku": sku, "row": first_row[sku]},
                )
            )
            continue
        first_row[sku] = entry.number
        valid.append(entry)

    # Barcodes: each names one part once the import is done. Parts in the file give up their
    # old codes; a row refused gives nothing up, so check again until no new row is refused.
    if "barcodes" in mapping:
        while True:
            releasing = {
                existing.parts[e.part.sku].id for e in valid if e.part.sku in existing.parts
            }
            claimed: dict[str, str] = {}  # code -> SKU of the row that keeps it
            refused: set[int] = set()
            for entry in valid:
                here = existing.parts.get(entry.part.sku)
                clash = _barcode_clash(entry, here, claimed, existing, releasing, sku_of)
                if clash is None:
                    claimed.update((code, entry.part.sku) for code in entry.part.barcodes)
                    continue
                code, other = clash
                problems.append(
                    RowProblem(
                        entry.number,
                        title("barcodes"),
                        QT_TRANSLATE_NOOP("core", "“{code}” is already the barcode of {sku}."),
                        {"code": code, "sku": other},
                    )
                )
                refused.add(entry.number)
            if not refused:
                break
            valid = [e for e in valid if e.number not in refused]

    new_suppliers: dict[str, str] = {}
    finals = [_final(entry, existing, mapping, new_suppliers) for entry in valid]
    new = sum(1 for f in finals if f.is_new)
    updated = sum(1 for f in finals if f.updates())
    order = {key: i for i, key in enumerate(FIELD_ORDER)}
    column_order = {title(key): order[key] for key in mapping}
    problems.sort(key=lambda p: (p.row, column_order.get(p.column, 99)))
    report = ImportReport(
        file_name=layout.file_name,
        rows=layout.data_rows,
        new=new,
        updated=updated,
        unchanged=len(finals) - new - updated,
        invalid_rows=len({p.row for p in problems}),
        problems=tuple(problems),
        new_suppliers=tuple(new_suppliers.values()),
    )
    return _Plan(report, finals, new_suppliers)


FIELD_ORDER = tuple(f.key for f in FIELDS)


def _barcode_clash(
    entry: ParsedRow,
    here: Any,
    claimed: Mapping[str, str],
    existing: _Existing,
    releasing: set[int],
    sku_of: Mapping[int, str],
) -> tuple[str, str] | None:
    """The first of the row's barcodes another part keeps (an earlier row, or a part the file
    leaves alone), and that part's SKU."""
    for code in entry.part.barcodes:
        if code in claimed and claimed[code] != entry.part.sku:
            return code, claimed[code]
        owner = existing.barcodes.get(code)
        if owner is not None and owner not in releasing and owner != (here.id if here else None):
            return code, sku_of[owner]
    return None


def _final(
    entry: ParsedRow, existing: _Existing, mapping: Mapping[str, int], new_suppliers: dict[str, str]
) -> _Final:
    """The part after the import: mapped fields from the row, the rest kept (or defaults for a
    new part); and what of it changes."""
    p = entry.part
    now = existing.parts.get(p.sku)
    values: dict[str, Any] = {
        "sku": p.sku,
        "name": p.name,
        "category": p.category,
        "unit": p.unit,
        "cost_price": p.cost_price,
        "sale_price": p.sale_price,
        "supplier_id": None,
        "active": True if entry.active is None else entry.active,
    }
    supplier_key = ""
    if entry.supplier:
        supplier_key = c.supplier_key(entry.supplier)
        values["supplier_id"] = existing.suppliers.get(supplier_key)
        if values["supplier_id"] is None:
            new_suppliers.setdefault(supplier_key, " ".join(entry.supplier.split()))
    values["supplier_key"] = supplier_key
    barcodes, models = p.barcodes, p.models
    shelf: tuple[str, int, int] | None = None
    if any(k in mapping for k in ("bin", "min_level", "reorder_qty")):
        current = existing.levels.get(now.id, ("", 0, 0)) if now else ("", 0, 0)
        shelf = (
            current[0] if entry.bin is None else entry.bin,
            current[1] if entry.min_level is None else entry.min_level,
            current[2] if entry.reorder_qty is None else entry.reorder_qty,
        )
    if now is None:
        return _Final(
            entry,
            None,
            values,
            barcodes,
            models,
            shelf,
            levels_change=shelf not in (None, ("", 0, 0)),
        )
    for key in ("category", "unit", "cost_price", "sale_price"):
        if key not in mapping:
            values[key] = getattr(now, key)
    if "supplier" not in mapping:
        values["supplier_id"], values["supplier_key"] = now.supplier_id, ""
    if "active" not in mapping:
        values["active"] = now.active
    old_codes = existing.codes_of.get(now.id, set())
    old_models = existing.models_of.get(now.id, set())
    if "barcodes" not in mapping:
        barcodes = tuple(sorted(old_codes))
    if "models" not in mapping:
        models = tuple(sorted(old_models))
    fields_change = (
        any(
            values[key] != getattr(now, key)
            for key in ("name", "category", "unit", "cost_price", "sale_price", "active")
        )
        or bool(values["supplier_key"] and values["supplier_id"] is None)
        or (values["supplier_id"] != now.supplier_id)
    )
    current_levels = existing.levels.get(now.id, ("", 0, 0))
    return _Final(
        entry,
        now.id,
        values,
        barcodes,
        models,
        shelf,
        barcodes_change=set(barcodes) != old_codes,
        models_change=set(models) != old_models,
        fields_change=fields_change,
        levels_change=shelf is not None and shelf != current_levels,
    )


# ---------------------------------------------------------------- writing


def _write(
    s: Session, actor: Actor, plan: _Plan, location_id: int | None, progress: Progress | None
) -> None:
    """Everything in multi-row statements inside the caller's transaction."""

    def check() -> None:
        if progress is not None:
            progress.check()

    supplier_ids: dict[str, int] = {}
    for key, name in plan.new_suppliers.items():
        supplier = Supplier(name=name)
        s.add(supplier)
        s.flush()
        supplier_ids[key] = supplier.id
        record(s, actor, "create", "supplier", supplier.id, after={"name": name, "by": "import"})
    for f in plan.finals:
        if f.values["supplier_key"] and f.values["supplier_id"] is None:
            f.values["supplier_id"] = supplier_ids[f.values["supplier_key"]]
            f.fields_change = f.fields_change or not f.is_new

    new = [f for f in plan.finals if f.is_new]
    now = utcnow()
    for chunk in _chunks(new):
        check()
        created = s.execute(
            insert(Part).returning(Part.id, Part.sku),
            [
                {
                    "sku": f.values["sku"],
                    "name": f.values["name"],
                    "name_key": f.values["name"].casefold(),
                    "category": f.values["category"],
                    "unit": f.values["unit"],
                    "supplier_id": f.values["supplier_id"],
                    "cost_price": f.values["cost_price"],
                    "sale_price": f.values["sale_price"],
                    "active": f.values["active"],
                    "created_at": now,
                    "version": 1,
                }
                for f in chunk
            ],
        ).tuples()
        ids = dict((sku, pid) for pid, sku in created)
        for f in chunk:
            f.part_id = ids[f.values["sku"]]

    t = _PARTS
    changed = [f for f in plan.finals if f.fields_change and not f.is_new]
    bump = [f for f in plan.finals if f.updates() and not f.fields_change]
    stmt = (
        update(t)
        .where(t.c.id == bindparam("b_id"))
        .values(
            name=bindparam("b_name"),
            name_key=bindparam("b_name_key"),
            category=bindparam("b_category"),
            unit=bindparam("b_unit"),
            supplier_id=bindparam("b_supplier_id"),
            cost_price=bindparam("b_cost_price", type_=t.c.cost_price.type),
            sale_price=bindparam("b_sale_price", type_=t.c.sale_price.type),
            active=bindparam("b_active"),
            version=t.c.version + 1,
        )
    )
    for chunk in _chunks(changed):
        check()
        s.execute(
            stmt,
            [
                {
                    "b_id": f.part_id,
                    "b_name": f.values["name"],
                    "b_name_key": f.values["name"].casefold(),
                    "b_category": f.values["category"],
                    "b_unit": f.values["unit"],
                    "b_supplier_id": f.values["supplier_id"],
                    "b_cost_price": f.values["cost_price"],
                    "b_sale_price": f.values["sale_price"],
                    "b_active": f.values["active"],
                }
                for f in chunk
            ],
        )
    # Barcodes, models or shelf changed alone still make a new version of the part.
    for chunk in _chunks(bump):
        s.execute(
            update(t).where(t.c.id == bindparam("b_id")).values(version=t.c.version + 1),
            [{"b_id": f.part_id} for f in chunk],
        )

    check()
    _replace_children(s, plan, new)
    if location_id is not None:
        _write_levels(s, plan, location_id)
    check()
    _audit(s, actor, plan, new)


def _replace_children(s: Session, plan: _Plan, new: list[_Final]) -> None:
    """Barcodes and models of parts whose lists changed: old rows out first (a code may move
    from one part to another within the file), then the new rows in."""
    codes = [f for f in plan.finals if f.barcodes_change and not f.is_new]
    models = [f for f in plan.finals if f.models_change and not f.is_new]
    for chunk in _chunks(codes):
        s.execute(delete(PartBarcode).where(PartBarcode.part_id.in_([f.part_id for f in chunk])))
    for chunk in _chunks(models):
        s.execute(delete(PartModel).where(PartModel.part_id.in_([f.part_id for f in chunk])))
    code_rows = [
        {"code": code, "part_id": f.part_id} for f in (*new, *codes) for code in f.barcodes
    ]
    model_rows = [
        {"part_id": f.part_id, "model": model, "model_key": c.model_key(model)}
        for f in (*new, *models)
        for model in f.models
    ]
    for rows in _chunks(code_rows):
        s.execute(insert(PartBarcode), rows)
    for rows in _chunks(model_rows):
        s.execute(insert(PartModel), rows)


def _write_levels(s: Session, plan: _Plan, location_id: int) -> None:
    """Bin, minimum and reorder quantity at the outlet's main store; a part without a stock row
    there gets an empty one (on hand 0) carrying them."""
    rows = [
        {
            "part_id": f.part_id,
            "location_id": location_id,
            "on_hand": 0,
            "avg_cost": f.values["cost_price"],
            "bin": f.levels[0],
            "min_level": f.levels[1],
            "reorder_qty": f.levels[2],
        }
        for f in plan.finals
        if f.levels_change and f.levels is not None
    ]
    stmt = dialect_insert(s.get_bind().dialect.name)(_STOCK)
    # A stock row that exists keeps its on-hand and cost; only the shelf settings change.
    stmt = stmt.on_conflict_do_update(
        index_elements=[_STOCK.c.part_id, _STOCK.c.location_id],
        set_={
            "bin": stmt.excluded.bin,
            "min_level": stmt.excluded.min_level,
            "reorder_qty": stmt.excluded.reorder_qty,
        },
    )
    for chunk in _chunks(rows):
        s.execute(stmt, chunk)


def _audit(s: Session, actor: Actor, plan: _Plan, new: list[_Final]) -> None:
    """One audit entry per part created or changed, and one for the import as a whole."""
    now = utcnow()
    rows = []
    for f in plan.finals:
        if not f.changes():
            continue
        after = {"sku": f.values["sku"], "name": f.values["name"], "file": plan.report.file_name}
        rows.append(
            {
                "at": now,
                "user_id": actor.user_id,
                "username": actor.username,
                "outlet_id": actor.outlet_id,
                "action": "import_create" if f.is_new else "import_update",
                "entity": "part",
                "entity_id": str(f.part_id),
                "before": None,
                "after": json.dumps(after, ensure_ascii=False, sort_keys=True),
            }
        )
    for chunk in _chunks(rows):
        s.execute(insert(AuditEntry), chunk)
    report = plan.report
    record(
        s,
        actor,
        "import",
        "parts",
        after={
            "file": report.file_name,
            "new": report.new,
            "updated": report.updated,
            "skipped_rows": report.invalid_rows,
        },
    )


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]
