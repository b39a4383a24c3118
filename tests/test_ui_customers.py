"""Customers page and dialog, driven through real widgets on a real database."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt
from test_message_words import chinese  # noqa: F401 - the fixture

from outletdesk.core.customers import MAX_PHONES, CustomerInput
from outletdesk.ui.context import AppContext, ChangeBus
from outletdesk.ui.customer_dialog import CustomerDialog
from outletdesk.ui.customers_page import CustomersPage, CustomerTableModel
from outletdesk.ui.tasks import TaskRunner


@pytest.fixture
def ctx(services, clerk, tmp_path, qtbot):
    return AppContext(
        services,
        clerk,
        TaskRunner(inline=True),
        ChangeBus(),
        QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat),
    )


@pytest.fixture
def page(ctx, qtbot):
    widget = CustomersPage(ctx)
    qtbot.addWidget(widget)
    return widget


def _seed(ctx):
    for name, phone in [
        ("王芳", "13800138000"),
        ("Maria Lopez", "0612345678"),
        ("王伟", "13911112222"),
    ]:
        ctx.services.customers.create(ctx.actor, CustomerInput(name, [phone]))


def test_search_as_you_type_by_name_and_phone(ctx, page, qtbot):
    _seed(ctx)
    page.run_search()
    assert page.model.rowCount() == 3
    qtbot.keyClicks(page.search, "lop")  # typed: the debounced search runs by itself
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.customer(0).name == "Maria Lopez"
    page.search.setText("王")  # QTest cannot type CJK; an input method sets the text like this
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.search.setText("0612")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.customer(0).name == "Maria Lopez"
    assert "1 customers" in page.count_label.text()


def test_new_customer_through_the_dialog(ctx, page, qtbot):
    dialog = CustomerDialog(ctx, None, page)
    qtbot.addWidget(dialog)
    dialog.name.setText("李娜 Li Na")
    dialog.phones[0].setText("138 0013 8000")
    dialog.email.setText("li@example.com")
    with qtbot.waitSignal(dialog.saved):
        dialog.submit()
    found = ctx.services.customers.search(ctx.actor, "li na").rows
    assert [(c.name, c.phones) for c in found] == [("李娜 Li Na", ("13800138000",))]
    # the page heard about the change through the bus and shows the new customer
    assert page.model.rowCount() == 1


def test_dialog_shows_the_field_error_and_saves_nothing(ctx, page, qtbot):
    dialog = CustomerDialog(ctx, None, page)
    qtbot.addWidget(dialog)
    dialog.name.setText("=cmd|' /C calc'!A0")
    dialog.phones[0].setText("13800138000")
    dialog.submit()
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text().startswith("Name:")
    assert "border" in dialog.name.styleSheet()
    assert dialog.result() == 0
    assert ctx.services.customers.search(ctx.actor).total == 0
    dialog.name.setText("Fine Name")
    dialog.phones[0].setText("abc")
    dialog.submit()
    assert dialog.error.text().startswith("Phone:")
    assert ctx.services.customers.search(ctx.actor).total == 0


def test_second_clerk_saving_a_stale_customer_is_refused(ctx, page, qtbot, monkeypatch):
    created, _ = ctx.services.customers.create(
        ctx.actor, CustomerInput("Emma Dubois", ["0612345678"])
    )
    first = CustomerDialog(ctx, created, page)
    second = CustomerDialog(ctx, created, page)
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    warnings = []
    monkeypatch.setattr(second, "_warn", warnings.append)
    first.name.setText("Emma Dubois-Martin")
    first.submit()
    second.notes.setPlainText("overwrites?")
    second.submit()
    assert warnings and "changed by someone else" in warnings[0]
    stored = ctx.services.customers.get(ctx.actor, created.id)
    assert (stored.name, stored.notes) == ("Emma Dubois-Martin", "")


def test_export_writes_the_current_search(ctx, page, qtbot, tmp_path, monkeypatch):
    _seed(ctx)
    target = tmp_path / "customers.xlsx"
    messages = []
    monkeypatch.setattr(page, "ask_export_path", lambda: str(target))
    monkeypatch.setattr(page, "inform", messages.append)
    page.search.setText("王")
    page.run_search()
    # a clerk may not export
    assert not page.export_button.isEnabled()


def test_manager_export_from_the_page(services, outlet, tmp_path, qtbot, monkeypatch):
    from conftest import make_actor

    from outletdesk.models import Role

    manager = make_actor(services, outlet.id, Role.MANAGER)
    ctx = AppContext(
        services,
        manager,
        TaskRunner(inline=True),
        ChangeBus(),
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    _seed(ctx)
    page = CustomersPage(ctx)
    qtbot.addWidget(page)
    target = tmp_path / "customers.xlsx"
    messages = []
    monkeypatch.setattr(page, "ask_export_path", lambda: str(target))
    monkeypatch.setattr(page, "inform", messages.append)
    page.search.setText("王")
    page.run_search()
    page.export()
    assert messages and "2 customers" in messages[0]
    sheet = openpyxl.load_workbook(target).active
    rows = [r for r in sheet.iter_rows(values_only=True)]
    names = {r[1] for r in rows if r and isinstance(r[0], int)}
    assert names == {"王芳", "王伟"}


def test_customer_model_passes_the_model_tester(qtmodeltester, ctx):
    _seed(ctx)
    model = CustomerTableModel()
    model.set_rows(ctx.services.customers.search(ctx.actor).rows)
    qtmodeltester.check(model)


def test_editing_a_customer_with_five_phones_keeps_all_five(ctx, page, qtbot):
    numbers = [f"1380013800{i}" for i in range(MAX_PHONES)]
    customer, _ = ctx.services.customers.create(ctx.actor, CustomerInput("赵磊", numbers))
    assert len(customer.phones) == MAX_PHONES == 5
    dialog = CustomerDialog(ctx, customer, page)
    qtbot.addWidget(dialog)
    assert [edit.text() for edit in dialog.phones] == numbers
    dialog.name.setText("赵磊 Zhao Lei")
    with qtbot.waitSignal(dialog.saved):
        dialog.submit()
    assert ctx.services.customers.get(ctx.actor, customer.id).phones == tuple(numbers)
    # A customer with fewer numbers still gets the usual three fields.
    assert len(CustomerDialog(ctx, None, page).phones) == 3


def test_enter_opens_the_only_match_of_the_new_search(
    services, clerk, tmp_path, qtbot, monkeypatch
):
    """With the real worker thread, Enter acts on its own results, not on the previous ones."""
    runner = TaskRunner()
    try:
        ctx = AppContext(
            services,
            clerk,
            runner,
            ChangeBus(),
            QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat),
        )
        _seed(ctx)
        page = CustomersPage(ctx)
        qtbot.addWidget(page)
        opened: list[str] = []
        monkeypatch.setattr(page, "open_dialog", lambda dialog: opened.append(dialog.name.text()))
        qtbot.waitUntil(lambda: page.model.rowCount() == 3)
        page.search.setText("lop")
        page.run_search()
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)  # the table shows only Maria Lopez

        page.search.setText("王")  # two matches: Enter must not open Maria from the old results
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.model.rowCount() == 2)
        assert opened == []

        page.search.setText("王芳")
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: opened == ["王芳"])
        assert page.model.rowCount() == 1
    finally:
        runner.shutdown()


def test_the_details_pane_lists_the_customers_repairs(ctx, page, qtbot):
    from outletdesk.core.work_orders.dto import DeviceInput, IntakeInput

    created, _ = ctx.services.customers.create(
        ctx.actor, CustomerInput("Sofia Rossi", ["0612345678"])
    )
    page.run_search()
    assert "No repairs yet." in page.details.text()
    order, _ = ctx.services.intake.take_in(
        ctx.actor,
        IntakeInput(DeviceInput("laptop", "Lenovo", "X1"), "No power", customer_id=created.id),
    )
    page.run_search()
    assert order.number in page.details.text() and "Lenovo X1" in page.details.text()
    assert "Received" in page.details.text()


def test_a_device_known_only_by_its_type_is_named_in_the_window_language(ctx, page, qtbot, request):
    """A repair of a device with no brand or model lists its type as a word (手机 in Chinese),
    as the Counter list and the intake dialog do, not the stored key "phone"."""
    from outletdesk.core.work_orders.dto import DeviceInput, IntakeInput

    created, _ = ctx.services.customers.create(ctx.actor, CustomerInput("Li Lei", ["0612345679"]))
    ctx.services.intake.take_in(
        ctx.actor, IntakeInput(DeviceInput("phone", "", ""), "No power", customer_id=created.id)
    )
    request.getfixturevalue("chinese")
    page.run_search()
    assert "手机" in page.details.text() and ">phone<" not in page.details.text()
