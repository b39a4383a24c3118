"""The rows of a catalogue spreadsheet: which column holds which field (found from the header row
in English or Chinese, or chosen by the user), and each row checked on its own with the
catalogue's rules, every bad cell named by its row and column."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ...progress import Progress
from .. import validation as v
from ..errors import FieldLabel, Translate, ValidationError, Words, shown_params
from ..i18n import QT_TRANSLATE_NOOP
from . import catalogue as c
from .stock import F_BIN, F_MIN_LEVEL, F_REORDER_QTY, MAX_QUANTITY
from .table_file import ImportFileError, Row, read_rows

F_PART = QT_TRANSLATE_NOOP("core", "Part name")
F_BARCODES = QT_TRANSLATE_NOOP("core", "Barcodes")
F_ACTIVE = QT_TRANSLATE_NOOP("core", "Active")
LIST_SEPARATOR = "; "  # what the export writes between barcodes and between models
_SPLIT = re.compile(r"[;；]")
_SPLIT_CODES = re.compile(r"[;；,，\s]+")  # a barcode holds none of these
_HEADER_JUNK = re.compile(r"[\s_\-.:：()（）/]+")
_FORMULA = ("=", "\uff1d")
_TRUE = {"yes", "y", "true", "1", "是", "启用", "有效", "在用", "x", "✓"}
_FALSE = {"no", "n", "false", "0", "否", "停用", "无效", "禁用"}
PROGRESS_EVERY = 500


@dataclass(frozen=True)
class ImportField:
    """A catalogue field the import can fill: its key, the title the export writes (English,
    translated like every core string) and other headers people use for it."""

    key: str
    title: str
    required: bool = False
    per_outlet: bool = False
    aliases: tuple[str, ...] = ()


FIELDS: tuple[ImportField, ...] = (
    ImportField(
        "sku",
        c.F_SKU,
        required=True,
        aliases=(
            "SKU 编码",
            "SKU编码",
            "part no",
            "part number",
            "item code",
            "货号",
            "编号",
            "备件编号",
            "物料编码",
            "商品编码",
        ),
    ),  # fmt: skip
    ImportField(
        "name",
        F_PART,
        required=True,
        aliases=("name", "备件名称", "名称", "品名", "商品名称", "description"),
    ),
    ImportField("category", c.F_CATEGORY, aliases=("类别", "分类", "类目")),
    ImportField("unit", c.F_UNIT, aliases=("单位", "计量单位")),
    ImportField(
        "cost_price", c.F_COST, aliases=("成本价", "cost", "unit cost", "进价", "进货价", "成本")
    ),
    ImportField("sale_price", c.F_SALE, aliases=("售价", "price", "销售价", "零售价")),
    ImportField("supplier", c.F_SUPPLIER, aliases=("供应商", "默认供应商", "vendor")),
    ImportField("barcodes", F_BARCODES, aliases=("条码", "barcode", "条形码", "ean")),
    ImportField(
        "models",
        c.F_MODELS,
        aliases=("适用机型", "models", "compatible models", "兼容机型", "机型"),
    ),
    ImportField("active", F_ACTIVE, aliases=("启用", "在用", "enabled")),
    ImportField("bin", F_BIN, per_outlet=True, aliases=("货位", "bin", "库位", "shelf")),
    ImportField(
        "min_level",
        F_MIN_LEVEL,
        per_outlet=True,
        aliases=("最低库存", "min level", "min", "reorder point", "安全库存"),
    ),
    ImportField(
        "reorder_qty",
        F_REORDER_QTY,
        per_outlet=True,
        aliases=("补货数量", "reorder qty", "reorder", "订货量"),
    ),
)
_BY_KEY = {f.key: f for f in FIELDS}
_TEXT_FIELD = {  # validated_part's field labels -> the PartInput attribute they check
    c.F_SKU: "sku",
    c.F_PART_NAME: "name",
    c.F_CATEGORY: "category",
    c.F_UNIT: "unit",
    c.F_COST: "cost_price",
    c.F_SALE: "sale_price",
    c.F_BARCODE: "barcodes",
    c.F_MODELS: "models",
}


@dataclass(frozen=True)
class ImportLayout:
    """What the file's header row says: the titles as written, and the proposed mapping of
    catalogue fields to columns (0-based), for the mapping screen to show and change."""

    file_name: str
    header_row: int  # as the spreadsheet numbers it
    headers: tuple[str, ...]
    mapping: Mapping[str, int]
    data_rows: int  # non-blank rows below the header

    def title(self, key: str) -> str:
        """The title of the column mapped to the field, as the file has it; a column without
        a title is named by its field, which the window translates."""
        return self.headers[self.mapping[key]] or FieldLabel(_BY_KEY[key].title)

    def unmapped_required(self) -> list[ImportField]:
        return [f for f in FIELDS if f.required and f.key not in self.mapping]


@dataclass(frozen=True)
class RowProblem:
    """One bad cell: the row as the spreadsheet numbers it, the column's title in the file, and
    what is wrong (a core template and its values, translated when shown)."""

    row: int
    column: str
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, translate: Translate | None = None) -> str:
        tr: Translate = translate or str
        return tr(self.template).format(**shown_params(dict(self.params), tr))

    def line(self, translate: Translate | None = None) -> str:
        tr: Translate = translate or str
        return tr(QT_TRANSLATE_NOOP("core", "Row {row}, {column}: {problem}")).format(
            row=self.row, column=self.column, problem=self.message(translate)
        )


@dataclass
class ParsedRow:
    number: int
    part: c.PartInput  # validated; supplier_id filled in later
    supplier: str | None = None  # None: column not mapped; "": no supplier
    active: bool | None = None
    bin: str | None = None
    min_level: int | None = None
    reorder_qty: int | None = None


def header_key(title: str) -> str:
    return _HEADER_JUNK.sub("", title).casefold()


def find_header(
    rows: Sequence[tuple[int, Row]],
    fields: Sequence[ImportField],
    mapping: Mapping[str, int] | None,
    texts: Mapping[str, str] | None,
    anchor: str,
) -> tuple[int, tuple[str, ...], dict[str, int]]:
    """Where the header is among a sheet's first rows (the first holding the `anchor` field's
    column or two known columns; else the first row, for the user to map), its titles, and the
    mapping: proposed from the titles, or the one given, checked. Shared by every import."""
    names = _names(fields, texts)
    found_at = 0
    for i, (_, row) in enumerate(rows[:50]):
        keys = {names.get(header_key(str(value))) for value in row if value is not None}
        keys.discard(None)
        if anchor in keys or len(keys) >= 2:
            found_at = i
            break
    header = rows[found_at][1]
    headers = tuple("" if value is None else str(value).strip() for value in header)
    proposed: dict[str, int] = {}
    for index, title in enumerate(headers):
        key = names.get(header_key(title)) if title else None
        if key is not None and key not in proposed:
            proposed[key] = index
    chosen = proposed if mapping is None else _checked_mapping(fields, mapping, headers)
    return found_at, headers, chosen


def _names(fields: Sequence[ImportField], texts: Mapping[str, str] | None) -> dict[str, str]:
    """Normalised header -> field key; titles first, so an alias never shadows a title."""
    names: dict[str, str] = {}
    for f in fields:
        names.setdefault(header_key(f.title), f.key)
        if texts and f.title in texts:
            names.setdefault(header_key(texts[f.title]), f.key)
    for f in fields:
        for alias in f.aliases:
            names.setdefault(header_key(alias), f.key)
    return names


def read_layout(
    path: Path, mapping: Mapping[str, int] | None, texts: Mapping[str, str] | None
) -> tuple[ImportLayout, list[tuple[int, Row]]]:
    """The layout (header row found among the first rows, mapping proposed or the one given)
    and the data rows below the header."""
    rows = read_rows(path)
    found_at, headers, chosen = find_header(rows, FIELDS, mapping, texts, "sku")
    layout = ImportLayout(path.name, rows[found_at][0], headers, chosen, len(rows) - found_at - 1)
    return layout, rows[found_at + 1 :]


def _checked_mapping(
    fields: Sequence[ImportField], mapping: Mapping[str, int], headers: Sequence[str]
) -> dict[str, int]:
    by_key = {f.key: f for f in fields}
    taken: dict[int, str] = {}
    for key, index in mapping.items():
        if key not in by_key:
            raise ImportFileError(
                QT_TRANSLATE_NOOP("core", "“{field}” is not a field the import knows."),
                field=str(key)[:40],
            )
        if type(index) is not int or not 0 <= index < len(headers):
            raise ImportFileError(
                QT_TRANSLATE_NOOP("core", "The column chosen for {field} is not in the file."),
                field=FieldLabel(by_key[key].title),
            )
        if index in taken:
            raise ImportFileError(
                QT_TRANSLATE_NOOP("core", "{first} and {second} cannot both come from one column."),
                first=FieldLabel(by_key[taken[index]].title),
                second=FieldLabel(by_key[key].title),
            )
        taken[index] = key
    return dict(mapping)


def require_columns(layout: ImportLayout) -> None:
    missing = layout.unmapped_required()
    if missing:
        raise ImportFileError(
            QT_TRANSLATE_NOOP(
                "core",
                "{name} has no {field} column (looked for a header row with {fields}). Add "
                "the header row or choose the column; nothing was imported.",
            ),
            name=layout.file_name,
            field=FieldLabel(missing[0].title),
            fields=Words(f.title for f in FIELDS if f.required),
        )


# ---------------------------------------------------------------- cell values


class _Formula(Exception):
    """A cell holding a formula (or a value only a formula makes)."""


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        if value.lstrip().startswith(_FORMULA):
            raise _Formula
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise _Formula  # openpyxl's ArrayFormula and the like


def cell_money(value: object) -> object:
    """A price as validation.money takes it: Decimal or text (never float)."""
    if value is None:
        return "0"
    if isinstance(value, float) and not isinstance(value, bool):
        if not math.isfinite(value):
            return str(value)
        exact = Decimal(repr(value))
        cents = exact.quantize(Decimal("0.01"))
        # 12.3 typed in a sheet arrives as the double nearest to it; a computed 12.345 does not.
        return cents if abs(exact - cents) < Decimal("1e-9") else exact
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        if value.lstrip().startswith(_FORMULA):
            raise _Formula
        # "12,50" from a semicolon-separated file and "¥98" are read by validation.money, by the
        # same rule as a form's money field.
        return value.strip() or "0"
    if isinstance(value, bool):
        return value  # refused by validation.money
    return cell_text(value)


def _cell_int(value: object) -> object:
    if value is None:
        return 0
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int | float):
        return value if isinstance(value, int) else repr(value)
    return cell_text(value).strip() or 0


def _cell_bool(title: str, value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = cell_text(value).strip().casefold()
    if not text or text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValidationError(
        title,
        QT_TRANSLATE_NOOP("core", "“{value}” is neither yes nor no."),
        value=text[:20],
    )


def split_list(text: str, *, codes: bool = False) -> tuple[str, ...]:
    """Barcodes or models from one cell: separated by ";" (barcodes also by commas or spaces)."""
    parts = (_SPLIT_CODES if codes else _SPLIT).split(text)
    return tuple(p.strip() for p in parts if p.strip())


# ---------------------------------------------------------------- checking rows


_PLACEHOLDER: dict[str, Any] = {
    "sku": "X",
    "name": "x",
    "category": "",
    "unit": "pcs",
    "cost_price": "0",
    "sale_price": "0",
    "barcodes": (),
    "models": (),
}
_FORMULA_PROBLEM = QT_TRANSLATE_NOOP(
    "core", "is a formula; the import takes values only (paste the values in the spreadsheet)."
)


def row_problem(row: int, column: str, error: ValidationError) -> RowProblem:
    params = {k: val for k, val in error.params.items() if k != "field"}
    return RowProblem(row, column, error.template.removeprefix("{field}: "), params)


class Cells:
    """One row's cells by field; a bad cell is noted and its field's default used instead, so
    the other cells are still checked."""

    def __init__(
        self, number: int, row: Row, mapping: Mapping[str, int], title: Callable[[str], str]
    ) -> None:
        self.number, self.row, self.mapping, self.title = number, row, mapping, title
        self.bad: list[RowProblem] = []

    def get(self, key: str, convert: Callable[[object], Any], default: Any) -> Any:
        index = self.mapping.get(key)
        value = self.row[index] if index is not None and index < len(self.row) else None
        try:
            return convert(value)
        except _Formula:
            self.bad.append(RowProblem(self.number, self.title(key), _FORMULA_PROBLEM))
        except ValidationError as exc:
            self.bad.append(row_problem(self.number, self.title(key), exc))
        return default


def parse_rows(
    layout: ImportLayout, rows: list[tuple[int, Row]], progress: Progress | None
) -> tuple[list[ParsedRow], list[RowProblem]]:
    """Each row checked on its own with the catalogue's rules; every bad cell reported."""
    require_columns(layout)
    mapping = layout.mapping

    title = layout.title
    if progress is not None:
        progress.start(len(rows), QT_TRANSLATE_NOOP("core", "Checking the rows"))
    parsed: list[ParsedRow] = []
    problems: list[RowProblem] = []
    for done, (number, row) in enumerate(rows, 1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress.advance(PROGRESS_EVERY)
        cells = Cells(number, row, mapping, title)
        cell = cells.get
        values: dict[str, Any] = {
            "sku": cell("sku", cell_text, "X"),
            "name": cell("name", cell_text, "x"),
            "category": cell("category", cell_text, ""),
            "unit": cell("unit", cell_text, "pcs"),
            "cost_price": cell("cost_price", cell_money, "0"),
            "sale_price": cell("sale_price", cell_money, "0"),
            "barcodes": cell("barcodes", lambda x: split_list(cell_text(x), codes=True), ()),
            "models": cell("models", lambda x: split_list(cell_text(x)), ()),
        }
        part = _validated(number, values, title, cells.bad)
        entry = ParsedRow(number, part)
        if "supplier" in mapping:
            entry.supplier = cell(
                "supplier",
                lambda x: v.text(
                    c.F_SUPPLIER, cell_text(x), max_len=120, required=False, name_like=True
                ),
                "",
            )
        if "active" in mapping:
            entry.active = cell("active", lambda x: _cell_bool(F_ACTIVE, x), True)
        if "bin" in mapping:
            entry.bin = cell(
                "bin",
                lambda x: v.text(F_BIN, cell_text(x), max_len=40, required=False, name_like=True),
                "",
            )
        if "min_level" in mapping:
            entry.min_level = cell("min_level", _quantity(F_MIN_LEVEL), 0)
        if "reorder_qty" in mapping:
            entry.reorder_qty = cell("reorder_qty", _quantity(F_REORDER_QTY), 0)
        if cells.bad:
            problems.extend(cells.bad)
        else:
            parsed.append(entry)
    if progress is not None:
        progress.advance(len(rows) % PROGRESS_EVERY)
    return parsed, problems


def _quantity(label: str) -> Callable[[object], int]:
    def convert(value: object) -> int:
        return v.integer(label, _cell_int(value), minimum=0, maximum=MAX_QUANTITY)

    return convert


def _validated(
    number: int, values: dict[str, Any], title: Callable[[str], str], bad: list[RowProblem]
) -> c.PartInput:
    """validated_part, asked again with each bad field set aside, so every bad cell is named."""
    data = c.PartInput(**values)
    for _ in range(len(_PLACEHOLDER) + 1):
        try:
            return c.validated_part(data)
        except ValidationError as exc:
            attr = _TEXT_FIELD.get(exc.field)
            if attr is None:
                raise
            bad.append(row_problem(number, title(attr), exc))
            data = replace(data, **{attr: _PLACEHOLDER[attr]})
    raise AssertionError("validated_part kept failing on placeholders")
