"""work orders: warranty end, rework link and the preliminary judgement as data, not a sentence

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch rebuild): rebuilding work_orders on SQLite would drop the
    # triggers that keep the full-text index in step.
    op.add_column("work_orders", sa.Column("warranty_until", sa.Date(), nullable=True))
    op.add_column("work_orders", sa.Column("rework_of", sa.String(length=20), nullable=True))
    op.add_column("work_orders", sa.Column("judgement", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("work_orders") as batch:
        batch.drop_column("judgement")
        batch.drop_column("rework_of")
        batch.drop_column("warranty_until")
