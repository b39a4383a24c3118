"""Turns document blocks into reportlab flowables sized for one printable width."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import black, white
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, HRFlowable, Spacer, Table, TableStyle
from reportlab.platypus import Paragraph as RLParagraph

from outletdesk.printing import document as d
from outletdesk.printing.fonts import FONT, FONT_BOLD
from outletdesk.printing.formats import PaperFormat
from outletdesk.printing.linebreak import break_lines


@dataclass(frozen=True)
class Metrics:
    """Type sizes and code sizes for one class of paper; a 48 mm roll needs smaller everything."""

    body: float
    small: float
    heading: float
    title: float
    name: float
    bar_module_mm: float  # preferred Code128 bar width; thermal heads print 8 dots/mm
    bar_height_mm: float
    qr_mm: float
    field_label_mm: float | None  # fixed label column on wide paper; None = label left, value right


NARROW = Metrics(7.5, 6.5, 8.5, 10, 12, 0.25, 10, 24, None)
ROLL = Metrics(8.5, 7, 9.5, 11, 14, 0.375, 12, 28, None)
WIDE = Metrics(10, 8, 11.5, 14, 18, 0.375, 15, 32, 45)


def metrics_for(fmt: PaperFormat) -> Metrics:
    width = fmt.printable_width_mm
    if width < 60:
        return NARROW
    return ROLL if width < 100 else WIDE


def text(value: str) -> str:
    """Paragraph markup for plain user text: escaped, line breaks kept."""
    return escape(value).replace("\n", "<br/>")


def para(value: str, style: ParagraphStyle, width: float) -> RLParagraph:
    """Plain text as a paragraph `width` wide, its lines broken here: reportlab breaks Chinese
    anywhere, so a full stop could start a line; linebreak keeps the Chinese rules."""

    def measure(line: str) -> float:
        return stringWidth(line, style.fontName, style.fontSize)

    # A hair narrower than the room, so reportlab never finds a line a rounding too wide.
    lines = break_lines(value, measure, width - 0.01)
    return RLParagraph("<br/>".join(escape(line) for line in lines), style)


class Styles:
    """The paragraph styles of one render, derived from its Metrics."""

    def __init__(self, m: Metrics) -> None:
        self.m = m

        def style(name: str, size: float, font: str = FONT, align: int = TA_LEFT, **kw):
            return ParagraphStyle(
                name, fontName=font, fontSize=size, leading=size * 1.25, alignment=align, **kw
            )

        self.body = style("body", m.body)
        self.body_right = style("body_right", m.body, align=TA_RIGHT)
        self.body_bold = style("body_bold", m.body, FONT_BOLD)
        self.bold_right = style("bold_right", m.body, FONT_BOLD, align=TA_RIGHT)
        self.small_center = style("small_center", m.small, align=TA_CENTER)
        self.center = style("center", m.body, align=TA_CENTER)
        self.heading = style("heading", m.heading, FONT_BOLD, spaceBefore=m.body * 0.6)
        self.title = style("title", m.title, FONT_BOLD, align=TA_CENTER, spaceBefore=2)
        self.name = style("name", m.name, FONT_BOLD, align=TA_CENTER)
        self.total = style("total", m.body + 1.5, FONT_BOLD, align=TA_RIGHT)
        self.banner = style("banner", m.title * 1.3, FONT_BOLD, align=TA_CENTER, textColor=white)


class LeftRight(Flowable):
    """Label at the left edge and value at the right edge of one line: cheaper than a Table."""

    def __init__(self, left: str, right: str, size: float) -> None:
        super().__init__()
        self.left, self.right, self.size = left, right, size

    def wrap(self, availWidth, availHeight):
        self.width, self.height = availWidth, self.size * 1.25
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.setFont(FONT, self.size)
        baseline = self.size * 0.3  # the same descender room a Paragraph leaves
        c.drawString(0, baseline, self.left)
        c.drawRightString(self.width, baseline, self.right)


class SignatureBox(Flowable):
    """Blank room to sign, a line, and the caption under the line."""

    def __init__(self, label: str, size: float, room: float) -> None:
        super().__init__()
        self.label, self.size, self.room = label, size, room

    def wrap(self, availWidth, availHeight):
        self.width = min(availWidth, 80 * mm)
        self.height = self.room + self.size * 1.5
        return self.width, self.height

    def draw(self):
        c = self.canv
        line_y = self.size * 1.4
        c.setLineWidth(0.6)
        c.line(0, line_y, self.width, line_y)
        c.setFont(FONT, self.size)
        c.drawString(0, self.size * 0.3, self.label)


def header_flowables(header: d.OutletHeader, title: str, s: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [para(header.name, s.name, width)]
    out += [
        para(line, s.small_center, width)
        for line in (header.address, header.phone, header.tax_number)
        if line
    ]
    out.append(rule(s, space=3))
    if title:
        out.append(para(title, s.title, width))
    return out


def rule(s: Styles, space: float = 2) -> Flowable:
    # Dashed on receipts, the usual look of a thermal slip; solid on sheets.
    dash = None if s.m.field_label_mm else (2, 1.5)
    return HRFlowable(
        width="100%", thickness=0.5, dash=dash, spaceBefore=space, spaceAfter=space, color=black
    )


def field(b: d.Field, s: Styles, width: float) -> list[Flowable]:
    if s.m.field_label_mm:
        label_w = s.m.field_label_mm * mm
        gap = s.m.body  # a label as wide as its column still stands clear of the value
        t = Table(
            [[para(b.label, s.body, label_w - gap), para(b.value, s.body, width - label_w)]],
            colWidths=(label_w, width - label_w),
        )
        t.setStyle(_tight(s.m.body, ("RIGHTPADDING", (0, 0), (0, -1), gap)))
        return [t]
    gap = s.m.body
    fits = (
        "\n" not in b.label + b.value
        and stringWidth(b.label, FONT, s.m.body) + gap + stringWidth(b.value, FONT, s.m.body)
        <= width
    )
    if fits:
        return [LeftRight(b.label, b.value, s.m.body)]
    # Narrow roll: the value goes under its label, right-aligned, and wraps if it must.
    return [para(b.label, s.body, width), para(b.value, s.body_right, width)]


def _tight(size: float, *extra) -> TableStyle:
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            # Empty cells would otherwise select the table default, an unembedded Helvetica.
            ("FONT", (0, 0), (-1, -1), FONT, size, size * 1.25),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            *extra,
        ]
    )


def line_items(b: d.LineItems, s: Styles, width: float) -> Flowable:
    ncols = len(b.columns)
    numeric = [i for i in b.numeric_columns if 0 <= i < ncols]
    textual = [i for i in range(ncols) if i not in numeric]
    size = s.m.body
    pad = size * 0.9  # gap left of each numeric column, so adjacent amounts stay apart

    # Numbers never wrap where they can help it, so their columns take what their widest cell
    # needs (capped) and the text columns share what is left.
    def need(i: int) -> float:
        cells = [b.columns[i]] + [r[i] for r in b.rows if i < len(r)]
        return min(max(stringWidth(c, FONT, size) for c in cells) + pad, width * 0.4)

    num_w = {i: need(i) for i in numeric}
    text_share = width - sum(num_w.values())
    stacked = bool(textual) and bool(numeric) and text_share < width * 0.4

    def cell(value: str, i: int, header: bool, room: float) -> RLParagraph:
        if i in num_w:
            return para(value, s.bold_right if header else s.body_right, room)
        return para(value, s.body_bold if header else s.body, room)

    commands: list[tuple] = [("LINEBELOW", (0, 0), (-1, 0), 0.5, black)]
    if not stacked:
        widths = [num_w.get(i, text_share / max(len(textual), 1)) for i in range(ncols)]

        def row_cells(row: tuple[str, ...], header: bool) -> list[RLParagraph]:
            padded = tuple(row) + ("",) * (ncols - len(row))
            return [cell(padded[i], i, header, widths[i]) for i in range(ncols)]

        data = [row_cells(b.columns, True)] + [row_cells(r, False) for r in b.rows]
        t = Table(data, colWidths=widths, repeatRows=1)
        t.setStyle(_tight(size, *commands))
        return t

    # Too narrow for text beside numbers (58 mm roll): each item takes two lines, its text
    # across the full width, then its numbers right-aligned underneath.
    total_num = sum(num_w.values())
    scale = min(1.0, width * 0.85 / total_num)
    widths = [width - total_num * scale] + [num_w[i] * scale for i in numeric]
    span = len(widths) - 1

    def two_lines(row: tuple[str, ...], header: bool) -> list[list]:
        padded = tuple(row) + ("",) * (ncols - len(row))
        label = " / ".join(padded[i] for i in textual if padded[i])
        first = [cell(label, textual[0], header, width)] + [""] * span
        second = [""] + [cell(padded[i], i, header, widths[n + 1]) for n, i in enumerate(numeric)]
        return [first, second]

    data: list[list] = []
    for n, row in enumerate((b.columns, *b.rows)):
        start = len(data)
        data += two_lines(row, n == 0)
        commands += [
            ("SPAN", (0, start), (-1, start)),
            # Pull each item's numbers up to its text so the pair reads as one item.
            ("TOPPADDING", (0, start), (-1, start), 2),
            ("BOTTOMPADDING", (0, start), (-1, start), 0),
            ("TOPPADDING", (0, start + 1), (-1, start + 1), 0),
        ]
    commands[0] = ("LINEBELOW", (0, 1), (-1, 1), 0.5, black)
    t = Table(data, colWidths=widths, repeatRows=2)
    t.setStyle(_tight(size, *commands))
    return t


def banner(b: d.Banner, s: Styles, width: float) -> Flowable:
    """White bold text on a black bar as wide as the paper: thermal heads print solid black
    well, and nothing else on a receipt looks like it."""
    pad = s.m.body * 0.4
    t = Table([[para(b.text, s.banner, width - 2 * pad)]], colWidths=(width,))
    t.setStyle(
        _tight(
            s.banner.fontSize,
            ("BACKGROUND", (0, 0), (-1, -1), black),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        )
    )
    return t


def totals(b: d.Totals, s: Styles, width: float) -> Flowable:
    rows = list(b.rows)
    value_w = min(
        max((stringWidth(v, FONT, s.m.body + 1.5) for _, v in rows), default=0) + s.m.body,
        width * 0.5,
    )
    data = []
    for n, (label, value) in enumerate(rows):
        style = s.total if n == len(rows) - 1 else s.body_right
        data.append([para(label, style, width - value_w), para(value, style, value_w)])
    t = Table(data, colWidths=(width - value_w, value_w))
    extra = [("LINEABOVE", (0, -1), (-1, -1), 0.5, black)] if len(rows) > 1 else []
    t.setStyle(_tight(s.m.body, *extra))
    return t


def barcode(value: str, s: Styles, width: float) -> list[Flowable]:
    # Code128 needs a quiet zone of 10 modules each side; the bar width is the preferred one
    # unless the whole symbol would not fit, then it shrinks to fit the printable width.
    modules = Code128(value, barWidth=1, quiet=0).width
    bar = min(s.m.bar_module_mm * mm, width / (modules + 20))
    bc = Code128(
        value,
        barWidth=bar,
        barHeight=s.m.bar_height_mm * mm,
        quiet=1,
        lquiet=10 * bar,
        rquiet=10 * bar,
        humanReadable=False,  # drawn by us below, in our embedded font rather than Helvetica
    )
    bc.hAlign = "CENTER"
    return [Spacer(1, 3), bc, para(value, s.small_center, width)]


def qr_drawing(value: str, size: float) -> Drawing:
    widget = QrCodeWidget(value, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    # Drawings start in Times-Roman even without text, which would add an unembedded font.
    drawing.initialFontName = FONT
    drawing.add(widget)
    return drawing


def qr(value: str, s: Styles, width: float) -> list[Flowable]:
    drawing = qr_drawing(value, min(s.m.qr_mm * mm, width))
    drawing.hAlign = "CENTER"
    return [Spacer(1, 2), drawing, para(value, s.small_center, width)]


def block_flowables(block: d.Block, s: Styles, width: float) -> list[Flowable]:
    match block:
        case d.Heading():
            return [para(block.text, s.heading, width)]
        case d.Paragraph():
            return [para(block.text, s.body, width)]
        case d.Banner():
            return [Spacer(1, 2), banner(block, s, width), Spacer(1, 2)]
        case d.Field():
            return field(block, s, width)
        case d.LineItems():
            return [Spacer(1, 2), line_items(block, s, width)]
        case d.Totals():
            return [Spacer(1, 2), totals(block, s, width)]
        case d.Barcode():
            return barcode(block.value, s, width)
        case d.QRCode():
            return qr(block.value, s, width)
        case d.Rule():
            return [rule(s)]
        case d.SignatureLine():
            return [SignatureBox(block.label, s.m.body, room=12 * mm)]
    raise TypeError(f"Not a document block: {block!r}")


def story(doc: d.ReceiptDocument, fmt: PaperFormat, progress=None) -> list[Flowable]:
    """All flowables of a receipt, top to bottom."""
    s = Styles(metrics_for(fmt))
    width = fmt.printable_width_pt
    out = header_flowables(doc.header, doc.title, s, width)
    for block in doc.blocks:
        if progress is not None:
            progress.check()
        out += block_flowables(block, s, width)
    if doc.footer:
        out += [Spacer(1, 4), para(doc.footer, s.small_center, width)]
    return out
