"""The intake asks before saving a deposit above the estimate (a typo of 50 -> 500 is likely), and
takes it when the clerk says yes (some shops take full prepayment). Through the real dialog."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import ui_context
from sqlalchemy import func, select

from outletdesk.core.customers import CustomerInput
from outletdesk.models import WorkOrder
from outletdesk.ui.work_orders.intake_dialog import IntakeDialog


def orders(services):
    with services.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(WorkOrder)) or 0)


@pytest.fixture
def intake(services, clerk, tmp_path, qtbot):
    dialog = IntakeDialog(ui_context(services, clerk, tmp_path))
    qtbot.addWidget(dialog)
    dialog.new_name.setText("Li Na")
    dialog.new_phone.setText("13800138000")
    dialog.brand.setText("Huawei")
    dialog.fault.setPlainText("No sound")
    dialog.print_intake.setChecked(False)
    dialog.asked = []
    return dialog


def test_a_deposit_above_the_estimate_is_asked_about(services, intake, qtbot):
    intake.estimate.setText("100")
    intake.deposit.setText("500")
    intake.confirm = lambda text: intake.asked.append(text) or False
    intake.submit()
    assert intake.asked == [
        "The deposit (500.00) is more than the estimate (100.00). Take a deposit of 500.00 anyway?"
    ]
    assert orders(services) == 0 and intake.save_button.isEnabled()
    # Full prepayment is allowed once the clerk says so.
    intake.confirm = lambda text: intake.asked.append(text) or True
    with qtbot.waitSignal(intake.saved) as saved:
        intake.submit()
    assert (saved.args[0].estimate, saved.args[0].paid) == (Decimal("100.00"), Decimal("500.00"))
    assert len(intake.asked) == 2


def test_a_deposit_within_the_estimate_is_not_asked_about(services, intake, qtbot):
    intake.estimate.setText("100")
    intake.deposit.setText("50")
    intake.confirm = lambda text: intake.asked.append(text) or False
    with qtbot.waitSignal(intake.saved):
        intake.submit()
    assert intake.asked == [] and orders(services) == 1


def test_saving_anyway_past_the_same_phone_panel_does_not_ask_again(services, clerk, intake, qtbot):
    services.customers.create(clerk, CustomerInput("李娜", ["138 0013 8000"]))
    intake.estimate.setText("100")
    intake.deposit.setText("1,000")
    intake.confirm = lambda text: intake.asked.append(text) or True
    intake.submit()
    assert intake.same_phone.isVisibleTo(intake) and orders(services) == 0
    with qtbot.waitSignal(intake.saved) as saved:
        intake.same_phone.save_anyway_button.click()
    assert saved.args[0].paid == Decimal("1000.00")
    assert intake.asked == [
        "The deposit (1,000.00) is more than the estimate (100.00). "
        "Take a deposit of 1,000.00 anyway?"
    ]
