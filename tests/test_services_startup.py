"""Start-up reads only what the sign-in and the first page need: services are made, and their
modules imported, on first use; exactly once even when two threads ask at the same moment."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from outletdesk.core.database import configure_models
from outletdesk.core.services import Services

ROOT = Path(__file__).resolve().parent.parent


def test_opening_the_database_does_not_load_the_parts_and_equipment_code(tmp_path):
    url = f"sqlite:///{tmp_path / 'shop.sqlite3'}"
    Services.open(url).db.dispose()  # made and migrated here: a later start finds it current
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from outletdesk.core.services import Services
        services = Services.open({url!r})
        services.auth.has_users()
        services.outlets.list()
        later = ("outletdesk.core.parts.catalogue", "outletdesk.core.equipment.maintenance",
                 "outletdesk.core.equipment.register", "outletdesk.core.work_orders.refunds",
                 # an SQLite shop's start needs no PostgreSQL dialect (a model's
                 # postgresql_* option would import it)
                 "sqlalchemy.dialects.postgresql")
        print("loaded at start:", [m for m in later if m in sys.modules])
        services.maintenance, services.catalogue
        print("loaded on use:", [m for m in later if m in sys.modules])
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    assert "loaded at start: []" in out
    on_use = out.split("loaded on use:")[1]
    assert "outletdesk.core.parts.catalogue" in on_use
    assert "outletdesk.core.equipment.maintenance" in on_use


def test_no_module_of_the_core_or_window_loads_postgresql_for_an_sqlite_shop(tmp_path):
    """PostgreSQL's dialect is imported only where a PostgreSQL database is used: importing it
    costs an SQLite shop about 50 ms of a start, and the Counter's services import the stock
    ledger and the numbering, which write with ON CONFLICT."""
    script = textwrap.dedent(
        f"""
        import importlib, pkgutil, sys
        sys.path.insert(0, {str(ROOT)!r})
        import outletdesk
        for info in pkgutil.walk_packages(outletdesk.__path__, "outletdesk."):
            if ".migrations" not in info.name and not info.name.endswith("__main__"):
                importlib.import_module(info.name)
        print("modules:", len(sys.modules), "postgresql:", "sqlalchemy.dialects.postgresql" in sys.modules)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    assert "postgresql: False" in out, out


def test_a_service_is_made_once_for_every_thread(services):
    fresh = Services.for_database(services.db)
    gate = threading.Barrier(8)
    got: list[object] = []

    def ask() -> None:
        gate.wait()
        got.append(fresh.stocktake)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 8 and all(g is got[0] for g in got)
    assert fresh.stocktake is got[0] and fresh.auth is fresh.auth
    assert fresh.stocktake is not services.stocktake  # one per Services, not one per process


def test_the_models_can_be_configured_before_the_first_query(services, outlet):
    configure_models()
    configure_models()  # a second start in the same process changes nothing
    assert [o.code for o in services.outlets.list()] == [outlet.code]
