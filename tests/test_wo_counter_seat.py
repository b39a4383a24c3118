"""The Counter page at start-up and across starts, with real widgets and a real database: Enter
pressed in the search before the page's settings have loaded acts once they have (the real
worker thread, so they arrive later); the columns a seat shows or hides from the header's menu
are remembered in its seat settings and restored."""

# ruff: noqa: F811 - the fixtures imported above are parameters of the tests

from __future__ import annotations

from conftest import ui_context
from PySide6.QtCore import QSettings, Qt
from test_wo_counter_search import (  # the real worker thread's fixtures, shared
    idle,
    order_id,
    runner,  # noqa: F401
    take_in,
    threaded,  # noqa: F401
)

from outletdesk.core.work_orders.queries import SortKey
from outletdesk.ui.work_orders.detail import WorkOrderDetail
from outletdesk.ui.work_orders.list_model import COLUMNS
from outletdesk.ui.work_orders.page import SEAT_HIDDEN_COLUMNS, WorkOrdersPage


def _keep_opened(monkeypatch) -> list[int]:
    opened: list[int] = []
    monkeypatch.setattr(
        WorkOrdersPage,
        "open_dialog",
        lambda self, dialog: (
            opened.append(dialog.order_id) if isinstance(dialog, WorkOrderDetail) else None
        ),
    )
    return opened


def _orders(services, clerk) -> None:
    take_in(services, clerk, "Maria Lopez", "0612345678")
    take_in(services, clerk, "Lars Rossi", "16849811433")


def test_enter_before_the_settings_load_acts_once_they_have(
    threaded, runner, qtbot, monkeypatch, services, clerk
):
    _orders(services, clerk)
    opened = _keep_opened(monkeypatch)
    page = WorkOrdersPage(threaded)
    qtbot.addWidget(page)
    assert page.model is None  # the settings are on their way
    qtbot.keyClicks(page.search, "rossi")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    idle(qtbot, runner)
    qtbot.waitUntil(lambda: opened != [], timeout=10000)
    assert opened == [order_id(services, clerk, "N-000002")]
    assert page.model is not None and page.model.filter.text == "rossi"


def test_an_order_number_entered_before_the_settings_load_opens_once(
    threaded, runner, qtbot, monkeypatch, services, clerk
):
    _orders(services, clerk)
    opened = _keep_opened(monkeypatch)
    page = WorkOrdersPage(threaded)
    qtbot.addWidget(page)
    assert page.model is None
    qtbot.keyClicks(page.search, "N-000001")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    idle(qtbot, runner)
    qtbot.waitUntil(lambda: opened != [], timeout=10000)
    idle(qtbot, runner)
    assert opened == [order_id(services, clerk, "N-000001")]


def test_text_changed_after_an_early_enter_is_not_acted_on(
    threaded, runner, qtbot, monkeypatch, services, clerk
):
    _orders(services, clerk)
    opened = _keep_opened(monkeypatch)
    page = WorkOrdersPage(threaded)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.search, "rossi")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.keyClicks(page.search, "x")  # typed on: Enter was for the text before
    qtbot.waitUntil(lambda: page.model is not None, timeout=10000)
    idle(qtbot, runner)
    assert opened == []


def _page(services, clerk, tmp_path, qtbot) -> WorkOrdersPage:
    page = WorkOrdersPage(ui_context(services, clerk, tmp_path))
    qtbot.addWidget(page)
    assert page.model is not None
    return page


def _hidden(page) -> set[SortKey]:
    return {key for n, key in enumerate(COLUMNS) if page.table.isColumnHidden(n)}


def _menu(page, key: SortKey):
    (action,) = [
        a
        for a in page.table.horizontalHeader().actions()
        if a.text() == page.model.headerData(COLUMNS.index(key), Qt.Orientation.Horizontal)
    ]
    return action


def test_the_columns_shown_are_remembered_per_seat(qapp, qtbot, services, clerk, tmp_path):
    page = _page(services, clerk, tmp_path, qtbot)
    assert _hidden(page) == {SortKey.PHONE, SortKey.PRIORITY}  # a new seat's default
    _menu(page, SortKey.PHONE).setChecked(True)  # right-click the header, tick Phone
    _menu(page, SortKey.TECHNICIAN).setChecked(False)
    assert _hidden(page) == {SortKey.PRIORITY, SortKey.TECHNICIAN}
    page.close()

    again = _page(services, clerk, tmp_path, qtbot)  # the next start at this seat
    assert _hidden(again) == {SortKey.PRIORITY, SortKey.TECHNICIAN}
    assert _menu(again, SortKey.PHONE).isChecked()
    assert not _menu(again, SortKey.TECHNICIAN).isChecked()
    seat = QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat)
    assert set(str(seat.value(SEAT_HIDDEN_COLUMNS)).split(",")) == {"priority", "technician"}

    # Every column shown is remembered too (not taken for "never chosen").
    _menu(again, SortKey.PRIORITY).setChecked(True)
    _menu(again, SortKey.TECHNICIAN).setChecked(True)
    third = _page(services, clerk, tmp_path, qtbot)
    assert _hidden(third) == set()


def test_a_seat_file_naming_unknown_or_the_number_column_hides_only_known_ones(
    qapp, qtbot, services, clerk, tmp_path
):
    seat = QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat)
    seat.setValue(SEAT_HIDDEN_COLUMNS, "number,colour,total")
    seat.sync()
    page = _page(services, clerk, tmp_path, qtbot)
    assert _hidden(page) == {SortKey.TOTAL}  # the number is never hidden
