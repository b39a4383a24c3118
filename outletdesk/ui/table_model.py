"""A read-only table of rows fetched in one go (short lists: low stock, transfers, movements)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from html import escape
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
WARNING = QColor("#c62828")
FIT_ROWS = 200  # rows looked at to fit a column to its cells
MIN_COLUMN = 40
MAX_STORED_WIDTH = 4000  # a column sized by hand, as read back from the seat's settings
# A page's outlet or category picker fits its longest entry, up to this (a pasted essay)
PICKER_MAX_WIDTH = 360
# A code in free text (MR-N-000011, WO-S-000123, VAN-1, a date): letters and digits joined by
# hyphens, not glued to more letters or digits (Chinese text may touch it on either side)
CODE = re.compile(r"(?<![A-Za-z0-9-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+(?![A-Za-z0-9])")
NON_BREAKING_HYPHEN = "\u2011"


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Columns are (header, cell(row) -> text); `numeric` columns align right; `warn(row)` reds a row."""

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[Row], str]]],
        parent: QWidget | None = None,
        numeric: frozenset[int] = frozenset(),
        warn: Callable[[Row], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self.numeric = numeric
        self._warn = warn
        self.rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()][1](row)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and self._warn is not None and self._warn(row):
            return QBrush(WARNING)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section][0]
        return None


