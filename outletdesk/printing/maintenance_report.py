"""The maintenance report of one asset on A4: outlet header, the asset with its tag as Code128,
then sections of label/value grids and tables whose failed rows (a check not ok, a value out of
range) are printed bold on a tinted background, so they stand out on paper and in greyscale."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table
from reportlab.platypus import Paragraph as RLParagraph

from outletdesk.printing import blocks
from outletdesk.printing.document import OutletHeader
from outletdesk.printing.fonts import register_fonts
from outletdesk.printing.formats import paper_format
from outletdesk.printing.render import Output, _check, _render_paged
from outletdesk.progress import Progress

FLAG_TINT = Color(0.98, 0.84, 0.84)  # light red; still a visible grey when printed in black
HEADER_TINT = Color(0.92, 0.92, 0.92)


@dataclass(frozen=True)
class Section:
    """A numbered part of the report, e.g. "Meters"."""

    title: str


@dataclass(frozen=True)
class Subsection:
    title: str


@dataclass(frozen=True)
class FieldGrid:
    """Label/value pairs laid out in two columns of pairs."""

    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ReportTable:
    """Preformatted cells; `flagged` rows are highlighted; `widths` are relative (sum free)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()
    flagged: tuple[int, ...] = ()
    numeric: tuple[int, ...] = ()


@dataclass(frozen=True)
class Note:
    text: str


Part = Section | Subsection | FieldGrid | ReportTable | Note


@dataclass(frozen=True)
class MaintenanceReportDocument:
    title: str
    header: OutletHeader
    asset_name: str
    tag: str
    subtitle: str  # category, status
    generated: str  # when and by whom
    parts: tuple[Part, ...]


def _grid(part: FieldGrid, s: blocks.Styles, width: float) -> Flowable:
    pairs = list(part.fields)
    half = (len(pairs) + 1) // 2
    left, right = pairs[:half], pairs[half:]
    label_w, gap = 32 * mm, 4 * mm
    value_w = (width - 2 * label_w - gap) / 2
    rows = []
    for n in range(half):
        row = []
        for side in (left, right):
            label, value = side[n] if n < len(side) else ("", "")
            row += [
                RLParagraph(blocks.text(label), s.body_bold),
                RLParagraph(blocks.text(value), s.body),
            ]
        rows.append(row[:2] + [""] + row[2:])
    t = Table(rows, colWidths=(label_w, value_w, gap, label_w, value_w))
    t.setStyle(blocks._tight(s.m.body))
    return t


def _table(part: ReportTable, s: blocks.Styles, width: float) -> Flowable:
    n = len(part.columns)
    weights = part.widths if len(part.widths) == n else (1.0,) * n
    widths = [width * w / sum(weights) for w in weights]
    small = blocks.Styles(blocks.Metrics(8.5, 7, 10, 13, 16, 0.3, 12, 24, 40))

    def cell(value: str, i: int, header: bool, flagged: bool) -> RLParagraph:
        right = i in part.numeric
        if header or flagged:
            style = small.bold_right if right else small.body_bold
        else:
            style = small.body_right if right else small.body
        return RLParagraph(blocks.text(value), style)

    data = [[cell(c, i, True, False) for i, c in enumerate(part.columns)]]
    for r, row in enumerate(part.rows):
        padded = tuple(row) + ("",) * (n - len(row))
        data.append([cell(v, i, False, r in part.flagged) for i, v in enumerate(padded[:n])])
    commands: list[tuple] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_TINT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, Color(0.75, 0.75, 0.75)),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    commands += [("BACKGROUND", (0, r + 1), (-1, r + 1), FLAG_TINT) for r in part.flagged]
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(blocks._tight(small.m.body, *commands))
    return t


def _title_block(doc: MaintenanceReportDocument, s: blocks.Styles, width: float) -> Flowable:
    """Asset name and its category/status at the left, the tag's barcode at the right."""
    name = blocks.Styles(blocks.Metrics(10, 8, 11.5, 14, 16, 0.375, 12, 32, 45))
    left = [
        RLParagraph(blocks.text(doc.asset_name), name.heading),
        RLParagraph(blocks.text(doc.subtitle), s.body),
        RLParagraph(blocks.text(doc.generated), s.body),
    ]
    code_w = 70 * mm
    right = blocks.barcode(doc.tag, s, code_w)
    t = Table([[left, right]], colWidths=(width - code_w, code_w))
    t.setStyle(blocks._tight(s.m.body, ("VALIGN", (0, 0), (-1, -1), "MIDDLE")))
    return t


def story(doc: MaintenanceReportDocument, progress: Progress | None = None) -> list[Flowable]:
    fmt = paper_format("a4")
    s = blocks.Styles(blocks.WIDE)
    width = fmt.printable_width_pt
    out: list[Flowable] = blocks.header_flowables(doc.header, doc.title, s, width)
    out += [Spacer(1, 2 * mm), _title_block(doc, s, width)]
    pending: list[Flowable] = []  # a heading stays with what follows it
    for part in doc.parts:
        _check(progress)
        match part:
            case Section():
                out += pending
                pending = [Spacer(1, 3 * mm), RLParagraph(blocks.text(part.title), s.heading),
                           blocks.rule(s, space=1)]  # fmt: skip
                continue
            case Subsection():
                out += pending
                pending = [Spacer(1, 1.5 * mm), RLParagraph(blocks.text(part.title), s.body_bold)]
                continue
            case FieldGrid():
                flowable = _grid(part, s, width)
            case ReportTable():
                flowable = _table(part, s, width)
            case Note():
                flowable = RLParagraph(blocks.text(part.text), s.body)
        out.append(KeepTogether([*pending, flowable]) if pending else flowable)
        pending = []
    return out + pending


def render_maintenance_report(
    doc: MaintenanceReportDocument, out: Output, progress: Progress | None = None
) -> None:
    """Write the report as an A4 PDF (as many pages as it needs, numbered) to a path or file."""
    register_fonts()
    flowables = story(doc, progress)
    _check(progress)
    fmt = paper_format("a4")
    assert fmt.height_pt is not None
    _render_paged(flowables, fmt, fmt.height_pt, out, doc.title, doc.header.name)
