"""SQLAlchemy models: the schema, nothing else (rules live in core/)."""

from .base import Base, Money, UTCDateTime, utcnow
from .customers import Customer, CustomerPhone
from .organisation import Outlet, Role, User
from .settings import AuditEntry, ShopSetting
from .work_orders import (
    Channel,
    Device,
    FollowUp,
    Judgement,
    LineKind,
    NumberSequence,
    Payment,
    PaymentKind,
    PaymentMethod,
    Priority,
    RefundRequest,
    RefundStatus,
    Warranty,
    WorkOrder,
    WorkOrderEvent,
    WorkOrderLine,
    WorkOrderStatus,
)

__all__ = [
    "Channel",
    "Device",
    "FollowUp",
    "Judgement",
    "LineKind",
    "NumberSequence",
    "Payment",
    "PaymentKind",
    "PaymentMethod",
    "Priority",
    "RefundRequest",
    "RefundStatus",
    "Warranty",
    "WorkOrder",
    "WorkOrderEvent",
    "WorkOrderLine",
    "WorkOrderStatus",
    "AuditEntry",
    "Base",
    "Customer",
    "CustomerPhone",
    "Money",
    "Outlet",
    "Role",
    "ShopSetting",
    "User",
    "UTCDateTime",
    "utcnow",
]
