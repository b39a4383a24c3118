"""The demo equipment: a living register over the demo outlets, added once."""

from __future__ import annotations

from outletdesk.core.demo import fill_demo
from outletdesk.core.equipment.demo import ASSETS, add_demo_equipment
from outletdesk.models import AssetStatus


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
    assert add_demo_equipment(services.db) == 0  # once
    assert len(equipment.search(cli_actor, include_retired=True)) == 12
