"""Draws one sticker into a box: text shrunk to fit, barcode across, QR code at the side."""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from outletdesk.printing.blocks import qr_drawing
from outletdesk.printing.document import Label
from outletdesk.printing.fonts import FONT, FONT_BOLD

MAX_TEXT_PT = 12.0
MIN_TEXT_PT = 4.0
LEADING = 1.2
FIRST = 1.15  # the first line (usually the number) is a little larger
MAX_MODULE = 0.5 * mm  # wider bars do not scan better, they just look odd on short values


def _layout(lines: list[str], width: float, height: float) -> tuple[float, list[list[str]]]:
    """Largest size (first line 1.15x) at which the lines, word-wrapped, fit the box."""
    size = MAX_TEXT_PT
    while True:
        wrapped = [
            simpleSplit(line, FONT, size * (FIRST if n == 0 else 1.0), width) or [""]
            for n, line in enumerate(lines)
        ]
        rows = sum(len(w) for w in wrapped) + (FIRST - 1) * len(wrapped[0])
        too_wide = any(
            stringWidth(piece, FONT, size * (FIRST if n == 0 else 1.0)) > width
            for n, pieces in enumerate(wrapped)
            for piece in pieces
        )
        if size <= MIN_TEXT_PT or (rows * size * LEADING <= height and not too_wide):
            return size, wrapped
        size = max(MIN_TEXT_PT, size - 0.5)


def _clip_line(line: str, size: float, width: float) -> str:
    # Only reached at the minimum size: cut with an ellipsis rather than print off the label.
    if stringWidth(line, FONT, size) <= width:
        return line
    while line and stringWidth(line + "…", FONT, size) > width:
        line = line[:-1]
    return line + "…"


def draw_label(c: Canvas, label: Label, x: float, y: float, w: float, h: float) -> None:
    """Draw `label` inside the box whose lower left corner is (x, y)."""
    lines = [ln for ln in label.lines if ln]
    text_x, text_w = x, w
    if label.qr:
        # The QR code takes a square at the right as tall as the box (up to half the width).
        side = min(h, w * 0.5)
        drawing = qr_drawing(label.qr, side)
        renderPDF.draw(drawing, c, x + w - side, y + (h - side) / 2)
        text_w = w - side - 1 * mm

    text_bottom = y
    if label.barcode:
        # A strip at the bottom: bars plus the value in tiny type, about 40% of the box.
        value_pt = max(MIN_TEXT_PT, min(6.0, h * 0.1))
        bar_h = h * (0.4 if lines else 0.8) - value_pt * 1.1
        modules = Code128(label.barcode, barWidth=1, quiet=0).width
        bar = min(MAX_MODULE, text_w / (modules + 10))  # quiet zone of 5 modules a side
        bc = Code128(
            label.barcode,
            barWidth=bar,
            barHeight=bar_h,
            quiet=1,
            lquiet=5 * bar,
            rquiet=5 * bar,
            humanReadable=False,
        )
        bc.drawOn(c, text_x + (text_w - bc.width) / 2, y + value_pt * 1.1)
        c.setFont(FONT, value_pt)
        c.drawCentredString(text_x + text_w / 2, y + value_pt * 0.2, label.barcode)
        text_bottom = y + bar_h + value_pt * 1.1 + 0.5 * mm

    if not lines:
        return
    size, wrapped = _layout(lines, text_w, y + h - text_bottom)
    baseline = y + h - size * FIRST * 0.95
    for n, pieces in enumerate(wrapped):
        line_size = size * (FIRST if n == 0 else 1.0)
        for piece in pieces:
            if baseline < text_bottom:
                return  # only at the minimum size: drop what cannot fit rather than overprint
            c.setFont(FONT_BOLD if n == 0 else FONT, line_size)
            c.drawString(text_x, baseline, _clip_line(piece, line_size, text_w))
            baseline -= line_size * LEADING
