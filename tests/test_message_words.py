"""Core messages say words, not codes, in English and in Chinese: a refused status move names
the statuses as the list does (检测中, not "diagnosing"), a refusal by role names the role and
what it may not do, an asset's purchase date (购置日期) is not a customer's device's (购买日期),
a list of paper sizes or ids is joined as the window's language lists things, and a quoted value
reads “x” (not Python's 'x'). On SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_actor
from PySide6.QtCore import QTranslator
from test_work_orders import intake

from outletdesk.core.auth import Permission
from outletdesk.core.equipment.register import AssetInput
from outletdesk.core.errors import DomainError, PermissionDenied, ValidationError
from outletdesk.core.part_labels import label_paper
from outletdesk.core.work_orders.dto import DeviceInput
from outletdesk.models import Role, WorkOrderStatus
from outletdesk.ui.errors import error_text

TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "outletdesk_zh_CN.ts"
S = WorkOrderStatus


@pytest.fixture
def chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


def _diagnosing(services, clerk):
    order, _ = intake(services, clerk)
    order, _ = services.work_orders.move(clerk, order.id, order.version, S.DIAGNOSING)
    return order


def _refusals(services, clerk):
    """A hand-back and a status step refused for an order being diagnosed, and a clerk's
    attempt to change settings."""
    order = _diagnosing(services, clerk)
    with pytest.raises(DomainError) as hand_back:
        services.work_orders.hand_back(clerk, order.id, order.version, "Wang Fang")
    with pytest.raises(DomainError) as step:
        services.work_orders.move(clerk, order.id, order.version, S.READY)
    with pytest.raises(PermissionDenied) as role:
        clerk.require(Permission.EDIT_SETTINGS)
    return hand_back.value, step.value, role.value


def test_refusals_name_statuses_and_roles_in_english(qapp, services, clerk):
    hand_back, step, role = _refusals(services, clerk)
    number = hand_back.params["number"]
    assert error_text(hand_back) == (
        f"Work order {number} is not ready for pickup (status: Diagnosing)."
    )
    assert str(hand_back) == error_text(hand_back)  # the log reads the same words
    assert error_text(step) == (
        f"Work order {number} cannot go from Diagnosing to Ready for pickup; possible next "
        "steps: Awaiting approval, Awaiting parts, In repair, Cancelled, Unrepairable."
    )
    assert error_text(role) == "Your role (Counter clerk) may not do this (change settings)."


def test_refusals_name_statuses_and_roles_in_chinese(chinese, services, clerk):
    hand_back, step, role = _refusals(services, clerk)
    number = hand_back.params["number"]
    for exc in (hand_back, step, role):
        shown = error_text(exc)
        assert "diagnosing" not in shown and "clerk" not in shown and "edit_settings" not in shown
    assert "检测中" in error_text(hand_back) and number in error_text(hand_back)
    shown = error_text(step)
    assert "检测中" in shown and "待取件" in shown
    assert "待客户确认、待备件、维修中、" in shown  # the next steps, listed the Chinese way
    assert "客服代表" in error_text(role) and "修改设置" in error_text(role)


def _purchase_dates(services, clerk, manager):
    """An intake and an asset each refusing a purchase date that is not a date."""
    with pytest.raises(ValidationError) as device:
        intake(
            services,
            clerk,
            device=DeviceInput("phone", "Apple", "iPhone 12", purchase_date="someday"),
        )
    category = services.equipment.categories(manager)[0].id
    with pytest.raises(ValidationError) as asset:
        services.equipment.create(
            manager, AssetInput("Drill", category, manager.outlet_id, purchase_date="someday")
        )
    return device.value, asset.value


def test_a_devices_purchase_date_is_not_an_assets(chinese, services, clerk, manager):
    device, asset = _purchase_dates(services, clerk, manager)
    assert device.field == asset.field == "Purchase date"  # the form finds its field by it
    assert error_text(device).startswith("购买日期：")
    assert error_text(asset).startswith("购置日期：")


def test_purchase_dates_in_english(qapp, services, clerk, manager):
    device, asset = _purchase_dates(services, clerk, manager)
    assert error_text(device).startswith("Purchase date: ")
    assert error_text(asset).startswith("Purchase date: ")


def test_paper_sizes_and_quoted_values_read_right_in_both_languages(qapp, services, request):
    with pytest.raises(ValidationError) as caught:
        label_paper("huge")
    english = error_text(caught.value)
    assert english.startswith("Paper size: “huge” is not a paper size")
    assert "'" not in english and "label-40x20, " in english
    request.getfixturevalue("chinese")
    chinese = error_text(caught.value)
    assert "“huge”" in chinese and "'" not in chinese
    assert "label-40x20、" in chinese and ", " not in chinese


def test_a_count_sheets_filters_are_listed_the_chinese_way(chinese, services, manager, clerk):
    from outletdesk.core.parts.catalogue import PartInput
    from outletdesk.core.parts.count_sheet import COUNT_SHEET_WORDS, count_sheet_document
    from outletdesk.printing.document import Field
    from outletdesk.ui.errors import translate_core

    screen, _ = services.catalogue.create_part(
        manager, PartInput("SCR-IP12", "Screen 屏幕", category="Screens")
    )
    services.stock.set_levels(manager, screen.id, min_level=0, reorder_qty=0, bin_location="A-01")
    take, _ = services.stocktake.start(manager, category="Screens", bin_prefix="A-")
    texts = {key: translate_core(english) for key, english in COUNT_SHEET_WORDS.items()}
    doc = count_sheet_document(services, clerk, take.id, texts=texts)
    (only,) = [b.value for b in doc.blocks if isinstance(b, Field) and b.label == texts["filter"]]
    assert "Screens" in only and "A-" in only and "、" in only and ", " not in only
    english = count_sheet_document(services, clerk, take.id)
    (only,) = [b.value for b in english.blocks if isinstance(b, Field) and b.label == "Only"]
    assert only == "category Screens, bins A-…"
