"""The intake's inline new customer: a phone number already on file is pointed out before the
order is taken, as the customer form does; the clerk takes that customer instead or saves anyway
(families share phones). Through the real dialog, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from conftest import audit_count, ui_context
from PySide6.QtCore import Qt

from outletdesk.core.customers import CustomerInput
from outletdesk.ui.work_orders.intake_dialog import IntakeDialog

ZHANG = CustomerInput("张静芳", ["159 0830 1661", "010 6255 0188"])


@pytest.fixture
def dialog(services, clerk, tmp_path, qtbot):
    widget = IntakeDialog(ui_context(services, clerk, tmp_path))
    qtbot.addWidget(widget)
    widget.brand.setText("Huawei")
    widget.fault.setPlainText("No sound")
    widget.print_intake.setChecked(False)
    return widget


def _orders(services, clerk) -> int:
    from sqlalchemy import func, select

    from outletdesk.models import WorkOrder

    with services.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(WorkOrder)) or 0)


def _customers(services, clerk) -> int:
    return services.customers.search(clerk, "").total


def test_a_new_customer_with_a_number_on_file_is_warned_before_the_order(
    services, clerk, dialog, qtbot
):
    services.customers.create(clerk, ZHANG)
    dialog.new_name.setText("Duplicate Phone")
    dialog.new_phone.setText("159-0830-1661")
    before = audit_count(services)
    dialog.submit()
    panel = dialog.same_phone
    assert panel.isVisibleTo(dialog)
    assert "On file with the same number: 张静芳 (15908301661, 01062550188)" in panel.text.text()
    assert "Families often share a phone" in panel.text.text()
    assert panel.open_buttons[0].text() == "Open 张静芳"
    assert not panel.open_buttons[1].isVisibleTo(dialog)
    assert dialog.save_button.isEnabled() and dialog.result() != dialog.DialogCode.Accepted
    assert audit_count(services) == before and _orders(services, clerk) == 0
    # Save anyway: a second customer with the same number, and the order
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(panel.save_anyway_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].customer_name == "Duplicate Phone"
    assert _customers(services, clerk) == 2


def test_opening_the_customer_on_file_takes_the_order_for_them(services, clerk, dialog, qtbot):
    zhang, _ = services.customers.create(clerk, ZHANG)
    dialog.new_name.setText("张静 Zhang Jing")
    dialog.new_phone.setText("15908301661")
    dialog.submit()
    qtbot.mouseClick(dialog.same_phone.open_buttons[0], Qt.MouseButton.LeftButton)
    assert dialog.customer is not None and dialog.customer.id == zhang.id
    assert not dialog.same_phone.isVisibleTo(dialog) and dialog.new_customer.isHidden()
    assert _orders(services, clerk) == 0
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.submit()
    assert saved.args[0].customer_id == zhang.id
    assert _customers(services, clerk) == 1


def test_editing_the_phone_hides_the_warning_and_a_free_number_is_taken_at_once(
    services, clerk, dialog, qtbot
):
    services.customers.create(clerk, ZHANG)
    dialog.new_name.setText("Li Na")
    dialog.new_phone.setText("15908301661")
    dialog.submit()
    assert dialog.same_phone.isVisibleTo(dialog)
    dialog.new_phone.selectAll()
    qtbot.keyClicks(dialog.new_phone, "13800138000")
    assert not dialog.same_phone.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.saved):
        dialog.submit()
    assert _customers(services, clerk) == 2 and _orders(services, clerk) == 1


def test_a_customer_chosen_from_the_search_is_not_warned_about(services, clerk, dialog, qtbot):
    services.customers.create(clerk, ZHANG)
    services.customers.create(clerk, CustomerInput("王磊", ["15908301661"]))  # her husband
    dialog.search.setText("王磊")
    dialog.run_customer_search()
    dialog.choose_customer(dialog.results.item(0).data(Qt.ItemDataRole.UserRole))
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.submit()
    assert saved.args[0].customer_name == "王磊"
    assert not dialog.same_phone.isVisibleTo(dialog)


@pytest.mark.parametrize("typed", ["+86 159 0830 1661", "0086 159-0830-1661", "(+86) 15908301661"])
def test_a_number_typed_with_plus_86_is_the_number_on_file(services, clerk, dialog, qtbot, typed):
    """The intake uses the core's phone rule: +86 in front of a Chinese number changes nothing."""
    services.customers.create(clerk, ZHANG)
    dialog.new_name.setText("Plus86 Person")
    dialog.new_phone.setText(typed)
    dialog.submit()
    assert dialog.same_phone.isVisibleTo(dialog)
    assert "张静芳 (15908301661, 01062550188)" in dialog.same_phone.text.text()
    assert _customers(services, clerk) == 1 and _orders(services, clerk) == 0
    # the customer search of the intake finds her by the number typed the same way
    dialog.search.setText(typed)
    dialog.run_customer_search()
    assert dialog.results.count() == 1
