"""The Receipt tab: the shop-wide header, footer and terms, and a test receipt to preview."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import printouts
from ...core.auth import Permission
from ...core.changes import Changes
from ...core.settings import F_FOOTER, F_HEADER, F_TERMS, ReceiptSettings
from ...progress import Progress
from ..context import AppContext
from ..errors import show_error, translate_core
from ..print_preview import PrintPreviewDialog
from .forms import FormErrors, allow_button, multiline, status_label
from .seat_tabs import seat_paper


def translated_receipt_words() -> dict[str, str]:
    """The test receipt's words in the window's language (English is the source)."""
    return {key: translate_core(english) for key, english in printouts.TEST_RECEIPT_WORDS.items()}


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
        self.header = multiline(2, self)
        self.footer = multiline(2, self)
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
        allow_button(
            self.save_button,
            may_edit,
            self.tr("Only an administrator or outlet manager can change receipt texts."),
        )
        self.preview_button = QPushButton(self.tr("Pre&view test receipt"), self)
        self.preview_button.setToolTip(
            self.tr("Shows the saved texts on this seat's paper size (see Printing)")
        )
        self.preview_button.clicked.connect(self.preview_test_receipt)
        row.addWidget(self.save_button)
        row.addWidget(self.preview_button)
        self.status = status_label(self)
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
            self.errors.shower(self),
            parent=self,
        )

    def _saved(self, changes: Changes) -> None:
        self._dirty = False
        self.ctx.bus.publish(changes)  # reloads this tab too, so the note comes after
        self.status.setText(self.tr("Saved."))

    def paper(self) -> str:
        return seat_paper(self.ctx.seat)

    def test_receipt_work(self, progress: Progress | None = None) -> Callable[[], bytes]:
        """The background work the preview runs: the saved texts on this seat's paper."""
        services, actor, outlet_id = self.ctx.services, self.ctx.actor, self.ctx.actor.outlet_id
        paper, words = self.paper(), translated_receipt_words()  # translated here, on the UI thread
        if outlet_id is None:
            raise ValueError("the actor is not signed in at an outlet")
        return lambda: printouts.test_receipt_pdf(
            services, actor, outlet_id, paper, words, progress
        )

    def preview_test_receipt(self) -> None:
        self.errors.clear()
        if self.ctx.actor.outlet_id is None:
            self.errors.say(self.tr("Sign in at an outlet to print its test receipt."))
            return
        if self._dirty:
            self.status.setText(
                self.tr("The preview shows the saved texts; save to see your changes.")
            )
        progress = Progress()
        self.ctx.runner.run(
            self.test_receipt_work(progress),
            self.show_preview,
            self.errors.shower(self),
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
