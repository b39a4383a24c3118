"""Equipment Excel logs read back with openpyxl on SQLite and PostgreSQL: the register, the
maintenance log and its filters, typed cells, hostile text kept as text, translations, permission
and cancel."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from conftest import make_actor

from outletdesk.core.auth import Actor
from outletdesk.core.customers import CustomerInput
from outletdesk.core.equipment.export import (
    EQUIPMENT_COLUMNS,
    LOG_COLUMNS,
    PLAN_COLUMNS,
    TEXTS,
    RecordFilter,
    export_due_list,
    export_equipment,
    export_maintenance_log,
    export_plans,
)
from outletdesk.core.equipment.maintenance import ItemInput, PlanInput
from outletdesk.core.equipment.register import AssetInput
from outletdesk.core.errors import PermissionDenied, ValidationError
from outletdesk.core.outlets import OutletInput
from outletdesk.models import MaintenanceRecord, Role
from outletdesk.progress import Cancelled, Progress

HOSTILE = "=cmd|' /C calc'!A0"
TS = Path(__file__).resolve().parent.parent / "resources/translations/outletdesk_zh_CN.ts"


def zh_texts(sources=TEXTS):
    """The shipped Simplified Chinese of the given English sources (context core)."""
    found = {}
    for ctx in ET.parse(TS).getroot().iter("context"):
        if ctx.findtext("name") == "core":
            for m in ctx.iter("message"):
                if m.findtext("source") in sources and m.findtext("translation"):
                    found[m.findtext("source")] = m.findtext("translation")
    return found


def table(path, first, sheet=0):
    """The rows from the column-title row on (the header block above it is skipped)."""
    rows = list(openpyxl.load_workbook(path).worksheets[sheet].iter_rows(values_only=True))
    start = next(
        i for i, r in enumerate(rows) if r and r[0] == first and sum(v is not None for v in r) > 2
    )
    return rows[start], [r for r in rows[start + 1 :] if any(v is not None for v in r)]


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


def add_record(services, actor, asset, kind, done_at, **values):
    """A maintenance record written straight to the table the log reads."""
    with services.db.write(actor) as s:
        n = s.query(MaintenanceRecord).count() + 1
        s.add(
            MaintenanceRecord(
                number=f"MR-N-{n:06d}",
                asset_id=asset.id,
                outlet_id=asset.outlet_id,
                kind=kind,
                done_at=done_at,
                done_by=values.pop("done_by", "Chen Jie"),
                **values,
            )
        )


@pytest.fixture
def shop(services, manager, outlet):
    """Two outlets; a rework station (bought, accepted), a customer's oscilloscope under a
    service contract, a retired multimeter at the south outlet; upkeep done on them."""
    south, _ = services.outlets.create(Actor.command_line(), OutletInput("S", "South 南店"))
    categories = {c.name.split()[0]: c for c in services.equipment.categories(manager)}
    tools, instruments = categories["Tools"], categories["Test"]
    customer, _ = services.customers.create(
        manager, CustomerInput("Wang Fang 王芳", ["13800000001"])
    )
    station, _ = services.equipment.create(
        manager,
        AssetInput(
            "Hot-air rework station 热风拆焊台", tools.id, outlet.id, make="Quick",
            model="861DW", serial="QK-0042", location="Bench 2", purchase_date="2024-03-01",
            purchase_cost="1280.50", warranty_end="2026-02-28", accepted_on="2024-03-02",
            accepted_by="Chen Jie", acceptance_result="passed",
        ),
    )  # fmt: skip
    scope, _ = services.equipment.create(
        manager,
        AssetInput("Oscilloscope 示波器", instruments.id, outlet.id, make="Rigol",
                   model="DS1054Z", customer_id=customer.id),
    )  # fmt: skip
    meter, _ = services.equipment.create(
        manager, AssetInput("Multimeter 万用表", instruments.id, south.id, make="Fluke")
    )
    meter, _ended, _ = services.equipment.set_status(
        manager, meter.id, meter.version, "retired", HOSTILE, on="2025-01-15"
    )
    now = datetime.now(UTC).replace(microsecond=0)
    add_record(services, manager, station, "planned", now - timedelta(days=40), minutes=30,
               notes="Nozzle cleaned 喷嘴清洁")  # fmt: skip
    add_record(services, manager, station, "breakdown", now - timedelta(days=3), minutes=95,
               down_from=now - timedelta(days=3, hours=6), down_to=now - timedelta(days=3),
               failure_cause="Heater element open", component="Heater", passed=False,
               notes=HOSTILE)  # fmt: skip
    add_record(services, manager, scope, "repair", now - timedelta(hours=1), minutes=20,
               down_from=now - timedelta(hours=2))  # still down: no downtime figure yet  # fmt: skip
    add_record(services, manager, meter, "planned", now - timedelta(days=400), done_by="Li Wei")
    return {"south": south, "station": station, "scope": scope, "meter": meter,
            "tools": tools, "instruments": instruments, "now": now}  # fmt: skip


def test_register_has_every_asset_with_typed_cells(services, manager, shop, outlet, tmp_path):
    path = tmp_path / "equipment.xlsx"
    assert export_equipment(services, manager, path) == 3
    header, rows = table(path, "Asset tag")
    assert header == (
        "Asset tag", "Name", "Category", "Make", "Model", "Serial number", "Outlet", "Location",
        "Owner", "Supplier", "Purchase date", "Purchase cost", "Warranty end", "Accepted on",
        "Accepted by", "Acceptance result", "Status", "Retired on", "Retirement reason",
    )  # fmt: skip
    col = {title: i for i, title in enumerate(header)}
    station, scope = rows[0], rows[1]
    assert station[:9] == (
        shop["station"].tag, "Hot-air rework station 热风拆焊台", shop["tools"].name, "Quick",
        "861DW", "QK-0042", "North Station 北站店", "Bench 2", "North Station 北站店",
    )  # fmt: skip
    assert station[col["Purchase date"]] == datetime(2024, 3, 1)  # a real date cell
    assert station[col["Purchase cost"]] == pytest.approx(1280.50)
    assert station[col["Warranty end"]] == datetime(2026, 2, 28)
    assert station[col["Acceptance result"]] == "Passed" and station[col["Status"]] == "In service"
    assert scope[col["Owner"]] == "Wang Fang 王芳" and scope[col["Model"]] == "DS1054Z"
    assert scope[col["Purchase date"]] is None and scope[col["Purchase cost"]] is None
    multimeter = rows[2]
    assert multimeter[col["Outlet"]] == "South 南店" and multimeter[col["Status"]] == "Retired"
    assert multimeter[col["Retired on"]] == datetime(2025, 1, 15)
    assert multimeter[col["Retirement reason"]] == HOSTILE

    ws = openpyxl.load_workbook(path).worksheets[0]
    cells = {c.coordinate: c for row in ws.iter_rows() for c in row if c.value is not None}
    hostile = [c for c in cells.values() if c.value == HOSTILE]
    assert [c.data_type for c in hostile] == ["s"] and hostile[0].quotePrefix
    dates = [c for c in cells.values() if isinstance(c.value, datetime) and c.column > 2]
    assert dates and all(c.number_format == "yyyy-mm-dd" for c in dates)
    block = list(ws.iter_rows(values_only=True))[:5]
    assert block[0][:1] == ("Equipment register",) and ("Outlet", "All outlets") in [
        r[:2] for r in block
    ]

    assert export_equipment(services, manager, path, outlet_id=shop["south"].id) == 1
    assert [r[0] for r in table(path, "Asset tag")[1]] == [shop["meter"].tag]
    block = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))[:5]
    assert ("Outlet", "South 南店") in [r[:2] for r in block]
    with pytest.raises(ValidationError, match="outlet 4242 does not exist"):
        export_equipment(services, manager, path, outlet_id=4242)


def test_maintenance_log_and_its_filters(services, manager, shop, outlet, tmp_path):
    path = tmp_path / "log.xlsx"
    assert export_maintenance_log(services, manager, path) == 4
    header, rows = table(path, "Record no.")
    assert header == (
        "Record no.", "Done at", "Asset tag", "Asset name", "Category", "Outlet", "Type of work", "Plan",
        "Component", "Failure cause", "Minutes", "Down from", "Down until", "Downtime (hours)",
        "Passed", "Done by", "Notes",
    )  # fmt: skip
    col = {title: i for i, title in enumerate(header)}
    assert [r[col["Type of work"]] for r in rows] == ["Planned maintenance", "Planned maintenance",
                                             "Breakdown", "Repair"]  # fmt: skip
    assert [r[col["Asset tag"]] for r in rows] == [
        shop["meter"].tag,
        shop["station"].tag,
        shop["station"].tag,
        shop["scope"].tag,
    ]
    breakdown = rows[2]
    assert isinstance(breakdown[col["Done at"]], datetime)
    expected = (shop["now"] - timedelta(days=3)).astimezone().replace(tzinfo=None)
    assert breakdown[col["Done at"]] == expected  # local wall-clock time
    assert breakdown[col["Minutes"]] == 95 and breakdown[col["Downtime (hours)"]] == 6
    assert breakdown[col["Passed"]] is False and rows[1][col["Passed"]] is True
    assert (breakdown[col["Component"]], breakdown[col["Failure cause"]]) == (
        "Heater", "Heater element open",
    )  # fmt: skip
    assert breakdown[col["Notes"]] == HOSTILE and breakdown[col["Done by"]] == "Chen Jie"
    assert breakdown[col["Down until"]] == expected  # a real date cell, local
    assert rows[3][col["Downtime (hours)"]] is None  # still down: no figure yet, and it says so
    assert rows[3][col["Down until"]] == "Still down"
    assert rows[3][col["Down from"]] == (shop["now"] - timedelta(hours=2)).astimezone().replace(
        tzinfo=None
    )
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert [c.data_type for row in ws.iter_rows() for c in row if c.value == HOSTILE] == ["s"]

    def count(**kw):
        return export_maintenance_log(services, manager, tmp_path / "f.xlsx", RecordFilter(**kw))

    today = date.today()
    assert count(asset_id=shop["station"].id) == 2
    assert count(outlet_id=shop["south"].id) == 1
    assert count(category_id=shop["instruments"].id) == 2
    assert count(category_id=shop["instruments"].id, outlet_id=outlet.id) == 1
    assert count(date_from=today - timedelta(days=10)) == 2
    assert count(date_from=today - timedelta(days=50), date_to=today - timedelta(days=10)) == 1
    assert count(date_to=today - timedelta(days=500)) == 0
    export_maintenance_log(
        services, manager, path, RecordFilter(date_from=date(2024, 1, 1), date_to=today)
    )
    block = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))[:5]
    assert ("Period", f"2024-01-01 – {today:%Y-%m-%d}") in [r[:2] for r in block]


def test_chinese_titles_and_words(services, manager, shop, tmp_path):
    texts = zh_texts()
    assert texts["Maintenance log"] != "Maintenance log" and texts["Breakdown"]
    for spec in (EQUIPMENT_COLUMNS, LOG_COLUMNS, PLAN_COLUMNS):
        titles = [texts.get(title, title) for title, _kind, _width in spec]
        assert len(set(titles)) == len(titles), titles  # each column found by its title
    path = tmp_path / "zh.xlsx"
    export_maintenance_log(services, manager, path, texts=texts)
    assert openpyxl.load_workbook(path).sheetnames == [texts["Maintenance log"]]
    header, rows = table(path, texts["Record no."])
    assert rows[2][header.index(texts["Type of work"])] == texts["Breakdown"]
    export_equipment(services, manager, path, texts=texts)
    header, rows = table(path, texts["Asset tag"])
    assert rows[2][header.index(texts["Status"])] == texts["Retired"]


def test_exports_need_the_permission_and_cancel_leaves_no_file(
    services, clerk, manager, shop, tmp_path
):
    path = tmp_path / "no.xlsx"
    upkeep = make_actor(services, manager.outlet_id, Role.MAINTENANCE, "upkeep")
    tech = make_actor(services, manager.outlet_id, Role.TECHNICIAN, "tech")
    for export in (export_equipment, export_maintenance_log):
        for who in (clerk, tech):  # export is a manager's right, as for the parts logs
            with pytest.raises(PermissionDenied):
                export(services, who, path)
    # ... and the maintenance staff's, for the equipment they keep.
    assert export_maintenance_log(services, upkeep, tmp_path / "upkeep.xlsx") >= 0
    assert (tmp_path / "upkeep.xlsx").is_file()
    (tmp_path / "upkeep.xlsx").unlink()
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        export_maintenance_log(services, manager, path, progress=progress)
    assert not path.exists() and not [p for p in tmp_path.iterdir() if "xlsx" in p.name]


def test_downtime_is_hours_to_the_hundredth():
    from outletdesk.core.equipment.export import downtime_hours

    start = datetime(2025, 1, 1, 8, tzinfo=UTC)
    assert downtime_hours(start, start + timedelta(minutes=100)) == Decimal("1.67")
    assert downtime_hours(start, None) is None and downtime_hours(None, start) is None


def test_command_line_exports_with_filters(db_url, shop, tmp_path, capsys):
    from outletdesk.cli import main

    path = tmp_path / "cli.xlsx"
    assert main(["--db", db_url, "export", "equipment", "-o", str(path), "--outlet", "S"]) == 0
    assert "1 asset written" in capsys.readouterr().out
    assert [r[0] for r in table(path, "Asset tag")[1]] == [shop["meter"].tag]

    log = ["--db", db_url, "export", "maintenance-log", "-o", str(path)]
    assert main([*log, "--asset", shop["station"].tag.lower()]) == 0
    assert "2 maintenance records written" in capsys.readouterr().out
    assert main([*log, "--category", "test", "--outlet", "N"]) == 0  # prefix, any case
    assert [r[2] for r in table(path, "Record no.")[1]] == [shop["scope"].tag]
    today = date.today()
    assert main([*log, "--from", f"{today - timedelta(days=10):%Y-%m-%d}", "--to", str(today)]) == 0
    assert "2 maintenance records written" in capsys.readouterr().out

    for bad, message in (
        (["--asset", "EQ-X-1"], "--asset: no asset has the tag “EQ-X-1”"),
        (["--category", "Nothing"], "--category: “Nothing” names no single category"),
        (["--from", "2025-02-01", "--to", "2025-01-01"], "--to: 2025-01-01 is before --from"),
        (["--from", "1.2.2025"], "is not a date"),
        (["--outlet", "ZZ"], "no outlet with code “ZZ”"),
    ):
        path.unlink(missing_ok=True)
        assert main([*log, *bad]) == 1
        assert message in capsys.readouterr().err
        assert not path.exists()


TODAY = date(2026, 11, 23)  # a Monday


@pytest.fixture
def plans(services, manager, shop):
    """Every instrument inspected quarterly (overdue on the scope; the retired multimeter is not
    covered); the rework station's nozzle every 2 weeks or 500 hours, assigned to the boss."""
    station = shop["station"]
    meter, _ = services.equipment.add_meter(manager, station.id, "Operating hours", "h")
    services.equipment.read_meter(manager, meter.id, "120")
    quarterly, _ = services.maintenance.create_plan(
        manager,
        PlanInput("Quarterly inspection 季度检查", category_id=shop["instruments"].id,
                  interval_count=3, interval_unit="month", start_date=date(2026, 11, 13),
                  lead_days=7, estimated_minutes=45,
                  items=(ItemInput("check", "Probe leads intact"),)),
    )  # fmt: skip
    nozzle, _ = services.maintenance.create_plan(
        manager,
        PlanInput("Nozzle service", asset_id=station.id, interval_count=2, interval_unit="week",
                  meter_name="Operating hours", meter_interval="500", anchor="completion",
                  start_date=date(2026, 11, 25), lead_days=10, estimated_minutes=20,
                  assignee_id=manager.user_id),
    )  # fmt: skip
    unused, _ = services.maintenance.create_plan(
        manager,
        PlanInput("Vehicle check 车辆检查", category_id=next(
            c.id for c in services.equipment.categories(manager) if c.name.startswith("Vehicles")
        ), interval_count=1, interval_unit="year", start_date=date(2027, 1, 1)),
    )  # fmt: skip
    return {"quarterly": quarterly, "nozzle": nozzle, "unused": unused}


