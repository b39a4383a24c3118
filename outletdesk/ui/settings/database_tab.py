"""The Database tab: where the data lives, its schema revision, and backups for those allowed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Permission
from ...core.backup import BackupInfo, create_backup
from ...core.database import current_revision
from ...progress import Progress
from ..context import AppContext
from ..errors import show_error
from .forms import FormErrors, add_rows, allow_button, status_label
from .seat_tabs import seat_text

SEAT_BACKUP_FOLDER = "backup/folder"


class DatabaseTab(QWidget):
    """Where the data lives and its schema revision; backups for those allowed."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        db = ctx.services.db
        layout = QVBoxLayout(self)
        form = QFormLayout()
        kinds = {"sqlite": self.tr("SQLite file on this computer"), "postgresql": "PostgreSQL"}
        self.location = QLineEdit(db.describe(), self)
        self.location.setReadOnly(True)
        self.kind = QLabel(kinds.get(db.kind, db.kind), self)
        self.revision = QLabel(self)
        add_rows(
            form,
            (
                (self.tr("&Location:"), self.location),
                (self.tr("Kind:"), self.kind),
                (self.tr("Schema revision:"), self.revision),
            ),
            self,
        )
        for widget in (self.kind, self.revision):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addLayout(form)

        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("&Back up now…"), self)
        self.backup_button.clicked.connect(self.back_up)
        allow_button(
            self.backup_button,
            ctx.actor.can(Permission.BACKUP),
            self.tr("Only an administrator or outlet manager can make backups."),
        )
        row.addWidget(self.backup_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.result = status_label(self)
        layout.addWidget(self.result)
        self.error = QLabel(self)
        self.errors = FormErrors(self.error, {})
        layout.addWidget(self.error)
        layout.addStretch(1)

    def reload(self) -> None:
        db = self.ctx.services.db
        self.location.setText(db.describe())
        self.ctx.runner.run(
            lambda: current_revision(db.engine),
            self._revision_loaded,
            lambda exc: show_error(self, exc),
            parent=self,
        )

    def _revision_loaded(self, revision: str | None) -> None:
        self.revision.setText(revision or self.tr("(not set up)"))

    def ask_backup_path(self) -> str:
        """The save dialog; returns "" when cancelled. Tests replace this method."""
        folder = seat_text(self.ctx.seat, SEAT_BACKUP_FOLDER)
        name = f"outletdesk-backup-{datetime.now():%Y%m%d-%H%M}.sqlite3"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up to"),
            str(Path(folder) / name) if folder else name,
            self.tr("OutletDesk backups (*.sqlite3)"),
        )
        return path

    def back_up(self) -> None:
        if not self.backup_button.isEnabled():
            return
        path = self.ask_backup_path()
        if not path:
            return
        target = Path(path)
        self.ctx.seat.setValue(SEAT_BACKUP_FOLDER, str(target.parent))
        self.errors.clear()
        self.result.clear()
        self.backup_button.setEnabled(False)
        db, actor, progress = self.ctx.services.db, self.ctx.actor, Progress()
        self.ctx.runner.run(
            # The save dialog has asked before replacing a file of that name.
            lambda: create_backup(db, actor, target, progress, replace=True),
            self._backed_up,
            self._backup_failed,
            progress=progress,
            label=self.tr("Backing up…"),
            parent=self,
        )

    def _backed_up(self, info: BackupInfo) -> None:
        self.backup_button.setEnabled(True)
        self.result.setText(
            self.tr(
                "Backup saved to {path} ({outlets} outlets, {users} users, {customers} customers)."
            ).format(
                path=info.path, outlets=info.outlets, users=info.users, customers=info.customers
            )
        )

    def _backup_failed(self, exc: BaseException) -> None:
        self.backup_button.setEnabled(True)
        if isinstance(exc, OSError):
            self.errors.say(self.tr("The backup could not be written: {detail}").format(detail=exc))
        else:
            self.errors.show(exc, self)
