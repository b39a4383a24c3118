"""Equipment register import (设备台账导入) from .xlsx or .csv, with the parts import's behaviour:
a column mapping proposed from the header row (English or Chinese), a dry run reporting each bad
cell by row and column, then every valid row written in one transaction, or none. A row whose
tag is in the register updates that asset; a row without a tag is the asset with its serial
number (and make and model, when the file gives them), else adds an asset with a new tag. A
category is found by its name or the English or Chinese half of it ("Tools" or "工具" for
"Tools 工具"); one the register does not have is added only when the person allows it.
The outlet is named by its code or its name; a row that retires an asset may give the day and
reason. So a workbook of the register export (title block above its header) imports back as it
was (Owner and Supplier are not read).

The file reading, cell conversion and row report are the parts import's (table_file,
import_rows); the fields and rules are the register's (AssetInput.validated).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from ...models import (
    Asset,
    AssetEvent,
    AssetStatus,
    AuditEntry,
    EquipmentCategory,
    Outlet,
    utcnow,
)
from ...progress import Progress
from .. import validation as v
from ..audit import record
from ..auth import Actor, Permission
from ..changes import Changes
from ..database import Database
from ..errors import DomainError, FieldLabel, Items, ValidationError, Words
from ..i18n import QT_TRANSLATE_NOOP
from ..numbering import next_numbers
from ..parts.import_rows import (
    PROGRESS_EVERY,
    Cells,
    ImportField,
    RowProblem,
    cell_money,
    cell_text,
    find_header,
    header_key,
    row_problem,
)
from ..parts.table_file import ImportFileError, Row, read_rows
from . import register as r

__all__ = [
    "FIELDS",
    "EquipmentImporter",
    "EquipmentImportReport",
    "EquipmentLayout",
    "ImportFileError",
    "RowProblem",
]

F_TAG = QT_TRANSLATE_NOOP("core", "Tag")
F_RETIRE_REASON = QT_TRANSLATE_NOOP("core", "Retirement reason")
BATCH = 500
_TAG = re.compile(r"^[A-Z0-9][A-Z0-9._/-]*$")
_GIVEN_PREFIX = "EQ-"  # tags OutletDesk gives; a file may not invent one
_DAY = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")
_PASSED = {"passed", "pass", "ok", "合格", "通过", "验收合格"}
_FAILED = {"failed", "fail", "不合格", "未通过", "验收不合格"}
_STATUS_WORDS = {
    AssetStatus.IN_SERVICE: ("在用", "在役", "正常"),
    AssetStatus.OUT_OF_SERVICE: ("停用", "封存"),
    AssetStatus.UNDER_REPAIR: ("维修中", "在修", "待修"),
    AssetStatus.RETIRED: ("报废", "已报废", "淘汰"),
}

FIELDS: tuple[ImportField, ...] = (
    ImportField("tag", F_TAG, aliases=("资产编号", "asset tag", "资产标签", "设备编号", "标签")),
    ImportField(
        "name",
        r.F_NAME,
        required=True,
        # 姓名: the Chinese title registers were exported with before assets had their own Name
        aliases=("名称", "设备名称", "asset name", "资产名称", "姓名"),
    ),
    ImportField("category", r.F_CATEGORY, aliases=("类别", "分类", "设备类别")),
    ImportField("make", r.F_MAKE, aliases=("品牌", "brand", "manufacturer", "厂家", "制造商")),
    ImportField("model", r.F_MODEL, aliases=("型号", "规格型号")),
    ImportField("serial", r.F_SERIAL, aliases=("序列号", "serial", "s/n", "出厂编号")),
    ImportField("outlet", r.F_OUTLET, aliases=("网点", "outlet code", "网点代码", "门店")),
    ImportField("location", r.F_LOCATION, aliases=("位置", "存放位置", "安装位置", "库位")),
    ImportField("purchase_date", r.F_PURCHASE_DATE, aliases=("购置日期", "购买日期", "采购日期")),
    ImportField("purchase_cost", r.F_PURCHASE_COST, aliases=("购置成本", "原值", "采购价格")),
    ImportField("warranty_end", r.F_WARRANTY_END, aliases=("保修截止", "保修到期", "warranty")),
    ImportField("accepted_on", r.F_ACCEPTED_ON, aliases=("验收日期",)),
    ImportField("accepted_by", r.F_ACCEPTED_BY, aliases=("验收人",)),
    ImportField("acceptance_result", r.F_ACCEPTANCE, aliases=("验收结果",)),
    ImportField("status", r.F_STATUS, aliases=("状态", "设备状态")),
    ImportField("notes", r.F_NOTES, aliases=("备注", "说明")),
    # Read for a retired asset only (as the register export writes them), else left aside.
    ImportField("retired_on", r.F_RETIRED_ON, aliases=("报废日期", "retired")),
    ImportField("retire_reason", F_RETIRE_REASON, aliases=("报废原因",)),
)
_BY_KEY = {f.key: f for f in FIELDS}
# AssetInput attributes a file fills directly (outlet, category, tag and status are looked up)
_INPUT_KEYS = ("name", "make", "model", "serial", "location", "purchase_date", "purchase_cost",
               "warranty_end", "accepted_on", "accepted_by", "acceptance_result", "notes")  # fmt: skip
_ATTR_OF = {  # AssetInput.validated's field labels -> the attribute, to set a bad one aside
    r.F_NAME: "name", r.F_MAKE: "make", r.F_MODEL: "model", r.F_SERIAL: "serial",
    r.F_LOCATION: "location", r.F_PURCHASE_DATE: "purchase_date",
    r.F_PURCHASE_COST: "purchase_cost", r.F_WARRANTY_END: "warranty_end",
    r.F_ACCEPTED_ON: "accepted_on", r.F_ACCEPTED_BY: "accepted_by",
    r.F_ACCEPTANCE: "acceptance_result", r.F_NOTES: "notes",
}  # fmt: skip
_SET_ASIDE: dict[str, Any] = {"name": "x", "acceptance_result": ""}  # other fields: "" or None
_COLUMNS = tuple(f.name for f in fields(r.AssetInput))
_TWICE = QT_TRANSLATE_NOOP("core", "{tag} is already on row {row} of this file.")
_NOT_GIVEN = QT_TRANSLATE_NOOP(
    "core",
    "{tag} is not in the register; tags starting EQ- are given by OutletDesk. Leave the tag "
    "empty to add the asset with a new tag.",
)
_NO_OUTLET = QT_TRANSLATE_NOOP("core", "there is no outlet with the code or name “{outlet}”.")
_OUTLET_REQUIRED = QT_TRANSLATE_NOOP(
    "core", "is required: give the outlet code, or the outlet to import into."
)
_CATEGORY_REQUIRED = QT_TRANSLATE_NOOP("core", "is required for a new asset.")
_NEW_CATEGORY = QT_TRANSLATE_NOOP(
    "core",
    "“{category}” is not a category in OutletDesk; use an existing category, or allow the "
    "new categories to be created.",
)
_SEVERAL_CATEGORIES = QT_TRANSLATE_NOOP(
    "core", "“{category}” could be any of: {categories}; give the category's full name."
)
_SERIAL_TWICE = QT_TRANSLATE_NOOP(
    "core", "serial number {serial} is already on row {row} of this file."
)
_SERIAL_SEVERAL = QT_TRANSLATE_NOOP(
    "core",
    "serial number {serial} belongs to several assets ({tags}); give the tag of the one meant.",
)
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
_RETIRED = QT_TRANSLATE_NOOP("core", "{tag} is retired; its history is kept but it cannot change.")


@dataclass(frozen=True)
class EquipmentLayout:
    """The header row found and which field each column fills (0-based), as the parts
    import's layout."""

    file_name: str
    header_row: int
    headers: tuple[str, ...]
    mapping: Mapping[str, int]
    data_rows: int

    def title(self, key: str) -> str:
        """The column's title as the file has it; a column not in the file (or without a
        title) is named by its field, which the window translates."""
        index = self.mapping.get(key)
        return (self.headers[index] if index is not None else "") or FieldLabel(_BY_KEY[key].title)