def test_due_list_most_urgent_first(services, manager, shop, plans, outlet, tmp_path):
    path = tmp_path / "due.xlsx"
    assert export_due_list(services, manager, path, today=TODAY) == 2
    header, rows = table(path, "When")
    assert header == (
        "When", "Next due", "Next due at meter", "Meter", "Meter now", "Asset tag", "Asset name",
        "Category", "Outlet", "Plan", "Assigned to", "Estimated minutes",
    )  # fmt: skip
    assert rows == [
        ("Overdue", datetime(2026, 11, 13), None, None, None, shop["scope"].tag,
         "Oscilloscope 示波器", shop["instruments"].name, "N", "Quarterly inspection 季度检查",
         None, 45),
        ("This week", datetime(2026, 11, 25), 620, "Operating hours", 120, shop["station"].tag,
         "Hot-air rework station 热风拆焊台", shop["tools"].name, "N", "Nozzle service", "Boss",
         20),
    ]  # fmt: skip
    block = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))[:5]
    assert ("Outlet", "North Station 北站店") in [r[:2] for r in block]  # the actor's outlet
    assert export_due_list(services, manager, path, today=TODAY, assignee_id=manager.user_id) == 1
    assert export_due_list(services, manager, path, today=date(2026, 11, 1)) == 0
    assert export_due_list(services, manager, path, outlet_id=shop["south"].id, today=TODAY) == 0


