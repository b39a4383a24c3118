"""Demo work orders in volume: years of a two-outlet shop, for first start and the benchmarks.

Rows go in through SQLAlchemy Core bulk inserts on plain table constructs: values are made in
the storage form of the backend (SQLite: text times and integer cents) so a million orders
do not pay a Python type conversion per value. Numbering continues afterwards: the outlets'
`number_sequences` are advanced in the first transaction, before any order is written.
"""

from __future__ import annotations

import math
import queue
import random
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, column, func, insert, select, table, text, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import TableClause

from ...models import (
    Customer,
    CustomerPhone,
    Device,
    FollowUp,
    NumberSequence,
    Outlet,
    Payment,
    Priority,
    Role,
    User,
    WorkOrder,
    WorkOrderEvent,
    WorkOrderLine,
    WorkOrderStatus,
    utcnow,
)
from ...progress import Progress
from ..database import Database
from . import rules
from .rules import Clock, TimeLimits

SERIES = "work_order"
FTS_TRIGGER = "work_orders_fts_insert"
CHUNK = 20_000
YEARS = 4
# Lines, events and payments cost about as much again as the orders themselves; at a million
# orders only the newest DETAILED orders get them (older orders keep their totals and paid).
DETAILED = 100_000
TAX_RATE = Decimal("6.00")
LABOUR_RATE_CENTS = 12_000  # 120.00 an hour
_MODELS = (
    ("phone", "Apple", ("iPhone 11", "iPhone 12", "iPhone 13", "iPhone 14 Pro", "iPhone 15")),
    ("phone", "Huawei", ("Mate 40", "P50 Pro", "nova 9", "Mate 60 Pro")),
    ("phone", "Xiaomi", ("Redmi Note 12", "Mi 11", "Xiaomi 13")),
    ("phone", "Samsung", ("Galaxy S21", "Galaxy A54", "Galaxy Z Flip5")),
    ("laptop", "Lenovo", ("ThinkPad T14", "小新 Pro 14", "Legion 5")),
    ("laptop", "Apple", ("MacBook Air M1", "MacBook Pro 14")),
    ("tablet", "Apple", ("iPad 9", "iPad Air 5")),
    ("appliance", "Midea", ("微波炉 M1-L213B", "电饭煲 MB-FB40")),
    ("appliance", "Dyson", ("V11", "V15 Detect")),
)
_FAULTS = (
    ("Screen cracked 屏幕碎裂", "screen", 45, 45_000),
    ("Battery drains fast 电池不耐用", "battery", 30, 18_000),
    ("Does not charge 无法充电", "charging port", 40, 9_000),
    ("No power 不开机", "mainboard repair", 90, 60_000),
    ("Water damage 进水", "cleaning kit", 120, 8_000),
    ("Speaker crackles 扬声器有杂音", "speaker", 30, 6_000),
    ("Keyboard keys stuck 键盘失灵", "keyboard", 60, 35_000),
    ("Overheats 发热严重", "thermal paste", 45, 3_000),
)
_COLOURS = ("black", "white", "blue", "silver", "gold", "黑色", "白色")
_OPEN_WEIGHTS = (
    ("received", 15),
    ("diagnosing", 20),
    ("awaiting_approval", 10),
    ("awaiting_parts", 12),
    ("in_repair", 25),
    ("ready", 18),
    ("unrepairable", 2),
)
_CHANNELS = ("walk_in",) * 6 + ("phone",) * 2 + ("online", "email")
_METHODS = ("cash", "card", "card", "transfer", "other")


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


class _Storage:
    """Values in the form the backend stores them (what UTCDateTime and Money would bind)."""

    def __init__(self, dialect: str) -> None:
        self.sqlite = dialect == "sqlite"

    def when(self, moment: datetime | None) -> Any:
        if moment is None:
            return None
        # Generation works in naive UTC; SQLite keeps SQLAlchemy's text form without a zone.
        return moment.isoformat(" ", "microseconds") if self.sqlite else moment.replace(tzinfo=UTC)

    def money(self, cents: int) -> Any:
        return cents if self.sqlite else Decimal(cents).scaleb(-2)

    def day(self, value: date | None) -> Any:
        if value is None:
            return None
        return value.isoformat() if self.sqlite else value


