"""Intake, quote and hand-back receipts and device labels: rendered on the worker, then previewed.

The renderer (reportlab) is imported when a printout is made, not when a page is opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...progress import Progress
from ..context import AppContext
from ..errors import show_error, translate_core

if TYPE_CHECKING:
    from ..print_preview import PrintPreviewDialog

# No settings tab offers this yet; label printers are "label-62x29" unless a seat says otherwise.
SEAT_LABEL_PAPER = "printing/label_paper"
KINDS = ("intake", "quote", "handback", "label")


def receipt_texts() -> dict[str, str]:
    """The receipt's words in the window's language (the renderer itself knows no Qt)."""
    from ...core.work_orders.receipts import DEVICE_TYPE_WORDS, RECEIPT_WORDS

    words = {**RECEIPT_WORDS, **DEVICE_TYPE_WORDS}
    return {key: translate_core(english) for key, english in words.items()}


def kind_title(kind: str) -> str:
    return {
        "intake": QCoreApplication.translate("work_orders", "Intake receipt"),
        "quote": QCoreApplication.translate("work_orders", "Quote"),
        "handback": QCoreApplication.translate("work_orders", "Hand-back receipt"),
        "label": QCoreApplication.translate("work_orders", "Device label"),
    }[kind]


def paper_for(ctx: AppContext, kind: str) -> str:
    from ..settings.seat_tabs import seat_paper, seat_text

    if kind == "label":
        from ...core.work_orders.receipts import DEFAULT_LABEL_PAPER

        return seat_text(ctx.seat, SEAT_LABEL_PAPER, DEFAULT_LABEL_PAPER)
    return seat_paper(ctx.seat)


class ReceiptPrinter:
    """Renders a printout on the worker and shows it in the print preview."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        self._ctx = ctx
        self._parent = parent
        self.last_preview: PrintPreviewDialog | None = None

    def preview(self, order_id: int, number: str, kind: str) -> None:
        from ...core.work_orders.receipts import receipt_pdf

        services, actor, paper = self._ctx.services, self._ctx.actor, paper_for(self._ctx, kind)
        progress = Progress()
        texts = receipt_texts()
        title = f"{kind_title(kind)} {number}"
        self._ctx.runner.run(
            lambda: receipt_pdf(
                services, actor, order_id, kind, paper, texts=texts, progress=progress
            ),
            lambda pdf: self.show_preview(pdf, title),
            lambda exc: show_error(self._parent, exc),
            progress=progress,
            label=QCoreApplication.translate("work_orders", "Preparing {what}…").format(
                what=kind_title(kind)
            ),
            parent=self._parent,
        )

    def show_preview(self, pdf: bytes, title: str) -> None:
        """Opens the preview (window-modal, not blocking); tests replace this."""
        from ..print_preview import PrintPreviewDialog

        dialog = PrintPreviewDialog(
            pdf, title, self._ctx.seat, self._parent, runner=self._ctx.runner
        )
        self.last_preview = dialog
        dialog.open()
