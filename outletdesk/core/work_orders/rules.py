"""The rules of a repair work order as pure functions: lifecycle, time limits, warranty, money."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from ...models import LineKind, Priority, Warranty, WorkOrderStatus
from ..i18n import QT_TRANSLATE_NOOP

S = WorkOrderStatus
CENT = Decimal("0.01")

# Only sensible moves; everything else is refused with the allowed next steps named.
TRANSITIONS: dict[WorkOrderStatus, frozenset[WorkOrderStatus]] = {
    S.RECEIVED: frozenset(
        {S.DIAGNOSING, S.AWAITING_APPROVAL, S.AWAITING_PARTS, S.IN_REPAIR, S.CANCELLED}
    ),
    S.DIAGNOSING: frozenset(
        {S.AWAITING_APPROVAL, S.AWAITING_PARTS, S.IN_REPAIR, S.UNREPAIRABLE, S.CANCELLED}
    ),
    S.AWAITING_APPROVAL: frozenset({S.AWAITING_PARTS, S.IN_REPAIR, S.UNREPAIRABLE, S.CANCELLED}),
    S.AWAITING_PARTS: frozenset({S.AWAITING_APPROVAL, S.IN_REPAIR, S.UNREPAIRABLE, S.CANCELLED}),
    S.IN_REPAIR: frozenset({S.AWAITING_APPROVAL, S.AWAITING_PARTS, S.READY, S.UNREPAIRABLE}),
    S.READY: frozenset({S.IN_REPAIR, S.DELIVERED}),
    # Returned unrepaired: the device still has to be handed back.
    S.UNREPAIRABLE: frozenset({S.DELIVERED}),
    S.DELIVERED: frozenset(),
    S.CANCELLED: frozenset(),
}
# Shown in lists, histories and printouts (translated in context "core").
STATUS_LABELS: dict[WorkOrderStatus, str] = {
    S.RECEIVED: QT_TRANSLATE_NOOP("core", "Received"),
    S.DIAGNOSING: QT_TRANSLATE_NOOP("core", "Diagnosing"),
    S.AWAITING_APPROVAL: QT_TRANSLATE_NOOP("core", "Awaiting approval"),
    S.AWAITING_PARTS: QT_TRANSLATE_NOOP("core", "Awaiting parts"),
    S.IN_REPAIR: QT_TRANSLATE_NOOP("core", "In repair"),
    S.READY: QT_TRANSLATE_NOOP("core", "Ready for pickup"),
    S.DELIVERED: QT_TRANSLATE_NOOP("core", "Delivered"),
    S.CANCELLED: QT_TRANSLATE_NOOP("core", "Cancelled"),
    S.UNREPAIRABLE: QT_TRANSLATE_NOOP("core", "Unrepairable"),
}
WAITING = frozenset({S.AWAITING_APPROVAL, S.AWAITING_PARTS})
OPEN = frozenset(set(S) - {S.DELIVERED, S.CANCELLED})
JUDGED = frozenset({S.AWAITING_APPROVAL, S.AWAITING_PARTS, S.IN_REPAIR, S.READY, S.UNREPAIRABLE})


def can_move(current: WorkOrderStatus, target: WorkOrderStatus) -> bool:
    return target in TRANSITIONS[current]


# ---------------------------------------------------------------- time limits (时效要求)


@dataclass(frozen=True)
class TimeLimits:
    """Per outlet; DOMAIN.md's defaults. Urgent (加急) orders get half of each."""

    judge_hours: Decimal = Decimal(2)
    execute_hours: Decimal = Decimal(24)
    follow_up_hours: Decimal = Decimal(48)

    def for_priority(self, priority: Priority | str) -> tuple[timedelta, timedelta, timedelta]:
        factor = Decimal("0.5") if Priority(priority) is Priority.URGENT else Decimal(1)
        return tuple(  # type: ignore[return-value]
            timedelta(hours=float(h * factor))
            for h in (self.judge_hours, self.execute_hours, self.follow_up_hours)
        )


@dataclass(frozen=True)
class Clock:
    """What the time limits need to know about one order."""

    status: WorkOrderStatus
    priority: Priority
    received_at: datetime
    judged_at: datetime | None
    ready_at: datetime | None
    delivered_at: datetime | None
    waited: timedelta  # approval + parts waiting so far, not counting the current wait
    waiting_since: datetime | None
    followed_up: bool


