"""The order's lines (labour by the minute, parts, fees), discount and live totals: the editable
half of the detail view's "Lines & payments" tab. Saving goes through the detail view."""

from __future__ import annotations

from decimal import Decimal
from html import escape

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import DomainError, ValidationError
from ...core.parts.locations import LocationDTO
from ...core.parts.stock import InsufficientStock
from ...core.validation import amount_text
from ...core.work_orders import rules
from ...core.work_orders.dto import LineInput, WorkOrderDTO
from ...models import LineKind, Warranty
from ..errors import error_text
from ..formats import money_text
from ..i18n import labelled
from ..settings.forms import FormErrors
from .labels import line_kind_text

COL_KIND, COL_DESCRIPTION, COL_QUANTITY, COL_PRICE, COL_AMOUNT, COL_FROM = range(6)
PART_ID = Qt.ItemDataRole.UserRole + 1  # on the kind cell: the catalogue part of a part line
LOCATION_ID = Qt.ItemDataRole.UserRole + 2  # on the From cell: the van (None: the main store)
REFUSED = QBrush(QColor("#fdecea"))


def _decimal(text: str) -> Decimal | None:
    """The amount shown as typed, read by the core's rule ("12,50" is 12.50), None if unread."""
    return amount_text(text)


class LinesEditor(QWidget):
    pick_part = Signal()  # "Add part": the detail view opens the catalogue picker

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.order: WorkOrderDTO | None = None
        # The outlet's stock locations (main store first); the From column is shown only when
        # parts can come from more than one, so a shop without a van sees nothing new.
        self.locations: list[LocationDTO] = []
        self.default_location: int | None = None  # the last one chosen in the part picker
        self.lines = QTableWidget(0, 6, self)
        self.lines.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Description"),
                self.tr("Qty / minutes"),
                self.tr("Price / hourly rate"),
                self.tr("Amount"),
                self.tr("From"),
            ]
        )
        self.lines.setItemDelegateForColumn(COL_FROM, FromDelegate(self))
        self.lines.setColumnHidden(COL_FROM, True)
        self.lines.verticalHeader().hide()
        for column, width in (
            (COL_KIND, 80),
            (COL_QUANTITY, 110),
            (COL_PRICE, 140),
            (COL_AMOUNT, 100),
            (COL_FROM, 170),
        ):
            self.lines.setColumnWidth(column, width)
        self.lines.horizontalHeader().setSectionResizeMode(
            COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch
        )
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setTabKeyNavigation(True)
        self.lines.itemChanged.connect(lambda _item: self.update_totals())
        add_labour = QPushButton(self.tr("Add la&bour"), self)
        add_part = QPushButton(self.tr("Add &part"), self)
        add_fee = QPushButton(self.tr("Add f&ee"), self)
        self.remove_line_button = QPushButton(self.tr("&Remove line"), self)
        add_labour.clicked.connect(lambda: self.add_line(LineKind.LABOUR))
        add_part.clicked.connect(self.pick_part.emit)
        add_fee.clicked.connect(lambda: self.add_line(LineKind.FEE))
        self.remove_line_button.clicked.connect(self.remove_line)
        self.line_buttons = [add_labour, add_part, add_fee, self.remove_line_button]
        self.discount = QLineEdit("0.00", self)
        self.discount_reason = QLineEdit(self)
        self.discount.textChanged.connect(lambda _t: self.update_totals())
        self.totals = QLabel(self)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.save_lines_button = QPushButton(self.tr("&Save lines"), self)
        self.wait_button = QPushButton(self.tr("Save and &wait for parts"), self)
        self.wait_button.setToolTip(
            self.tr(
                "The order is set to awaiting parts; what is short is held for it as soon as "
                "stock arrives, and the order is flagged ready to continue."
            )
        )
        self.wait_button.hide()
        self.parts_note = QLabel(self)
        self.parts_note.setWordWrap(True)
        self.parts_note.setTextFormat(Qt.TextFormat.RichText)
        self.lines_error = QLabel(self)
        self.lines_errors = FormErrors(
            self.lines_error,
            {"Discount": self.discount, "Discount reason": self.discount_reason},
        )
        buttons = QHBoxLayout()
        for button in self.line_buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Discount"), self.discount)
        form.addRow(self.tr("Discount reason"), self.discount_reason)
        below = QHBoxLayout()
        below.addLayout(form, 1)
        below.addWidget(self.totals)
        save_column = QVBoxLayout()
        save_column.addStretch(1)
        save_column.addWidget(self.wait_button)
        save_column.addWidget(self.save_lines_button)
        below.addLayout(save_column)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.parts_note)
        layout.addLayout(buttons)
        layout.addLayout(below)
        layout.addWidget(self.lines_error)

    def set_editable(self, editable: bool) -> None:
        self.wait_button.hide()
        for widget in (self.save_lines_button, *self.line_buttons):
            widget.setEnabled(editable)
            # A closed order's lines are a record: the room goes to the lines themselves.
            widget.setVisible(editable)
        self.lines.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )

    def show_order(self, order: WorkOrderDTO) -> None:
        self.order = order
        self.lines.blockSignals(True)
        self.lines.setRowCount(0)
        for line in order.lines:
            self._append_line(
                line.kind,
                line.description,
                line.quantity,
                line.unit_price,
                line.part_id,
                line.location_id,
            )
        self.lines.blockSignals(False)
        self._show_from_column()
        self.discount.setText(money_text(order.discount))
        self.discount_reason.setText(order.discount_reason)
        self.wait_button.hide()
        self.show_parts_state(order)
        self.update_totals()

    def show_parts_state(self, order: WorkOrderDTO) -> None:
        """While the order awaits parts: what the shelf holds for it and what is still short."""
        waiting = [p for p in order.parts if p.reserved]
        self.parts_note.setVisible(bool(waiting))
        if not waiting:
            return
        names = {line.part_id: line.description for line in order.lines if line.part_id}
        rows = []
        for p in waiting:
            name = escape(names.get(p.part_id, str(p.part_id)))
            if p.short:
                state = self.tr("{held} of {wanted} held, {short} short").format(
                    held=p.held, wanted=p.reserved, short=p.short
                )
                rows.append(f"<span style='color:#c62828'>{labelled(name, escape(state))}</span>")
            else:
                state = self.tr("all {wanted} held on the shelf").format(wanted=p.reserved)
                rows.append(f"<span style='color:#2e7d32'>{labelled(name, escape(state))}</span>")
        head = (
            self.tr("Parts have arrived: the order can continue.")
            if order.parts_ready
            else self.tr("Waiting for parts:")
        )
        self.parts_note.setText(f"<b>{escape(head)}</b> " + "; ".join(rows))

    def _append_line(
        self,
        kind: LineKind,
        description: str,
        quantity: Decimal | str,
        price: Decimal | str,
        part_id: int | None = None,
        location_id: int | None = None,
    ) -> int:
        row = self.lines.rowCount()
        self.lines.insertRow(row)
        kind_item = QTableWidgetItem(line_kind_text(kind))
        kind_item.setData(Qt.ItemDataRole.UserRole, kind.value)
        kind_item.setData(PART_ID, part_id)
        if part_id is not None:
            kind_item.setToolTip(self.tr("From stock: saving takes it off this outlet's shelf"))
        kind_item.setFlags(kind_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        source = QTableWidgetItem("")
        if part_id is None:  # labour, fees and free-text parts come from no shelf
            source.setFlags(source.flags() & ~Qt.ItemFlag.ItemIsEditable)
        else:
            source.setData(LOCATION_ID, location_id)
            source.setText(self.location_text(location_id))
            source.setToolTip(
                self.tr("Where the part is taken from: change it with F2 or by typing")
            )
        amount = QTableWidgetItem("")
        amount.setFlags(amount.flags() & ~Qt.ItemFlag.ItemIsEditable)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        amount.setTextAlignment(right)
        price_item = QTableWidgetItem(_price(price))
        price_item.setTextAlignment(right)  # prices line up as the amounts do
        for column, item in (
            (COL_KIND, kind_item),
            (COL_DESCRIPTION, QTableWidgetItem(description)),
            (COL_QUANTITY, QTableWidgetItem(_plain(quantity))),
            (COL_PRICE, price_item),
            (COL_AMOUNT, amount),
            (COL_FROM, source),
        ):
            self.lines.setItem(row, column, item)
        return row

    def add_line(
        self,
        kind: LineKind,
        description: str = "",
        quantity: str = "",
        price: str = "",
        part_id: int | None = None,
        location_id: int | None = None,
    ) -> int:
        if not quantity:
            quantity = "30" if kind is LineKind.LABOUR else "1"
        self.lines.blockSignals(True)
        row = self._append_line(
            kind, description, quantity, price or Decimal("0.00"), part_id, location_id
        )
        self.lines.blockSignals(False)
        self.update_totals()
        self.lines.setFocus()  # first: focus moving later would close the editor opened below
        self.lines.setCurrentCell(row, COL_DESCRIPTION)
        # On screen, with every edit trigger on, becoming current has already opened the editor
        # (the CurrentChanged trigger); asking again is refused with Qt's "edit: editing failed".
        if self.lines.state() is not QAbstractItemView.State.EditingState:
            self.lines.editItem(self._cell(row, COL_DESCRIPTION))
        return row

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.lines.item(row, column)
        assert item is not None  # every row gets all its cells in _append_line
        return item

    def remove_line(self) -> None:
        row = self.lines.currentRow()
        if row >= 0:
            self.lines.removeRow(row)
            self.update_totals()

    def line_inputs(self) -> list[LineInput]:
        result = []
        for row in range(self.lines.rowCount()):
            kind = self._cell(row, COL_KIND).data(Qt.ItemDataRole.UserRole)
            result.append(
                LineInput(
                    kind,
                    self._cell(row, COL_DESCRIPTION).text(),
                    self._cell(row, COL_QUANTITY).text().strip(),
                    self._cell(row, COL_PRICE).text().strip(),
                    self._cell(row, COL_KIND).data(PART_ID),
                    self._cell(row, COL_FROM).data(LOCATION_ID),
                )
            )
        return result

    # ------------------------------------------------------------ where parts come from

    def set_locations(self, locations: list[LocationDTO]) -> None:
        """The outlet's locations, retired ones too (an old line may name one); main first."""
        self.locations = sorted(locations, key=lambda loc: not loc.main)
        if self.default_location not in {loc.id for loc in self.choosable()}:
            self.default_location = None
        for row in range(self.lines.rowCount()):
            cell = self._cell(row, COL_FROM)
            if self._cell(row, COL_KIND).data(PART_ID) is not None:
                cell.setText(self.location_text(cell.data(LOCATION_ID)))
        self._show_from_column()

    def choosable(self) -> list[LocationDTO]:
        """Where a part line may take its part from: the locations in use, main store first."""
        return [loc for loc in self.locations if loc.active]

    def location_text(self, location_id: int | None) -> str:
        if location_id is None:
            return self.tr("Main store")
        for loc in self.locations:
            if loc.id == location_id:
                return loc.name if loc.active else self.tr("{name} (retired)").format(name=loc.name)
        return str(location_id)

    def _show_from_column(self) -> None:
        named = any(
            self._cell(row, COL_FROM).data(LOCATION_ID) is not None
            for row in range(self.lines.rowCount())
        )
        self.lines.setColumnHidden(COL_FROM, len(self.choosable()) < 2 and not named)

    def set_line_location(self, row: int, location_id: int | None) -> None:
        """What the From cell's combo does: the line takes its part from there on the next save."""
        cell = self._cell(row, COL_FROM)
        if self._cell(row, COL_KIND).data(PART_ID) is None:
            return
        cell.setData(LOCATION_ID, location_id)
        cell.setText(self.location_text(location_id))
        self._unmark(cell)

    def mark_refusal(self, exc: BaseException) -> list[int]:
        """Show the core's refusal on the line(s) it is about: the From cell tinted, the message as
        its tooltip. Returns the rows marked."""
        self.clear_marks()
        if not isinstance(exc, DomainError):
            return []
        rows: list[int] = []
        line = exc.params.get("line")
        if isinstance(exc, InsufficientStock):
            where = exc.params.get("location_id")
            rows = [
                row
                for row in range(self.lines.rowCount())
                if self._cell(row, COL_KIND).data(PART_ID) == exc.part_id
                and self._cell(row, COL_FROM).data(LOCATION_ID) == where
            ]
        elif isinstance(exc, ValidationError) and isinstance(line, int):
            rows = [line - 1] if 0 < line <= self.lines.rowCount() else []
        message = error_text(exc)
        for row in rows:
            cell = self._cell(row, COL_FROM)
            cell.setBackground(REFUSED)
            cell.setToolTip(message)
        if rows:  # the last is most often the line just added: on it, the From combo opens
            self.lines.setCurrentCell(rows[-1], COL_FROM)
        return rows

    def clear_marks(self) -> None:
        for row in range(self.lines.rowCount()):
            self._unmark(self._cell(row, COL_FROM))

    def _unmark(self, cell: QTableWidgetItem) -> None:
        if cell.background() == REFUSED:
            cell.setBackground(QBrush())
            cell.setToolTip(self.tr("Where the part is taken from: change it with F2 or by typing"))

    def update_totals(self) -> None:
        """A live preview with the core's own arithmetic; the saved order is the authority."""
        order = self.order
        under_warranty = order is not None and order.warranty is not Warranty.NONE
        amounts: list[Decimal] = []
        valid = True
        self.lines.blockSignals(True)
        for row in range(self.lines.rowCount()):
            kind = LineKind(self._cell(row, COL_KIND).data(Qt.ItemDataRole.UserRole))
            quantity = _decimal(self._cell(row, COL_QUANTITY).text())
            price = _decimal(self._cell(row, COL_PRICE).text())
            if quantity is None or price is None:
                valid = False
                self._cell(row, COL_AMOUNT).setText("?")
                continue
            amount = rules.line_amount(kind, quantity, price, under_warranty)
            amounts.append(amount)
            self._cell(row, COL_AMOUNT).setText(money_text(amount))
        self.lines.blockSignals(False)
        discount = _decimal(self.discount.text() or "0")
        if not valid or discount is None or order is None:
            self.totals.setText(self.tr("Totals: fix the amounts marked ?"))
            return
        t = rules.totals(amounts, discount, order.tax_rate)
        paid, refunded = order.paid, order.refunded
        rows = [
            (self.tr("Subtotal"), money_text(t.subtotal)),
            (self.tr("Discount"), "−" + money_text(t.discount)),
            (self.tr("Tax ({rate}%)").format(rate=order.tax_rate), money_text(t.tax)),
            (self.tr("Total"), f"<b>{money_text(t.total)}</b>"),
            (self.tr("Paid"), money_text(paid)),
        ]
        if not t.discount:  # no discount: no row, rather than a "−0.00"
            del rows[1]
        if refunded:  # approved after hand-back: it lowered what the order charged
            rows.append((self.tr("Refunded after hand-back"), money_text(refunded)))
        rows.append((self.tr("Balance due"), f"<b>{money_text(t.total - refunded - paid)}</b>"))
        self.totals.setText(
            "<table>"
            + "".join(
                f"<tr><td style='padding-right:10px'>{escape(label)}</td>"
                f"<td align='right'>{value}</td></tr>"
                for label, value in rows
            )
            + "</table>"
        )

    def lines_unsaved(self) -> bool:
        """The lines table differs from the saved lines (what a status step would throw away)."""
        order = self.order
        if order is None:
            return False

        def norm(
            kind: object,
            description: str,
            quantity: object,
            price: object,
            part_id: int | None,
            location_id: int | None,
        ) -> tuple[object, ...]:
            return (
                str(kind), description.strip(), _decimal(str(quantity)), _decimal(str(price)),
                part_id, location_id,
            )  # fmt: skip

        shown = [
            norm(x.kind, x.description, x.quantity, x.unit_price, x.part_id, x.location_id)
            for x in self.line_inputs()
        ]
        saved = [
            norm(x.kind, x.description, x.quantity, x.unit_price, x.part_id, x.location_id)
            for x in order.lines
        ]
        return shown != saved or _decimal(self.discount.text() or "0") != order.discount


class FromDelegate(QStyledItemDelegate):
    """The From cell of a part line edits as a combo of the outlet's locations in use: Tab onto
    it, arrow or type the first letter, Tab on (no mouse needed, like every other cell)."""

    def __init__(self, editor: LinesEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for loc in self._editor.choosable():  # item data 0: the main store (no id is 0)
            combo.addItem(
                self._editor.location_text(None if loc.main else loc.id), 0 if loc.main else loc.id
            )
        return combo

    def setEditorData(self, widget: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(widget, QComboBox)
        found = widget.findData(index.data(LOCATION_ID) or 0)
        widget.setCurrentIndex(max(found, 0))

    def setModelData(
        self,
        widget: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(widget, QComboBox)
        self._editor.set_line_location(index.row(), widget.currentData() or None)


def _price(value: Decimal | str) -> str:
    """A price or hourly rate as every amount on screen shows it ("560.00", not "560"); text
    (typed, or from the part picker) is shown as it reads."""
    found = amount_text(value) if isinstance(value, str) else value
    return money_text(found) if found is not None else str(value)


def _plain(value: Decimal | str) -> str:
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f") if value == value.to_integral() else f"{value:.2f}"
        return text
    return value
