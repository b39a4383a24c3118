"""Tester round 4, printouts: Chinese receipts join their words with Chinese punctuation and name
the time taken in 接收时间, not the status 已接收; the Counter list names a device without brand or
model by its translated type. Read back from the PDFs, with the shipped translation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import make_actor, needs_poppler
from test_message_words import chinese  # noqa: F401 - the fixture
from test_printouts import pdf_text

from outletdesk.core.customers import CustomerInput
from outletdesk.core.work_orders import receipts
from outletdesk.core.work_orders.dto import DeviceInput, IntakeInput, LineInput
from outletdesk.core.work_orders.queries import SortKey, WorkOrderQueries
from outletdesk.models import Role, WorkOrderStatus, utcnow

S = WorkOrderStatus


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


def take_in(services, actor, **changes):
    data = {
        "device": DeviceInput("phone", "Huawei", "Mate 60"),
        "reported_fault": "无法开机",
        "new_customer": CustomerInput("王芳", ["13800138000"]),
        "deposit": "100.00",
    } | changes
    order, _ = services.intake.take_in(actor, IntakeInput(**data))
    return order


def handed_back_with_refund(services, clerk, manager):
    """Under manufacturer warranty, a deposit, a payment at hand-back, then a refund approved."""
    bought = utcnow().astimezone().date() - timedelta(days=30)
    order = take_in(
        services, clerk, device=DeviceInput("phone", "Huawei", "Mate 60", purchase_date=bought)
    )
    order, _ = services.work_orders.move(clerk, order.id, order.version, S.IN_REPAIR)
    order, _ = services.work_orders.set_lines(
        clerk, order.id, order.version, [LineInput("fee", "Board repair", 1, "300.00")]
    )
    order, _ = services.work_orders.move(clerk, order.id, order.version, S.READY)
    order, _ = services.work_orders.hand_back(
        clerk, order.id, order.version, "王芳", payment=str(order.balance), method="card"
    )
    if order.paid:
        order, _ = services.refunds.request(clerk, order.id, "50.00", "cash", "Goodwill")
        (refund,) = order.refunds
        order, _ = services.refunds.approve(manager, refund.id, refund.version)
    return order


def texts_of_the_window():
    from outletdesk.ui.work_orders.printouts import receipt_texts

    return receipt_texts()


@needs_poppler
@pytest.mark.parametrize("paper", ["80mm", "58mm", "a4"])
def test_chinese_hand_back_receipt_uses_chinese_punctuation(
    services,
    clerk,
    manager,
    paper,
    tmp_path,
    request,
):
    order = handed_back_with_refund(services, clerk, manager)
    request.getfixturevalue("chinese")
    words = texts_of_the_window()
    doc = receipts.receipt_document(services, clerk, order.id, "handback", words)
    said = [getattr(b, "text", "") for b in doc.blocks] + [
        cell for b in doc.blocks for row in getattr(b, "rows", ()) for cell in row
    ]
    assert "故障描述：无法开机" in said
    assert any(s.endswith("退款已批准：50.00") for s in said)
    assert "退款（现金），批准人 Boss" in said and "定金（现金）" in said
    assert "付款（银行卡）" in said
    assert order.warranty.value == "manufacturer"
    assert "厂家保修。保修范围内：备件和工时免费。" in said
    fields = {b.label: b.value for b in doc.blocks if type(b).__name__ == "Field"}
    assert "接收时间" in fields and "已接收" not in fields
    shop_texts = {services.settings.receipt().terms.strip(), services.settings.receipt().header}
    for text in set(said) - shop_texts:  # the outlet's own terms are as it wrote them
        assert not any(mark in text for mark in (": ", "(", ")", ", ", ". ")), text

    pdf = receipts.receipt_pdf(services, clerk, order.id, "handback", paper, texts=words)
    text = pdf_text(pdf, tmp_path).replace(" ", "")
    for expected in ("故障描述：无法开机", "退款已批准：50.00", "定金（现金）", "接收时间"):
        assert expected in text, expected
    assert "已接收" not in text


@needs_poppler
def test_english_receipt_keeps_its_words_and_says_received_at(services, clerk, manager, tmp_path):
    order = handed_back_with_refund(services, clerk, manager)
    pdf = receipts.receipt_pdf(services, clerk, order.id, "handback", "80mm")
    text = pdf_text(pdf, tmp_path)
    for expected in (
        "Received at",
        "Reported fault: 无法开机",
        "Refund (cash), approved by Boss",
        "Deposit (cash)",
        "Refund approved: 50.00",
    ):
        assert expected in text, expected


def test_counter_list_names_a_device_without_brand_by_its_translated_type(services, clerk, request):
    from outletdesk.ui.tasks import TaskRunner
    from outletdesk.ui.work_orders.list_model import COLUMNS, WorkOrderListModel

    take_in(services, clerk, device=DeviceInput("phone"))
    take_in(services, clerk, device=DeviceInput("tablet", "Apple", "iPad"))
    request.getfixturevalue("chinese")
    model = WorkOrderListModel(WorkOrderQueries(services.db), clerk, TaskRunner(inline=True))
    model.refresh()
    device = COLUMNS.index(SortKey.DEVICE)
    shown = sorted(model.data(model.index(r, device)) for r in range(model.rowCount()))
    assert shown == ["Apple iPad", "手机"]


def test_chinese_cash_tendered_and_excess_deposit_read_in_chinese(services, clerk, request):
    """Cash above the balance (tendered, change) and a deposit above the bill given back, on the
    Chinese hand-back receipt: the payment clauses joined with Chinese punctuation, as refunds."""
    order = take_in(services, clerk, deposit="400.00")
    order, _ = services.work_orders.move(clerk, order.id, order.version, S.IN_REPAIR)
    order, _ = services.work_orders.set_lines(
        clerk, order.id, order.version, [LineInput("fee", "Board repair", 1, "300.00")]
    )
    order, _ = services.work_orders.move(clerk, order.id, order.version, S.READY)
    order, _ = services.work_orders.hand_back(clerk, order.id, order.version, "王芳")
    other = take_in(services, clerk, deposit="0.00")
    other, _ = services.work_orders.move(clerk, other.id, other.version, S.IN_REPAIR)
    other, _ = services.work_orders.set_lines(
        clerk, other.id, other.version, [LineInput("fee", "Board repair", 1, "270.00")]
    )
    other, _ = services.work_orders.move(clerk, other.id, other.version, S.READY)
    other, _ = services.work_orders.hand_back(
        clerk, other.id, other.version, "王芳", payment="300.00", method="cash"
    )
    request.getfixturevalue("chinese")
    words = texts_of_the_window()

    def said(order_id):
        doc = receipts.receipt_document(services, clerk, order_id, "handback", words)
        return [cell for b in doc.blocks for row in getattr(b, "rows", ()) for cell in row]

    assert "退还多余定金（现金）" in said(order.id) and "-100.00" in said(order.id)
    assert "付款（现金），实收现金 300.00，找零 30.00" in said(other.id)


def test_a_device_known_by_its_type_only_is_named_once_in_chinese(
    services, clerk, qtbot, tmp_path, request
):
    """The intake dialog's past devices and orders, and the order's Device row, name a device
    with no brand or model by its translated type, once (手机, not "手机 · phone")."""
    from conftest import ui_context

    from outletdesk.ui.work_orders.intake_dialog import IntakeDialog
    from outletdesk.ui.work_orders.labels import device_with_type

    order = take_in(services, clerk, device=DeviceInput("phone"))
    request.getfixturevalue("chinese")
    assert device_with_type("phone", "phone") == "手机"
    assert device_with_type("phone", "Apple iPhone 12") == "手机 · Apple iPhone 12"
    dialog = IntakeDialog(ui_context(services, clerk, tmp_path))
    qtbot.addWidget(dialog)
    devices, orders = services.intake.customer_history(clerk, order.customer_id)
    dialog._show_history((devices, orders))
    assert dialog.past_devices.item(0).text().startswith("手机")
    assert "phone" not in dialog.past_devices.item(0).text()
    assert f"{order.number} 手机（" in dialog.past_orders.text()
    assert "(" not in dialog.past_orders.text() and ", " not in dialog.past_orders.text()


def test_the_warranty_end_reads_as_until_in_both_languages(services, clerk, request):
    """The intake receipt gives the manufacturer warranty's end as "… until 2027-…" (厂家保修至 …),
    not joined by a dash."""
    bought = utcnow().astimezone().date() - timedelta(days=30)
    order = take_in(
        services, clerk, device=DeviceInput("phone", "Huawei", "Mate 60", purchase_date=bought)
    )
    assert order.warranty_until is not None
    until = order.warranty_until.isoformat()

    def warranty_field(words):
        doc = receipts.receipt_document(services, clerk, order.id, "intake", words)
        fields = [b for b in doc.blocks if type(b).__name__ == "Field"]
        return next(b.value for b in fields if until in b.value)

    assert warranty_field(None).endswith(f"warranty until {until}")
    request.getfixturevalue("chinese")
    assert warranty_field(texts_of_the_window()) == f"厂家保修至 {until}"


def test_a_warranty_without_an_end_date_says_no_dangling_until(request):
    """A manufacturer warranty judged by the technician without a purchase date (as in demo
    data) reads "Manufacturer warranty", not "Manufacturer warranty until" with nothing after."""
    from outletdesk.models import Warranty
    from outletdesk.ui.work_orders.labels import warranty_text

    assert warranty_text(Warranty.MANUFACTURER, "", None) == "Manufacturer warranty"
    assert warranty_text(Warranty.MANUFACTURER, "2027-05-31", None).endswith("until 2027-05-31")
    assert warranty_text(Warranty.REPAIR, "", "N-000001").endswith("of N-000001")
    request.getfixturevalue("chinese")
    assert warranty_text(Warranty.MANUFACTURER, "", None) == "厂家保修"
    assert warranty_text(Warranty.REPAIR, "", "N-000001") == "返修：在 N-000001 的维修保修期内返回"
