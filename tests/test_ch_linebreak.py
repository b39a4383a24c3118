"""Tester round 3: printed lines keep the Chinese line-breaking rules (no full stop or comma
starts a line) and an A4 label stands clear of its value; read back from the PDF."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import needs_poppler
from test_work_order_receipts import intake, repaired

from outletdesk.core.work_orders import receipts
from outletdesk.printing.linebreak import NO_END, NO_START, break_lines


def cells(text: str) -> float:
    """A measure like a monospaced CJK font: Chinese two cells, everything else one."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


@pytest.mark.parametrize("width", range(8, 41))  # from 4 Chinese characters: 要！）。 is one
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(width):
    text = (
        "Repairs carry a 90-day warranty. 设备通知取件后90天内未取，本店有权处理。"
        "数据丢失概不负责，请提前备份（重要！）。维修保修90天。"
    )
    lines = break_lines(text, cells, width)
    assert all(cells(line) <= width for line in lines)
    assert not [line for line in lines if line[0] in NO_START]
    assert not [line for line in lines if line[-1] in NO_END]
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost


def test_words_move_whole_and_chinese_fills_the_line():
    assert break_lines("North Station Repair 北站维修中心", cells, 24) == [
        "North Station Repair",
        "北站维修中心",
    ]
    assert break_lines("ab 一二三四五六七八", cells, 10) == ["ab 一二三", "四五六七八"]
    assert break_lines("一二三。", cells, 6) == ["一二", "三。"]  # the 三 goes down with its 。
    assert break_lines("x" * 25, cells, 10) == ["x" * 10, "x" * 10, "x" * 5]
    assert break_lines("one\n\ntwo", cells, 10) == ["one", "", "two"]


def pdf_lines(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True)
    return [line.strip() for line in out.stdout.decode().splitlines() if line.strip()]


@needs_poppler
@pytest.mark.parametrize("paper", ["58mm", "80mm", "a4"])
def test_receipt_lines_never_start_with_a_full_stop(services, clerk, outlet, paper, tmp_path):
    from conftest import make_actor

    from outletdesk.models import Role

    tech = make_actor(services, outlet.id, Role.TECHNICIAN, "tech")
    order = repaired(services, clerk, tech)  # the default terms end in 维修保修90天。
    for kind in ("intake", "handback"):
        lines = pdf_lines(receipts.receipt_pdf(services, clerk, order.id, kind, paper), tmp_path)
        assert any("维修保修90" in line for line in lines)
        assert not [line for line in lines if line[0] in NO_START], kind


@needs_poppler
def test_a4_condition_label_stands_clear_of_its_value(services, clerk, tmp_path):
    order = intake(
        services,
        clerk,
        condition=(("外壳无凹痕 Housing without dents", True, ""), ("Powers on", True, "")),
    )
    path = tmp_path / "a4.pdf"
    path.write_bytes(receipts.receipt_pdf(services, clerk, order.id, "intake", "a4"))
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    words = [
        (float(x0), float(y0), float(x1), word)
        for x0, y0, x1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            xml,
        )
    ]
    value = next(w for w in words if w[3] == "OK")  # the first condition's value
    same_line = [w for w in words if abs(w[1] - value[1]) < 1 and w is not value]
    assert [w[3] for w in same_line][:2] == ["外壳无凹痕", "Housing"]
    assert max(w[2] for w in same_line) < value[0] - 5  # at least 5 pt between label and value
