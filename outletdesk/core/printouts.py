"""Printouts built from shop data: the outlet's details and receipt texts, rendered to PDF bytes."""

from __future__ import annotations

from ..printing.document import OutletHeader
from ..printing.receipts import build_test_receipt
from ..progress import Progress
from .auth import Actor
from .errors import Items, ValidationError
from .i18n import QT_TRANSLATE_NOOP
from .services import Services

F_PAPER = QT_TRANSLATE_NOOP("core", "Paper size")
RECEIPT_PAPERS = ("80mm", "58mm", "a4")

# The test receipt's words (printing.receipts.DEFAULT_TEXTS, same keys and English) marked for
# translation; the window translates them in context "core" and passes them as `texts`.
TEST_RECEIPT_WORDS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("core", "Test receipt"),
    "notice": QT_TRANSLATE_NOOP("core", "This is a test print. It is not a valid receipt."),
    "number": QT_TRANSLATE_NOOP("core", "Receipt no."),
    "date": QT_TRANSLATE_NOOP("core", "Date"),
    "date_value": QT_TRANSLATE_NOOP("core", "2024-01-01 09:30"),
    "customer": QT_TRANSLATE_NOOP("core", "Customer"),
    "customer_value": QT_TRANSLATE_NOOP("core", "Sample Customer"),
    "device": QT_TRANSLATE_NOOP("core", "Device"),
    "device_value": QT_TRANSLATE_NOOP("core", "Sample phone, IMEI 350000000000001"),
    "items": QT_TRANSLATE_NOOP("core", "Items"),
    "col_item": QT_TRANSLATE_NOOP("core", "Item"),
    "col_qty": QT_TRANSLATE_NOOP("core", "Qty"),
    "col_price": QT_TRANSLATE_NOOP("core", "Price"),
    "col_amount": QT_TRANSLATE_NOOP("core", "Amount"),
    "item_1": QT_TRANSLATE_NOOP("core", "Diagnosis"),
    "item_2": QT_TRANSLATE_NOOP("core", "Screen replacement"),
    "item_3": QT_TRANSLATE_NOOP("core", "Battery"),
    "subtotal": QT_TRANSLATE_NOOP("core", "Subtotal"),
    "tax": QT_TRANSLATE_NOOP("core", "Tax"),
    "total": QT_TRANSLATE_NOOP("core", "Total"),
    "terms": QT_TRANSLATE_NOOP("core", "Terms"),
    "signature": QT_TRANSLATE_NOOP("core", "Customer signature"),
}


def receipt_paper(paper: str) -> str:
    """The receipt paper name, normalised; label formats and unknown names are refused."""
    name = paper.strip().lower() if isinstance(paper, str) else ""
    if name not in RECEIPT_PAPERS:
        raise ValidationError(
            F_PAPER,
            QT_TRANSLATE_NOOP(
                "core", "“{value}” is not a receipt paper size; use one of: {allowed}."
            ),
            value=str(paper)[:40],
            allowed=Items(RECEIPT_PAPERS),
        )
    return name


def test_receipt_pdf(
    services: Services,
    actor: Actor,
    outlet_id: int,
    paper: str,
    texts: dict[str, str] | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The test receipt for an outlet with the shop's saved header, footer and terms, as a PDF."""
    del actor  # reading outlet details and receipt texts is open to every signed-in role
    name = receipt_paper(paper)
    outlet = services.outlets.get(outlet_id)
    receipt = services.settings.receipt()
    if progress is not None:
        progress.check()
    header = OutletHeader(outlet.name, outlet.address, outlet.phone, outlet.tax_number)
    doc = build_test_receipt(header, receipt.header, receipt.footer, receipt.terms, texts)
    # reportlab loads only when something is printed, not when the window starts.
    from ..printing.render import render_receipt_bytes

    return render_receipt_bytes(doc, name, progress)


test_receipt_pdf.__test__ = False  # type: ignore[attr-defined]  # pytest: not a test, despite its name
