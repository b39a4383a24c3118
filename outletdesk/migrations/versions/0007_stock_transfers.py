"""stock transfers between outlets: out when sent, in transit, in when received

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 03:04:06.151542
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import outletdesk.models.base

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stock_transfers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.Column("from_location_id", sa.Integer(), nullable=False),
        sa.Column("to_location_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_cost", outletdesk.models.base.Money(precision=12, scale=2), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("sent_at", outletdesk.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("sent_by", sa.String(length=120), nullable=False),
        sa.Column("received_at", outletdesk.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("received_by", sa.String(length=120), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_stock_transfers_quantity_positive")),
        sa.ForeignKeyConstraint(
            ["from_location_id"],
            ["stock_locations.id"],
            name=op.f("fk_stock_transfers_from_location_id_stock_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["part_id"], ["parts.id"], name=op.f("fk_stock_transfers_part_id_parts")
        ),
        sa.ForeignKeyConstraint(
            ["to_location_id"],
            ["stock_locations.id"],
            name=op.f("fk_stock_transfers_to_location_id_stock_locations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_transfers")),
    )
    op.create_index(
        "ix_stock_transfers_status", "stock_transfers", ["status", "to_location_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_stock_transfers_status", table_name="stock_transfers")
    op.drop_table("stock_transfers")
