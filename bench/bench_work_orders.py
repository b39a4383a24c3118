"""The work-order list at a million orders: open, jump, search, and generating the demo orders.

BENCH_WORK_ORDERS=200000 python bench/run.py work_orders   # smaller, for a quick look
BENCH_PARTS=jump python bench/run.py work_orders           # only some of open,jump,search,generate
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from common import Figure, best_of, ratio_figure

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ORDERS = int(os.environ.get("BENCH_WORK_ORDERS", "1000000"))
CUSTOMERS = 50_000
PAGE = 200
VISIBLE_ROWS = 30  # what a list window paints after a jump
PARTS = set(os.environ.get("BENCH_PARTS", "open,jump,search,generate").split(","))


class _Later:
    """A task runner that does what the clerk waits for (count and first page, the first task)
    at once, as the worker would, and keeps the background load of every id out of the figure."""

    def __init__(self) -> None:
        self.started = False

    def run(self, work, on_done=None, on_error=None, **_kwargs):  # noqa: ANN001, ANN003
        if not self.started:
            self.started = True
            result = work()
            if on_done:
                on_done(result)
        return 1


def _database() -> tuple[Path, float]:
    """The demo database with ORDERS work orders, built once; returns it and the generation time."""
    folder = Path(tempfile.gettempdir()) / "outletdesk-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"work-orders-{ORDERS}.sqlite3"
    stamp = path.with_suffix(".json")
    if not (path.exists() and stamp.exists()):
        from outletdesk.core.demo import fill_demo
        from outletdesk.core.services import Services
        from outletdesk.core.work_orders.demo import generate_work_orders

        path.unlink(missing_ok=True)
        services = Services.open(f"sqlite:///{path}")
        fill_demo(services.db, customers=CUSTOMERS)
        start = time.perf_counter()
        generate_work_orders(services.db, ORDERS)
        stamp.write_text(json.dumps({"seconds": time.perf_counter() - start}))
        with services.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.exec_driver_sql("ANALYZE")
        services.db.dispose()
    return path, json.loads(stamp.read_text())["seconds"]


def _plain_inserts() -> float:
    """Floor for generating: executemany of ORDERS minimal rows into a fresh SQLite file."""
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp, "plain.sqlite3"), isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, number TEXT, received_at TEXT)")
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO t VALUES (?, ?, ?)",
            ((i, f"N-{i:06d}", "2024-01-01 08:00:00.000000") for i in range(1, ORDERS + 1)),
        )
        conn.execute("COMMIT")
        elapsed = time.perf_counter() - start
        conn.close()
    return elapsed


# The same columns the list shows, over the same rows and sort, read the plain way.
_PAGE_SQL = """
SELECT w.number, w.received_at, c.name, w.customer_phone, d.brand || ' ' || d.model, w.status,
       w.priority, u.display_name, w.next_due_at, w.total
FROM work_orders w JOIN customers c ON c.id = w.customer_id JOIN devices d ON d.id = w.device_id
LEFT JOIN users u ON u.id = w.technician_id
"""


def _plain_model(raw: sqlite3.Connection, page_size: int):  # noqa: ANN202 - Qt imported late
    """The issue's floor: a plain table model over the same rows and sort, paged by keyset.

    Like ours once every id is loaded, it knows where each page starts (the sort key just before
    it); it reads a page with one keyset query when a row of it is first painted, and shows the
    values as stored. No permissions, no typed rows, no local time.
    """
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    keys = raw.execute("SELECT received_at, id FROM work_orders ORDER BY received_at DESC, id DESC")
    starts = [None, *[k for i, k in enumerate(keys, 1) if i % page_size == 0]]

    class PlainKeysetModel(QAbstractTableModel):
        def __init__(self) -> None:
            super().__init__()
            self._count = raw.execute("SELECT count(*) FROM work_orders").fetchone()[0]
            self._pages: dict[int, list[tuple]] = {}

        def rowCount(self, parent=QModelIndex()) -> int:  # noqa: ANN001, B008, N802
            return 0 if parent.isValid() else self._count

        def columnCount(self, parent=QModelIndex()) -> int:  # noqa: ANN001, B008, N802
            return 0 if parent.isValid() else 10

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
            if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
                return None
            page, offset = divmod(index.row(), page_size)
            rows = self._pages.get(page)
            if rows is None:
                rows = self._pages[page] = self._fetch(page)
            value = rows[offset][index.column()]
            return "" if value is None else str(value)

        def _fetch(self, page: int) -> list[tuple]:
            order = " ORDER BY w.received_at DESC, w.id DESC LIMIT ?"
            if starts[page] is None:
                return raw.execute(_PAGE_SQL + order, (page_size,)).fetchall()
            where = " WHERE (w.received_at, w.id) < (?, ?)"
            return raw.execute(_PAGE_SQL + where + order, (*starts[page], page_size)).fetchall()

    return PlainKeysetModel()


def _paint(model, first: int) -> None:  # noqa: ANN001
    """What a list window asks after scrolling to `first`: every visible cell's text."""
    for r in range(first, first + VISIBLE_ROWS):
        for c in range(model.columnCount()):
            model.data(model.index(r, c))


