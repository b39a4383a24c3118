"""Draws one sticker into a box: text shrunk to fit, barcode across, QR code at the side. On a
sheet of labels every label takes the size the sheet's longest text fits (`text_size`), so a
short name does not print larger than its neighbours."""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.colors import black, white
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


def _layout(
    lines: list[str], width: float, height: float, largest: float = MAX_TEXT_PT
) -> tuple[float, list[list[str]]]:
    """Largest size up to `largest` (first line 1.15x) at which the lines, word-wrapped, fit
    the box."""
    size = largest
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


def _value_pt(h: float) -> float:
    return max(MIN_TEXT_PT, min(6.0, h * 0.1))


def _bar_height(label: Label, h: float) -> float:
    """The bars' height: about 40% of the box under text, most of it without."""
    return h * (0.4 if any(label.lines) else 0.8) - _value_pt(h) * 1.1


def _mark_height(label: Label, h: float) -> float:
    """The black bar of the label's mark at the top (nothing without a mark), gap included."""
    return h * 0.17 + 0.4 * mm if label.mark else 0.0


def _text_box(label: Label, w: float, h: float) -> tuple[float, float]:
    """Width and height left to the text beside the QR code, under the mark and above the
    barcode."""
    text_w = w - min(h, w * 0.5) - 1 * mm if label.qr else w
    bars = _bar_height(label, h) + _value_pt(h) * 1.1 + 0.5 * mm if label.barcode else 0.0
    return text_w, h - bars - _mark_height(label, h)


def _draw_mark(c: Canvas, text: str, x: float, top: float, w: float, bar_h: float) -> None:
    """White bold text on a black bar: the urgent mark is seen from across the bench."""
    c.setFillColor(black)
    c.rect(x, top - bar_h, w, bar_h, stroke=0, fill=1)
    size = min(bar_h * 0.72, MAX_TEXT_PT * 1.5)
    while size > MIN_TEXT_PT and stringWidth(text, FONT_BOLD, size) > w - 1 * mm:
        size -= 0.5
    c.setFillColor(white)
    c.setFont(FONT_BOLD, size)
    c.drawCentredString(x + w / 2, top - bar_h / 2 - size * 0.35, _clip_line(text, size, w))
    c.setFillColor(black)


def text_size(label: Label, w: float, h: float) -> float:
    """The largest size at which the label's text fits a w x h box (MIN_TEXT_PT at the least,
    where a line too long is cut); a sheet prints all its labels at the smallest of these."""
    lines = [ln for ln in label.lines if ln]
    if not lines:
        return MAX_TEXT_PT
    return _layout(lines, *_text_box(label, w, h))[0]


def draw_label(
    c: Canvas,
    label: Label,
    x: float,
    y: float,
    w: float,
    h: float,
    *,
    text_pt: float = MAX_TEXT_PT,
) -> None:
    """Draw `label` inside the box whose lower left corner is (x, y), its text as large as fits
    up to `text_pt`."""
    lines = [ln for ln in label.lines if ln]
    text_x = x
    text_w, text_h = _text_box(label, w, h)
    if label.qr:
        # The QR code takes a square at the right as tall as the box (up to half the width).
        side = min(h, w * 0.5)
        drawing = qr_drawing(label.qr, side)
        renderPDF.draw(drawing, c, x + w - side, y + (h - side) / 2)

    mark_h = _mark_height(label, h)
    text_bottom = y + h - mark_h - text_h
    if label.barcode:
        # A strip at the bottom: bars plus the value in tiny type.
        value_pt, bar_h = _value_pt(h), _bar_height(label, h)
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

    if label.mark:
        _draw_mark(c, label.mark, text_x, y + h, text_w, mark_h - 0.4 * mm)
    if not lines:
        return
    size, wrapped = _layout(lines, text_w, text_h, text_pt)
    baseline = y + h - mark_h - size * FIRST * 0.95
    for n, pieces in enumerate(wrapped):
        line_size = size * (FIRST if n == 0 else 1.0)
        for piece in pieces:
            if baseline < text_bottom:
                return  # only at the minimum size: drop what cannot fit rather than overprint
            c.setFont(FONT_BOLD if n == 0 else FONT, line_size)
            c.drawString(text_x, baseline, _clip_line(piece, line_size, text_w))
            baseline -= line_size * LEADING