def next_deadline(clock: Clock, limits: TimeLimits) -> tuple[str | None, datetime | None]:
    """The next limit this order must meet: ("judge" | "execute" | "follow_up", when) or none.

    Execution is measured from intake, with time spent waiting for the customer's approval or
    for parts added on (the clock stops while waiting, so no deadline is shown then).
    """
    judge, execute, follow_up = limits.for_priority(clock.priority)
    if clock.status is S.DELIVERED:
        if clock.followed_up or clock.delivered_at is None:
            return None, None
        return "follow_up", clock.delivered_at + follow_up
    if clock.status in (S.READY, S.UNREPAIRABLE, S.CANCELLED):
        return None, None
    if clock.judged_at is None and clock.status in (S.RECEIVED, S.DIAGNOSING):
        return "judge", clock.received_at + judge
    # Still being worked on (also when reopened after "ready"): the repair limit applies.
    if clock.waiting_since is not None:
        return None, None
    return "execute", clock.received_at + execute + clock.waited


def deadline_state(
    due: datetime | None, now: datetime, kind: str | None, limits: TimeLimits, priority: Priority
) -> str:
    """ "ok", "due_soon" (in the last quarter of its limit) or "overdue"; "" when nothing is due."""
    if due is None or kind is None:
        return ""
    if now > due:
        return "overdue"
    window = dict(
        zip(("judge", "execute", "follow_up"), limits.for_priority(priority), strict=True)
    )[kind]
    return "due_soon" if due - now <= window / 4 else "ok"


# ---------------------------------------------------------------- warranty (保修)


def add_months(day: date, months: int) -> date:
    """Month arithmetic that keeps month ends: 31 Jan + 1 month is 28/29 Feb."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class WarrantyCheck:
    kind: Warranty
    until: date | None
    rework: bool


def check_warranty(
    today: date,
    purchase_date: date | None,
    manufacturer_months: int,
    last_hand_back: date | None,
    repair_warranty_until: date | None,
) -> WarrantyCheck:
    """Our repair warranty (a rework) wins over the manufacturer's; both make work free."""
    if (
        last_hand_back is not None
        and repair_warranty_until is not None
        and today <= repair_warranty_until
    ):
        return WarrantyCheck(Warranty.REPAIR, repair_warranty_until, True)
    if purchase_date is not None:
        until = add_months(purchase_date, manufacturer_months) - timedelta(days=1)
        if purchase_date <= today <= until:
            return WarrantyCheck(Warranty.MANUFACTURER, until, False)
    return WarrantyCheck(Warranty.NONE, None, False)


# ---------------------------------------------------------------- money


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def line_amount(
    kind: LineKind, quantity: Decimal, unit_price: Decimal, under_warranty: bool
) -> Decimal:
    """Labour is minutes at an hourly rate; parts are quantity x price; a fee is its price x quantity.

    Parts and labour under warranty cost nothing; other fees are still charged.
    """
    if under_warranty and kind in (LineKind.LABOUR, LineKind.PART):
        return Decimal("0.00")
    if kind is LineKind.LABOUR:
        return cents(quantity * unit_price / 60)
    return cents(quantity * unit_price)


@dataclass(frozen=True)
class Totals:
    subtotal: Decimal
    discount: Decimal
    tax: Decimal
    total: Decimal


def totals(amounts: Iterable[Decimal], discount: Decimal, tax_rate_percent: Decimal) -> Totals:
    """Prices are before tax; the discount comes off before tax is added."""
    subtotal = cents(sum(amounts, Decimal("0")))
    discount = min(cents(discount), subtotal)
    tax = cents((subtotal - discount) * tax_rate_percent / 100)
    return Totals(subtotal, discount, tax, subtotal - discount + tax)


GOES_BACK = frozenset({"refund", "change"})


def signed(kind: str, amount: Decimal) -> Decimal:
    """Deposits and payments count towards what was paid; refunds and change given back count
    against it."""
    return -amount if kind in GOES_BACK else amount


def takes_deposit(status: WorkOrderStatus, total: Decimal) -> bool:
    """Money taken before there is a bill to pay (just received, or nothing priced yet) is a
    further deposit, which any amount may be; later it is a payment towards the balance."""
    return total == 0 or status is S.RECEIVED


@dataclass(frozen=True)
class Tender:
    """Money the customer hands over against what is due: what is booked as paid and the change
    given back from it."""

    paid: Decimal
    change: Decimal


def tender(due: Decimal, offered: Decimal, cash: bool) -> Tender | None:
    """What `offered` settles of `due`; None when it may not be taken.

    Cash above the balance is cash tendered: the balance is paid and the rest is change. Card,
    transfer and other methods are charged exactly, so they may not go above the balance; nor may
    anything be paid when nothing is due."""
    if offered <= max(due, Decimal("0.00")):
        return Tender(offered, Decimal("0.00"))
    if cash and due > 0:
        return Tender(due, offered - due)
    return None


def give_back(total: Decimal, paid: Decimal) -> Decimal:
    """At hand-back, what was paid above the final bill goes back to the customer."""
    return max(paid - total, Decimal("0.00"))


