"""Create or edit a customer; field errors are shown beside the form and nothing is saved."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.customers import MAX_PHONES, CustomerDTO, CustomerInput
from ..core.errors import StaleRecord, ValidationError
from .context import AppContext
from .errors import error_text, show_error
from .same_phone import SamePhonePanel
from .settings.forms import FormErrors

PHONE_FIELDS = min(3, MAX_PHONES)  # shown even when the customer has fewer numbers


def phone_field_count(customer: CustomerDTO | None) -> int:
    """PHONE_FIELDS, or as many as the customer has (the service allows up to MAX_PHONES)."""
    return max(PHONE_FIELDS, len(customer.phones) if customer is not None else 0)


class CustomerDialog(QDialog):
    """No field has a maxLength: it would cut what is typed and save the cut text unseen; the
    service refuses what is too long, naming the field. A number already on file is warned about
    (families share phones): the clerk opens that customer or saves anyway."""

    saved = Signal(object)  # CustomerDTO
    open_existing = Signal(object)  # CustomerDTO the clerk chose instead of saving this one

    def __init__(
        self, ctx: AppContext, customer: CustomerDTO | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._customer = customer
        self.setWindowTitle(
            self.tr("New customer") if customer is None else self.tr("Edit customer")
        )
        self.name = QLineEdit()
        # One field per stored number, so saving never drops a customer's 4th or 5th phone.
        self.phones = [QLineEdit() for _ in range(phone_field_count(customer))]
        for edit in self.phones:
            edit.setPlaceholderText("138 0013 8000")
            edit.textEdited.connect(self._hide_same_phone)
        self.email = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.error = QLabel()
        self._build_same_phone()

        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Phone"), self.phones[0])
        for edit in self.phones[1:]:
            form.addRow(self.tr("Other phone"), edit)
        form.addRow(self.tr("&E-mail"), self.email)
        form.addRow(self.tr("N&otes"), self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.same_phone)
        layout.addWidget(buttons)
        self._field_widgets: dict[str, QWidget] = {
            "Name": self.name,
            "Phone": self.phones[0],
            "E-mail": self.email,
            "Notes": self.notes,
        }
        self.errors = FormErrors(self.error, self._field_widgets)
        if customer is not None:
            self.name.setText(customer.name)
            for edit, number in zip(self.phones, customer.phones, strict=False):
                edit.setText(number)
            self.email.setText(customer.email)
            self.notes.setPlainText(customer.notes)
        self.resize(460, 0)

    def input(self) -> CustomerInput:
        return CustomerInput(
            name=self.name.text(),
            phones=[edit.text() for edit in self.phones],
            email=self.email.text(),
            notes=self.notes.toPlainText(),
        )

    def _build_same_phone(self) -> None:
        self.same_phone = SamePhonePanel(self)
        self.same_phone_text = self.same_phone.text
        self.open_buttons = self.same_phone.open_buttons
        self.save_anyway_button = self.same_phone.save_anyway_button
        self.same_phone.save_anyway.connect(lambda: self.submit(confirmed=True))
        self.same_phone.open_requested.connect(self._open_existing)

    def submit(self, confirmed: bool = False) -> None:
        """Check the numbers, then save through the service on the worker; the dialog closes only
        when the save succeeded. `confirmed`: the clerk saw who else has the number."""
        data = self.input()
        services, actor = self._ctx.services, self._ctx.actor
        customer = self._customer
        self.save_button.setEnabled(False)
        self.save_anyway_button.setEnabled(False)
        if confirmed:
            self._save(data)
            return
        customer_id = customer.id if customer is not None else None
        self._ctx.runner.run(
            lambda: services.customers.with_same_phone(actor, data, customer_id),
            lambda others: self._checked(data, others),
            self._failed,
        )

    def _checked(self, data: CustomerInput, others: list[CustomerDTO]) -> None:
        if others:
            self._warn_same_phone(others)
        else:
            self._save(data)

    def _warn_same_phone(self, others: list[CustomerDTO]) -> None:
        self._clear_errors()
        self.save_button.setEnabled(True)
        self.same_phone.warn(others)

    def _hide_same_phone(self, *_args: object) -> None:
        self.same_phone.hide()

    def _open_existing(self, other: CustomerDTO) -> None:
        self.open_existing.emit(other)
        self.reject()

    def _save(self, data: CustomerInput) -> None:
        services, actor = self._ctx.services, self._ctx.actor
        customer = self._customer
        if customer is None:
            work = lambda: services.customers.create(actor, data)  # noqa: E731
        else:
            work = lambda: services.customers.update(actor, customer.id, customer.version, data)  # noqa: E731
        self._ctx.runner.run(work, self._saved, self._failed)

    def _saved(self, result: tuple[CustomerDTO, object]) -> None:
        customer, changes = result
        self._ctx.bus.publish(changes)  # type: ignore[arg-type]
        self.saved.emit(customer)
        self.accept()

    def _clear_errors(self) -> None:
        self.errors.clear()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.save_anyway_button.setEnabled(True)
        self._clear_errors()
        if isinstance(exc, ValidationError):
            self.same_phone.hide()
            self.errors.show(exc, self)  # cleared when the field is edited
        elif isinstance(exc, StaleRecord):
            self._warn(error_text(exc))
        else:
            show_error(self, exc)

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), text)
