"""purchase orders and stocktakes; stock movements link to them

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 03:32:14.046342

Written from autogenerate with its spurious drops (the SQLite full-text tables and
ix_work_orders_name_key, which the models do not describe) taken out. The two new columns of
stock_movements are added in place: a batch rebuild of that table would drop its append-only
triggers (and copy the whole ledger).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import outletdesk.models.base

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "purchase_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", outletdesk.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_at", outletdesk.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ordered_at", outletdesk.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ordered_by", sa.String(length=120), nullable=False),
        sa.Column("expected_on", sa.Date(), nullable=True),
        sa.Column("received_at", outletdesk.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", outletdesk.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("cancel_reason", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["stock_locations.id"],
            name=op.f("fk_purchase_orders_location_id_stock_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["outlet_id"], ["outlets.id"], name=op.f("fk_purchase_orders_outlet_id_outlets")
        ),
        sa.ForeignKeyConstraint(
            ["supplier_id"], ["suppliers.id"], name=op.f("fk_purchase_orders_supplier_id_suppliers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_orders")),
        sa.UniqueConstraint("number", name=op.f("uq_purchase_orders_number")),
    )
    op.create_index(
        "ix_purchase_orders_status", "purchase_orders", ["status", "location_id"], unique=False
    )
    op.create_index(
        op.f("ix_purchase_orders_supplier_id"), "purchase_orders", ["supplier_id"], unique=False
    )

    op.create_table(
        "purchase_order_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("purchase_order_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_cost", outletdesk.models.base.Money(precision=12, scale=2), nullable=False),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_purchase_order_lines_quantity_positive")),
        sa.CheckConstraint(
            "received >= 0 AND received <= quantity",
            name=op.f("ck_purchase_order_lines_received_in_range"),
        ),
        sa.ForeignKeyConstraint(
            ["part_id"], ["parts.id"], name=op.f("fk_purchase_order_lines_part_id_parts")
        ),
        sa.ForeignKeyConstraint(
            ["purchase_order_id"],
            ["purchase_orders.id"],
            name=op.f("fk_purchase_order_lines_purchase_order_id_purchase_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_order_lines")),
        sa.UniqueConstraint(
            "purchase_order_id", "part_id", name=op.f("uq_purchase_order_lines_purchase_order_id")
        ),
    )
    op.create_index(
        op.f("ix_purchase_order_lines_part_id"), "purchase_order_lines", ["part_id"], unique=False
    )

    op.create_table(
        "stocktakes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column("bin_prefix", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("started_at", outletdesk.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("started_by", sa.String(length=120), nullable=False),
        sa.Column(
            "last_count_at", outletdesk.models.base.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("closed_at", outletdesk.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=120), nullable=False),
        sa.Column("cancel_reason", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["stock_locations.id"],
            name=op.f("fk_stocktakes_location_id_stock_locations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktakes")),
        sa.UniqueConstraint("number", name=op.f("uq_stocktakes_number")),
    )
    op.create_index(
        "ix_stocktakes_one_open",
        "stocktakes",
        ["location_id"],
        unique=True,
        sqlite_where=sa.text("status = 'open'"),
        postgresql_where=sa.text("status = 'open'"),
    )

    op.create_table(
        "stocktake_lines",
        sa.Column("stocktake_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.Column("bin", sa.String(length=40), nullable=False),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("base_movement_id", sa.Integer(), nullable=False),
        sa.Column("counted", sa.Integer(), nullable=True),
        sa.Column("counted_at", outletdesk.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("counted_by", sa.String(length=120), nullable=False),
        sa.CheckConstraint("counted >= 0", name=op.f("ck_stocktake_lines_counted_not_negative")),
        sa.ForeignKeyConstraint(
            ["part_id"], ["parts.id"], name=op.f("fk_stocktake_lines_part_id_parts")
        ),
        sa.ForeignKeyConstraint(
            ["stocktake_id"],
            ["stocktakes.id"],
            name=op.f("fk_stocktake_lines_stocktake_id_stocktakes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("stocktake_id", "part_id", name=op.f("pk_stocktake_lines")),
    )

    # The ledger's links to its new sources. SQLite takes the REFERENCES inline (ALTER TABLE
    # cannot add a constraint later); PostgreSQL gets the named constraint from Alembic.
    sqlite = op.get_bind().dialect.name == "sqlite"
    for column, table in (("purchase_order_id", "purchase_orders"), ("stocktake_id", "stocktakes")):
        op.add_column(
            "stock_movements",
            sa.Column(column, sa.Integer(), sa.ForeignKey(f"{table}.id"), nullable=True),
            inline_references=sqlite,
        )
    op.create_index(
        "ix_stock_movements_purchase_order", "stock_movements", ["purchase_order_id"], unique=False
    )
    op.create_index(
        "ix_stock_movements_stocktake", "stock_movements", ["stocktake_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_stock_movements_stocktake", table_name="stock_movements")
    op.drop_index("ix_stock_movements_purchase_order", table_name="stock_movements")
    sqlite = op.get_bind().dialect.name == "sqlite"
    for column, table in (("stocktake_id", "stocktakes"), ("purchase_order_id", "purchase_orders")):
        if not sqlite:  # SQLite (3.35+) drops the column with its inline REFERENCES in place
            op.drop_constraint(
                op.f(f"fk_stock_movements_{column}_{table}"), "stock_movements", type_="foreignkey"
            )
        op.drop_column("stock_movements", column)
    op.drop_table("stocktake_lines")
    op.drop_index("ix_stocktakes_one_open", table_name="stocktakes")
    op.drop_table("stocktakes")
    op.drop_index(op.f("ix_purchase_order_lines_part_id"), table_name="purchase_order_lines")
    op.drop_table("purchase_order_lines")
    op.drop_index(op.f("ix_purchase_orders_supplier_id"), table_name="purchase_orders")
    op.drop_index("ix_purchase_orders_status", table_name="purchase_orders")
    op.drop_table("purchase_orders")
