"""A spare-parts store at scale for bench_stock: tens of thousands of parts and millions of stock
movements over several outlets, written straight to SQLite in one guarded transaction.

Parts carry Chinese or English names, a category, one to three device models they fit and an
EAN-13 barcode (some a second, own label). Each part is stocked at one to four outlets; its
movements are played forward in time per part (receive when the shelf runs low, issue to work
orders of that outlet, returns, transfers between its outlets, adjustments, stocktake
corrections, scrap), so every balance, average cost and cached on-hand is what the ledger says.

The load follows core/work_orders/bulk_load.py: one write transaction (BEGIN IMMEDIATE), the
movement table's secondary indexes dropped for the load and built again before the commit, rows
handed to the driver as tuples in storage form (UTC text times, money in cents). A failure
leaves the database as it was.
"""

from __future__ import annotations

import random
import time
from bisect import insort
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

CHUNK = 100_000
YEARS = 3

# (SKU code, English, Chinese, typical cost in yuan)
CATEGORIES = (
    ("SCR", "Screen assembly", "屏幕总成", 420),
    ("LCD", "LCD display", "液晶显示屏", 260),
    ("TPD", "Touch panel", "触摸屏", 90),
    ("BAT", "Battery", "电池", 85),
    ("CHG", "Charging port flex", "尾插排线", 35),
    ("CAM", "Rear camera", "后置摄像头", 180),
    ("FCM", "Front camera", "前置摄像头", 70),
    ("BCV", "Back cover glass", "后盖玻璃", 60),
    ("SPK", "Loudspeaker", "扬声器", 25),
    ("EAR", "Earpiece speaker", "听筒", 18),
    ("PWR", "Power button flex", "开机键排线", 15),
    ("VOL", "Volume button flex", "音量键排线", 15),
    ("MIC", "Microphone", "麦克风", 12),
    ("VIB", "Vibration motor", "振动马达", 20),
    ("FRM", "Middle frame", "中框", 150),
    ("ANT", "Antenna flex", "天线排线", 14),
    ("SIM", "SIM tray", "卡托", 8),
    ("LNS", "Camera lens glass", "摄像头镜片", 10),
    ("ICC", "Charging IC", "充电芯片", 22),
    ("ADH", "Waterproof adhesive", "防水胶", 3),
)
VARIANTS = (
    ("Original", "原装"),
    ("OEM quality", "原厂品质"),
    ("Compatible", "兼容"),
    ("Refurbished", "拆机"),
    ("Premium", "高品质"),
)
COLOURS = (
    ("black", "黑色"),
    ("white", "白色"),
    ("blue", "蓝色"),
    ("gold", "金色"),
    ("silver", "银色"),
    ("green", "绿色"),
    ("purple", "紫色"),
)
# (brand, SKU code, models in family order: neighbours often share a part)
FAMILIES = (
    ("Apple", "IP", [f"iPhone {n}" for n in ("8", "8 Plus", "X", "XR", "XS", "XS Max", "SE 2020")]
     + [f"iPhone {n}{s}" for n in (11, 12, 13, 14, 15) for s in ("", " Pro", " Pro Max")]
     + ["iPhone 12 mini", "iPhone 13 mini", "iPhone 14 Plus", "iPhone 15 Plus"]),
    ("Apple", "IPD", ["iPad 9", "iPad 10", "iPad Air 4", "iPad Air 5", "iPad mini 6",
                      "iPad Pro 11", "iPad Pro 12.9"]),
    ("Samsung", "SM", [f"Galaxy S{n}{s}" for n in (20, 21, 22, 23, 24) for s in ("", "+", " Ultra")]
     + [f"Galaxy A{n}" for n in (12, 13, 14, 32, 33, 34, 52, 53, 54)]
     + ["Galaxy Note 10", "Galaxy Note 20", "Galaxy Z Flip 4", "Galaxy Z Fold 4"]),
    ("Huawei", "HW", [f"Mate {n}{s}" for n in (30, 40, 50, 60) for s in ("", " Pro")]
     + [f"P{n}{s}" for n in (30, 40, 50, 60) for s in ("", " Pro")]
     + [f"nova {n}" for n in (7, 8, 9, 10, 11)]),
    ("Xiaomi", "MI", [f"Xiaomi {n}{s}" for n in (11, 12, 13, 14) for s in ("", " Pro", " Ultra")]
     + [f"Redmi Note {n}{s}" for n in (10, 11, 12, 13) for s in ("", " Pro")]
     + ["Redmi K50", "Redmi K60", "Redmi K70"]),
    ("OPPO", "OP", [f"Reno{n}{s}" for n in (6, 7, 8, 9, 10) for s in ("", " Pro")]
     + ["Find X5", "Find X6", "Find X7", "A57", "A78"]),
    ("vivo", "VV", [f"vivo X{n}{s}" for n in (70, 80, 90, 100) for s in ("", " Pro")]
     + ["vivo S16", "vivo S17", "vivo Y35", "vivo Y78", "iQOO 11", "iQOO 12"]),
    ("Honor", "HN", ["Honor 70", "Honor 80", "Honor 90", "Honor Magic5", "Honor Magic6",
                     "Honor X40", "Honor X50"]),
)  # fmt: skip
SUPPLIERS = (
    "深圳华强北配件 Shenzhen Huaqiangbei Parts", "广州通讯配件城 Guangzhou Telecom Parts",
    "东莞屏幕厂 Dongguan Display Works", "Apex Mobile Spares Ltd", "上海电子元件 Shanghai Components",
    "成都手机配件 Chengdu Mobile Parts", "PartsHub Asia", "杭州维修供应 Hangzhou Repair Supply",
    "北京中关村配件 Zhongguancun Parts", "GreenCell Batteries", "武汉光谷电子 Optics Valley Electronics",
    "FixPro Wholesale", "厦门电池厂 Xiamen Battery Co", "OneStop Repair Parts", "南京通讯器材 Nanjing Telecom",
    "Pacific Spares", "重庆配件批发 Chongqing Wholesale", "EuroTech Parts GmbH", "天津电子 Tianjin Electronics",
    "QuickFix Supply",
)  # fmt: skip
ADJUST_REASONS = (
    "Found on the shelf 货架上找到",
    "Damaged in handling 搬运损坏",
    "Miscounted 数错",
)
SCRAP_REASONS = (
    "Dead on arrival 到货即坏",
    "Broken while fitting 安装时损坏",
    "Expired adhesive 过期",
)
EXTRA_OUTLETS = (
    ("E", "East Gate Repair 东门维修店", "12 East Gate St 东门街12号", "+86 10 6411 3303"),
    ("W", "West Lake Service 西湖服务点", "5 Lakeside Rd 湖滨路5号", "+86 10 6833 4404"),
)


