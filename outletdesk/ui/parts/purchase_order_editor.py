"""A new purchase order or a draft's lines: the supplier, then parts found by SKU, name, device
model or a scanned barcode (a part scanned again adds one more), each with a quantity and a unit
cost that starts at the part's cost price. The core checks every line; nothing is saved on a
refusal."""

from __future__ import annotations

from contextlib import suppress
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Actor
from ...core.changes import Changes
from ...core.errors import NotFound, ValidationError
from ...core.parts.catalogue import CatalogueService, PartDTO
from ...core.parts.purchasing import PurchaseLineInput, PurchaseOrderDTO
from ...core.validation import amount_text, whole_text
from ..context import AppContext
from ..errors import show_error
from ..formats import money_text
from ..scanner import ScanField
from ..settings.forms import FormErrors, add_rows, multiline, save_cancel_buttons
from ..table_model import RIGHT, RowsModel, row_table

SEARCH_DELAY_MS = 150
SEARCH_LIMIT = 50
SKU, NAME, QUANTITY, UNIT_COST, AMOUNT = range(5)
PART_ID = Qt.ItemDataRole.UserRole  # the part id, kept on the SKU cell


def find_parts(
    catalogue: CatalogueService, actor: Actor, text: str
) -> tuple[PartDTO | None, list[PartDTO]]:
    """(the part with exactly this SKU or barcode, if any; every match, that one first)."""
    text = text.strip()
    if not text:
        return None, []
    try:
        exact: PartDTO | None = catalogue.find(actor, text)
    except NotFound:
        exact = None
    found = catalogue.search(actor, text, limit=SEARCH_LIMIT)
    if exact is not None:
        found = [exact, *(p for p in found if p.id != exact.id)]
    return exact, found


