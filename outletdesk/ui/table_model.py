"""A read-only table of rows fetched in one go (short lists: low stock, transfers, movements)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
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
    QTimer,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStyle,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
# A column: (title, cell(row) -> text), or (key, title, cell) where the key names the column in
# the seat's settings, whatever the language and wherever a later version puts the column
Column = tuple[str, Callable[[Row], str]] | tuple[str, str, Callable[[Row], str]]
# The header's role giving a column's key ("sku"), as a model answers it (RowsModel does)
COLUMN_KEY = Qt.ItemDataRole.UserRole
KEY = re.compile(r"[a-z][a-z0-9_]*")  # a column key: no "=" nor "," of the stored text
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
    """Columns are (header, cell(row) -> text), or (key, header, cell) for a table whose
    hand-set widths the seat keeps; `numeric` columns align right; `warn(row)` reds a row."""

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        parent: QWidget | None = None,
        numeric: frozenset[int] = frozenset(),
        warn: Callable[[Row], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = [(c[-2], c[-1]) for c in columns]
        self._keys = [c[0] if len(c) == 3 else None for c in columns]
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
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][0]
        if role == COLUMN_KEY:
            return self._keys[section]
        return None


def list_table(parent: QWidget | None = None) -> QTableView:
    """A list's table, its model given later: whole-row selection, not editable, one line a row."""
    table = QTableView(parent)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    return table


