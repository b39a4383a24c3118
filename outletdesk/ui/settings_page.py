"""Settings: the outlet's details, receipt texts, this seat's printer and language, the database, users.

Shop-wide settings load from and save to the services; per-seat ones live in the seat's QSettings.
The page only loads and saves: validation and permissions are the services' (the UI mirrors them).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QSettings, Qt
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import printouts
from ..core.auth import ROLE_LABELS, Permission
from ..core.backup import BackupInfo, create_backup
from ..core.changes import Changes
from ..core.database import current_revision
from ..core.errors import DomainError, ValidationError
from ..core.outlets import F_ADDRESS, F_CODE, F_NAME, F_PHONE, F_TAX, OutletDTO, OutletInput
from ..core.settings import F_FOOTER, F_HEADER, F_TERMS, ReceiptSettings
from ..core.users import F_DISPLAY, F_OUTLET, F_PASSWORD, F_ROLE, F_USERNAME, UserDTO
from ..models import Role
from ..progress import Progress
from .context import AppContext
from .errors import error_text, show_error
from .print_preview import PrintPreviewDialog

SEAT_PAPER = "printing/paper"
SEAT_PRINTER = "printing/printer"
SEAT_LANGUAGE = "ui/language"
SEAT_BACKUP_FOLDER = "backup/folder"
DEFAULT_PAPER = "80mm"
LANGUAGES = (("en", "English"), ("zh_CN", "简体中文"))  # each shown in its own language
_INVALID_STYLE = "border: 1px solid #c62828;"


def translate_core(text: str) -> str:
    return QCoreApplication.translate("core", text)


class FormErrors:
    """Shows a rule error in the form: the named field outlined in red, the message in red below."""

    def __init__(self, label: QLabel, fields: dict[str, QWidget]) -> None:
        self.label = label
        self.fields = fields
        label.setStyleSheet("color: #c62828;")
        label.setWordWrap(True)
        label.hide()

    def clear(self) -> None:
        self.label.clear()
        self.label.hide()
        for widget in self.fields.values():
            widget.setStyleSheet("")

    def show(self, exc: BaseException, parent: QWidget) -> None:
        """Rule errors stay in the form; environment errors and bugs go to the usual dialogs."""
        self.clear()
        if not isinstance(exc, DomainError):
            show_error(parent, exc)
            return
        self.label.setText(error_text(exc))
        self.label.show()
        widget = self.fields.get(exc.field) if isinstance(exc, ValidationError) else None
        if widget is not None:
            widget.setStyleSheet(_INVALID_STYLE)
            widget.setFocus()


def _multiline(lines: int, parent: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    height = edit.fontMetrics().lineSpacing() * lines + 14
    edit.setFixedHeight(height)
    return edit


def _status_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #2e7d32;")
    return label


def _local_time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    shown = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000)).toLocalTime()
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)


# Outlet ---------------------------------------------------------------------------------------


class OutletForm(QWidget):
    """Code, name, address, phone and tax number of one outlet (used by the tab and the dialog)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.code = QLineEdit(self)
        self.code.setMaxLength(10)
        self.name = QLineEdit(self)
        self.address = _multiline(2, self)
        self.phone = QLineEdit(self)
        self.tax_number = QLineEdit(self)
        rows = (
            (self.tr("&Code:"), self.code),
            (self.tr("&Name:"), self.name),
            (self.tr("A&ddress:"), self.address),
            (self.tr("P&hone:"), self.phone),
            (self.tr("&Tax number:"), self.tax_number),
        )
        for text, widget in rows:
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
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
        self.code.setText(outlet.code)
        self.name.setText(outlet.name)
        self.address.setPlainText(outlet.address)
        self.phone.setText(outlet.phone)
        self.tax_number.setText(outlet.tax_number)
        self.errors.clear()

    def value(self) -> OutletInput:
        return OutletInput(
            code=self.code.text(),
            name=self.name.text(),
            address=self.address.toPlainText(),
            phone=self.phone.text(),
            tax_number=self.tax_number.text(),
        )

    def set_editable(self, editable: bool) -> None:
        for edit in (self.code, self.name, self.phone, self.tax_number):
            edit.setReadOnly(not editable)
        self.address.setReadOnly(not editable)

    def watch(self, slot: Callable[[], None]) -> None:
        for edit in (self.code, self.name, self.phone, self.tax_number):
            edit.textEdited.connect(slot)
        self.address.textChanged.connect(slot)


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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def submit(self) -> None:
        self.form.errors.clear()
        data, actor, services = self.form.value(), self.ctx.actor, self.ctx.services
        self.ctx.runner.run(
            lambda: services.outlets.create(actor, data),
            self._created,
            lambda exc: self.form.errors.show(exc, self),
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
        if not may_edit:
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(
                self.tr("Only an administrator or outlet manager can change outlet details.")
            )
        save_row.addWidget(self.save_button)
        self.status = _status_label(details)
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
            notice += " " + self.tr("Only an administrator or outlet manager can change them.")
        self.notice.setText(notice)
        if not self._dirty:  # never overwrite what someone is typing; the version check guards
            self.outlet = mine
            self.form.load(mine)
            self._dirty = False  # loading the address box reported an edit

    def _edited(self) -> None:
        self._dirty = True
        self.status.clear()

    def save(self) -> None:
        if self.outlet is None or not self.save_button.isEnabled():
            return
        self.form.errors.clear()
        actor, services, current = self.ctx.actor, self.ctx.services, self.outlet
        data = self.form.value()
        self.ctx.runner.run(
            lambda: services.outlets.update(actor, current.id, current.version, data),
            self._saved,
            lambda exc: self.form.errors.show(exc, self),
            parent=self,
        )

    def _saved(self, result: tuple[OutletDTO, Changes]) -> None:
        self.outlet, changes = result
        self.form.load(self.outlet)
        self._dirty = False
        self.ctx.bus.publish(changes)  # reloads this tab too, so the note comes after
        self.status.setText(self.tr("Saved."))

    def add_outlet(self) -> OutletDialog:
        self.dialog = OutletDialog(self.ctx, self)
        self.dialog.open()
        return self.dialog


# Receipt --------------------------------------------------------------------------------------


class ReceiptTab(QWidget):
    """Shop-wide receipt header, footer and terms, with a test print on this seat's paper."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: PrintPreviewDialog | None = None
        self._dirty = False
        may_edit = ctx.actor.can(Permission.EDIT_SETTINGS)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.header = _multiline(2, self)
        self.footer = _multiline(2, self)
        self.terms = QPlainTextEdit(self)
        self.terms.setTabChangesFocus(True)
        for text, widget, hint in (
            (self.tr("&Header:"), self.header, self.tr("Printed under the outlet's details")),
            (self.tr("&Footer:"), self.footer, self.tr("Printed at the very end")),
            (self.tr("&Terms:"), self.terms, self.tr("Terms and conditions the customer signs")),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            widget.setToolTip(hint)
            widget.setReadOnly(not may_edit)
            widget.textChanged.connect(self._edited)
            form.addRow(label, widget)
        layout.addLayout(form, 1)
        self.error = QLabel(self)
        layout.addWidget(self.error)
        self.errors = FormErrors(
            self.error, {F_HEADER: self.header, F_FOOTER: self.footer, F_TERMS: self.terms}
        )
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save receipt texts"), self)
        self.save_button.clicked.connect(self.save)
        if not may_edit:
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(
                self.tr("Only an administrator or outlet manager can change receipt texts.")
            )
        self.preview_button = QPushButton(self.tr("Pre&view test receipt"), self)
        self.preview_button.setToolTip(
            self.tr("Shows the saved texts on this seat's paper size (see Printing)")
        )
        self.preview_button.clicked.connect(self.preview_test_receipt)
        row.addWidget(self.save_button)
        row.addWidget(self.preview_button)
        self.status = _status_label(self)
        row.addWidget(self.status, 1)
        layout.addLayout(row)

    def reload(self) -> None:
        services = self.ctx.services
        self.ctx.runner.run(
            services.settings.receipt, self._loaded, lambda exc: show_error(self, exc), parent=self
        )

    def _loaded(self, settings: ReceiptSettings) -> None:
        if self._dirty:
            return
        self.header.setPlainText(settings.header)
        self.footer.setPlainText(settings.footer)
        self.terms.setPlainText(settings.terms)
        self._dirty = False
        self.errors.clear()
        self.status.clear()

    def _edited(self) -> None:
        # setPlainText while loading also lands here; _loaded resets the flag afterwards.
        self._dirty = True
        self.status.clear()

    def value(self) -> ReceiptSettings:
        return ReceiptSettings(
            header=self.header.toPlainText(),
            footer=self.footer.toPlainText(),
            terms=self.terms.toPlainText(),
        )

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.errors.clear()
        actor, services, data = self.ctx.actor, self.ctx.services, self.value()
        self.ctx.runner.run(
            lambda: services.settings.save_receipt(actor, data),
            self._saved,
            lambda exc: self.errors.show(exc, self),
            parent=self,
        )

    def _saved(self, changes: Changes) -> None:
        self._dirty = False
        self.ctx.bus.publish(changes)  # reloads this tab too, so the note comes after
        self.status.setText(self.tr("Saved."))

    def paper(self) -> str:
        return str(self.ctx.seat.value(SEAT_PAPER, DEFAULT_PAPER) or DEFAULT_PAPER)

    def test_receipt_work(self, progress: Progress | None = None) -> Callable[[], bytes]:
        """The background work the preview runs: the saved texts on this seat's paper."""
        services, actor, outlet_id = self.ctx.services, self.ctx.actor, self.ctx.actor.outlet_id
        paper = self.paper()
        if outlet_id is None:
            raise ValueError("the actor is not signed in at an outlet")
        return lambda: printouts.test_receipt_pdf(services, actor, outlet_id, paper, None, progress)

    def preview_test_receipt(self) -> None:
        self.errors.clear()
        if self.ctx.actor.outlet_id is None:
            self.error.setText(self.tr("Sign in at an outlet to print its test receipt."))
            self.error.show()
            return
        if self._dirty:
            self.status.setText(
                self.tr("The preview shows the saved texts; save to see your changes.")
            )
        progress = Progress()
        self.ctx.runner.run(
            self.test_receipt_work(progress),
            self.show_preview,
            lambda exc: self.errors.show(exc, self),
            progress=progress,
            label=self.tr("Preparing the test receipt…"),
            parent=self,
        )

    def show_preview(self, pdf: bytes) -> PrintPreviewDialog:
        self.preview = PrintPreviewDialog(
            pdf, self.tr("Test receipt"), self.ctx.seat, self, runner=self.ctx.runner
        )
        self.preview.open()
        return self.preview


# Printing (per seat) --------------------------------------------------------------------------


class PrintingTab(QWidget):
    """This seat's paper size and default printer, stored as soon as they change."""

    def __init__(self, seat: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seat = seat
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("These choices apply to this computer only."), self)
        layout.addWidget(intro)
        form = QFormLayout()
        self.paper = QComboBox(self)
        for name, text in (
            ("80mm", self.tr("80 mm roll")),
            ("58mm", self.tr("58 mm roll")),
            ("a4", self.tr("A4 sheet")),
        ):
            self.paper.addItem(text, name)
        paper = str(seat.value(SEAT_PAPER, DEFAULT_PAPER) or DEFAULT_PAPER)
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))
        self.paper.currentIndexChanged.connect(self._paper_chosen)
        paper_label = QLabel(self.tr("&Paper size for receipts:"), self)
        paper_label.setBuddy(self.paper)
        form.addRow(paper_label, self.paper)

        self.printer = QComboBox(self)
        self.printer.addItem(self.tr("(system default)"), "")
        installed = QPrinterInfo.availablePrinterNames()
        for name in installed:
            self.printer.addItem(name, name)
        chosen = str(seat.value(SEAT_PRINTER, "") or "")
        if chosen and chosen not in installed:
            # Keep a choice whose printer is unplugged instead of silently dropping it.
            self.printer.addItem(self.tr("{name} (not found)").format(name=chosen), chosen)
        self.printer.setCurrentIndex(max(0, self.printer.findData(chosen)))
        self.printer.currentIndexChanged.connect(self._printer_chosen)
        printer_label = QLabel(self.tr("Default p&rinter:"), self)
        printer_label.setBuddy(self.printer)
        form.addRow(printer_label, self.printer)
        layout.addLayout(form)

        self.no_printers = QLabel(
            self.tr(
                "No printers are installed on this computer. Receipts can still be "
                "previewed and saved as PDF."
            ),
            self,
        )
        self.no_printers.setWordWrap(True)
        self.no_printers.setVisible(not installed)
        layout.addWidget(self.no_printers)
        layout.addStretch(1)

    def _paper_chosen(self) -> None:
        self.seat.setValue(SEAT_PAPER, self.paper.currentData())

    def _printer_chosen(self) -> None:
        self.seat.setValue(SEAT_PRINTER, self.printer.currentData())


