"""The store room's stock actions on one part at one location of an outlet (its main store, a van
or a second room): receive, adjust, scrap, move to another of the outlet's locations, transfer to
another outlet, shelf and reorder levels. Each saves through the stock service on the worker; a rule error stays
in the form with its field outlined, and nothing is saved. Scrap, move and transfer show what
orders awaiting parts hold there and take no more than the rest."""

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

from ...core.errors import ValidationError
from ...core.outlets import OutletDTO
from ...core.parts.catalogue import PartDTO, unit_word
from ...core.parts.ledger import place_label
from ...core.parts.locations import LocationDTO
from ...core.parts.stock import HeldStock, StockLevel
from ..context import AppContext
from ..errors import translate_core
from ..i18n import listed
from ..settings.forms import FormErrors, add_rows, grow_to_fit, multiline, save_cancel_buttons
from .locations import location_label

ORDERS_SHOWN = 3  # order numbers named in the form's heading; more are shown as " …"


class StockAction(enum.Enum):
    RECEIVE = "receive"
    ADJUST = "adjust"
    SCRAP = "scrap"
    MOVE = "move"
    TRANSFER = "transfer"
    LEVELS = "levels"


TAKING = (StockAction.SCRAP, StockAction.MOVE, StockAction.TRANSFER)  # held stock stays


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
        location: LocationDTO | None = None,
        locations: list[LocationDTO] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`location`: where the stock is (None: the outlet's main store); `locations`: the
        outlet's locations in use, to move to."""
        super().__init__(parent)
        self._ctx, self.action, self._part, self._outlet = ctx, action, part, outlet
        self._location_id = location.id if location is not None else None
        self._main = location is None or location.main
        titles = {
            StockAction.RECEIVE: self.tr("Receive stock"),
            StockAction.ADJUST: self.tr("Adjust stock"),
            StockAction.SCRAP: self.tr("Scrap stock"),
            StockAction.MOVE: self.tr("Move to another location"),
            StockAction.TRANSFER: self.tr("Transfer to another outlet"),
            StockAction.LEVELS: self.tr("Shelf and reorder levels"),
        }
        self.setWindowTitle(f"{titles[action]} – {part.sku}")
        self._where = place_label(
            outlet.name, location.name if location is not None else None, self._main
        )
        self.held: HeldStock | None = None  # what orders awaiting parts hold there, once read
        self.head = head = QLabel(self)
        head.setWordWrap(True)
        self._show_head(HeldStock(level.on_hand if level is not None else 0, 0))
        self.quantity = QLineEdit(self)
        self.unit_cost = QLineEdit(str(part.cost_price), self)
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
        self.to_location = QComboBox(self)
        for other in locations or []:
            if other.id != self._location_id and not (self._location_id is None and other.main):
                self.to_location.addItem(location_label(other, self.tr("Main store")), other.id)
        self.reason = multiline(3, self)
        self.bin = QLineEdit(level.bin if level else "", self)
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
        elif action is StockAction.MOVE:
            rows = [
                (self.tr("&Quantity"), self.quantity),
                (self.tr("&To location"), self.to_location),
                (self.tr("&Note"), self.reason),
            ]
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
        used = {id(widget) for _label, widget in rows}
        for widget in (
            self.quantity,
            self.unit_cost,
            self.supplier,
            self.to_outlet,
            self.to_location,
            self.reason,
            self.bin,
            self.min_level,
            self.reorder_qty,
        ):
            widget.setVisible(id(widget) in used)  # the other actions' fields stay out of sight
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
        if action in TAKING:
            self.load_held()

    def load_held(self) -> None:
        """Read on the worker what is there and what orders awaiting parts hold of it."""
        stock, actor = self._ctx.services.stock, self._ctx.actor
        part_id, outlet_id, where = self._part.id, self._outlet.id, self._location_id
        self._ctx.runner.run(
            lambda: stock.held(actor, part_id, outlet_id, location_id=where),
            self.show_held,
            self.errors.shower(self),
        )

    def show_held(self, here: HeldStock) -> None:
        """Say how much is held and free. A quantity above the free amount is typed as any other
        (a key silently refused read as a broken field); the service's refusal says why."""
        self.held = here
        self._show_head(here)
        free = self.tr("1 to {free}").format(free=here.free) if here.free > 0 else ""
        self.quantity.setPlaceholderText(free)

    def _show_head(self, here: HeldStock) -> None:
        where = self.tr("{outlet}: {on_hand} {unit} on hand").format(
            outlet=self._where,
            on_hand=here.on_hand,
            unit=unit_word(self._part.unit, translate_core),
        )
        if here.held:
            orders = listed(here.orders[:ORDERS_SHOWN])
            if len(here.orders) > ORDERS_SHOWN:
                orders += " …"
            where = self.tr(
                "{outlet}: {on_hand} {unit} on hand, {held} held for orders awaiting parts "
                "({orders}); {free} free"
            ).format(
                outlet=self._where, on_hand=here.on_hand, unit=unit_word(self._part.unit, translate_core), held=here.held,
                orders=orders, free=here.free,
            )  # fmt: skip
        self.head.setText(f"{escape(self._part.name)}<br>{escape(where)}")
        grow_to_fit(self)  # a longer heading wraps: the fields keep their room

    def work(self) -> Callable[[], tuple[Any, ...]]:
        """The service call for what the form says (read on the UI thread, run on the worker)."""
        stock, actor = self._ctx.services.stock, self._ctx.actor
        part_id, outlet_id, where = self._part.id, self._outlet.id, self._location_id
        qty, reason, main = self.quantity.text(), self.reason.toPlainText(), self._main
        if self.action is StockAction.RECEIVE:
            cost, supplier = self.unit_cost.text(), self.supplier.currentData()

            def receive() -> tuple[Any, Any]:
                level, changes = stock.receive(
                    actor, part_id, qty, cost, supplier_id=supplier, outlet_id=outlet_id,
                    location_id=where, reason=reason,
                )  # fmt: skip
                # Which repairs waiting for this part can now go on (told to the person at the
                # shelf); repairs take their parts from the main store.
                waiting = stock.waiting_for(actor, part_id, outlet_id) if main else []
                return level, changes, [w.number for w in waiting if w.ready]

            return receive
        if self.action is StockAction.ADJUST:
            return lambda: stock.adjust(
                actor, part_id, qty, reason, outlet_id=outlet_id, location_id=where
            )
        if self.action is StockAction.SCRAP:
            return lambda: stock.scrap(
                actor, part_id, qty, reason, outlet_id=outlet_id, location_id=where
            )
        if self.action is StockAction.MOVE:
            source, to_location = where, self.to_location.currentData()
            assert source is not None  # submit() asks for a location first
            return lambda: stock.move(actor, part_id, qty, source, to_location, reason)
        if self.action is StockAction.TRANSFER:
            target = self.to_outlet.currentData()
            return lambda: stock.send_transfer(
                actor, part_id, qty, target, from_outlet_id=outlet_id, from_location_id=where,
                note=reason,
            )  # fmt: skip
        shelf, minimum, reorder = self.bin.text(), self.min_level.text(), self.reorder_qty.text()
        return lambda: stock.set_levels(
            actor, part_id, min_level=minimum, reorder_qty=reorder, bin_location=shelf,
            outlet_id=outlet_id, location_id=where,
        )  # fmt: skip

    def submit(self) -> None:
        if self.action is StockAction.TRANSFER and self.to_outlet.currentData() is None:
            self.errors.say(self.tr("There is no other outlet to send parts to."), self.to_outlet)
            return
        if self.action is StockAction.MOVE and (
            self._location_id is None or self.to_location.currentData() is None
        ):
            self.errors.say(
                self.tr(
                    "This outlet has no other location. Add a van or a second store room with "
                    "Locations… first."
                ),
                self.to_location,
            )
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
                ).format(orders=listed(ready))
            )
        self._ctx.bus.publish(changes)
        self.saved.emit(changes)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc, self)
        if self.action in TAKING and isinstance(exc, ValidationError):
            self.load_held()  # someone took or held some meanwhile: show what is free now
