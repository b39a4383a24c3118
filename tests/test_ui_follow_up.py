"""The follow-up dialog: a call that did not reach the customer is logged as an attempt and the
call stays due (listed, the button still there) until someone reaches them or the outlet gives
up; the contact method is chosen in the dialog. And a closed order shows no "Move to:" row.
Real widgets on a real database."""

from __future__ import annotations

from conftest import make_actor, ui_context
from test_ui_work_orders import detail_for, take_in

from outletdesk.models import Role, WorkOrderStatus
from outletdesk.ui.work_orders.detail import WorkOrderDetail
from outletdesk.ui.work_orders.page import WorkOrdersPage

S = WorkOrderStatus


def handed_back(services, clerk, outlet):
    order = take_in(services, clerk, deposit="0")
    tech = make_actor(services, outlet.id, Role.TECHNICIAN, "tech")
    for step in (S.IN_REPAIR, S.READY):
        order, _ = services.work_orders.move(tech, order.id, order.version, step)
    order, _ = services.work_orders.hand_back(clerk, order.id, order.version, "王芳")
    return order


def test_not_reached_is_an_attempt_and_the_call_stays_due(
    services, clerk, outlet, tmp_path, qtbot, monkeypatch
):
    handed_back(services, clerk, outlet)
    ctx = ui_context(services, clerk, tmp_path)
    monkeypatch.setattr(WorkOrdersPage, "open_dialog", lambda self, dialog: None)
    page = WorkOrdersPage(ctx)
    qtbot.addWidget(page)
    page._task_chosen(page.follow_ups.item(0))
    monkeypatch.setattr(WorkOrderDetail, "open_action", lambda self, dialog: None)
    detail = page.detail

    dialog = detail.open_follow_up()
    assert [dialog.method.itemText(i) for i in range(dialog.method.count())] == [
        "Phone call",
        "In person",
        "Online",
    ]
    assert not dialog.give_up.isEnabled()  # only once "reached" is unticked
    dialog.reached.setChecked(False)
    assert dialog.give_up.isEnabled() and not dialog.scores["Overall"].isEnabled()
    assert "stays due" in dialog.outcome.text()
    dialog.comment.setPlainText("No answer")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert detail.order.follow_up.done_at is None and detail.order.follow_up.attempts == 1
    assert detail.follow_up_button.isEnabled()
    assert page.follow_ups.count() == 1  # still in "Follow-up calls due"
    assert "due; calls that did not reach the customer: 1" in detail.job_text.text()
    rows = [
        [detail.history.item(r, c).text() for c in range(4)]
        for r in range(detail.history.rowCount())
    ]
    assert rows[-1][1:] == ["Clerk", "Follow-up: customer not reached", "Phone call: No answer"]

    # The second call reaches the customer, in person: scores close it, in time.
    again = detail.open_follow_up()
    assert "Calls that did not reach the customer: 1; the last " in again.intro.text()
    assert again.intro.text().endswith(" by Clerk.")
    again.method.setCurrentIndex(again.method.findData("in_person"))
    for field in again.scores:
        again.scores[field].setValue(5)
    again.submit()
    follow = detail.order.follow_up
    assert follow.done_at is not None and follow.reached and follow.method == "in_person"
    assert not detail.follow_up_button.isEnabled() and page.follow_ups.count() == 0
    assert "In person – attitude 5" in detail.job_text.text()


def test_giving_up_closes_the_follow_up(services, clerk, outlet, tmp_path, qtbot, monkeypatch):
    order = handed_back(services, clerk, outlet)
    detail = detail_for(ui_context(services, clerk, tmp_path), qtbot, order.id, monkeypatch)
    dialog = detail.open_follow_up()
    dialog.reached.setChecked(False)
    dialog.give_up.setChecked(True)
    assert "not reachable" in dialog.outcome.text()
    dialog.submit()
    follow = detail.order.follow_up
    assert follow.done_at is not None and follow.reached is False and follow.attempts == 1
    assert not detail.follow_up_button.isEnabled()
    assert "Phone call – closed as not reachable; calls tried: 1" in detail.job_text.text()


def test_a_closed_order_has_no_move_row(services, clerk, outlet, tmp_path, qtbot, monkeypatch):
    ctx = ui_context(services, clerk, tmp_path)
    open_order = take_in(services, clerk)
    detail = detail_for(ctx, qtbot, open_order.id, monkeypatch)
    assert not detail.move_label.isHidden() and not detail.step_note.isHidden()
    cancel = detail.open_cancel()
    cancel.reason.setPlainText("Changed mind")
    cancel.submit()
    assert detail.order.status is S.CANCELLED
    assert detail.move_label.isHidden() and detail.step_note.isHidden()

    delivered = handed_back(services, clerk, outlet)
    detail = detail_for(ctx, qtbot, delivered.id, monkeypatch)
    assert detail.move_label.isHidden() and detail.step_note.isHidden()


def _accelerators(dialog):
    """Alt+letter of every label and button of a dialog (Qt's "&&" is a literal ampersand)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    keys = []
    for widget in [*dialog.findChildren(QLabel), *dialog.findChildren(QAbstractButton)]:
        text = widget.text().replace("&&", "")
        if "&" in text:
            keys.append(text[text.index("&") + 1].upper())
    return keys


def test_cancel_and_follow_up_dialogs_give_each_field_its_own_key(
    services, clerk, outlet, tmp_path, qtbot, monkeypatch, language
):
    ctx = ui_context(services, clerk, tmp_path)
    order = take_in(services, clerk)
    cancel = detail_for(ctx, qtbot, order.id, monkeypatch).open_cancel()
    keys = _accelerators(cancel)
    assert len(keys) >= 2 and len(keys) == len(set(keys)), keys
    delivered = handed_back(services, clerk, outlet)
    follow_up = detail_for(ctx, qtbot, delivered.id, monkeypatch).open_follow_up()
    keys = _accelerators(follow_up)
    assert len(keys) >= 8 and len(keys) == len(set(keys)), keys
