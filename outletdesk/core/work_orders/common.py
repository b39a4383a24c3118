"""Shared by the work-order services: loading with a version check, DTOs, clocks and totals."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ...models import (
    Channel,
    Customer,
    CustomerPhone,
    Device,
    FollowUp,
    Judgement,
    LineKind,
    Outlet,
    Payment,
    PaymentKind,
    PaymentMethod,
    Priority,
    RefundRequest,
    RefundStatus,
    User,
    Warranty,
    WorkOrder,
    WorkOrderEvent,
    WorkOrderLine,
    WorkOrderStatus,
    utcnow,
)
from ..auth import Actor, Permission
from ..errors import NotFound, StaleRecord
from ..i18n import QT_TRANSLATE_NOOP
from ..parts.reservations import order_claims
from ..parts.stock import issued_to_order
from . import rules
from .dto import (
    DeviceDTO,
    EventDTO,
    FollowUpDTO,
    LineDTO,
    OrderPart,
    PaymentDTO,
    RefundDTO,
    WorkOrderDTO,
)
from .settings import load_settings


def load_order(
    s: Session, order_id: int, version: int | None = None, *, lock: bool = False
) -> WorkOrder:
    """The order as saved; with a version, refuse if a colleague saved it since it was opened."""
    query = select(WorkOrder).where(WorkOrder.id == order_id)
    if lock:
        query = query.with_for_update()
    order = s.scalar(query)
    if order is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "Work order {id} does not exist."), id=order_id)
    if version is not None and order.version != version:
        raise StaleRecord(
            QT_TRANSLATE_NOOP(
                "core",
                "Work order {number} was changed by someone else since you opened it. Nothing was "
                "saved; reopen it to see their change.",
            ),
            number=order.number,
        )
    return order


def add_event(
    s: Session,
    order: WorkOrder,
    actor: Actor,
    kind: str,
    text: str = "",
    from_status: str | None = None,
    to_status: str | None = None,
    at: datetime | None = None,
) -> None:
    s.add(
        WorkOrderEvent(
            work_order_id=order.id,
            at=at or utcnow(),
            user_id=actor.user_id,
            username=actor.display_name or actor.username,
            kind=kind,
            from_status=from_status,
            to_status=to_status,
            text=text,
        )
    )


def add_payment_row(
    s: Session,
    order: WorkOrder,
    actor: Actor,
    *,
    kind: str,
    method: str,
    amount: Decimal,
    note: str = "",
    at: datetime | None = None,
) -> None:
    """Money in or out for an order (amount positive; a refund's or change's kind says it went
    back).

    A refund given back by rule (a deposit at cancel) is approved by the person who gives it
    back; change handed back at the counter is no refund and names no approver."""
    s.add(
        Payment(
            work_order_id=order.id,
            at=at or utcnow(),
            user_id=actor.user_id,
            kind=kind,
            method=method,
            amount=amount,
            note=note,
            approved_by_id=actor.user_id if kind == PaymentKind.REFUND.value else None,
        )
    )


def update_clock(s: Session, order: WorkOrder, limits: rules.TimeLimits | None = None) -> None:
    """Recompute the next deadline after any change of status, follow-up or time limits."""
    limits = limits or load_settings(s, order.outlet_id).limits
    followed_up = bool(s.scalar(select(FollowUp.done_at).where(FollowUp.work_order_id == order.id)))
    clock = rules.Clock(
        status=WorkOrderStatus(order.status),
        priority=Priority(order.priority),
        received_at=order.received_at,
        judged_at=order.judged_at,
        ready_at=order.ready_at,
        delivered_at=order.delivered_at,
        waited=timedelta(seconds=order.waiting_approval_seconds + order.waiting_parts_seconds),
        waiting_since=order.waiting_since,
        followed_up=followed_up,
    )
    order.next_due_kind, order.next_due_at = rules.next_deadline(clock, limits)
    judge, execute, follow_up = limits.for_priority(order.priority)
    if order.judged_at is not None and order.judge_met is None:
        order.judge_met = order.judged_at <= order.received_at + judge
    if order.ready_at is not None and order.execute_met is None:
        waited = timedelta(seconds=order.waiting_approval_seconds + order.waiting_parts_seconds)
        order.execute_met = order.ready_at <= order.received_at + execute + waited


def recompute_deadlines(s: Session, outlet_id: int, limits: rules.TimeLimits) -> int:
    """An outlet's time limits changed: every deadline still running there follows the new
    limits (open jobs and follow-up calls not yet made); returns how many orders changed.

    Limits already met or missed stay as they were recorded."""
    changed = 0
    # Locked and in a fixed order: a colleague saving one of these orders meanwhile waits, and the
    # rows are read as they are now (not refused later as changed by someone else).
    running = (
        select(WorkOrder)
        .where(WorkOrder.outlet_id == outlet_id, WorkOrder.next_due_at.is_not(None))
        .order_by(WorkOrder.id)
        .with_for_update()
    )
    for order in s.scalars(running).all():
        before = order.next_due_at
        update_clock(s, order, limits)
        if order.next_due_kind == "follow_up" and order.next_due_at is not None:
            s.execute(
                update(FollowUp)
                .where(FollowUp.work_order_id == order.id, FollowUp.done_at.is_(None))
                .values(due_at=order.next_due_at)
            )
        changed += order.next_due_at != before
    return changed


def refresh_money(s: Session, order: WorkOrder) -> None:
    """Totals and paid kept in step with lines and payments inside the same transaction."""
    amounts = list(
        s.scalars(select(WorkOrderLine.amount).where(WorkOrderLine.work_order_id == order.id))
    )
    if order.status == WorkOrderStatus.CANCELLED.value:
        amounts = []  # a job called off owes nothing; its lines stay as the record of what was planned
    result = rules.totals(amounts, order.discount, order.tax_rate)
    order.subtotal, order.discount, order.tax, order.total = (
        result.subtotal,
        result.discount,
        result.tax,
        result.total,
    )
    payments = s.execute(
        select(Payment.kind, Payment.amount).where(Payment.work_order_id == order.id)
    )
    order.paid = sum((rules.signed(kind, amount) for kind, amount in payments), Decimal("0.00"))


def to_dto(s: Session, order: WorkOrder, actor: Actor) -> WorkOrderDTO:
    customer = s.get(Customer, order.customer_id)
    assert customer is not None
    phones = tuple(
        s.scalars(
            select(CustomerPhone.number)
            .where(CustomerPhone.customer_id == customer.id)
            .order_by(CustomerPhone.position)
        )
    )
    device = s.get(Device, order.device_id)
    assert device is not None
    outlet = s.get(Outlet, order.outlet_id)
    technician = s.get(User, order.technician_id) if order.technician_id else None
    names = dict(s.execute(select(User.id, User.display_name)).tuples().all())
    lines = tuple(
        LineDTO(
            line.id,
            LineKind(line.kind),
            line.description,
            line.quantity,
            line.unit_price,
            line.amount,
            line.part_id,
            line.location_id,
        )
        for line in s.scalars(
            select(WorkOrderLine)
            .where(WorkOrderLine.work_order_id == order.id)
            .order_by(WorkOrderLine.position, WorkOrderLine.id)
        )
    )
    payments = tuple(
        PaymentDTO(
            p.id,
            p.at,
            PaymentKind(p.kind),
            PaymentMethod(p.method),
            p.amount,
            names.get(p.user_id, "") if p.user_id else "",
            p.note,
            names.get(p.approved_by_id, "") if p.approved_by_id else "",
            rules.tendered_in(p.note)
            if p.kind == PaymentKind.PAYMENT.value and p.method == PaymentMethod.CASH.value
            else None,
        )
        for p in s.scalars(
            select(Payment)
            .where(Payment.work_order_id == order.id)
            .order_by(Payment.at, Payment.id)
        )
    )
    events = tuple(
        EventDTO(
            e.at,
            e.username,
            e.kind,
            WorkOrderStatus(e.from_status) if e.from_status else None,
            WorkOrderStatus(e.to_status) if e.to_status else None,
            e.text,
        )
        for e in s.scalars(
            select(WorkOrderEvent)
            .where(WorkOrderEvent.work_order_id == order.id)
            .order_by(WorkOrderEvent.at, WorkOrderEvent.id)
        )
    )
    follow = s.scalar(select(FollowUp).where(FollowUp.work_order_id == order.id))
    follow_dto = (
        FollowUpDTO(
            follow.due_at,
            follow.done_at,
            follow.reached,
            follow.attitude,
            follow.efficiency,
            follow.solved,
            follow.overall,
            follow.comment,
            follow.flagged,
            follow.method,
            follow.attempts,
        )
        if follow
        else None
    )
    condition = tuple(
        (str(item), bool(ok), str(note)) for item, ok, note in json.loads(order.condition or "[]")
    )
    return WorkOrderDTO(
        id=order.id,
        number=order.number,
        outlet_id=order.outlet_id,
        outlet_code=outlet.code if outlet else "",
        status=WorkOrderStatus(order.status),
        priority=Priority(order.priority),
        channel=Channel(order.channel),
        customer_id=customer.id,
        customer_name=customer.name,
        customer_phones=phones,
        device=device_dto(device),
        reported_fault=order.reported_fault,
        customer_demand=order.customer_demand,
        condition=condition,
        accessories=order.accessories,
        has_passcode=bool(order.passcode),
        passcode=order.passcode if actor.can(Permission.SEE_PASSCODE) else None,
        estimate=order.estimate,
        promised_at=order.promised_at,
        technician_id=order.technician_id,
        technician_name=technician.display_name if technician else "",
        warranty=Warranty(order.warranty),
        warranty_note=order.warranty_note,
        warranty_until=order.warranty_until,
        rework_of=order.rework_of,
        judgement=Judgement(order.judgement) if order.judgement else None,
        is_rework=order.warranty == Warranty.REPAIR.value,
        lines=lines,
        discount=order.discount,
        discount_reason=order.discount_reason,
        tax_rate=order.tax_rate,
        subtotal=order.subtotal,
        tax=order.tax,
        total=order.total,
        paid=order.paid,
        payments=payments,
        events=events,
        follow_up=follow_dto,
        received_at=order.received_at,
        judged_at=order.judged_at,
        ready_at=order.ready_at,
        delivered_at=order.delivered_at,
        closed_at=order.closed_at,
        waiting_approval_seconds=order.waiting_approval_seconds,
        waiting_parts_seconds=order.waiting_parts_seconds,
        waiting_since=order.waiting_since,
        next_due_at=order.next_due_at,
        next_due_kind=order.next_due_kind,
        collected_by=order.collected_by,
        repair_warranty_until=order.repair_warranty_until,
        version=order.version,
        refunds=_refunds(s, order, customer.name),
        parts=_parts(s, order, lines),
    )


def _parts(s: Session, order: WorkOrder, lines: tuple[LineDTO, ...]) -> tuple[OrderPart, ...]:
    """Where the order's catalogue parts stand; no stock lookups for an order without any."""
    wanted: dict[int, int] = {}
    for line in lines:
        if line.kind is LineKind.PART and line.part_id is not None:
            wanted[line.part_id] = wanted.get(line.part_id, 0) + int(line.quantity)
    issued = issued_to_order(s, order.id) if wanted else {}
    claims = {c.part_id: c for c in order_claims(s, order, set(wanted))}
    return tuple(
        OrderPart(
            part_id,
            wanted.get(part_id, 0),
            issued.get(part_id, 0),
            claims[part_id].quantity if part_id in claims else 0,
            claims[part_id].held if part_id in claims else 0,
        )
        for part_id in sorted(set(wanted) | set(issued))
    )


