"""Search as you type at the counter, with the real worker thread: Enter pressed straight after
typing acts on what was typed, never on the results of the text before it; a whole order number
finds its order whatever the list's filters. Real widgets and a real database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import make_actor
from PySide6.QtCore import QSettings, Qt
from test_work_order_queries import shop  # noqa: F401 - the shared fixture

from outletdesk.core.customers import CustomerInput
from outletdesk.core.work_orders import rules
from outletdesk.core.work_orders.dto import DeviceInput, IntakeInput
from outletdesk.core.work_orders.queries import WorkOrderFilter
from outletdesk.models import Role, WorkOrderStatus
from outletdesk.ui.context import AppContext, ChangeBus
from outletdesk.ui.tasks import TaskRunner
from outletdesk.ui.work_orders.detail import WorkOrderDetail
from outletdesk.ui.work_orders.intake_dialog import IntakeDialog
from outletdesk.ui.work_orders.page import WorkOrdersPage

S = WorkOrderStatus
OPEN = tuple(s for s in S if s in rules.OPEN)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    """The application's worker thread: results arrive later, through the event loop."""
    worker = TaskRunner()
    yield worker
    worker.shutdown()


@pytest.fixture
def threaded(services, clerk, runner, tmp_path) -> AppContext:
    seat = QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat)
    return AppContext(services, clerk, runner, ChangeBus(), seat)


def idle(qtbot, runner: TaskRunner) -> None:
    """Wait until the worker has answered everything asked of it."""
    qtbot.waitUntil(lambda: not runner._callbacks, timeout=10000)


def take_in(services, actor, name: str, phone: str, model: str = "iPhone 12"):
    order, _ = services.intake.take_in(
        actor,
        IntakeInput(
            device=DeviceInput("phone", "Apple", model),
            reported_fault="Screen cracked",
            new_customer=CustomerInput(name, [phone]),
        ),
    )
    return order


@pytest.fixture
def counter(threaded, runner, qtbot, monkeypatch):
    """The Counter page with three open orders and one delivered (N-000004); dialogs it opens
    are kept in `opened` instead of being shown."""
    services, clerk = threaded.services, threaded.actor
    take_in(services, clerk, "Maria Lopez", "0612345678")
    take_in(services, clerk, "Lars Rossi", "16849811433")
    take_in(services, clerk, "Chen Jie", "13912345678", "Galaxy S21")
    tech = make_actor(services, clerk.outlet_id, Role.TECHNICIAN, "tech")
    done = take_in(services, clerk, "Ana Silva", "0698765432")
    for step in (S.IN_REPAIR, S.READY):
        done, _ = services.work_orders.move(tech, done.id, done.version, step)
    services.work_orders.hand_back(clerk, done.id, done.version, "Ana Silva")
    opened: list[int] = []
    monkeypatch.setattr(
        WorkOrdersPage,
        "open_dialog",
        lambda self, dialog: (
            opened.append(dialog.order_id) if isinstance(dialog, WorkOrderDetail) else None
        ),
    )
    page = WorkOrdersPage(threaded)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model is not None and page.model.rowCount() == 3)
    idle(qtbot, runner)
    page.opened = opened  # type: ignore[attr-defined]
    return page


def search_and_wait(page, qtbot, runner, text: str) -> None:
    page.search.setFocus()
    page.search.selectAll()
    qtbot.keyClicks(page.search, text)
    qtbot.waitUntil(lambda: page.model.filter.text == text)  # the debounced search ran
    idle(qtbot, runner)


def numbers_shown(page) -> list[str]:
    return [page.model.row(r).number for r in range(page.model.rowCount())]


def order_id(services, clerk, number: str) -> int:
    return services.work_orders.by_number(clerk, number).id


def test_enter_straight_after_typing_an_order_number_opens_that_order(
    counter, qtbot, runner, services, clerk
):
    search_and_wait(counter, qtbot, runner, "N-000001")
    assert numbers_shown(counter) == ["N-000001"]
    counter.search.selectAll()
    qtbot.keyClicks(counter.search, "N-000002")
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)  # before any search for it has run
    idle(qtbot, runner)
    assert counter.opened == [order_id(services, clerk, "N-000002")]
    assert numbers_shown(counter) == ["N-000002"]


def test_enter_straight_after_typing_a_name_opens_the_only_match_of_that_name(
    counter, qtbot, runner, services, clerk
):
    search_and_wait(counter, qtbot, runner, "lopez")
    assert numbers_shown(counter) == ["N-000001"]
    counter.search.selectAll()
    qtbot.keyClicks(counter.search, "rossi")
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    assert counter.opened == []  # nothing acts on Maria Lopez's row still on screen
    idle(qtbot, runner)
    assert counter.opened == [order_id(services, clerk, "N-000002")]
    assert counter.table.currentIndex().row() == 0


def test_enter_with_several_matches_hands_the_keys_to_the_new_results(counter, qtbot, runner):
    counter.show()
    search_and_wait(counter, qtbot, runner, "lopez")
    counter.search.selectAll()
    qtbot.keyClicks(counter.search, "iphone")  # Maria's and Lars's iPhones
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    idle(qtbot, runner)
    assert counter.opened == []
    assert numbers_shown(counter) == ["N-000002", "N-000001"]
    assert counter.table.currentIndex().row() == 0
    qtbot.waitUntil(counter.table.hasFocus)