@dataclass(frozen=True)
class GiveBack:
    """What goes back at hand-back: the deposit above the bill is change, handed back the way
    it was paid; anything paid above it as payments for charged work is a refund, which names
    who gave it back (DOMAIN.md: every refund says who approved it)."""

    deposit: Decimal
    refund: Decimal
    deposit_method: str | None  # how the (latest) deposit was paid

    @property
    def total(self) -> Decimal:
        return self.deposit + self.refund


def split_give_back(
    total: Decimal, paid: Decimal, deposits: Sequence[tuple[Decimal, str]]
) -> GiveBack:
    """give_back split into the deposits' part and the rest; `deposits` are (amount, method)
    in the order taken."""
    excess = give_back(total, paid)
    deposited = sum((amount for amount, _ in deposits), Decimal("0.00"))
    deposit = min(excess, deposited)
    return GiveBack(deposit, excess - deposit, deposits[-1][1] if deposits else None)


# The note of a payment taken from cash tendered above the balance; read back by tendered_in.
_TENDERED = "cash tendered "


def tendered_note(tendered: Decimal, note: str = "", limit: int = 200) -> str:
    """The payment's note for cash tendered (the note column is all a payment row has to say it),
    followed by the clerk's own note cut to fit `limit`."""
    head = f"{_TENDERED}{tendered:.2f}"
    return f"{head}; {note}"[:limit] if note else head


def tendered_in(note: str) -> Decimal | None:
    """The cash tendered a payment's note records (tendered_note), else None."""
    if not note.startswith(_TENDERED):
        return None
    word = note[len(_TENDERED) :].split(";", 1)[0].strip()
    try:
        return Decimal(word)
    except ArithmeticError:
        return None


def deposit_above_estimate(estimate: Decimal, deposit: Decimal) -> bool:
    """A deposit larger than a given estimate: allowed (some shops take full prepayment) but
    likely a typo (50 -> 500), so the counter asks before saving it."""
    return estimate > 0 and deposit > estimate


# ---------------------------------------------------------------- identifiers and search


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


# Device types the intake screen offers by default, by the key printouts look them up with;
# another type shows as typed. Here, not with the printouts, so the Counter list can name them
# without loading the PDF renderer.
DEVICE_TYPE_WORDS: dict[str, str] = {
    "type_phone": QT_TRANSLATE_NOOP("core", "phone"),
    "type_tablet": QT_TRANSLATE_NOOP("core", "tablet"),
    "type_laptop": QT_TRANSLATE_NOOP("core", "laptop"),
    "type_watch": QT_TRANSLATE_NOOP("core", "watch"),
    "type_other": QT_TRANSLATE_NOOP("core", "other"),
}


def device_label(brand: str, model: str, device_type: str) -> str:
    """How a device is named everywhere: "brand model", or its type when neither is known."""
    return " ".join(p for p in (brand, model) if p) or device_type


def format_number(outlet_code: str, value: int) -> str:
    """Work order numbers per outlet: N-000123 (never reused; see NumberSequence)."""
    return f"{outlet_code}-{value:06d}"


def search_text(
    number: str, customer_name: str, phones: Iterable[str], serial: str, imei: str, device: str
) -> str:
    """The one case-folded text the full-text index serves every search from."""
    return " ".join(
        p for p in (number, customer_name, *phones, serial, imei, device) if p
    ).casefold()


def add_working_days(start: datetime, days: int) -> datetime:
    """`start` moved on by `days` working days (Monday to Friday), counted in local time."""
    local = start.astimezone()
    moved = 0
    while moved < days:
        local += timedelta(days=1)
        if local.weekday() < 5:
            moved += 1
    return local.astimezone(start.tzinfo)


# ---------------------------------------------------------------- printouts


def printout_allowed(kind: str, status: WorkOrderStatus, has_lines: bool) -> bool:
    """Which printouts an order in `status` has: the intake receipt and the device label always
    (a reprint is asked for at any time), a quote while the work is not done yet and there are
    lines to price, the hand-back receipt once the device went back to the customer."""
    if kind == "quote":
        return has_lines and status in QUOTABLE
    if kind == "handback":
        return status is S.DELIVERED
    return kind in ("intake", "label")


# A quote asks the customer to approve work still to be done.
QUOTABLE = frozenset({S.RECEIVED, S.DIAGNOSING, S.AWAITING_APPROVAL, S.AWAITING_PARTS, S.IN_REPAIR})


# History entries the customer is told about (printed on their receipts); internal notes never are.
CUSTOMER_EVENT_KINDS = frozenset({"customer_note", "refund_approved", "refund_rejected"})
