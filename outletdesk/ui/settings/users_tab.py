"""The Users tab: accounts and roles, with dialogs to add and edit a user and reset a password."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
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

from ...core.auth import ROLE_LABELS, Permission
from ...core.changes import Changes
from ...core.outlets import OutletDTO
from ...core.users import F_DISPLAY, F_OUTLET, F_PASSWORD, F_ROLE, F_USERNAME, UserDTO
from ...models import Role
from ..context import AppContext
from ..errors import translate_core
from ..formats import local_datetime
from .forms import FormErrors, add_rows, password_edit, save_cancel_buttons

D = TypeVar("D", bound=QDialog)
_REPEAT = "repeat"  # not a service field: only the dialogs' own check outlines it


def _role_label(role: Role) -> str:
    return translate_core(ROLE_LABELS[role])


class UserDialog(QDialog):
    """Adds a user (user is None) or edits one; `submit()` saves and accepts on success."""

    def __init__(
        self,
        ctx: AppContext,
        outlets: list[OutletDTO],
        user: UserDTO | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        self.saved: UserDTO | None = None
        self.setWindowTitle(
            self.tr("Add user")
            if user is None
            else self.tr("Edit user {name}").format(name=user.username)
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit(self)
        self.full_name = QLineEdit(self)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(_role_label(role), role.value)
        self.outlet = QComboBox(self)
        self.outlet.addItem(self.tr("(none)"), None)
        for outlet in outlets:
            self.outlet.addItem(f"{outlet.code} – {outlet.name}", outlet.id)
        self.active = QCheckBox(self.tr("Ac&tive (may sign in)"), self)
        self.password = password_edit(self)
        self.repeat = password_edit(self)

        rows: list[tuple[str, QWidget]] = [
            (self.tr("&User name:"), self.username),
            (self.tr("&Full name:"), self.full_name),
            (self.tr("&Role:"), self.role),
            (self.tr("&Home outlet:"), self.outlet),
        ]
        if user is None:
            rows += [
                (self.tr("&Password:"), self.password),
                (self.tr("Rep&eat password:"), self.repeat),
            ]
            self.role.setCurrentIndex(self.role.findData(Role.CLERK.value))
            self.outlet.setCurrentIndex(max(0, self.outlet.findData(ctx.actor.outlet_id)))
        else:
            self.username.setText(user.username)
            self.username.setReadOnly(True)
            self.full_name.setText(user.display_name)
            self.role.setCurrentIndex(self.role.findData(user.role.value))
            self.outlet.setCurrentIndex(max(0, self.outlet.findData(user.home_outlet_id)))
            self.active.setChecked(user.active)
        add_rows(form, rows, self)
        if user is not None:
            form.addRow("", self.active)
        else:
            self.active.hide()
        layout.addLayout(form)
        self.error = QLabel(self)
        layout.addWidget(self.error)
        self.errors = FormErrors(
            self.error,
            {
                F_USERNAME: self.username,
                F_DISPLAY: self.full_name,
                F_ROLE: self.role,
                F_OUTLET: self.outlet,
                F_PASSWORD: self.password,
                _REPEAT: self.repeat,
            },
        )
        layout.addWidget(save_cancel_buttons(self, self.submit))
        self.resize(440, self.sizeHint().height())

    def submit(self) -> None:
        self.errors.clear()
        actor, users = self.ctx.actor, self.ctx.services.users
        role, outlet_id = self.role.currentData(), self.outlet.currentData()
        full_name = self.full_name.text()
        work: Callable[[], Any]
        if self.user is None:
            if self.password.text() != self.repeat.text():
                self.errors.say(
                    self.tr("The two passwords differ; type the same password twice."),
                    self.repeat,
                )
                return
            username, password = self.username.text(), self.password.text()

            def work() -> Any:
                return users.create(actor, username, full_name, role, password, outlet_id)
        else:
            user, active = self.user, self.active.isChecked()

            def work() -> Any:
                return users.update(
                    actor,
                    user.id,
                    user.version,
                    display_name=full_name,
                    role=role,
                    active=active,
                    home_outlet_id=outlet_id,
                )

        self.ctx.runner.run(work, self._saved, self.errors.shower(self), parent=self)

    def _saved(self, result: tuple[UserDTO, Changes]) -> None:
        self.saved, changes = result
        self.accept()
        self.ctx.bus.publish(changes)


class PasswordDialog(QDialog):
    """Sets a new password for a user; `submit()` saves and accepts on success."""

    def __init__(self, ctx: AppContext, user: UserDTO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        self.setWindowTitle(self.tr("Reset password for {name}").format(name=user.username))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.password = password_edit(self)
        self.repeat = password_edit(self)
        add_rows(
            form,
            (
                (self.tr("New &password:"), self.password),
                (self.tr("Rep&eat password:"), self.repeat),
            ),
            self,
        )
        layout.addLayout(form)
        self.error = QLabel(self)
        layout.addWidget(self.error)
        self.errors = FormErrors(self.error, {F_PASSWORD: self.password, _REPEAT: self.repeat})
        layout.addWidget(save_cancel_buttons(self, self.submit))

    def submit(self) -> None:
        self.errors.clear()
        if self.password.text() != self.repeat.text():
            self.errors.say(
                self.tr("The two passwords differ; type the same password twice."), self.repeat
            )
            return
        actor, users, user_id, password = (
            self.ctx.actor,
            self.ctx.services.users,
            self.user.id,
            self.password.text(),
        )
        self.ctx.runner.run(
            lambda: users.set_password(actor, user_id, password),
            self._saved,
            self.errors.shower(self),
            parent=self,
        )

    def _saved(self, changes: Changes) -> None:
        self.accept()
        self.ctx.bus.publish(changes)


class UsersTab(QWidget):
    """User accounts and roles; administrators only (the service refuses anyone else)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.users: list[UserDTO] = []
        self.outlets: list[OutletDTO] = []
        self.dialog: QDialog | None = None
        self.locked = not ctx.actor.can(Permission.MANAGE_USERS)
        layout = QVBoxLayout(self)
        self.notice = QLabel(self.tr("Only an administrator can manage users."), self)
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Full name"),
                self.tr("Role"),
                self.tr("Active"),
                self.tr("Last sign-in"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # full names vary most
        header.setMinimumSectionSize(90)
        self.table.setAccessibleName(self.tr("Users"))
        self.table.doubleClicked.connect(self.edit_user)
        self.table.activated.connect(self.edit_user)  # Enter on a row
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add user…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.password_button = QPushButton(self.tr("&Reset password…"), self)
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.password_button.clicked.connect(self.reset_password)
        for button in (self.add_button, self.edit_button, self.password_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.error = QLabel(self)
        self.errors = FormErrors(self.error, {})
        layout.addWidget(self.error)
        self.notice.setVisible(self.locked)
        for widget in (self.table, self.add_button, self.edit_button, self.password_button):
            widget.setVisible(not self.locked)
        if self.locked:
            layout.addStretch(1)

    def reload(self) -> None:
        if self.locked:
            return
        actor, services = self.ctx.actor, self.ctx.services

        def work() -> tuple[list[UserDTO], list[OutletDTO]]:
            return services.users.list(actor), services.outlets.list(include_inactive=True)

        self.ctx.runner.run(work, self._loaded, self.errors.shower(self), parent=self)

    def _loaded(self, result: tuple[list[UserDTO], list[OutletDTO]]) -> None:
        selected = self.selected_user()
        self.users, self.outlets = result
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            cells = (
                user.username,
                user.display_name,
                _role_label(user.role),
                self.tr("Yes") if user.active else self.tr("No"),
                local_datetime(user.last_login_at) or self.tr("never"),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if selected is not None and user.id == selected.id:
                self.table.selectRow(row)

    def selected_user(self) -> UserDTO | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.users):
            return None
        return self.users[rows[0].row()]

    def _chosen_user(self) -> UserDTO | None:
        """The selected user; without one, says so (and gives None, as it does while locked)."""
        if self.locked:
            return None
        self.errors.clear()
        user = self.selected_user()
        if user is None:
            self.errors.say(self.tr("Choose a user in the list first."))
        return user

    def _open(self, dialog: D) -> D:
        self.dialog = dialog
        dialog.open()
        return dialog

    def add_user(self) -> UserDialog | None:
        if self.locked:
            return None
        self.errors.clear()
        active = [o for o in self.outlets if o.active]
        return self._open(UserDialog(self.ctx, active, None, self))

    def edit_user(self) -> UserDialog | None:
        user = self._chosen_user()
        return None if user is None else self._open(UserDialog(self.ctx, self.outlets, user, self))

    def reset_password(self) -> PasswordDialog | None:
        user = self._chosen_user()
        return None if user is None else self._open(PasswordDialog(self.ctx, user, self))
