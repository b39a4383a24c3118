"""What the label dialogs share: the label stock to print on (remembered per seat), rendering on
the worker with progress and Cancel, a refusal shown in the form, and the print preview the
labels open in."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

from ..progress import Progress
from .context import AppContext
from .i18n import tr_up_the_classes
from .settings.forms import FormErrors

if TYPE_CHECKING:
    from .print_preview import PrintPreviewDialog


def label_paper_combo(parent: QWidget, seat: QSettings, key: str) -> QComboBox:
    """40 x 20 mm or 62 x 29 mm label stock, or an A4 sheet of 24; the seat's last choice first."""
    combo = QComboBox(parent)
    for name, text in (
        ("label-40x20", QCoreApplication.translate("label_printing", "Label 40 × 20 mm")),
        ("label-62x29", QCoreApplication.translate("label_printing", "Label 62 × 29 mm")),
        ("a4-labels-3x8",
         QCoreApplication.translate("label_printing", "A4 sheet, 24 labels (3 × 8)")),
    ):  # fmt: skip
        combo.addItem(text, name)
    remembered = str(seat.value(key, "label-40x20") or "")
    combo.setCurrentIndex(max(0, combo.findData(remembered)))
    return combo


def open_preview(ctx: AppContext, pdf: bytes, title: str, parent: QWidget) -> PrintPreviewDialog:
    """The PDF in the print preview (Print…, Save as PDF…), opened window-modal."""
    from .print_preview import PrintPreviewDialog

    dialog = PrintPreviewDialog(pdf, title, ctx.seat, parent, runner=ctx.runner)
    dialog.open()
    return dialog


class LabelsDialog(QDialog):
    """A label dialog: a subclass lays out its choices with `error` and `button_box()`, sets
    `errors` (the fields a refusal may name) and calls `render()` with the PDF's work."""

    tr = tr_up_the_classes

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.last_preview: PrintPreviewDialog | None = None
        self.error = QLabel(self)
        self.errors = FormErrors(self.error, {})
        self.preview_button = QPushButton(self.tr("&Preview and print…"), self)
        self.preview_button.setDefault(True)

    def button_box(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        return buttons

    def render(self, work: Callable[[Progress], bytes], title: str) -> None:
        """`work(progress)` on the worker; the PDF it returns opens in the preview."""
        progress = Progress()
        self.errors.clear()
        self.preview_button.setEnabled(False)
        self._ctx.runner.run(
            lambda: work(progress),
            lambda pdf: self._rendered(pdf, title),
            self._failed,
            progress=progress,
            label=self.tr("Preparing the labels…"),
            parent=self,
        )

    def _rendered(self, pdf: bytes, title: str) -> None:
        self.preview_button.setEnabled(True)
        self.show_preview(pdf, title)

    def _failed(self, exc: BaseException) -> None:
        self.preview_button.setEnabled(True)
        self.errors.show(exc, self)

    def show_preview(self, pdf: bytes, title: str) -> None:
        """Opens the preview (Print…, Save as PDF…); tests replace this."""
        self.last_preview = open_preview(self._ctx, pdf, title, self)
