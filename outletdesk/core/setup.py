"""First start of an empty database: the first outlet and its administrator, in one transaction."""

from __future__ import annotations

from sqlalchemy import func, select

from ..models import Outlet, Role, StockLocation, User
from . import validation as v
from .audit import record
from .auth import Actor, hash_password
from .changes import Changes
from .database import Database
from .errors import DomainError
from .i18n import QT_TRANSLATE_NOOP
from .outlets import OutletInput
from .users import F_DISPLAY, F_USERNAME, check_password


def set_up_first_run(
    db: Database,
    outlet: OutletInput,
    username: str,
    display_name: str,
    password: str,
) -> tuple[Actor, Changes]:
    """Create the first outlet and administrator; refused once any user exists."""
    data = outlet.validated()
    name = v.username(F_USERNAME, username)
    display = v.text(F_DISPLAY, display_name or name, max_len=120, name_like=True)
    secret = hash_password(check_password(password))
    with db.write() as s:
        if s.scalar(select(func.count()).select_from(User)):
            raise DomainError(
                QT_TRANSLATE_NOOP("core", "This database is already set up; sign in instead.")
            )
        created = s.scalar(select(Outlet).where(Outlet.code == data.code))
        if created is None:
            created = Outlet(**data.__dict__)
            s.add(created)
            s.flush()
            s.add(StockLocation(outlet_id=created.id, code="MAIN", name="Main store"))
        user = User(
            username=name,
            display_name=display,
            role=Role.ADMIN.value,
            password_hash=secret,
            home_outlet_id=created.id,
        )
        s.add(user)
        s.flush()
        actor = Actor(user.id, user.username, user.display_name, Role.ADMIN, created.id)
        record(
            s,
            actor,
            "first_run",
            "outlet",
            created.id,
            after={"code": data.code, "name": data.name, "admin": name},
        )
    return actor, Changes(outlets=True, users=True)
