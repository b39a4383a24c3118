"""A breakdown that ended before the asset's open downtime began (logged late) keeps its own
downtime, in the core and through the log form while the asset is down; no breakdown's downtime
may overlap another's of the same asset, open or recorded, and the refusal names the field to
change. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from conftest import audit_count, ui_context
from PySide6.QtCore import QDateTime

from outletdesk.core.equipment.maintenance import LogInput
from outletdesk.core.errors import ValidationError
from outletdesk.models import AssetStatus, RecordKind
from outletdesk.ui.equipment.page import EquipmentPage

H = timedelta(hours=1)


@pytest.fixture
def since():
    """When the asset's open downtime began: five hours ago, on the minute (the form's step)."""
    return datetime.now(UTC).replace(second=0, microsecond=0) - 5 * H


def breakdown(asset_id, down_from, down_to=None, **changes):
    values = dict(failure_cause="heater open 发热芯断路", done_at=down_to or down_from,
                  down_from=down_from, down_to=down_to, put_under_repair=True)  # fmt: skip
    values.update(changes)
    return LogInput(asset_id, RecordKind.BREAKDOWN, **values)


def record_count(services, staff, asset_id):
    return len(services.maintenance.records(staff, asset_id=asset_id))


# ---------------------------------------------------------------- the core's rule


def test_an_earlier_breakdown_logged_late_keeps_its_own_downtime(services, staff, station, since):
    down, _ = services.maintenance.log(staff, breakdown(station.id, since))
    earlier, _ = services.maintenance.log(
        staff, breakdown(station.id, since - 30 * H, since - 26 * H, put_under_repair=False)
    )
    assert earlier.downtime_hours == Decimal("4.00") and not earlier.still_down
    # Touching both neighbours is no overlap: it ends as the open one begins.
    touching, _ = services.maintenance.log(
        staff, breakdown(station.id, since - 26 * H, since, put_under_repair=False)
    )
    assert touching.downtime_hours == Decimal("26.00")
    asset = services.equipment.get(staff, station.id)
    assert asset.status is AssetStatus.UNDER_REPAIR and asset.down.number == down.number
    day = since.astimezone().date()
    (figures,) = services.maintenance.reliability(
        staff, day - timedelta(days=3), day + timedelta(days=1), asset_id=station.id,
        now=since + 2 * H,
    )  # fmt: skip
    # MTTR of the two repaired; the downtime is theirs and the open one's two hours so far.
    assert (figures.failures, figures.mttr_hours, figures.downtime_hours) == (
        3, Decimal("15.00"), Decimal("32.00"),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("start", "end", "field", "against", "says"),
    [
        (-2, 1, "Down until", "open", "must be no later than"),  # runs into the open one
        (1, 2, "Down from", "open", "Log this failure without a downtime of its own"),  # inside
        (1, None, "Down from", "open", "has been down since"),  # a second still down
        (-28, -20, "Down from", "recorded", "overlaps the downtime of"),  # starts in it
        (-32, -27, "Down until", "recorded", "overlaps the downtime of"),  # ends in it
        (-31, -25, "Down until", "recorded", "overlaps the downtime of"),  # spans it
        (-29, -28, "Down from", "recorded", "overlaps the downtime of"),  # within it
    ],
)
def test_a_downtime_overlapping_another_is_refused_naming_the_field(
    services, staff, station, since, start, end, field, against, says
):
    down, _ = services.maintenance.log(staff, breakdown(station.id, since))
    recorded, _ = services.maintenance.log(
        staff, breakdown(station.id, since - 30 * H, since - 26 * H, put_under_repair=False)
    )
    before = audit_count(services)
    data = breakdown(station.id, since + start * H, None if end is None else since + end * H)
    with pytest.raises(ValidationError) as err:
        services.maintenance.log(staff, data)
    assert err.value.field == field
    other = down if against == "open" else recorded
    assert says in str(err.value) and other.number in str(err.value)
    assert station.tag in str(err.value)
    assert audit_count(services) == before and record_count(services, staff, station.id) == 2


def test_a_still_down_breakdown_cannot_begin_inside_a_recorded_downtime(
    services, staff, station, since
):
    """An asset in service with a repaired breakdown: a new one still down from inside that
    downtime is refused, naming its start, and the asset stays in service."""
    recorded, _ = services.maintenance.log(
        staff, breakdown(station.id, since - 4 * H, since - 2 * H, put_under_repair=False)
    )
    before = audit_count(services)
    with pytest.raises(ValidationError) as err:
        services.maintenance.log(staff, breakdown(station.id, since - 3 * H))
    assert err.value.field == "Down from" and recorded.number in str(err.value)
    assert audit_count(services) == before
    assert services.equipment.get(staff, station.id).status is AssetStatus.IN_SERVICE
    done, _ = services.maintenance.log(staff, breakdown(station.id, since - 2 * H))  # from its end
    assert done.still_down


def test_only_breakdowns_count_as_overlapping(services, staff, station, since):
    """A repair's downtime is not a breakdown's (the figures count breakdowns only)."""
    services.maintenance.log(
        staff,
        LogInput(station.id, RecordKind.REPAIR, done_at=since, down_from=since - 2 * H,
                 down_to=since),
    )  # fmt: skip
    done, _ = services.maintenance.log(staff, breakdown(station.id, since - H, since))
    assert done.downtime_hours == Decimal("1.00")


# ---------------------------------------------------------------- through the log form


@pytest.fixture
def page(services, staff, station, tmp_path, qtbot):
    widget = EquipmentPage(ui_context(services, staff, tmp_path))
    widget.opened = []
    widget.open_dialog = widget.opened.append  # keep dialogs for the test to drive
    qtbot.addWidget(widget)
    tags = [r.tag for r in widget.model.rows]
    widget.table.selectRow(tags.index(station.tag))
    assert widget.detail is not None and widget.detail.tag == station.tag
    return widget


def qt(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def test_a_past_breakdown_is_entered_with_both_ends_while_the_asset_is_down(
    page, services, staff, station, since, qtbot
):
    # It breaks down: put under repair, still down from five hours ago.
    page.log_selected(RecordKind.BREAKDOWN)
    first = page.log_dialog
    first.down_from.setDateTime(qt(since))
    first.cause.setText("No heat 不加热")
    first.submit()
    assert first.result() == first.DialogCode.Accepted
    (down,) = services.maintenance.records(staff, asset_id=station.id)
    assert down.still_down and page.detail.down is not None

    # A breakdown of last week, logged late, while it is down: its downtime can be entered.
    page.log_selected(RecordKind.BREAKDOWN)
    dialog = page.log_dialog
    qtbot.addWidget(dialog)
    assert dialog.down.isEnabled() and not dialog.down.isChecked()  # meanwhile: none by default
    note = dialog.down_note.text()
    assert not dialog.down_note.isHidden() and down.number in note and "earlier" in note
    assert not dialog.still_down.isEnabled()  # one open downtime per asset
    dialog.down.setChecked(True)
    assert dialog.down_from.isEnabled() and dialog.down_to.isEnabled()
    assert not dialog.still_down.isChecked()
    # Offered ending when the open downtime began.
    assert dialog.down_to.dateTime() == qt(since)
    assert dialog.down_from.dateTime() == qt(since - H)
    dialog.cause.setText("Fan stopped 风扇不转")
    dialog.put_under_repair.setChecked(False)
    assert dialog.down_to.isEnabled() and not dialog.still_down.isEnabled()

    # Its end runs into the open downtime: the core's refusal names Down until.
    dialog.down_from.setDateTime(qt(since - 2 * H))
    dialog.down_to.setDateTime(qt(since + H))
    dialog.submit()
    assert "Down until" in dialog.error.text() and down.number in dialog.error.text()
    assert "c62828" in dialog.down_to.styleSheet() and dialog.result() == 0
    assert record_count(services, staff, station.id) == 1

    dialog.down_from.setDateTime(qt(since - 30 * H))
    dialog.down_to.setDateTime(qt(since - 26 * H))
    data = dialog.input()
    assert (data.down_from, data.down_to) == (since - 30 * H, since - 26 * H)
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    rows = services.maintenance.records(staff, asset_id=station.id)
    earlier = next(r for r in rows if r.id != down.id)
    assert earlier.downtime_hours == Decimal("4.00") and not earlier.still_down
    assert services.maintenance.record(staff, down.id).still_down  # the open one stays open
    assert page.detail.status is AssetStatus.UNDER_REPAIR
    assert page.detail.down is not None and page.detail.down.number == down.number

    # Another one overlapping the one just recorded: refused, naming its start and that record.
    page.log_selected(RecordKind.BREAKDOWN)
    third = page.log_dialog
    third.down.setChecked(True)
    third.down_from.setDateTime(qt(since - 28 * H))
    third.down_to.setDateTime(qt(since - 20 * H))
    third.cause.setText("Fan stopped 风扇不转")
    third.submit()
    assert "Down from" in third.error.text() and earlier.number in third.error.text()
    assert "c62828" in third.down_from.styleSheet()
    assert record_count(services, staff, station.id) == 2
    # A failure found meanwhile shares the open downtime: no downtime of its own.
    third.down.setChecked(False)
    third.submit()
    assert third.result() == third.DialogCode.Accepted
    latest = services.maintenance.records(staff, asset_id=station.id)[0]
    assert latest.downtime_hours is None and not latest.still_down
