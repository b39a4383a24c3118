"""First start of an empty database: the first outlet and its administrator."""

from __future__ import annotations

from sqlalchemy import func, select

from ..models import Role, User
from .auth import Actor
from .changes import Changes
from .database import Database
from .errors import DomainError
from .i18n import QT_TRANSLATE_NOOP
from .outlets import OutletInput, OutletService
from .users import UserService


def set_up_first_run(
    db: Database,
    outlet: OutletInput,
    username: str,
    display_name: str,
    password: str,
) -> tuple[Actor, Changes]:
    """Create the first outlet and administrator; refused once any user exists."""
    with db.read() as s:
        if s.scalar(select(func.count()).select_from(User)):
            raise DomainError(
                QT_TRANSLATE_NOOP("core", "This database is already set up; sign in instead.")
            )
    setup = Actor(None, "first-run", "First run", Role.ADMIN)
    created, _ = OutletService(db).create(setup, outlet)
    user, _ = UserService(db).create(
        setup, username, display_name, Role.ADMIN.value, password, created.id
    )
    actor = Actor(user.id, user.username, user.display_name, Role.ADMIN, created.id)
    return actor, Changes(outlets=True, users=True)
