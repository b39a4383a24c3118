"""A person setting an asset in service down (the Status dialog, EquipmentService.set_status)
opens its downtime, as the register import does: the asset says it is down, the figures count
it the same by either route, and back in service ends it. A breakdown still down already
covers it; bad input writes nothing. On SQLite and PostgreSQL, and through the dialog."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from conftest import audit_count, make_actor, ui_context
from test_equipment_import import write_xlsx

from outletdesk.core.equipment.importer import EquipmentImporter
from outletdesk.core.equipment.maintenance import LogInput
from outletdesk.core.equipment.register import AssetInput
from outletdesk.core.errors import PermissionDenied, ValidationError
from outletdesk.models import AssetStatus, RecordKind, Role
from outletdesk.ui.equipment.page import EquipmentPage


@pytest.fixture
def boss(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def tools(services, boss):
    return next(c for c in services.equipment.categories(boss) if c.name.startswith("Tools"))


@pytest.fixture
def scope(services, boss, tools):
    return services.equipment.create(boss, AssetInput("Oscilloscope 示波器", tools.id,
                                                      boss.outlet_id))[0]  # fmt: skip


def open_downtimes(services, actor, asset_id):
    return [r for r in services.maintenance.records(actor, asset_id=asset_id) if r.still_down]


@pytest.mark.parametrize("status", ["under_repair", "out_of_service"])
def test_taking_an_asset_out_by_hand_opens_its_downtime(services, boss, scope, status):
    began = datetime.now(UTC).replace(microsecond=0)
    asset, ended, changes = services.equipment.set_status(
        boss, scope.id, scope.version, status, "No trace on channel 2\nprobe checked"
    )
    assert ended == () and changes.equipment and asset.status is AssetStatus(status)
    (down,) = open_downtimes(services, boss, scope.id)
    assert down.kind is RecordKind.BREAKDOWN and down.failure_cause == "No trace on channel 2"
    assert asset.down is not None and asset.down.number == down.number
    assert asset.down.until is None and asset.down.since >= began
    history = services.equipment.history(boss, scope.id)
    assert any(h.still_down and h.down_from == asset.down.since for h in history)

    # Down to down (waiting for parts) keeps the same downtime; back in service ends it.
    other = "out_of_service" if status == "under_repair" else "under_repair"
    asset, ended, _ = services.equipment.set_status(boss, asset.id, asset.version, other)
    assert ended == () and [r.number for r in open_downtimes(services, boss, scope.id)] == [
        down.number
    ]
    asset, ended, _ = services.equipment.set_status(boss, asset.id, asset.version, "in_service")
    assert [d.number for d in ended] == [down.number] and ended[0].until is not None
    assert asset.down is None and open_downtimes(services, boss, scope.id) == []


def test_by_hand_and_by_import_count_the_same_downtime(services, boss, tools, tmp_path):
    """The same change by either route: both assets down from about now, the same figures."""
    by_hand, _ = services.equipment.create(boss, AssetInput("Bench PSU A", tools.id,
                                                            boss.outlet_id))  # fmt: skip
    by_file, _ = services.equipment.create(boss, AssetInput("Bench PSU B", tools.id,
                                                            boss.outlet_id))  # fmt: skip
    services.equipment.set_status(boss, by_hand.id, by_hand.version, "under_repair", "no output")
    path = write_xlsx(tmp_path / "register.xlsx",
                      [[by_file.tag, "Bench PSU B", tools.name, "Under repair"]],
                      ["Tag", "Name", "Category", "Status"])  # fmt: skip
    report, _ = EquipmentImporter(services.db).run(boss, path)
    assert report.written
    hand, file = (services.equipment.get(boss, a.id).down for a in (by_hand, by_file))
    assert hand is not None and file is not None
    assert abs((hand.since - file.since).total_seconds()) < 60
    later = max(hand.since, file.since) + timedelta(hours=3)
    today = later.astimezone().date()
    figures = {
        f.key: f
        for f in services.maintenance.reliability(
            boss, today - timedelta(days=1), today, outlet_id=boss.outlet_id, now=later
        )
    }
    a, b = figures[by_hand.tag], figures[by_file.tag]
    assert a.failures == b.failures == 1
    assert a.downtime_hours >= 3 and abs(a.downtime_hours - b.downtime_hours) < 0.1
    assert a.availability is not None and a.availability < 1
    assert abs(a.availability - b.availability) < 0.01


def test_a_breakdown_still_down_already_covers_it(services, boss, scope):
    since = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=4)
    logged, _ = services.maintenance.log(
        boss,
        LogInput(scope.id, RecordKind.BREAKDOWN, down_from=since, failure_cause="No trace",
                 put_under_repair=True),
    )  # fmt: skip
    asset = services.equipment.get(boss, scope.id)
    services.equipment.set_status(boss, asset.id, asset.version, "out_of_service", "parts")
    assert [r.number for r in open_downtimes(services, boss, scope.id)] == [logged.number]
    assert len(services.maintenance.records(boss, asset_id=scope.id)) == 1


def test_retiring_or_a_refused_change_opens_nothing(services, boss, scope, outlet):
    clerk = make_actor(services, outlet.id, Role.CLERK, "counter")
    before = audit_count(services)
    with pytest.raises(ValidationError) as err:
        services.equipment.set_status(boss, scope.id, scope.version, "broken", "x")
    assert err.value.field == "Status"
    with pytest.raises(PermissionDenied):
        services.equipment.set_status(clerk, scope.id, scope.version, "under_repair", "x")
    assert audit_count(services) == before
    assert services.maintenance.records(boss, asset_id=scope.id) == []
    asset, _, _ = services.equipment.set_status(boss, scope.id, scope.version, "retired", "old")
    assert asset.down is None and services.maintenance.records(boss, asset_id=scope.id) == []


# ---------------------------------------------------------------- through the Status dialog


def test_the_status_dialog_says_downtime_starts_now(services, boss, scope, tmp_path, qtbot):
    page = EquipmentPage(ui_context(services, boss, tmp_path))
    page.opened = []
    page.open_dialog = page.opened.append
    qtbot.addWidget(page)
    page.table.selectRow([r.tag for r in page.model.rows].index(scope.tag))
    dialog = page.change_status()
    qtbot.addWidget(dialog)
    assert dialog.down_note.isHidden()  # in service, staying so: nothing to say
    dialog.status.setCurrentIndex(dialog.status.findData(AssetStatus.UNDER_REPAIR.value))
    assert not dialog.down_note.isHidden() and "Downtime starts now" in dialog.down_note.text()
    dialog.show()
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
    dialog.status.setCurrentIndex(dialog.status.findData(AssetStatus.RETIRED.value))
    assert dialog.down_note.isHidden()
    dialog.status.setCurrentIndex(dialog.status.findData(AssetStatus.OUT_OF_SERVICE.value))
    assert "Downtime starts now" in dialog.down_note.text()
    dialog.reason.setPlainText("Waiting for calibration 等待校准")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    (down,) = open_downtimes(services, boss, scope.id)
    assert down.failure_cause == "Waiting for calibration 等待校准"
    assert page.detail.down is not None and page.detail.down.number == down.number
    assert "still down since" in page.details.toPlainText()

    # Opened again while down: it says the downtime goes on, not that one starts.
    again = page.change_status()
    qtbot.addWidget(again)
    again.status.setCurrentIndex(again.status.findData(AssetStatus.UNDER_REPAIR.value))
    assert down.number in again.down_note.text() and "starts now" not in again.down_note.text()


def test_retiring_an_asset_that_is_down_ends_its_downtime(services, boss, scope):
    """Retired while under repair, it is not shown "down since …" for ever: the downtime the
    status change opened ends with the retirement, audited, and is returned as ended."""
    asset, _, _ = services.equipment.set_status(
        boss, scope.id, scope.version, "under_repair", "no power"
    )
    opened = asset.down
    assert opened is not None
    before = audit_count(services)
    asset, ended, _ = services.equipment.set_status(
        boss, asset.id, asset.version, "retired", "beyond repair"
    )
    assert [d.record_id for d in ended] == [opened.record_id] and ended[0].until is not None
    assert asset.down is None and open_downtimes(services, boss, scope.id) == []
    assert audit_count(services) == before + 2  # the status change and the downtime's end