def row_table(
    model: QAbstractTableModel,
    parent: QWidget | None = None,
    stretch: int = 1,
    whole: Iterable[int] = (),
    keep: Iterable[int] = (),
    seat: tuple[QSettings, str] | None = None,
) -> QTableView:
    """A table of whole-row selection, not editable, its columns fitted by `ColumnFit`: the
    model's numeric columns and the `whole` ones (dates, tags, codes, status) are never cut, the
    text columns share what is left and the `stretch` column takes the spare width. With
    `seat` (settings, table's name) the columns the person sized by hand keep their width on
    this seat from one session to the next."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
    numeric = model.numeric if isinstance(model, RowsModel) else frozenset()
    ColumnFit(
        table, whole=numeric | frozenset(whole), stretch=stretch, keep=frozenset(keep), seat=seat
    )
    return table


class ColumnFit(QObject):
    """Fits a table's columns to its width each time its rows or its width change.

    Numbers, dates and codes (`whole`) are as wide as their widest cell and title, never cut
    nor wrapped. The text columns share the rest: one narrower than its fair share keeps its
    width, the wider ones split what is left equally (cut short with an ellipsis, the whole
    text in the cell's tooltip where the model gives one), never narrower than their title.
    A `keep` column is cut last, taking up to half the text columns' room. Spare width goes
    to the `stretch` column. When even that does not fit, the table scrolls
    sideways with its first columns in sight.

    A column the person sizes by hand (dragging its edge) keeps that width at every later
    fit, the others fitted around it, until a double click on its edge or the header menu's
    "Fit columns" gives it back; with `seat` the hand-set widths are kept in the seat's
    settings under `columns/<name>` ("column=width,...")."""

    def __init__(
        self,
        table: QTableView,
        whole: frozenset[int],
        stretch: int,
        keep: frozenset[int] = frozenset(),
        seat: tuple[QSettings, str] | None = None,
    ) -> None:
        super().__init__(table)
        self._table = table
        self.whole = whole
        self.stretch = stretch
        self.keep = keep
        self._seat = seat
        self._fitting = False  # our own resizeSection calls are not the person's
        self.by_hand: dict[int, int] = self._stored_widths()
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(MIN_COLUMN)
        header.sectionResized.connect(self._resized)
        # Qt's table sizes the column to its contents on a double click of the edge; after
        # that, the column is the fit's again.
        header.sectionHandleDoubleClicked.connect(self.release)
        if header.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
            header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        if header.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu:
            action = QAction(self.tr("Fit columns"), header)
            action.triggered.connect(lambda: self.release())
            header.addAction(action)
        table.viewport().installEventFilter(self)
        model = table.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.rowsRemoved, model.dataChanged, model.headerDataChanged):  # fmt: skip
            signal.connect(self.fit)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # On show too: polishing the table narrows its frame with no resize event to follow.
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def natural_width(self, column: int) -> int:
        """The widest of the title (with the sort arrow's room) and the cells looked at."""
        table = self._table
        return max(
            table.horizontalHeader().sectionSizeHint(column), table.sizeHintForColumn(column)
        )

    def _resized(self, column: int, old: int, new: int) -> None:
        header = self._table.horizontalHeader()
        if self._fitting or not 0 <= column < header.count() or header.isSectionHidden(column):
            return
        if old == 0 or new == 0:  # a column shown or hidden, not sized by the person
            return
        self.by_hand[column] = new
        self._store()

    def release(self, column: int | None = None) -> None:
        """Give one column (or, without one, every column) back to the automatic fit."""
        if column is None:
            self.by_hand.clear()
        else:
            self.by_hand.pop(column, None)
        self._store()
        self.fit()

    def _stored_widths(self) -> dict[int, int]:
        if self._seat is None:
            return {}
        settings, name = self._seat
        stored = settings.value(f"columns/{name}")
        words = stored if isinstance(stored, list) else str(stored or "").split(",")
        columns = self._table.model().columnCount() if self._table.model() is not None else 0
        widths = {}
        for word in words:
            # A damaged or hand-edited settings file must not stop the page from opening:
            # only plain ASCII digits, an existing column, a width a screen can show.
            column, _, width = (part.strip() for part in str(word).partition("="))
            plain = column.isascii() and column.isdigit() and width.isascii() and width.isdigit()
            if plain and int(column) < columns and int(width) <= MAX_STORED_WIDTH:
                widths[int(column)] = max(int(width), MIN_COLUMN)
        return widths

    def _store(self) -> None:
        if self._seat is not None:
            settings, name = self._seat
            text = ",".join(f"{c}={w}" for c, w in sorted(self.by_hand.items()))
            settings.setValue(f"columns/{name}", text)

    def fit(self) -> None:
        self._fitting = True
        try:
            self._fit()
        finally:
            self._fitting = False

    def _fit(self) -> None:
        table, header = self._table, self._table.horizontalHeader()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        if not shown:
            return
        # The person's widths stand; the other columns share what they leave.
        columns = [c for c in shown if c not in self.by_hand]
        widths = {c: w for c, w in self.by_hand.items() if c in shown}
        natural = {c: self.natural_width(c) for c in columns}
        room = table.viewport().width() - sum(widths.values())
        room -= sum(natural[c] for c in columns if c in self.whole)
        texts = sorted((c for c in columns if c not in self.whole), key=natural.__getitem__)
        widths.update(natural)
        if not columns:
            self._apply(shown, widths)
            return

        def least(column: int) -> int:  # its title, unless its cells are narrower still
            return max(min(natural[column], header.sectionSizeHint(column)), MIN_COLUMN)

        if sum(natural[c] for c in texts) <= room:
            spare = room - sum(natural[c] for c in texts)
            target = self.stretch if self.stretch in columns else (texts or columns)[-1]
            widths[target] += max(0, spare)
        else:
            # A `keep` text column (the Due list's plan) is cut last: up to half the room.
            kept = [c for c in texts if c in self.keep]
            for column in kept:
                fair = max(room // len(texts), room // (2 * len(kept)))
                widths[column] = max(min(natural[column], fair), least(column))
            room -= sum(widths[c] for c in kept)
            texts = [c for c in texts if c not in self.keep]
            for n, column in enumerate(texts):
                share = room // (len(texts) - n)
                widths[column] = max(min(natural[column], share), least(column))
                room -= widths[column]
        self._apply(shown, widths)

    def _apply(self, columns: list[int], widths: dict[int, int]) -> None:
        header = self._table.horizontalHeader()
        for column in columns:
            if header.sectionSize(column) != widths[column]:
                header.resizeSection(column, widths[column])


def list_and_details(
    parent: QWidget,
    table: QTableView,
    foot: tuple[QWidget, QWidget],
    details: QWidget,
    buttons: QGridLayout,
    sizes: tuple[int, int],
) -> QSplitter:
    """A register page's body: the list with its count and show-retired foot on the left, the
    selected row's details over its buttons on the right, three to two."""
    right = QWidget(parent)
    right_layout = QVBoxLayout(right)
    right_layout.setContentsMargins(0, 0, 0, 0)
    right_layout.addWidget(details, 1)
    right_layout.addLayout(buttons)
    left = QWidget(parent)
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    left_layout.addWidget(table, 1)
    row = QHBoxLayout()
    row.addWidget(foot[0], 1)
    row.addWidget(foot[1])
    left_layout.addLayout(row)
    splitter = QSplitter(parent)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    splitter.setSizes(list(sizes))
    return splitter


def title_and_search(parent: QWidget, title: str, search: QLineEdit) -> QHBoxLayout:
    """A page's first row: its title, then the search box taking the rest of the width, which
    leaves the next row to the pickers (as wide as their longest entry) and the buttons."""
    label = QLabel(title, parent)
    label.setStyleSheet("font-size: 20px; font-weight: 600;")
    row = QHBoxLayout()
    row.addWidget(label)
    row.addSpacing(24)
    row.addWidget(search, 1)
    return row


def html_table(
    head: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int], whole: set[int]
) -> str:
    """A details pane's table: `numeric` columns to the right and, with the `whole` ones (dates,
    codes), on one line; the text columns wrap. (Qt's rich text ignores the `nowrap`
    attribute: "+10" wrapped into "+1" and "0", a date after its hyphen.) The table is as
    wide as its cells, up to the pane: a `width='100%'` table shares the pane's width out in
    whole pixels per column and came out a pixel wider than the pane at one width in three
    (a six-column table: 422 px in 421), which put a scroll bar under the details. Codes in
    the text columns stay whole (`whole_codes`)."""

    def cell(n: int, text: str, tag: str = "td") -> str:
        align = " align='right'" if n in numeric else ""
        if n in numeric or n in whole:
            return f"<{tag}{align} style='white-space:nowrap'>{escape(text)}</{tag}>"
        return f"<{tag}{align}>{escape(whole_codes(text))}</{tag}>"

    out = ["<table cellspacing='0' cellpadding='3' border='0'>"]
    out.append("<tr>" + "".join(cell(n, h, "th") for n, h in enumerate(head)) + "</tr>")
    for row in rows:
        out.append("<tr>" + "".join(cell(n, t) for n, t in enumerate(row)) + "</tr>")
    out.append("</table>")
    return "".join(out)


def whole_codes(text: str) -> str:
    """Codes in free text (MR-N-000011) with non-breaking hyphens, so that a wrapping line
    never leaves "MR-" at its end; words without a capital or a digit (well-known) keep theirs."""

    def joined(match: re.Match[str]) -> str:
        code = match[0]
        if any(c.isupper() or c.isdigit() for c in code):
            return code.replace("-", NON_BREAKING_HYPHEN)
        return code

    return CODE.sub(joined, text)


class DetailsBrowser(QTextBrowser):
    """A details pane: copies its codes with plain hyphens (`whole_codes` shows them with
    non-breaking ones), so a code pasted into a search box finds its record."""

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802
        data = super().createMimeDataFromSelection()
        if data.hasText():
            data.setText(data.text().replace(NON_BREAKING_HYPHEN, "-"))
        return data
