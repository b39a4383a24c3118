"""80 mm receipt to PDF: our platypus engine against hand-placed reportlab canvas calls."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from common import Figure, best_of, ratio_figure

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MAX_RATIO = 1.3
REPEAT = 15  # one receipt takes milliseconds; more repeats steady the best-of

TERMS = (
    "本公司对维修的设备提供九十天保修，人为损坏、进水除外。"
    "Repairs are guaranteed for 90 days, except for accidental or liquid damage. "
    "Devices not collected within 90 days may be disposed of."
)
ITEMS = [
    ("Diagnosis / 检测", "1", "50.00", "50.00"),
    ("Screen replacement / 更换屏幕", "1", "1,250.00", "1,250.00"),
    ("Battery / 电池", "2", "180.00", "360.00"),
]
FIELDS = [
    ("Receipt no.", "WO-2024-000123"),
    ("Date", "2024-03-01 09:30"),
    ("Customer", "王小明 Wang Xiaoming"),
    ("Device", "iPhone 13, IMEI 350000000000001"),
]
TOTALS = [("Subtotal", "1,660.00"), ("Tax", "0.00"), ("Total", "1,660.00")]
NUMBER = "WO-2024-000123"


def receipt():
    from outletdesk.printing import document as d

    header = d.OutletHeader("北站维修中心 North Repair", "北站路 12 号", "+86 10 5555 1234", "")
    blocks = [d.Field(label, value) for label, value in FIELDS]
    blocks += [
        d.LineItems(("Item", "Qty", "Price", "Amount"), tuple(ITEMS), (1, 2, 3)),
        d.Totals(tuple(TOTALS)),
        d.Rule(),
        d.Barcode(NUMBER),
        d.QRCode(NUMBER),
        d.Paragraph(TERMS),
        d.SignatureLine("Customer signature"),
    ]
    return d.ReceiptDocument("Receipt / 收据", header, tuple(blocks), "谢谢惠顾 Thank you")


def ours(doc) -> bytes:
    from outletdesk.printing.render import render_receipt_bytes

    return render_receipt_bytes(doc, "80mm")


def plain() -> bytes:
    """The floor: the same content placed by hand on a canvas at a fixed height, no measuring."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.code128 import Code128
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.units import mm
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    from outletdesk.printing.fonts import FONT

    width, height, left, inner = 80 * mm, 190 * mm, 4 * mm, 72 * mm
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(width, height), initialFontName=FONT)
    c.setTitle("Receipt / 收据")
    y = height - 3 * mm - 14
    c.setFont(FONT, 14)
    c.drawCentredString(width / 2, y, "北站维修中心 North Repair")
    c.setFont(FONT, 7)
    for line in ("北站路 12 号", "+86 10 5555 1234"):
        y -= 9
        c.drawCentredString(width / 2, y, line)
    y -= 8
    c.line(left, y, left + inner, y)
    y -= 14
    c.setFont(FONT, 11)
    c.drawCentredString(width / 2, y, "Receipt / 收据")
    c.setFont(FONT, 8.5)
    for label, value in FIELDS:
        y -= 11
        c.drawString(left, y, label)
        c.drawRightString(left + inner, y, value)
    for row in [("Item", "Qty", "Price", "Amount"), *ITEMS]:
        y -= 12
        c.drawString(left, y, row[0])
        for x, cell in zip((120, 160, 204), row[1:], strict=True):
            c.drawRightString(left + x, y, cell)
    for label, value in TOTALS:
        y -= 11
        c.drawRightString(left + 150, y, label)
        c.drawRightString(left + inner, y, value)
    bc = Code128(NUMBER, barWidth=0.375 * mm, barHeight=12 * mm, humanReadable=False)
    y -= 12 * mm + 6
    bc.drawOn(c, (width - bc.width) / 2, y)
    c.setFont(FONT, 7)
    y -= 9
    c.drawCentredString(width / 2, y, NUMBER)
    widget = QrCodeWidget(NUMBER, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    side = 28 * mm
    drawing = Drawing(side, side, transform=[side / (x2 - x1), 0, 0, side / (y2 - y1), 0, 0])
    drawing.initialFontName = FONT
    drawing.add(widget)
    y -= side + 4
    renderPDF.draw(drawing, c, (width - side) / 2, y)
    c.setFont(FONT, 8.5)
    for line in simpleSplit(TERMS, FONT, 8.5, inner):
        y -= 10.6
        c.drawString(left, y, line)
    y -= 12 * mm
    c.line(left, y, left + 60 * mm, y)
    c.drawString(left, y - 10, "Customer signature")
    c.setFont(FONT, 7)
    c.drawCentredString(width / 2, y - 24, "谢谢惠顾 Thank you")
    c.showPage()
    c.save()
    return buffer.getvalue()


def run() -> list[Figure]:
    from outletdesk.printing.fonts import register_fonts

    register_fonts()  # once, outside the timing, for both sides
    doc = receipt()
    ours(doc)  # warm both paths (imports, glyph width caches)
    plain()
    floor = best_of(plain, REPEAT)
    value = best_of(lambda: ours(doc), REPEAT)
    return [
        ratio_figure(
            "80 mm receipt PDF with Code128, QR and Chinese text (ms)",
            value * 1000,
            floor * 1000,
            "ms",
            MAX_RATIO,
        )
    ]


if __name__ == "__main__":
    for fig in run():
        status = "ok" if fig.met else "MISSED"
        print(
            f"{fig.name}: {fig.value:.2f} {fig.unit} (floor {fig.floor:.2f} {fig.unit}, "
            f"ratio {fig.ratio:.2f}; goal {fig.goal}) {status}"
        )
