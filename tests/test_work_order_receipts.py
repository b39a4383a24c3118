"""Work-order printouts read back from the PDF: intake, hand-back and quote in every paper, labels."""

from __future__ import annotations

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import make_actor, needs_poppler
from test_printouts import pdf_text

from outletdesk.core.customers import CustomerInput
from outletdesk.core.errors import ValidationError
from outletdesk.core.settings import ReceiptSettings
from outletdesk.core.work_orders import receipts
from outletdesk.core.work_orders.dto import DeviceInput, IntakeInput, LineInput
from outletdesk.models import Role, utcnow

PASSCODE = "739182"
IMEI = "490154203237518"
FAULT = "Screen cracked 屏幕碎裂"


@pytest.fixture
def tech(services, outlet):
    return make_actor(services, outlet.id, Role.TECHNICIAN, "tech")


def intake(services, actor, **changes):
    data = {
        "device": DeviceInput("phone", "Apple", "iPhone 12", serial="F2LXK0ABC", imei=IMEI),
        "reported_fault": FAULT,
        "new_customer": CustomerInput("王芳", ["138 0013 8000"]),
        "customer_demand": "Keep my photos 保留照片",
        "condition": (("Screen intact", False, "cracked corner"), ("Powers on", True, "")),
        "accessories": "Charger 充电器",
        "passcode": PASSCODE,
        "estimate": "650.00",
        "deposit": "100.00",
        "promised_at": utcnow() + timedelta(days=2),
    } | changes
    order, _ = services.intake.take_in(actor, IntakeInput(**data))
    return order


def repaired(services, clerk, tech):
    """An order taken in, quoted with Chinese lines, repaired and handed back, paid by card."""
    order = intake(services, clerk, technician_id=tech.user_id)
    for status in ("diagnosing", "in_repair"):
        order, _ = services.work_orders.move(tech, order.id, order.version, status)
    lines = [
        LineInput("part", "Screen assembly 屏幕总成", 1, "1560.00"),
        LineInput("labour", "Replace screen 更换屏幕", 45, "80.00"),
    ]
    order, _ = services.work_orders.set_lines(
        tech, order.id, order.version, lines, discount="20.00", discount_reason="Loyal"
    )
    order, _ = services.work_orders.move(tech, order.id, order.version, "ready")
    order, _ = services.work_orders.hand_back(
        clerk, order.id, order.version, "王芳", payment=str(order.balance), method="card"
    )
    return order


@needs_poppler
@pytest.mark.parametrize("paper", ["80mm", "58mm", "a4"])
def test_intake_receipt_has_everything_but_the_passcode(services, tech, paper, tmp_path):
    order = intake(services, tech)  # a technician may see the passcode: it still must not print
    text = pdf_text(receipts.receipt_pdf(services, tech, order.id, "intake", paper), tmp_path)
    for expected in (
        "North Station 北站店",
        "Repair intake receipt",
        order.number,
        "王芳",
        "13800138000",
        "Apple iPhone 12 (phone)",
        IMEI,
        "F2LXK0ABC",
        "屏幕碎裂",
        "保留照片",
        "Not OK: cracked corner",
        "充电器",
        "Not under warranty",
        "650.00",
        "100.00",
        f"{order.promised_at.astimezone():%Y-%m-%d %H:%M}",
        f"{order.received_at.astimezone():%Y-%m-%d %H:%M}",
        "维修保修90",  # the default terms (on 58 mm "天。" starts the next line: kinsoku)
        "Customer signature",
        "谢谢惠顾",
    ):
        assert expected in text, expected
    assert PASSCODE not in text


@needs_poppler
@pytest.mark.parametrize("paper", ["80mm", "58mm", "a4"])
def test_handback_receipt_shows_money_and_repair_warranty(services, clerk, tech, paper, tmp_path):
    order = repaired(services, clerk, tech)
    text = pdf_text(receipts.receipt_pdf(services, clerk, order.id, "handback", paper), tmp_path)
    for expected in (
        "Hand-back receipt",
        order.number,
        "王芳",
        "屏幕总成",
        "更换屏幕",
        "45 min",
        "80.00/h",
        "1,560.00",
        "60.00",
        "1,620.00",  # subtotal
        "-20.00",
        "1,600.00",  # total
        "Deposit (cash)",
        "Payment (card)",
        "1,500.00",
        "Balance due",
        "0.00",
        f"{order.repair_warranty_until:%Y-%m-%d}",
        "Repair warranty until",
        "Terms",
    ):
        assert expected in text, expected
    assert PASSCODE not in text


