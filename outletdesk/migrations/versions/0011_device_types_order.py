"""device types saved before 0011 were stored in alphabetical order: put the usual ones back first

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-23 12:40:00.000000

Saving the work-order settings wrote the device types sorted by name, so an outlet that had ever
saved them listed "laptop" first and the intake preselected it. Saving now keeps the order given.
For each outlet whose stored types are in exactly alphabetical order (what the old save always
wrote), the default types it has come first, in the default order (phone, tablet, laptop, watch,
other), then its own types in their stored order. Months and names are unchanged.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

USUAL_ORDER = ("phone", "tablet", "laptop", "watch", "other")  # the defaults as of 0011


def reordered(types: dict[str, int]) -> dict[str, int] | None:
    """The types with the usual ones first, or None when they need no change."""
    names = list(types)
    if len(names) < 2 or names != sorted(names):
        return None
    first = [n for n in USUAL_ORDER if n in types]
    order = first + [n for n in names if n not in first]
    return None if order == names else {n: types[n] for n in order}


def upgrade() -> None:
    bind = op.get_bind()
    settings = sa.table("shop_settings", sa.column("key", sa.String), sa.column("value", sa.Text))
    rows = bind.execute(
        sa.select(settings.c.key, settings.c.value).where(
            settings.c.key.like("work_orders.outlet.%")
        )
    ).all()
    for key, value in rows:
        data = json.loads(value)
        types = reordered(data.get("device_types") or {})
        if types is not None:
            data["device_types"] = types
            bind.execute(
                settings.update()
                .where(settings.c.key == key)
                .values(value=json.dumps(data, default=str, ensure_ascii=False))
            )


def downgrade() -> None:
    pass  # the order is kept either way; nothing to undo