def _refunds(s: Session, order: WorkOrder, customer_name: str) -> tuple[RefundDTO, ...]:
    """The order's refund requests; the outlet's review limit is read once, and only if any."""
    requests = s.scalars(
        select(RefundRequest)
        .where(RefundRequest.work_order_id == order.id)
        .order_by(RefundRequest.requested_at, RefundRequest.id)
    ).all()
    if not requests:
        return ()
    days = load_settings(s, order.outlet_id).refund_review_days
    return tuple(refund_dto(r, order.number, customer_name, days) for r in requests)


def device_dto(d: Device) -> DeviceDTO:
    return DeviceDTO(
        d.id,
        d.customer_id,
        d.device_type,
        d.brand,
        d.model,
        d.serial,
        d.imei,
        d.purchase_date,
        d.proof_of_purchase,
        d.colour,
        d.notes,
    )


def refund_dto(r: RefundRequest, number: str, customer_name: str, review_days: int) -> RefundDTO:
    """`review_days`: the outlet's refund review limit in working days (its settings)."""
    return RefundDTO(
        id=r.id,
        work_order_id=r.work_order_id,
        number=number,
        customer_name=customer_name,
        requested_at=r.requested_at,
        requested_by=r.requested_by,
        requested_by_id=r.requested_by_id,
        amount=r.amount,
        method=PaymentMethod(r.method),
        reason=r.reason,
        status=RefundStatus(r.status),
        review_due_at=rules.add_working_days(r.requested_at, review_days),
        decided_at=r.decided_at,
        decided_by=r.decided_by,
        decision_note=r.decision_note,
        version=r.version,
    )
