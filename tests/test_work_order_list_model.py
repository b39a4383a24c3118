"""The work-order list model: Qt's model rules, ids in SQL order, rows by the page, cache dropped on refresh."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import update
from test_work_order_queries import NOW, add_order, shop  # noqa: F401 - the shared fixture

from outletdesk.core.errors import PermissionDenied
from outletdesk.core.work_orders.queries import SortKey, WorkOrderFilter
from outletdesk.models import WorkOrder
from outletdesk.ui.tasks import TaskRunner
from outletdesk.ui.work_orders import list_model
from outletdesk.ui.work_orders.list_model import COLUMNS, DEADLINE_COLOURS, WorkOrderListModel


class DeferredRunner:
    """Keeps background work until the test releases it, to see the list before all ids arrive."""

    def __init__(self) -> None:
        self.pending: list[tuple] = []

    def run(self, work, on_done=None, on_error=None, **_kwargs):
        self.pending.append((work, on_done, on_error))
        return len(self.pending)

    def step(self) -> None:
        work, on_done, _ = self.pending.pop(0)
        on_done(work())

    def release(self) -> None:
        while self.pending:
            self.step()


def make_model(shop, runner=None) -> WorkOrderListModel:  # noqa: F811
    queries, actor, _, _ = shop
    model = WorkOrderListModel(queries, actor, runner or TaskRunner(inline=True), now=lambda: NOW)
    model.refresh()
    return model


def column(model: WorkOrderListModel, key: SortKey) -> list[str]:
    c = COLUMNS.index(key)
    return [model.data(model.index(r, c)) for r in range(model.rowCount())]


def test_the_model_passes_the_model_tester(qtmodeltester, shop, monkeypatch):  # noqa: F811
    monkeypatch.setattr(list_model, "PAGE_SIZE", 2)
    model = make_model(shop)
    qtmodeltester.check(model)
    model.sort(COLUMNS.index(SortKey.TOTAL), Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)


def test_columns_show_the_row(shop):  # noqa: F811
    model = make_model(shop)
    assert model.rowCount() == 5 and model.columnCount() == len(COLUMNS)
    assert column(model, SortKey.NUMBER) == [
        "S-000001",
        "N-000002",
        "N-000100",
        "N-000001",
        "N-000010",
    ]
    row = {key: model.data(model.index(3, COLUMNS.index(key))) for key in COLUMNS}
    assert row[SortKey.CUSTOMER] == "王芳" and row[SortKey.PHONE] == "13800138000"
    assert row[SortKey.DEVICE] == "Apple iPhone 13"
    assert row[SortKey.STATUS] == "Delivered" and row[SortKey.PRIORITY] == "Normal"
    assert row[SortKey.TOTAL] == "100.00" and row[SortKey.NEXT_DUE] == ""
    assert row[SortKey.RECEIVED].startswith("2026-01-0")
    assert model.data(model.index(1, COLUMNS.index(SortKey.PRIORITY))) == "Urgent"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Number"


def test_the_deadline_column_is_coloured_by_state(shop):  # noqa: F811
    model = make_model(shop)
    due = COLUMNS.index(SortKey.NEXT_DUE)
    numbers = column(model, SortKey.NUMBER)
    colour = {
        n: model.data(model.index(i, due), Qt.ItemDataRole.BackgroundRole)
        for i, n in enumerate(numbers)
    }
    assert colour["N-000002"] == DEADLINE_COLOURS["overdue"]  # judge limit passed at 10:30
    assert colour["S-000001"] == DEADLINE_COLOURS["ok"]  # 13:00, an hour left of two
    assert colour["N-000001"] is None  # nothing due
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None


def test_the_current_sort_asked_again_reads_nothing(shop, monkeypatch):  # noqa: F811
    """A view given the model repeats the sort it shows; that must not read the list again."""
    queries, _, _, _ = shop
    model = make_model(shop)
    calls = []
    original = queries.count
    monkeypatch.setattr(queries, "count", lambda *a, **k: calls.append(1) or original(*a, **k))
    model.sort(COLUMNS.index(SortKey.RECEIVED), Qt.SortOrder.DescendingOrder)  # as it is
    assert calls == []
    model.sort(COLUMNS.index(SortKey.RECEIVED), Qt.SortOrder.AscendingOrder)
    assert calls == [1] and model.filter.descending is False


@pytest.mark.parametrize("key", list(SortKey))
def test_sorting_a_column_asks_sql_for_the_ids(shop, key):  # noqa: F811
    queries, actor, _, _ = shop
    model = make_model(shop)
    for order, descending in (
        (Qt.SortOrder.AscendingOrder, False),
        (Qt.SortOrder.DescendingOrder, True),
    ):
        model.sort(COLUMNS.index(key), order)
        expected = queries.ids(actor, WorkOrderFilter(sort=key, descending=descending))
        assert [model.work_order_id(r) for r in range(5)] == expected


def test_rows_come_by_the_page_before_and_after_all_ids_arrive(shop, monkeypatch):  # noqa: F811
    queries, actor, _, _ = shop
    monkeypatch.setattr(list_model, "PAGE_SIZE", 2)
    calls = []
    original = queries.rows
    monkeypatch.setattr(queries, "rows", lambda a, ids: calls.append(list(ids)) or original(a, ids))
    runner = DeferredRunner()
    model = make_model(shop, runner)
    expected = queries.ids(actor, WorkOrderFilter())
    assert model.rowCount() == 0 and calls == []  # nothing queried on the UI thread
    runner.step()  # count and first page arrive together
    assert model.rowCount() == 5 and not model.all_ids_loaded
    assert len(calls) == 1
    # A jump before all ids arrive asks for that page by position, on the worker.
    assert model.work_order_id(4) is None
    assert model.data(model.index(4, 0)) is None  # painted empty until its page arrives
    runner.step()  # all ids
    assert model.all_ids_loaded
    runner.step()  # the page of row 4
    assert model.work_order_id(4) == expected[4]
    assert model.data(model.index(4, 0)) == "N-000010"
    assert calls[-1] == expected[4:]
    assert [model.work_order_id(r) for r in range(5)][:2] == expected[:2]  # page 0 is cached
    runner.release()  # the page of rows 2-3
    assert [model.work_order_id(r) for r in range(5)] == expected
    assert len(calls) == 3  # each page fetched once
    assert model.row(5) is None and model.row(-1) is None


def test_a_filter_narrows_and_refresh_drops_the_cache(services, shop):  # noqa: F811
    _, _, ids, _ = shop
    model = make_model(shop)
    counts = []
    model.count_changed.connect(counts.append)
    model.set_filter(WorkOrderFilter(text="王芳"))
    assert sorted(column(model, SortKey.NUMBER)) == ["N-000001", "N-000010"]
    with services.db.write() as s:
        s.execute(
            update(WorkOrder).where(WorkOrder.id == ids["N-000010"]).values(total=Decimal("9.99"))
        )
    assert "9.99" not in column(model, SortKey.TOTAL)  # cached until told
    model.refresh()
    assert "9.99" in column(model, SortKey.TOTAL)
    model.set_filter(WorkOrderFilter(text="nobody at all"))
    assert model.rowCount() == 0
    assert counts == [2, 2, 0]


def test_orders_added_meanwhile_reset_the_list(services, shop, monkeypatch):  # noqa: F811
    _, _, _, ref = shop
    monkeypatch.setattr(list_model, "PAGE_SIZE", 2)
    runner = DeferredRunner()
    model = make_model(shop, runner)
    with services.db.write() as s:
        new_id = add_order(
            s,
            outlet_id=ref["north"],
            outlet_code="N",
            n=500,
            customer="Newcomer",
            phone="13700000000",
            brand="Apple",
            model="iPad 9",
        )
    resets = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    runner.release()
    assert resets == [6] and model.work_order_id(0) == new_id


def test_a_page_asked_after_the_account_is_disabled_is_refused(services, shop, monkeypatch):  # noqa: F811
    queries, admin, _, ref = shop
    monkeypatch.setattr(list_model, "PAGE_SIZE", 2)
    model = WorkOrderListModel(queries, ref["t1"], TaskRunner(inline=True), now=lambda: NOW)
    model.refresh()
    assert model.data(model.index(2, 0)) == "N-000100"  # a page read while the account is fine
    failures = []
    model.load_failed.connect(failures.append)
    record = next(u for u in services.users.list(admin) if u.username == "alice")
    services.users.update(
        admin,
        record.id,
        record.version,
        display_name=record.display_name,
        role=record.role,
        active=False,
        home_outlet_id=None,
    )
    assert model.data(model.index(4, 0)) is None  # the next page is refused, not shown
    assert [type(e) for e in failures] == [PermissionDenied]
    assert "sign in again" in str(failures[0])