# Language (per seat) --------------------------------------------------------------------------


class LanguageTab(QWidget):
    def __init__(self, seat: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seat = seat
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        current = str(seat.value(SEAT_LANGUAGE, "en") or "en")
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language.currentIndexChanged.connect(self._chosen)
        label = QLabel(self.tr("&Language on this computer:"), self)
        label.setBuddy(self.language)
        form.addRow(label, self.language)
        layout.addLayout(form)
        self.notice = _status_label(self)
        layout.addWidget(self.notice)
        layout.addStretch(1)

    def _chosen(self) -> None:
        self.seat.setValue(SEAT_LANGUAGE, self.language.currentData())
        self.notice.setText(self.tr("The new language applies when OutletDesk restarts."))


# Database -------------------------------------------------------------------------------------


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
        for text, widget in (
            (self.tr("&Location:"), self.location),
            (self.tr("Kind:"), self.kind),
            (self.tr("Schema revision:"), self.revision),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        for widget in (self.kind, self.revision):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addLayout(form)

        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("&Back up now…"), self)
        self.backup_button.clicked.connect(self.back_up)
        if not ctx.actor.can(Permission.BACKUP):
            self.backup_button.setEnabled(False)
            self.backup_button.setToolTip(
                self.tr("Only an administrator or outlet manager can make backups.")
            )
        row.addWidget(self.backup_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.result = _status_label(self)
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
        folder = str(self.ctx.seat.value(SEAT_BACKUP_FOLDER, "") or "")
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
            lambda: create_backup(db, actor, target, progress),
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
            self.error.setText(
                self.tr("The backup could not be written: {detail}").format(detail=exc)
            )
            self.error.show()
        else:
            self.errors.show(exc, self)


# Users ----------------------------------------------------------------------------------------


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
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)

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
        for text, widget in rows:
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
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
            },
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())

    def submit(self) -> None:
        self.errors.clear()
        actor, users = self.ctx.actor, self.ctx.services.users
        role, outlet_id = self.role.currentData(), self.outlet.currentData()
        full_name = self.full_name.text()
        work: Callable[[], Any]
        if self.user is None:
            if self.password.text() != self.repeat.text():
                self._mismatch()
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

        self.ctx.runner.run(work, self._saved, lambda exc: self.errors.show(exc, self), parent=self)

    def _mismatch(self) -> None:
        self.error.setText(self.tr("The two passwords differ; type the same password twice."))
        self.error.show()
        self.repeat.setStyleSheet(_INVALID_STYLE)
        self.repeat.setFocus()

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
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        for text, widget in (
            (self.tr("New &password:"), self.password),
            (self.tr("Rep&eat password:"), self.repeat),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout.addLayout(form)
        self.error = QLabel(self)
        layout.addWidget(self.error)
        self.errors = FormErrors(self.error, {F_PASSWORD: self.password})
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def submit(self) -> None:
        self.errors.clear()
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ; type the same password twice."))
            self.error.show()
            self.repeat.setStyleSheet(_INVALID_STYLE)
            self.repeat.setFocus()
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
            lambda exc: self.errors.show(exc, self),
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

        self.ctx.runner.run(
            work, self._loaded, lambda exc: self.errors.show(exc, self), parent=self
        )

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
                _local_time(user.last_login_at) or self.tr("never"),
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

    def _require_selection(self) -> UserDTO | None:
        user = self.selected_user()
        if user is None:
            self.error.setText(self.tr("Choose a user in the list first."))
            self.error.show()
        return user

    def add_user(self) -> UserDialog | None:
        if self.locked:
            return None
        self.errors.clear()
        dialog = UserDialog(self.ctx, [o for o in self.outlets if o.active], None, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_user(self) -> UserDialog | None:
        if self.locked:
            return None
        self.errors.clear()
        user = self._require_selection()
        if user is None:
            return None
        dialog = UserDialog(self.ctx, self.outlets, user, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def reset_password(self) -> PasswordDialog | None:
        if self.locked:
            return None
        self.errors.clear()
        user = self._require_selection()
        if user is None:
            return None
        dialog = PasswordDialog(self.ctx, user, self)
        self.dialog = dialog
        dialog.open()
        return dialog


# The page -------------------------------------------------------------------------------------


class SettingsPage(QWidget):
    """Tabs for the outlet, receipt texts, this seat's printing and language, database, users."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Settings"), self)
        heading.setObjectName("pageTitle")
        heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        layout.addWidget(heading)
        self.tabs = QTabWidget(self)
        self.outlet_tab = OutletTab(ctx, self)
        self.receipt_tab = ReceiptTab(ctx, self)
        self.printing_tab = PrintingTab(ctx.seat, self)
        self.language_tab = LanguageTab(ctx.seat, self)
        self.database_tab = DatabaseTab(ctx, self)
        self.users_tab = UsersTab(ctx, self)
        # No mnemonics on tab titles: they would clash with the fields' own; Ctrl+Tab switches.
        self.tabs.addTab(self.outlet_tab, self.tr("Outlet"))
        self.tabs.addTab(self.receipt_tab, self.tr("Receipt"))
        self.tabs.addTab(self.printing_tab, self.tr("Printing"))
        self.tabs.addTab(self.language_tab, self.tr("Language"))
        self.tabs.addTab(self.database_tab, self.tr("Database"))
        self.tabs.addTab(self.users_tab, self.tr("Users"))
        layout.addWidget(self.tabs, 1)
        ctx.bus.changed.connect(self.refresh)
        self.refresh(Changes(database=True))

    def refresh(self, changes: Changes) -> None:
        """Reload only the tabs the change concerns (a database switch reloads everything)."""
        everything = changes.database
        if everything or changes.outlets:
            self.outlet_tab.reload()
        if everything or changes.settings:
            self.receipt_tab.reload()
        if everything:
            self.database_tab.reload()
        if everything or changes.users or changes.outlets:
            self.users_tab.reload()
