"""Tester round 4: an urgent (加急) order's intake receipt (80 mm, 58 mm, A4) and device label
(62x29, 40x20) carry the expedite mark first, so the bench sees it; read back from the PDFs."""

from __future__ import annotations

import pytest
from conftest import needs_poppler
from test_message_words import chinese  # noqa: F401 - the fixture
from test_printouts import pdf_text
from test_receipt_zh_punctuation import take_in, texts_of_the_window

from outletdesk.core.settings import ReceiptSettings
from outletdesk.core.work_orders import receipts


@needs_poppler
@pytest.mark.parametrize("paper", ["80mm", "58mm", "a4"])
def test_an_urgent_order_is_marked_on_its_intake_receipt(services, admin, clerk, paper, tmp_path):
    services.settings.save_receipt(admin, ReceiptSettings(header="Open 9-20 营业", footer="Bye"))
    urgent = take_in(services, clerk, priority="urgent")
    normal = take_in(services, clerk)
    text = pdf_text(receipts.receipt_pdf(services, clerk, urgent.id, "intake", paper), tmp_path)
    assert "URGENT" in text
    # first thing under the title, before the outlet's own header line and the number
    assert text.index("Repair intake receipt") < text.index("URGENT") < text.index("Open 9-20")
    assert text.index("URGENT") < text.index(urgent.number)
    chinese_words = {"urgent": "加急"}
    pdf = receipts.receipt_pdf(services, clerk, urgent.id, "intake", paper, texts=chinese_words)
    assert "加急" in pdf_text(pdf, tmp_path)
    text = pdf_text(receipts.receipt_pdf(services, clerk, normal.id, "intake", paper), tmp_path)
    assert "URGENT" not in text


@needs_poppler
@pytest.mark.parametrize("paper", ["62x29", "40x20"])
def test_an_urgent_order_is_marked_on_its_device_label(services, clerk, paper, tmp_path):
    urgent = take_in(services, clerk, priority="urgent")
    normal = take_in(services, clerk)
    text = pdf_text(receipts.receipt_pdf(services, clerk, urgent.id, "label", paper), tmp_path)
    assert "URGENT" in text and urgent.number in text and "王芳" in text
    pdf = receipts.receipt_pdf(services, clerk, urgent.id, "label", paper, texts={"urgent": "加急"})
    assert "加急" in pdf_text(pdf, tmp_path)
    text = pdf_text(receipts.receipt_pdf(services, clerk, normal.id, "label", paper), tmp_path)
    assert "URGENT" not in text and normal.number in text


def test_the_window_prints_the_mark_in_chinese(services, clerk, request):
    urgent = take_in(services, clerk, priority="urgent")
    request.getfixturevalue("chinese")
    words = texts_of_the_window()
    doc = receipts.receipt_document(services, clerk, urgent.id, "intake", words)
    assert doc.blocks[0] == receipts.Banner("加急")
    assert receipts.device_label(services, clerk, urgent.id, words).mark == "加急"