def test_plan_overview_has_a_row_per_covered_asset(services, manager, shop, plans, tmp_path):
    path = tmp_path / "plans.xlsx"
    assert export_plans(services, manager, path) == 3
    header, rows = table(path, "Plan")
    col = {title: i for i, title in enumerate(header)}
    assert [(r[col["Plan"]], r[col["Asset tag"]]) for r in rows] == [
        ("Nozzle service", shop["station"].tag),
        ("Quarterly inspection 季度检查", shop["scope"].tag),
        ("Vehicle check 车辆检查", None),  # no vehicle yet: the plan still shows
    ]
    nozzle, quarterly, vehicles = rows
    assert nozzle[col["Applies to"]] == shop["station"].tag
    assert nozzle[col["Interval"]] == (
        "every 2 weeks, or every 500 of Operating hours, whichever comes first"
    )
    assert nozzle[col["Next due counted from"]] == "Completion"
    assert (nozzle[col["Assigned to"]], nozzle[col["Lead time (days before due)"]]) == ("Boss", 10)
    assert nozzle[col["Next due"]] == datetime(2026, 11, 25)
    assert nozzle[col["Next due at meter"]] == 620 and nozzle[col["Active"]] is True
    assert quarterly[col["Applies to"]] == f"Every asset in {shop['instruments'].name}"
    assert quarterly[col["Interval"]] == "every 3 months"
    assert quarterly[col["Next due counted from"]] == "Schedule"
    assert quarterly[col["Outlet"]] == "North Station 北站店"
    assert quarterly[col["Estimated minutes"]] == 45 and quarterly[col["Last done"]] is None
    assert vehicles[col["Next due"]] is None

    assert export_plans(services, manager, path, outlet_id=shop["south"].id) == 0
    plan = plans["unused"]
    services.maintenance.set_plan_active(manager, plan.id, plan.version, False)
    assert export_plans(services, manager, path) == 2
    assert export_plans(services, manager, path, include_inactive=True) == 3
    texts = zh_texts()
    export_plans(services, manager, path, texts=texts)
    header, rows = table(path, texts["Plan"])
    assert (
        rows[0][header.index(texts["Interval"])] == "每 2 周，或Operating hours每 500，以先到者为准"
    )


