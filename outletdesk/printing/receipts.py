"""Builds the test receipt that Settings previews so an outlet can check its texts and printer."""

from __future__ import annotations

from outletdesk.printing.document import (
    Barcode,
    Block,
    Field,
    Heading,
    LineItems,
    OutletHeader,
    Paragraph,
    QRCode,
    ReceiptDocument,
    Rule,
    SignatureLine,
    Totals,
)

SAMPLE_NUMBER = "TEST-000001"

# Every word a customer could see, in English; the caller passes translations by the same keys
# (core.printouts.TEST_RECEIPT_WORDS marks the same words for Qt's translation tools).
DEFAULT_TEXTS: dict[str, str] = {
    "title": "Test receipt",
    "notice": "This is a test print. It is not a valid receipt.",
    "number": "Receipt no.",
    "date": "Date",
    "date_value": "2024-01-01 09:30",
    "customer": "Customer",
    "customer_value": "Sample Customer",
    "device": "Device",
    "device_value": "Sample phone, IMEI 350000000000001",
    "items": "Items",
    "col_item": "Item",
    "col_qty": "Qty",
    "col_price": "Price",
    "col_amount": "Amount",
    "item_1": "Diagnosis",
    "item_2": "Screen replacement",
    "item_3": "Battery",
    "subtotal": "Subtotal",
    "tax": "Tax",
    "total": "Total",
    "terms": "Terms",
    "signature": "Customer signature",
}

# Sample amounts are preformatted strings: the test print shows layout, not arithmetic.
_SAMPLE_ROWS = (
    ("item_1", "1", "50.00", "50.00"),
    ("item_2", "1", "1,250.00", "1,250.00"),
    ("item_3", "2", "180.00", "360.00"),
)


def build_test_receipt(
    header: OutletHeader,
    receipt_header_text: str,
    receipt_footer_text: str,
    terms: str,
    texts: dict[str, str] | None = None,
) -> ReceiptDocument:
    """A receipt with sample items, both code types and the outlet's own header/footer/terms."""
    t = {**DEFAULT_TEXTS, **(texts or {})}
    blocks: list[Block] = []
    if receipt_header_text.strip():
        blocks.append(Paragraph(receipt_header_text.strip()))
    blocks += [
        Paragraph(t["notice"]),
        Rule(),
        Field(t["number"], SAMPLE_NUMBER),
        Field(t["date"], t["date_value"]),
        Field(t["customer"], t["customer_value"]),
        Field(t["device"], t["device_value"]),
        Heading(t["items"]),
        LineItems(
            columns=(t["col_item"], t["col_qty"], t["col_price"], t["col_amount"]),
            rows=tuple((t[key], qty, price, amount) for key, qty, price, amount in _SAMPLE_ROWS),
            numeric_columns=(1, 2, 3),
        ),
        Totals(
            rows=(
                (t["subtotal"], "1,660.00"),
                (t["tax"], "0.00"),
                (t["total"], "1,660.00"),
            )
        ),
        Rule(),
        Barcode(SAMPLE_NUMBER),
        QRCode(SAMPLE_NUMBER),
    ]
    if terms.strip():
        blocks += [Heading(t["terms"]), Paragraph(terms.strip())]
    blocks.append(SignatureLine(t["signature"]))
    return ReceiptDocument(
        title=t["title"],
        header=header,
        blocks=tuple(blocks),
        footer=receipt_footer_text.strip(),
    )
