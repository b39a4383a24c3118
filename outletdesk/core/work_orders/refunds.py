"""Refunds after hand-back (退款): a clerk asks, a manager reviews within the refund time limit.

DOMAIN.md: every refund is recorded with reason, amount, time and who approved it; a rejected
refund tells the customer why; the customer can ask how their refund stands. An approved request
becomes a refund payment on the order (named approver) and lowers what the order charged; a
rejected one is written in the order's history with the reason, which its printouts carry.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...models import (
    Customer,
    Payment,
    PaymentKind,
    PaymentMethod,
    RefundRequest,
    RefundStatus,
    WorkOrder,
    WorkOrderStatus,
    utcnow,
)
from .. import validation as v
from ..audit import record
from ..auth import Actor, Permission
from ..changes import Changes
from ..database import Database
from ..errors import DomainError, NotFound, StaleRecord, ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from .common import add_event, load_order, refresh_money, refund_dto, to_dto
from .dto import RefundDTO, WorkOrderDTO
from .settings import load_settings

F_AMOUNT = QT_TRANSLATE_NOOP("core", "Amount")
F_METHOD = QT_TRANSLATE_NOOP("core", "Payment method")
F_REASON = QT_TRANSLATE_NOOP("core", "Reason")
F_NOTE = QT_TRANSLATE_NOOP("core", "Note")  # an approval's optional note for the customer
METHODS = tuple(m.value for m in PaymentMethod)
REFUNDABLE = (WorkOrderStatus.DELIVERED.value,)


class RefundService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def request(
        self,
        actor: Actor,
        order_id: int,
        amount: Decimal | str,
        method: PaymentMethod | str,
        reason: str,
    ) -> tuple[WorkOrderDTO, Changes]:
        """Ask for money back on a handed-back order; it waits for a manager's review."""
        actor.require(Permission.EDIT_WORK_ORDERS)
        value = v.money(F_AMOUNT, amount)
        method = v.choice(F_METHOD, str(method), METHODS)
        reason = v.text(F_REASON, reason, max_len=1000, multiline=True)
        if value <= 0:
            raise ValidationError(F_AMOUNT, QT_TRANSLATE_NOOP("core", "must be more than zero."))
        with self._db.write(actor) as s:
            order = load_order(s, order_id, lock=True)
            if order.status not in REFUNDABLE:
                raise DomainError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Work order {number} has not been handed back; a deposit is returned by "
                        "cancelling the job, an overpayment at hand-back.",
                    ),
                    number=order.number,
                )
            refundable = order.paid - _pending_total(s, order.id)
            if value > refundable:
                raise ValidationError(
                    F_AMOUNT,
                    QT_TRANSLATE_NOOP(
                        "core",
                        "{amount} is more than can be refunded ({refundable}: paid, less refunds "
                        "awaiting review).",
                    ),
                    amount=value,
                    refundable=max(refundable, Decimal("0.00")),
                )
            now = utcnow()
            refund = RefundRequest(
                work_order_id=order.id,
                requested_at=now,
                requested_by_id=actor.user_id,
                requested_by=actor.display_name or actor.username,
                amount=value,
                method=method,
                reason=reason,
            )
            s.add(refund)
            s.flush()
            add_event(s, order, actor, "refund_requested", _describe(value, reason), at=now)
            order.updated_at = now  # a new version: the order's money view changed
            record(
                s,
                actor,
                "refund_request",
                "work_order",
                order.id,
                after={"refund": refund.id, "amount": value, "method": method, "reason": reason},
            )
            s.flush()
            return to_dto(s, order, actor), Changes(work_orders=True)

    def approve(
        self, actor: Actor, refund_id: int, version: int, note: str = ""
    ) -> tuple[WorkOrderDTO, Changes]:
        """The manager agrees: the money goes back as a refund payment naming them."""
        actor.require(Permission.APPROVE_REFUNDS)
        note = v.text(F_NOTE, note, max_len=1000, multiline=True, required=False)
        with self._db.write(actor) as s:
            refund, order = self._pending(s, refund_id, version)
            if refund.requested_by_id is not None and refund.requested_by_id == actor.user_id:
                raise DomainError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "You asked for this refund yourself; another manager or an administrator "
                        "must approve it.",
                    )
                )
            available = order.paid - _pending_total(s, order.id) + refund.amount
            if refund.amount > available:
                raise DomainError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Work order {number}: only {available} is left to refund; reject this "
                        "request and ask for a smaller amount.",
                    ),
                    number=order.number,
                    available=max(available, Decimal("0.00")),
                )
            now = utcnow()
            payment = Payment(
                work_order_id=order.id,
                at=now,
                user_id=refund.requested_by_id,  # who gives the money back at the counter
                kind=PaymentKind.REFUND.value,
                method=refund.method,
                amount=refund.amount,
                note=refund.reason[:200],
                approved_by_id=actor.user_id,
            )
            s.add(payment)
            s.flush()
            refund.payment_id = payment.id
            self._decide(s, actor, refund, RefundStatus.APPROVED, note, now)
            refresh_money(s, order)
            add_event(
                s,
                order,
                actor,
                "refund_approved",
                _describe(refund.amount, note),
                at=now,
            )
            record(
                s,
                actor,
                "refund_approve",
                "work_order",
                order.id,
                after={"refund": refund.id, "amount": refund.amount, "payment": payment.id},
            )
            s.flush()
            return to_dto(s, order, actor), Changes(work_orders=True)

    def reject(
        self, actor: Actor, refund_id: int, version: int, reason: str
    ) -> tuple[WorkOrderDTO, Changes]:
        """The manager declines, with the reason the customer is told (a customer note)."""
        actor.require(Permission.APPROVE_REFUNDS)
        reason = v.text(F_REASON, reason, max_len=1000, multiline=True)
        with self._db.write(actor) as s:
            refund, order = self._pending(s, refund_id, version)
            now = utcnow()
            self._decide(s, actor, refund, RefundStatus.REJECTED, reason, now)
            order.updated_at = now
            add_event(
                s,
                order,
                actor,
                "refund_rejected",
                _describe(refund.amount, reason),
                at=now,
            )
            record(
                s,
                actor,
                "refund_reject",
                "work_order",
                order.id,
                after={"refund": refund.id, "amount": refund.amount, "reason": reason},
            )
            s.flush()
            return to_dto(s, order, actor), Changes(work_orders=True)

    def awaiting_review(self, actor: Actor, outlet_id: int | None = None) -> list[RefundDTO]:
        """Requests no manager has decided yet, oldest first (for the approver's list)."""
        actor.require(Permission.VIEW_WORK_ORDERS)
        with self._db.read(actor) as s:
            query = (
                select(RefundRequest, WorkOrder.number, Customer.name, WorkOrder.outlet_id)
                .join(WorkOrder, WorkOrder.id == RefundRequest.work_order_id)
                .join(Customer, Customer.id == WorkOrder.customer_id)
                .where(RefundRequest.status == RefundStatus.PENDING.value)
                .order_by(RefundRequest.requested_at, RefundRequest.id)
            )
            if outlet_id is not None:
                query = query.where(WorkOrder.outlet_id == outlet_id)
            days: dict[int, int] = {}
            found = []
            for r, number, name, outlet in s.execute(query).tuples():
                if outlet not in days:
                    days[outlet] = load_settings(s, outlet).refund_review_days
                found.append(refund_dto(r, number, name, days[outlet]))
            return found

    def count_awaiting_review(self, actor: Actor, outlet_id: int | None = None) -> int:
        actor.require(Permission.VIEW_WORK_ORDERS)
        with self._db.read(actor) as s:
            query = (
                select(func.count())
                .select_from(RefundRequest)
                .join(WorkOrder, WorkOrder.id == RefundRequest.work_order_id)
                .where(RefundRequest.status == RefundStatus.PENDING.value)
            )
            if outlet_id is not None:
                query = query.where(WorkOrder.outlet_id == outlet_id)
            return int(s.scalar(query) or 0)

    # ------------------------------------------------------------ helpers

    @staticmethod
    def _pending(s: Session, refund_id: int, version: int) -> tuple[RefundRequest, WorkOrder]:
        refund = s.scalar(
            select(RefundRequest).where(RefundRequest.id == refund_id).with_for_update()
        )
        if refund is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("core", "Refund request {id} does not exist."), id=refund_id
            )
        order = load_order(s, refund.work_order_id, lock=True)
        if refund.version != version or refund.status != RefundStatus.PENDING.value:
            raise StaleRecord(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The refund request on {number} was decided or changed by someone else. "
                    "Nothing was saved; reopen the order to see it.",
                ),
                number=order.number,
            )
        return refund, order

    @staticmethod
    def _decide(
        s: Session,
        actor: Actor,
        refund: RefundRequest,
        status: RefundStatus,
        note: str,
        now: datetime,
    ) -> None:
        refund.status = status.value
        refund.decided_at = now
        refund.decided_by_id = actor.user_id
        refund.decided_by = actor.display_name or actor.username
        refund.decision_note = note
        s.flush()


def _pending_total(s: Session, order_id: int) -> Decimal:
    amounts = s.scalars(
        select(RefundRequest.amount).where(
            RefundRequest.work_order_id == order_id,
            RefundRequest.status == RefundStatus.PENDING.value,
        )
    )
    return sum(amounts, Decimal("0.00"))


def _describe(amount: Decimal, text: str) -> str:
    """The history line's text; its kind (refund_requested/approved/rejected) is the word the
    window and the printouts translate."""
    return f"{amount:.2f}" + (f" – {text}" if text else "")
