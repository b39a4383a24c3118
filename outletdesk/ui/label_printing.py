"""What the label dialogs share: the label stock to print on (remembered per seat) and the print
preview the labels open in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QComboBox, QWidget

from .context import AppContext

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
