"""Repair work orders (维修工单): devices, orders, their lines, payments, status history, follow-up."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Money, UTCDateTime, utcnow


class WorkOrderStatus(enum.StrEnum):
    RECEIVED = "received"
    DIAGNOSING = "diagnosing"
    AWAITING_APPROVAL = "awaiting_approval"
    AWAITING_PARTS = "awaiting_parts"
    IN_REPAIR = "in_repair"
    READY = "ready"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"
    UNREPAIRABLE = "unrepairable"


class Priority(enum.StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"


class Channel(enum.StrEnum):
    WALK_IN = "walk_in"
    PHONE = "phone"
    ONLINE = "online"
    EMAIL = "email"


class ContactMethod(enum.StrEnum):
    """How a follow-up reached (or tried to reach) the customer (DOMAIN: satisfaction methods)."""

    PHONE = "phone"
    IN_PERSON = "in_person"
    ONLINE = "online"


class Warranty(enum.StrEnum):
    NONE = "none"
    MANUFACTURER = "manufacturer"
    REPAIR = "repair"  # back within our repair warranty: a rework


class Judgement(enum.StrEnum):
    """The preliminary judgement (初步判断) of what went wrong."""

    QUALITY_DEFECT = "quality_defect"
    TRANSPORT_DAMAGE = "transport_damage"
    MISUSE = "misuse"
    WEAR = "wear"


class RefundStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class LineKind(enum.StrEnum):
    LABOUR = "labour"
    PART = "part"
    FEE = "fee"


class PaymentKind(enum.StrEnum):
    DEPOSIT = "deposit"
    PAYMENT = "payment"
    REFUND = "refund"
    # Money handed straight back at the counter: the deposit above the final bill at hand-back.
    # Not a refund of charged work, so nobody approves it (kind fits String(10): no migration).
    CHANGE = "change"


class PaymentMethod(enum.StrEnum):
    CASH = "cash"
    CARD = "card"
    TRANSFER = "transfer"
    OTHER = "other"


class Device(Base):
    """A customer's device; recognised again by serial number or IMEI."""

    __tablename__ = "devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    device_type: Mapped[str] = mapped_column(String(40))
    brand: Mapped[str] = mapped_column(String(60), default="")
    model: Mapped[str] = mapped_column(String(80), default="")
    serial: Mapped[str] = mapped_column(String(60), default="", index=True)
    imei: Mapped[str] = mapped_column(String(15), default="", index=True)
    purchase_date: Mapped[date | None] = mapped_column(Date, default=None)
    proof_of_purchase: Mapped[str] = mapped_column(String(60), default="")
    colour: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class NumberSequence(Base):
    """The last number issued per outlet and series; incremented in the order's own transaction."""

    __tablename__ = "number_sequences"

    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id"), primary_key=True)
    series: Mapped[str] = mapped_column(String(20), primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class WorkOrder(Base):
    __tablename__ = "work_orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id"))
    number: Mapped[str] = mapped_column(String(20), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    priority: Mapped[str] = mapped_column(String(10), default=Priority.NORMAL.value)
    channel: Mapped[str] = mapped_column(String(10), default=Channel.WALK_IN.value)
    reported_fault: Mapped[str] = mapped_column(Text)
    customer_demand: Mapped[str] = mapped_column(Text, default="")
    condition: Mapped[str] = mapped_column(Text, default="[]")  # JSON: [[item, ok, note], ...]
    accessories: Mapped[str] = mapped_column(Text, default="")
    # Erased when the order is delivered or cancelled; shown to technicians only.
    passcode: Mapped[str | None] = mapped_column(String(100), default=None)
    estimate: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    promised_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    warranty: Mapped[str] = mapped_column(String(20), default=Warranty.NONE.value)
    warranty_note: Mapped[str] = mapped_column(String(200), default="")  # why, when judged
    warranty_until: Mapped[date | None] = mapped_column(Date, default=None)
    rework_of: Mapped[str | None] = mapped_column(String(20), default=None)  # the earlier order
    judgement: Mapped[str | None] = mapped_column(String(20), default=None)  # Judgement
    discount: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    discount_reason: Mapped[str] = mapped_column(String(200), default="")
    tax_rate: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal("0.00"))  # percent
    # Totals kept with the lines and payments in the same transaction, for lists and logs.
    subtotal: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    tax: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    total: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    paid: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    judged_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    ready_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    # Waiting for the customer's approval or for parts pauses the execution clock.
    waiting_approval_seconds: Mapped[int] = mapped_column(Integer, default=0)
    waiting_parts_seconds: Mapped[int] = mapped_column(Integer, default=0)
    waiting_since: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    # The next time limit and which one; NULL while nothing is due (paused or finished).
    next_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    next_due_kind: Mapped[str | None] = mapped_column(String(12), default=None)
    judge_met: Mapped[bool | None] = mapped_column(Boolean, default=None)
    execute_met: Mapped[bool | None] = mapped_column(Boolean, default=None)
    follow_up_met: Mapped[bool | None] = mapped_column(Boolean, default=None)
    collected_by: Mapped[str] = mapped_column(String(120), default="")
    repair_warranty_until: Mapped[date | None] = mapped_column(Date, default=None)
    satisfaction: Mapped[int | None] = mapped_column(SmallInteger, default=None)  # overall 1-5
    # Case-folded copies for search without joins (the list must stay fast at a million orders).
    customer_name_key: Mapped[str] = mapped_column(String(120), default="")
    customer_phone: Mapped[str] = mapped_column(String(20), default="")
    device_model_key: Mapped[str] = mapped_column(String(150), default="")
    serial: Mapped[str] = mapped_column(String(60), default="")
    imei: Mapped[str] = mapped_column(String(15), default="")
    # number, customer, phone, serial, IMEI and model in one case-folded text: the one column
    # full-text search indexes (SQLite FTS5 trigram; PostgreSQL pg_trgm).
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_work_orders_received", "received_at", "id"),
        Index("ix_work_orders_status_received", "status", "received_at"),
        Index("ix_work_orders_outlet_received", "outlet_id", "received_at"),
        # The Counter opens on "open orders at this outlet": counted from the index alone.
        Index("ix_work_orders_outlet_status_received", "outlet_id", "status", "received_at"),
        Index("ix_work_orders_technician_received", "technician_id", "received_at"),
        Index("ix_work_orders_next_due", "next_due_at"),
        Index("ix_work_orders_customer_phone", "customer_phone"),
        Index("ix_work_orders_serial", "serial"),
        Index("ix_work_orders_imei", "imei"),
    )


