"""Demo spare parts: suppliers, a catalogue of common repair parts, stock at every outlet with
some of it running low and one transfer on its way, all booked through the stock ledger."""

from __future__ import annotations

import random

from sqlalchemy import func, select

from ...models import Outlet, Part, Role
from ..auth import Actor
from ..database import Database
from .catalogue import CatalogueService, PartInput, SupplierInput
from .locations import LocationService
from .stock import StockService

SUPPLIERS = (
    SupplierInput(
        "Shenzhen Huaqiang Parts 华强配件", "Mr Liu 刘先生", "+86 755 8320 1188", lead_time_days=3
    ),
    SupplierInput(
        "Guangzhou Battery Co. 广州电池", "Ms Zhao 赵女士", "+86 20 3866 5521", lead_time_days=5
    ),
    SupplierInput("Global Tools Ltd", "Sam Brooks", "+44 20 7946 0958", lead_time_days=14),
)
# (SKU, name, category, cost, sale, supplier index, fits models)
PARTS = (
    (
        "SCR-IP12",
        "屏幕总成 iPhone 12 Screen assembly",
        "Screens 屏幕",
        "320",
        "580",
        0,
        ("iPhone 12", "iPhone 12 Pro"),
    ),
    (
        "SCR-IP13",
        "屏幕总成 iPhone 13 Screen assembly",
        "Screens 屏幕",
        "380",
        "680",
        0,
        ("iPhone 13",),
    ),
    (
        "SCR-IP14",
        "屏幕总成 iPhone 14 Screen assembly",
        "Screens 屏幕",
        "450",
        "790",
        0,
        ("iPhone 14",),
    ),
    (
        "SCR-MI11",
        "小米11 屏幕总成 Xiaomi 11 screen",
        "Screens 屏幕",
        "260",
        "480",
        0,
        ("Xiaomi 11", "Mi 11"),
    ),
    (
        "SCR-P40",
        "华为 P40 屏幕 Huawei P40 screen",
        "Screens 屏幕",
        "300",
        "560",
        0,
        ("Huawei P40",),
    ),
    (
        "SCR-GS21",
        "Samsung Galaxy S21 screen 三星屏幕",
        "Screens 屏幕",
        "420",
        "760",
        0,
        ("Galaxy S21",),
    ),
    ("BAT-IP11", "电池 iPhone 11 Battery", "Batteries 电池", "65", "168", 1, ("iPhone 11",)),
    (
        "BAT-IP12",
        "电池 iPhone 12 Battery",
        "Batteries 电池",
        "70",
        "178",
        1,
        ("iPhone 12", "iPhone 12 Pro"),
    ),
    ("BAT-IP13", "电池 iPhone 13 Battery", "Batteries 电池", "78", "198", 1, ("iPhone 13",)),
    ("BAT-MI11", "小米11 电池 Xiaomi 11 battery", "Batteries 电池", "48", "128", 1, ("Xiaomi 11",)),
    (
        "BAT-P40",
        "华为 P40 电池 Huawei P40 battery",
        "Batteries 电池",
        "52",
        "138",
        1,
        ("Huawei P40",),
    ),
    (
        "BAT-MBA13",
        "MacBook Air 13 battery 笔记本电池",
        "Batteries 电池",
        "380",
        "690",
        1,
        ("MacBook Air 13",),
    ),
    (
        "CAM-IP12-R",
        "后摄像头 iPhone 12 Rear camera",
        "Cameras 摄像头",
        "180",
        "360",
        0,
        ("iPhone 12",),
    ),
    (
        "CAM-IP13-F",
        "前摄像头 iPhone 13 Front camera",
        "Cameras 摄像头",
        "120",
        "260",
        0,
        ("iPhone 13",),
    ),
    (
        "PORT-LTN",
        "Lightning 尾插排线 Charging port flex",
        "Ports 接口",
        "25",
        "90",
        0,
        ("iPhone 11", "iPhone 12", "iPhone 13"),
    ),
    (
        "PORT-USBC",
        "Type-C 尾插小板 USB-C port board",
        "Ports 接口",
        "18",
        "80",
        0,
        ("Xiaomi 11", "Huawei P40", "Galaxy S21"),
    ),
    ("SPK-IP12", "扬声器 iPhone 12 Loudspeaker", "Audio 音频", "30", "95", 0, ("iPhone 12",)),
    (
        "KBD-MBA13",
        "MacBook Air 13 keyboard 键盘",
        "Keyboards 键盘",
        "240",
        "520",
        0,
        ("MacBook Air 13",),
    ),
    ("FAN-LT15", "笔记本风扇 Laptop fan 15 inch", "Cooling 散热", "45", "120", 0, ()),
    ("PASTE-TG", "导热硅脂 Thermal paste 4g", "Consumables 耗材", "12", "30", 2, ()),
    ("ADH-B7000", "B-7000 胶水 Adhesive 15ml", "Consumables 耗材", "6", "15", 2, ()),
    ("TAPE-SCR", "屏幕背胶 Screen adhesive tape", "Consumables 耗材", "3", "10", 2, ()),
    ("SCREW-KIT", "Pentalobe screw kit 螺丝套装", "Consumables 耗材", "8", "20", 2, ()),
    ("GLASS-TMP", "钢化膜 Tempered glass protector", "Accessories 配件", "2", "25", 0, ()),
)
VAN_STOCK = frozenset({"PASTE-TG", "ADH-B7000", "TAPE-SCR", "SCREW-KIT", "GLASS-TMP"})
BINS = ("A-01", "A-02", "A-03", "B-01", "B-02", "C-01", "C-02", "D-01")