@dataclass(frozen=True)
class EquipmentImportReport:
    file_name: str
    rows: int
    new: int
    updated: int
    unchanged: int
    invalid_rows: int
    problems: tuple[RowProblem, ...]
    # Categories the file names that the register does not have: those the import adds when
    # new categories are allowed, else every one (each a bad cell on its rows).
    new_categories: tuple[str, ...]
    written: bool = False
    new_categories_allowed: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Parsed:
    number: int
    tag: str
    values: dict[str, Any]  # mapped AssetInput fields as read (checked with the asset later)
    category: str | None  # None: column absent; "": empty cell
    outlet: str | None  # its code or its name
    status: AssetStatus | None
    retired_on: date | None = None
    retire_reason: str = ""


@dataclass(eq=False)
class _Final:
    row: _Parsed
    asset: Asset | None
    data: r.AssetInput
    status: AssetStatus
    category_key: str  # a category to create, by key ("" when it exists)
    changes: bool
    retired_on: date | None = None  # when a row retires the asset: the file's day and reason
    retire_reason: str = ""


class EquipmentImporter:
    """Import the register from a spreadsheet; MANAGE_EQUIPMENT only. `texts` (English title ->
    shown title) lets a translated export's headers be recognised too."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def layout(
        self, actor: Actor, path: Path, *, texts: Mapping[str, str] | None = None
    ) -> EquipmentLayout:
        """The header row and the proposed mapping (fields whose column is recognised); a file
        whose Name column is not recognised reads too, for the person to choose it."""
        actor.require(Permission.MANAGE_EQUIPMENT)
        return _read_layout(Path(path), None, texts)[0]

    def dry_run(
        self,
        actor: Actor,
        path: Path,
        mapping: Mapping[str, int] | None = None,
        *,
        outlet_id: int | None = None,
        texts: Mapping[str, str] | None = None,
        progress: Progress | None = None,
        new_categories: bool = False,
    ) -> EquipmentImportReport:
        """Everything the import would check and count; nothing written. A category the
        register does not have is a bad cell unless `new_categories` (then it is added)."""
        actor.require(Permission.MANAGE_EQUIPMENT)
        layout, rows = _read_layout(Path(path), mapping, texts)
        parsed, problems = _parse(layout, rows, progress)
        with self._db.read(actor) as s:
            return _plan(s, actor, layout, parsed, problems, outlet_id, new_categories)[0]

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
        new_categories: bool = False,
    ) -> tuple[EquipmentImportReport, Changes]:
        """In one transaction: nothing when a row is invalid (the report says why), unless
        `skip_invalid`, then every valid row. Cancelling writes nothing."""
        actor.require(Permission.MANAGE_EQUIPMENT)
        layout, rows = _read_layout(Path(path), mapping, texts)
        parsed, problems = _parse(layout, rows, progress)
        with self._db.write(actor) as s:
            if s.get_bind().dialect.name == "postgresql":
                # Register edits wait for the import, so what it read stays true until it commits.
                s.execute(
                    text("LOCK TABLE assets, equipment_categories IN SHARE ROW EXCLUSIVE MODE")
                )
            report, finals = _plan(s, actor, layout, parsed, problems, outlet_id, new_categories)
            if report.problems and not skip_invalid:
                return report, Changes()
            written = any(f.changes for f in finals)
            if written:
                if progress is not None:
                    progress.start(None, QT_TRANSLATE_NOOP("core", "Writing the register"))
                _write(s, actor, report, finals)
                if progress is not None:
                    progress.check()  # the last moment Cancel still undoes everything
        return replace(report, written=written), Changes(equipment=written)


# ---------------------------------------------------------------- the file


def _read_layout(
    path: Path, mapping: Mapping[str, int] | None, texts: Mapping[str, str] | None
) -> tuple[EquipmentLayout, list[tuple[int, Row]]]:
    rows = read_rows(path)
    found_at, headers, chosen = find_header(rows, FIELDS, mapping, texts, "tag")
    layout = EquipmentLayout(
        path.name, rows[found_at][0], headers, chosen, len(rows) - found_at - 1
    )
    return layout, rows[found_at + 1 :]


def _require_columns(layout: EquipmentLayout) -> None:
    """The check and the import need a column for each required field; reading the layout
    does not, so the window can let the person choose it (as the parts import does)."""
    missing = [f for f in FIELDS if f.required and f.key not in layout.mapping]
    if missing:
        raise ImportFileError(
            QT_TRANSLATE_NOOP(
                "core",
                "{name} has no {field} column (looked for a header row with {fields}). Add "
                "the header row or choose the column; nothing was imported.",
            ),
            name=layout.file_name,
            field=FieldLabel(missing[0].title),
            fields=_field_list([f.title for f in FIELDS if f.required]),
        )


def _field_list(titles: list[str]) -> str | Words:
    """Field names for a message, translated when shown and listed in the window's language."""
    return FieldLabel(titles[0]) if len(titles) == 1 else Words(titles)