def test_typing_on_after_enter_cancels_what_enter_waited_for(counter, qtbot, runner):
    search_and_wait(counter, qtbot, runner, "lopez")
    counter.search.selectAll()
    qtbot.keyClicks(counter.search, "rossi")
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    qtbot.keyClicks(counter.search, "x")  # "rossix": Enter was for "rossi"
    idle(qtbot, runner)
    qtbot.waitUntil(lambda: counter.model.filter.text == "rossix")
    idle(qtbot, runner)
    assert counter.opened == []


def test_a_delivered_orders_number_is_found_whatever_the_status_filter(
    counter, qtbot, runner, services, clerk
):
    assert counter.status.currentData() == "open"
    search_and_wait(counter, qtbot, runner, "N-000004")  # Ana Silva's, delivered
    assert numbers_shown(counter) == ["N-000004"]
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    idle(qtbot, runner)
    assert counter.opened == [order_id(services, clerk, "N-000004")]
    # Her name is no order number: the open-orders filter still hides the delivered order.
    search_and_wait(counter, qtbot, runner, "silva")
    assert numbers_shown(counter) == []


def test_a_serial_shaped_like_an_order_number_falls_back_to_the_list(
    counter, qtbot, runner, services, clerk
):
    search_and_wait(counter, qtbot, runner, "lopez")
    counter.search.selectAll()
    qtbot.keyClicks(counter.search, "0612-345678")  # no such order; Maria's phone matches
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    idle(qtbot, runner)
    assert numbers_shown(counter) == ["N-000001"]
    assert counter.opened == [order_id(services, clerk, "N-000001")]


# ---------------------------------------------------------------- intake: the customer search


@pytest.fixture
def intake(threaded, runner, qtbot):
    services, clerk = threaded.services, threaded.actor
    services.customers.create(clerk, CustomerInput("Maria Lopez", ["0612 0830 11"]))
    services.customers.create(clerk, CustomerInput("Lars Rossi", ["16849811433"]))
    dialog = IntakeDialog(threaded)
    qtbot.addWidget(dialog)
    idle(qtbot, runner)
    return dialog


def customer_search(dialog, qtbot, runner, text: str) -> None:
    dialog.search.setFocus()
    dialog.search.selectAll()
    qtbot.keyClicks(dialog.search, text)
    qtbot.waitUntil(lambda: not dialog._search_timer.isActive())
    idle(qtbot, runner)


def listed(dialog) -> list[str]:
    return [dialog.results.item(i).text() for i in range(dialog.results.count())]


def test_intake_enter_straight_after_typing_chooses_the_customer_typed(intake, qtbot, runner):
    customer_search(intake, qtbot, runner, "0830")
    assert listed(intake) == ["Maria Lopez   0612083011"]
    intake.search.selectAll()
    qtbot.keyClicks(intake.search, "16849811433")
    qtbot.keyClick(intake.search, Qt.Key.Key_Return)
    assert intake.customer is None  # not Maria, whose row is still listed
    idle(qtbot, runner)
    assert intake.customer is not None and intake.customer.name == "Lars Rossi"
    assert listed(intake) == ["Lars Rossi   16849811433"]


def test_intake_enter_for_nobody_found_chooses_nobody(intake, qtbot, runner):
    customer_search(intake, qtbot, runner, "0830")
    intake.search.selectAll()
    qtbot.keyClicks(intake.search, "0799")
    qtbot.keyClick(intake.search, Qt.Key.Key_Return)
    idle(qtbot, runner)
    assert intake.customer is None and listed(intake) == []
    assert intake.new_phone.text() == "0799"  # the typed phone starts the new customer


def test_intake_down_straight_after_typing_goes_to_the_new_results(intake, qtbot, runner):
    intake.show()
    customer_search(intake, qtbot, runner, "0830")
    intake.search.selectAll()
    qtbot.keyClicks(intake.search, "rossi")
    qtbot.keyClick(intake.search, Qt.Key.Key_Down)
    assert not intake.results.hasFocus()  # Maria's row is no result for "rossi"
    idle(qtbot, runner)
    qtbot.waitUntil(intake.results.hasFocus)
    assert intake.results.currentItem().text() == "Lars Rossi   16849811433"
    qtbot.keyClick(intake.results, Qt.Key.Key_Return)
    assert intake.customer is not None and intake.customer.name == "Lars Rossi"
    idle(qtbot, runner)


# ---------------------------------------------------------------- the query behind it


def found(shop, **kwargs) -> list[str]:  # noqa: F811
    queries, actor, ids, _ = shop
    by_id = {v: k for k, v in ids.items()}
    f = WorkOrderFilter(**kwargs)
    numbers = [by_id[i] for i in queries.ids(actor, f)]
    assert queries.count(actor, f) == len(numbers)
    return numbers


def test_a_whole_order_number_passes_every_filter_other_matches_do_not(shop):  # noqa: F811
    _, _, _, ref = shop
    # N-000001 is delivered, at North, alice's, received 2026-01-05.
    assert found(shop, text="N-000001", statuses=OPEN) == ["N-000001"]
    assert found(shop, text=" n-000001 ", statuses=OPEN) == ["N-000001"]
    assert found(
        shop,
        text="N-000001",
        statuses=(S.CANCELLED,),
        technician_id=ref["t2"].user_id,
        outlet_id=ref["south"],
        overdue=True,
    ) == ["N-000001"]
    # A number's start, or a number that is no order, still obeys the filters.
    assert found(shop, text="N-0000", statuses=(S.READY,)) == ["N-000010"]
    assert found(shop, text="N-000007", statuses=OPEN) == []
    assert found(shop, text="N-000001 iphone", statuses=OPEN) == []