@needs_poppler
@pytest.mark.parametrize("paper", ["80mm", "58mm", "a4"])
def test_quote_is_marked_as_an_estimate(services, clerk, tech, paper, tmp_path):
    order = intake(services, clerk)
    order, _ = services.work_orders.set_lines(
        tech, order.id, order.version, [LineInput("part", "Battery 电池", 2, "180.00")]
    )
    text = pdf_text(receipts.receipt_pdf(services, clerk, order.id, "quote", paper), tmp_path)
    valid = utcnow().astimezone().date() + timedelta(days=receipts.QUOTE_VALID_DAYS)
    for expected in ("Repair quote", "for your approval", "电池", "360.00", f"{valid:%Y-%m-%d}"):
        assert expected in text, expected
    assert "Approved by the customer" in text


@needs_poppler
@pytest.mark.parametrize("paper", ["label-62x29", "label-40x20", "62x29", None])
def test_device_label(services, clerk, paper, tmp_path):
    order = intake(services, clerk, reported_fault="Does not charge at all, port full of lint")
    text = pdf_text(receipts.receipt_pdf(services, clerk, order.id, "label", paper), tmp_path)
    assert order.number in text and "王芳" in text and "Does not" in text
    assert f"{order.received_at.astimezone():%Y-%m-%d}" in text
    assert PASSCODE not in text


def test_device_label_carries_codes_and_a_short_fault(services, clerk):
    order = intake(services, clerk, reported_fault="x" * 200)
    label = receipts.device_label(services, clerk, order.id)
    assert label.barcode == label.qr == order.number
    assert label.lines[1] == "王芳" and len(label.lines[2]) == receipts.SHORT_FAULT


@needs_poppler
def test_translated_words_replace_the_english(services, clerk, outlet, admin, tmp_path):
    services.settings.save_receipt(admin, ReceiptSettings(header="欢迎", footer="再见", terms=""))
    order = intake(services, clerk)
    words = {
        "intake_title": "维修接收单",
        "customer": "客户",
        "fault": "故障",
        "type_phone": "手机",
    }
    doc = receipts.receipt_document(services, clerk, order.id, "intake", words)
    assert doc.title == "维修接收单"
    pdf = receipts.receipt_pdf(services, clerk, order.id, "intake", "80mm", texts=words)
    text = pdf_text(pdf, tmp_path)
    assert "维修接收单" in text and "客户" in text and "故障" in text and "(手机)" in text
    assert "欢迎" in text and "再见" in text
    assert "Repair intake receipt" not in text and "Terms" not in text  # no terms saved
    assert "Work order no." in text  # words not given stay English


def test_every_receipt_word_is_marked_for_translation():
    """The lookup dicts hold only QT_TRANSLATE_NOOP("core", ...) sources, so lupdate finds them
    (the device types are marked in rules, the label separator in core.i18n)."""
    from outletdesk.core import i18n
    from outletdesk.core.work_orders import rules

    marked = {
        node.args[1].value
        for module in (receipts, rules, i18n)
        for node in ast.walk(ast.parse(Path(module.__file__).read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
        and isinstance(node.args[1], ast.Constant)
    }
    words = {**receipts.RECEIPT_WORDS, **receipts.DEVICE_TYPE_WORDS}
    assert set(words.values()) <= marked
    assert not set(receipts.RECEIPT_WORDS) & set(receipts.DEVICE_TYPE_WORDS)


@pytest.mark.parametrize(
    ("kind", "paper", "field"),
    [
        ("invoice", "80mm", "Printout"),
        ("intake", "label-62x29", "Paper size"),
        ("label", "80mm", "Paper size"),
        ("handback", "letter", "Paper size"),
    ],
)
def test_bad_kind_or_paper_is_refused(services, clerk, kind, paper, field):
    order = intake(services, clerk)
    with pytest.raises(ValidationError) as caught:
        receipts.receipt_pdf(services, clerk, order.id, kind, paper)
    assert caught.value.field == field