# ---------------------------------------------------------------- cells


def _cell_day(value: object) -> object:
    """A date cell as AssetInput takes it: a date, or text (2024/3/1 and 2024年3月1日 read)."""
    if isinstance(value, datetime) and value == datetime(value.year, value.month, value.day):
        return value.date()
    if isinstance(value, date | datetime) or value is None:
        return value
    typed = cell_text(value).strip()
    found = _DAY.fullmatch(typed)
    if found:
        try:
            return date(*(int(part) for part in found.groups()))
        except ValueError:
            pass
    return typed


def _cell_cost(value: object) -> object:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return cell_money(value)


def _cell_result(value: object) -> str:
    typed = cell_text(value).strip()
    folded = typed.casefold()
    if folded in _PASSED:
        return "passed"
    if folded in _FAILED:
        return "failed"
    if typed:
        raise ValidationError(
            r.F_ACCEPTANCE,
            QT_TRANSLATE_NOOP("core", "“{value}” is not one of: {allowed}."),
            value=typed[:40],
            allowed=Words(r.ACCEPTANCE_WORDS.values()),
        )
    return ""


def _cell_status(value: object) -> AssetStatus | None:
    typed = cell_text(value).strip()
    if not typed:
        return None
    folded = typed.casefold().replace(" ", "_")
    for status in AssetStatus:
        words = (status.value, header_key(r.STATUS_LABELS[status]), *_STATUS_WORDS[status])
        if folded in words or header_key(typed) in words:
            return status
    raise ValidationError(
        r.F_STATUS,
        QT_TRANSLATE_NOOP("core", "“{value}” is not one of: {allowed}."),
        value=typed[:40],
        allowed=Words(r.STATUS_LABELS[s] for s in AssetStatus),
    )


