"""Goods in against a purchase order: each scan books one unit (the line just scanned lights up),
or quantities typed per line are booked together with "Book in". What was ordered, received and
is still to come stays on screen; a part not on the order or more than was ordered is refused
with the core's message and nothing is booked. Afterwards it says which repairs waiting for
these parts can now continue."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import Changes
from ...core.errors import DomainError, StaleRecord
from ...core.parts.purchasing import PurchaseLineDTO, PurchaseOrderDTO
from ...core.parts.reservations import WaitingOrder
from ...models import PurchaseOrderStatus
from ..context import AppContext
from ..errors import error_text, show_error
from ..i18n import listed, sentences
from ..scanner import ScanField
from ..settings.forms import add_rows
from ..table_model import RIGHT

SKU, NAME, ORDERED, RECEIVED, OUTSTANDING, ARRIVED = range(6)
PART_ID = Qt.ItemDataRole.UserRole
SCANNED = QColor("#c8e6c9")  # the line a scan just booked
REFUSED = QColor("#ffcdd2")  # the line a refused scan or quantity is about
OK_STYLE = "color: #2e7d32; font-weight: 600;"
ERROR_STYLE = "color: #c62828; font-weight: 600;"
OPEN = (PurchaseOrderStatus.ORDERED, PurchaseOrderStatus.PARTLY_RECEIVED)


class ReceiveDialog(QDialog):
    booked = Signal(object)  # PurchaseOrderDTO, after each delivery or scan booked

    def __init__(self, ctx: AppContext, order: PurchaseOrderDTO, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx, self.order = ctx, order
        self.touched: set[int] = set()  # parts booked in while the dialog is open
        self.highlighted: tuple[int, QColor] | None = None  # (part id, colour) of the lit line
        self.waiting: list[WaitingOrder] = []
        self.setWindowTitle(self.tr("Receive goods – {number}").format(number=order.number))
        self.head = QLabel(self)
        self.head.setWordWrap(True)
        self.scan = ScanField(self)
        self.scan.setPlaceholderText(
            self.tr("Scan a barcode or type a SKU, then Enter: one unit is booked in")
        )
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("SKU"), self.tr("Name"), self.tr("Ordered"), self.tr("Received"),
             self.tr("Outstanding"), self.tr("Arrived now")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        for column in range(6):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if column == NAME
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.delivery_note = QLineEdit(self)
        self.delivery_note.setPlaceholderText(self.tr("delivery note or invoice number"))
        self.book_button = QPushButton(self.tr("&Book in typed quantities"), self)
        self.book_button.setAutoDefault(False)
        self.waiting_label = QLabel(self)
        self.waiting_label.setWordWrap(True)
        self.waiting_label.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        add_rows(form, [(self.tr("&Scan"), self.scan)], self)
        bottom = QHBoxLayout()
        note_form = QFormLayout()
        add_rows(note_form, [(self.tr("Delivery &note"), self.delivery_note)], self)
        bottom.addLayout(note_form, 1)
        bottom.addWidget(self.book_button)
        typed = QLabel(
            self.tr(
                "Or type how many arrived in the last column and book them in together "
                "(the delivery note goes with them)."
            ),
            self,
        )
        typed.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(typed)
        layout.addLayout(bottom)
        layout.addWidget(self.waiting_label)
        layout.addWidget(buttons)

        self.scan.returnPressed.connect(self.scan_entered)
        self.book_button.clicked.connect(self.book_in)
        self._fill(order)
        self.resize(780, 560)
        self.scan.setFocus()

    # ------------------------------------------------------------ showing the order

    def _fill(self, order: PurchaseOrderDTO, keep_typed: bool = True) -> None:
        typed = self.typed() if keep_typed else {}
        self.order = order
        expected = order.expected_on.isoformat() if order.expected_on else "–"
        self.head.setText(
            self.tr(
                "{number} from {supplier}, expected {day}: %n units still to come.",
                "",
                order.outstanding,
            ).format(number=order.number, supplier=order.supplier_name, day=expected)
        )
        self.table.setRowCount(len(order.lines))
        for row, line in enumerate(order.lines):
            self._fill_row(row, line, typed.get(line.part_id, ""))
        self._light()
        still_open = order.status in OPEN
        self.scan.setEnabled(still_open)
        self.book_button.setEnabled(still_open)
        if not still_open:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def _fill_row(self, row: int, line: PurchaseLineDTO, typed: str) -> None:
        values = (
            line.sku,
            line.name,
            str(line.quantity),
            str(line.received),
            str(line.outstanding),
        )
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if column >= ORDERED:
                item.setTextAlignment(RIGHT)
            self.table.setItem(row, column, item)
        self.table.item(row, SKU).setData(PART_ID, line.part_id)
        arrived = QTableWidgetItem(typed if line.outstanding else "")
        arrived.setTextAlignment(RIGHT)
        if not line.outstanding:
            arrived.setFlags(arrived.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, ARRIVED, arrived)

    def row_of(self, part_id: int) -> int | None:
        for row, line in enumerate(self.order.lines):
            if line.part_id == part_id:
                return row
        return None

    def _light(self, part_id: int | None = None, colour: QColor | None = None) -> None:
        """Colours one line (the one just scanned, or the one a refusal is about)."""
        if part_id is not None and colour is not None:
            self.highlighted = (part_id, colour)
        for row in range(self.table.rowCount()):
            lit = self.highlighted is not None and self.row_of(self.highlighted[0]) == row
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is not None:
                    item.setBackground(QBrush(self.highlighted[1]) if lit else QBrush())
        if part_id is not None and (row := self.row_of(part_id)) is not None:
            self.table.scrollToItem(self.table.item(row, SKU))

    def _say(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)
        if not ok:
            QApplication.beep()  # the person at the scanner is looking at the box, not the screen

    def typed(self) -> dict[int, str]:
        """{part id: text typed in "Arrived now"}, blank cells left out."""
        found = {}
        for row in range(self.table.rowCount()):
            item = self.table.item(row, ARRIVED)
            if item is not None and item.text().strip():
                found[int(self.table.item(row, SKU).data(PART_ID))] = item.text().strip()
        return found

    # ------------------------------------------------------------ booking

    def scan_entered(self) -> None:
        code = self.scan.text().strip()
        if not code or self.order.status not in OPEN:
            return
        self.scan.clear()  # ready for the next scan while this one is booked
        purchasing, stock, actor = (
            self._ctx.services.purchasing,
            self._ctx.services.stock,
            self._ctx.actor,
        )
        order_id, outlet_id, touched = self.order.id, self.order.outlet_id, set(self.touched)

        def work() -> tuple[PurchaseOrderDTO, PurchaseLineDTO, Changes, list[WaitingOrder]]:
            order, line, changes = purchasing.receive_scan(actor, order_id, code)
            waiting = stock.waiting_for(actor, touched | {line.part_id}, outlet_id)
            return order, line, changes, waiting

        self._ctx.runner.run(work, self._scanned, lambda exc: self._refused(exc, code))

    def _scanned(
        self, result: tuple[PurchaseOrderDTO, PurchaseLineDTO, Changes, list[WaitingOrder]]
    ) -> None:
        order, line, changes, waiting = result
        self.touched.add(line.part_id)
        self._fill(order)
        self._light(line.part_id, SCANNED)
        self._say(
            self.tr(
                "1 × {sku} booked in: {received} of {ordered} received, {outstanding} to come."
            ).format(
                sku=line.sku,
                received=line.received,
                ordered=line.quantity,
                outstanding=line.outstanding,
            ),
            ok=True,
        )
        self._after_booking(order, changes, waiting)

    def book_in(self) -> None:
        quantities = self.typed()
        if self.order.status not in OPEN:
            return
        purchasing, stock, actor = (
            self._ctx.services.purchasing,
            self._ctx.services.stock,
            self._ctx.actor,
        )
        order, note, touched = self.order, self.delivery_note.text(), set(self.touched)
        parts = {line.part_id for line in order.lines if line.part_id in quantities}

        def work() -> tuple[PurchaseOrderDTO, Changes, list[WaitingOrder]]:
            after, changes = purchasing.receive(
                actor, order.id, order.version, quantities, delivery_note=note
            )
            return after, changes, stock.waiting_for(actor, touched | parts, order.outlet_id)

        self.book_button.setEnabled(False)
        self._ctx.runner.run(work, self._booked, lambda exc: self._refused(exc, ""))

    def _booked(self, result: tuple[PurchaseOrderDTO, Changes, list[WaitingOrder]]) -> None:
        order, changes, waiting = result
        before = {line.part_id: line.received for line in self.order.lines}
        arrived = {ln.part_id: ln.received - before.get(ln.part_id, 0) for ln in order.lines}
        booked = {part_id: n for part_id, n in arrived.items() if n}
        self.touched.update(booked)
        if self.highlighted is not None and self.highlighted[1] == REFUSED:
            self.highlighted = None  # what was refused before is not the news now
        self._fill(order, keep_typed=False)
        self._light()
        self.delivery_note.clear()
        self._say(
            self.tr("Booked in %n units on {lines}.", "", sum(booked.values())).format(
                lines=self.tr("%n lines", "", len(booked))
            ),
            ok=True,
        )
        self._after_booking(order, changes, waiting)

    def _after_booking(
        self, order: PurchaseOrderDTO, changes: Changes, waiting: list[WaitingOrder]
    ) -> None:
        self.waiting = waiting
        self._show_waiting()
        if order.status is PurchaseOrderStatus.RECEIVED:
            self._say(
                sentences(
                    self.message.text(),
                    self.tr("Everything on {number} has arrived.").format(number=order.number),
                ),
                ok=True,
            )
        self._ctx.bus.publish(changes)
        self.booked.emit(order)
        self.scan.setFocus()

    def _show_waiting(self) -> None:
        ready = [w for w in self.waiting if w.ready]
        short = len(self.waiting) - len(ready)
        lines = []
        if ready:
            lines.append(
                self.tr("%n repairs waiting for these parts can now continue: {numbers}.", "",
                        len(ready))
                .format(numbers=listed(w.number for w in ready))
            )  # fmt: skip
        if short:
            lines.append(
                self.tr("%n repairs waiting for these parts are still short of parts.", "",
                        short)
            )  # fmt: skip
        if not self.waiting:
            lines.append(self.tr("No repair is waiting for the parts booked in."))
        self.waiting_label.setStyleSheet(OK_STYLE if ready else "")
        self.waiting_label.setText("\n".join(lines))

    def _refused(self, exc: BaseException, code: str) -> None:
        """A rule said no: nothing was booked. Say why, light the line it is about."""
        self.book_button.setEnabled(self.order.status in OPEN)
        if not isinstance(exc, DomainError):
            show_error(self, exc)
            return
        text = error_text(exc)
        if code:
            text = self.tr("Scan {code}: {problem}").format(code=code, problem=text)
        self._say(text, ok=False)
        sku = exc.params.get("sku")
        line = next((ln for ln in self.order.lines if ln.sku == sku), None)
        if line is not None:
            self._light(line.part_id, REFUSED)
        if isinstance(exc, StaleRecord):
            self._reload()
        self.scan.setFocus()

    def _reload(self) -> None:
        """Someone else booked against the order meanwhile: show what it says now."""
        purchasing, actor, order_id = self._ctx.services.purchasing, self._ctx.actor, self.order.id
        self._ctx.runner.run(
            lambda: purchasing.get(actor, order_id),
            self._fill,
            lambda exc: show_error(self, exc),
        )
