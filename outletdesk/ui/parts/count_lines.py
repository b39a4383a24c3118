"""A count's lines as the window shows them: the list model (differences shaded, lines not
counted in grey), its columns, and how the count field's text is read."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from ...core.parts.stocktake import CountLine
from ..formats import money_text
from ..table_model import Index, RowsModel

COUNT_DIGITS = 7  # a bare number this long or shorter is a count; longer ones are barcodes
MISSING = QColor("#fde2df")
FOUND = QColor("#dff3e4")
NOT_COUNTED = QColor("#8a8a8a")
_SKU_AND_QUANTITY = re.compile(r"(\S+)\s+(\S+)")


def parse_entry(text: str, line_selected: bool) -> tuple[str | None, str | None]:
    """What the count field says: (code, quantity). "SKU 5" sets SKU's count to 5; a short
    number alone sets the selected line's count (code None); anything else is a code scanned or
    typed, which adds one. The core judges both parts."""
    text = text.strip()
    if not text:
        return None, None
    both = _SKU_AND_QUANTITY.fullmatch(text)
    if both:
        return both.group(1), both.group(2)
    if line_selected and text.isdigit() and len(text) <= COUNT_DIGITS:
        return None, text
    return text, None


def shelf_key(line: CountLine) -> tuple[bool, str, str]:
    """The core's walking order: by bin (parts without a bin last), then SKU."""
    return (line.bin == "", line.bin.casefold(), line.sku)


def value_text(value: Decimal) -> str:
    return f"{value:+,.2f}" if value else money_text(value)


class CountLinesModel(RowsModel[CountLine]):
    """Count lines in shelf order; a difference shades its line (missing red, found green) unless
    the count is blind, and a line not counted yet is grey."""

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[CountLine], str]]],
        parent: QWidget | None = None,
        numeric: frozenset[int] = frozenset(),
    ) -> None:
        super().__init__(columns, parent, numeric=numeric)
        self.show_differences = True
        self._row_of: dict[int, int] = {}

    def set_rows(self, rows: Sequence[CountLine]) -> None:
        super().set_rows(rows)
        self._row_of = {line.part_id: n for n, line in enumerate(self.rows)}

    def set_show_differences(self, show: bool) -> None:
        self.show_differences = show
        if self.rows:
            last = self.index(len(self.rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.BackgroundRole])

    def row_of(self, part_id: int) -> int | None:
        return self._row_of.get(part_id)

    def put(self, line: CountLine) -> int:
        """Shows a line just counted: its row is updated, or (a part found on the shelf) added
        in shelf order. Returns its row."""
        row = self._row_of.get(line.part_id)
        if row is not None:
            self.rows[row] = line
            last = self.index(row, self.columnCount() - 1)
            self.dataChanged.emit(self.index(row, 0), last)
            return row
        row = next((n for n, r in enumerate(self.rows) if shelf_key(r) > shelf_key(line)), None)
        row = len(self.rows) if row is None else row
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, line)
        self.endInsertRows()
        self._row_of = {ln.part_id: n for n, ln in enumerate(self.rows)}
        return row

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid():
            line = self.rows[index.row()]
            if role == Qt.ItemDataRole.BackgroundRole and self.show_differences:
                diff = line.difference
                if diff:
                    return QBrush(MISSING if diff < 0 else FOUND)
            if role == Qt.ItemDataRole.ForegroundRole and line.counted is None:
                return QBrush(NOT_COUNTED)
        return super().data(index, role)


def count_columns(
    extra: Sequence[tuple[str, Callable[[CountLine], str]]] = (),
) -> list[tuple[str, Callable[[CountLine], str]]]:
    """SKU, name, bin, expected (3), counted (4), difference (5), value (6), then `extra`."""
    return [
        (QCoreApplication.translate("CountLinesModel", "SKU"), lambda ln: ln.sku),
        (QCoreApplication.translate("CountLinesModel", "Name"), lambda ln: ln.name),
        (QCoreApplication.translate("CountLinesModel", "Bin"), lambda ln: ln.bin),
        (QCoreApplication.translate("CountLinesModel", "Expected"), lambda ln: str(ln.expected)),
        (
            QCoreApplication.translate("CountLinesModel", "Counted"),
            lambda ln: "" if ln.counted is None else str(ln.counted),
        ),
        (
            QCoreApplication.translate("CountLinesModel", "Difference"),
            lambda ln: "" if not ln.difference else f"{ln.difference:+d}",
        ),
        (
            QCoreApplication.translate("CountLinesModel", "Value"),
            lambda ln: "" if not ln.difference else value_text(ln.value),
        ),
        *extra,
    ]


class TypeIntoEntry(QObject):
    """Keys typed (or scanned) while the count list has focus go to the count field, so the
    counter never has to click back into it."""

    def __init__(self, entry: QLineEdit, parent: QObject) -> None:
        super().__init__(parent)
        self._entry = entry

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        text = event.text()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if text and text.isprintable() and not text.isspace() and plain:
            self._entry.setFocus()
            self._entry.insert(text)
            return True
        return False
