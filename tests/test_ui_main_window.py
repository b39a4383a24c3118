"""The main window: navigation, status bar, honest placeholders, scanner routing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from outletdesk.core.customers import CustomerInput
from outletdesk.ui.coming_later import ComingLaterPage
from outletdesk.ui.context import AppContext, ChangeBus
from outletdesk.ui.main_window import MainWindow
from outletdesk.ui.tasks import TaskRunner


@pytest.fixture
def window(services, admin, outlet, tmp_path, qtbot):
    ctx = AppContext(
        services,
        admin,
        TaskRunner(inline=True),
        ChangeBus(),
        QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat),
    )
    win = MainWindow(ctx, outlet.name)
    qtbot.addWidget(win)
    return win


def test_navigation_and_status_bar(window, outlet):
    assert window.page_titles() == [
        "Counter / Work orders",
        "Parts & stock",
        "Equipment & maintenance",
        "Customers",
        "Reports",
        "Settings",
    ]
    assert window.pages.currentWidget() is window.work_orders  # a shift starts at the counter
    assert outlet.name in window.status_outlet.text()
    assert "SQLite" in window.status_db.text() or "PostgreSQL" in window.status_db.text()
    assert "Administrator" in window.status_user.text()
    window.show_page(5)
    assert window.pages.currentWidget() is window.settings


def test_customers_and_settings_are_built_in_place_when_first_chosen(window, services, admin):
    services.customers.create(admin, CustomerInput("Priya Patel", ["13800138000"]))
    window.nav.setCurrentRow(3)  # a click in the navigation, not show_page()
    assert window.pages.count() == 6
    assert window.pages.currentWidget() is window.customers
    assert window.pages.indexOf(window.customers) == 3
    assert window.customers.model.rowCount() == 1
    window.nav.setCurrentRow(5)
    assert window.pages.currentWidget() is window.settings
    assert window.pages.indexOf(window.settings) == 5
    assert window.page_titles()[3] == "Customers" and window.page_titles()[5] == "Settings"
    window.nav.setCurrentRow(1)
    assert window.pages.currentWidget() is window.parts
    assert window.pages.indexOf(window.parts) == 1 and window.pages.count() == 6


def test_pages_for_later_issues_say_so_and_show_no_data(window):
    for index in (4,):  # Equipment & maintenance (2) is built now
        page = window.pages.widget(index)
        assert isinstance(page, ComingLaterPage)
        from PySide6.QtWidgets import QAbstractItemView

        assert not page.findChildren(QAbstractItemView)
        texts = " ".join(label.text() for label in page.findChildren(type(window.status_db)))
        assert "Coming in a later version" in texts


def test_a_scan_anywhere_searches_customers(window, services, admin):
    services.customers.create(admin, CustomerInput("Priya Patel", ["13800138000"]))
    window.show_page(5)
    window.handle_scan("13800138000")
    assert window.pages.currentWidget() is window.customers
    assert window.customers.search.text() == "13800138000"
    assert window.customers.model.rowCount() == 1


def test_renaming_the_outlet_updates_the_title(window, services, admin, outlet):
    from outletdesk.core.outlets import OutletInput

    _, changes = services.outlets.update(
        admin, outlet.id, outlet.version, OutletInput("N", "Renamed 改名")
    )
    window._ctx.bus.publish(changes)
    assert "Renamed 改名" in window.windowTitle()
    assert "Renamed 改名" in window.status_outlet.text()
