"""Demo data so a newcomer sees a living outlet at first start (and benchmarks have volume)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sqlalchemy import func, insert, select

from ..models import Customer, CustomerPhone, Outlet, Role, ShopSetting, User, utcnow
from .audit import record
from .auth import Actor, hash_password
from .customers import name_key
from .database import Database
from .errors import DomainError
from .i18n import QT_TRANSLATE_NOOP
from .outlets import OutletInput, OutletService
from .settings import ReceiptSettings, SettingsService

DEMO_PASSWORD = "demo"
DEMO_USERS = (
    ("admin", "Ada Admin 管理员", Role.ADMIN),
    ("manager", "Wang Fang 王芳", Role.MANAGER),
    ("clerk", "Li Na 李娜", Role.CLERK),
    ("tech", "Zhang Wei 张伟", Role.TECHNICIAN),
    ("upkeep", "Chen Jie 陈杰", Role.MAINTENANCE),
)
DEMO_OUTLETS = (
    OutletInput(
        "N",
        "North Station Repair 北站维修中心",
        "88 Station Road, Haidian 海淀区车站路88号",
        "+86 10 6255 0101",
        "91110108MA01ABCD2X",
    ),
    OutletInput(
        "S",
        "South Mall Service 南城服务点",
        "Level 2, South Mall 南城购物中心二层",
        "+86 10 6788 2202",
        "91110106MA02EFGH3Y",
    ),
)
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = (
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "华",
    "平",
)
_LATIN_FIRST = (
    "James",
    "Maria",
    "Ahmed",
    "Olivia",
    "Lucas",
    "Sofia",
    "Noah",
    "Emma",
    "Yuki",
    "Anna",
    "Omar",
    "Chloe",
    "Mateo",
    "Priya",
    "Lars",
    "Elena",
)
_LATIN_LAST = (
    "Carter",
    "Lopez",
    "Khan",
    "Brown",
    "Martin",
    "Rossi",
    "Schmidt",
    "Dubois",
    "Tanaka",
    "Novak",
    "Haddad",
    "Silva",
    "Jensen",
    "Patel",
    "Kowalski",
    "Nguyen",
)


@dataclass(frozen=True)
class DemoReport:
    outlets: int
    users: int
    customers: int
    created: bool


def fill_demo(db: Database, customers: int = 240, seed: int = 7) -> DemoReport:
    """Create the demo outlets, users and customers; adds only what is missing, so it can run again."""
    rng = random.Random(seed)
    actor = Actor(None, "demo", "Demo data", Role.ADMIN)
    _claim_for_demo(db, actor)
    outlets = OutletService(db)
    existing = {o.code for o in outlets.list(include_inactive=True)}
    created = False
    for data in DEMO_OUTLETS:
        if data.code not in existing:
            outlets.create(actor, data)
            created = True
    with db.write() as s:
        outlet_ids = list(s.scalars(select(Outlet.id).order_by(Outlet.code)))
        known = set(s.scalars(select(User.username)))
        secret = hash_password(DEMO_PASSWORD)
        for i, (username, display, role) in enumerate(DEMO_USERS):
            if username not in known:
                s.add(
                    User(
                        username=username,
                        display_name=display,
                        role=role.value,
                        password_hash=secret,
                        home_outlet_id=outlet_ids[i % len(outlet_ids)],
                    )
                )
                created = True
                record(
                    s, actor, "create", "user", username, after={"role": role.value, "demo": True}
                )
        have = s.scalar(select(func.count()).select_from(Customer)) or 0
    if have == 0:
        SettingsService(db).save_receipt(
            actor, ReceiptSettings(header="Open 9:00-20:00 every day 每天营业 9:00-20:00")
        )
    if have < customers:
        _add_customers(db, customers - have, outlet_ids, rng)
        with db.write() as s:
            record(s, actor, "create", "customer", "demo", after={"added": customers - have})
        created = True
    with db.read() as s:
        counts = [
            s.scalar(select(func.count()).select_from(m)) or 0 for m in (Outlet, User, Customer)
        ]
    return DemoReport(counts[0], counts[1], counts[2], created=created)


DEMO_MARKER = "demo.database"


def _claim_for_demo(db: Database, actor: Actor) -> None:
    """Demo data goes only into a new database or one made by this command: never a real shop's."""
    with db.write() as s:
        if s.get(ShopSetting, DEMO_MARKER) is not None:
            return
        if s.scalar(select(func.count()).select_from(User)):
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "This database belongs to a working outlet (it has users and was not made "
                    "by the demo command); demo data is not added to it.",
                )
            )
        s.add(ShopSetting(key=DEMO_MARKER, value="true"))
        record(s, actor, "create", "demo", "database")


def _add_customers(db: Database, count: int, outlet_ids: list[int], rng: random.Random) -> None:
    """Bulk insert in chunks: a benchmark database can hold hundreds of thousands of customers."""
    now = utcnow()
    chunk = 5000
    for start in range(0, count, chunk):
        size = min(chunk, count - start)
        with db.write() as s:
            first_id = (s.scalar(select(func.max(Customer.id))) or 0) + 1
            rows, phones = [], []
            for offset in range(size):
                cid = first_id + offset
                if rng.random() < 0.75:
                    given = rng.choice(_GIVEN)
                    second = rng.choice(_GIVEN) if rng.random() < 0.5 else ""
                    if len(given) == 1 and len(second) == 1 and second != given:
                        given += second  # 伟 + 华; never 秀英秀英 or 伟伟
                    name = rng.choice(_SURNAMES) + given
                else:
                    name = f"{rng.choice(_LATIN_FIRST)} {rng.choice(_LATIN_LAST)}"
                rows.append(
                    {
                        "id": cid,
                        "name": name,
                        "name_key": name_key(name),
                        "email": "",
                        "notes": "",
                        "outlet_id": rng.choice(outlet_ids),
                        "created_at": now,
                        "updated_at": now,
                        "version": 1,
                    }
                )
                phones.append(
                    {
                        "customer_id": cid,
                        "position": 0,
                        "number": "1" + "".join(rng.choice("0123456789") for _ in range(10)),
                    }
                )
                if rng.random() < 0.15:
                    phones.append(
                        {
                            "customer_id": cid,
                            "position": 1,
                            "number": "010" + "".join(rng.choice("0123456789") for _ in range(8)),
                        }
                    )
            s.execute(insert(Customer), rows)
            s.execute(insert(CustomerPhone), phones)
        if db.kind == "postgresql":
            with db.write() as s:
                s.execute(
                    select(
                        func.setval(
                            func.pg_get_serial_sequence("customers", "id"), func.max(Customer.id)
                        )
                    )
                )
