"""Printing engine: real reportlab output checked with poppler (text, fonts, sizes, raster)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import POPPLER_TOOLS, needs_poppler, poppler_missing, require_poppler

from outletdesk.printing import document as d
from outletdesk.printing.formats import paper_format
from outletdesk.printing.receipts import SAMPLE_NUMBER, build_test_receipt
from outletdesk.printing.render import (
    render_labels,
    render_labels_bytes,
    render_receipt,
    render_receipt_bytes,
)
from outletdesk.progress import Cancelled, Progress

MM = 72 / 25.4


HEADER = d.OutletHeader(
    name="北站维修中心 North Repair",
    address="北京市丰台区北站路 12 号 / 12 North Station Rd",
    phone="+86 10 5555 1234",
    tax_number="Tax no. 91110000MA01234567",
)
LONG_WORD = "W" * 200


def sample_receipt(terms: str = "保修九十天 Warranty 90 days.") -> d.ReceiptDocument:
    return build_test_receipt(HEADER, "欢迎光临 Welcome", "谢谢惠顾 Thank you", terms)


def run(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True).stdout


def page_size(pdf: Path) -> tuple[float, float]:
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", run("pdfinfo", pdf))
    assert match, "pdfinfo printed no page size"
    return float(match.group(1)), float(match.group(2))


def page_count(pdf: Path) -> int:
    match = re.search(r"Pages:\s+(\d+)", run("pdfinfo", pdf))
    assert match
    return int(match.group(1))


def word_boxes(pdf: Path) -> list[tuple[float, float, float, float]]:
    """(xMin, yMin, xMax, yMax) of every word, in points from the top left of its page."""
    html = run("pdftotext", "-bbox", pdf, "-")
    pattern = r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"'
    return [tuple(map(float, m)) for m in re.findall(pattern, html)]


@needs_poppler
@pytest.mark.parametrize(("fmt", "width_mm"), [("80mm", 80), ("58mm", 58), ("a4", 210)])
def test_test_receipt_text_fonts_and_width(tmp_path: Path, fmt: str, width_mm: float) -> None:
    pdf = tmp_path / f"receipt-{fmt}.pdf"
    render_receipt(sample_receipt(), fmt, pdf)

    text = re.sub(r"\s+", " ", run("pdftotext", pdf, "-"))
    for expected in ("北站维修中心", "North Repair", "Test receipt", "保修九十天"):
        assert expected in text
    assert SAMPLE_NUMBER in text
    assert "Customer signature" in text

    fonts = run("pdffonts", pdf).splitlines()[2:]
    assert fonts, "no fonts in the PDF"
    for line in fonts:
        # name type encoding emb sub uni ...: every font is ours, embedded as a subset
        assert "WenQuanYiMicroHei" in line
        assert line.split()[-5:-2] == ["yes", "yes", "yes"]

    width, height = page_size(pdf)
    assert width == pytest.approx(width_mm * MM, abs=0.5)
    if fmt == "a4":
        assert height == pytest.approx(297 * MM, abs=0.5)

    info = run("pdfinfo", pdf)
    assert "Test receipt" in info
    assert "North Repair" in info  # author


@needs_poppler
def test_roll_height_follows_content(tmp_path: Path) -> None:
    short = sample_receipt()
    longer = replace(
        short, blocks=short.blocks + tuple(d.Paragraph(f"Line {n}") for n in range(20))
    )
    heights = []
    for n, doc in enumerate((short, longer)):
        pdf = tmp_path / f"{n}.pdf"
        render_receipt(doc, "80mm", pdf)
        _, height = page_size(pdf)
        lowest_text = max(box[3] for box in word_boxes(pdf))
        # No blank tail: the last text ends within the bottom margin (8 mm) plus a little.
        assert height - lowest_text <= 12 * MM
        heights.append(height)
    assert heights[1] > heights[0] + 20 * 8  # twenty more lines of at least 8 pt


@needs_poppler
@pytest.mark.parametrize("fmt", ["80mm", "58mm", "a4"])
def test_long_text_and_many_rows_stay_inside_the_paper(tmp_path: Path, fmt: str) -> None:
    rows = tuple(
        (f"零件 Part {n} {LONG_WORD[:30]}", "1", "1,234.50", "1,234.50") for n in range(60)
    )
    doc = replace(
        sample_receipt(terms=LONG_WORD),
        blocks=sample_receipt(terms=LONG_WORD).blocks
        + (
            d.Field("Note " + LONG_WORD[:40], LONG_WORD),
            d.LineItems(("Item", "Qty", "Price", "Amount"), rows, numeric_columns=(1, 2, 3)),
            d.Barcode("LONG-" + "1234567890" * 4),
        ),
    )
    pdf = tmp_path / "long.pdf"
    render_receipt(doc, fmt, pdf)
    width, _ = page_size(pdf)
    fmt_info = paper_format(fmt)
    right_edge = width - fmt_info.margin_right_mm * MM
    for x_min, _, x_max, _ in word_boxes(pdf):
        assert x_min >= fmt_info.margin_left_mm * MM - 1
        assert x_max <= right_edge + 1
    if fmt == "a4":
        assert page_count(pdf) > 1
        assert re.search(r"\b1\s*/\s*\d+\b", run("pdftotext", pdf, "-"))  # page "1 / n"
    else:
        assert page_count(pdf) == 1


@needs_poppler
def test_roll_longer_than_a_pdf_page_is_cut_into_pages(tmp_path: Path) -> None:
    # PDF viewers refuse pages over 200 in (about 5 m); such a slip flows over 200 in pages.
    doc = d.ReceiptDocument("Long", HEADER, tuple(d.Paragraph(f"行 line {n}") for n in range(2000)))
    pdf = tmp_path / "huge.pdf"
    render_receipt(doc, "58mm", pdf)
    width, height = page_size(pdf)
    assert width == pytest.approx(58 * MM, abs=0.5)
    assert height <= 14400
    assert page_count(pdf) > 1


@needs_poppler
def test_receipt_rasterises(tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    render_receipt(sample_receipt(), "80mm", pdf)
    run("pdftoppm", "-png", "-r", "150", pdf, tmp_path / "page")
    png = tmp_path / "page-1.png"
    assert png.stat().st_size > 5000
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@needs_poppler
@pytest.mark.parametrize(
    ("fmt", "pages"), [("label-62x29", 3), ("label-40x20", 3), ("a4-labels-3x8", 2)]
)
def test_labels(tmp_path: Path, fmt: str, pages: int) -> None:
    labels = [
        d.Label(("WO-2024-0001", "张三 iPhone 12"), barcode="WO-2024-0001", qr="https://x.test/1"),
        d.Label(("零件 P-100", "Battery"), barcode="P-100"),
        d.Label(("Text only label with a rather long line that has to shrink or wrap",)),
    ]
    if fmt.startswith("a4"):
        labels = labels * 9  # 27 labels: one full sheet of 24 and a second sheet
    pdf = tmp_path / "labels.pdf"
    render_labels(labels, fmt, pdf)
    assert page_count(pdf) == pages
    width, height = page_size(pdf)
    info = paper_format(fmt)
    assert (width, height) == pytest.approx((info.width_mm * MM, info.height_mm * MM), abs=0.5)
    text = run("pdftotext", pdf, "-")
    assert "张三" in text and "Battery" in text
    for x_min, y_min, x_max, y_max in word_boxes(pdf):
        assert x_min >= 0 and x_max <= width + 0.5
        assert y_min >= 0 and y_max <= height + 0.5


def test_bytes_and_file_objects() -> None:
    data = render_receipt_bytes(sample_receipt(), "58mm")
    assert data.startswith(b"%PDF-")
    buffer = io.BytesIO()
    render_receipt(sample_receipt(), paper_format("80mm"), buffer)
    assert buffer.getvalue().startswith(b"%PDF-")
    assert render_labels_bytes([d.Label(("A",))], "label-40x20").startswith(b"%PDF-")


def test_unknown_format_lists_valid_names() -> None:
    with pytest.raises(ValueError, match="80mm.*58mm.*a4"):
        paper_format("letter")
    with pytest.raises(ValueError, match="valid formats"):
        render_receipt_bytes(sample_receipt(), "76mm")
    with pytest.raises(ValueError):
        render_receipt_bytes(sample_receipt(), "label-62x29")  # labels are not receipts
    with pytest.raises(ValueError):
        render_labels_bytes([d.Label(("A",))], "80mm")


def test_formats() -> None:
    assert paper_format("80mm").printable_width_mm == 72
    assert paper_format("58mm").printable_width_mm == 48
    assert paper_format("80mm").height_mm is None  # continuous roll
    sheet = paper_format("a4-labels-3x8")
    assert sheet.labels_per_sheet == 24
    assert sheet.columns * sheet.label_width_mm <= 210
    assert sheet.rows * sheet.label_height_mm + sheet.margin_top_mm <= 297


def test_cancelled_progress_raises(tmp_path: Path) -> None:
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        render_receipt(sample_receipt(), "80mm", tmp_path / "x.pdf", progress=progress)
    with pytest.raises(Cancelled):
        render_labels([d.Label(("A",))], "label-62x29", tmp_path / "y.pdf", progress=progress)


def test_translated_texts_are_used() -> None:
    doc = build_test_receipt(HEADER, "", "", "", texts={"title": "测试小票", "total": "合计"})
    assert doc.title == "测试小票"
    totals = [b for b in doc.blocks if isinstance(b, d.Totals)][0]
    assert totals.rows[-1][0] == "合计"
    assert not any(isinstance(b, d.Heading) and b.text == "Terms" for b in doc.blocks)


def test_printing_does_not_import_qt_or_core() -> None:
    source = Path(__file__).resolve().parent.parent / "outletdesk" / "printing"
    for module in source.glob("*.py"):
        code = module.read_text(encoding="utf-8")
        for forbidden in ("PySide6", "outletdesk.core", "outletdesk.ui", "sqlalchemy"):
            assert forbidden not in code, f"{module.name} mentions {forbidden}"


@pytest.mark.parametrize("tool", POPPLER_TOOLS)
def test_missing_poppler_fails_under_ci_and_skips_elsewhere(monkeypatch, tool):
    monkeypatch.setattr(shutil, "which", lambda name: None if name == tool else f"/usr/bin/{name}")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=f"{tool} is not installed"):
        require_poppler()
    monkeypatch.delenv("CI")
    assert poppler_missing(tool) == f"{tool} is not installed (poppler-utils)"
    assert poppler_missing("pdftotext" if tool != "pdftotext" else "pdfinfo") is None
    with pytest.raises(pytest.skip.Exception, match=f"{tool} is not installed"):
        require_poppler()
