"""Per-outlet work-order settings through the service and the Settings tab."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from outletdesk.core.errors import PermissionDenied, ValidationError
from outletdesk.core.work_orders.settings import WorkOrderSettings, settings_from_form
from outletdesk.ui.context import AppContext, ChangeBus
from outletdesk.ui.settings.work_orders_tab import WorkOrdersTab
from outletdesk.ui.tasks import TaskRunner

FORM = ("2", "24", "48", "13", "90", "phone: 12\nlaptop: 24", "Screen intact\nPowers on", True)


def test_form_texts_parse_into_settings():
    parsed = settings_from_form(*FORM)
    assert parsed.limits.execute_hours == Decimal("24.00") and parsed.tax_rate == Decimal("13.00")
    assert parsed.device_types == {"phone": 12, "laptop": 24}
    assert parsed.checklist == ("Screen intact", "Powers on") and parsed.checklist_mandatory


@pytest.mark.parametrize(
    ("index", "text", "field"),
    [
        (0, "soon", "Judgement within (hours)"),
        (1, "0", "Repair within (hours)"),
        (3, "150", "Tax rate (%)"),
        (4, "-1", "Repair warranty (days)"),
        (5, "phone twelve", "Manufacturer warranty (months)"),
        (5, "phone: many", "Manufacturer warranty (months)"),
        (5, "", "Manufacturer warranty (months)"),
        (6, "=HYPERLINK(1)", "Condition checklist"),
        (8, "0", "Refund review (working days)"),
        (8, "three", "Refund review (working days)"),
        (8, "31", "Refund review (working days)"),
    ],
)
def test_bad_form_texts_name_the_field(index, text, field):
    values = [*FORM, "3"]
    values[index] = text
    with pytest.raises(ValidationError) as err:
        settings_from_form(*values)
    assert err.value.field == field


@pytest.mark.parametrize("typed", ["13%", " 13 % ", "13％", "13.00"])
def test_a_tax_rate_may_be_typed_with_its_percent_sign(typed):
    values = list(FORM)
    values[3] = typed
    assert settings_from_form(*values).tax_rate == Decimal("13.00")


@pytest.mark.parametrize(
    ("index", "typed", "message"),
    [
        (0, "abc", "Judgement within (hours): “abc” is not a number of hours."),
        (2, " soon ", "Follow-up within (hours): “soon” is not a number of hours."),
        (1, "0.25", "Repair within (hours): must be between 0.5 and 720."),
        (3, "thirteen", "Tax rate (%): “thirteen” is not a percentage."),
        (3, "13%%", "Tax rate (%): “13%” is not a percentage."),
        (3, "101%", "Tax rate (%): must be between 0 and 100."),
        (5, "phone: abc", "Manufacturer warranty (months): “abc” is not a whole number."),
    ],
)
def test_refusals_say_what_the_field_holds(index, typed, message):
    """Hours are not amounts, a rate is a percentage, and the quoted value is what was typed,
    trimmed."""
    values = list(FORM)
    values[index] = typed
    with pytest.raises(ValidationError) as err:
        settings_from_form(*values)
    assert str(err.value) == message


def test_saved_per_outlet_and_only_by_managers(services, admin, clerk, outlet):
    services.work_order_settings.save(admin, outlet.id, settings_from_form(*FORM))
    assert services.work_order_settings.get(outlet.id).device_types == {"phone": 12, "laptop": 24}
    assert (
        services.work_order_settings.get(outlet.id + 1) == WorkOrderSettings()
    )  # another outlet: defaults
    with pytest.raises(PermissionDenied):
        services.work_order_settings.save(clerk, outlet.id, WorkOrderSettings())


def test_the_tab_loads_saves_and_shows_errors(services, admin, outlet, tmp_path, qtbot):
    ctx = AppContext(
        services,
        admin,
        TaskRunner(inline=True),
        ChangeBus(),
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    tab = WorkOrdersTab(ctx)
    qtbot.addWidget(tab)
    tab.reload()
    assert tab.execute.text() == "24" and "phone: 12" in tab.device_types.toPlainText()
    tab.tax.setText("thirteen")
    tab.save()
    assert tab.error.text().startswith("Tax rate (%):") and "border" in tab.tax.styleSheet()
    assert services.work_order_settings.get(outlet.id).tax_rate == Decimal("0.00")
    tab.tax.setText("6")
    tab.checklist.setPlainText("Screen intact\nSIM tray present")
    tab.save()
    saved = services.work_order_settings.get(outlet.id)
    assert saved.tax_rate == Decimal("6.00") and saved.checklist == (
        "Screen intact",
        "SIM tray present",
    )
    assert tab.status.text() == "Saved."


def test_a_clerk_sees_why_the_tab_is_read_only(services, clerk, tmp_path, qtbot):
    from PySide6.QtGui import QPalette

    ctx = AppContext(
        services,
        clerk,
        TaskRunner(inline=True),
        ChangeBus(),
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    tab = WorkOrdersTab(ctx)
    qtbot.addWidget(tab)
    tab.reload()
    texts = [label.text() for label in tab.findChildren(QLabel)]
    assert any("Only an administrator or outlet manager can change them." in text for text in texts)
    assert tab.tax.isReadOnly() and tab.device_types.isReadOnly()
    assert not tab.save_button.isEnabled()
    for field in (tab.tax, tab.checklist):
        palette = field.palette()
        assert palette.color(QPalette.ColorRole.Base) == palette.color(QPalette.ColorRole.Window)


def test_new_time_limits_move_the_deadlines_still_running(services, admin, clerk, outlet):
    from dataclasses import replace
    from datetime import timedelta

    from test_work_orders import intake

    from outletdesk.core.work_orders.rules import TimeLimits
    from outletdesk.models import FollowUp, WorkOrderStatus

    S = WorkOrderStatus
    waiting, _ = intake(services, clerk)
    done, _ = intake(services, clerk, deposit="0")
    for step in (S.IN_REPAIR, S.READY):
        done, _ = services.work_orders.move(clerk, done.id, done.version, step)
    done, _ = services.work_orders.hand_back(clerk, done.id, done.version, "Owner")
    assert waiting.next_due_at == waiting.received_at + timedelta(hours=2)

    before = services.work_order_settings.get(outlet.id)
    changes = services.work_order_settings.save(
        admin,
        outlet.id,
        replace(before, limits=TimeLimits(Decimal("4"), Decimal("24"), Decimal("72"))),
    )
    assert changes.work_orders  # the list repaints its deadline colours
    waiting = services.work_orders.get(clerk, waiting.id)
    assert waiting.next_due_at == waiting.received_at + timedelta(hours=4)
    done = services.work_orders.get(clerk, done.id)
    assert done.delivered_at is not None
    assert done.next_due_at == done.delivered_at + timedelta(hours=72)
    with services.db.read() as s:
        follow_up = s.query(FollowUp).filter_by(work_order_id=done.id).one()
        assert follow_up.due_at == done.next_due_at
    # Saving without touching the limits leaves every order (and its version) alone.
    saved = services.work_order_settings.get(outlet.id)
    services.work_order_settings.save(admin, outlet.id, replace(saved, tax_rate=Decimal("5")))
    assert services.work_orders.get(clerk, waiting.id).version == waiting.version
