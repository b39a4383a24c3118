"""Settings found wanting after release: the device types keep their order and show in the
window's language, the Outlet tab's "Saved." survives its own reload, and no settings field cuts
what is typed (SQLite and PostgreSQL, through the real widgets)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import audit_count, ui_context
from PySide6.QtCore import QTranslator

from outletdesk.core.errors import ValidationError
from outletdesk.core.work_orders.settings import (
    DEFAULT_DEVICE_TYPES,
    WorkOrderSettings,
    settings_from_form,
)
from outletdesk.ui.settings.outlet_tab import OutletDialog, OutletTab
from outletdesk.ui.settings.work_orders_tab import WorkOrdersTab
from outletdesk.ui.work_orders.intake_dialog import IntakeDialog

QM = Path(__file__).resolve().parents[1] / "resources" / "translations" / "outletdesk_zh_CN.qm"
ADMIN_ORDER = {"watch": 6, "phone": 12, "tablet": 12, "laptop": 24, "other": 12}


@pytest.fixture
def chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


class DeferredRunner:
    """Holds background work until released, in order, as the app's one worker delivers it."""

    def __init__(self) -> None:
        self.pending: list[tuple] = []

    def run(self, work, on_done=None, on_error=None, **_kwargs):
        self.pending.append((work, on_done, on_error))
        return len(self.pending)

    def release(self) -> None:
        while self.pending:
            work, on_done, on_error = self.pending.pop(0)
            try:
                result = work()
            except Exception as exc:  # noqa: BLE001 - handed on as the real runner does
                if on_error is None:
                    raise
                on_error(exc)
            else:
                if on_done is not None:
                    on_done(result)


def _wo_tab(services, actor, tmp_path, qtbot) -> WorkOrdersTab:
    tab = WorkOrdersTab(ui_context(services, actor, tmp_path))
    qtbot.addWidget(tab)
    tab.reload()
    return tab


# ------------------------------------------------------------------ device types keep their order


def test_saved_device_types_keep_the_order_they_were_given(services, admin, outlet):
    saved = WorkOrderSettings(device_types=dict(ADMIN_ORDER))
    services.work_order_settings.save(admin, outlet.id, saved)
    assert list(services.work_order_settings.get(outlet.id).device_types) == list(ADMIN_ORDER)
    assert services.work_order_settings.get(outlet.id).device_types == ADMIN_ORDER


def test_saving_the_tab_untouched_keeps_the_intake_default_type(
    services, admin, clerk, outlet, tmp_path, qtbot
):
    tab = _wo_tab(services, admin, tmp_path, qtbot)
    tab.save()
    assert tab.status.text() == "Saved."
    assert list(services.work_order_settings.get(outlet.id).device_types) == list(
        DEFAULT_DEVICE_TYPES
    )
    intake = IntakeDialog(ui_context(services, clerk, tmp_path))
    qtbot.addWidget(intake)
    shown = [intake.device_type.itemData(i) for i in range(intake.device_type.count())]
    assert shown == ["phone", "tablet", "laptop", "watch", "other"]
    assert intake.device_type.currentData() == "phone"


def test_the_tab_shows_the_types_in_the_order_saved(services, admin, outlet, tmp_path, qtbot):
    services.work_order_settings.save(
        admin, outlet.id, WorkOrderSettings(device_types=dict(ADMIN_ORDER))
    )
    tab = _wo_tab(services, admin, tmp_path, qtbot)
    assert tab.device_types.toPlainText().splitlines() == [
        "watch: 6",
        "phone: 12",
        "tablet: 12",
        "laptop: 24",
        "other: 12",
    ]


# ------------------------------------------------------------------ device types in Chinese


