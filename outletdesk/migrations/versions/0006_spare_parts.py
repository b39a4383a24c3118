"""spare parts: catalogue, suppliers, stock per location, movement ledger

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 02:15:36.590480
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import outletdesk.models.base

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "suppliers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("contact", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=120), nullable=False),
        sa.Column("lead_time_days", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suppliers")),
        sa.UniqueConstraint("name", name=op.f("uq_suppliers_name")),
    )
    op.create_table(
        "parts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column("unit", sa.String(length=12), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=True),
        sa.Column(
            "cost_price", outletdesk.models.base.Money(precision=12, scale=2), nullable=False
        ),
        sa.Column(
            "sale_price", outletdesk.models.base.Money(precision=12, scale=2), nullable=False
        ),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", outletdesk.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["supplier_id"], ["suppliers.id"], name=op.f("fk_parts_supplier_id_suppliers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parts")),
        sa.UniqueConstraint("sku", name=op.f("uq_parts_sku")),
    )
    with op.batch_alter_table("parts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_parts_name_key"), ["name_key"], unique=False)

    op.create_table(
        "stock_locations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["outlet_id"], ["outlets.id"], name=op.f("fk_stock_locations_outlet_id_outlets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_locations")),
        sa.UniqueConstraint("outlet_id", "code", name=op.f("uq_stock_locations_outlet_id")),
    )
    with op.batch_alter_table("stock_locations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stock_locations_outlet_id"), ["outlet_id"], unique=False
        )

    op.create_table(
        "part_barcodes",
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["part_id"],
            ["parts.id"],
            name=op.f("fk_part_barcodes_part_id_parts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_part_barcodes")),
    )
    with op.batch_alter_table("part_barcodes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_part_barcodes_part_id"), ["part_id"], unique=False)

    op.create_table(
        "part_models",
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.Column("model_key", sa.String(length=80), nullable=False),
        sa.Column("model", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["part_id"], ["parts.id"], name=op.f("fk_part_models_part_id_parts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("part_id", "model_key", name=op.f("pk_part_models")),
    )
    with op.batch_alter_table("part_models", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_part_models_model_key"), ["model_key"], unique=False)

    op.create_table(
        "part_stock",
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("avg_cost", outletdesk.models.base.Money(precision=12, scale=2), nullable=False),
        sa.Column("bin", sa.String(length=40), nullable=False),
        sa.Column("min_level", sa.Integer(), nullable=False),
        sa.Column("reorder_qty", sa.Integer(), nullable=False),
        sa.CheckConstraint("on_hand >= 0", name=op.f("ck_part_stock_on_hand_not_negative")),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["stock_locations.id"],
            name=op.f("fk_part_stock_location_id_stock_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["part_id"], ["parts.id"], name=op.f("fk_part_stock_part_id_parts")
        ),
        sa.PrimaryKeyConstraint("part_id", "location_id", name=op.f("pk_part_stock")),
    )
    with op.batch_alter_table("part_stock", schema=None) as batch_op:
        batch_op.create_index("ix_part_stock_location", ["location_id", "part_id"], unique=False)

    op.create_table(
        "stock_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", outletdesk.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=120), nullable=False),
        sa.Column("part_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_cost", outletdesk.models.base.Money(precision=12, scale=2), nullable=False),
        sa.Column("balance", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("work_order_id", sa.Integer(), nullable=True),
        sa.Column("supplier_id", sa.Integer(), nullable=True),
        sa.Column("transfer_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["stock_locations.id"],
            name=op.f("fk_stock_movements_location_id_stock_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["part_id"], ["parts.id"], name=op.f("fk_stock_movements_part_id_parts")
        ),
        sa.ForeignKeyConstraint(
            ["supplier_id"], ["suppliers.id"], name=op.f("fk_stock_movements_supplier_id_suppliers")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_stock_movements_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["work_order_id"],
            ["work_orders.id"],
            name=op.f("fk_stock_movements_work_order_id_work_orders"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_movements")),
    )
    with op.batch_alter_table("stock_movements", schema=None) as batch_op:
        batch_op.create_index("ix_stock_movements_at", ["at"], unique=False)
        batch_op.create_index(
            "ix_stock_movements_part_location", ["part_id", "location_id", "id"], unique=False
        )
        batch_op.create_index("ix_stock_movements_work_order", ["work_order_id"], unique=False)

    # The ledger is append-only, like the audit log: a movement is corrected by another movement.
    if op.get_bind().dialect.name == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER stock_movements_no_{event.lower()} BEFORE {event} "
                "ON stock_movements BEGIN "
                "SELECT RAISE(ABORT, 'stock movements are append-only'); END"
            )
    else:
        op.execute(
            "CREATE FUNCTION stock_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'stock movements are append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE "
            "ON stock_movements FOR EACH ROW EXECUTE FUNCTION stock_movements_append_only()"
        )
    # Every outlet keeps its stock in a main store room to begin with.
    op.execute(
        "INSERT INTO stock_locations (outlet_id, code, name, active) "
        "SELECT id, 'MAIN', 'Main store', true FROM outlets"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS stock_movements_no_update")
        op.execute("DROP TRIGGER IF EXISTS stock_movements_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS stock_movements_append_only ON stock_movements")
        op.execute("DROP FUNCTION IF EXISTS stock_movements_append_only()")
    with op.batch_alter_table("stock_movements", schema=None) as batch_op:
        batch_op.drop_index("ix_stock_movements_work_order")
        batch_op.drop_index("ix_stock_movements_part_location")
        batch_op.drop_index("ix_stock_movements_at")

    op.drop_table("stock_movements")
    with op.batch_alter_table("part_stock", schema=None) as batch_op:
        batch_op.drop_index("ix_part_stock_location")

    op.drop_table("part_stock")
    with op.batch_alter_table("part_models", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_part_models_model_key"))

    op.drop_table("part_models")
    with op.batch_alter_table("part_barcodes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_part_barcodes_part_id"))

    op.drop_table("part_barcodes")
    with op.batch_alter_table("stock_locations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_locations_outlet_id"))

    op.drop_table("stock_locations")
    with op.batch_alter_table("parts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_parts_name_key"))

    op.drop_table("parts")
    op.drop_table("suppliers")