def _cell_tag(value: object) -> str:
    tag = v.text(F_TAG, cell_text(value), max_len=30, required=False).upper()
    if tag and not _TAG.match(tag):
        raise ValidationError(
            F_TAG,
            QT_TRANSLATE_NOOP("core", "“{value}”: letters, digits and . _ / - only."),
            value=tag,
        )
    return tag


def _cell_retired_on(value: object) -> date | None:
    return v.day(r.F_RETIRED_ON, _cell_day(value), latest=date.today())


def _cell_reason(value: object) -> str:
    return v.text(F_RETIRE_REASON, cell_text(value), max_len=1000, required=False, multiline=True)


def _cell_name(field: str, max_len: int) -> Callable[[object], str]:
    def convert(value: object) -> str:
        return v.text(field, cell_text(value), max_len=max_len, required=False, name_like=True)

    return convert


_CONVERT: dict[str, tuple[Callable[[object], Any], Any]] = {  # key -> (convert, if bad)
    "name": (cell_text, "x"),
    "make": (cell_text, ""),
    "model": (cell_text, ""),
    "serial": (cell_text, ""),
    "location": (cell_text, ""),
    "purchase_date": (_cell_day, None),
    "purchase_cost": (_cell_cost, None),
    "warranty_end": (_cell_day, None),
    "accepted_on": (_cell_day, None),
    "accepted_by": (cell_text, ""),
    "acceptance_result": (_cell_result, ""),
    "notes": (cell_text, ""),
}


