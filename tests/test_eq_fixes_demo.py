"""The demo register is consistent: an asset the demo takes out of service broke down and is still
down, so its open downtime counts in the figures and shows in its status and history; an asset in
service (or retired) has none."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from outletdesk.core.demo import fill_demo
from outletdesk.core.equipment.demo import add_demo_equipment
from outletdesk.models import AssetStatus, RecordKind

DOWN = (AssetStatus.UNDER_REPAIR, AssetStatus.OUT_OF_SERVICE)


def test_every_asset_out_of_service_has_one_open_downtime_and_the_others_none(services, cli_actor):
    fill_demo(services.db, customers=0)
    assert add_demo_equipment(services.db) == 12
    equipment, maintenance = services.equipment, services.maintenance
    now = datetime.now(UTC)
    rows = equipment.search(cli_actor, include_retired=True)
    assert {r.status for r in rows} >= {*DOWN, AssetStatus.IN_SERVICE, AssetStatus.RETIRED}
    down_assets = []
    for row in rows:
        records = maintenance.records(cli_actor, asset_id=row.id)
        still_down = [r for r in records if r.still_down]
        asset = equipment.get(cli_actor, row.id)
        if row.status not in DOWN:
            assert still_down == [] and asset.down is None, row.name
            continue
        down_assets.append(asset)
        (open_one,) = still_down
        assert open_one.kind is RecordKind.BREAKDOWN and open_one.failure_cause
        # It began when the asset went down, in the past, and the asset says so.
        assert asset.down is not None and asset.down.number == open_one.number
        assert asset.down.until is None and asset.down.since < now - timedelta(hours=1)
        history = equipment.history(cli_actor, asset.id)
        assert any(h.still_down and h.down_from == asset.down.since for h in history)
        assert any(h.kind == "status" and h.title == row.status.value for h in history)
        # The figures count the downtime so far: it is not available all the time.
        day = date.today()
        (figures,) = maintenance.reliability(
            cli_actor, day - timedelta(days=7), day, asset_id=asset.id
        )
        hours_down = (now - asset.down.since).total_seconds() / 3600
        assert float(figures.downtime_hours) >= hours_down - 0.1
        assert figures.availability is not None and figures.availability < 1
    assert len(down_assets) == 2
