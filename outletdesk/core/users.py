"""Users and roles (admin only), with the rule that an active administrator always remains."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..models import Role, User
from . import validation as v
from .audit import record
from .auth import Actor, Permission, hash_password
from .changes import Changes
from .database import Database
from .errors import DomainError, NotFound, StaleRecord, ValidationError
from .i18n import QT_TRANSLATE_NOOP
from .outlets import require_outlet

F_USERNAME = QT_TRANSLATE_NOOP("core", "User name")
F_DISPLAY = QT_TRANSLATE_NOOP("core", "Full name")
F_ROLE = QT_TRANSLATE_NOOP("core", "Role")
F_PASSWORD = QT_TRANSLATE_NOOP("core", "Password")
F_OUTLET = QT_TRANSLATE_NOOP("core", "Outlet")
ROLES = tuple(r.value for r in Role)
MIN_PASSWORD = 4


@dataclass(frozen=True)
class UserDTO:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    home_outlet_id: int | None
    last_login_at: datetime | None
    version: int


def _dto(u: User) -> UserDTO:
    return UserDTO(
        u.id,
        u.username,
        u.display_name,
        Role(u.role),
        u.active,
        u.home_outlet_id,
        u.last_login_at,
        u.version,
    )


def _snapshot(u: User) -> dict[str, object]:
    return {
        "username": u.username,
        "display_name": u.display_name,
        "role": u.role,
        "active": u.active,
        "home_outlet_id": u.home_outlet_id,
    }


def check_password(value: object) -> str:
    if not isinstance(value, str) or len(value) < MIN_PASSWORD:
        raise ValidationError(
            F_PASSWORD,
            QT_TRANSLATE_NOOP("core", "must have at least {n} characters."),
            n=MIN_PASSWORD,
        )
    if len(value) > 200:
        raise ValidationError(
            F_PASSWORD,
            QT_TRANSLATE_NOOP("core", "is too long ({length} characters; at most {max})."),
            length=len(value),
            max=200,
        )
    return value


class UserService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, actor: Actor) -> list[UserDTO]:
        actor.require(Permission.MANAGE_USERS)
        with self._db.read(actor) as s:
            return [_dto(u) for u in s.scalars(select(User).order_by(User.username))]

    def names(self) -> builtins.list[str]:
        """Active user names for the sign-in box (no other details)."""
        with self._db.read() as s:
            return list(s.scalars(select(User.username).where(User.active).order_by(User.username)))

    def create(
        self,
        actor: Actor,
        username: str,
        display_name: str,
        role: str,
        password: str,
        home_outlet_id: int | None = None,
    ) -> tuple[UserDTO, Changes]:
        actor.require(Permission.MANAGE_USERS)
        name = v.username(F_USERNAME, username)
        display = v.text(F_DISPLAY, display_name or name, max_len=120, name_like=True)
        role = v.choice(F_ROLE, role, ROLES)
        secret = hash_password(check_password(password))
        try:
            with self._db.write(actor) as s:
                require_outlet(s, F_OUTLET, home_outlet_id)
                user = User(
                    username=name,
                    display_name=display,
                    role=role,
                    password_hash=secret,
                    home_outlet_id=home_outlet_id,
                )
                s.add(user)
                s.flush()
                record(s, actor, "create", "user", user.id, after=_snapshot(user))
                return _dto(user), Changes(users=True)
        except IntegrityError:
            raise ValidationError(
                F_USERNAME, QT_TRANSLATE_NOOP("core", "“{name}” is already taken."), name=name
            ) from None

    def update(
        self,
        actor: Actor,
        user_id: int,
        version: int,
        *,
        display_name: str,
        role: str,
        active: bool,
        home_outlet_id: int | None,
    ) -> tuple[UserDTO, Changes]:
        actor.require(Permission.MANAGE_USERS)
        display = v.text(F_DISPLAY, display_name, max_len=120, name_like=True)
        role = v.choice(F_ROLE, role, ROLES)
        with self._db.write(actor) as s:
            # Lock the administrators first: two admins demoting each other at the same moment
            # on PostgreSQL must not both see "one admin remains" (SQLite writers are serial).
            s.execute(
                select(User.id).where(User.role == Role.ADMIN.value, User.active).with_for_update()
            )
            user = self._load(s, user_id, version)
            require_outlet(s, F_OUTLET, home_outlet_id)
            before = _snapshot(user)
            user.display_name, user.role, user.active, user.home_outlet_id = (
                display,
                role,
                active,
                home_outlet_id,
            )
            s.flush()
            self._keep_an_admin(s)
            record(s, actor, "update", "user", user.id, before=before, after=_snapshot(user))
            return _dto(user), Changes(users=True)

    def set_password(self, actor: Actor, user_id: int, password: str) -> Changes:
        if actor.user_id != user_id:
            actor.require(Permission.MANAGE_USERS)
        secret = hash_password(check_password(password))
        with self._db.write(actor) as s:
            user = s.get(User, user_id)
            if user is None:
                raise NotFound(QT_TRANSLATE_NOOP("core", "User {id} does not exist."), id=user_id)
            user.password_hash = secret
            record(s, actor, "set_password", "user", user.id)
        return Changes(users=True)

    @staticmethod
    def _load(s: Session, user_id: int, version: int) -> User:
        user = s.get(User, user_id)
        if user is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "User {id} does not exist."), id=user_id)
        if user.version != version:
            raise StaleRecord(
                QT_TRANSLATE_NOOP(
                    "core",
                    "User {name} was changed by someone else since you opened it. Nothing was saved.",
                ),
                name=user.username,
            )
        return user

    @staticmethod
    def _keep_an_admin(s: Session) -> None:
        admins = s.scalar(
            select(func.count()).select_from(User).where(User.role == Role.ADMIN.value, User.active)
        )
        if not admins:
            raise DomainError(
                QT_TRANSLATE_NOOP("core", "At least one active administrator must remain.")
            )
