"""Demo equipment: a dozen tools, instruments, counters, IT and a van spread over the demo
outlets, with bilingual names, two meters with readings, and a few status changes, all booked
through the equipment register so that tags, events and audit lines are real."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import func, select

from ...models import Asset, AssetStatus, Outlet, Role, utcnow
from ..auth import Actor
from ..database import Database
from .register import DEFAULT_CATEGORIES, AssetInput, EquipmentService

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
    # A few changes of status: one under repair, one out of service, one retired.
    for index, status, reason in (
        (3, AssetStatus.UNDER_REPAIR, "Channel 2 shows no trace 通道2无波形"),
        (6, AssetStatus.OUT_OF_SERVICE, "Waiting for calibration 等待校准"),
        (1, AssetStatus.RETIRED, "Heater element burnt out, replaced 发热芯烧坏，已更换新设备"),
    ):
        asset = equipment.get(actor, made[index].id)
        equipment.set_status(actor, asset.id, asset.version, status, reason)
    return len(made)
