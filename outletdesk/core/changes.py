"""What a write changed, so each panel refreshes only what concerns it."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    outlets: bool = False
    users: bool = False
    customers: bool = False
    settings: bool = False
    work_orders: bool = False
    parts: bool = False  # catalogue or stock
    equipment: bool = False  # register, plans, upkeep records
    database: bool = False  # restore or switch: everything must reload

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))
