"""Suppliers (供应商): the list with contact and lead time, and a form to add or change one.
Saves go through the catalogue service on the worker; a rule error stays in the form with its
field outlined, and nothing is saved."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Permission
from ...core.changes import Changes
from ...core.parts.catalogue import SupplierDTO, SupplierInput
from ..context import AppContext
from ..errors import show_error
from ..settings.forms import FormErrors, add_rows, allow_button, save_cancel_buttons
from ..table_model import RowsModel, row_table

MAX_LEAD_DAYS = 365


class SupplierDialog(QDialog):
    """One supplier's name, contact person, phone, e-mail and lead time in days."""

    saved = Signal(int)  # the supplier's id

    def __init__(
        self, ctx: AppContext, supplier: SupplierDTO | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx, self._supplier = ctx, supplier
        self.setWindowTitle(
            self.tr("New supplier")
            if supplier is None
            else self.tr("Edit supplier – {name}").format(name=supplier.name)
        )
        self.name = QLineEdit(self)
        self.contact = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.email = QLineEdit(self)
        self.lead_time = QSpinBox(self)
        self.lead_time.setRange(0, MAX_LEAD_DAYS)
        self.lead_time.setValue(7)
        self.lead_time.setSuffix(self.tr(" days"))
        form = QFormLayout()
        add_rows(
            form,
            [
                (self.tr("&Name"), self.name),
                (self.tr("&Contact person"), self.contact),
                (self.tr("&Phone"), self.phone),
                (self.tr("&E-mail"), self.email),
                (self.tr("&Lead time"), self.lead_time),
            ],
            self,
        )
        self.error = QLabel(self)
        self.errors = FormErrors(
            self.error,
            {
                "Supplier name": self.name,
                "Contact": self.contact,
                "Phone": self.phone,
                "E-mail": self.email,
                "Lead time (days)": self.lead_time,
            },
        )
        buttons = save_cancel_buttons(self, self.submit)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if supplier is not None:
            self.name.setText(supplier.name)
            self.contact.setText(supplier.contact)
            self.phone.setText(supplier.phone)
            self.email.setText(supplier.email)
            self.lead_time.setValue(supplier.lead_time_days)
        self.resize(420, 0)

    def input(self) -> SupplierInput:
        return SupplierInput(
            name=self.name.text(),
            contact=self.contact.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            lead_time_days=self.lead_time.value(),
        )

    def submit(self) -> None:
        data, supplier = self.input(), self._supplier
        catalogue, actor = self._ctx.services.catalogue, self._ctx.actor
        if supplier is None:
            work = lambda: catalogue.create_supplier(actor, data)  # noqa: E731
        else:
            work = lambda: catalogue.update_supplier(  # noqa: E731
                actor, supplier.id, supplier.version, data
            )
        self.errors.clear()
        self.save_button.setEnabled(False)
        self._ctx.runner.run(work, self._saved, self._failed)

    def _saved(self, result: tuple[int | SupplierDTO, Changes]) -> None:
        saved, changes = result  # create gives the id, update the supplier
        self._ctx.bus.publish(changes)
        self.saved.emit(saved if isinstance(saved, int) else saved.id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc, self)


class SuppliersDialog(QDialog):
    """Every supplier (retired ones marked); managers add and edit them here."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("Suppliers"))
        self.can_manage = ctx.actor.can(Permission.MANAGE_STOCK)
        why_not = self.tr("Only a manager or an admin may change suppliers.")
        self.model: RowsModel[SupplierDTO] = RowsModel(
            [
                (self.tr("Name"), self._name),
                (self.tr("Contact"), lambda s: s.contact),
                (self.tr("Phone"), lambda s: s.phone),
                (self.tr("E-mail"), lambda s: s.email),
                (self.tr("Lead time (days)"), lambda s: str(s.lead_time_days)),
            ],
            self,
            numeric=frozenset({4}),
        )
        self.table = row_table(self.model, self, stretch=0)
        self.count_label = QLabel(self)
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        allow_button(self.add_button, self.can_manage, why_not)
        allow_button(self.edit_button, self.can_manage, why_not)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.count_label, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.activated.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self._enable()
        self.resize(760, 440)
        self.reload()

    def _name(self, supplier: SupplierDTO) -> str:
        if supplier.active:
            return supplier.name
        return self.tr("{name} (no longer used)").format(name=supplier.name)

    def reload(self, select_id: int | None = None) -> None:
        catalogue, actor = self._ctx.services.catalogue, self._ctx.actor
        self._ctx.runner.run(
            lambda: catalogue.suppliers(actor, include_inactive=True),
            lambda rows: self._show(rows, select_id),
            lambda exc: show_error(self, exc),
        )

    def _show(self, rows: list[SupplierDTO], select_id: int | None) -> None:
        keep = select_id if select_id is not None else getattr(self.selected(), "id", None)
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n suppliers", "", len(rows)))
        ids = [s.id for s in rows]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        elif rows:
            self.table.selectRow(0)
        self._enable()

    def selected(self) -> SupplierDTO | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _enable(self) -> None:
        self.edit_button.setEnabled(self.can_manage and self.selected() is not None)

    def add(self) -> SupplierDialog | None:
        if not self.can_manage:
            return None
        dialog = SupplierDialog(self._ctx, None, self)
        dialog.saved.connect(self.reload)
        self.open_dialog(dialog)
        return dialog

    def edit_selected(self) -> SupplierDialog | None:
        supplier = self.selected()
        if not self.can_manage or supplier is None:
            return None
        dialog = SupplierDialog(self._ctx, supplier, self)
        dialog.saved.connect(self.reload)
        self.open_dialog(dialog)
        return dialog

    def open_dialog(self, dialog: QWidget) -> None:
        dialog.open()  # type: ignore[attr-defined]
