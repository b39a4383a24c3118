"""The crew's other order of events: take the asset out (its downtime opens, automatic), repair
it, put it back in service (that downtime ends), then log the breakdown. The breakdown fills the
ended record in (its number kept, no second failure): the one its downtime overlaps, or given
none, the one holding its time, else the latest ended within a week. Its earlier start moves the
downtime back, its end replaces the status change's, which is kept otherwise. On SQLite and
PostgreSQL, in the core and through the breakdown form."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from conftest import audit_count, ui_context
from PySide6.QtCore import QDateTime
from sqlalchemy import select, update
from test_breakdown_fills_downtime import H, breakdown, figures, records

from outletdesk.core.errors import ValidationError
from outletdesk.models import AssetStatus, AuditEntry, MaintenanceRecord, RecordKind
from outletdesk.ui.equipment.page import EquipmentPage


def out_and_back(services, staff, asset, hours_ago=5, back_hours_ago=0):
    """Under repair by hand `hours_ago`, back in service `back_hours_ago`: the status change's
    downtime, ended, its breakdown not logged yet."""
    asset, _, _ = services.equipment.set_status(
        staff, asset.id, asset.version, "under_repair", "no heat"
    )
    down = asset.down
    assert down is not None and down.automatic
    asset, ended, _ = services.equipment.set_status(staff, asset.id, asset.version, "in_service")
    assert [d.number for d in ended] == [down.number]
    now = ended[0].until
    assert now is not None
    began, back = now - hours_ago * H, now - back_hours_ago * H
    with services.db.write() as s:
        s.execute(
            update(MaintenanceRecord)
            .where(MaintenanceRecord.id == down.record_id)
            .values(done_at=began, down_from=began, down_to=back)
        )
    asset = services.equipment.get(staff, asset.id)
    assert asset.status is AssetStatus.IN_SERVICE and asset.down is None
    record = services.maintenance.record(staff, down.record_id)
    assert (record.down_from, record.down_to) == (began, back)
    return record


def last_log(services):
    with services.db.read() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "log").order_by(AuditEntry.id.desc())
        ).first()
    assert entry is not None
    return entry


# ---------------------------------------------------------------- the core's rule


def test_the_breakdown_with_its_real_times_fills_the_ended_downtime_in(services, staff, station):
    """The reviewer's case: under repair 5 h ago, back in service, then the breakdown with its
    real times (it broke an hour before it was taken out, worked an hour before it was put
    back): refused on main as overlapping the status change's downtime."""
    auto = out_and_back(services, staff, station)
    offered = services.equipment.get(staff, station.id).unfilled
    assert offered is not None and offered.automatic
    assert (offered.number, offered.since, offered.until) == (
        auto.number, auto.down_from, auto.down_to,
    )  # fmt: skip
    began, fixed = auto.down_from - H, auto.down_to - H
    before = audit_count(services)
    logged, changes = services.maintenance.log(staff, breakdown(station.id, began, fixed))
    assert changes.equipment
    assert (logged.id, logged.number) == (auto.id, auto.number)
    assert (logged.down_from, logged.down_to, logged.still_down) == (began, fixed, False)
    assert (logged.failure_cause, logged.component, logged.notes, logged.minutes) == (
        "Heater open 发热芯断路", "Heater 发热芯", "Fuse replaced 更换保险丝", 40,
    )  # fmt: skip
    assert [r.number for r in records(services, staff, station.id)] == [auto.number]
    asset = services.equipment.get(staff, station.id)
    assert asset.status is AssetStatus.IN_SERVICE and asset.down is None
    assert asset.unfilled is None  # filled in: a breakdown now, nothing left to offer

    assert audit_count(services) == before + 1
    entry = last_log(services)
    assert entry.entity_id == str(auto.id)
    assert json.loads(entry.before)["failure_cause"] == "no heat"
    after = json.loads(entry.after)
    assert (
        after["filled_in_downtime"] is True and after["failure_cause"] == "Heater open 发热芯断路"
    )

    row = figures(services, staff, station.id, began, fixed + 10 * H)
    assert (row.failures, row.downtime_hours, row.mttr_hours) == (
        1, Decimal("5.00"), Decimal("5.00"),
    )  # fmt: skip
    # A second breakdown logged now is a failure of its own: that downtime is filled in.
    again, _ = services.maintenance.log(staff, breakdown(station.id))
    assert again.number != auto.number and again.down_from is None


@pytest.mark.parametrize("when", ["now", "inside"])
def test_a_breakdown_without_times_counts_one_failure(services, staff, station, when):
    """Logged after it is back in service (done now) or done while it was down: the status
    change's downtime is kept as it was, its details the breakdown's."""
    auto = out_and_back(services, staff, station, hours_ago=5, back_hours_ago=1)
    done_at = auto.down_to - H if when == "inside" else None
    logged, _ = services.maintenance.log(staff, breakdown(station.id, done_at=done_at))
    assert logged.number == auto.number and logged.failure_cause == "Heater open 发热芯断路"
    assert (logged.down_from, logged.down_to) == (auto.down_from, auto.down_to)
    assert len(records(services, staff, station.id)) == 1
    now = auto.down_to + 10 * H
    row = figures(services, staff, station.id, auto.down_from, now)
    assert (row.failures, row.downtime_hours) == (1, Decimal("4.00"))
    assert row.mtbf_hours == row.hours - Decimal("4.00")


