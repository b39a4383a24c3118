"""The work-order list as a Qt model: ids of the current filter and sort, rows fetched by the page.

Opening shows the count and the first page at once; every id is then loaded in one background
query (a single sort in SQL), after which any row is a slice away. A jump before that finishes
fetches its page by row number (OFFSET), so the list is usable from the first moment.
A row's texts are made once, when it is first painted, and kept with its page.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from ...core.auth import Actor
from ...core.work_orders.queries import SortKey, WorkOrderFilter, WorkOrderQueries, WorkOrderRow
from ...core.work_orders.rules import TimeLimits, deadline_state
from ...models import Priority, WorkOrderStatus, utcnow
from ..formats import local_datetime, money_text
from ..table_model import COLUMN_KEY
from ..tasks import TaskRunner
from .labels import device_type_text, priority_text, status_text

PAGE_SIZE = 100  # rows read per fetch: a jump waits for one page, a window shows ~30-50
CACHED_PAGES = 100  # about 10,000 rows in memory, whatever the list's length
Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    SortKey.NUMBER,
    SortKey.RECEIVED,
    SortKey.CUSTOMER,
    SortKey.PHONE,
    SortKey.DEVICE,
    SortKey.STATUS,
    SortKey.PRIORITY,
    SortKey.TECHNICIAN,
    SortKey.NEXT_DUE,
    SortKey.TOTAL,
)
URGENT_COLOUR = QColor("#c62828")
URGENT_ROLES = (
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ToolTipRole,
)
DEADLINE_COLOURS = {
    "ok": QColor("#dff0d8"),
    "due_soon": QColor("#fcf3cf"),
    "overdue": QColor("#f5c6cb"),
}


FirstPage = tuple[int, list[int], list[WorkOrderRow]]  # count, first page's ids, its rows


def read_first_page(queries: WorkOrderQueries, actor: Actor, f: WorkOrderFilter) -> FirstPage:
    """The count and the first page of `f` (on the worker)."""
    first = queries.ids(actor, f, limit=PAGE_SIZE)
    return queries.count(actor, f), first, queries.rows(actor, first)


class _Page:
    """The rows of one page (None where an order vanished) and their texts, made when painted."""

    __slots__ = ("rows", "texts")

    def __init__(self, ids: list[int], rows: list[WorkOrderRow]) -> None:
        by_id = {r.id: r for r in rows}
        self.rows: list[WorkOrderRow | None] = [by_id.get(i) for i in ids]
        self.texts: list[tuple[str, ...] | None] = [None] * len(ids)

    def ids(self) -> list[int | None]:
        return [r.id if r else None for r in self.rows]


class WorkOrderListModel(QAbstractTableModel):
    """Holds only ids (STYLE.md: large tables); rows come from WorkOrderQueries in pages."""

    count_changed = Signal(int)
    load_failed = Signal(object)  # the exception, for the page to show

    def __init__(
        self,
        queries: WorkOrderQueries,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        limits: TimeLimits | None = None,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__(parent)
        self._queries = queries
        self._actor = actor
        self._runner = runner
        self._limits = limits or TimeLimits()
        self._now = now
        self._filter = WorkOrderFilter()
        self._count = 0
        self._ids: list[int] = []  # the first page until every id has arrived
        self._all_ids = False
        self._generation = 0
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        self._pending: set[int] = set()  # pages on their way from the worker
        self._delivering = False  # True while the runner answers inline (tests): no repaint
        # Translated once, like the headers: a list shows the same few labels on every row.
        self._status_texts = {s: status_text(s) for s in WorkOrderStatus}
        self._priority_texts = {p.value: priority_text(p) for p in Priority}
        self._urgent_font = QFont()
        self._urgent_font.setBold(True)
        self._headers = [
            self.tr("Number"),
            self.tr("Received"),
            self.tr("Customer"),
            self.tr("Phone"),
            self.tr("Device"),
            self.tr("Status"),
            self.tr("Priority"),
            self.tr("Technician"),
            self.tr("Next deadline"),
            self.tr("Total"),
        ]

    # ------------------------------------------------------------ filter, sort, refresh

    @property
    def filter(self) -> WorkOrderFilter:
        return self._filter

    @property
    def all_ids_loaded(self) -> bool:
        return self._all_ids

    def set_filter(self, f: WorkOrderFilter) -> None:
        self._filter = f
        self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key, descending = COLUMNS[column], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._filter.sort, self._filter.descending):
            return  # the view repeats the current sort when it is given a model: nothing changed
        self.set_filter(replace(self._filter, sort=key, descending=descending))

    def refresh(self) -> None:
        """Count and first page on the worker (shown the moment they arrive), then every id."""
        self._generation += 1
        generation, f, queries, actor = self._generation, self._filter, self._queries, self._actor
        self._runner.run(
            lambda: read_first_page(queries, actor, f),
            lambda result: self._first_page_arrived(generation, *result),
            lambda exc: self._failed(generation, exc),
        )

    def show_first_page(self, f: WorkOrderFilter, page: FirstPage) -> None:
        """Show `page`, the count and first page of `f` read already (by the Counter page, with
        its settings at start-up), as if they had just arrived: no second trip to the worker."""
        self._filter = f
        self._generation += 1
        self._first_page_arrived(self._generation, *page)

    def _first_page_arrived(
        self, generation: int, count: int, first: list[int], rows: list[WorkOrderRow]
    ) -> None:
        if generation != self._generation:
            return
        f, queries, actor = self._filter, self._queries, self._actor
        self.beginResetModel()
        self._count = max(count, len(first))
        self._ids = first
        self._all_ids = len(first) >= self._count
        self._pages.clear()
        self._pending.clear()
        self._pages[0] = _Page(first, rows)
        self.endResetModel()
        self.count_changed.emit(self._count)
        if not self._all_ids:
            self._runner.run(
                lambda: queries.ids(actor, f),
                lambda ids: self._ids_arrived(generation, ids),
                lambda exc: self._failed(generation, exc),
            )

    def _ids_arrived(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return  # a newer filter or refresh has replaced this one
        if len(ids) != self._count:
            # Orders were added or removed between the count and now: start from these ids.
            self.beginResetModel()
            self._count, self._ids, self._all_ids = len(ids), ids, True
            self._pages.clear()
            self.endResetModel()
            self.count_changed.emit(self._count)
            return
        self._ids, self._all_ids = ids, True
        for number, page in list(self._pages.items()):
            if page.ids() != ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]:
                del self._pages[number]
        if self._count:
            last = self.index(self._count - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.load_failed.emit(exc)

    # ------------------------------------------------------------ rows by the page

    def work_order_id(self, row: int) -> int | None:
        found = self.row(row)
        return found.id if found else None

    def row(self, row: int) -> WorkOrderRow | None:
        """The row if its page is here; otherwise None now, and the page is fetched on the worker."""
        found = self._page_of(row)
        return found.rows[row % PAGE_SIZE] if found else None

    def _page_of(self, row: int) -> _Page | None:
        """The page holding this row (and the row is on it), or None while it is being fetched."""
        if not 0 <= row < self._count:
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            self._request_page(number)
            page = self._pages.get(number)  # already there when the runner runs inline (tests)
            if page is None:
                return None
        else:
            self._pages.move_to_end(number)
        return page if row % PAGE_SIZE < len(page.rows) else None

    def _request_page(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        generation, f, queries, actor = self._generation, self._filter, self._queries, self._actor
        start = page * PAGE_SIZE
        known = self._ids[start : start + PAGE_SIZE] if self._all_ids else None

        def load() -> _Page:
            ids = (
                known if known is not None else queries.ids(actor, f, offset=start, limit=PAGE_SIZE)
            )
            return _Page(ids, queries.rows(actor, ids))

        self._delivering = True
        self._runner.run(
            load,
            lambda rows: self._page_arrived(generation, page, rows),
            lambda exc: self._page_failed(generation, page, exc),
        )
        self._delivering = False

    def _page_arrived(self, generation: int, number: int, page: _Page) -> None:
        self._pending.discard(number)
        if generation != self._generation:
            return
        self._pages[number] = page
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        if not self._delivering and page.rows:  # arrived later: repaint the rows that waited
            first = number * PAGE_SIZE
            last = min(first + len(page.rows), self._count) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def _page_failed(self, generation: int, page: int, exc: BaseException) -> None:
        self._pending.discard(page)
        if generation == self._generation:
            self._pages[page] = _Page([], [])  # shown empty; refresh() tries again
            self.load_failed.emit(exc)

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:  # first: a view asks it of every cell it paints
            number, offset = divmod(index.row(), PAGE_SIZE)
            page = self._pages.get(number)  # never for an invalid index (row -1)
            if page is not None and offset < len(page.texts) and (texts := page.texts[offset]):
                self._pages.move_to_end(number)
                return texts[index.column()]
            found = self.row(index.row())
            if found is None:
                return None
            page = self._pages[number]
            texts = page.texts[offset] = self._texts(found)
            return texts[index.column()]
        if not index.isValid():
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column is SortKey.TOTAL:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return None
        if column is SortKey.NUMBER and role in URGENT_ROLES:
            # The priority column is hidden by default: an urgent order's number says it.
            found = self.row(index.row())
            if found is None or found.priority != Priority.URGENT:
                return None
            return {
                Qt.ItemDataRole.ForegroundRole: URGENT_COLOUR,
                Qt.ItemDataRole.FontRole: self._urgent_font,
                Qt.ItemDataRole.ToolTipRole: self._priority_texts[Priority.URGENT.value],
            }[role]
        if role != Qt.ItemDataRole.BackgroundRole or column is not SortKey.NEXT_DUE:
            return None
        found = self.row(index.row())
        if found is None:
            return None
        state = deadline_state(
            found.next_due_at,
            self._now(),
            found.next_due_kind,
            self._limits,
            Priority(found.priority),
        )
        return DEADLINE_COLOURS.get(state)

    def _texts(self, r: WorkOrderRow) -> tuple[str, ...]:
        """What each column shows for this row, in COLUMNS order."""
        return (
            r.number,
            local_datetime(r.received_at),
            r.customer_name,
            r.customer_phone,
            # A device with neither brand nor model is named by its type (rules.device_label),
            # whose default words are translated as the intake dialog shows them ("phone": 手机).
            device_type_text(r.device),
            self._status_texts[r.status],
            self._priority_texts[r.priority],
            r.technician,
            local_datetime(r.next_due_at),
            money_text(r.total),
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == COLUMN_KEY:  # the seat keeps hand-set widths by it
            return COLUMNS[section].value
        return None