@dataclass(frozen=True)
class Built:
    parts: int
    movements: int
    transfers: int
    stock_rows: int
    seconds: float


def _ean13(n: int) -> str:
    # 7919 is prime to 10**10: distinct n, distinct code.
    body = "69" + f"{(n * 7919 + 1234567) % 10**10:010d}"
    odd = sum(int(d) for d in body[0::2])
    even = sum(int(d) for d in body[1::2])
    return body + str((10 - (odd + 3 * even) % 10) % 10)


def _models() -> list[tuple[str, str, list[str]]]:
    """(model, SKU code, family) for every model: "iPhone 12 Pro" -> "IP12P"."""
    out = []
    for _brand, code, family in FAMILIES:
        for model in family:
            short = (
                model.split(" ", 1)[1] if " " in model and code in ("IP", "IPD", "SM") else model
            )
            words = short.replace("+", " P").split()
            tail = "".join(w if any(c.isdigit() for c in w) else w[0] for w in words)
            out.append((model, (code + tail).upper()[:10], family))
    return out


def _stamp(seconds: float, base: datetime) -> str:
    return (base + timedelta(seconds=seconds)).strftime("%Y-%m-%d %H:%M:%S.%f")


def build(db, parts: int, movements: int, seed: int = 11) -> Built:  # noqa: ANN001, PLR0915
    """Add outlets, work orders, suppliers, `parts` parts and about `movements` movements."""
    from outletdesk.core.auth import Actor
    from outletdesk.core.demo import fill_demo
    from outletdesk.core.outlets import OutletInput, OutletService
    from outletdesk.core.work_orders.demo import generate_work_orders
    from outletdesk.models import Outlet, Role, StockLocation, User, WorkOrder

    start = time.perf_counter()
    rng = random.Random(seed)
    fill_demo(db, customers=5000)
    outlets = OutletService(db)
    have = {o.code for o in outlets.list(include_inactive=True)}
    admin = Actor(None, "bench", "Bench", Role.ADMIN)
    for code, name, address, phone in EXTRA_OUTLETS:
        if code not in have:
            outlets.create(admin, OutletInput(code, name, address, phone))
    generate_work_orders(db, 40_000, seed=seed)

    with db.read() as s:
        locations = {
            outlet_id: location_id
            for outlet_id, location_id in s.execute(
                select(StockLocation.outlet_id, StockLocation.id).where(
                    StockLocation.code == "MAIN"
                )
            )
        }
        orders: dict[int, list[tuple[int, str]]] = {}
        for oid, outlet_id, number in s.execute(
            select(WorkOrder.id, WorkOrder.outlet_id, WorkOrder.number)
        ):
            orders.setdefault(locations[outlet_id], []).append((oid, number))
        users = {
            r.role: (r.id, r.display_name)
            for r in s.execute(select(User.id, User.role, User.display_name))
        }
        assert s.scalar(select(Outlet.id).limit(1)) is not None
    keeper, counter = users["manager"], users.get("technician", users["clerk"])
    location_ids = sorted(locations.values())
    base = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=365 * YEARS)
    span = 365 * YEARS * 86400.0
    models = _models()

    # ---------------------------------------------------------------- the catalogue
    created = base.strftime("%Y-%m-%d %H:%M:%S.%f")
    supplier_rows = [
        (i, name, "", f"+86 755 {8000_0000 + i * 1379:08d}", "", rng.choice((2, 3, 5, 7, 14)), 1, 1)
        for i, name in enumerate(SUPPLIERS, start=1)
    ]
    part_rows, barcode_rows, model_rows, costs = [], [], [], []
    for pid in range(1, parts + 1):
        cat, en, zh, typical = rng.choice(CATEGORIES)
        model, mcode, family = rng.choice(models)
        v_en, v_zh = rng.choice(VARIANTS)
        colour = rng.choice(COLOURS) if cat in ("SCR", "BCV", "FRM", "SIM", "PWR") else None
        if rng.random() < 0.55:
            name = f"{model} {zh} {v_zh}" + (f" {colour[1]}" if colour else "")
        else:
            name = f"{en} {model} {v_en}" + (f", {colour[0]}" if colour else "")
        sku = f"{cat}-{mcode}-{pid:05d}"
        cost = max(100, int(typical * 100 * rng.uniform(0.5, 1.8)))
        sale = int(cost * rng.uniform(1.4, 2.2)) // 100 * 100 + 99 * (rng.random() < 0.5)
        active = rng.random() > 0.03
        part_rows.append(
            (pid, sku, name, name.casefold(), en, "pcs", rng.randint(1, len(SUPPLIERS)),
             cost, sale, int(active), created, 1)
        )  # fmt: skip
        costs.append(cost)
        barcode_rows.append((_ean13(pid), pid))
        if rng.random() < 0.25:
            barcode_rows.append((f"OD{pid:08d}", pid))
        fits = [model]
        at = family.index(model)
        for step in (1, -1)[: rng.choice((0, 1, 1, 2))]:
            if 0 <= at + step < len(family):
                fits.append(family[at + step])
        for m in fits:
            model_rows.append((pid, m.replace(" ", "").casefold(), m))

    # ---------------------------------------------------------------- the ledger
    # Activity per part follows a long tail: a few screens and batteries move every day.
    weights = [1.0 / (rank + 20) ** 0.9 for rank in range(parts)]
    rng.shuffle(weights)
    total_w = sum(weights)
    budgets = [max(2, int(movements * w / total_w)) for w in weights]
    budgets[max(range(parts), key=budgets.__getitem__)] += movements - sum(budgets)

    ledger = _Ledger(rng, base, span, orders, keeper, counter)
    for index in range(parts):
        where = rng.sample(location_ids, rng.choice((1, 2, 2, 3, 3, 4)))
        ledger.play(index + 1, budgets[index], costs[index], part_rows[index][6], where)
    moves, transfers, stock_rows = ledger.moves, ledger.transfers, ledger.stock_rows
    moves.sort(key=lambda m: m[0])  # ids in time order, as a real ledger grows

    # ---------------------------------------------------------------- the load
    with db.write() as s:
        conn = s.connection()
        first = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM stock_movements").scalar()
        if first or conn.exec_driver_sql("SELECT count(*) FROM parts").scalar():
            raise RuntimeError("the stock bench needs a database without parts")
        conn.exec_driver_sql("PRAGMA cache_size=-262144")
        indexes = list(
            conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND tbl_name = 'stock_movements'"
            )
        )
        for name, _sql in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')

        def put(table: str, columns: str, rows: list[tuple]) -> None:
            marks = ", ".join("?" * len(columns.split(",")))
            sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
            for at in range(0, len(rows), CHUNK):
                conn.exec_driver_sql(sql, rows[at : at + CHUNK])

        put(
            "suppliers",
            "id, name, contact, phone, email, lead_time_days, active, version",
            supplier_rows,
        )
        put(
            "parts",
            "id, sku, name, name_key, category, unit, supplier_id, cost_price, "
            "sale_price, active, created_at, version",
            part_rows,
        )
        put("part_barcodes", "code, part_id", barcode_rows)
        put("part_models", "part_id, model_key, model", model_rows)
        put(
            "stock_transfers",
            "id, part_id, from_location_id, to_location_id, quantity, "
            "unit_cost, status, sent_at, sent_by, received_at, received_by, note, version",
            transfers,
        )
        put(
            "part_stock",
            "part_id, location_id, on_hand, avg_cost, bin, min_level, reorder_qty",
            stock_rows,
        )
        put(
            "stock_movements",
            "id, at, user_id, username, part_id, location_id, kind, quantity, "
            "unit_cost, balance, reason, work_order_id, supplier_id, transfer_id",
            [(n, *m) for n, m in enumerate(moves, start=1)],
        )
        for _name, sql in indexes:
            conn.exec_driver_sql(sql)
        wrong = conn.exec_driver_sql(
            "SELECT count(*) FROM part_stock ps JOIN (SELECT part_id, location_id, "
            "sum(quantity) AS total FROM stock_movements GROUP BY part_id, location_id) l "
            "ON l.part_id = ps.part_id AND l.location_id = ps.location_id "
            "WHERE l.total != ps.on_hand OR ps.on_hand < 0"
        ).scalar()
        if wrong:
            raise RuntimeError(f"{wrong} stock rows disagree with their ledger; nothing written")
        conn.exec_driver_sql("PRAGMA cache_size=-2000")  # SQLite's default again
    return Built(parts, len(moves), len(transfers), len(stock_rows), time.perf_counter() - start)