def row_table(
    model: QAbstractTableModel,
    parent: QWidget | None = None,
    stretch: int = 1,
    whole: Iterable[int] = (),
    keep: Iterable[int] = (),
    seat: tuple[QSettings, str] | None = None,
) -> QTableView:
    """A `list_table` of `model`, its columns fitted by `ColumnFit`: the model's numeric
    columns and the `whole` ones (dates, tags, codes, status) are never cut, the text columns
    share what is left and the `stretch` column takes the spare width. With `seat` (settings,
    table's name) the columns the person sized by hand keep their width on this seat from one
    session to the next (the model names its columns: `COLUMN_KEY`)."""
    table = list_table(parent)
    table.setModel(model)
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

    The cells looked at are up to `rows` from the first in sight: a model that reads its rows
    by the page (the Counter's) keeps it under a page, so that fitting reads no more of it. A
    column also fits its `samples`, texts it may show on other rows or after a reload (every
    status, the outlet's technicians), so that it neither jumps nor cuts them later.

    A column the person sizes by hand (dragging its edge) keeps that width at every later
    fit, the others fitted around it, until a double click on its edge or the header menu's
    "Fit columns" gives it back; with `seat` the hand-set widths are kept in the seat's
    settings under `columns/<name>` ("key=width,...", by the column keys the model gives as
    `COLUMN_KEY`, so that a width stays with its column whatever the language and wherever a
    later version moves the column; a column without a key is not remembered)."""

    def __init__(
        self,
        table: QTableView,
        whole: frozenset[int],
        stretch: int,
        keep: frozenset[int] = frozenset(),
        seat: tuple[QSettings, str] | None = None,
        rows: int = FIT_ROWS,
        samples: Mapping[int, Iterable[str]] | None = None,
    ) -> None:
        super().__init__(table)
        self._table = table
        self.whole = whole
        self.stretch = stretch
        self.keep = keep
        self._seat = seat
        self._fitting = False  # our own resizeSection calls are not the person's
        self._natural: dict[int, int] = {}  # the columns' natural widths until the rows change
        header = table.horizontalHeader()
        self._rows = rows
        header.setResizeContentsPrecision(rows)  # Qt's own fit to contents (double click)
        self._samples = {c: self._samples_width(texts) for c, texts in (samples or {}).items()}
        self.by_hand: dict[int, int] = self._stored_widths()
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
            if header.actions():  # the page's own (columns shown or hidden) come first
                separator = QAction(header)
                separator.setSeparator(True)
                header.addAction(separator)
            action = QAction(self.tr("Fit columns"), header)
            action.triggered.connect(lambda: self.release())
            header.addAction(action)
        table.viewport().installEventFilter(self)
        model = table.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.rowsRemoved, model.dataChanged, model.headerDataChanged):  # fmt: skip
            signal.connect(self.refit)
        self._scroll_pending = False
        table.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.fit()

    def _scrolled(self) -> None:
        """Other rows came into sight: the whole columns widen for them if they must (never
        narrowing, so that columns do not jump back and forth), since only `rows` rows from the
        first in sight were measured. Measured once per pass of the event loop, however many
        scroll steps it brought."""
        if not self._scroll_pending:
            self._scroll_pending = True
            QTimer.singleShot(0, self._widen_for_rows_in_sight)

    def _widen_for_rows_in_sight(self) -> None:
        self._scroll_pending = False
        header = self._table.horizontalHeader()
        wider = False
        for column in self.whole:
            if column in self._natural and not header.isSectionHidden(column):
                cells = self._cells_width(column)
                if cells > self._natural[column]:
                    self._natural[column] = cells
                    wider = True
        if wider:
            self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # On show too: polishing the table narrows its frame with no resize event to follow.
        if event.type() == QEvent.Type.Show:
            self.refit()  # other rows may be in sight than while hidden
        elif event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def natural_width(self, column: int) -> int:
        """The widest of the title (with the sort arrow's room), the cells looked at and the
        column's samples."""
        if column not in self._natural:
            self._natural[column] = max(
                self._table.horizontalHeader().sectionSizeHint(column),
                self._cells_width(column),
                self._samples.get(column, 0),
            )
        return self._natural[column]

    def _cells_width(self, column: int) -> int:
        """The widest text (in its cell's font) of up to `rows` rows from the first in sight,
        as wide as the table's own size hint for it (its text's width rounded up). Measured here rather than by the view's
        sizeHintForColumn, which asks the model every role of every cell through the item
        delegate: a tenth of the time, which the Counter's first page waits for."""
        table, model = self._table, self._table.model()
        count = model.rowCount()
        first = min(max(table.rowAt(0), 0), max(count - self._rows, 0))
        plain = QFontMetricsF(table.font())
        fonts: dict[str, QFontMetricsF] = {}
        measured: set[tuple[str, str]] = set()  # a status or a name repeats down the column
        widest = -1
        for row in range(first, min(first + self._rows, count)):
            index = model.index(row, column)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text is None or text == "":
                continue
            font = index.data(Qt.ItemDataRole.FontRole)
            key = font.key() if isinstance(font, QFont) else ""
            if (key, text) in measured:
                continue
            measured.add((key, text))
            metrics = fonts.setdefault(key, QFontMetricsF(font)) if key else plain
            widest = max(widest, math.ceil(metrics.horizontalAdvance(str(text))))
        return widest + self._cell_margin() if widest >= 0 else 0

    def _cell_margin(self) -> int:
        """A cell's room beside its text: the style's text margin each side, and the grid."""
        table = self._table
        margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table)
        return 2 * (margin + 1) + (1 if table.showGrid() else 0)

    def _samples_width(self, texts: Iterable[str]) -> int:
        """As wide as a cell of the widest text."""
        metrics = QFontMetricsF(self._table.font())
        widest = max((math.ceil(metrics.horizontalAdvance(t)) for t in texts), default=-1)
        return widest + self._cell_margin() if widest >= 0 else 0

    def _resized(self, column: int, old: int, new: int) -> None:
        header = self._table.horizontalHeader()
        if self._fitting or not 0 <= column < header.count():
            return
        if old == 0 or new == 0 or header.isSectionHidden(column):
            self.fit()  # a column shown or hidden (from a menu), not sized by the person
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

    def _keys(self) -> list[str | None]:
        """Each column's key, as the model names it for the seat's settings (None: it does not)."""
        model = self._table.model()
        keys: list[str | None] = []
        for column in range(model.columnCount() if model is not None else 0):
            key = model.headerData(column, Qt.Orientation.Horizontal, COLUMN_KEY)
            keys.append(key if isinstance(key, str) and KEY.fullmatch(key) else None)
        return keys

    def _stored_widths(self) -> dict[int, int]:
        if self._seat is None:
            return {}
        settings, name = self._seat
        stored = settings.value(f"columns/{name}")
        words = stored if isinstance(stored, list) else str(stored or "").split(",")
        columns = {key: column for column, key in enumerate(self._keys()) if key is not None}
        widths = {}
        for word in words:
            # A damaged or hand-edited settings file must not stop the page from opening:
            # only a key of this table's columns (an older version's column numbers are not
            # keys: passed over), plain ASCII digits, a width a screen can show.
            key, _, width = (part.strip() for part in str(word).partition("="))
            plain = width.isascii() and width.isdigit()
            if key in columns and plain and int(width) <= MAX_STORED_WIDTH:
                widths[columns[key]] = max(int(width), MIN_COLUMN)
        return widths

    def _store(self) -> None:
        if self._seat is not None:
            settings, name = self._seat
            keys = self._keys()
            text = ",".join(
                f"{keys[c]}={w}" for c, w in sorted(self.by_hand.items()) if keys[c] is not None
            )
            settings.setValue(f"columns/{name}", text)

    def refit(self) -> None:
        """Fit again, measuring the cells afresh: the rows (or the titles) have changed."""
        self._natural.clear()
        self.fit()

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
