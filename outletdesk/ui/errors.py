"""How errors reach people: rule errors as a plain message, environment errors as such, bugs as a crash dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import OutletDeskError, StorageUnavailable
from ..core.i18n import disambiguation

log = logging.getLogger("outletdesk")


def translate_core(text: str) -> str:
    """A core source text in the window's language (a Term with its own disambiguation)."""
    return QCoreApplication.translate("core", text, disambiguation(text))


def error_text(exc: BaseException) -> str:
    if isinstance(exc, OutletDeskError):
        return exc.message(translate_core)
    return str(exc)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Domain and environment errors are shown; anything else is a bug for the crash dialog."""
    if isinstance(exc, StorageUnavailable):
        QMessageBox.critical(
            parent, QCoreApplication.translate("errors", "Database problem"), error_text(exc)
        )
    elif isinstance(exc, OutletDeskError):
        QMessageBox.warning(
            parent, QCoreApplication.translate("errors", "Cannot do that"), error_text(exc)
        )
    else:
        report_crash(type(exc), exc, exc.__traceback__)


class CrashDialog(QDialog):
    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("OutletDesk hit an unexpected error"))
        layout = QVBoxLayout(self)
        text = self.tr(
            "Something went wrong inside OutletDesk. Your saved work is safe: every change is "
            "saved in one transaction or not at all."
        )
        if log_path:
            text += "\n" + self.tr("Details were written to the log file: {path}").format(
                path=log_path
            )
        message = QLabel(text)
        message.setWordWrap(True)
        message.setTextInteractionFlags(
            message.textInteractionFlags() | message.textInteractionFlags().TextSelectableByMouse
        )
        layout.addWidget(message)
        box = QPlainTextEdit(details)
        box.setReadOnly(True)
        layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 400)


_log_path: Path | None = None


def set_up_logging(folder: Path) -> Path:
    global _log_path
    _log_path = folder / "outletdesk.log"
    handler = logging.FileHandler(_log_path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return _log_path


def report_crash(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    details = "".join(traceback.format_exception(kind, exc, tb))
    log.error("unexpected error\n%s", details)
    if QApplication.instance() is None:
        sys.__excepthook__(kind, exc, tb)
        return
    CrashDialog(details, _log_path).exec()


def install_crash_handler() -> None:
    sys.excepthook = report_crash
