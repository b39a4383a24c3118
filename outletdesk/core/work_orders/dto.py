"""What the work-order services take in and hand out (plain frozen dataclasses, never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from ...models import (
    Channel,
    Judgement,
    LineKind,
    PaymentKind,
    PaymentMethod,
    Priority,
    RefundStatus,
    Warranty,
    WorkOrderStatus,
)
from ..customers import CustomerInput
from .rules import can_move, device_label


@dataclass(frozen=True)
class DeviceInput:
    device_type: str
    brand: str = ""
    model: str = ""
    serial: str = ""
    imei: str = ""
    purchase_date: date | str | None = None
    proof_of_purchase: str = ""
    colour: str = ""
    notes: str = ""


@dataclass(frozen=True)
class IntakeInput:
    """Everything the counter records when a device comes in."""

    device: DeviceInput
    reported_fault: str
    customer_id: int | None = None
    new_customer: CustomerInput | None = None  # created inline when customer_id is None
    customer_demand: str = ""
    channel: Channel | str = Channel.WALK_IN
    priority: Priority | str = Priority.NORMAL
    condition: tuple[tuple[str, bool, str], ...] = ()  # (item, ok, note)
    accessories: str = ""
    passcode: str = ""
    estimate: Decimal | str = Decimal("0.00")
    deposit: Decimal | str = Decimal("0.00")
    deposit_method: PaymentMethod | str = PaymentMethod.CASH
    promised_at: datetime | None = None
    technician_id: int | None = None


@dataclass(frozen=True)
class LineInput:
    kind: LineKind | str
    description: str
    quantity: Decimal | str | int  # minutes for labour
    unit_price: Decimal | str | int  # hourly rate for labour
    part_id: int | None = None
    location_id: int | None = None  # a catalogue part from a van of the outlet; None: main store


@dataclass(frozen=True)
class DeviceDTO:
    id: int
    customer_id: int
    device_type: str
    brand: str
    model: str
    serial: str
    imei: str
    purchase_date: date | None
    proof_of_purchase: str
    colour: str
    notes: str

    @property
    def label(self) -> str:
        return device_label(self.brand, self.model, self.device_type)


@dataclass(frozen=True)
class WarrantyDTO:
    kind: Warranty
    until: date | None
    rework: bool
    last_order_number: str | None


@dataclass(frozen=True)
class LineDTO:
    id: int
    kind: LineKind
    description: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    part_id: int | None
    location_id: int | None = None  # the van a catalogue part is taken from; None: main store


@dataclass(frozen=True)
class OrderPart:
    """A catalogue part on the order's lines: how many they want, how many went out to the order,
    and, while it awaits parts, how many it claims and how many of those the shelf holds for it."""

    part_id: int
    wanted: int
    issued: int
    reserved: int = 0  # wanted less issued, while the order awaits parts
    held: int = (
        0  # of the reserved, on the shelf and kept for this order (first come, first served)
    )

    @property
    def short(self) -> int:
        return self.reserved - self.held


@dataclass(frozen=True)
class PaymentDTO:
    id: int
    at: datetime
    kind: PaymentKind
    method: PaymentMethod
    amount: Decimal
    username: str
    note: str
    approved_by: str = ""  # refunds only
    tendered: Decimal | None = None  # cash handed over for a payment, when more than it booked

    @property
    def change(self) -> Decimal:
        """Change given back from the cash tendered for this payment."""
        return self.tendered - self.amount if self.tendered is not None else Decimal("0.00")

    @property
    def goes_back(self) -> bool:
        """A refund or change: money handed back to the customer."""
        return self.kind in (PaymentKind.REFUND, PaymentKind.CHANGE)


@dataclass(frozen=True)
class OrderSummary:
    """One line of a customer's or a device's repair history (no lines, payments or events)."""

    id: int
    number: str
    received_at: datetime
    status: WorkOrderStatus
    device_label: str
    reported_fault: str


@dataclass(frozen=True)
class RefundDTO:
    """A refund asked for after hand-back and where its review stands."""

    id: int
    work_order_id: int
    number: str  # the work order's
    customer_name: str
    requested_at: datetime
    requested_by: str
    requested_by_id: int | None
    amount: Decimal
    method: PaymentMethod
    reason: str
    status: RefundStatus
    review_due_at: datetime
    decided_at: datetime | None
    decided_by: str
    decision_note: str
    version: int


@dataclass(frozen=True)
class EventDTO:
    at: datetime
    username: str
    kind: str  # status, internal_note, customer_note, escalation
    from_status: WorkOrderStatus | None
    to_status: WorkOrderStatus | None
    text: str


@dataclass(frozen=True)
class FollowUpDTO:
    due_at: datetime
    done_at: datetime | None
    reached: bool | None
    attitude: int | None
    efficiency: int | None
    solved: int | None
    overall: int | None
    comment: str
    flagged: bool
    method: str | None = None  # ContactMethod; None for follow-ups recorded before 0012
    attempts: int = 0  # calls that did not reach the customer


@dataclass(frozen=True)
class WorkOrderDTO:
    id: int
    number: str
    outlet_id: int
    outlet_code: str
    status: WorkOrderStatus
    priority: Priority
    channel: Channel
    customer_id: int
    customer_name: str
    customer_phones: tuple[str, ...]
    device: DeviceDTO
    reported_fault: str
    customer_demand: str
    condition: tuple[tuple[str, bool, str], ...]
    accessories: str
    has_passcode: bool
    passcode: str | None  # only for those allowed to see it
    estimate: Decimal
    promised_at: datetime | None
    technician_id: int | None
    technician_name: str
    warranty: Warranty
    warranty_note: str  # the reason given when the warranty was judged
    warranty_until: date | None
    rework_of: str | None  # the earlier order this one reworks
    judgement: Judgement | None
    is_rework: bool
    lines: tuple[LineDTO, ...]
    discount: Decimal
    discount_reason: str
    tax_rate: Decimal
    subtotal: Decimal
    tax: Decimal
    total: Decimal
    paid: Decimal
    payments: tuple[PaymentDTO, ...]
    events: tuple[EventDTO, ...]
    follow_up: FollowUpDTO | None
    received_at: datetime
    judged_at: datetime | None
    ready_at: datetime | None
    delivered_at: datetime | None
    closed_at: datetime | None
    waiting_approval_seconds: int
    waiting_parts_seconds: int
    waiting_since: datetime | None
    next_due_at: datetime | None
    next_due_kind: str | None
    collected_by: str
    repair_warranty_until: date | None
    version: int
    refunds: tuple[RefundDTO, ...] = ()
    parts: tuple[OrderPart, ...] = ()  # per catalogue part on the lines, in part id order

    @property
    def parts_ready(self) -> bool:
        """Awaiting parts, and all it claims is now on the shelf, held for it: work can go on."""
        return (
            self.status is WorkOrderStatus.AWAITING_PARTS
            and any(p.reserved for p in self.parts)
            and all(p.short == 0 for p in self.parts)
        )

    @property
    def can_wait_for_parts(self) -> bool:
        """Whether saving the lines may set the order awaiting parts (when a part is short)."""
        return self.status is WorkOrderStatus.AWAITING_PARTS or can_move(
            self.status, WorkOrderStatus.AWAITING_PARTS
        )

    def part(self, part_id: int) -> OrderPart | None:
        """Where a part line's part stands (issued, held, short), for the line's display."""
        return next((p for p in self.parts if p.part_id == part_id), None)

    @property
    def refunded(self) -> Decimal:
        """Money given back after hand-back on approved requests (it lowers what was charged)."""
        return sum(
            (r.amount for r in self.refunds if r.status is RefundStatus.APPROVED), Decimal("0.00")
        )

    @property
    def balance(self) -> Decimal:
        return self.total - self.refunded - self.paid

    @property
    def refundable(self) -> Decimal:
        """What a new refund request may still ask for: paid, less requests awaiting review."""
        pending = sum(
            (r.amount for r in self.refunds if r.status is RefundStatus.PENDING), Decimal("0.00")
        )
        return max(self.paid - pending, Decimal("0.00"))

    @property
    def deposit(self) -> Decimal:
        return sum(
            (p.amount for p in self.payments if p.kind is PaymentKind.DEPOSIT), Decimal("0.00")
        )
