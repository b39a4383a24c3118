"""Demo equipment: a dozen tools, instruments, counters, IT and a van spread over the demo
outlets, with bilingual names, two meters with readings, and a few status changes, all booked
through the equipment register so that tags, events and audit lines are real. An asset the demo
takes out of service broke down and is still down, as the window logs it: its open downtime
counts in the figures and shows in its status and history."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from ...models import Asset, AssetStatus, CheckKind, Outlet, RecordKind, Role, utcnow
from ..auth import Actor
from ..database import Database
from .maintenance import ItemInput, LogInput, MaintenanceService, PlanInput
from .register import DEFAULT_CATEGORIES, AssetDTO, AssetInput, EquipmentService

# (name, category index in DEFAULT_CATEGORIES, make, model, location, cost, bought, warranty end)
ASSETS = (
    ("热风枪 Hot air rework station", 0, "Quick", "861DW", "Bench 1 工位1", "1280", "2023-04-10", "2025-04-10"),
    ("恒温烙铁 Soldering station", 0, "Hakko", "FX-951", "Bench 1 工位1", "980", "2023-04-10", "2024-04-10"),
    ("分离机 LCD separator", 0, "Mechanic", "S-918", "Bench 2 工位2", "650", "2024-01-15", "2025-01-15"),
    ("数字示波器 Oscilloscope", 1, "Rigol", "DS1054Z", "Bench 2 工位2", "2650", "2022-09-01", "2025-09-01"),
    ("可调电源 Bench power supply", 1, "Korad", "KA3005D", "Bench 1 工位1", "520", "2023-04-10", ""),
    ("万用表 Multimeter", 1, "Fluke", "17B+", "Bench 2 工位2", "690", "2024-05-20", "2027-05-20"),
    ("电池检测仪 Battery tester", 1, "Cellcare", "BT-300", "Counter 前台", "380", "2024-08-01", ""),
    ("防静电工作台 ESD workbench", 2, "Detall", "ESD-1500", "Workshop 维修间", "1800", "2022-06-01", ""),
    ("显微镜 Stereo microscope", 2, "Amscope", "SM-4TZ", "Bench 1 工位1", "2200", "2023-11-05", "2026-11-05"),
    ("收银电脑 Counter PC", 3, "Lenovo", "ThinkCentre M70q", "Counter 前台", "3600", "2023-02-01", "2026-02-01"),
    ("标签打印机 Label printer", 3, "Brother", "QL-820NWB", "Counter 前台", "1450", "2024-03-12", "2025-03-12"),
    ("上门服务车 Service van", 4, "Wuling", "Rongguang EV", "Car park 停车场", "86000", "2022-03-01", "2025-03-01"),
)  # fmt: skip
SERIAL_PREFIX = "DEMO"


def add_demo_equipment(db: Database) -> int:
    """The demo register, once: a database that has assets already gets nothing."""
    with db.read() as s:
        if s.scalar(select(func.count()).select_from(Asset)):
            return 0
        outlet_ids = list(s.scalars(select(Outlet.id).where(Outlet.active).order_by(Outlet.code)))
    if not outlet_ids:
        return 0
    actor = Actor(None, "demo", "Demo data", Role.ADMIN, outlet_ids[0])
    equipment = EquipmentService(db)
    found = equipment.categories(actor)  # the usual five on an empty register
    categories = {c.name: c.id for c in found}
    made = []
    for n, (name, category, make, model, where, cost, bought, warranty) in enumerate(ASSETS):
        # The first outlet has the full workshop; every third item stands at the second.
        outlet_id = (
            outlet_ids[1]
            if n % 3 == 2 and n < len(ASSETS) - 1 and len(outlet_ids) > 1
            else outlet_ids[0]
        )
        asset, _ = equipment.create(
            actor,
            AssetInput(
                name, categories.get(DEFAULT_CATEGORIES[category], found[0].id), outlet_id, make=make, model=model,
                serial=f"{SERIAL_PREFIX}-{n + 1:04d}", location=where, purchase_cost=cost,
                purchase_date=bought, warranty_end=warranty or None, accepted_on=bought,
                accepted_by="Demo data", acceptance_result="passed",
            ),
        )  # fmt: skip
        made.append(asset)
    # Meters: the van's odometer and the hot air station's operating hours, read monthly.
    now = utcnow()
    for asset, name, unit, start, step in (
        (made[-1], "Odometer 里程", "km", Decimal("12000"), Decimal("850")),
        (made[0], "Operating hours 运行小时", "h", Decimal("900"), Decimal("64")),
    ):
        meter, _ = equipment.add_meter(actor, asset.id, name, unit)
        for month in range(6, -1, -1):
            equipment.read_meter(
                actor, meter.id, start + step * (6 - month), at=now - timedelta(days=30 * month)
            )
    # One retired; two more are taken out of service after their history, below.
    retired = made[1]
    equipment.set_status(
        actor, retired.id, retired.version, AssetStatus.RETIRED,
        "Heater element burnt out, replaced 发热芯烧坏，已更换新设备",
    )  # fmt: skip
    _add_plans_and_records(db, actor, made, categories.get(DEFAULT_CATEGORIES[0], found[0].id))
    _take_out_of_service(db, actor, made)
    return len(made)


def _take_out_of_service(db: Database, actor: Actor, made: list[AssetDTO]) -> None:
    """The oscilloscope broke down yesterday and is under repair; the battery tester is out of
    service waiting for calibration since its readings drifted two days ago. Each is a breakdown
    logged as still down from when it went down (as the log form does), so its downtime is open
    until it is set back in service."""
    equipment, maintenance = EquipmentService(db), MaintenanceService(db)
    now = utcnow().replace(second=0, microsecond=0)
    scope, tester = made[3], made[6]
    since = now - timedelta(hours=30)
    maintenance.log(
        actor,
        LogInput(
            scope.id, RecordKind.BREAKDOWN, done_at=since + timedelta(minutes=20),
            down_from=since, failure_cause="Channel 2 shows no trace 通道2无波形",
            component="Input stage 输入级", put_under_repair=True,
        ),
    )  # fmt: skip
    # Logged first, so the breakdown's own downtime is the open one: set out of service before
    # it, the tester would be down from now (a status change opens a downtime).
    since = now - timedelta(hours=52)
    maintenance.log(
        actor,
        LogInput(
            tester.id, RecordKind.BREAKDOWN, done_at=since + timedelta(minutes=15),
            down_from=since, failure_cause="Readings drift beyond tolerance 读数漂移超差",
            put_under_repair=True,
        ),
    )  # fmt: skip
    asset = equipment.get(actor, tester.id)
    equipment.set_status(actor, asset.id, asset.version, AssetStatus.OUT_OF_SERVICE,
                         "Waiting for calibration 等待校准")  # fmt: skip


def _add_plans_and_records(
    db: Database, actor: Actor, made: list[AssetDTO], tools_category: int
) -> None:
    """A category plan for the tools, a calibration, a weekly check and the van's service by
    date or mileage; a year of upkeep (some late) and breakdowns, so the due list, calendar
    and figures have something true to show."""
    maintenance = MaintenanceService(db)
    today = date.today()
    station, scope, meter, van = made[0], made[3], made[5], made[-1]
    monthly, _ = maintenance.create_plan(
        actor,
        PlanInput(
            "Monthly safety check 月度安全检查", category_id=tools_category, interval_count=1,
            interval_unit="month", start_date=today - timedelta(days=330), lead_days=7,
            estimated_minutes=15,
            items=(
                ItemInput(CheckKind.CHECK, "Cable and plug intact 线缆插头完好"),
                ItemInput(CheckKind.NUMBER, "Tip temperature at 350 °C 设定350°C实测", "°C",
                          "340", "360"),
                ItemInput(CheckKind.TEXT, "Remarks 备注"),
            ),
        ),
    )  # fmt: skip
    maintenance.create_plan(
        actor,
        PlanInput(
            "Annual calibration 年度校准", asset_id=scope.id, interval_count=1, interval_unit="year",
            start_date=today - timedelta(days=3), lead_days=30, estimated_minutes=90,
            items=(ItemInput(CheckKind.CHECK, "Certificate received 已取得校准证书"),),
        ),
    )  # fmt: skip
    maintenance.create_plan(
        actor,
        PlanInput(
            "Weekly lead check 表笔周检", asset_id=meter.id, interval_count=1, interval_unit="week",
            anchor="completion", start_date=today + timedelta(days=2), lead_days=3,
            estimated_minutes=5,
            items=(ItemInput(CheckKind.NUMBER, "Lead resistance 表笔电阻", "Ω", "0", "0.5"),),
        ),
    )  # fmt: skip
    maintenance.create_plan(
        actor,
        PlanInput(
            "Van service 车辆保养", asset_id=van.id, interval_count=6, interval_unit="month",
            meter_name="Odometer 里程", meter_interval="5000", start_date=today + timedelta(days=20),
            lead_days=30, estimated_minutes=240,
        ),
    )  # fmt: skip
    now = utcnow()
    # The station's monthly checks over the year: most on time, two late.
    for month in range(11, 0, -1):
        due = maintenance.due_list(actor, station.outlet_id, include_not_yet=True)
        task = next(t for t in due if t.plan_id == monthly.id and t.asset_id == station.id)
        if task.due_on is None or task.due_on >= today:
            break
        late = 4 if month in (7, 3) else 0
        done = datetime.combine(task.due_on + timedelta(days=late), time(10, 30)).astimezone()
        maintenance.log(
            actor,
            LogInput(
                station.id, RecordKind.PLANNED, plan_id=monthly.id, done_at=min(done, now),
                minutes=15, results=((1, "ok"), (2, "352" if month != 5 else "365"), (3, "")),
            ),
        )  # fmt: skip
    # Breakdowns with their downtime, for MTBF and MTTR.
    for asset, days_ago, hours, cause, component in (
        (station, 200, 6, "Heater open circuit 发热芯断路", "Heater 发热芯"),
        (station, 60, 3, "Fan stopped 风扇不转", "Fan 风扇"),
        (scope, 120, 30, "No trace on channel 2 通道2无波形", "Input stage 输入级"),
        (van, 90, 48, "Flat battery 电瓶亏电", "12 V battery 电瓶"),
    ):
        start = now - timedelta(days=days_ago)
        maintenance.log(
            actor,
            LogInput(
                asset.id, RecordKind.BREAKDOWN, done_at=start + timedelta(hours=hours),
                minutes=hours * 20, down_from=start, down_to=start + timedelta(hours=hours),
                failure_cause=cause, component=component,
            ),
        )  # fmt: skip
