"""The two tables of the plan form: the checklist (kind, label, unit and range, in order) and the
parts kit (catalogue parts with a quantity). Arrows move, typing or F2 edits, Tab leaves the table,
Insert and Delete add and remove lines. What is typed is checked by the core when the plan is saved."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.equipment.maintenance import ItemInput
from ...models import CheckKind

KIND = Qt.ItemDataRole.UserRole
MEASURED = (CheckKind.NUMBER, CheckKind.METER)  # the kinds with a unit and a range
EDITABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable
UNUSED = Qt.ItemFlag.ItemIsSelectable  # greyed: a check or a text has no unit or range


def number_text(value: object) -> str:
    return "" if value is None else f"{value.normalize():f}"  # type: ignore[attr-defined]


def _cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """Every cell of these tables holds an item (set when its line is added)."""
    item = table.item(row, column)
    assert item is not None
    return item


def _table(columns: list[str], parent: QWidget) -> QTableWidget:
    """An editable table: arrows move, typing or F2 edits, Tab leaves it for the next field."""
    table = QTableWidget(0, len(columns), parent)
    table.setHorizontalHeaderLabels(columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.AnyKeyPressed
        | QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    table.horizontalHeader().setMinimumSectionSize(60)
    return table


class KindDelegate(QStyledItemDelegate):
    """The kind column is picked from a list (typing a letter picks as in any list)."""

    def __init__(self, labels: dict[CheckKind, str], parent: QWidget) -> None:
        super().__init__(parent)
        self._labels = labels

    def createEditor(  # noqa: N802
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for kind, label in self._labels.items():
            combo.addItem(label, kind.value)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        combo = cast(QComboBox, editor)
        combo.setCurrentIndex(max(0, combo.findData(index.data(KIND))))

    def setModelData(  # noqa: N802
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        combo = cast(QComboBox, editor)
        model.setData(index, combo.currentData(), KIND)
        model.setData(index, combo.currentText(), Qt.ItemDataRole.DisplayRole)


class ChecklistEditor(QWidget):
    """The plan's checklist: kind, label, and for numbers and meter readings a unit and range."""

    KIND, LABEL, UNIT, MINIMUM, MAXIMUM = range(5)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.kinds = {
            CheckKind.CHECK: self.tr("Check (ok / not ok)"),
            CheckKind.NUMBER: self.tr("Number"),
            CheckKind.TEXT: self.tr("Text"),
            CheckKind.METER: self.tr("Meter reading"),
        }
        self.table = _table(
            [self.tr("Kind"), self.tr("Item"), self.tr("Unit"), self.tr("Min"), self.tr("Max")],
            self,
        )
        self.table.setItemDelegateForColumn(self.KIND, KindDelegate(self.kinds, self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.LABEL, QHeaderView.ResizeMode.Stretch)
        for column in (self.UNIT, self.MINIMUM, self.MAXIMUM):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(column, 60)
        self.add_button = QPushButton(self.tr("&Add item"), self)
        self.add_button.setToolTip(self.tr("A new line at the end (Insert)"))
        self.remove_button = QPushButton(self.tr("Remo&ve item"), self)
        self.remove_button.setToolTip(self.tr("Delete the selected line (Delete)"))
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.down_button = QPushButton(self.tr("Move do&wn"), self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_item(edit=True))
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.table.itemChanged.connect(self._kind_changed)
        self.table.currentCellChanged.connect(lambda *_a: self._enable())
        for key, slot in ((QKeySequence.StandardKey.Delete, self.remove_item),
                          (Qt.Key.Key_Insert, lambda: self.add_item(edit=True))):  # fmt: skip
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self._enable()

    def add_item(
        self,
        kind: CheckKind = CheckKind.CHECK,
        label: str = "",
        unit: str = "",
        minimum: str = "",
        maximum: str = "",
        *,
        edit: bool = False,
    ) -> int:
        """Appends a line; `edit` puts the cursor in its label, ready to type."""
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        kind_cell = QTableWidgetItem(self.kinds[kind])
        kind_cell.setData(KIND, kind.value)
        self.table.setItem(row, self.KIND, kind_cell)
        for column, text in ((self.LABEL, label), (self.UNIT, unit), (self.MINIMUM, minimum),
                             (self.MAXIMUM, maximum)):  # fmt: skip
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self._mark_unused(row)
        if edit:
            self.table.setCurrentCell(row, self.LABEL)
            self.table.setFocus()
            self.table.editItem(_cell(self.table, row, self.LABEL))
        self._enable()
        return row

    def remove_item(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), self.LABEL)
        self._enable()

    def move_item(self, step: int) -> None:
        """Moves the selected line up (-1) or down (1); the cursor follows it."""
        row, column = self.table.currentRow(), max(0, self.table.currentColumn())
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        self.table.blockSignals(True)
        for c in range(self.table.columnCount()):
            here, there = self.table.takeItem(row, c), self.table.takeItem(target, c)
            self.table.setItem(row, c, there)
            self.table.setItem(target, c, here)
        self.table.blockSignals(False)
        self.table.setCurrentCell(target, column)

    def kind_of(self, row: int) -> CheckKind:
        return CheckKind(_cell(self.table, row, self.KIND).data(KIND))

    def set_kind(self, row: int, kind: CheckKind) -> None:
        cell = _cell(self.table, row, self.KIND)
        cell.setData(KIND, kind.value)
        cell.setText(self.kinds[kind])  # itemChanged greys what the kind has no use for

    def _kind_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == self.KIND:
            self._mark_unused(item.row())

    def _mark_unused(self, row: int) -> None:
        measured = self.kind_of(row) in MEASURED
        self.table.blockSignals(True)
        for column in (self.UNIT, self.MINIMUM, self.MAXIMUM):
            cell = _cell(self.table, row, column)
            cell.setFlags(EDITABLE if measured else UNUSED)
            cell.setToolTip(
                "" if measured else self.tr("Only numbers and meter readings have a unit and range")
            )
        self.table.blockSignals(False)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def items(self) -> tuple[ItemInput, ...]:
        """The lines as typed (the core checks them); unit and range only where they apply."""
        found = []
        for row in range(self.table.rowCount()):
            kind = self.kind_of(row)
            measured = kind in MEASURED
            found.append(
                ItemInput(
                    kind,
                    self._text(row, self.LABEL),
                    self._text(row, self.UNIT) if measured else "",
                    (self._text(row, self.MINIMUM) or None) if measured else None,
                    (self._text(row, self.MAXIMUM) or None) if measured else None,
                )
            )
        return tuple(found)

    def show_line(self, line: int, column: str = "") -> None:
        """The cursor on a line the core refused (1 = the first), in the column it names (the
        core's field names: Kind, Item, Unit, Min, Max)."""
        columns = {"Kind": self.KIND, "Item": self.LABEL, "Unit": self.UNIT,
                   "Min": self.MINIMUM, "Max": self.MAXIMUM}  # fmt: skip
        row = line - 1
        if 0 <= row < self.table.rowCount():
            self.table.setCurrentCell(row, columns.get(column, self.LABEL))
            self.table.scrollToItem(_cell(self.table, row, self.LABEL))
            self.table.setFocus()

    def _enable(self) -> None:
        row, rows = self.table.currentRow(), self.table.rowCount()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < rows - 1)