def _average(avg: int, on_hand: int, cost: int, qty: int) -> int:
    """Weighted average cost in cents after `qty` come in at `cost`, rounded half up."""
    return (2 * (avg * on_hand + cost * qty) + on_hand + qty) // (2 * (on_hand + qty))


class _Ledger:
    """Plays each part's movements forward in time and keeps the rows to write."""

    def __init__(self, rng, base, span, orders, keeper, counter) -> None:  # noqa: ANN001
        self.rng, self.base, self.span, self.orders = rng, base, span, orders
        self.keeper, self.counter = keeper, counter
        self.moves: list[tuple] = []
        self.transfers: list[tuple] = []
        self.stock_rows: list[tuple] = []

    def play(self, pid: int, budget: int, cost_c: int, supplier: int, where: list[int]) -> None:
        """About `budget` movements of one part at the locations `where`, oldest first."""
        rng, base, span, moves = self.rng, self.base, self.span, self.moves
        on = dict.fromkeys(where, 0)
        avg = dict.fromkeys(where, cost_c)
        min_level = {loc: rng.choice((1, 2, 2, 3, 5, 8)) for loc in where}
        reorder = {loc: min_level[loc] * rng.choice((2, 3, 4)) for loc in where}
        last_order: dict[int, tuple[int, str, int]] = {}
        first = rng.uniform(0, span * 0.4)
        times = sorted(rng.uniform(first, span) for _ in range(budget))
        pending: list[tuple[float, int, int, int, int]] = []  # (at, loc, qty, cost, transfer)
        made = 0
        keeper, counter = self.keeper, self.counter

        def add(t, loc, kind, qty, cost, reason="", order=None, supplier=None, transfer=None,
                by=keeper):  # fmt: skip
            on[loc] += qty
            moves.append(
                (_stamp(t, base), by[0], by[1], pid, loc, kind, qty, cost, on[loc], reason,
                 order, supplier, transfer)
            )  # fmt: skip

        for t in times:
            while pending and pending[0][0] <= t:
                t_in, loc, qty, cost, tid = pending.pop(0)
                avg[loc] = _average(avg[loc], on[loc], cost, qty)
                add(t_in, loc, "transfer_in", qty, cost, transfer=tid)
            if made >= budget:
                break
            loc = where[0] if len(where) == 1 or rng.random() < 0.5 else rng.choice(where)
            have_now = on[loc]
            r = rng.random()
            if have_now == 0 or (have_now <= min_level[loc] and r < 0.3):
                qty = reorder[loc]
                cost = max(1, int(cost_c * rng.uniform(0.9, 1.1)))
                avg[loc] = _average(avg[loc], have_now, cost, qty)
                add(t, loc, "receive", qty, cost, supplier=supplier)
                made += 1
            elif r < 0.80:
                qty = 1 if have_now == 1 or rng.random() < 0.85 else 2
                oid, number = rng.choice(self.orders[loc])
                add(t, loc, "issue", -qty, avg[loc], number, oid, by=counter)
                last_order[loc] = (oid, number, avg[loc])
                made += 1
            elif r < 0.84 and loc in last_order:
                oid, number, cost = last_order.pop(loc)  # back at the cost it left with
                avg[loc] = _average(avg[loc], have_now, cost, 1)
                add(t, loc, "return", 1, cost, number, oid, by=counter)
                made += 1
            elif r < 0.90 and len(where) > 1 and have_now >= 2 and budget - made >= 2:
                to = rng.choice([x for x in where if x != loc])
                qty = rng.randint(1, min(5, have_now // 2))
                tid = len(self.transfers) + 1
                t_in = t + rng.uniform(0.2, 3.0) * 86400
                received = t_in < span  # else still on its way today
                self.transfers.append(
                    (tid, pid, loc, to, qty, avg[loc], "received" if received else "in_transit",
                     _stamp(t, base), keeper[1], _stamp(t_in, base) if received else None,
                     keeper[1] if received else "", "", 1)
                )  # fmt: skip
                add(t, loc, "transfer_out", -qty, avg[loc], transfer=tid)
                if received:
                    insort(pending, (t_in, to, qty, avg[loc], tid))
                made += 2
            elif r < 0.94:
                change = 1 if rng.random() < 0.4 else -1
                add(t, loc, "adjust", change, avg[loc], rng.choice(ADJUST_REASONS))
                made += 1
            elif r < 0.97:
                change = 1 if rng.random() < 0.3 else -1
                add(t, loc, "stocktake", change, avg[loc], "Stocktake 盘点")
                made += 1
            else:
                add(t, loc, "scrap", -1, avg[loc], rng.choice(SCRAP_REASONS))
                made += 1
        for t_in, loc, qty, cost, tid in pending:  # arrived after the last movement counted
            avg[loc] = _average(avg[loc], on[loc], cost, qty)
            add(t_in, loc, "transfer_in", qty, cost, transfer=tid)
        index = pid - 1
        for loc in where:
            shelf = f"{'ABCDEFGH'[index % 8]}-{index // 8 % 40 + 1:02d}-{rng.randint(1, 6)}"
            self.stock_rows.append(
                (pid, loc, on[loc], avg[loc], shelf, min_level[loc], reorder[loc])
            )
