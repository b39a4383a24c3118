"""A label and what is said of it are joined by the language's colon (Chinese "：", never ": "):
a plan's refused checklist line, and the repair order's fault the log dialog fills in from the
failed checks. On SQLite and PostgreSQL, in English and Chinese with the shipped translation."""

from __future__ import annotations

import pytest
from test_maintenance import calibration, instruments, station  # noqa: F401 - fixtures
from test_message_words import chinese  # noqa: F401 - the fixture
from test_ui_equipment import _select, assets, keeper, page, planned  # noqa: F401 - fixtures

from outletdesk.core.equipment.maintenance import ItemInput
from outletdesk.core.errors import ValidationError
from outletdesk.models import RecordKind
from outletdesk.ui.errors import error_text


def test_a_refused_checklist_line_in_chinese_has_one_kind_of_colon(
    services,
    staff,  # noqa: F811
    station,  # noqa: F811
    request,
):
    items = (ItemInput("check", "Tip clean"), ItemInput("number", "Voltage", "V", "400", "300"))
    with pytest.raises(ValidationError) as err:
        services.maintenance.create_plan(staff, calibration(station.id, items=items))
    assert error_text(err.value) == "Checklist line 2, Max: is below Min (400)."
    request.getfixturevalue("chinese")
    shown = error_text(err.value)
    assert shown.startswith("检查清单第 2 行（上限）：") and "400" in shown
    assert ":" not in shown
    assert services.maintenance.plans(staff) == []


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_fault_from_failed_checks_uses_the_languages_colon(
    page,  # noqa: F811
    planned,  # noqa: F811
    request,
    language,
):
    if language == "zh_CN":
        request.getfixturevalue("chinese")
    asset = planned[0]
    _select(page, asset.tag)
    page.log_selected(RecordKind.PLANNED)
    dialog = page.log_dialog
    cable, temperature, _remarks = dialog.answers.values()
    cable.setCurrentIndex(cable.findData("not ok"))
    temperature.setText("372")
    dialog.open_order.setChecked(True)
    if language == "zh_CN":
        assert dialog.order_fault.text() == (
            "Cable intact：不合格；Tip temperature：372 °C (340–360)"
        )
    else:
        assert dialog.order_fault.text() == (
            "Cable intact: not ok; Tip temperature: 372 °C (340–360)"
        )
