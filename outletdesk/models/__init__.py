"""SQLAlchemy models: the schema, nothing else (rules live in core/)."""

from .base import Base, Money, UTCDateTime, utcnow
from .customers import Customer, CustomerPhone
from .organisation import Outlet, Role, User
from .settings import AuditEntry, ShopSetting

__all__ = [
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