def test_a_category_meter_plan_leaves_out_the_assets_without_its_meter(
    services, manager, shop, plans, outlet, tmp_path
):
    """The rework station counts operating hours; a new soldering iron and the oscilloscope do
    not: a meter-only plan is not theirs, one by time and meter is due on them by time only."""
    iron, _ = services.equipment.create(
        manager, AssetInput("Soldering iron 电烙铁", shop["tools"].id, outlet.id)
    )
    hours = dict(meter_name="Operating hours", meter_interval="300", start_date=TODAY)
    for name, category, rule in (
        ("Fan filter 风扇滤网", shop["tools"], {}),
        ("Lamp hours 灯泡时数", shop["instruments"], {}),
        ("Tip and hours 烙铁头", shop["tools"], {"interval_count": 1, "interval_unit": "month"}),
    ):
        services.maintenance.create_plan(
            manager, PlanInput(name, category_id=category.id, **hours, **rule)
        )
    path = tmp_path / "plans.xlsx"
    export_plans(services, manager, path)
    header, rows = table(path, "Plan")
    col = {title: i for i, title in enumerate(header)}
    found = {
        (r[col["Plan"]], r[col["Asset tag"]]): r[col["Next due at meter"]]
        for r in rows
        if r[col["Plan"]] in ("Fan filter 风扇滤网", "Lamp hours 灯泡时数", "Tip and hours 烙铁头")
    }
    assert found == {
        ("Fan filter 风扇滤网", shop["station"].tag): 420,
        ("Lamp hours 灯泡时数", None): None,  # no instrument has the meter: the plan still shows
        ("Tip and hours 烙铁头", shop["station"].tag): 420,
        ("Tip and hours 烙铁头", iron.tag): None,  # due by the month alone
    }
    export_due_list(services, manager, path, today=TODAY, include_not_yet=True)
    header, rows = table(path, "When")
    listed = {(r[header.index("Plan")], r[header.index("Asset tag")]) for r in rows}
    assert ("Fan filter 风扇滤网", iron.tag) not in listed
    assert ("Fan filter 风扇滤网", shop["station"].tag) in listed
    assert not any(plan == "Lamp hours 灯泡时数" for plan, _tag in listed)
    tip = next(r for r in rows if r[header.index("Asset tag")] == iron.tag
               and r[header.index("Plan")] == "Tip and hours 烙铁头")  # fmt: skip
    assert tip[header.index("When")] == "Due today"
    assert (tip[header.index("Next due at meter")], tip[header.index("Meter")]) == (None, None)


def test_command_line_due_list_and_plans(db_url, shop, plans, tmp_path, capsys):
    from outletdesk.cli import main

    path = tmp_path / "cli.xlsx"
    base = ["--db", db_url, "export"]
    assert main([*base, "equipment-due", "-o", str(path), "--today", str(TODAY)]) == 0
    assert "2 maintenance tasks written" in capsys.readouterr().out
    assert main([*base, "equipment-due", "-o", str(path), "--today", str(TODAY),
                 "--category", "tools"]) == 0  # fmt: skip
    assert [r[5] for r in table(path, "When")[1]] == [shop["station"].tag]
    assert main([*base, "equipment-due", "-o", str(path), "--outlet", "S"]) == 0
    assert "0 maintenance tasks written" in capsys.readouterr().out
    assert main([*base, "maintenance-plans", "-o", str(path)]) == 0
    assert "3 plan rows written" in capsys.readouterr().out
    assert main([*base, "maintenance-plans", "-o", str(path), "--outlet", "N"]) == 0
    assert "2 plan rows written" in capsys.readouterr().out