def test_chinese_tab_shows_translated_types_and_saves_the_stored_ones(
    chinese, services, admin, outlet, tmp_path, qtbot
):
    services.work_order_settings.save(
        admin,
        outlet.id,
        WorkOrderSettings(device_types={"phone": 12, "drone": 6, "laptop": 24}),
    )
    tab = _wo_tab(services, admin, tmp_path, qtbot)
    assert tab.device_types.toPlainText().splitlines() == ["手机：12", "drone：6", "笔记本电脑：24"]
    # The admin changes a warranty, adds a default type back in Chinese with the full-width colon
    # an input method types, and saves: the stored types stay the keys orders refer to.
    tab.device_types.setPlainText("手机: 18\ndrone: 6\n笔记本电脑: 24\n平板电脑：12")
    tab.save()
    assert tab.error.text() == ""
    assert services.work_order_settings.get(outlet.id).device_types == {
        "phone": 18,
        "drone": 6,
        "laptop": 24,
        "tablet": 12,
    }


def test_a_type_named_like_a_translation_keeps_its_own_name(
    chinese, services, admin, outlet, tmp_path, qtbot
):
    """An outlet that once typed 手机 as a type of its own has two types shown apart."""
    services.work_order_settings.save(
        admin, outlet.id, WorkOrderSettings(device_types={"手机": 12, "phone": 24})
    )
    tab = _wo_tab(services, admin, tmp_path, qtbot)
    assert tab.device_types.toPlainText().splitlines() == ["手机：12", "phone：24"]
    tab.save()
    assert services.work_order_settings.get(outlet.id).device_types == {"手机": 12, "phone": 24}


def test_a_type_listed_twice_is_refused_naming_the_line():
    form = ("2", "24", "48", "0", "90", "phone: 12\n手机: 24", "Screen intact", False, "3")
    with pytest.raises(ValidationError) as err:
        settings_from_form(*form, {"手机": "phone"})
    assert err.value.field == "Manufacturer warranty (months)"
    assert "line 2" in str(err.value)


# ------------------------------------------------------------------ the Outlet tab says Saved.


def test_outlet_tab_still_says_saved_after_its_own_reload(services, admin, outlet, tmp_path, qtbot):
    ctx = ui_context(services, admin, tmp_path)
    runner = DeferredRunner()
    ctx.runner = runner  # type: ignore[assignment]
    tab = OutletTab(ctx)
    qtbot.addWidget(tab)
    ctx.bus.changed.connect(lambda changes: tab.reload() if changes.outlets else None)
    tab.reload()
    runner.release()
    assert tab.form.tax_number.text() == "TAX-1"
    tab.form.tax_number.setText("91110108MA01ABCD2X")
    tab.form.tax_number.textEdited.emit("91110108MA01ABCD2X")
    tab.save()
    runner.release()  # the save, then the reload its change asked for
    assert tab.status.text() == "Saved."
    assert services.outlets.get(outlet.id).tax_number == "91110108MA01ABCD2X"
    # An edit after the save does clear it: the note speaks of the saved details only.
    qtbot.keyClicks(tab.form.phone, "9")
    assert tab.status.text() == ""


# ------------------------------------------------------------------ nothing cut while typing


def test_outlet_code_typed_too_long_is_refused_not_cut(services, admin, outlet, tmp_path, qtbot):
    tab = OutletTab(ui_context(services, admin, tmp_path))
    qtbot.addWidget(tab)
    tab.reload()
    tab.save()
    assert tab.status.text() == "Saved."
    tab.form.code.setText("NORTH-STATION")  # set, not typed: no edit clears the note
    assert tab.form.code.text() == "NORTH-STATION"
    before = audit_count(services)
    tab.save()
    assert tab.form.error.text() == "Outlet code: is too long (13 characters; at most 10)."
    assert "border" in tab.form.code.styleSheet()
    assert tab.status.text() == ""  # the earlier save's note does not stand beside the error
    assert services.outlets.get(outlet.id).code == "N"
    assert audit_count(services) == before


def test_add_outlet_with_a_long_code_is_refused_in_the_dialog(services, admin, tmp_path, qtbot):
    dialog = OutletDialog(ui_context(services, admin, tmp_path))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.form.code, "SOUTH-PARK-01")
    dialog.form.name.setText("South Park")
    dialog.submit()
    assert dialog.created is None
    assert dialog.form.error.text().startswith("Outlet code: is too long (13 characters")
    assert [o.code for o in services.outlets.list(include_inactive=True)] == ["N"]
