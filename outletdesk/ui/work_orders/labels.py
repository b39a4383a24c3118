"""How the work-order screens name statuses, priorities, channels and methods, translated."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ...core.work_orders.rules import DEVICE_TYPE_WORDS, STATUS_LABELS
from ...models import (
    Channel,
    LineKind,
    PaymentKind,
    PaymentMethod,
    Priority,
    RefundStatus,
    Warranty,
    WorkOrderStatus,
)

S = WorkOrderStatus


def status_text(status: WorkOrderStatus | str) -> str:
    """One set of status names for lists, histories, exports and printouts (core's)."""
    return QCoreApplication.translate("core", STATUS_LABELS[S(status)])


def device_type_text(name: str) -> str:
    """The default device types are translated; a type an outlet added shows as typed."""
    english = DEVICE_TYPE_WORDS.get(f"type_{name}")
    return QCoreApplication.translate("core", english) if english else name


def device_with_type(device_type: str, label: str) -> str:
    """ "phone · Apple iPhone 12" (the type translated); just the type for a device known by
    nothing else (its label is then its type)."""
    kind = device_type_text(device_type)
    return kind if label in ("", device_type) else f"{kind} · {label}"


def priority_text(priority: Priority | str) -> str:
    return (
        QCoreApplication.translate("work_orders", "Urgent")
        if Priority(priority) is Priority.URGENT
        else QCoreApplication.translate("work_orders", "Normal")
    )


def channel_text(channel: Channel | str) -> str:
    return {
        Channel.WALK_IN: QCoreApplication.translate("work_orders", "Walk-in"),
        Channel.PHONE: QCoreApplication.translate("work_orders", "Phone"),
        Channel.ONLINE: QCoreApplication.translate("work_orders", "Online"),
        Channel.EMAIL: QCoreApplication.translate("work_orders", "E-mail"),
    }[Channel(channel)]


def method_text(method: PaymentMethod | str) -> str:
    return {
        PaymentMethod.CASH: QCoreApplication.translate("work_orders", "Cash"),
        PaymentMethod.CARD: QCoreApplication.translate("work_orders", "Card"),
        PaymentMethod.TRANSFER: QCoreApplication.translate("work_orders", "Transfer"),
        PaymentMethod.OTHER: QCoreApplication.translate("work_orders", "Other"),
    }[PaymentMethod(method)]


def payment_kind_text(kind: PaymentKind | str) -> str:
    return {
        PaymentKind.DEPOSIT: QCoreApplication.translate("work_orders", "Deposit"),
        PaymentKind.PAYMENT: QCoreApplication.translate("work_orders", "Payment"),
        PaymentKind.REFUND: QCoreApplication.translate("work_orders", "Refund"),
        PaymentKind.CHANGE: QCoreApplication.translate("work_orders", "Excess deposit returned"),
    }[PaymentKind(kind)]


def line_kind_text(kind: LineKind | str) -> str:
    return {
        LineKind.LABOUR: QCoreApplication.translate("work_orders", "Labour"),
        LineKind.PART: QCoreApplication.translate("work_orders", "Part"),
        LineKind.FEE: QCoreApplication.translate("work_orders", "Fee"),
    }[LineKind(kind)]


def refund_status_text(status: RefundStatus | str) -> str:
    return {
        RefundStatus.PENDING: QCoreApplication.translate("work_orders", "Awaiting review"),
        RefundStatus.APPROVED: QCoreApplication.translate("work_orders", "Approved"),
        RefundStatus.REJECTED: QCoreApplication.translate("work_orders", "Declined"),
    }[RefundStatus(status)]


def due_kind_text(kind: str | None) -> str:
    return {
        "judge": QCoreApplication.translate("work_orders", "first judgement"),
        "execute": QCoreApplication.translate("work_orders", "repair"),
        "follow_up": QCoreApplication.translate("work_orders", "follow-up call"),
    }.get(kind or "", "")


def warranty_text(kind: Warranty | str, until: object, rework_of: str | None) -> str:
    """Plain words for the counter: what covers this device, and until when."""
    kind = Warranty(kind)
    if kind is Warranty.REPAIR:
        if not until:
            return QCoreApplication.translate(
                "work_orders", "Rework: back within repair warranty of {number}"
            ).format(number=rework_of or "?")
        return QCoreApplication.translate(
            "work_orders", "Rework: back within repair warranty of {number} (until {until})"
        ).format(number=rework_of or "?", until=until)
    if kind is Warranty.MANUFACTURER:
        if not until:  # judged so by the technician, with no purchase date to count from
            return QCoreApplication.translate("work_orders", "Manufacturer warranty")
        return QCoreApplication.translate(
            "work_orders", "Manufacturer warranty until {until}"
        ).format(until=until)
    return QCoreApplication.translate("work_orders", "No warranty: chargeable")


# Deadline colours: ok / due soon / overdue (rules.deadline_state)
DEADLINE_COLOURS = {"ok": "#2e7d32", "due_soon": "#ef6c00", "overdue": "#c62828"}


def deadline_colour(state: str) -> QColor | None:
    colour = DEADLINE_COLOURS.get(state)
    return QColor(colour) if colour else None


def deadline_text(kind: str | None, due: datetime | None, state: str) -> str:
    from ..formats import local_datetime

    if due is None:
        return QCoreApplication.translate("work_orders", "nothing due")
    text = QCoreApplication.translate("work_orders", "{what} due {when}").format(
        what=due_kind_text(kind), when=local_datetime(due)
    )
    if state == "overdue":
        text = QCoreApplication.translate("work_orders", "OVERDUE: {text}").format(text=text)
    return text
