"""Printouts built from shop data: the test receipt carries the outlet's and the shop's own texts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import needs_poppler

from outletdesk.core import printouts
from outletdesk.core.errors import ValidationError
from outletdesk.core.settings import ReceiptSettings
from outletdesk.printing.receipts import DEFAULT_TEXTS


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "receipt.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return re.sub(r"\s+", " ", out)


@needs_poppler
def test_test_receipt_shows_outlet_and_saved_texts(services, admin, outlet, tmp_path):
    services.settings.save_receipt(
        admin,
        ReceiptSettings(
            header="欢迎光临 Welcome",
            footer="多谢惠顾 Come again",
            terms="保修六十天 Warranty 60 days",
        ),
    )
    pdf = printouts.test_receipt_pdf(services, admin, outlet.id, "58mm", None)

    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf, tmp_path)
    for expected in ("北站店", "North Station", "88 Station Rd", "TAX-1", "欢迎光临", "保修六十天"):
        assert expected in text
    assert "Warranty 60 days" in text
    assert "多谢惠顾 Come again" in text


CHINESE_WORDS = {
    "title": "测试小票",
    "customer": "客户",
    "customer_value": "示例客户",
    "items": "项目",
    "item_1": "检测",
    "item_2": "更换屏幕",
    "item_3": "电池",
    "total": "合计",
    "signature": "顾客签名",
}


@needs_poppler
def test_test_receipt_uses_given_words(services, clerk, outlet, tmp_path):
    pdf = printouts.test_receipt_pdf(services, clerk, outlet.id, " A4 ", CHINESE_WORDS)
    text = pdf_text(pdf, tmp_path)
    for word in CHINESE_WORDS.values():
        assert word in text
    for english in (
        "Test receipt",
        "Sample Customer",
        "Diagnosis",
        "Battery",
        "Customer signature",
    ):
        assert english not in text
    assert "Receipt no." in text  # words not given stay in English


@needs_poppler
def test_test_receipt_defaults_are_english_only(services, clerk, outlet, tmp_path):
    text = pdf_text(printouts.test_receipt_pdf(services, clerk, outlet.id, "80mm"), tmp_path)
    assert "Test receipt" in text and "Screen replacement" in text
    assert "测试小票" not in text and "更换屏幕" not in text


def test_every_test_receipt_word_is_marked_for_translation():
    """TEST_RECEIPT_WORDS repeats DEFAULT_TEXTS (printing/ cannot import core) and must not drift."""
    assert printouts.TEST_RECEIPT_WORDS == DEFAULT_TEXTS
    source = Path(printouts.__file__).read_text(encoding="utf-8")
    for english in DEFAULT_TEXTS.values():
        assert f'QT_TRANSLATE_NOOP("core", "{english}")' in source
        assert "/" not in english  # one language per source string; translation adds the other


@pytest.mark.parametrize("paper", ["letter", "label-62x29", ""])
def test_unknown_or_label_paper_is_refused(services, admin, outlet, paper):
    with pytest.raises(ValidationError) as caught:
        printouts.test_receipt_pdf(services, admin, outlet.id, paper, None)
    assert caught.value.field == "Paper size"
    assert "80mm" in str(caught.value)