class PartsKitEditor(QWidget):
    """The parts a plan normally uses: picked from the catalogue, with the quantity typed."""

    SKU, NAME, QUANTITY = range(3)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.part_ids: list[int] = []
        self.table = _table([self.tr("SKU"), self.tr("Part"), self.tr("Quantity")], self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.SKU, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.QUANTITY, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton(self.tr("Add &part…"), self)
        self.add_button.setToolTip(self.tr("Pick a part from the catalogue (Insert)"))
        self.remove_button = QPushButton(self.tr("Remove pa&rt"), self)
        self.remove_button.setToolTip(self.tr("Delete the selected part (Delete)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.remove_button.clicked.connect(self.remove_part)
        self.table.currentCellChanged.connect(lambda *_a: self._enable())
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_part)
        self.insert = QShortcut(QKeySequence(Qt.Key.Key_Insert), self.table)
        self.insert.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._enable()

    def add_part(self, part_id: int, sku: str, name: str, quantity: int = 1) -> None:
        """A part already in the kit gets one more; a new one is added with its quantity."""
        if part_id in self.part_ids:
            row = self.part_ids.index(part_id)
            cell = _cell(self.table, row, self.QUANTITY)
            try:
                cell.setText(str(int(cell.text().strip()) + quantity))
            except ValueError:
                cell.setText(str(quantity))
        else:
            row = self.table.rowCount()
            self.part_ids.append(part_id)
            self.table.insertRow(row)
            for column, text in ((self.SKU, sku), (self.NAME, name)):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, column, cell)
            amount = QTableWidgetItem(str(quantity))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, self.QUANTITY, amount)
        self.table.setCurrentCell(row, self.QUANTITY)
        self._enable()

    def remove_part(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            del self.part_ids[row]
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), self.QUANTITY)
        self._enable()

    def parts(self) -> tuple[tuple[int, str], ...]:
        return tuple(
            (part_id, _cell(self.table, row, self.QUANTITY).text().strip())
            for row, part_id in enumerate(self.part_ids)
        )

    def _enable(self) -> None:
        self.remove_button.setEnabled(self.table.currentRow() >= 0)
