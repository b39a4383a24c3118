"""A register import that puts an asset under repair or out of service opens its downtime, as a
breakdown logged still down does: the asset says it is down, the figures count it, back in
service ends it; one open downtime per asset, none for an asset in service. On SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import make_actor
from test_equipment_import import write_xlsx

from outletdesk.core.equipment.importer import EquipmentImporter
from outletdesk.core.equipment.maintenance import LogInput
from outletdesk.core.equipment.register import AssetInput
from outletdesk.models import AssetStatus, RecordKind, Role

HEADER = ["Tag", "Name", "Category", "Status"]


@pytest.fixture
def staff(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


def open_downtimes(services, actor, asset_id):
    return [r for r in services.maintenance.records(actor, asset_id=asset_id) if r.still_down]


def test_an_import_that_takes_assets_down_opens_their_downtime(services, staff, tmp_path):
    tools = services.equipment.categories(staff)[0]
    bench, _ = services.equipment.create(staff, AssetInput("Bench PSU", tools.id, staff.outlet_id))
    began = datetime.now(UTC)
    path = write_xlsx(
        tmp_path / "register.xlsx",
        [
            [bench.tag, "Bench PSU", tools.name, "Out of service"],
            [None, "Oscilloscope 示波器", tools.name, "维修中"],
            [None, "Soldering station", tools.name, "In service"],
        ],
        HEADER,
    )
    report, changes = EquipmentImporter(services.db).run(staff, path)
    assert report.written and (report.new, report.updated) == (2, 1) and changes.equipment
    rows = {r.name: r for r in services.equipment.search(staff, include_retired=True)}
    for name, status in (("Bench PSU", AssetStatus.OUT_OF_SERVICE),
                         ("Oscilloscope 示波器", AssetStatus.UNDER_REPAIR)):  # fmt: skip
        asset = services.equipment.get(staff, rows[name].id)
        assert asset.status is status
        (down,) = open_downtimes(services, staff, asset.id)
        assert down.kind is RecordKind.BREAKDOWN and down.downtime_hours is None
        assert asset.down is not None and asset.down.number == down.number
        assert asset.down.until is None and asset.down.since >= began.replace(microsecond=0)
    soldering = rows["Soldering station"]
    assert open_downtimes(services, staff, soldering.id) == []
    assert services.equipment.get(staff, soldering.id).down is None

    # The same row again changes nothing: no second downtime.
    path = write_xlsx(
        tmp_path / "again.xlsx", [[bench.tag, "Bench PSU", tools.name, "Out of service"]], HEADER
    )
    again, _ = EquipmentImporter(services.db).run(staff, path)
    assert not again.written and again.unchanged == 1
    assert len(open_downtimes(services, staff, bench.id)) == 1
    # Still down, now under repair: the same downtime goes on.
    path = write_xlsx(
        tmp_path / "register2.xlsx", [[bench.tag, "Bench PSU", tools.name, "Under repair"]], HEADER
    )
    EquipmentImporter(services.db).run(staff, path)
    (down,) = open_downtimes(services, staff, bench.id)
    # Back in service, the downtime ends, as for one logged still down.
    asset = services.equipment.get(staff, bench.id)
    asset, ended, _ = services.equipment.set_status(staff, asset.id, asset.version, "in_service")
    assert [d.number for d in ended] == [down.number] and ended[0].until is not None
    assert open_downtimes(services, staff, bench.id) == [] and asset.down is None


def test_an_asset_down_with_its_breakdown_logged_gets_no_second_downtime(services, staff, tmp_path):
    tools = services.equipment.categories(staff)[0]
    scope, _ = services.equipment.create(staff, AssetInput("Scope", tools.id, staff.outlet_id))
    since = datetime.now(UTC).replace(microsecond=0)
    logged, _ = services.maintenance.log(
        staff,
        LogInput(scope.id, RecordKind.BREAKDOWN, down_from=since, failure_cause="No trace",
                 put_under_repair=True),
    )  # fmt: skip
    path = write_xlsx(
        tmp_path / "register.xlsx", [[scope.tag, "Scope", tools.name, "Out of service"]], HEADER
    )
    report, _ = EquipmentImporter(services.db).run(staff, path)
    assert report.written
    assert [r.number for r in open_downtimes(services, staff, scope.id)] == [logged.number]
