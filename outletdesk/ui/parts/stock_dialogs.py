"""The store room's stock actions on one part at one outlet: receive, adjust, scrap, transfer,
shelf and reorder levels. Each saves through the stock service on the worker; a rule error stays
in the form with its field outlined, and nothing is saved."""

from __future__ import annotations

import enum
from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.outlets import OutletDTO
from ...core.parts.catalogue import PartDTO
from ...core.parts.stock import StockLevel
from ..context import AppContext
from ..settings.forms import FormErrors, add_rows, multiline, save_cancel_buttons


class StockAction(enum.Enum):
    RECEIVE = "receive"
    ADJUST = "adjust"
    SCRAP = "scrap"
    TRANSFER = "transfer"
    LEVELS = "levels"


class StockActionDialog(QDialog):
    saved = Signal(object)  # Changes
    notice = Signal(str)  # something the person at the shelf should know (already translated)

    def __init__(
        self,
        ctx: AppContext,
        action: StockAction,
        part: PartDTO,
        outlet: OutletDTO,
        *,
        level: StockLevel | None = None,
        outlets: list[OutletDTO] | None = None,
        suppliers: list[tuple[int, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self.action, self._part, self._outlet = ctx, action, part, outlet
        titles = {
            StockAction.RECEIVE: self.tr("Receive stock"),
            StockAction.ADJUST: self.tr("Adjust stock"),
            StockAction.SCRAP: self.tr("Scrap stock"),
            StockAction.TRANSFER: self.tr("Transfer to another outlet"),
            StockAction.LEVELS: self.tr("Shelf and reorder levels"),
        }
        self.setWindowTitle(f"{titles[action]} – {part.sku}")
        on_hand = level.on_hand if level is not None else 0
        head = QLabel(
            self.tr("{name}<br>{outlet}: {on_hand} {unit} on hand").format(
                name=escape(part.name),
                outlet=escape(outlet.name),
                on_hand=on_hand,
                unit=escape(part.unit),
            )
        )
        head.setWordWrap(True)
        self.quantity = QLineEdit(self)
        self.quantity.setMaxLength(12)
        self.unit_cost = QLineEdit(str(part.cost_price), self)
        self.unit_cost.setMaxLength(16)
        self.supplier = QComboBox(self)
        self.supplier.addItem(self.tr("(none)"), None)
        for supplier_id, name in suppliers or []:
            self.supplier.addItem(name, supplier_id)
        if part.supplier_id is not None:
            self.supplier.setCurrentIndex(max(0, self.supplier.findData(part.supplier_id)))
        self.to_outlet = QComboBox(self)
        for other in outlets or []:
            if other.id != outlet.id:
                self.to_outlet.addItem(f"{other.code} – {other.name}", other.id)
        self.reason = multiline(3, self)
        self.bin = QLineEdit(level.bin if level else "", self)
        self.bin.setMaxLength(40)
        self.min_level = QLineEdit(str(level.min_level) if level else "0", self)
        self.reorder_qty = QLineEdit(str(level.reorder_qty) if level else "0", self)
        rows: list[tuple[str, QWidget]]
        if action is StockAction.RECEIVE:
            rows = [
                (self.tr("&Quantity"), self.quantity),
                (self.tr("Unit &cost"), self.unit_cost),
                (self.tr("&Supplier"), self.supplier),
                (self.tr("&Note (delivery note, invoice)"), self.reason),
            ]
        elif action is StockAction.ADJUST:
            self.quantity.setPlaceholderText(self.tr("+3 found, -2 damaged"))
            rows = [(self.tr("&Change"), self.quantity), (self.tr("&Reason"), self.reason)]
        elif action is StockAction.SCRAP:
            rows = [(self.tr("&Quantity"), self.quantity), (self.tr("&Reason"), self.reason)]
        elif action is StockAction.TRANSFER:
            rows = [
                (self.tr("&Quantity"), self.quantity),
                (self.tr("&To outlet"), self.to_outlet),
                (self.tr("&Note"), self.reason),
            ]
        else:
            rows = [
                (self.tr("&Bin location"), self.bin),
                (self.tr("&Minimum level (reorder point)"), self.min_level),
                (self.tr("&Reorder quantity"), self.reorder_qty),
            ]
        form = QFormLayout()
        add_rows(form, rows, self)
        self.error = QLabel(self)
        self.errors = FormErrors(
            self.error,
            {
                "Quantity": self.quantity,
                "Unit cost": self.unit_cost,
                "Supplier": self.supplier,
                "Reason": self.reason,
                "Bin location": self.bin,
                "Minimum level": self.min_level,
                "Reorder quantity": self.reorder_qty,
            },
        )
        buttons = save_cancel_buttons(self, self.submit)
        self.save_button = buttons.button(buttons.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(440, 0)

    def work(self) -> Callable[[], tuple[Any, ...]]:
        """The service call for what the form says (read on the UI thread, run on the worker)."""
        stock, actor = self._ctx.services.stock, self._ctx.actor
        part_id, outlet_id = self._part.id, self._outlet.id
        qty, reason = self.quantity.text(), self.reason.toPlainText()
        if self.action is StockAction.RECEIVE:
            cost, supplier = self.unit_cost.text(), self.supplier.currentData()

            def receive() -> tuple[Any, Any]:
                level, changes = stock.receive(
                    actor, part_id, qty, cost, supplier_id=supplier, outlet_id=outlet_id,
                    reason=reason,
                )  # fmt: skip
                # Which repairs waiting for this part can now go on (told to the person at the shelf).
                ready = [w.number for w in stock.waiting_for(actor, part_id, outlet_id) if w.ready]
                return level, changes, ready

            return receive
        if self.action is StockAction.ADJUST:
            return lambda: stock.adjust(actor, part_id, qty, reason, outlet_id=outlet_id)
        if self.action is StockAction.SCRAP:
            return lambda: stock.scrap(actor, part_id, qty, reason, outlet_id=outlet_id)
        if self.action is StockAction.TRANSFER:
            target = self.to_outlet.currentData()
            return lambda: stock.send_transfer(
                actor, part_id, qty, target, from_outlet_id=outlet_id, note=reason
            )
        shelf, minimum, reorder = self.bin.text(), self.min_level.text(), self.reorder_qty.text()
        return lambda: stock.set_levels(
            actor, part_id, min_level=minimum, reorder_qty=reorder, bin_location=shelf,
            outlet_id=outlet_id,
        )  # fmt: skip

    def submit(self) -> None:
        if self.action is StockAction.TRANSFER and self.to_outlet.currentData() is None:
            self.errors.say(self.tr("There is no other outlet to send parts to."), self.to_outlet)
            return
        self.errors.clear()
        self.save_button.setEnabled(False)
        self._ctx.runner.run(self.work(), self._saved, self._failed)

    def _saved(self, result: tuple[Any, ...]) -> None:
        changes = result[1]
        ready = result[2] if len(result) > 2 else []
        if ready:
            self.notice.emit(
                self.tr(
                    "Booked in. Repairs waiting for this part can now continue: {orders}"
                ).format(orders=", ".join(ready))
            )
        self._ctx.bus.publish(changes)
        self.saved.emit(changes)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc, self)