def _parse(
    layout: EquipmentLayout, rows: list[tuple[int, Row]], progress: Progress | None = None
) -> tuple[list[_Parsed], list[RowProblem]]:
    """Each row's cells converted on their own; a formula or unreadable cell is reported."""
    _require_columns(layout)
    mapping = layout.mapping
    parsed: list[_Parsed] = []
    problems: list[RowProblem] = []
    if progress is not None:
        progress.start(len(rows), QT_TRANSLATE_NOOP("core", "Checking the rows"))
    for done, (number, row) in enumerate(rows, 1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress.advance(PROGRESS_EVERY)
        cells = Cells(number, row, mapping, layout.title)
        values = {
            key: cells.get(key, convert, bad)
            for key, (convert, bad) in _CONVERT.items()
            if key in mapping
        }
        entry = _Parsed(
            number,
            cells.get("tag", _cell_tag, "") if "tag" in mapping else "",
            values,
            cells.get("category", _cell_name(r.F_CATEGORY, 80), "")
            if "category" in mapping
            else None,
            cells.get("outlet", lambda x: cell_text(x).strip(), "")
            if "outlet" in mapping
            else None,
            cells.get("status", _cell_status, None) if "status" in mapping else None,
        )
        if entry.status is AssetStatus.RETIRED:
            if "retired_on" in mapping:
                entry.retired_on = cells.get("retired_on", _cell_retired_on, None)
            if "retire_reason" in mapping:
                entry.retire_reason = cells.get("retire_reason", _cell_reason, "")
        problems.extend(cells.bad)
        parsed.append(entry)  # later checks may add more problems; bad rows are left out then
    return parsed, problems


# ---------------------------------------------------------------- against the register


def _plan(
    s: Session,
    actor: Actor,
    layout: EquipmentLayout,
    parsed: list[_Parsed],
    problems: list[RowProblem],
    outlet_id: int | None,
    allow_new_categories: bool = False,
) -> tuple[EquipmentImportReport, list[_Final]]:
    title = layout.title
    problems = list(problems)
    outlets = {o.code: o for o in s.scalars(select(Outlet))}
    by_id = {o.id: o for o in outlets.values()}
    by_name = {_key(o.name): o for o in outlets.values()}  # as the register export names them
    default = by_id.get(outlet_id or actor.outlet_id or 0)
    if outlet_id is not None and default is None:
        raise DomainError(QT_TRANSLATE_NOOP("core", "Outlet {id} does not exist."), id=outlet_id)
    if default is None and len(outlets) == 1:
        default = next(iter(outlets.values()))
    if not outlets:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "core", "There is no outlet yet; set one up before importing equipment."
            )
        )
    category_names: dict[int, str] = {
        cid: name for cid, name in s.execute(select(EquipmentCategory.id, EquipmentCategory.name))
    }
    find_category = _category_finder(category_names)
    tags = sorted({p.tag for p in parsed if p.tag})
    assets: dict[str, Asset] = {}
    for chunk in _chunks(tags):
        assets.update((a.tag, a) for a in s.scalars(select(Asset).where(Asset.tag.in_(chunk))))
    # A row without a tag is the asset with its serial number (and make and model when the
    # file gives them), so importing a file twice adds nothing the second time.
    serials = sorted({_serial_key(p.values.get("serial")) for p in parsed if not p.tag} - {""})
    by_serial: dict[str, list[Asset]] = {}
    for chunk in _chunks(serials):
        for a in s.scalars(
            select(Asset).where(func.upper(func.trim(Asset.serial)).in_(chunk)).order_by(Asset.tag)
        ):
            by_serial.setdefault(_serial_key(a.serial), []).append(a)
    first_serial: dict[str, int] = {}

    def bad(number: int, key: str, template: str, **params: Any) -> None:
        problems.append(RowProblem(number, title(key), template, params))

    first_row: dict[str, int] = {}
    new_categories: dict[str, str] = {}
    finals: list[_Final] = []
    bad_cells = {(p.row, p.column) for p in problems}
    bad_rows = {p.row for p in problems}
    for entry in parsed:
        n = entry.number
        found_before = len(problems)
        asset = assets.get(entry.tag) if entry.tag else None
        serial = _serial_key(entry.values.get("serial"))
        if not entry.tag and serial:
            make, model = (_key(cell_text(entry.values.get(k, ""))) for k in ("make", "model"))
            if serial in first_serial:
                bad(n, "serial", _SERIAL_TWICE, serial=serial, row=first_serial[serial])
                continue
            first_serial[serial] = n
            same = [
                a for a in by_serial.get(serial, ())
                if (not make or _key(a.make) == make) and (not model or _key(a.model) == model)
            ]  # fmt: skip
            if len(same) > 1:
                bad(n, "serial", _SERIAL_SEVERAL, serial=serial, tags=Items(a.tag for a in same))
                continue
            asset = same[0] if same else None
        if entry.tag:
            if entry.tag in first_row:
                bad(n, "tag", _TWICE, tag=entry.tag, row=first_row[entry.tag])
                continue
            first_row[entry.tag] = n
            if asset is None and entry.tag.startswith(_GIVEN_PREFIX):
                bad(n, "tag", _NOT_GIVEN, tag=entry.tag)
        # Outlet: the row's code; else the asset's own, or the import's for a new asset.
        outlet = by_id.get(asset.outlet_id) if asset is not None else default
        if entry.outlet:
            outlet = outlets.get(entry.outlet.upper()) or by_name.get(_key(entry.outlet))
            if outlet is None:
                bad(n, "outlet", _NO_OUTLET, outlet=entry.outlet[:40])
        elif outlet is None:
            bad(n, "outlet", _OUTLET_REQUIRED)
        # Category: by name (case and spaces forgiven, or the English or Chinese half of a
        # bilingual name); a new name is added only when the person allows it.
        category_id = asset.category_id if asset is not None else 0
        category_key = ""
        if entry.category:
            category_key = _key(entry.category)
            found = find_category(entry.category)
            category_id = found[0] if len(found) == 1 else 0
            if len(found) > 1:
                bad(n, "category", _SEVERAL_CATEGORIES, category=entry.category[:80],
                    categories=Items(sorted(category_names[c] for c in found)))  # fmt: skip
            elif not found:
                new_categories.setdefault(category_key, " ".join(entry.category.split()))
                if not allow_new_categories:
                    bad(n, "category", _NEW_CATEGORY, category=entry.category[:80])
        elif asset is None and (n, title("category")) not in bad_cells:
            bad(n, "category", _CATEGORY_REQUIRED)
        # Every field through the register's own checks, each bad one named.
        base = asset_input(asset) if asset is not None else r.AssetInput("", 1, 1)
        data = replace(
            base,
            category_id=category_id or 1,
            outlet_id=outlet.id if outlet is not None else 1,
            **entry.values,
        )
        data = _validated(n, data, title, problems)
        status = entry.status or (AssetStatus(asset.status) if asset else AssetStatus.IN_SERVICE)
        if asset is not None and asset.status == AssetStatus.RETIRED and status != asset.status:
            bad(n, "status", _RETIRED, tag=asset.tag)
        if len(problems) > found_before or n in bad_rows:
            continue
        changes = asset is None or bool(category_key and not category_id)
        if asset is not None:
            before = asset_input(asset)
            changes = changes or status.value != asset.status or any(
                getattr(data, k) != getattr(before, k) for k in _COLUMNS
            )  # fmt: skip
        final = _Final(entry, asset, data, status, "" if category_id else category_key, changes)
        if status is AssetStatus.RETIRED:
            final.retired_on, final.retire_reason = entry.retired_on, entry.retire_reason
        finals.append(final)
    bad_rows = {p.row for p in problems}  # a duplicate tag is the later row's fault only
    used = {f.category_key for f in finals if f.category_key}
    order = {f.key: i for i, f in enumerate(FIELDS)}
    column_order = {title(key): order[key] for key in layout.mapping}
    problems.sort(key=lambda p: (p.row, column_order.get(p.column, 99)))
    new = sum(1 for f in finals if f.asset is None)
    updated = sum(1 for f in finals if f.asset is not None and f.changes)
    report = EquipmentImportReport(
        file_name=layout.file_name,
        rows=layout.data_rows,
        new=new,
        updated=updated,
        unchanged=len(finals) - new - updated,
        invalid_rows=len(bad_rows),
        problems=tuple(problems),
        # Allowed: those the valid rows add; else every one the file names, for the person
        # to allow (or correct).
        new_categories=tuple(
            name for key, name in new_categories.items() if key in used or not allow_new_categories
        ),
        new_categories_allowed=allow_new_categories,
    )
    return report, finals


