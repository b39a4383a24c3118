"""Two short steps on a purchase order: cancelling it (saying why) and drafting one for a
supplier from the low-stock list."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import Changes
from ...core.parts.purchasing import PurchaseOrderDTO
from ...core.parts.stock import ReorderLine
from ..context import AppContext
from ..formats import money_text
from ..i18n import sentences
from ..settings.forms import FormErrors, add_rows, multiline


class CancelOrderDialog(QDialog):
    """Cancel a draft or a placed order of which nothing has arrived, saying why."""

    saved = Signal(object)  # PurchaseOrderDTO

    def __init__(self, ctx: AppContext, order: PurchaseOrderDTO, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx, self._order = ctx, order
        self.setWindowTitle(self.tr("Cancel purchase order {number}").format(number=order.number))
        head = QLabel(
            self.tr("{number} to {supplier}: %n lines, {total}.", "", len(order.lines)).format(
                number=order.number, supplier=order.supplier_name, total=money_text(order.total)
            ),
            self,
        )
        head.setWordWrap(True)
        self.reason = multiline(3, self)
        self.reason.setPlaceholderText(self.tr("e.g. supplier out of stock, ordered elsewhere"))
        form = QFormLayout()
        add_rows(form, [(self.tr("&Reason"), self.reason)], self)
        self.error = QLabel(self)
        self.errors = FormErrors(self.error, {"Reason": self.reason})
        buttons = QDialogButtonBox(self)
        self.cancel_order_button = buttons.addButton(
            self.tr("Cancel &order"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("&Keep it"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(440, 0)

    def submit(self) -> None:
        purchasing, actor, order = self._ctx.services.purchasing, self._ctx.actor, self._order
        reason = self.reason.toPlainText()
        self.errors.clear()
        self.cancel_order_button.setEnabled(False)
        self._ctx.runner.run(
            lambda: purchasing.cancel(actor, order.id, order.version, reason),
            self._saved,
            self._failed,
        )

    def _saved(self, result: tuple[PurchaseOrderDTO, Changes]) -> None:
        order, changes = result
        self._ctx.bus.publish(changes)
        self.saved.emit(order)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.cancel_order_button.setEnabled(True)
        self.errors.show(exc, self)


class DraftFromLowStockDialog(QDialog):
    """Pick a supplier; its parts on the low-stock list become a draft at the suggested
    quantities (the core leaves out parts already on a draft)."""

    saved = Signal(object)  # PurchaseOrderDTO

    def __init__(
        self,
        ctx: AppContext,
        outlet_id: int,
        suppliers: list[tuple[int, str]],
        lines: Sequence[ReorderLine],
        current: ReorderLine | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._outlet_id = ctx, outlet_id
        self.setWindowTitle(self.tr("Draft a purchase order from the low-stock list"))
        counts: dict[int, int] = {}
        for line in lines:
            if line.supplier_id is not None:
                counts[line.supplier_id] = counts.get(line.supplier_id, 0) + 1
        self.supplier = QComboBox(self)
        for supplier_id, name in suppliers:
            if supplier_id in counts:
                label = self.tr(
                    "{supplier} (%n parts running low)", "", counts[supplier_id]
                ).format(supplier=name)
                self.supplier.addItem(label, supplier_id)
        if current is not None and current.supplier_id is not None:
            self.supplier.setCurrentIndex(max(0, self.supplier.findData(current.supplier_id)))
        without = sum(1 for line in lines if line.supplier_id is None)
        text = self.tr(
            "The draft takes this supplier's parts on the low-stock list at the suggested "
            "quantities and their cost prices; check it, then place it."
        )
        if without:
            missing = self.tr(
                "%n parts on the list have no supplier; set one in the part to order them "
                "this way.",
                "",
                without,
            )
            text = sentences(text, missing)
        explain = QLabel(text, self)
        explain.setWordWrap(True)
        form = QFormLayout()
        add_rows(form, [(self.tr("&Supplier"), self.supplier)], self)
        self.error = QLabel(self)
        self.errors = FormErrors(self.error, {"Supplier": self.supplier})
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.draft_button = buttons.addButton(
            self.tr("&Draft order"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if self.supplier.count() == 0:
            self.supplier.setEnabled(False)
            self.draft_button.setEnabled(False)
            self.errors.say(self.tr("No part on the low-stock list has a supplier to order from."))
        self.resize(460, 0)

    def submit(self) -> None:
        supplier_id = self.supplier.currentData()
        if supplier_id is None:
            return
        purchasing, actor, outlet_id = (
            self._ctx.services.purchasing,
            self._ctx.actor,
            self._outlet_id,
        )
        self.errors.clear()
        self.draft_button.setEnabled(False)
        self._ctx.runner.run(
            lambda: purchasing.create_from_low_stock(actor, outlet_id, supplier_id),
            self._saved,
            self._failed,
        )

    def _saved(self, result: tuple[PurchaseOrderDTO, Changes]) -> None:
        order, changes = result
        self._ctx.bus.publish(changes)
        self.saved.emit(order)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.draft_button.setEnabled(True)
        self.errors.show(exc, self)
