"""A read-only table of rows fetched in one go (short lists: low stock, transfers, movements)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
WARNING = QColor("#c62828")


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
        self._numeric = numeric
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
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._numeric:
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
    model: QAbstractTableModel, parent: QWidget | None = None, stretch: int = 1
) -> QTableView:
    """A table of whole-row selection, not editable, the `stretch` column taking the spare width."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(40)
    header.setMinimumSectionSize(70)
    for column in range(model.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    return table


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