def _plain(model: Any) -> TableClause:
    """The model's table without column types: values are bound exactly as given."""
    mapped: Table = model.__table__
    return table(mapped.name, *(column(c.name) for c in mapped.columns))


@contextmanager
def _bulk(db: Database) -> Iterator[Session]:
    with db.write() as s:
        if db.kind == "sqlite":
            # A large page cache keeps the indexes' random inserts in memory for the run.
            s.execute(text("PRAGMA cache_size=-262144"))
        try:
            yield s
        finally:
            if db.kind == "sqlite":
                s.execute(text("PRAGMA cache_size=-2000"))


def generate_work_orders(
    db: Database,
    count: int,
    *,
    seed: int = 7,
    progress: Progress | None = None,
    now: Callable[[], datetime] = utcnow,
) -> int:
    """Add `count` realistic orders over the last YEARS years at every outlet; returns count.

    Needs the demo's outlets, users and customers (`fill_demo`). Most orders are delivered,
    recent ones are still open; about one in ten is urgent. Devices are created per order or
    reused from the customer's earlier visits. The newest DETAILED orders get their lines,
    status history (received, then the current status) and payments; totals and paid are set
    on every order. Follow-up records are not generated: delivered orders older than the
    follow-up limit count as followed up.
    """
    rng = random.Random(seed)
    store = _Storage(db.kind)
    t_wo, t_dev, t_line, t_event, t_pay = (
        _plain(m) for m in (WorkOrder, Device, WorkOrderLine, WorkOrderEvent, Payment)
    )
    with db.read() as s:
        outlets = [(r.id, r.code) for r in s.execute(select(Outlet.id, Outlet.code))]
        techs = [
            (r.id, r.username)
            for r in s.execute(select(User.id, User.username).where(User.role == Role.TECHNICIAN))
        ] or [(r.id, r.username) for r in s.execute(select(User.id, User.username))]
        customers = [
            (r.id, r.name, r.name_key, r.outlet_id)
            for r in s.execute(
                select(Customer.id, Customer.name, Customer.name_key, Customer.outlet_id)
            )
        ]
        phones: dict[int, list[str]] = {}
        for cid, number in s.execute(
            select(CustomerPhone.customer_id, CustomerPhone.number).order_by(
                CustomerPhone.customer_id, CustomerPhone.position
            )
        ):
            phones.setdefault(cid, []).append(number)
    if not outlets or not customers or not techs:
        raise ValueError("generate_work_orders needs outlets, users and customers (fill_demo)")
    if progress is not None:
        progress.start(count)

    # Reserve the numbers and ids first, so an intake meanwhile cannot take one of them.
    per_outlet = [
        count // len(outlets) + (1 if i < count % len(outlets) else 0) for i in range(len(outlets))
    ]
    outlet_of = [i % len(outlets) for i in range(count)]
    rng.shuffle(outlet_of)
    next_number: list[int] = []
    with db.write() as s:
        for (outlet_id, _code), n in zip(outlets, per_outlet, strict=True):
            last = s.scalar(
                select(NumberSequence.last_value).where(
                    NumberSequence.outlet_id == outlet_id, NumberSequence.series == SERIES
                )
            )
            if last is None:
                s.add(NumberSequence(outlet_id=outlet_id, series=SERIES, last_value=n))
                last = 0
            else:
                s.execute(
                    update(NumberSequence)
                    .where(NumberSequence.outlet_id == outlet_id, NumberSequence.series == SERIES)
                    .values(last_value=NumberSequence.last_value + n)
                )
            next_number.append(last + 1)
        ids = [
            (s.scalar(select(func.max(m.id))) or 0) + 1
            for m in (WorkOrder, Device, WorkOrderLine, WorkOrderEvent, Payment)
        ]
    wo_id, dev_id, line_id, event_id, pay_id = ids

    end = now().astimezone(UTC).replace(tzinfo=None, microsecond=0)
    start = end - timedelta(days=365 * YEARS)
    span = (end - start).total_seconds()
    limits = TimeLimits()
    judge_normal, execute_normal, follow_normal = limits.for_priority("normal")
    judge_urgent, execute_urgent, follow_urgent = limits.for_priority("urgent")
    status_names = [s for s, _ in _OPEN_WEIGHTS]
    status_weights = [w for _, w in _OPEN_WEIGHTS]
    devices_of: dict[int, list[tuple[int, str, str, str, str]]] = {}
    tax_basis_points = int(TAX_RATE * 100)
    detailed_from = count - DETAILED
    # However few orders are asked for, some are still in the shop (a demo needs open jobs).
    fresh = min(40, max(3, count // 20))

    def make_chunk(done: int, size: int) -> _Chunk:
        nonlocal dev_id, line_id, event_id, pay_id
        rnd = rng.random  # a tenth of randrange's cost
        orders: list[dict[str, Any]] = []
        devices: list[dict[str, Any]] = []
        lines: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        payments: list[dict[str, Any]] = []
        follow_ups: list[dict[str, Any]] = []
        for k in range(done, done + size):
            # Even spread over the years, in id order, at opening hours (08:00-19:00 local-ish).
            day_at = start + timedelta(seconds=span * (k + rng.random()) / count)
            if k >= count - fresh:  # a living counter: the newest jobs came in these last days
                day_at = end - timedelta(hours=rng.uniform(1, 72))
            received = day_at.replace(hour=8 + (day_at.hour % 11))
            if received > end:
                received = end - timedelta(minutes=rng.randint(1, 600))
            age = (end - received).total_seconds() / 86_400
            outlet_index = outlet_of[k]
            outlet_id, code = outlets[outlet_index]
            number = rules.format_number(code, next_number[outlet_index])
            next_number[outlet_index] += 1
            cid, cname, ckey, _home = customers[int(rnd() * len(customers))]
            cphones = phones.get(cid, [])
            known = devices_of.get(cid)
            if known and rng.random() < 0.4:
                device_id, brand, model, serial, imei = known[int(rnd() * len(known))]
            else:
                kind, brand, models = _MODELS[int(rnd() * len(_MODELS))]
                model = models[int(rnd() * len(models))]
                serial = f"{brand[:2].upper()}{rng.randrange(16**8):08X}"
                imei = ""
                if kind == "phone":
                    body = f"35{rng.randrange(10**12):012d}"
                    imei = body + _luhn_digit(body)
                device_id = dev_id
                dev_id += 1
                devices.append(
                    {
                        "id": device_id,
                        "customer_id": cid,
                        "device_type": kind,
                        "brand": brand,
                        "model": model,
                        "serial": serial,
                        "imei": imei,
                        "purchase_date": store.day(
                            (received - timedelta(days=rng.randint(30, 900))).date()
                        ),
                        "proof_of_purchase": "",
                        "colour": _COLOURS[int(rnd() * len(_COLOURS))],
                        "notes": "",
                        "created_at": store.when(received),
                    }
                )
                devices_of.setdefault(cid, []).append((device_id, brand, model, serial, imei))
            urgent = rng.random() < 0.1
            judge, execute, follow = (
                (judge_urgent, execute_urgent, follow_urgent)
                if urgent
                else (judge_normal, execute_normal, follow_normal)
            )
            # Open orders are the recent ones: the chance of still being open halves every ~3 days.
            roll = rng.random()
            if k >= count - fresh and roll < 0.25:
                status = "delivered"  # handed back in the last days: the follow-up call is due
            elif k >= count - fresh or roll < math.exp(-age / 4):
                status = rng.choices(status_names, status_weights)[0]
            elif roll < 0.95:
                status = "delivered"
            else:
                status = "cancelled"
            judged = received + judge * rng.uniform(0.2, 1.4)
            ready = received + execute * rng.uniform(0.3, 1.6)
            delivered = ready + timedelta(hours=rng.uniform(1, 96))
            judged_at = judged if status not in ("received", "diagnosing") else None
            if judged_at is not None and judged_at > end:
                judged_at = end
            ready_at = ready if status in ("ready", "delivered") and ready <= end else None
            if status == "ready" and ready_at is None:
                ready_at = end
            delivered_at = delivered if status == "delivered" else None
            if delivered_at is not None and delivered_at > end:
                delivered_at = end
            closed_at = delivered_at
            if status == "cancelled":
                closed_at = min(received + timedelta(hours=rng.uniform(1, 48)), end)
            waiting_since = None
            if status in ("awaiting_approval", "awaiting_parts"):
                waiting_since = min(received + timedelta(hours=rng.uniform(1, 6)), end)
            followed = delivered_at is not None and (end - delivered_at) > follow
            due_kind: str | None = None
            due_at: datetime | None = None
            if status != "cancelled" and not (status == "delivered" and followed):
                # Closed orders have nothing due; skipping the call saves a fifth of the time.
                due_kind, due_at = rules.next_deadline(
                    Clock(
                        WorkOrderStatus(status),
                        Priority.URGENT if urgent else Priority.NORMAL,
                        received.replace(tzinfo=UTC),
                        judged_at and judged_at.replace(tzinfo=UTC),
                        ready_at and ready_at.replace(tzinfo=UTC),
                        delivered_at and delivered_at.replace(tzinfo=UTC),
                        timedelta(0),
                        waiting_since and waiting_since.replace(tzinfo=UTC),
                        followed,
                    ),
                    limits,
                )
            # Money: labour and a part, free under manufacturer warranty (one in seven).
            fault, part, minutes, part_cents = _FAULTS[int(rnd() * len(_FAULTS))]
            warranty = "manufacturer" if rng.random() < 0.14 else "none"
            part_cents = int(part_cents * rng.uniform(0.6, 1.4))
            labour_cents = minutes * LABOUR_RATE_CENTS // 60
            if warranty != "none" or status == "cancelled":
                amounts = (0, 0)
            else:
                amounts = (labour_cents, part_cents)
            subtotal_cents = sum(amounts)
            # Half up to the cent, as rules.totals rounds (integer cents here, for speed).
            tax_cents = (subtotal_cents * tax_basis_points + 5_000) // 10_000
            total_cents = subtotal_cents + tax_cents
            deposit_cents = (total_cents // 300) * 100 if total_cents and rng.random() < 0.3 else 0
            paid_cents = total_cents if status == "delivered" else deposit_cents
            if status == "cancelled":
                paid_cents = 0
            tech_id = (
                techs[int(rnd() * len(techs))][0]
                if status != "received" or rng.random() < 0.5
                else None
            )
            oid = wo_id + k
            score: int | None = None
            if delivered_at is not None and (not followed or k >= detailed_from):
                # The follow-up call: still due for recent hand-backs (so it can be recorded),
                # done with scores for the detailed history.
                # Mostly content customers, a few unhappy ones for the manager to call back.
                score = rng.choices((1, 2, 3, 4, 5), (2, 4, 10, 34, 50))[0] if followed else None
                follow_ups.append(
                    {
                        "work_order_id": oid,
                        "due_at": store.when(delivered_at + follow),
                        "done_at": store.when(delivered_at + follow * rng.uniform(0.1, 0.9))
                        if followed
                        else None,
                        "user_id": None,
                        "reached": True if followed else None,
                        "attitude": score,
                        "efficiency": score,
                        "solved": score,
                        "overall": score,
                        "comment": "",
                        "flagged": bool(score is not None and score <= 2),
                    }
                )
            orders.append(
                {
                    "id": oid,
                    "outlet_id": outlet_id,
                    "number": number,
                    "customer_id": cid,
                    "device_id": device_id,
                    "status": status,
                    "priority": "urgent" if urgent else "normal",
                    "channel": _CHANNELS[int(rnd() * len(_CHANNELS))],
                    "reported_fault": fault,
                    "customer_demand": "repair 维修",
                    "condition": "[]",
                    "accessories": "",
                    "passcode": None,
                    "estimate": store.money(total_cents),
                    "promised_at": store.when(received + execute),
                    "technician_id": tech_id,
                    "warranty": warranty,
                    "warranty_note": "",
                    "discount": store.money(0),
                    "discount_reason": "",
                    "tax_rate": TAX_RATE if not store.sqlite else float(TAX_RATE),
                    "subtotal": store.money(subtotal_cents),
                    "tax": store.money(tax_cents),
                    "total": store.money(total_cents),
                    "paid": store.money(paid_cents),
                    "received_at": store.when(received),
                    "judged_at": store.when(judged_at),
                    "ready_at": store.when(ready_at),
                    "delivered_at": store.when(delivered_at),
                    "closed_at": store.when(closed_at),
                    "waiting_approval_seconds": 0,
                    "waiting_parts_seconds": 0,
                    "waiting_since": store.when(waiting_since),
                    "next_due_at": store.when(due_at and due_at.replace(tzinfo=None)),
                    "next_due_kind": due_kind,
                    "judge_met": None if judged_at is None else judged_at - received <= judge,
                    "execute_met": None if ready_at is None else ready_at - received <= execute,
                    "follow_up_met": True if followed else None,
                    "collected_by": cname if delivered_at is not None else "",
                    "repair_warranty_until": store.day(
                        (delivered_at + timedelta(days=90)).date() if delivered_at else None
                    ),
                    "satisfaction": score,
                    "customer_name_key": ckey,
                    "customer_phone": cphones[0] if cphones else "",
                    "device_model_key": f"{brand} {model}".casefold(),
                    "serial": serial,
                    "imei": imei,
                    "search_text": rules.search_text(
                        number, cname, cphones, serial, imei, f"{brand} {model}"
                    ),
                    "created_by_id": None,
                    "updated_at": store.when(closed_at or received),
                    "version": 1,
                }
            )
            if k < detailed_from:
                continue
            lines.append(
                {
                    "id": line_id,
                    "work_order_id": oid,
                    "position": 0,
                    "kind": "labour",
                    "description": "Labour 工时",
                    "quantity": minutes if store.sqlite else Decimal(minutes),
                    "unit_price": store.money(LABOUR_RATE_CENTS),
                    "amount": store.money(amounts[0]),
                    "part_id": None,
                }
            )
            lines.append(
                {
                    "id": line_id + 1,
                    "work_order_id": oid,
                    "position": 1,
                    "kind": "part",
                    "description": part,
                    "quantity": 1 if store.sqlite else Decimal(1),
                    "unit_price": store.money(part_cents),
                    "amount": store.money(amounts[1]),
                    "part_id": None,
                }
            )
            line_id += 2
            history: list[tuple[datetime, str | None, str]] = [(received, None, "received")]
            if status != "received":
                history.append((closed_at or judged_at or received, "received", status))
            for at, before, after in history:
                events.append(
                    {
                        "id": event_id,
                        "work_order_id": oid,
                        "at": store.when(at),
                        "user_id": tech_id,
                        "username": "demo",
                        "kind": "status",
                        "from_status": before,
                        "to_status": after,
                        "text": "",
                    }
                )
                event_id += 1
            if deposit_cents:
                payments.append(
                    {
                        "id": pay_id,
                        "work_order_id": oid,
                        "at": store.when(received),
                        "user_id": None,
                        "kind": "deposit",
                        "method": _METHODS[int(rnd() * len(_METHODS))],
                        "amount": store.money(deposit_cents),
                        "note": "",
                    }
                )
                pay_id += 1
            if status == "cancelled" and deposit_cents:
                payments.append(
                    {
                        "id": pay_id,
                        "work_order_id": oid,
                        "at": store.when(closed_at),
                        "user_id": None,
                        "kind": "refund",
                        "method": "cash",
                        "amount": store.money(deposit_cents),
                        "note": "deposit refunded on cancellation",
                    }
                )
                pay_id += 1
            elif status == "delivered" and total_cents > deposit_cents:
                payments.append(
                    {
                        "id": pay_id,
                        "work_order_id": oid,
                        "at": store.when(delivered_at),
                        "user_id": None,
                        "kind": "payment",
                        "method": _METHODS[int(rnd() * len(_METHODS))],
                        "amount": store.money(total_cents - deposit_cents),
                        "note": "",
                    }
                )
                pay_id += 1
        return _Chunk(
            wo_id + done,
            wo_id + done + size - 1,
            devices,
            orders,
            lines,
            events,
            payments,
            follow_ups,
        )

    trigger = None
    if db.kind == "sqlite":
        with db.read() as s:
            trigger = s.scalar(
                text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
                {"name": FTS_TRIGGER},
            )
    for chunk in _produced(make_chunk, count):
        with _bulk(db) as s:
            _insert_chunk(s, chunk, trigger)
        if progress is not None:
            progress.advance(chunk.last_id - chunk.first_id + 1)
    if db.kind == "postgresql":
        with db.write() as s:
            for name in (
                "work_orders",
                "devices",
                "work_order_lines",
                "work_order_events",
                "payments",
            ):
                s.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"(SELECT coalesce(max(id), 1) FROM {name}))"
                    )
                )
    return count


@dataclass
class _Chunk:
    first_id: int
    last_id: int
    devices: list[dict[str, Any]]
    orders: list[dict[str, Any]]
    lines: list[dict[str, Any]]
    events: list[dict[str, Any]]
    payments: list[dict[str, Any]]
    follow_ups: list[dict[str, Any]]


def _produced(make: Callable[[int, int], _Chunk], count: int) -> Iterator[_Chunk]:
    """Chunks made on a second thread while this one writes (SQLite releases the GIL meanwhile)."""
    ready: queue.Queue[_Chunk | BaseException | None] = queue.Queue(maxsize=2)
    stop = threading.Event()

    def produce() -> None:
        try:
            for done in range(0, count, CHUNK):
                chunk = make(done, min(CHUNK, count - done))
                while not stop.is_set():
                    try:
                        ready.put(chunk, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            ready.put(None)
        except BaseException as exc:  # noqa: BLE001 - re-raised on the writing thread
            ready.put(exc)

    worker = threading.Thread(target=produce, name="demo-work-orders", daemon=True)
    worker.start()
    try:
        while (item := ready.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        worker.join()


def _insert_chunk(s: Session, chunk: _Chunk, fts_trigger: str | None) -> None:
    """One transaction. On SQLite the search index is filled per chunk in one statement
    instead of by the per-row trigger (seven times faster); the trigger is dropped and
    re-created inside the same transaction, so it is never missing for anyone else."""
    conn = s.connection()
    if fts_trigger:
        conn.exec_driver_sql(f"DROP TRIGGER {FTS_TRIGGER}")
    for model, rows in (
        (Device, chunk.devices),
        (WorkOrder, chunk.orders),
        (WorkOrderLine, chunk.lines),
        (WorkOrderEvent, chunk.events),
        (Payment, chunk.payments),
        (FollowUp, chunk.follow_ups),
    ):
        if not rows:
            continue
        columns = list(rows[0])
        if conn.dialect.name == "sqlite":
            # Positional tuples straight to the driver: the statement is Core's, the per-row
            # dict-to-tuple step is skipped (a tenth of the time at a million rows).
            sql = str(insert(_plain(model)).compile(dialect=conn.dialect, column_keys=columns))
            conn.exec_driver_sql(sql, [tuple(r.values()) for r in rows])
        else:
            conn.execute(insert(_plain(model)), rows)
    if fts_trigger:
        conn.exec_driver_sql(
            "INSERT INTO work_orders_fts(rowid, search_text) "
            "SELECT id, search_text FROM work_orders WHERE id BETWEEN ? AND ?",
            (chunk.first_id, chunk.last_id),
        )
        conn.exec_driver_sql(fts_trigger)
