"""What a realistic demo work order looks like: devices, statuses, times and money, as rows.

Rows are tuples in storage form (see bulk_load): times are whole seconds since the epoch turned
into SQLite's text through two table lookups (a datetime per value would cost more than the
insert), money is integer cents.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from ...models import (
    Device,
    FollowUp,
    Payment,
    Priority,
    WorkOrder,
    WorkOrderEvent,
    WorkOrderLine,
    WorkOrderStatus,
)
from . import rules
from .bulk_load import BulkLoad
from .rules import Clock, TimeLimits

YEARS = 4
DAY = 86_400
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
# Mostly content customers, a few unhappy ones for the manager to call back.
_SCORE_WEIGHTS = ((1, 2), (2, 4), (3, 10), (4, 34), (5, 50))
_CHANNELS = ("walk_in",) * 6 + ("phone",) * 2 + ("online", "email")
_METHODS = ("cash", "card", "card", "transfer", "other")
# Weighted choices as tables: one random() and an index instead of random.choices.
_OPEN_STATUSES = tuple(s for s, w in _OPEN_WEIGHTS for _ in range(w))
_SCORES = tuple(s for s, w in _SCORE_WEIGHTS for _ in range(w))
# Luhn over a 14-digit body, two digits at a time: the second of each pair is doubled.
_LUHN_PAIRS = {f"{a}{b}": a + (b * 2 - 9 if b > 4 else b * 2) for a in range(10) for b in range(10)}

DEVICE_COLUMNS = (
    "id", "customer_id", "device_type", "brand", "model", "serial", "imei", "purchase_date",
    "proof_of_purchase", "colour", "notes", "created_at",
)  # fmt: skip
ORDER_COLUMNS = (
    "id", "outlet_id", "number", "customer_id", "device_id", "status", "priority", "channel",
    "reported_fault", "customer_demand", "condition", "accessories", "estimate", "promised_at",
    "technician_id", "warranty", "warranty_note", "discount", "discount_reason", "tax_rate",
    "subtotal", "tax", "total", "paid", "received_at", "judged_at", "ready_at", "delivered_at",
    "closed_at", "waiting_approval_seconds", "waiting_parts_seconds", "waiting_since",
    "next_due_at", "next_due_kind", "judge_met", "execute_met", "follow_up_met", "collected_by",
    "repair_warranty_until", "satisfaction", "customer_name_key", "customer_phone",
    "device_model_key", "serial", "imei", "search_text", "updated_at", "version",
)  # fmt: skip
LINE_COLUMNS = (
    "id", "work_order_id", "position", "kind", "description", "quantity", "unit_price", "amount",
)  # fmt: skip
EVENT_COLUMNS = (
    "id", "work_order_id", "at", "user_id", "username", "kind", "from_status", "to_status", "text",
)  # fmt: skip
PAYMENT_COLUMNS = ("id", "work_order_id", "at", "kind", "method", "amount", "note")
FOLLOW_UP_COLUMNS = (
    "work_order_id", "due_at", "done_at", "reached", "attitude", "efficiency", "solved",
    "overall", "comment", "flagged", "method", "attempts",
)  # fmt: skip


def _luhn_digit(body: str) -> str:
    """The check digit that makes a 14-digit body a valid 15-digit IMEI."""
    pairs = _LUHN_PAIRS
    total = (
        pairs[body[0:2]] + pairs[body[2:4]] + pairs[body[4:6]] + pairs[body[6:8]]
        + pairs[body[8:10]] + pairs[body[10:12]] + pairs[body[12:14]]
    )  # fmt: skip
    return str((10 - total % 10) % 10)


@dataclass
class Chunk:
    first_id: int
    size: int
    devices: list[tuple[Any, ...]] = field(default_factory=list)
    orders: list[tuple[Any, ...]] = field(default_factory=list)
    lines: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    payments: list[tuple[Any, ...]] = field(default_factory=list)
    follow_ups: list[tuple[Any, ...]] = field(default_factory=list)

    def write(self, load: BulkLoad) -> None:
        for model, columns, rows in (
            (Device, DEVICE_COLUMNS, self.devices),
            (WorkOrder, ORDER_COLUMNS, self.orders),
            (WorkOrderLine, LINE_COLUMNS, self.lines),
            (WorkOrderEvent, EVENT_COLUMNS, self.events),
            (Payment, PAYMENT_COLUMNS, self.payments),
            (FollowUp, FOLLOW_UP_COLUMNS, self.follow_ups),
        ):
            load.write(model, columns, rows)


@dataclass(frozen=True)
class Customer:
    id: int
    name: str
    name_key: str
    phone: str  # the first, as the list shows it
    search_part: str  # name and phones as they appear in the order's search text, with a space


@dataclass(frozen=True)
class Shop:
    outlets: list[tuple[int, str]]
    technicians: list[int]
    customers: list[Customer]


class Orders:
    """The generator's state across chunks: next ids and numbers, the customers' devices."""

    def __init__(
        self, shop: Shop, rng: random.Random, dialect: str, first_ids: dict[str, int],
        first_numbers: list[int], now: datetime, count: int,
    ) -> None:  # fmt: skip
        self.shop = shop
        self.rng = rng
        self.count = count
        self.wo_id = first_ids["work_orders"]
        self.dev_id = first_ids["devices"]
        self.line_id = first_ids["work_order_lines"]
        self.event_id = first_ids["work_order_events"]
        self.pay_id = first_ids["payments"]
        self.next_number = list(first_numbers)
        self.end = int(now.timestamp())  # whole seconds, UTC
        self.start = self.end - DAY * 365 * YEARS
        # Every day a generated value can fall on: purchases up to 900 days before the oldest
        # order, warranties 90 days past the newest.
        self.day0 = self.start // DAY - 1_000
        epoch = date(1970, 1, 1)
        self.days = [
            (epoch + timedelta(days=d)).isoformat() + " "
            for d in range(self.day0, self.end // DAY + 200)
        ]
        self.clock = [
            f"{h:02d}:{m:02d}:{sec:02d}.000000"
            for h in range(24)
            for m in range(60)
            for sec in range(60)
        ]
        self.tax_rate: Any = float(TAX_RATE) if dialect == "sqlite" else TAX_RATE
        self.devices_of: dict[int, list[tuple[int, str, str, str, str]]] = {}
        self.limits = TimeLimits()

    def at(self, t: int) -> str:
        """Seconds since the epoch as SQLite's UTC text (what UTCDateTime binds)."""
        return self.days[t // DAY - self.day0] + self.clock[t % DAY]

    def day(self, t: int, plus_days: int = 0) -> str:
        return self.days[t // DAY - self.day0 + plus_days][:-1]

    def due(
        self, status: str, urgent: bool, received: int, judged: int | None, ready: int | None,
        delivered: int | None, waiting_since: int | None, followed: bool,
    ) -> tuple[str | None, int | None]:  # fmt: skip
        """The order's next deadline by the service's own rule (only open orders need it)."""

        def aware(t: int | None) -> datetime | None:
            return None if t is None else datetime.fromtimestamp(t, UTC)

        received_at = aware(received)
        assert received_at is not None
        kind, when = rules.next_deadline(
            Clock(
                WorkOrderStatus(status),
                Priority.URGENT if urgent else Priority.NORMAL,
                received_at,
                aware(judged),
                aware(ready),
                aware(delivered),
                timedelta(0),
                aware(waiting_since),
                followed,
            ),
            self.limits,
        )
        return kind, None if when is None else int(when.timestamp())

    def chunk(self, done: int, size: int, outlet_of: list[int]) -> Chunk:
        """Orders done .. done+size-1 (in time order) with their devices and details."""
        rng, count, end, start = self.rng, self.count, self.end, self.start
        rnd = rng.random  # random() and an index: a tenth of randrange's cost
        at = self.at
        outlets, customers, techs = self.shop.outlets, self.shop.customers, self.shop.technicians
        devices_of, next_number, tax_rate = self.devices_of, self.next_number, self.tax_rate
        span = end - start
        seconds = {
            p: tuple(int(t.total_seconds()) for t in self.limits.for_priority(p))
            for p in ("normal", "urgent")
        }
        tax_basis_points = int(TAX_RATE * 100)
        detailed_from = count - DETAILED
        # However few orders are asked for, some are still in the shop (a demo needs open jobs).
        fresh_from = count - min(40, max(3, count // 20))
        out = Chunk(self.wo_id + done, size)
        devices, orders, follow_ups = out.devices, out.orders, out.follow_ups
        for k in range(done, done + size):
            # Even spread over the years, in id order, at opening hours (08:00-19:00 local-ish).
            t = start + int(span * (k + rnd()) / count)
            if k >= fresh_from:  # a living counter: the newest jobs came in these last days
                t = end - int(3_600 * (1 + 71 * rnd()))
            of_day = t % DAY
            received = t - of_day + (8 + of_day // 3_600 % 11) * 3_600 + of_day % 3_600
            if received > end:
                received = end - 60 * (1 + int(rnd() * 600))
            age = (end - received) / DAY
            outlet_index = outlet_of[k]
            outlet_id, code = outlets[outlet_index]
            number = rules.format_number(code, next_number[outlet_index])
            next_number[outlet_index] += 1
            customer = customers[int(rnd() * len(customers))]
            known = devices_of.get(customer.id)
            received_at = at(received)
            if known and rnd() < 0.4:
                device_id, model_key, serial, imei, device_part = known[int(rnd() * len(known))]
            else:
                kind, brand, models = _MODELS[int(rnd() * len(_MODELS))]
                model = models[int(rnd() * len(models))]
                serial = f"{brand[:2].upper()}{rng.getrandbits(32):08X}"
                imei = ""
                if kind == "phone":
                    body = f"35{int(rnd() * 10**12):012d}"
                    imei = body + _luhn_digit(body)
                device_id = self.dev_id
                self.dev_id += 1
                purchased = self.day(received, -(30 + int(rnd() * 871)))
                colour = _COLOURS[int(rnd() * len(_COLOURS))]
                devices.append((
                    device_id, customer.id, kind, brand, model, serial, imei, purchased,
                    "", colour, "", received_at,
                ))  # fmt: skip
                label = f"{brand} {model}"
                model_key = label.casefold()
                device_part = " ".join(p for p in (serial, imei, label) if p).casefold()
                devices_of.setdefault(customer.id, []).append(
                    (device_id, model_key, serial, imei, device_part)
                )
            urgent = rnd() < 0.1
            judge, execute, follow = seconds["urgent" if urgent else "normal"]
            # Open orders are the recent ones: the chance of still being open halves every ~3 days.
            roll = rnd()
            if k >= fresh_from and roll < 0.25:
                status = "delivered"  # handed back in the last days: the follow-up call is due
            elif k >= fresh_from or roll < math.exp(-age / 4):
                status = _OPEN_STATUSES[int(rnd() * len(_OPEN_STATUSES))]
            elif roll < 0.95:
                status = "delivered"
            else:
                status = "cancelled"
            judged = received + int(judge * (0.2 + 1.2 * rnd()))
            ready = received + int(execute * (0.3 + 1.3 * rnd()))
            delivered = ready + int(3_600 * (1 + 95 * rnd()))
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
                closed_at = min(received + int(3_600 * (1 + 47 * rnd())), end)
            waiting_since = None
            if status in ("awaiting_approval", "awaiting_parts"):
                waiting_since = min(received + int(3_600 * (1 + 5 * rnd())), end)
            followed = delivered_at is not None and end - delivered_at > follow
            due_kind: str | None = None
            due_at: int | None = None
            if status != "cancelled" and not (status == "delivered" and followed):
                # Closed orders have nothing due: the rule runs for the few open ones only.
                due_kind, due_at = self.due(
                    status, urgent, received, judged_at, ready_at, delivered_at, waiting_since,
                    followed,
                )  # fmt: skip
            # Money: labour and a part, free under manufacturer warranty (one in seven).
            fault, part, minutes, part_cents = _FAULTS[int(rnd() * len(_FAULTS))]
            warranty = "manufacturer" if rnd() < 0.14 else "none"
            part_cents = int(part_cents * (0.6 + 0.8 * rnd()))
            labour_cents = minutes * LABOUR_RATE_CENTS // 60
            if warranty != "none" or status == "cancelled":
                labour_amount = part_amount = 0
            else:
                labour_amount, part_amount = labour_cents, part_cents
            subtotal_cents = labour_amount + part_amount
            # Half up to the cent, as rules.totals rounds (integer cents here, for speed).
            tax_cents = (subtotal_cents * tax_basis_points + 5_000) // 10_000
            total_cents = subtotal_cents + tax_cents
            deposit_cents = (total_cents // 300) * 100 if total_cents and rnd() < 0.3 else 0
            paid_cents = total_cents if status == "delivered" else deposit_cents
            if status == "cancelled":
                paid_cents = 0
            tech_id = (
                techs[int(rnd() * len(techs))] if status != "received" or rnd() < 0.5 else None
            )
            oid = self.wo_id + k
            score: int | None = None
            if delivered_at is not None and (not followed or k >= detailed_from):
                # The follow-up call: still due for recent hand-backs (so it can be recorded),
                # done with scores for the detailed history.
                score = _SCORES[int(rnd() * len(_SCORES))] if followed else None
                done_at = at(delivered_at + int(follow * (0.1 + 0.8 * rnd()))) if followed else None
                follow_ups.append((
                    oid, at(delivered_at + follow), done_at, True if followed else None,
                    score, score, score, score, "", score is not None and score <= 2,
                    "phone" if followed else None, 0,
                ))  # fmt: skip
            closed_or_received = received_at if closed_at is None else at(closed_at)
            channel = _CHANNELS[int(rnd() * len(_CHANNELS))]
            orders.append((  # ORDER_COLUMNS, line by line
                oid, outlet_id, number, customer.id, device_id, status,
                "urgent" if urgent else "normal", channel,
                fault, "repair 维修", "[]", "", total_cents, at(received + execute),
                tech_id, warranty, "", 0, "", tax_rate,
                subtotal_cents, tax_cents, total_cents, paid_cents, received_at,
                None if judged_at is None else at(judged_at),
                None if ready_at is None else at(ready_at),
                None if delivered_at is None else at(delivered_at),
                None if closed_at is None else closed_or_received, 0, 0,
                None if waiting_since is None else at(waiting_since),
                None if due_at is None else at(due_at), due_kind,
                None if judged_at is None else judged_at - received <= judge,
                None if ready_at is None else ready_at - received <= execute,
                True if followed else None,
                customer.name if delivered_at is not None else "",
                None if delivered_at is None else self.day(delivered_at, 90), score,
                customer.name_key, customer.phone, model_key, serial, imei,
                f"{number.casefold()} {customer.search_part}{device_part}",
                closed_or_received, 1,
            ))  # fmt: skip
            if k >= detailed_from:
                self._details(
                    out, oid, status, received, closed_at or judged_at or received, delivered_at,
                    tech_id, minutes, part, part_cents, labour_amount, part_amount,
                    total_cents, deposit_cents,
                )  # fmt: skip
        return out

    def _details(
        self, out: Chunk, oid: int, status: str, received: int, changed: int,
        delivered_at: int | None, tech_id: int | None, minutes: int, part: str, part_cents: int,
        labour_amount: int, part_amount: int, total_cents: int, deposit_cents: int,
    ) -> None:  # fmt: skip
        """Lines, status history (received, then the current status) and payments of one order."""
        rnd, at, line_id = self.rng.random, self.at, self.line_id
        out.lines.append(
            (line_id, oid, 0, "labour", "Labour 工时", minutes, LABOUR_RATE_CENTS, labour_amount)
        )
        out.lines.append((line_id + 1, oid, 1, "part", part, 1, part_cents, part_amount))
        self.line_id += 2
        history: list[tuple[int, str | None, str]] = [(received, None, "received")]
        if status != "received":
            history.append((changed, "received", status))
        for when, before, after in history:
            out.events.append(
                (self.event_id, oid, at(when), tech_id, "demo", "status", before, after, "")
            )
            self.event_id += 1
        payments = out.payments
        if deposit_cents:
            method = _METHODS[int(rnd() * len(_METHODS))]
            payments.append((self.pay_id, oid, at(received), "deposit", method, deposit_cents, ""))
            self.pay_id += 1
        if status == "cancelled" and deposit_cents:
            note = "deposit refunded on cancellation"
            payments.append((self.pay_id, oid, at(changed), "refund", "cash", deposit_cents, note))
            self.pay_id += 1
        elif status == "delivered" and total_cents > deposit_cents:
            assert delivered_at is not None
            method = _METHODS[int(rnd() * len(_METHODS))]
            rest = total_cents - deposit_cents
            payments.append((self.pay_id, oid, at(delivered_at), "payment", method, rest, ""))
            self.pay_id += 1
