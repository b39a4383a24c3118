"""a work order's part line may be taken from a van (a stock location of the outlet)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 10:00:00.000000

One nullable column: NULL is the outlet's main store, so every existing line keeps its meaning.
Added in place; SQLite takes the REFERENCES inline (ALTER TABLE cannot add a constraint later).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "work_order_lines",
        sa.Column("location_id", sa.Integer(), sa.ForeignKey("stock_locations.id"), nullable=True),
        inline_references=op.get_bind().dialect.name == "sqlite",
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":  # SQLite drops it with its inline REFERENCES
        op.drop_constraint(
            op.f("fk_work_order_lines_location_id_stock_locations"),
            "work_order_lines",
            type_="foreignkey",
        )
    op.drop_column("work_order_lines", "location_id")