@pytest.mark.parametrize("end", ["later", "none"])
def test_its_end_replaces_the_status_changes_which_is_kept_otherwise(services, staff, station, end):
    auto = out_and_back(services, staff, station, hours_ago=6, back_hours_ago=3)
    began = auto.down_from + H  # a later start: down since the status change, at least
    fixed = auto.down_to + H if end == "later" else None
    logged, _ = services.maintenance.log(staff, breakdown(station.id, began, fixed, done_at=None))
    assert logged.number == auto.number and logged.down_from == auto.down_from
    assert logged.down_to == (fixed or auto.down_to) and not logged.still_down
    assert services.equipment.get(staff, station.id).status is AssetStatus.IN_SERVICE
    assert len(records(services, staff, station.id)) == 1


def test_one_ended_too_long_ago_or_not_overlapping_is_left(services, staff, station):
    auto = out_and_back(services, staff, station, hours_ago=9 * 24, back_hours_ago=8 * 24)
    assert services.equipment.get(staff, station.id).unfilled is None  # older than a week
    own, _ = services.maintenance.log(staff, breakdown(station.id))
    earlier, _ = services.maintenance.log(
        staff, breakdown(station.id, auto.down_from - 3 * H, auto.down_from - H)
    )
    assert auto.number not in (own.number, earlier.number)
    assert len(records(services, staff, station.id)) == 3
    assert services.maintenance.record(staff, auto.id).failure_cause == "no heat"
    # Its real times still fill it in, however late.
    logged, _ = services.maintenance.log(staff, breakdown(station.id, auto.down_from, auto.down_to))
    assert logged.number == auto.number and len(records(services, staff, station.id)) == 3


@pytest.mark.parametrize(
    ("change", "field"),
    [({"failure_cause": ""}, "Failure cause"), ({"down_from": "overlap"}, "Down from")],
)
def test_refused_input_leaves_the_ended_downtime(services, staff, station, change, field):
    auto = out_and_back(services, staff, station, hours_ago=5, back_hours_ago=1)
    services.maintenance.log(
        staff, breakdown(station.id, auto.down_from - 10 * H, auto.down_from - 8 * H)
    )
    values = dict(change)
    if values.get("down_from") == "overlap":  # moved back into a recorded downtime
        values |= {"down_from": auto.down_from - 9 * H, "down_to": auto.down_to}
    before = audit_count(services)
    with pytest.raises(ValidationError) as err:
        services.maintenance.log(staff, breakdown(station.id, **values))
    assert err.value.field == field
    assert audit_count(services) == before
    record = services.maintenance.record(staff, auto.id)
    assert (record.failure_cause, record.down_from, record.down_to) == (
        "no heat", auto.down_from, auto.down_to,
    )  # fmt: skip
    assert services.equipment.get(staff, station.id).unfilled is not None


# ---------------------------------------------------------------- through the breakdown form


def qt(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def test_the_breakdown_form_offers_the_ended_downtime(services, staff, station, tmp_path, qtbot):
    auto = out_and_back(services, staff, station, hours_ago=5, back_hours_ago=1)
    page = EquipmentPage(ui_context(services, staff, tmp_path))
    page.opened = []
    page.open_dialog = page.opened.append
    qtbot.addWidget(page)
    page.table.selectRow([r.tag for r in page.model.rows].index(station.tag))
    page.log_selected(RecordKind.BREAKDOWN)
    form = page.log_dialog
    qtbot.addWidget(form)
    assert form.fills_in() and form.fills_in_ended() is not None
    note = form.down_note.text()
    assert auto.number in note and "fills that downtime in" in note and "4.0 h" in note
    assert form.down.isChecked() and not form.still_down.isChecked()
    assert not form.put_under_repair.isChecked()  # repaired and back in service already
    assert (form.down_from.dateTime(), form.down_to.dateTime()) == (
        qt(auto.down_from), qt(auto.down_to),
    )  # fmt: skip
    data = form.input()
    assert (data.down_from, data.down_to) == (auto.down_from, auto.down_to)  # as offered

    began = datetime.now(UTC).replace(second=0, microsecond=0) - 7 * H
    form.down_from.setDateTime(qt(began))
    form.cause.setText("Heater open 发热芯断路")
    form.submit()
    assert form.result() == form.DialogCode.Accepted
    (row,) = records(services, staff, station.id)
    assert row.number == auto.number and row.failure_cause == "Heater open 发热芯断路"
    assert services.maintenance.record(staff, row.id).down_from == began
    assert services.maintenance.record(staff, row.id).down_to == auto.down_to
    assert page.detail.status is AssetStatus.IN_SERVICE and page.detail.unfilled is None
    assert figures(services, staff, station.id, began, auto.down_to + H).failures == 1

    # Any other kind is not the breakdown: no downtime offered, no note.
    page.log_selected(RecordKind.REPAIR)
    repair = page.log_dialog
    qtbot.addWidget(repair)
    assert not repair.fills_in() and repair.fills_in_ended() is None


def test_the_status_dialog_says_the_breakdown_still_fills_it_in(
    services, staff, station, tmp_path, qtbot
):
    asset, _, _ = services.equipment.set_status(
        staff, station.id, station.version, "under_repair", "no heat"
    )
    page = EquipmentPage(ui_context(services, staff, tmp_path))
    page.opened = []
    page.open_dialog = page.opened.append
    qtbot.addWidget(page)
    page.table.selectRow([r.tag for r in page.model.rows].index(station.tag))
    status = page.change_status()
    qtbot.addWidget(status)
    status.status.setCurrentIndex(status.status.findData(AssetStatus.IN_SERVICE.value))
    assert "ends now" in status.down_note.text()
    assert "still fills this downtime in" in status.down_note.text()
    status.submit()
    assert status.result() == status.DialogCode.Accepted
    assert page.detail.down is None and page.detail.unfilled is not None
    logged, _ = services.maintenance.log(staff, breakdown(station.id))
    assert logged.number == asset.down.number
    assert len(records(services, staff, station.id)) == 1
