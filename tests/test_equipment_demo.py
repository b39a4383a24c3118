"""The demo equipment: a living register over the demo outlets, added once."""

from __future__ import annotations

from datetime import date, timedelta

from outletdesk.core.demo import fill_demo
from outletdesk.core.equipment.demo import ASSETS, add_demo_equipment
from outletdesk.core.equipment.schedule import Bucket
from outletdesk.models import AssetStatus, RecordKind


def test_demo_equipment_spans_outlets_categories_meters_and_statuses(services, cli_actor):
    fill_demo(services.db, customers=0)
    assert add_demo_equipment(services.db) == len(ASSETS)
    equipment = services.equipment
    rows = equipment.search(cli_actor, include_retired=True)
    assert len(rows) == len(ASSETS) == 12
    assert len({r.outlet_code for r in rows}) >= 2
    assert len({r.category for r in rows}) == 5
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in r.name) for r in rows)  # bilingual
    statuses = {r.status for r in rows}
    assert {AssetStatus.UNDER_REPAIR, AssetStatus.OUT_OF_SERVICE, AssetStatus.RETIRED} <= statuses
    metered = [equipment.get(cli_actor, r.id) for r in rows]
    metered = [a for a in metered if a.meters]
    assert len(metered) == 2 and all(a.meters[0].value is not None for a in metered)
    van = next(a for a in metered if a.meters[0].unit == "km")
    readings = [e for e in equipment.history(cli_actor, van.id) if e.kind == "reading"]
    assert len(readings) == 7 and readings[0].detail.startswith("17100")  # newest first
    due = services.maintenance.due_list(cli_actor, van.outlet_id)
    assert {t.bucket for t in due} >= {Bucket.OVERDUE}  # the calibration is overdue
    station = next(r for r in rows if r.serial == "DEMO-0001")
    kinds = [r.kind for r in services.maintenance.records(cli_actor, asset_id=station.id)]
    assert kinds.count(RecordKind.BREAKDOWN) == 2 and kinds.count(RecordKind.PLANNED) >= 8
    start, end = date.today() - timedelta(days=364), date.today()
    figures = services.maintenance.reliability(cli_actor, start, end, group="category")
    # Four repaired breakdowns, and the two assets out of service still down.
    assert sum(f.failures for f in figures) == 6 and any(f.mttr_hours for f in figures)
    done = services.maintenance.compliance(cli_actor, start, end)
    assert done.done >= 8 and 0 < done.share < 1  # two were late
    assert add_demo_equipment(services.db) == 0  # once
    assert len(equipment.search(cli_actor, include_retired=True)) == 12