def run() -> list[Figure]:
    from PySide6.QtWidgets import QApplication

    from outletdesk.core.services import Services
    from outletdesk.core.work_orders.queries import WorkOrderFilter, WorkOrderQueries
    from outletdesk.core.work_orders.rules import OPEN
    from outletdesk.ui.tasks import TaskRunner
    from outletdesk.ui.work_orders.list_model import COLUMNS, PAGE_SIZE, WorkOrderListModel

    app = QApplication.instance() or QApplication([])  # noqa: F841 - models need one
    path, generated = _database()
    services = Services.open(f"sqlite:///{path}")
    actor = services.auth.sign_in("admin", "demo")
    queries = WorkOrderQueries(services.db)
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    figures = []

    if "open" in PARTS:

        def open_list() -> None:
            WorkOrderListModel(queries, actor, _Later()).refresh()

        def bare_page() -> None:
            raw.execute(
                "SELECT id FROM work_orders ORDER BY received_at DESC, id DESC LIMIT ?", (PAGE,)
            ).fetchall()

        open_ms, open_floor = best_of(open_list) * 1000, best_of(bare_page) * 1000
        figures.append(
            Figure(
                f"open work-order list, {ORDERS:,} orders (count + first page)",
                open_ms,
                open_floor,
                "ms",
                "<= 150 ms",
                open_ms <= 150,
            )
        )
        # What the Counter really opens on: open orders at the signed-in outlet, newest first.
        counter = WorkOrderFilter(statuses=tuple(OPEN), outlet_id=services.outlets.list()[0].id)

        def open_counter() -> None:
            WorkOrderListModel(queries, actor, _Later()).set_filter(counter)

        counter_ms = best_of(open_counter) * 1000
        figures.append(
            Figure(
                f"open the Counter's view (open orders at one outlet), {ORDERS:,} orders",
                counter_ms,
                open_floor,
                "ms",
                "<= 150 ms",
                counter_ms <= 150,
            )
        )

    if "jump" in PARTS:
        # Ours through the model (all ids loaded), against a plain keyset-paged model of the
        # same rows; both start from a cold page cache and paint the same cells.
        model = WorkOrderListModel(queries, actor, TaskRunner(inline=True))
        model.refresh()
        target = int(model.rowCount() * 0.9)
        plain = _plain_model(raw, PAGE_SIZE)
        assert plain.rowCount() == model.rowCount() and plain.columnCount() == len(COLUMNS)
        assert plain.data(plain.index(target, 0)) == model.data(model.index(target, 0))

        def jump() -> None:
            model._pages.clear()  # a cold page cache every time; the ids stay loaded
            _paint(model, target)

        def keyset_jump() -> None:
            plain._pages.clear()
            _paint(plain, target)

        jump_ms = best_of(jump, 9) * 1000
        keyset_ms = best_of(keyset_jump, 9) * 1000
        figures.append(
            ratio_figure(
                f"jump to row {target:,} and paint {VISIBLE_ROWS} rows (ms)",
                jump_ms,
                keyset_ms,
                "ms",
                2,
            )
        )

    if "search" in PARTS:
        # To first results, the slowest of the kinds a clerk types.
        third = queries.count(actor, WorkOrderFilter()) // 3
        some_id = queries.ids(actor, WorkOrderFilter(), offset=third, limit=1)[0]
        sample = raw.execute(
            "SELECT number, customer_phone, serial, customer_name_key FROM work_orders "
            "WHERE id = ?",
            (some_id,),
        ).fetchone()
        searches = [sample[0], sample[1][3:9], sample[2][2:], sample[3][:3], sample[3][:2]]

        def search(text: str) -> None:
            m = WorkOrderListModel(queries, actor, _Later())
            m.set_filter(WorkOrderFilter(text=text))
            m.data(m.index(0, 0))

        search_ms = {s: best_of(lambda s=s: search(s)) * 1000 for s in searches}
        worst = max(search_ms, key=search_ms.__getitem__)
        lookup_ms = (
            best_of(
                lambda: raw.execute(
                    "SELECT id FROM work_orders WHERE number = ?", (sample[0],)
                ).fetchall()
            )
            * 1000
        )
        print(
            "search ms by query:", {k: round(v, 1) for k, v in search_ms.items()}, file=sys.stderr
        )
        figures.append(
            Figure(
                f"search to first results, slowest of 5 kinds ({worst!r})",
                search_ms[worst],
                lookup_ms,
                "ms",
                "<= 50 ms",
                search_ms[worst] <= 50,
            )
        )

    raw.close()
    services.db.dispose()
    if "generate" in PARTS:
        plain_s = _plain_inserts()
        figures.append(
            Figure(
                f"generate {ORDERS:,} demo work orders (s, when built)",
                generated,
                plain_s,
                "s",
                "<= 90 s",
                generated <= 90,
            )
        )
    return figures


if __name__ == "__main__":
    for fig in run():
        print(fig)