def asset_input(asset: Asset) -> r.AssetInput:
    """The asset's stored fields as an AssetInput (to change some and check them all)."""
    return r.AssetInput(**{name: getattr(asset, name) for name in _COLUMNS})


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _serial_key(value: object) -> str:
    return cell_text(value).strip().upper() if value is not None else ""


def _halves(name: str) -> tuple[str, ...]:
    """The English and the Chinese half of a bilingual name ("Tools 工具": tools, 工具), those
    it has."""
    words = name.split()
    latin = " ".join(w for w in words if not _CJK.search(w)).casefold()
    chinese = " ".join(w for w in words if _CJK.search(w)).casefold()
    return tuple(half for half in (latin, chinese) if half)


def _category_finder(names: Mapping[int, str]) -> Callable[[str], list[int]]:
    """The categories a name in a file may mean: the one of that name (case and spaces
    forgiven), else those whose English or Chinese half it gives ("Tools", "工具" and
    "工具 Tools" all mean "Tools 工具")."""
    whole = {_key(name): cid for cid, name in names.items()}
    by_half: dict[str, set[int]] = {}
    for cid, name in names.items():
        for half in _halves(name):
            by_half.setdefault(half, set()).add(cid)

    def find(name: str) -> list[int]:
        if _key(name) in whole:
            return [whole[_key(name)]]
        halves = _halves(name)
        if not halves:
            return []
        found = set.intersection(*(by_half.get(half, set()) for half in halves))
        return sorted(found)

    return find


