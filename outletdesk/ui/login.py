"""Sign-in (remembering this seat's last user), outlet choice, and first-run set-up of an empty database."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import ValidationError
from .errors import error_text, show_error
from .i18n import tr_up_the_classes
from .tasks import TaskRunner

if TYPE_CHECKING:  # the sign-in dialog shows while the worker still imports SQLAlchemy
    from ..core.auth import Actor
    from ..core.outlets import OutletDTO
    from ..core.services import Services

LAST_USER_KEY = "login/last_user"
LAST_OUTLET_KEY = "login/last_outlet"


class _FormDialog(QDialog):
    """A form with an inline error line; work runs on the task runner."""

    tr = tr_up_the_classes

    def __init__(self, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.actor: Actor | None = None
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()

    def _show_error(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError) or type(exc).__module__.startswith("outletdesk.core"):
            self.error.setText(error_text(exc))
            self.error.show()
        else:
            show_error(self, exc)

    def _buttons(self, ok_text: str) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        return buttons

    def submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class LoginDialog(_FormDialog):
    """Shown before the database is open: names can be typed at once, Sign in waits for offer()."""

    def __init__(self, runner: TaskRunner, seat: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._services: Services | None = None
        self._seat = seat
        self.setWindowTitle(self.tr("Sign in to OutletDesk"))
        self.user = QComboBox()
        self.user.setEditable(True)
        self._last = str(seat.value(LAST_USER_KEY, "") or "")
        self.user.setCurrentText(self._last)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.outlet = QComboBox()
        form = QFormLayout()
        form.addRow(self.tr("&User"), self.user)
        form.addRow(self.tr("&Password"), self.password)
        self.outlet_label = QLabel(self.tr("&Outlet"))
        self.outlet_label.setBuddy(self.outlet)
        form.addRow(self.outlet_label, self.outlet)
        self.outlet_label.hide()
        self.outlet.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons(self.tr("Sign in")))
        self.ok_button.setEnabled(False)  # until the database is open
        (self.password if self._last else self.user).setFocus()
        self.resize(380, 0)

    def opening_text(self) -> str:
        """The delayed progress label while the database opens (or is updated) on the worker."""
        return self.tr("Opening the database…")

    def offer(self, services: Services, outlets: list[OutletDTO], users: list[str]) -> None:
        """The database is open: offer its user names and outlets, and allow signing in."""
        self._services = services
        typed = self.user.currentText()
        self.user.addItems(users)
        if typed == self._last and self._last not in users:
            typed = ""  # a remembered user who is gone is not offered again
        self.user.setCurrentText(typed)
        for outlet in outlets:
            self.outlet.addItem(f"{outlet.code} – {outlet.name}", outlet.id)
        last_outlet = self._seat.value(LAST_OUTLET_KEY)
        if last_outlet is not None:
            index = self.outlet.findData(int(last_outlet))
            if index >= 0:
                self.outlet.setCurrentIndex(index)
        # Only ask which outlet when there is a choice to make.
        self.outlet_label.setVisible(len(outlets) > 1)
        self.outlet.setVisible(len(outlets) > 1)
        self.ok_button.setEnabled(True)

    def submit(self) -> None:
        username, password = self.user.currentText(), self.password.text()
        outlet_id = self.outlet.currentData()
        if self._services is None:
            return  # Sign in is enabled once the database is open
        self.ok_button.setEnabled(False)
        auth = self._services.auth
        self._runner.run(
            lambda: auth.sign_in(username, password),
            lambda actor: self._signed_in(actor, outlet_id),
            self._show_error,
        )

    def _signed_in(self, actor: Actor, outlet_id: int | None) -> None:
        chosen = outlet_id if outlet_id is not None else actor.outlet_id
        self.actor = actor.at_outlet(chosen)
        self._seat.setValue(LAST_USER_KEY, actor.username)
        if chosen is not None:
            self._seat.setValue(LAST_OUTLET_KEY, chosen)
        self.accept()


class FirstRunDialog(_FormDialog):
    """An empty database: name the first outlet and create its administrator."""

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, parent)
        self._services = services
        self.setWindowTitle(self.tr("Set up OutletDesk"))
        intro = QLabel(
            self.tr(
                "This database is empty. Name your outlet and create the administrator account."
            )
        )
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setPlaceholderText("N")
        self.name = QLineEdit()
        self.username = QLineEdit("admin")
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Outlet &code"), self.code)
        form.addRow(self.tr("Outlet &name"), self.name)
        form.addRow(self.tr("Administrator &user name"), self.username)
        form.addRow(self.tr("&Full name"), self.full_name)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("&Repeat password"), self.repeat)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons(self.tr("Create")))
        self.resize(440, 0)

    def submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            self.error.show()
            return
        from ..core.outlets import OutletInput
        from ..core.setup import set_up_first_run

        outlet = OutletInput(self.code.text(), self.name.text())
        args = (self.username.text(), self.full_name.text(), self.password.text())
        db = self._services.db
        self.ok_button.setEnabled(False)
        self._runner.run(lambda: set_up_first_run(db, outlet, *args), self._done, self._show_error)

    def _done(self, result: tuple[Actor, object]) -> None:
        self.actor = result[0]
        self.accept()
