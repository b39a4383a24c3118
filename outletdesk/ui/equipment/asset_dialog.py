"""An asset in the register: what it is, where it stands, whose it is (the outlet's own, or a
customer's under a service contract), how it was bought and accepted."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Permission
from ...core.customers import CustomerSearchResult
from ...core.equipment.register import AssetDTO, AssetInput, CategoryDTO
from ...core.outlets import OutletDTO
from ..context import AppContext
from ..errors import show_error
from ..settings.forms import FormErrors, add_rows, multiline, save_cancel_buttons

DATE_HINT = "YYYY-MM-DD"
OWN = 0  # the owner picker's "the outlet itself"
SEARCH_DELAY_MS = 200
CUSTOMERS_LISTED = 30


def _day(value: object) -> str:
    return "" if value is None else str(value)


class AssetDialog(QDialog):
    saved = Signal(object)  # AssetDTO

    def __init__(
        self,
        ctx: AppContext,
        asset: AssetDTO | None,
        categories: list[CategoryDTO],
        outlets: list[OutletDTO],
        suppliers: list[tuple[int, str]],
        outlet_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._asset = ctx, asset
        self.setWindowTitle(
            self.tr("New asset")
            if asset is None
            else self.tr("Edit asset – {tag}").format(tag=asset.tag)
        )
        self.name = QLineEdit(self)
        self.category = QComboBox(self)
        for c in categories:
            self.category.addItem(c.name, c.id)
        self.outlet = QComboBox(self)
        for o in outlets:
            self.outlet.addItem(f"{o.code} – {o.name}", o.id)
        self.outlet.setCurrentIndex(max(0, self.outlet.findData(outlet_id)))
        self.location = QLineEdit(self)
        self.location.setPlaceholderText(self.tr("bench 2, back room"))
        self.make = QLineEdit(self)
        self.model = QLineEdit(self)
        self.serial = QLineEdit(self)
        self.supplier = QComboBox(self)
        self.supplier.addItem(self.tr("(none)"), None)
        for supplier_id, supplier_name in suppliers:
            self.supplier.addItem(supplier_name, supplier_id)
        self.purchase_date = QLineEdit(self)
        self.purchase_cost = QLineEdit(self)
        self.warranty_end = QLineEdit(self)
        self.accepted_on = QLineEdit(self)
        for edit in (self.purchase_date, self.warranty_end, self.accepted_on):
            edit.setPlaceholderText(DATE_HINT)
        self.accepted_by = QLineEdit(self)
        self.acceptance_result = QComboBox(self)
        self.acceptance_result.addItem(self.tr("(not recorded)"), "")
        self.acceptance_result.addItem(self.tr("Passed"), "passed")
        self.acceptance_result.addItem(self.tr("Failed"), "failed")
        self.acceptance_notes = multiline(2, self)
        self.notes = multiline(2, self)
        self.owner = QComboBox(self)
        self.owner.addItem(self.tr("The outlet (its own equipment)"), OWN)
        self.owner.setToolTip(
            self.tr("A customer's equipment kept in service under a contract belongs to them")
        )
        self.owner_search = QLineEdit(self)
        self.owner_search.setClearButtonEnabled(True)
        self.owner_search.setPlaceholderText(self.tr("Find a customer by name or phone"))
        self._owner_seq = 0
        self._owner_timer = QTimer(self)
        self._owner_timer.setSingleShot(True)
        self._owner_timer.setInterval(SEARCH_DELAY_MS)
        self._owner_timer.timeout.connect(self.find_owner)
        self.owner_search.textChanged.connect(lambda _t: self._owner_timer.start())
        self.owner_search.returnPressed.connect(self.find_owner)
        self.owner_search.setVisible(ctx.actor.can(Permission.VIEW_CUSTOMERS))
        owner_row = QWidget(self)
        owner_row.setFocusProxy(self.owner)  # the label's mnemonic goes to the picker
        owner_layout = QHBoxLayout(owner_row)
        owner_layout.setContentsMargins(0, 0, 0, 0)
        owner_layout.addWidget(self.owner, 1)
        owner_layout.addWidget(self.owner_search, 1)

        left, right = QFormLayout(), QFormLayout()
        add_rows(
            left,
            [
                (self.tr("&Name"), self.name),
                (self.tr("&Category"), self.category),
                (self.tr("&Outlet"), self.outlet),
                (self.tr("&Location"), self.location),
                (self.tr("&Make"), self.make),
                (self.tr("Mo&del"), self.model),
                (self.tr("&Serial number"), self.serial),
                (self.tr("O&wner"), owner_row),
                (self.tr("No&tes"), self.notes),
            ],
            self,
        )
        add_rows(
            right,
            [
                (self.tr("Su&pplier"), self.supplier),
                (self.tr("P&urchase date"), self.purchase_date),
                (self.tr("Purchase c&ost"), self.purchase_cost),
                (self.tr("&Warranty end"), self.warranty_end),
                (self.tr("&Accepted on"), self.accepted_on),
                (self.tr("Accepted &by"), self.accepted_by),
                (self.tr("Acceptance &result"), self.acceptance_result),
                (self.tr("Acceptance notes"), self.acceptance_notes),
            ],
            self,
        )
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        self.error = QLabel(self)
        self.errors = FormErrors(
            self.error,
            {
                "Name": self.name,
                "Category": self.category,
                "Outlet": self.outlet,
                "Location": self.location,
                "Make": self.make,
                "Model": self.model,
                "Serial number": self.serial,
                "Supplier": self.supplier,
                "Customer": self.owner,
                "Purchase date": self.purchase_date,
                "Purchase cost": self.purchase_cost,
                "Warranty end": self.warranty_end,
                "Accepted on": self.accepted_on,
                "Accepted by": self.accepted_by,
                "Acceptance result": self.acceptance_result,
                "Notes": self.notes,
            },
        )
        buttons = save_cancel_buttons(self, self.submit)
        self.save_button = buttons.button(buttons.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if asset is not None:
            self._fill(asset)
        self.resize(820, 0)

    def _fill(self, asset: AssetDTO) -> None:
        self.name.setText(asset.name)
        if self.category.findData(asset.category_id) < 0:  # a retired category stays chosen
            self.category.addItem(asset.category, asset.category_id)
        self.category.setCurrentIndex(self.category.findData(asset.category_id))
        self.outlet.setCurrentIndex(max(0, self.outlet.findData(asset.outlet_id)))
        self.location.setText(asset.location)
        self.make.setText(asset.make)
        self.model.setText(asset.model)
        self.serial.setText(asset.serial)
        self.supplier.setCurrentIndex(max(0, self.supplier.findData(asset.supplier_id)))
        self.purchase_date.setText(_day(asset.purchase_date))
        self.purchase_cost.setText(_day(asset.purchase_cost))
        self.warranty_end.setText(_day(asset.warranty_end))
        self.accepted_on.setText(_day(asset.accepted_on))
        self.accepted_by.setText(asset.accepted_by)
        self.acceptance_result.setCurrentIndex(
            max(0, self.acceptance_result.findData(asset.acceptance_result))
        )
        self.acceptance_notes.setPlainText(asset.acceptance_notes)
        self.notes.setPlainText(asset.notes)
        if asset.customer_id is not None:
            self.owner.addItem(asset.customer_name, asset.customer_id)
            self.owner.setCurrentIndex(1)

    def find_owner(self) -> None:
        """Customers matching the text join the owner picker; the one chosen stays."""
        self._owner_timer.stop()
        self._owner_seq += 1
        seq, text = self._owner_seq, self.owner_search.text()
        if not text.strip():
            return
        customers, actor = self._ctx.services.customers, self._ctx.actor
        self._ctx.runner.run(
            lambda: customers.search(actor, text, limit=CUSTOMERS_LISTED),
            lambda result: self._owners_found(seq, result),
            lambda exc: show_error(self, exc),
        )

    def _owners_found(self, seq: int, result: CustomerSearchResult) -> None:
        if seq != self._owner_seq:
            return
        chosen = self.owner.currentData()
        keep = [(self.owner.itemText(i), self.owner.itemData(i)) for i in range(self.owner.count())
                if self.owner.itemData(i) in (OWN, chosen)]  # fmt: skip
        self.owner.clear()
        for text, data in keep:
            self.owner.addItem(text, data)
        for c in result.rows:
            if c.id != chosen:
                phone = f" · {c.phones[0]}" if c.phones else ""
                self.owner.addItem(f"{c.name}{phone}", c.id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(chosen)))

    def input(self) -> AssetInput:
        return AssetInput(
            name=self.name.text(),
            category_id=self.category.currentData() or 0,
            outlet_id=self.outlet.currentData() or 0,
            make=self.make.text(),
            model=self.model.text(),
            serial=self.serial.text(),
            location=self.location.text(),
            customer_id=self.owner.currentData() or None,
            supplier_id=self.supplier.currentData(),
            purchase_date=self.purchase_date.text(),
            purchase_cost=self.purchase_cost.text(),
            warranty_end=self.warranty_end.text(),
            accepted_on=self.accepted_on.text(),
            accepted_by=self.accepted_by.text(),
            acceptance_result=self.acceptance_result.currentData() or "",
            acceptance_notes=self.acceptance_notes.toPlainText(),
            notes=self.notes.toPlainText(),
        )

    def submit(self) -> None:
        data, asset = self.input(), self._asset
        equipment, actor = self._ctx.services.equipment, self._ctx.actor
        if asset is None:
            work = lambda: equipment.create(actor, data)  # noqa: E731
        else:
            work = lambda: equipment.update(actor, asset.id, asset.version, data)  # noqa: E731
        self.errors.clear()
        self.save_button.setEnabled(False)
        self._ctx.runner.run(work, self._saved, self._failed)

    def _saved(self, result: tuple[AssetDTO, object]) -> None:
        asset, changes = result
        self._ctx.bus.publish(changes)  # type: ignore[arg-type]
        self.saved.emit(asset)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc, self)