def add_demo_parts(db: Database, seed: int = 11) -> int:
    """The demo catalogue and stock, once: a database that has parts already gets nothing."""
    rng = random.Random(seed)
    with db.read() as s:
        if s.scalar(select(func.count()).select_from(Part)):
            return 0
        outlet_ids = list(s.scalars(select(Outlet.id).where(Outlet.active).order_by(Outlet.code)))
    if not outlet_ids:
        return 0
    actor = Actor(None, "demo", "Demo data", Role.ADMIN, outlet_ids[0])
    catalogue, stock = CatalogueService(db), StockService(db)
    # The first outlet's service van carries a few consumables, moved from its main store.
    van, _ = LocationService(db).add(actor, outlet_ids[0], "VAN-1", "Service van 1 上门服务车")
    main = next(loc.id for loc in LocationService(db).list(actor, outlet_ids[0]) if loc.main)
    suppliers = [catalogue.create_supplier(actor, data)[0] for data in SUPPLIERS]
    for n, (sku, name, category, cost, sale, supplier, models) in enumerate(PARTS):
        barcode = f"69{rng.randrange(10**10, 10**11)}"
        part, _ = catalogue.create_part(
            actor,
            PartInput(
                sku, name, category, "pcs", cost, sale, suppliers[supplier], (barcode,), models
            ),
        )
        for outlet_id in outlet_ids:
            minimum = rng.choice((0, 2, 3, 5))
            stock.set_levels(
                actor, part.id, min_level=minimum, reorder_qty=minimum * 2,
                bin_location=BINS[n % len(BINS)], outlet_id=outlet_id,
            )  # fmt: skip
            received = rng.choice((0, 1, 4, 6, 10, 12)) if n % 7 else 0  # some have run out
            if received:
                stock.receive(
                    actor, part.id, received, cost, supplier_id=suppliers[supplier],
                    outlet_id=outlet_id, reason="Demo delivery 演示到货",
                )  # fmt: skip
                if received > 4 and rng.random() < 0.3:
                    stock.adjust(
                        actor, part.id, -1, "Damaged in handling 搬运损坏", outlet_id=outlet_id
                    )
        if sku in VAN_STOCK and stock.on_hand(actor, part.id, outlet_ids[0]) >= 2:
            stock.move(actor, part.id, 2, main, van.id, "Van kit 车载备件")
        if n == 1 and len(outlet_ids) > 1 and stock.on_hand(actor, part.id, outlet_ids[0]):
            stock.send_transfer(  # something on its way between the outlets
                actor, part.id, 1, outlet_ids[1], from_outlet_id=outlet_ids[0],
                note="For a repair at the other outlet 另一网点维修用",
            )  # fmt: skip
    return len(PARTS)
