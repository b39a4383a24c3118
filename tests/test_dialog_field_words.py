"""A dialog's refusal names its field by the word on the form: the judgement's reason for
changing the warranty ("Reason", 原因; the core said "Note"), a refund approval's note for the
customer ("Note", 备注) and a refusal's reason ("Reason"). The field is outlined and nothing is
written; in English and Chinese on SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest
from conftest import audit_count, make_actor, ui_context
from test_message_words import chinese  # noqa: F401 - the fixture
from test_ui_work_order_refunds import delivered  # noqa: F401 - the fixture
from test_work_orders import intake

from outletdesk.models import Role
from outletdesk.ui.work_orders.actions import JudgementDialog
from outletdesk.ui.work_orders.refunds import RefundDecisionDialog


@pytest.fixture(params=["en", "zh_CN"])
def language(request):
    if request.param == "zh_CN":
        request.getfixturevalue("chinese")
    return request.param


def _word(dialog, widget) -> str:
    """The form's label of the widget without its shortcut ("原因(&R)" -> "原因")."""
    text = dialog.form.labelForField(widget).text()
    return re.sub(r"\(&\w\)$", "", text).replace("&", "")


def _named(message: str) -> str:
    return re.split(r": |：", message, maxsplit=1)[0]


def test_the_judgement_refusal_names_the_reason_field(services, clerk, tmp_path, qtbot, language):
    order, _ = intake(services, clerk)
    dialog = JudgementDialog(ui_context(services, clerk, tmp_path), order)
    qtbot.addWidget(dialog)
    dialog.warranty.setCurrentIndex(dialog.warranty.findData("manufacturer"))
    before = audit_count(services)
    dialog.submit()  # changing the warranty found at intake needs a reason
    word = _word(dialog, dialog.note)
    assert word == ("原因" if language == "zh_CN" else "Reason")
    assert _named(dialog.error.text()) == word
    assert "border" in dialog.note.styleSheet()
    assert services.work_orders.get(clerk, order.id).judgement is None
    assert audit_count(services) == before


@pytest.mark.parametrize("approve", [True, False])
def test_a_refund_decision_names_the_field_as_its_label_does(
    services,
    clerk,
    outlet,
    delivered,  # noqa: F811
    tmp_path,
    qtbot,
    language,
    approve,
):
    manager = make_actor(services, outlet.id, Role.MANAGER, "boss")
    order, _ = services.refunds.request(clerk, delivered.id, "100", "cash", "Still crackles")
    dialog = RefundDecisionDialog(
        ui_context(services, manager, tmp_path), order, order.refunds[0], approve
    )
    qtbot.addWidget(dialog)
    dialog.note.setPlainText("x" * 1001)
    dialog.submit()
    named = _named(dialog.error.text())
    assert named in _word(dialog, dialog.note)  # "Note for the customer", "备注" in "给客户的备注"
    if approve:
        assert named == ("备注" if language == "zh_CN" else "Note")
    else:
        assert named == ("原因" if language == "zh_CN" else "Reason")
    assert "border" in dialog.note.styleSheet()
    assert services.work_orders.get(clerk, order.id).refunds[0].status.value == "pending"
