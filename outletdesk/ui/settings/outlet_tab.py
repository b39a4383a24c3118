"""The Outlet tab: the signed-in outlet's details (printed on receipts) and the list of outlets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Permission
from ...core.changes import Changes
from ...core.outlets import F_ADDRESS, F_CODE, F_NAME, F_PHONE, F_TAX, OutletDTO, OutletInput
from ..context import AppContext
from ..errors import show_error
from .forms import FormErrors, add_rows, allow_button, multiline, save_cancel_buttons, status_label


class OutletForm(QWidget):
    """Code, name, address, phone and tax number of one outlet (used by the tab and the dialog)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        # No maxLength on any field: it would cut what is typed and save the cut text; the
        # service refuses what is too long, naming the field.
        self.code = QLineEdit(self)
        self.name = QLineEdit(self)
        self.address = multiline(2, self)
        self.phone = QLineEdit(self)
        self.tax_number = QLineEdit(self)
        add_rows(
            form,
            (
                (self.tr("&Code:"), self.code),
                (self.tr("&Name:"), self.name),
                (self.tr("A&ddress:"), self.address),
                (self.tr("P&hone:"), self.phone),
                (self.tr("&Tax number:"), self.tax_number),
            ),
            self,
        )
        self.tax_number.setToolTip(self.tr("Printed on receipts"))
        self.error = QLabel(self)
        form.addRow(self.error)
        self.errors = FormErrors(
            self.error,
            {
                F_CODE: self.code,
                F_NAME: self.name,
                F_ADDRESS: self.address,
                F_PHONE: self.phone,
                F_TAX: self.tax_number,
            },
        )

    def load(self, outlet: OutletDTO) -> None:
        self._loading = True  # filling the address box reports a change: not an edit
        try:
            self.code.setText(outlet.code)
            self.name.setText(outlet.name)
            self.address.setPlainText(outlet.address)
            self.phone.setText(outlet.phone)
            self.tax_number.setText(outlet.tax_number)
        finally:
            self._loading = False
        self.errors.clear()

    def value(self) -> OutletInput:
        return OutletInput(
            code=self.code.text(),
            name=self.name.text(),
            address=self.address.toPlainText(),
            phone=self.phone.text(),
            tax_number=self.tax_number.text(),
        )

    def _line_edits(self) -> tuple[QLineEdit, ...]:
        return (self.code, self.name, self.phone, self.tax_number)

    def set_editable(self, editable: bool) -> None:
        for edit in self._line_edits():
            edit.setReadOnly(not editable)
        self.address.setReadOnly(not editable)

    def watch(self, slot: Callable[[], None]) -> None:
        """Calls `slot` when someone edits a field (not when `load` fills them)."""

        def edited(*_args: object) -> None:
            if not self._loading:
                slot()

        for edit in self._line_edits():
            edit.textEdited.connect(edited)
        self.address.textChanged.connect(edited)


class OutletDialog(QDialog):
    """Adds an outlet; `submit()` saves through the service and accepts on success."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: OutletDTO | None = None
        self.setWindowTitle(self.tr("Add outlet"))
        layout = QVBoxLayout(self)
        self.form = OutletForm(self)
        layout.addWidget(self.form)
        layout.addWidget(save_cancel_buttons(self, self.submit))
        self.resize(480, self.sizeHint().height())

    def submit(self) -> None:
        self.form.errors.clear()
        data, actor, services = self.form.value(), self.ctx.actor, self.ctx.services
        self.ctx.runner.run(
            lambda: services.outlets.create(actor, data),
            self._created,
            self.form.errors.shower(self),
            parent=self,
        )

    def _created(self, result: tuple[OutletDTO, Changes]) -> None:
        self.created, changes = result
        self.accept()
        self.ctx.bus.publish(changes)


class OutletTab(QWidget):
    """The signed-in outlet's details (printed on receipts) and the list of all outlets."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.outlet: OutletDTO | None = None
        self.dialog: OutletDialog | None = None
        self._dirty = False
        may_edit = ctx.actor.can(Permission.MANAGE_OUTLETS)
        layout = QHBoxLayout(self)

        details = QGroupBox(self.tr("This outlet"), self)
        details_layout = QVBoxLayout(details)
        self.notice = QLabel(details)
        self.notice.setWordWrap(True)
        details_layout.addWidget(self.notice)
        self.form = OutletForm(details)
        self.form.set_editable(may_edit)
        self.form.watch(self._edited)
        details_layout.addWidget(self.form)
        save_row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save outlet details"), details)
        self.save_button.clicked.connect(self.save)
        allow_button(
            self.save_button,
            may_edit,
            self.tr("Only an administrator or outlet manager can change outlet details."),
        )
        save_row.addWidget(self.save_button)
        self.status = status_label(details)
        save_row.addWidget(self.status, 1)
        details_layout.addLayout(save_row)
        details_layout.addStretch(1)
        layout.addWidget(details, 3)

        all_box = QGroupBox(self.tr("All outlets"), self)
        all_layout = QVBoxLayout(all_box)
        self.table = QTableWidget(0, 2, all_box)
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("All outlets"))
        all_layout.addWidget(self.table)
        self.add_button = QPushButton(self.tr("&Add outlet…"), all_box)
        self.add_button.clicked.connect(self.add_outlet)
        self.add_button.setVisible(may_edit)
        all_layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(all_box, 2)

    def reload(self) -> None:
        outlet_id, services = self.ctx.actor.outlet_id, self.ctx.services

        def work() -> tuple[OutletDTO | None, list[OutletDTO]]:
            mine = services.outlets.get(outlet_id) if outlet_id is not None else None
            return mine, services.outlets.list(include_inactive=True)

        self.ctx.runner.run(work, self._loaded, lambda exc: show_error(self, exc), parent=self)

    def _loaded(self, result: tuple[OutletDTO | None, list[OutletDTO]]) -> None:
        mine, outlets = result
        self.table.setRowCount(len(outlets))
        for row, outlet in enumerate(outlets):
            name = (
                outlet.name
                if outlet.active
                else self.tr("{name} (closed)").format(name=outlet.name)
            )
            for column, text in enumerate((outlet.code, name)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        if mine is None:
            self.notice.setText(self.tr("You are not signed in at an outlet."))
            self.form.setEnabled(False)
            self.save_button.setEnabled(False)
            return
        notice = self.tr("These details are printed at the top of every receipt.")
        if not self.ctx.actor.can(Permission.MANAGE_OUTLETS):
            notice += "\n" + self.tr("Only an administrator or outlet manager can change them.")
        self.notice.setText(notice)
        if not self._dirty:  # never overwrite what someone is typing; the version check guards
            self.outlet = mine
            self.form.load(mine)

    def _edited(self) -> None:
        self._dirty = True
        self.status.clear()

    def save(self) -> None:
        if self.outlet is None or not self.save_button.isEnabled():
            return
        self.form.errors.clear()
        self.status.clear()
        actor, services, current = self.ctx.actor, self.ctx.services, self.outlet
        data = self.form.value()
        self.ctx.runner.run(
            lambda: services.outlets.update(actor, current.id, current.version, data),
            self._saved,
            self.form.errors.shower(self),
            parent=self,
        )

    def _saved(self, result: tuple[OutletDTO, Changes]) -> None:
        self.outlet, changes = result
        self.form.load(self.outlet)
        self._dirty = False
        self.status.setText(self.tr("Saved."))
        self.ctx.bus.publish(changes)  # reloads this tab too; loading the form keeps the note

    def add_outlet(self) -> OutletDialog:
        self.dialog = OutletDialog(self.ctx, self)
        self.dialog.open()
        return self.dialog
