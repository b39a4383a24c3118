"""Migration 0011: device types an outlet saved before it (always stored alphabetically) get the
usual ones back first, so the intake no longer preselects "laptop"; other orders are kept."""

from __future__ import annotations

import json

from sqlalchemy import text
from test_van_parts import _database_at_0009


def test_device_types_saved_alphabetically_get_the_usual_order_back(db_url, request, tmp_path):
    from alembic import command

    from outletdesk.core.database import _alembic_config, migrate, migration_connection
    from outletdesk.core.work_orders.settings import load_settings

    db, cleanup = _database_at_0009(request, tmp_path)
    try:
        migrate(db, backup_dir=tmp_path / "backups")
        with migration_connection(db) as conn:
            command.downgrade(_alembic_config(conn), "0010")
        stored = {
            1: {"laptop": 24, "other": 12, "phone": 12, "tablet": 12, "watch": 6},  # old save
            2: {"drone": 6, "laptop": 24, "phone": 12},  # with an own type
            3: {"watch": 6, "phone": 12},  # an order someone chose: kept
        }
        with db.engine.begin() as conn:
            for outlet, types in stored.items():
                conn.execute(
                    text("INSERT INTO shop_settings (key, value, updated_at) VALUES (:k, :v, :t)"),
                    {
                        "k": f"work_orders.outlet.{outlet}",
                        "v": json.dumps({"device_types": types, "tax_rate": "6.00"}),
                        "t": "2026-01-01 00:00:00",
                    },
                )
        migrate(db, backup_dir=tmp_path / "backups")
        with db.read() as s:
            got = {o: list(load_settings(s, o).device_types.items()) for o in stored}
            tax = load_settings(s, 1).tax_rate
        assert got[1] == [
            ("phone", 12),
            ("tablet", 12),
            ("laptop", 24),
            ("watch", 6),
            ("other", 12),
        ]
        assert got[2] == [("phone", 12), ("laptop", 24), ("drone", 6)]
        assert got[3] == [("watch", 6), ("phone", 12)]
        assert str(tax) == "6.00"  # the rest of the settings untouched
    finally:
        db.dispose()
        if cleanup:
            server, name = cleanup
            server.admin_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
