"""Equipment at scale: BENCH_EQ_ASSETS assets (default 10,000) over four outlets with
BENCH_EQ_RECORDS maintenance records (default 500,000), a plan per category and one of their own
for every fifth asset, built once in <temp>/outletdesk-bench-equipment/.

Figures: the due list of one outlet, an asset's history, and recomputing every plan's next due;
each beside a plain sqlite3 query of the rows it reads, timed in the same run.

BENCH_EQ_ASSETS=2000 BENCH_EQ_RECORDS=100000 python bench/run.py equipment   # a quick look
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from common import Figure, best_of

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ASSETS = int(os.environ.get("BENCH_EQ_ASSETS", "10000"))
RECORDS = int(os.environ.get("BENCH_EQ_RECORDS", "500000"))
FOLDER = Path(tempfile.gettempdir()) / "outletdesk-bench-equipment"
OUTLETS = ("N", "S", "E", "W")
DUE_MS = HISTORY_MS = 100.0
RECOMPUTE_S = 2.0


def _database() -> Path:
    FOLDER.mkdir(exist_ok=True)
    path = FOLDER / f"equipment-{ASSETS}-{RECORDS}.sqlite3"
    if path.exists():
        return path
    building = path.with_suffix(".building")
    building.unlink(missing_ok=True)
    _build(building)
    building.rename(path)
    return path


def _build(path: Path) -> None:
    from outletdesk.core.auth import Actor
    from outletdesk.core.equipment.maintenance import ItemInput, PlanInput
    from outletdesk.core.outlets import OutletInput
    from outletdesk.core.services import Services

    started = time.perf_counter()
    services = Services.open(f"sqlite:///{path}")
    admin = Actor.command_line()
    outlets = [
        services.outlets.create(admin, OutletInput(code, f"Outlet {code}"))[0].id
        for code in OUTLETS
    ]
    categories = [c.id for c in services.equipment.categories(admin)]
    rng = random.Random(5)
    conn = sqlite3.connect(path)
    conn.execute("BEGIN IMMEDIATE")
    now = "2026-11-01 08:00:00.000000"
    conn.executemany(
        "INSERT INTO assets (id, tag, name, name_key, category_id, make, model, serial, outlet_id,"
        " location, acceptance_result, accepted_by, acceptance_notes, status, retire_reason,"
        " notes, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '',"
        " 'in_service', '', '', ?, 1)",
        [
            (n, f"EQ-{OUTLETS[n % 4]}-{n:06d}", f"Instrument {n} 仪器", f"instrument {n} 仪器",
             categories[n % len(categories)], "Make", f"M{n % 40}", f"SN{n}", outlets[n % 4], now)
            for n in range(1, ASSETS + 1)
        ],
    )  # fmt: skip
    start = datetime(2016, 1, 1, tzinfo=UTC)
    span = (datetime(2026, 11, 1, tzinfo=UTC) - start).total_seconds()
    kinds = ("planned", "planned", "planned", "repair", "breakdown")
    rows = []
    for n in range(1, RECORDS + 1):
        asset = rng.randint(1, ASSETS)
        done = start + timedelta(seconds=rng.random() * span)
        kind = kinds[n % 5]
        down = done.strftime("%Y-%m-%d %H:%M:%S.%f") if kind == "breakdown" else None
        back = (done + timedelta(hours=rng.randint(1, 30))).strftime("%Y-%m-%d %H:%M:%S.%f")
        rows.append(
            (n, f"MR-B-{n:07d}", asset, outlets[asset % 4], kind,
             done.strftime("%Y-%m-%d %H:%M:%S.%f"), "bench", rng.randint(10, 120), down,
             back if down else None, "wear" if down else "", "", 1, "", now)
        )  # fmt: skip
    conn.executemany(
        "INSERT INTO maintenance_records (id, number, asset_id, outlet_id, kind, done_at, done_by,"
        " minutes, down_from, down_to, failure_cause, component, passed, notes, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.commit()
    conn.close()
    for category in categories:  # through the service: the dues of every covered asset
        services.maintenance.create_plan(
            admin,
            PlanInput(f"Quarterly check {category}", category_id=category, interval_count=3,
                      interval_unit="month", start_date=date(2026, 1, 15), lead_days=14,
                      items=(ItemInput("check", "Safe to use"),)),
        )  # fmt: skip
    with services.db.write(admin) as s:  # own plans for every fifth asset, written in bulk
        from outletdesk.models import MaintenancePlan

        s.add_all(
            MaintenancePlan(name=f"Monthly {n}", asset_id=n, interval_count=1,
                            interval_unit="month", anchor="schedule",
                            start_date=date(2026, 1, 1) + timedelta(days=n % 300), lead_days=7)
            for n in range(1, ASSETS + 1, 5)
        )  # fmt: skip
    services.maintenance.recompute_all(admin)
    services.db.dispose()
    print(f"  built {path.name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def run() -> list[Figure]:
    from outletdesk.core.auth import Actor
    from outletdesk.core.services import Services

    path = _database()
    services = Services.open(f"sqlite:///{path}")
    admin = Actor.command_line()
    today = date(2026, 11, 23)
    outlet = services.outlets.by_code("N").id
    figures = []

    due = best_of(lambda: services.maintenance.due_list(admin, outlet, today=today), 5) * 1000
    conn = sqlite3.connect(path)
    horizon = (today + timedelta(days=14)).isoformat()
    plain = best_of(
        lambda: conn.execute(
            "SELECT d.*, p.name, a.tag, a.name FROM plan_dues d JOIN maintenance_plans p"
            " ON p.id = d.plan_id JOIN assets a ON a.id = d.asset_id WHERE d.outlet_id = ?"
            " AND d.show_from <= ?",
            (outlet, horizon),
        ).fetchall(),
        5,
    ) * 1000  # fmt: skip
    count = len(services.maintenance.due_list(admin, outlet, today=today))
    figures.append(
        Figure(
            f"due list of an outlet ({count} tasks) (ms)",
            due,
            plain,
            "ms",
            "<= 100 ms",
            due <= DUE_MS,
        )  # fmt: skip
    )

    busiest = conn.execute(
        "SELECT asset_id FROM maintenance_records GROUP BY asset_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    history = best_of(lambda: services.equipment.history(admin, busiest), 5) * 1000
    plain = best_of(
        lambda: conn.execute(
            "SELECT * FROM maintenance_records WHERE asset_id = ? ORDER BY done_at DESC LIMIT 500",
            (busiest,),
        ).fetchall(),
        5,
    ) * 1000  # fmt: skip
    figures.append(
        Figure(
            "asset history, busiest asset (ms)",
            history,
            plain,
            "ms",
            "<= 100 ms",
            history <= HISTORY_MS,
        )  # fmt: skip
    )

    recompute = best_of(lambda: services.maintenance.recompute_all(admin), 2)
    rows = conn.execute("SELECT count(*) FROM plan_dues").fetchone()[0]
    plain = best_of(
        lambda: conn.execute(
            "SELECT plan_id, asset_id, max(done_at) FROM maintenance_records"
            " WHERE plan_id IS NOT NULL GROUP BY plan_id, asset_id"
        ).fetchall(),
        2,
    )
    figures.append(
        Figure(
            f"recompute next due, all plans ({rows} rows) (s)",
            recompute,
            plain,
            "s",
            "<= 2 s",
            recompute <= RECOMPUTE_S,
        )  # fmt: skip
    )
    conn.close()
    services.db.dispose()
    return figures
