"""The append-only audit log: every service that changes data writes here in the same transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import AuditEntry

if TYPE_CHECKING:
    from .auth import Actor
    from .database import Database


def _json_default(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def _dump(value: dict[str, Any] | None) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_json_default)


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditEntry(
            user_id=actor.user_id,
            username=actor.username,
            outlet_id=actor.outlet_id,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            before=_dump(before),
            after=_dump(after),
        )
    )


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    username: str
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class AuditService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def entries(
        self, actor: Actor, entity: str | None = None, entity_id: object = None, limit: int = 200
    ) -> list[AuditRow]:
        """Newest first. The log holds customers' details, so only managers and admins read it."""
        from .auth import Permission

        actor.require(Permission.VIEW_AUDIT)

        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if entity:
            query = query.where(AuditEntry.entity == entity)
        if entity_id is not None:
            query = query.where(AuditEntry.entity_id == str(entity_id))
        with self._db.read(actor) as s:
            return [
                AuditRow(
                    e.at,
                    e.username,
                    e.action,
                    e.entity,
                    e.entity_id,
                    json.loads(e.before) if e.before else None,
                    json.loads(e.after) if e.after else None,
                )
                for e in s.scalars(query)
            ]
