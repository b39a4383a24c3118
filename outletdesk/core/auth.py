"""Who is acting: password hashing, signing in, and what each role may do."""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import os
from dataclasses import dataclass

from sqlalchemy import func, select, update

from ..models import Role, User, utcnow
from .audit import record
from .database import Database
from .errors import DomainError, PermissionDenied, Word
from .i18n import QT_TRANSLATE_NOOP

# scrypt is memory-hard (16 MiB per hash with these parameters) and ships with Python.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(
        password.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
    )
    b64 = base64.b64encode
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = hashlib.scrypt(
            password.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=32,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, base64.b64decode(digest))


class Permission(enum.StrEnum):
    VIEW_CUSTOMERS = "view_customers"
    EDIT_CUSTOMERS = "edit_customers"
    EXPORT_DATA = "export_data"
    EDIT_SETTINGS = "edit_settings"
    MANAGE_OUTLETS = "manage_outlets"
    MANAGE_USERS = "manage_users"
    BACKUP = "backup"
    VIEW_AUDIT = "view_audit"
    VIEW_WORK_ORDERS = "view_work_orders"
    EDIT_WORK_ORDERS = "edit_work_orders"
    SEE_PASSCODE = "see_passcode"
    APPROVE_REFUNDS = "approve_refunds"
    VIEW_STOCK = "view_stock"
    MANAGE_STOCK = "manage_stock"  # catalogue, receiving, adjustments, stocktake
    VIEW_EQUIPMENT = "view_equipment"
    MANAGE_EQUIPMENT = "manage_equipment"  # the register, status, plans
    LOG_MAINTENANCE = "log_maintenance"  # upkeep done, breakdowns, meter readings


_ALL = frozenset(Permission)
_COUNTER = frozenset(
    {
        Permission.VIEW_CUSTOMERS,
        Permission.EDIT_CUSTOMERS,
        Permission.VIEW_WORK_ORDERS,
        Permission.EDIT_WORK_ORDERS,
        Permission.VIEW_STOCK,
        Permission.VIEW_EQUIPMENT,
    }
)
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    # A device's passcode is for the technician who repairs it, no one else.
    Role.ADMIN: _ALL - {Permission.SEE_PASSCODE},
    Role.MANAGER: _ALL - {Permission.MANAGE_USERS, Permission.SEE_PASSCODE},
    Role.CLERK: _COUNTER,
    # Technicians use the tools and instruments: they log breakdowns and readings too.
    Role.TECHNICIAN: _COUNTER | {Permission.SEE_PASSCODE, Permission.LOG_MAINTENANCE},
    Role.MAINTENANCE: frozenset(
        {
            Permission.VIEW_CUSTOMERS,
            Permission.VIEW_WORK_ORDERS,
            Permission.VIEW_STOCK,
            Permission.VIEW_EQUIPMENT,
            Permission.MANAGE_EQUIPMENT,
            Permission.LOG_MAINTENANCE,
        }
    ),
}

# What a permission lets one do, for the refusal ("may not do this (approve refunds)").
PERMISSION_LABELS: dict[Permission, str] = {
    Permission.VIEW_CUSTOMERS: QT_TRANSLATE_NOOP("core", "see customers"),
    Permission.EDIT_CUSTOMERS: QT_TRANSLATE_NOOP("core", "change customers"),
    Permission.EXPORT_DATA: QT_TRANSLATE_NOOP("core", "export data"),
    Permission.EDIT_SETTINGS: QT_TRANSLATE_NOOP("core", "change settings"),
    Permission.MANAGE_OUTLETS: QT_TRANSLATE_NOOP("core", "manage outlets"),
    Permission.MANAGE_USERS: QT_TRANSLATE_NOOP("core", "manage users"),
    Permission.BACKUP: QT_TRANSLATE_NOOP("core", "back up the database"),
    Permission.VIEW_AUDIT: QT_TRANSLATE_NOOP("core", "see the audit log"),
    Permission.VIEW_WORK_ORDERS: QT_TRANSLATE_NOOP("core", "see work orders"),
    Permission.EDIT_WORK_ORDERS: QT_TRANSLATE_NOOP("core", "change work orders"),
    Permission.SEE_PASSCODE: QT_TRANSLATE_NOOP("core", "see device passcodes"),
    Permission.APPROVE_REFUNDS: QT_TRANSLATE_NOOP("core", "approve refunds"),
    Permission.VIEW_STOCK: QT_TRANSLATE_NOOP("core", "see stock"),
    Permission.MANAGE_STOCK: QT_TRANSLATE_NOOP("core", "manage stock"),
    Permission.VIEW_EQUIPMENT: QT_TRANSLATE_NOOP("core", "see equipment"),
    Permission.MANAGE_EQUIPMENT: QT_TRANSLATE_NOOP("core", "manage equipment"),
    Permission.LOG_MAINTENANCE: QT_TRANSLATE_NOOP("core", "log maintenance"),
}
ROLE_LABELS = {
    Role.ADMIN: QT_TRANSLATE_NOOP("core", "Administrator"),
    Role.MANAGER: QT_TRANSLATE_NOOP("core", "Outlet manager"),
    Role.CLERK: QT_TRANSLATE_NOOP("core", "Counter clerk"),
    Role.TECHNICIAN: QT_TRANSLATE_NOOP("core", "Technician"),
    Role.MAINTENANCE: QT_TRANSLATE_NOOP("core", "Maintenance staff"),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in person (or the command line) on whose behalf a service acts."""

    user_id: int | None
    username: str
    display_name: str
    role: Role
    outlet_id: int | None = None

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("core", "Your role ({role}) may not do this ({permission})."),
                role=Word(ROLE_LABELS[self.role]),
                permission=Word(PERMISSION_LABELS[permission]),
            )

    def at_outlet(self, outlet_id: int | None) -> Actor:
        return Actor(self.user_id, self.username, self.display_name, self.role, outlet_id)

    @classmethod
    def command_line(cls) -> Actor:
        """The command line runs with the machine owner's authority, and is audited as such."""
        return cls(None, "command-line", "Command line", Role.ADMIN)


_BAD_LOGIN = QT_TRANSLATE_NOOP("core", "Wrong user name or password.")


class AuthService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def has_users(self) -> bool:
        with self._db.read() as s:
            return bool(s.scalar(select(func.count()).select_from(User)))

    def sign_in(self, username: str, password: str) -> Actor:
        """Check the password without holding the write lock (scrypt is slow on purpose)."""
        name = username.strip().lower()
        with self._db.read() as s:
            user = s.scalar(select(User).where(User.username == name))
        if user is None or not verify_password(password, user.password_hash):
            with self._db.write() as s:
                nobody = Actor(None, name[:40] or "?", "", Role.CLERK)
                record(s, nobody, "sign_in_failed", "user", user.id if user else "")
            raise DomainError(_BAD_LOGIN)
        if not user.active:
            raise DomainError(
                QT_TRANSLATE_NOOP("core", "The account {username} is disabled."),
                username=user.username,
            )
        actor = Actor(
            user.id, user.username, user.display_name, Role(user.role), user.home_outlet_id
        )
        with self._db.write(actor) as s:
            s.execute(update(User).where(User.id == user.id).values(last_login_at=utcnow()))
            record(s, actor, "sign_in", "user", user.id)
        return actor
