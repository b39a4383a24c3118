"""A work order after intake: status moves, assignment and escalation, notes, lines and payments,
hand-back, cancellation with refund, and the follow-up call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ...models import (
    ContactMethod,
    Customer,
    FollowUp,
    Judgement,
    LineKind,
    Payment,
    PaymentKind,
    PaymentMethod,
    Priority,
    StockLocation,
    User,
    Warranty,
    WorkOrder,
    WorkOrderLine,
    WorkOrderStatus,
    utcnow,
)
from .. import validation as v
from ..audit import record
from ..auth import Actor, Permission
from ..changes import Changes
from ..database import Database
from ..errors import DomainError, NotFound, ValidationError, Word, Words
from ..i18n import QT_TRANSLATE_NOOP
from ..parts.stock import MAIN, PartAt, settle_order_parts
from . import rules
from .common import add_event, add_payment_row, load_order, refresh_money, to_dto, update_clock
from .dto import LineInput, WorkOrderDTO
from .settings import load_settings

S = WorkOrderStatus
F_STATUS = QT_TRANSLATE_NOOP("core", "Status")
F_JUDGEMENT = QT_TRANSLATE_NOOP("core", "Judgement")
F_PRIORITY = QT_TRANSLATE_NOOP("core", "Priority")
F_WARRANTY = QT_TRANSLATE_NOOP("core", "Warranty")
F_NOTE = QT_TRANSLATE_NOOP("core", "Note")
F_REASON = QT_TRANSLATE_NOOP("core", "Reason")
F_TECHNICIAN = QT_TRANSLATE_NOOP("core", "Technician")
F_LINE_KIND = QT_TRANSLATE_NOOP("core", "Line kind")
F_DESCRIPTION = QT_TRANSLATE_NOOP("core", "Description")
F_FROM = QT_TRANSLATE_NOOP("core", "Taken from")
F_MINUTES = QT_TRANSLATE_NOOP("core", "Minutes")
F_QUANTITY = QT_TRANSLATE_NOOP("core", "Quantity")
F_RATE = QT_TRANSLATE_NOOP("core", "Hourly rate")
F_PRICE = QT_TRANSLATE_NOOP("core", "Price")
F_DISCOUNT = QT_TRANSLATE_NOOP("core", "Discount")
F_DISCOUNT_REASON = QT_TRANSLATE_NOOP("core", "Discount reason")
F_AMOUNT = QT_TRANSLATE_NOOP("core", "Amount")
F_METHOD = QT_TRANSLATE_NOOP("core", "Payment method")
F_COLLECTED_BY = QT_TRANSLATE_NOOP("core", "Collected by")
F_SCORE = QT_TRANSLATE_NOOP("core", "Score")
F_COMMENT = QT_TRANSLATE_NOOP("core", "Comment")
F_CONTACT = QT_TRANSLATE_NOOP("core", "Contact method")
LOW_SCORE = 2
MONEY_LIMIT = Decimal("1000000000")  # well inside Numeric(12, 2) even summed over many lines
METHODS = tuple(m.value for m in PaymentMethod)
CONTACT_METHODS = tuple(m.value for m in ContactMethod)


@dataclass(frozen=True)
class FollowUpTask:
    work_order_id: int
    number: str
    customer_name: str
    customer_phone: str
    delivered_at: datetime | None
    due_at: datetime
    done_at: datetime | None
    overall: int | None
    flagged: bool
    attempts: int = 0  # calls that did not reach the customer yet


class WorkOrderService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ------------------------------------------------------------ reading

    def get(self, actor: Actor, order_id: int) -> WorkOrderDTO:
        actor.require(Permission.VIEW_WORK_ORDERS)
        with self._db.read(actor) as s:
            return to_dto(s, load_order(s, order_id), actor)

    def by_number(self, actor: Actor, number: str) -> WorkOrderDTO:
        """Scanning the barcode on a receipt or label opens the order."""
        actor.require(Permission.VIEW_WORK_ORDERS)
        with self._db.read(actor) as s:
            order = s.scalar(select(WorkOrder).where(WorkOrder.number == number.strip().upper()))
            if order is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP("core", "There is no work order {number}."),
                    number=number.strip()[:30],
                )
            return to_dto(s, order, actor)

    def technicians(self, actor: Actor) -> list[tuple[int, str]]:
        """Who can take a job: active technicians first, then managers and admins."""
        actor.require(Permission.VIEW_WORK_ORDERS)
        with self._db.read(actor) as s:
            rows = s.execute(
                select(User.id, User.display_name, User.role).where(
                    User.active, User.role.in_(("technician", "manager", "admin"))
                )
            )
            return [
                (uid, name)
                for uid, name, role in sorted(rows, key=lambda r: (r[2] != "technician", r[1]))
            ]

    # ------------------------------------------------------------ lifecycle

    def move(
        self,
        actor: Actor,
        order_id: int,
        version: int,
        target: WorkOrderStatus | str,
        note: str = "",
    ) -> tuple[WorkOrderDTO, Changes]:
        """One step in the repair; hand-back and cancellation have their own operations.

        Leaving "awaiting parts" takes the parts it waited for off the shelf (refused, with
        nothing saved, while any is still short)."""
        actor.require(Permission.EDIT_WORK_ORDERS)
        target = S(v.choice(F_STATUS, str(target), tuple(x.value for x in S)))
        note = v.text(F_NOTE, note, max_len=1000, required=False, multiline=True)
        if target in (S.DELIVERED, S.CANCELLED):
            raise DomainError(QT_TRANSLATE_NOOP("core", "Use Hand back or Cancel for that step."))
        with self._db.write(actor) as s:
            order = load_order(s, order_id, version, lock=True)
            now = utcnow()
            current = S(order.status)
            stock = False
            if current is S.AWAITING_PARTS and rules.can_move(current, target):
                # Issued while still in the queue, so it goes before the orders that came later.
                stock = settle_order_parts(s, actor, order, _wanted_parts(s, order.id))
            self._step(s, actor, order, target, now, note)
            return to_dto(s, order, actor), Changes(work_orders=True, parts=stock)

    @staticmethod
    def _step(
        s: Session,
        actor: Actor,
        order: WorkOrder,
        target: WorkOrderStatus,
        now: datetime,
        note: str,
    ) -> None:
        current = S(order.status)
        if not rules.can_move(current, target):
            steps = [rules.STATUS_LABELS[x] for x in S if x in rules.TRANSITIONS[current]]
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Work order {number} cannot go from {current} to {target}; possible next steps: {allowed}.",
                ),
                number=order.number,
                current=Word(rules.STATUS_LABELS[current]),
                target=Word(rules.STATUS_LABELS[target]),
                allowed=Words(steps) if steps else "-",
            )
        if current in rules.WAITING and order.waiting_since is not None:
            waited = int((now - order.waiting_since).total_seconds())
            if current is S.AWAITING_APPROVAL:
                order.waiting_approval_seconds += waited
            else:
                order.waiting_parts_seconds += waited
            order.waiting_since = None
        if target in rules.WAITING:
            order.waiting_since = now
        if target in rules.JUDGED and order.judged_at is None:
            order.judged_at = now
        if target in (S.READY, S.UNREPAIRABLE) and order.ready_at is None:
            order.ready_at = now
        if target in (S.DELIVERED, S.CANCELLED):
            order.passcode = None  # never kept once the device has left or the job is off
        if (
            order.technician_id is None
            and actor.role.value == "technician"
            and target in rules.JUDGED
        ):
            order.technician_id = actor.user_id  # the technician who takes the job on owns it
        order.status = target.value
        order.updated_at = now
        add_event(s, order, actor, "status", note, current.value, target.value, at=now)
        update_clock(s, order)
        record(
            s,
            actor,
            "status",
            "work_order",
            order.id,
            before={"status": current.value},
            after={"status": target.value, "note": note},
        )

    def assign(
        self,
        actor: Actor,
        order_id: int,
        version: int,
        technician_id: int | None,
        reason: str = "",
        *,
        escalate: bool = False,
    ) -> tuple[WorkOrderDTO, Changes]:
        """Give the job to a technician; escalating (问题升级) to a senior or the manager needs a reason."""
        actor.require(Permission.EDIT_WORK_ORDERS)
        reason = v.text(F_REASON, reason, max_len=1000, required=escalate, multiline=True)
        with self._db.write(actor) as s:
            order = load_order(s, order_id, version, lock=True)
            if S(order.status) not in rules.OPEN:
                raise DomainError(
                    QT_TRANSLATE_NOOP("core", "Work order {number} is closed."), number=order.number
                )
            name = ""
            if technician_id is not None:
                user = s.get(User, technician_id)
                if user is None or not user.active:
                    raise ValidationError(
                        F_TECHNICIAN, QT_TRANSLATE_NOOP("core", "choose an active user.")
                    )
                name = user.display_name
            before = order.technician_id
            order.technician_id, order.updated_at = technician_id, utcnow()
            add_event(
                s,
                order,
                actor,
                "escalation" if escalate else "assignment",
                f"{name}: {reason}" if reason else name,
            )
            record(
                s,
                actor,
                "escalate" if escalate else "assign",
                "work_order",
                order.id,
                before={"technician_id": before},
                after={"technician_id": technician_id, "reason": reason},
            )
            return to_dto(s, order, actor), Changes(work_orders=True)

    def judge(
        self,
        actor: Actor,
        order_id: int,
        version: int,
        judgement: Judgement | str,
        warranty: Warranty | str,
        note: str = "",
    ) -> tuple[WorkOrderDTO, Changes]:
        """The preliminary judgement (初步判断): what went wrong, and whether warranty covers it.

        Changing the warranty found at intake (water damage inside the maker's period, say) needs a
        reason; the lines are re-priced at once and the change is in the history and the audit log.
        """
        actor.require(Permission.EDIT_WORK_ORDERS)
        kind = Judgement(v.choice(F_JUDGEMENT, str(judgement), tuple(j.value for j in Judgement)))
        cover = Warranty(v.choice(F_WARRANTY, str(warranty), tuple(w.value for w in Warranty)))
        with self._db.write(actor) as s:
            order = load_order(s, order_id, version, lock=True)
            if S(order.status) not in rules.OPEN:
                raise DomainError(
                    QT_TRANSLATE_NOOP("core", "Work order {number} is closed."), number=order.number
                )
            changing = cover.value != order.warranty
            # The judgement dialog's field: the reason for changing the warranty.
            reason = v.text(F_REASON, note, max_len=200, required=changing)
            before = {"judgement": order.judgement, "warranty": order.warranty}
            now = utcnow()
            order.judgement, order.warranty, order.updated_at = kind.value, cover.value, now
            if reason:
                order.warranty_note = reason
            if changing:
                free = cover is not Warranty.NONE
                lines = s.scalars(
                    select(WorkOrderLine).where(WorkOrderLine.work_order_id == order.id)
                )
                for line in lines:
                    line.amount = rules.line_amount(
                        LineKind(line.kind), line.quantity, line.unit_price, free
                    )
                s.flush()
                refresh_money(s, order)
            if order.judged_at is None:
                order.judged_at = now  # the first judgement is the one the time limit asks for
            update_clock(s, order)
            summary = f"{kind.value} / {cover.value}" + (f": {reason}" if reason else "")
            add_event(s, order, actor, "judgement", summary)
            after = {"judgement": kind.value, "warranty": cover.value, "note": reason}
            record(s, actor, "judge", "work_order", order.id, before=before, after=after)
            return to_dto(s, order, actor), Changes(work_orders=True)

    def set_priority(
        self, actor: Actor, order_id: int, version: int, priority: Priority | str, reason: str = ""
    ) -> tuple[WorkOrderDTO, Changes]:
        """Expedite (加急) a job after intake, or take the flag off; every time limit follows."""
        actor.require(Permission.EDIT_WORK_ORDERS)
        target = Priority(v.choice(F_PRIORITY, str(priority), tuple(p.value for p in Priority)))
        reason = v.text(F_REASON, reason, max_len=200, required=False)
        with self._db.write(actor) as s:
            order = load_order(s, order_id, version, lock=True)
            if S(order.status) not in rules.OPEN:
                raise DomainError(
                    QT_TRANSLATE_NOOP("core", "Work order {number} is closed."), number=order.number
                )
            if order.priority == target.value:
                return to_dto(s, order, actor), Changes()
            before = order.priority
            order.priority, order.updated_at = target.value, utcnow()
            update_clock(s, order)
            add_event(
                s, order, actor, "priority", f"{target.value}" + (f": {reason}" if reason else "")
            )
            record(
                s,
                actor,
                "priority",
                "work_order",
                order.id,
                before={"priority": before},
                after={"priority": target.value, "reason": reason},
            )
            return to_dto(s, order, actor), Changes(work_orders=True)

    def add_note(
        self, actor: Actor, order_id: int, text: str, *, internal: bool
    ) -> tuple[WorkOrderDTO, Changes]:
        """Internal notes stay in the shop; customer notes may be told to or printed for the customer."""
        actor.require(Permission.EDIT_WORK_ORDERS)
        text = v.text(F_NOTE, text, max_len=2000, multiline=True)
        with self._db.write(actor) as s:
            order = load_order(s, order_id)
            add_event(s, order, actor, "internal_note" if internal else "customer_note", text)
            return to_dto(s, order, actor), Changes(work_orders=True)

    # ------------------------------------------------------------ money

    def set_lines(
        self,
        actor: Actor,
        order_id: int,
        version: int,
        lines: list[LineInput],
        discount: Decimal | str = Decimal("0.00"),
        discount_reason: str = "",
        *,
        wait_for_parts: bool = False,
    ) -> tuple[WorkOrderDTO, Changes]:
        """Replace the order's labour, parts and fees; warranty work is priced at zero.

        Catalogue parts leave the shelf with the save, unless the order awaits parts: then what
        is not yet out is held for it (see parts/reservations.py). `wait_for_parts` sets the
        order awaiting parts in the same save, for when a part turned out short (the
        InsufficientStock from a plain save)."""
        actor.require(Permission.EDIT_WORK_ORDERS)
        checked = [self._line(line) for line in lines]
        discount_value = v.money(F_DISCOUNT, discount)
        reason = v.text(
            F_DISCOUNT_REASON, discount_reason, max_len=200, required=discount_value > 0
        )
        with self._db.write(actor) as s:
            order = load_order(s, order_id, version, lock=True)
            if S(order.status) in (S.DELIVERED, S.CANCELLED):
                raise DomainError(
                    QT_TRANSLATE_NOOP(
                        "core", "Work order {number} is closed; its lines can no longer change."
                    ),
                    number=order.number,
                )
            if wait_for_parts and order.status != S.AWAITING_PARTS.value:
                self._step(s, actor, order, S.AWAITING_PARTS, utcnow(), "")
            free = order.warranty != Warranty.NONE.value
            before: dict[str, object] = {"total": order.total}
            taken_before = _van_lines(s, order.id)
            if taken_before:
                before["from"] = taken_before
            sources = _line_sources(s, order, checked)
            s.execute(delete(WorkOrderLine).where(WorkOrderLine.work_order_id == order.id))
            for position, (kind, description, quantity, price, part_id, _where) in enumerate(
                checked
            ):
                amount = rules.line_amount(kind, quantity, price, free)
                if amount >= MONEY_LIMIT:
                    raise ValidationError(
                        F_PRICE,
                        QT_TRANSLATE_NOOP(
                            "core",
                            "line {line} comes to more than the largest amount the shop can book.",
                        ),
                        line=position + 1,
                    )
                s.add(
                    WorkOrderLine(
                        work_order_id=order.id,
                        position=position,
                        kind=kind.value,
                        description=description,
                        quantity=quantity,
                        unit_price=price,
                        amount=amount,
                        part_id=part_id,
                        location_id=sources[position],
                    )
                )
            s.flush()
            # Parts from the catalogue leave (or return to) the shelf they are taken from (this
            # outlet's main store, or its van) with the save.
            wanted: dict[PartAt, int] = {}
            numbers: dict[PartAt, list[int]] = {}
            for position, (kind, _d, quantity, _p, part_id, _w) in enumerate(checked):
                if kind is LineKind.PART and part_id is not None:
                    key = (part_id, sources[position])
                    wanted[key] = wanted.get(key, 0) + int(quantity)
                    numbers.setdefault(key, []).append(position + 1)
            hold = order.status == S.AWAITING_PARTS.value
            stock = settle_order_parts(s, actor, order, wanted, hold=hold, lines=numbers)
            subtotal = rules.totals(
                s.scalars(
                    select(WorkOrderLine.amount).where(WorkOrderLine.work_order_id == order.id)
                ),
                Decimal(0),
                Decimal(0),
            ).subtotal
            if discount_value > subtotal:
                raise ValidationError(
                    F_DISCOUNT,
                    QT_TRANSLATE_NOOP("core", "cannot be more than the lines' total ({subtotal})."),
                    subtotal=subtotal,
                )
            order.discount, order.discount_reason, order.updated_at = (
                discount_value,
                reason,
                utcnow(),
            )
            refresh_money(s, order)
            after: dict[str, object] = {
                "total": order.total,
                "lines": len(checked),
                "discount": discount_value,
            }
            taken_after = _van_lines(s, order.id)
            if taken_after:
                after["from"] = taken_after  # which lines came out of a van, by its code
            record(s, actor, "lines", "work_order", order.id, before=before, after=after)
            return to_dto(s, order, actor), Changes(work_orders=True, parts=stock)

    @staticmethod
    def _line(line: LineInput) -> CheckedLine:
        kind = LineKind(v.choice(F_LINE_KIND, str(line.kind), tuple(k.value for k in LineKind)))
        description = v.text(F_DESCRIPTION, line.description, max_len=200)
        if kind is LineKind.LABOUR:
            quantity = Decimal(v.integer(F_MINUTES, line.quantity, minimum=1, maximum=100_000))
            price = v.money(F_RATE, line.unit_price)
        else:
            quantity = Decimal(v.integer(F_QUANTITY, line.quantity, minimum=1, maximum=10_000))
            price = v.money(F_PRICE, line.unit_price)
        if line.location_id is not None and (kind is not LineKind.PART or line.part_id is None):
            raise ValidationError(
                F_FROM,
                QT_TRANSLATE_NOOP(
                    "core", "only a part from the catalogue can be taken from a van or store room."
                ),
            )
        return kind, description, quantity, price, line.part_id, line.location_id

    def add_payment(
        self,
        actor: Actor,
        order_id: int,
        amount: Decimal | str,
        method: PaymentMethod | str,
        note: str = "",
    ) -> tuple[WorkOrderDTO, Changes]:
        """Money taken before hand-back (a further deposit or a part payment); never more than is
        due, except cash tendered: then the balance is booked and the rest is change (the note
        says what was tendered)."""
        actor.require(Permission.EDIT_WORK_ORDERS)
        value = v.money(F_AMOUNT, amount)
        method = v.choice(F_METHOD, str(method), METHODS)
        note = v.text(F_NOTE, note, max_len=200, required=False)
        if value <= 0:
            raise ValidationError(F_AMOUNT, QT_TRANSLATE_NOOP("core", "must be more than zero."))
        with self._db.write(actor) as s:
            order = load_order(s, order_id, lock=True)
            if S(order.status) not in rules.OPEN:
                raise DomainError(
                    QT_TRANSLATE_NOOP("core", "Work order {number} is closed."), number=order.number
                )
            deposit = rules.takes_deposit(S(order.status), order.total)
            kind = PaymentKind.DEPOSIT if deposit else PaymentKind.PAYMENT
            booked, change = value, Decimal("0.00")
            if not deposit:
                booked, change = _tendered(order.total - order.paid, value, method)
            if change:
                note = rules.tendered_note(value, note)
            add_payment_row(
                s,
                order,
                actor,
                kind=kind.value,
                method=method,
                amount=booked,
                note=note,
                at=utcnow(),
            )
            s.flush()
            refresh_money(s, order)
            after = {"kind": kind.value, "method": method, "amount": booked}
            if change:
                after |= {"tendered": value, "change": change}
            record(s, actor, "payment", "work_order", order.id, after=after)
            return to_dto(s, order, actor), Changes(work_orders=True)

    # ------------------------------------------------------------ hand-back, cancel

    def hand_back(
        self,
        actor: Actor,
        order_id: int,
        version: int,
        collected_by: str,
        payment: Decimal | str = Decimal("0.00"),
        method: PaymentMethod | str = PaymentMethod.CASH,
    ) -> tuple[WorkOrderDTO, Changes]:
        """The customer collects: the balance is settled, the repair warranty starts, the passcode
        is erased and the follow-up call is scheduled."""
        actor.require(Permission.EDIT_WORK_ORDERS)
        collected = v.text(F_COLLECTED_BY, collected_by, max_len=120, name_like=True)
        amount = v.money(F_AMOUNT, payment)
        method = v.choice(F_METHOD, str(method), METHODS)
        with self._db.write(actor) as s:
            order = load_order(s, order_id, version, lock=True)
            if S(order.status) not in (S.READY, S.UNREPAIRABLE):
                raise DomainError(
                    QT_TRANSLATE_NOOP(
                        "core", "Work order {number} is not ready for pickup (status: {status})."
                    ),
                    number=order.number,
                    status=Word(rules.STATUS_LABELS[S(order.status)]),
                )
            now = utcnow()
            due = order.total - order.paid
            booked, change = _tendered(due, amount, method)
            if booked > 0:
                add_payment_row(
                    s,
                    order,
                    actor,
                    kind=PaymentKind.PAYMENT.value,
                    method=method,
                    amount=booked,
                    note=rules.tendered_note(amount) if change else "",
                    at=now,
                )
                s.flush()
                refresh_money(s, order)
            balance = order.total - order.paid
            if balance > 0:
                raise DomainError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Work order {number}: {balance} is still due (total {total}, paid {paid}); nothing was saved.",
                    ),
                    number=order.number,
                    balance=balance,
                    total=order.total,
                    paid=order.paid,
                )
            deposits = s.execute(
                select(Payment.amount, Payment.method)
                .where(
                    Payment.work_order_id == order.id,
                    Payment.kind == PaymentKind.DEPOSIT.value,
                )
                .order_by(Payment.at, Payment.id)
            ).tuples()
            back = rules.split_give_back(order.total, order.paid, list(deposits))
            excess = back.total
            if back.deposit:
                # A deposit above the final bill (warranty work, unrepairable) goes straight back
                # across the counter the way it was paid: change, not a refund of charged work.
                add_payment_row(
                    s,
                    order,
                    actor,
                    kind=PaymentKind.CHANGE.value,
                    method=back.deposit_method or method,
                    amount=back.deposit,
                    note="excess deposit returned at hand-back",
                    at=now,
                )
            if back.refund:
                # Payments for charged work above the (re-priced) bill: a refund, given back and
                # so approved by the person handing back, as a deposit refunded at cancel is.
                add_payment_row(
                    s,
                    order,
                    actor,
                    kind=PaymentKind.REFUND.value,
                    method=method,
                    amount=back.refund,
                    note="overpayment refunded at hand-back",
                    at=now,
                )
            if excess:
                s.flush()
                refresh_money(s, order)
            if booked > 0 or excess:
                record(
                    s,
                    actor,
                    "hand_back_money",
                    "work_order",
                    order.id,
                    after={
                        "method": method,
                        "paid": booked,
                        "tendered": amount if change else None,
                        "change": change,
                        "excess_returned": excess,
                        "deposit_returned": back.deposit,
                        "refunded": back.refund,
                    },
                )
            settings = load_settings(s, order.outlet_id)
            repaired = order.status == S.READY.value
            order.collected_by, order.delivered_at = collected, now
            order.repair_warranty_until = (
                _local_today(now) + timedelta(days=settings.repair_warranty_days)
                if repaired
                else None
            )
            _, _, follow_up = settings.limits.for_priority(order.priority)
            s.add(FollowUp(work_order_id=order.id, due_at=now + follow_up))
            s.flush()
            self._step(s, actor, order, S.DELIVERED, now, collected)
            return to_dto(s, order, actor), Changes(work_orders=True)

    def cancel(
        self,
        actor: Actor,
        order_id: int,
        version: int,
        reason: str,
        refund_method: PaymentMethod | str = PaymentMethod.CASH,
    ) -> tuple[WorkOrderDTO, Changes]:
        """Call the job off; whatever was paid (the deposit) is refunded and recorded."""
        actor.require(Permission.EDIT_WORK_ORDERS)
        reason = v.text(F_REASON, reason, max_len=1000, multiline=True)
        method = v.choice(F_METHOD, str(refund_method), METHODS)
        with self._db.write(actor) as s:
            order = load_order(s, order_id, version, lock=True)
            now = utcnow()
            if order.paid > 0:
                add_payment_row(
                    s,
                    order,
                    actor,
                    kind=PaymentKind.REFUND.value,
                    method=method,
                    amount=order.paid,
                    note=reason[:200],
                    at=now,
                )
                s.flush()
            order.closed_at = now
            # Parts taken for it go back on the shelf; what it held is free once it is cancelled.
            stock = settle_order_parts(s, actor, order, {}) or bool(_wanted_parts(s, order.id))
            self._step(s, actor, order, S.CANCELLED, now, reason)
            refresh_money(s, order)
            return to_dto(s, order, actor), Changes(work_orders=True, parts=stock)

    # ------------------------------------------------------------ follow-up (满意度回访)

    def record_follow_up(
        self,
        actor: Actor,
        order_id: int,
        *,
        reached: bool,
        method: ContactMethod | str = ContactMethod.PHONE,
        attitude: int | None = None,
        efficiency: int | None = None,
        solved: int | None = None,
        overall: int | None = None,
        comment: str = "",
        give_up: bool = False,
    ) -> tuple[WorkOrderDTO, Changes]:
        """One follow-up contact. Reached: the scores close the follow-up, in time or late.
        Not reached: an attempt in the history, and the call stays due for another try; with
        `give_up` the outlet stops trying and it is closed as not reachable (counted as not met,
        no satisfaction)."""
        actor.require(Permission.EDIT_WORK_ORDERS)
        method = v.choice(F_CONTACT, str(method), CONTACT_METHODS)
        comment = v.text(F_COMMENT, comment, max_len=2000, required=False, multiline=True)
        scores: tuple[int | None, ...] = (None, None, None, None)
        if reached:
            labels = (
                QT_TRANSLATE_NOOP("core", "Service attitude"),
                QT_TRANSLATE_NOOP("core", "Efficiency"),
                QT_TRANSLATE_NOOP("core", "Problem solved"),
                QT_TRANSLATE_NOOP("core", "Overall"),
            )
            scores = tuple(
                v.integer(label, score, minimum=1, maximum=5)
                for label, score in zip(
                    labels, (attitude, efficiency, solved, overall), strict=True
                )
            )
        give_up = give_up and not reached
        with self._db.write(actor) as s:
            order = load_order(s, order_id, lock=True)
            follow = s.scalar(select(FollowUp).where(FollowUp.work_order_id == order.id))
            if follow is None:
                raise DomainError(
                    QT_TRANSLATE_NOOP("core", "Work order {number} has not been handed back yet."),
                    number=order.number,
                )
            if follow.done_at is not None:
                raise DomainError(
                    QT_TRANSLATE_NOOP("core", "The follow-up of {number} is already recorded."),
                    number=order.number,
                )
            now = utcnow()
            follow.method = method
            # The event's text starts with the method's code; the history puts it in words.
            text = f"{method}: {comment}" if comment else method
            if not reached:
                follow.attempts += 1
            if not reached and not give_up:
                s.flush()
                add_event(s, order, actor, "follow_up_attempt", text)
                record(
                    s,
                    actor,
                    "follow_up_attempt",
                    "work_order",
                    order.id,
                    after={"method": method, "attempts": follow.attempts, "comment": comment},
                )
                return to_dto(s, order, actor), Changes(work_orders=True)
            follow.done_at, follow.user_id, follow.reached, follow.comment = (
                now,
                actor.user_id,
                reached,
                comment,
            )
            follow.attitude, follow.efficiency, follow.solved, follow.overall = scores
            follow.flagged = any(score is not None and score <= LOW_SCORE for score in scores)
            # Only a call that reached the customer can meet the limit; giving up misses it.
            order.follow_up_met = reached and now <= follow.due_at
            order.satisfaction = scores[3]
            s.flush()
            update_clock(s, order)
            kind = "follow_up" if reached else "follow_up_given_up"
            add_event(s, order, actor, kind, text)
            record(
                s,
                actor,
                kind,
                "work_order",
                order.id,
                after={
                    "reached": reached,
                    "method": method,
                    "attempts": follow.attempts,
                    "scores": list(scores),
                    "flagged": follow.flagged,
                },
            )
            return to_dto(s, order, actor), Changes(work_orders=True)

    def follow_ups(
        self, actor: Actor, outlet_id: int | None, *, flagged_only: bool = False, limit: int = 500
    ) -> list[FollowUpTask]:
        """Open follow-up calls (oldest due first), or, for the manager, low scores to look at."""
        actor.require(Permission.VIEW_WORK_ORDERS)
        if flagged_only:
            actor.require(Permission.VIEW_AUDIT)
        query = (
            select(
                FollowUp,
                WorkOrder.number,
                WorkOrder.customer_phone,
                WorkOrder.delivered_at,
                Customer.name,
            )
            .join(WorkOrder, WorkOrder.id == FollowUp.work_order_id)
            .join(Customer, Customer.id == WorkOrder.customer_id)
            .limit(limit)
        )
        if outlet_id is not None:
            query = query.where(WorkOrder.outlet_id == outlet_id)
        if flagged_only:
            query = query.where(FollowUp.flagged).order_by(FollowUp.done_at.desc())
        else:
            query = query.where(FollowUp.done_at.is_(None)).order_by(FollowUp.due_at)
        with self._db.read(actor) as s:
            return [
                FollowUpTask(
                    f.work_order_id,
                    number,
                    name,
                    phone,
                    delivered,
                    f.due_at,
                    f.done_at,
                    f.overall,
                    f.flagged,
                    f.attempts,
                )
                for f, number, phone, delivered, name in s.execute(query)
            ]


CheckedLine = tuple[LineKind, str, Decimal, Decimal, int | None, int | None]


def _tendered(due: Decimal, offered: Decimal, method: str) -> tuple[Decimal, Decimal]:
    """(booked as paid, change given back) for money offered against `due`; refused naming the
    Amount field when it may not be taken (rules.tender)."""
    settled = rules.tender(due, offered, method == PaymentMethod.CASH.value)
    if settled is None:
        raise ValidationError(
            F_AMOUNT,
            QT_TRANSLATE_NOOP("core", "{amount} is more than the balance due ({balance})."),
            amount=offered,
            balance=max(due, Decimal("0.00")),
        )
    return settled.paid, settled.change


def _wanted_parts(s: Session, order_id: int) -> dict[PartAt, int]:
    """How many of each catalogue part the order's saved lines want, per location they are
    taken from (None: the main store)."""
    rows = s.execute(
        select(WorkOrderLine.part_id, WorkOrderLine.location_id, WorkOrderLine.quantity).where(
            WorkOrderLine.work_order_id == order_id,
            WorkOrderLine.kind == LineKind.PART.value,
            WorkOrderLine.part_id.is_not(None),
        )
    )
    wanted: dict[PartAt, int] = {}
    for part_id, location_id, quantity in rows:
        if part_id is not None:
            key = (part_id, location_id)
            wanted[key] = wanted.get(key, 0) + int(quantity)
    return wanted


def _line_sources(s: Session, order: WorkOrder, checked: list[CheckedLine]) -> list[int | None]:
    """Per line, the location its part is taken from as saved: None for the main store (also
    when it is named), else a van or store room of the order's outlet that is in use; refused
    naming the line otherwise. The rows are shared-locked, so a van is not retired under the
    save."""
    sources: list[int | None] = []
    for position, (*_rest, location_id) in enumerate(checked):
        if location_id is None:
            sources.append(None)
            continue
        location = s.get(StockLocation, location_id, with_for_update={"read": True})
        if location is None:
            raise ValidationError(
                F_FROM,
                QT_TRANSLATE_NOOP("core", "line {line}: stock location {id} does not exist."),
                line=position + 1,
                id=location_id,
            )
        if location.outlet_id != order.outlet_id:
            raise ValidationError(
                F_FROM,
                QT_TRANSLATE_NOOP(
                    "core",
                    "line {line}: {location} belongs to another outlet; a repair takes parts "
                    "from its own outlet's store or van.",
                ),
                line=position + 1,
                location=location.name,
            )
        if not location.active:
            raise ValidationError(
                F_FROM,
                QT_TRANSLATE_NOOP(
                    "core",
                    "line {line}: {location} is no longer in use; take the part from another "
                    "location.",
                ),
                line=position + 1,
                location=location.name,
            )
        sources.append(None if location.code == MAIN else location.id)
    return sources


def _van_lines(s: Session, order_id: int) -> dict[str, str]:
    """For the audit: line number -> code of the van its part is taken from (main store left
    out)."""
    rows = s.execute(
        select(WorkOrderLine.position, StockLocation.code)
        .join(StockLocation, StockLocation.id == WorkOrderLine.location_id)
        .where(WorkOrderLine.work_order_id == order_id)
        .order_by(WorkOrderLine.position)
    )
    return {str(position + 1): code for position, code in rows}


def _local_today(now: datetime) -> date:
    return now.astimezone().date()
