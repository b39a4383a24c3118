"""refunds after hand-back: requests reviewed by a manager; every refund names who approved it

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import outletdesk.models.base

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (SQLite takes an inline reference; no batch rebuild of a large table).
    # SQLite reflects this inline constraint without its name: a later batch operation on
    # payments must pass the naming convention to find it.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE payments ADD COLUMN approved_by_id INTEGER "
            "CONSTRAINT fk_payments_approved_by_id_users REFERENCES users (id)"
        )
    else:
        op.add_column("payments", sa.Column("approved_by_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_payments_approved_by_id_users"),
            "payments",
            "users",
            ["approved_by_id"],
            ["id"],
        )
    op.create_table(
        "refund_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("work_order_id", sa.Integer(), nullable=False),
        sa.Column(
            "requested_at", outletdesk.models.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("requested_by_id", sa.Integer(), nullable=True),
        sa.Column("requested_by", sa.String(length=120), nullable=False),
        sa.Column("amount", outletdesk.models.base.Money(precision=12, scale=2), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("decided_at", outletdesk.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_by", sa.String(length=120), nullable=False),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["users.id"], name=op.f("fk_refund_requests_decided_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_refund_requests_payment_id_payments")
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_id"],
            ["users.id"],
            name=op.f("fk_refund_requests_requested_by_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["work_order_id"],
            ["work_orders.id"],
            name=op.f("fk_refund_requests_work_order_id_work_orders"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refund_requests")),
    )
    # Refunds given back by rule before this revision (a deposit at cancel, an overpayment at
    # hand-back) were approved by whoever gave them back.
    op.execute(
        "UPDATE payments SET approved_by_id = user_id "
        "WHERE kind = 'refund' AND approved_by_id IS NULL"
    )
    op.create_index(op.f("ix_refund_requests_status"), "refund_requests", ["status"], unique=False)
    op.create_index(
        op.f("ix_refund_requests_work_order_id"),
        "refund_requests",
        ["work_order_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_refund_requests_work_order_id"), table_name="refund_requests")
    op.drop_index(op.f("ix_refund_requests_status"), table_name="refund_requests")
    op.drop_table("refund_requests")
    with op.batch_alter_table("payments") as batch:
        batch.drop_column("approved_by_id")