class PurchaseOrderDialog(QDialog):
    saved = Signal(object)  # PurchaseOrderDTO

    def __init__(
        self,
        ctx: AppContext,
        outlet_id: int,
        suppliers: list[tuple[int, str]],
        order: PurchaseOrderDTO | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._outlet_id, self._order = ctx, outlet_id, order
        self._seq = 0
        self._filling = False
        self.setWindowTitle(
            self.tr("New purchase order")
            if order is None
            else self.tr("Edit draft {number}").format(number=order.number)
        )
        self.supplier = QComboBox(self)
        if order is None:
            for supplier_id, name in suppliers:
                self.supplier.addItem(name, supplier_id)
        else:  # a draft keeps its supplier: a different one is a different order
            self.supplier.addItem(order.supplier_name, order.supplier_id)
            self.supplier.setEnabled(False)
        self.search = ScanField(self)
        self.search.setPlaceholderText(
            self.tr("Add a part: SKU, name, device model or scan its barcode, then Enter")
        )
        self.search.setClearButtonEnabled(True)
        self.results: RowsModel[PartDTO] = RowsModel(
            [
                (self.tr("SKU"), lambda p: p.sku),
                (self.tr("Name"), lambda p: p.name),
                (self.tr("Cost price"), lambda p: money_text(p.cost_price)),
                (self.tr("Usual supplier"), self._usual_supplier),
            ],
            self,
            numeric=frozenset({2}),
        )
        self.results_table = row_table(self.results, self, whole={0})
        self.results_table.setMaximumHeight(self.results_table.fontMetrics().height() * 9)
        self.add_button = QPushButton(self.tr("&Add to order"), self)
        self.found_label = QLabel(self)

        self.lines = QTableWidget(0, 5, self)
        self.lines.setHorizontalHeaderLabels(
            [self.tr("SKU"), self.tr("Name"), self.tr("Quantity"), self.tr("Unit cost"),
             self.tr("Amount")]
        )  # fmt: skip
        self.lines.verticalHeader().hide()
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.lines.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if column == NAME
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.remove_button = QPushButton(self.tr("Re&move line"), self)
        self.total = QLabel(self)
        self.note = multiline(2, self)
        if order is not None:
            self.note.setPlainText(order.note)
            for line in order.lines:
                self._append(line.part_id, line.sku, line.name, str(line.quantity), line.unit_cost)
        self._update_total()

        form = QFormLayout()
        add_rows(form, [(self.tr("&Supplier"), self.supplier)], self)
        find_row = QHBoxLayout()
        find_row.addWidget(self.search, 1)
        find_row.addWidget(self.add_button)
        line_row = QHBoxLayout()
        line_row.addWidget(self.total, 1)
        line_row.addWidget(self.remove_button)
        note_form = QFormLayout()
        add_rows(note_form, [(self.tr("N&ote"), self.note)], self)
        self.error = QLabel(self)
        self.errors = FormErrors(
            self.error,
            {
                "Supplier": self.supplier,
                "Order lines": self.lines,
                "Part": self.lines,
                "Quantity": self.lines,
                "Unit cost": self.lines,
                "Note": self.note,
            },
        )
        buttons = save_cancel_buttons(self, self.submit)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        lines_title = QLabel(
            self.tr("Order lines (type over a quantity or a unit cost to change it)")
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(find_row)
        layout.addWidget(self.results_table)
        layout.addWidget(self.found_label)
        layout.addWidget(lines_title)
        layout.addWidget(self.lines, 1)
        layout.addLayout(line_row)
        layout.addLayout(note_form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self._suppliers = dict(suppliers)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(lambda: self.run_search(then_add=True))
        self.results_table.activated.connect(lambda _i: self.add_selected())
        self.add_button.clicked.connect(self.add_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.lines.cellChanged.connect(self._cell_changed)
        self.resize(760, 620)
        if self.supplier.count() == 0:
            self.errors.say(self.tr("There is no supplier yet: add one before ordering."))
            self.save_button.setEnabled(False)
        self.search.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter adds a part or ends a cell's edit; it never saves (Save is a click or Alt+S)."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not isinstance(self.focusWidget(), QPushButton):
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------ finding parts

    def _usual_supplier(self, part: PartDTO) -> str:
        return self._suppliers.get(part.supplier_id, "") if part.supplier_id is not None else ""

    def run_search(self, then_add: bool = False) -> None:
        self._timer.stop()
        self._seq += 1
        seq, text = self._seq, self.search.text()
        catalogue, actor = self._ctx.services.catalogue, self._ctx.actor
        self._ctx.runner.run(
            lambda: find_parts(catalogue, actor, text),
            lambda result: self._found(seq, text, result, then_add),
            lambda exc: show_error(self, exc),
        )

    def _found(
        self,
        seq: int,
        text: str,
        result: tuple[PartDTO | None, list[PartDTO]],
        then_add: bool,
    ) -> None:
        if seq != self._seq:
            return
        exact, found = result
        self.results.set_rows(found)
        if found:
            self.results_table.selectRow(0)
        if not text.strip():
            self.found_label.clear()
        elif not found:
            self.found_label.setText(self.tr("No part matches {text}.").format(text=text.strip()))
        else:
            self.found_label.setText(
                self.tr("%n parts match; Enter or double-click adds one.", "", len(found))
            )
        if not then_add:
            return
        if exact is not None or len(found) == 1:  # a scanned code names one part
            self.add_part(exact or found[0])
        elif found:
            self.results_table.setFocus()

    def add_selected(self) -> None:
        index = self.results_table.currentIndex()
        if index.isValid():
            self.add_part(self.results.rows[index.row()])

    def add_part(self, part: PartDTO) -> None:
        """A new line of one at the part's cost price; a part already on the order gets one more."""
        row = self.row_of(part.id)
        if row is None:
            row = self._append(part.id, part.sku, part.name, "1", part.cost_price)
        else:
            cell = self.lines.item(row, QUANTITY)
            with suppress(ValueError):  # not a number yet: leave it to the person typing it
                cell.setText(str(int(cell.text().strip()) + 1))
        self.lines.selectRow(row)
        self.found_label.setText(
            self.tr("{sku} on the order: {quantity}").format(
                sku=part.sku, quantity=self.lines.item(row, QUANTITY).text()
            )
        )
        self.search.clear()
        self.search.setFocus()

    def row_of(self, part_id: int) -> int | None:
        for row in range(self.lines.rowCount()):
            if self.lines.item(row, SKU).data(PART_ID) == part_id:
                return row
        return None

    # ------------------------------------------------------------ lines

    def _append(self, part_id: int, sku: str, name: str, quantity: str, cost: Decimal) -> int:
        self._filling = True
        row = self.lines.rowCount()
        self.lines.insertRow(row)
        for column, text in ((SKU, sku), (NAME, name), (AMOUNT, "")):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.lines.setItem(row, column, item)
        self.lines.item(row, SKU).setData(PART_ID, part_id)
        for column, text in ((QUANTITY, quantity), (UNIT_COST, str(cost))):
            item = QTableWidgetItem(text)
            item.setTextAlignment(RIGHT)
            self.lines.setItem(row, column, item)
        self.lines.item(row, AMOUNT).setTextAlignment(RIGHT)
        self._filling = False
        self._update_amount(row)
        return row

    def remove_selected(self) -> None:
        row = self.lines.currentRow()
        if row >= 0:
            self.lines.removeRow(row)
            self._update_total()

    def _cell_changed(self, row: int, column: int) -> None:
        if not self._filling and column in (QUANTITY, UNIT_COST):
            self._update_amount(row)

    def _update_amount(self, row: int) -> None:
        """What the line comes to, as typed (the core checks the numbers on Save)."""
        amount = _amount(
            self.lines.item(row, QUANTITY).text(), self.lines.item(row, UNIT_COST).text()
        )
        self._filling = True
        self.lines.item(row, AMOUNT).setText(money_text(amount) if amount is not None else "")
        self._filling = False
        self._update_total()

    def _update_total(self) -> None:
        amounts = [
            _amount(self.lines.item(r, QUANTITY).text(), self.lines.item(r, UNIT_COST).text())
            for r in range(self.lines.rowCount())
        ]
        total = sum((a for a in amounts if a is not None), Decimal("0.00"))
        self.total.setText(
            self.tr("%n lines, total {total}", "", self.lines.rowCount()).format(
                total=money_text(total)
            )
        )

    def input_lines(self) -> list[PurchaseLineInput]:
        """The lines as typed; an emptied unit cost means the part's cost price."""
        lines = []
        for row in range(self.lines.rowCount()):
            cost = self.lines.item(row, UNIT_COST).text().strip()
            lines.append(
                PurchaseLineInput(
                    int(self.lines.item(row, SKU).data(PART_ID)),
                    self.lines.item(row, QUANTITY).text(),
                    cost or None,
                )
            )
        return lines

    # ------------------------------------------------------------ saving

    def submit(self) -> None:
        supplier_id = self.supplier.currentData()
        if supplier_id is None:
            self.errors.say(self.tr("Choose the supplier to order from."), self.supplier)
            return
        purchasing, actor, outlet_id = (
            self._ctx.services.purchasing,
            self._ctx.actor,
            self._outlet_id,
        )
        lines, note, order = self.input_lines(), self.note.toPlainText(), self._order
        if order is None:
            work = lambda: purchasing.create(  # noqa: E731
                actor, supplier_id, lines, outlet_id=outlet_id, note=note
            )
        else:
            work = lambda: purchasing.set_lines(  # noqa: E731
                actor, order.id, order.version, lines, note=note
            )
        self.errors.clear()
        self.save_button.setEnabled(False)
        self._ctx.runner.run(work, self._saved, self._failed)

    def _saved(self, result: tuple[PurchaseOrderDTO, Changes]) -> None:
        order, changes = result
        self._ctx.bus.publish(changes)
        self.saved.emit(order)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc, self)
        if isinstance(exc, ValidationError) and exc.field in ("Quantity", "Unit cost"):
            column = QUANTITY if exc.field == "Quantity" else UNIT_COST
            value = exc.params.get("value")
            for row in range(self.lines.rowCount()):
                if value is not None and self.lines.item(row, column).text() == value:
                    self.lines.setCurrentCell(row, column)  # the line the message is about
                    break


def _amount(quantity: str, cost: str) -> Decimal | None:
    """The line's amount as the core will read it ("12,50" is 12.50), None while unreadable."""
    price, units = amount_text(cost), whole_text(quantity)
    if price is None or units is None:
        return None
    try:
        return (price * units).quantize(Decimal("0.01"))
    except InvalidOperation:  # more digits than a Decimal keeps: the core refuses it
        return None