def _validated(
    number: int, data: r.AssetInput, title: Callable[[str], str], bad: list[RowProblem]
) -> r.AssetInput:
    """AssetInput.validated, asked again with each bad field set aside, so every bad cell is
    named (under the file's column title)."""
    for _ in range(len(_ATTR_OF) + 1):
        try:
            return data.validated()
        except ValidationError as exc:
            attr = _ATTR_OF.get(exc.field)
            if attr is None:
                raise
            bad.append(row_problem(number, title(attr), exc))
            aside: Any = _SET_ASIDE.get(attr, None if attr in _DATES_AND_COST else "")
            data = replace(data, **{attr: aside})
    raise AssertionError("AssetInput.validated kept failing on set-aside values")


_DATES_AND_COST = ("purchase_date", "purchase_cost", "warranty_end", "accepted_on")


# ---------------------------------------------------------------- writing


def _write(s: Session, actor: Actor, report: EquipmentImportReport, finals: list[_Final]) -> None:
    category_ids: dict[str, int] = {}
    used = {f.category_key for f in finals if f.category_key}
    for name in (name for name in report.new_categories if _key(name) in used):
        category = EquipmentCategory(name=name)
        s.add(category)
        s.flush()
        category_ids[_key(name)] = category.id
        record(s, actor, "save", "equipment_category", category.id,
               after={"name": name, "by": "import"})  # fmt: skip
    for f in finals:
        if f.category_key:
            f.data = replace(f.data, category_id=category_ids[f.category_key])

    outlets = {o.id: o for o in s.scalars(select(Outlet))}
    new = [f for f in finals if f.asset is None]
    numbers: dict[int, list[str]] = {}
    for outlet_id in sorted({f.data.outlet_id for f in new if not f.row.tag}):
        count = sum(1 for f in new if not f.row.tag and f.data.outlet_id == outlet_id)
        numbers[outlet_id] = next_numbers(s, outlets[outlet_id], "asset", "EQ", count)
    reason = f"import {report.file_name}"
    today = date.today()
    for f in new:
        tag = f.row.tag or numbers[f.data.outlet_id].pop(0)
        retired = f.status is AssetStatus.RETIRED
        f.asset = Asset(
            tag=tag,
            name_key=f.data.name.casefold(),
            status=f.status.value,
            retired_on=(f.retired_on or today) if retired else None,
            retire_reason=(f.retire_reason or reason) if retired else "",
            **{name: getattr(f.data, name) for name in _COLUMNS},
        )
        s.add(f.asset)
    s.flush()
    now = utcnow()
    events = [
        {"asset_id": f.asset.id, "at": now, "username": actor.display_name or actor.username,
         "from_status": "", "to_status": f.status.value, "reason": reason}
        for f in new if f.asset is not None
    ]  # fmt: skip
    for chunk in _chunks(events):
        s.execute(insert(AssetEvent), chunk)
    for f in new:  # added under repair or out of service: down from now, as a status change
        if f.asset is not None and f.status in r.DOWN:
            r.open_downtime(s, actor, f.asset, r.IMPORT_CAUSES[f.status], notes=reason)

    new_ids = {id(f) for f in new}
    for f in finals:
        asset = f.asset
        if asset is None or id(f) in new_ids or not f.changes:
            continue
        for name in _COLUMNS:
            setattr(asset, name, getattr(f.data, name))
        asset.name_key = f.data.name.casefold()
        if f.status.value != asset.status:
            r.set_asset_status(s, actor, asset, f.status, f.retire_reason or reason, f.retired_on,
                               opens_downtime=True, cause=r.IMPORT_CAUSES.get(f.status))  # fmt: skip
    s.flush()
    _audit(s, actor, report, [f for f in finals if f.changes], new_ids)


def _audit(
    s: Session,
    actor: Actor,
    report: EquipmentImportReport,
    changed: list[_Final],
    new: set[int],
) -> None:
    """One audit entry per asset added or changed, and one for the import."""
    now = utcnow()
    rows = [
        {
            "at": now,
            "user_id": actor.user_id,
            "username": actor.username,
            "outlet_id": actor.outlet_id,
            "action": "import_create" if id(f) in new else "import_update",
            "entity": "asset",
            "entity_id": str(cast(Asset, f.asset).id),
            "before": None,
            "after": json.dumps(
                {"tag": cast(Asset, f.asset).tag, "name": f.data.name, "file": report.file_name},
                ensure_ascii=False,
                sort_keys=True,
            ),
        }
        for f in changed
    ]
    for chunk in _chunks(rows):
        s.execute(insert(AuditEntry), chunk)
    record(s, actor, "import", "equipment", after={
        "file": report.file_name, "new": report.new, "updated": report.updated,
        "skipped_rows": report.invalid_rows,
    })  # fmt: skip


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]