class WorkOrderLine(Base):
    """Labour (minutes at an hourly rate), a part (quantity at a unit price) or another fee."""

    __tablename__ = "work_order_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    work_order_id: Mapped[int] = mapped_column(
        ForeignKey("work_orders.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(10))
    description: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[Decimal] = mapped_column(Numeric(10, 2))  # minutes for labour
    unit_price: Mapped[Decimal] = mapped_column(Money())  # hourly rate for labour
    amount: Mapped[Decimal] = mapped_column(Money())  # zero when covered by warranty
    # Ready for the parts catalogue (a later issue): the stock item this part came from.
    part_id: Mapped[int | None] = mapped_column(Integer, default=None)
    # Where a catalogue part is taken from: a van or second store room of the order's outlet;
    # NULL is the outlet's main store (every line saved before vans could be chosen).
    location_id: Mapped[int | None] = mapped_column(ForeignKey("stock_locations.id"), default=None)


class WorkOrderEvent(Base):
    """Status changes, notes and escalations: who, when, what (the order's visible history)."""

    __tablename__ = "work_order_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    work_order_id: Mapped[int] = mapped_column(
        ForeignKey("work_orders.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    username: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(
        String(20)
    )  # status, internal_note, customer_note, escalation
    from_status: Mapped[str | None] = mapped_column(String(20), default=None)
    to_status: Mapped[str | None] = mapped_column(String(20), default=None)
    text: Mapped[str] = mapped_column(Text, default="")


class Payment(Base):
    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    work_order_id: Mapped[int] = mapped_column(
        ForeignKey("work_orders.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    kind: Mapped[str] = mapped_column(String(10))
    method: Mapped[str] = mapped_column(String(10))
    # Positive; a refund's or a change's kind says it goes back.
    amount: Mapped[Decimal] = mapped_column(Money())
    # A cash payment taken from more than was due says what was tendered (rules.tendered_note).
    note: Mapped[str] = mapped_column(String(200), default="")
    # Every refund names who approved it (DOMAIN.md): a manager for a requested refund, the clerk
    # for the deposit given back by rule at cancel. Change given back at hand-back has none.
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)


class RefundRequest(Base):
    """A refund asked for after hand-back (partial refund, refund of a failed repair), reviewed by
    a manager: approved (money goes back as a refund payment) or rejected with a reason the
    customer is told."""

    __tablename__ = "refund_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id"), index=True)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    requested_by: Mapped[str] = mapped_column(String(120))  # as long as a display name
    amount: Mapped[Decimal] = mapped_column(Money())
    method: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default=RefundStatus.PENDING.value, index=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    decided_by: Mapped[str] = mapped_column(String(120), default="")
    decision_note: Mapped[str] = mapped_column(Text, default="")
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"), default=None)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class FollowUp(Base):
    """The satisfaction call after hand-back (满意度回访), due within the follow-up limit.

    Done (done_at) when the customer was reached, with scores; or when the outlet gave up
    (reached False: closed as not reachable, the limit counted as missed). Unanswered calls in
    between only count `attempts` and leave it due."""

    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    work_order_id: Mapped[int] = mapped_column(
        ForeignKey("work_orders.id", ondelete="CASCADE"), unique=True
    )
    due_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    reached: Mapped[bool | None] = mapped_column(Boolean, default=None)
    attitude: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    efficiency: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    solved: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    overall: Mapped[int | None] = mapped_column(SmallInteger, default=None)
    comment: Mapped[str] = mapped_column(Text, default="")
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)  # a score <= 2: the manager looks
    # How the customer was reached (the last try when closed unreached); NULL before 0012.
    method: Mapped[str | None] = mapped_column(String(10), default=None)  # ContactMethod
    # Tries that did not reach the customer; each is also a line in the order's history.
    attempts: Mapped[int] = mapped_column(Integer, default=0)
