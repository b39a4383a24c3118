"""Renders ReceiptDocuments and Labels to PDF: continuous rolls, A4 pages and label stock."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from functools import partial
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from outletdesk.printing import blocks
from outletdesk.printing.document import Label, ReceiptDocument
from outletdesk.printing.fonts import FONT, register_fonts
from outletdesk.printing.formats import LABEL, PAGE, ROLL, SHEET, PaperFormat, paper_format
from outletdesk.printing.labels import draw_label, text_size
from outletdesk.progress import Progress

CREATOR = "OutletDesk"
# Acrobat refuses pages taller than 200 in; a longer roll slip is cut into pages that tall.
MAX_PAGE_PT = 14400.0
_MEASURE_PT = 1e6  # "unlimited" height when measuring a flowable

Output = str | os.PathLike[str] | BinaryIO


def _target(out: Output):
    return os.fspath(out) if isinstance(out, str | os.PathLike) else out


def _check(progress: Progress | None) -> None:
    if progress is not None:
        progress.check()


def _metadata(c: Canvas, title: str, author: str) -> None:
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator(CREATOR)


class _NumberedCanvas(Canvas):
    """Holds pages back until the end so each footer can say "page / pages"."""

    def __init__(self, *args, footer_size: float = 8, footer_y: float = 10 * mm, **kwargs):
        super().__init__(*args, **kwargs)
        self._footer_size, self._footer_y = footer_size, footer_y
        self._saved_pages: list[dict] = []

    def showPage(self):
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved_pages)
        for number, state in enumerate(self._saved_pages, start=1):
            self.__dict__.update(state)
            if total > 1:
                self.setFont(FONT, self._footer_size)
                width = self._pagesize[0]
                self.drawCentredString(width / 2, self._footer_y, f"{number} / {total}")
            super().showPage()
        super().save()


def _render_paged(
    flowables: list[Flowable],
    fmt: PaperFormat,
    page_height: float,
    out: Output,
    title: str,
    author: str,
) -> None:
    """Flow over as many pages as needed, with page numbers in the bottom margin."""
    width = fmt.width_pt
    left, right = fmt.margin_left_mm * mm, fmt.margin_right_mm * mm
    top, bottom = fmt.margin_top_mm * mm, fmt.margin_bottom_mm * mm
    if fmt.kind == ROLL:
        bottom += 4 * mm  # room for the page number on a roll cut into pages
    template = BaseDocTemplate(
        _target(out),
        pagesize=(width, page_height),
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author=author,
        creator=CREATOR,
        initialFontName=FONT,  # otherwise every page refers to an unembedded Helvetica
    )
    frame = Frame(
        left,
        bottom,
        width - left - right,
        page_height - top - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    maker = partial(_NumberedCanvas, footer_y=max(bottom / 2 - 3, 6))
    template.build(flowables, canvasmaker=maker)


def _render_roll(
    flowables: list[Flowable],
    fmt: PaperFormat,
    out: Output,
    title: str,
    author: str,
    progress: Progress | None,
) -> None:
    """One page exactly as tall as the content: each flowable is wrapped once, then drawn."""
    c = Canvas(_target(out), pagesize=(fmt.width_pt, 100), initialFontName=FONT)
    width = fmt.printable_width_pt
    placed: list[tuple[Flowable, float, float, float]] = []  # flowable, w, h, space above
    total, prev_after = 0.0, 0.0
    for n, flowable in enumerate(flowables):
        w, h = flowable.wrapOn(c, width, _MEASURE_PT)
        # Like a platypus Frame: adjoining spaces collapse, none at the very top.
        space = max(flowable.getSpaceBefore(), prev_after) if n else 0.0
        placed.append((flowable, w, h, space))
        total += space + h
        prev_after = flowable.getSpaceAfter()
    _check(progress)

    top, bottom = fmt.margin_top_mm * mm, fmt.margin_bottom_mm * mm
    page_height = top + total + bottom
    if page_height > MAX_PAGE_PT:
        # Flowables are single-use once wrapped for a width, so the paged path starts afresh.
        raise _TooTall()
    c.setPageSize((fmt.width_pt, page_height))
    _metadata(c, title, author)
    left = fmt.margin_left_mm * mm
    y = page_height - top
    for flowable, w, h, space in placed:
        y -= space + h
        align = getattr(flowable, "hAlign", "LEFT")
        x = left + {"CENTER": (width - w) / 2, "CENTRE": (width - w) / 2, "RIGHT": width - w}.get(
            align, 0.0
        )
        flowable.drawOn(c, x, y)
    c.showPage()
    _check(progress)
    c.save()


class _TooTall(Exception):
    """Internal: a roll slip longer than one PDF page may be."""


def render_receipt(
    doc: ReceiptDocument,
    fmt: str | PaperFormat,
    out: Output,
    progress: Progress | None = None,
) -> None:
    """Write `doc` as a PDF for `fmt` ("80mm", "58mm", "a4") to a path or binary file."""
    fmt = paper_format(fmt)
    if fmt.kind not in (ROLL, PAGE):
        raise ValueError(f"{fmt.name!r} is a label format; use render_labels for labels")
    register_fonts()
    _check(progress)
    author = doc.header.name
    if fmt.kind == ROLL:
        try:
            _render_roll(blocks.story(doc, fmt, progress), fmt, out, doc.title, author, progress)
            return
        except _TooTall:
            pass  # the canvas writes nothing before save(), so `out` is still untouched
        _check(progress)
        _render_paged(blocks.story(doc, fmt, progress), fmt, MAX_PAGE_PT, out, doc.title, author)
        return
    story = blocks.story(doc, fmt, progress)
    _check(progress)
    _render_paged(story, fmt, fmt.height_pt or MAX_PAGE_PT, out, doc.title, author)


def render_receipt_bytes(
    doc: ReceiptDocument, fmt: str | PaperFormat, progress: Progress | None = None
) -> bytes:
    buffer = io.BytesIO()
    render_receipt(doc, fmt, buffer, progress)
    return buffer.getvalue()


def render_labels(
    labels: Sequence[Label],
    fmt: str | PaperFormat,
    out: Output,
    progress: Progress | None = None,
    title: str = "Labels",
) -> None:
    """One label per page on label stock, or a grid of labels per sheet on an A4 label sheet."""
    fmt = paper_format(fmt)
    if fmt.kind not in (LABEL, SHEET):
        raise ValueError(f"{fmt.name!r} is not a label format")
    register_fonts()
    c = Canvas(_target(out), pagesize=(fmt.width_pt, fmt.height_pt), initialFontName=FONT)
    _metadata(c, title, CREATOR)
    if fmt.kind == LABEL:
        x, y = fmt.margin_left_mm * mm, fmt.margin_bottom_mm * mm
        w = fmt.printable_width_pt
        h = (fmt.height_mm - fmt.margin_top_mm - fmt.margin_bottom_mm) * mm
        for label in labels:
            _check(progress)
            draw_label(c, label, x, y, w, h)
            c.showPage()
    else:
        # Sheet labels are die-cut: keep the print 3 mm inside each cell so a slightly
        # misfed sheet does not print across the cut.
        inset = 3 * mm
        per_sheet = fmt.labels_per_sheet
        lw, lh = fmt.label_width_mm * mm, fmt.label_height_mm * mm
        bw, bh = lw - 2 * inset, lh - 2 * inset
        sheet_top = (fmt.height_mm - fmt.margin_top_mm) * mm
        sheet_pt = 0.0
        for n, label in enumerate(labels):
            _check(progress)
            slot = n % per_sheet
            if slot == 0:
                if n:
                    c.showPage()
                # One text size for the whole sheet: the largest every label on it fits.
                sheet_pt = min(text_size(other, bw, bh) for other in labels[n : n + per_sheet])
            row, col = divmod(slot, fmt.columns)
            x = fmt.margin_left_mm * mm + col * (lw + fmt.column_gap_mm * mm)
            y = sheet_top - (row + 1) * lh - row * fmt.row_gap_mm * mm
            draw_label(c, label, x + inset, y + inset, bw, bh, text_pt=sheet_pt)
        c.showPage()
    _check(progress)
    c.save()


def render_labels_bytes(
    labels: Sequence[Label], fmt: str | PaperFormat, progress: Progress | None = None
) -> bytes:
    buffer = io.BytesIO()
    render_labels(labels, fmt, buffer, progress)
    return buffer.getvalue()
