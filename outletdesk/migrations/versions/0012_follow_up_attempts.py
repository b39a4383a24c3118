"""a follow-up call that does not reach the customer is an attempt; the contact method is kept

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-23 20:20:00.000000

Two columns on follow_ups: `method` (phone / in person / online; NULL for follow-ups recorded
before, whose method nobody wrote down) and `attempts` (unanswered tries, 0 for every row).

Before 0012, "customer not reached" closed the follow-up for good and counted its time limit as
met. Those rows stay closed: they now read as closed as not reachable after one try (what the
outlet can no longer change; reopening them would put long-overdue calls at the top of
"Follow-up calls due"), and their order's follow-up is counted as not met, since nobody spoke to
the customer. Their who, when and comment are kept as they were.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.add_column(sa.Column("method", sa.String(length=10), nullable=True))
        batch_op.add_column(
            sa.Column("attempts", sa.Integer(), nullable=False, server_default=sa.text("0"))
        )
    follow_ups = sa.table(
        "follow_ups",
        sa.column("work_order_id", sa.Integer),
        sa.column("done_at", sa.DateTime),
        sa.column("reached", sa.Boolean),
        sa.column("attempts", sa.Integer),
    )
    work_orders = sa.table(
        "work_orders", sa.column("id", sa.Integer), sa.column("follow_up_met", sa.Boolean)
    )
    unreached = sa.and_(follow_ups.c.done_at.is_not(None), follow_ups.c.reached.is_(False))
    bind = op.get_bind()
    bind.execute(
        work_orders.update()
        .where(work_orders.c.id.in_(sa.select(follow_ups.c.work_order_id).where(unreached)))
        .values(follow_up_met=False)
    )
    bind.execute(follow_ups.update().where(unreached).values(attempts=1))


def downgrade() -> None:
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.drop_column("attempts")
        batch_op.drop_column("method")
