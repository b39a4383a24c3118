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

PHONE_FIELDS = min(3, MAX_PHONES)  # shown even when the customer has fewer numbers
_ERROR_STYLE = "border: 1px solid #c0392b;"


def phone_field_count(customer: CustomerDTO | None) -> int:
    """PHONE_FIELDS, or as many as the customer has (the service allows up to MAX_PHONES)."""
    return max(PHONE_FIELDS, len(customer.phones) if customer is not None else 0)


class CustomerDialog(QDialog):
    saved = Signal(object)  # CustomerDTO

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
        self.name.setMaxLength(120)
        # One field per stored number, so saving never drops a customer's 4th or 5th phone.
        self.phones = [QLineEdit() for _ in range(phone_field_count(customer))]
        for edit in self.phones:
            edit.setMaxLength(40)
            edit.setPlaceholderText("138 0013 8000")
        self.email = QLineEdit()
        self.email.setMaxLength(254)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()

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
        layout.addWidget(buttons)
        self._field_widgets: dict[str, QWidget] = {
            "Name": self.name,
            "Phone": self.phones[0],
            "E-mail": self.email,
            "Notes": self.notes,
        }
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

    def submit(self) -> None:
        """Save through the service on the worker; the dialog closes only when the save succeeded."""
        data = self.input()
        services, actor = self._ctx.services, self._ctx.actor
        customer = self._customer
        if customer is None:
            work = lambda: services.customers.create(actor, data)  # noqa: E731
        else:
            work = lambda: services.customers.update(actor, customer.id, customer.version, data)  # noqa: E731
        self.save_button.setEnabled(False)
        self._ctx.runner.run(work, self._saved, self._failed)

    def _saved(self, result: tuple[CustomerDTO, object]) -> None:
        customer, changes = result
        self._ctx.bus.publish(changes)  # type: ignore[arg-type]
        self.saved.emit(customer)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        for widget in self._field_widgets.values():
            widget.setStyleSheet("")
        if isinstance(exc, ValidationError):
            widget = self._field_widgets.get(exc.field)
            if widget is not None:
                widget.setStyleSheet(_ERROR_STYLE)
                widget.setFocus()
            self.error.setText(error_text(exc))
            self.error.show()
        elif isinstance(exc, StaleRecord):
            self._warn(error_text(exc))
        else:
            show_error(self, exc)

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), text)
