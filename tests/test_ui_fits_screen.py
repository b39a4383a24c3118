"""Every page of the main window fits a 1280x800 counter screen, in English and in Chinese, on
the demo data (long outlet names, a van, parts, equipment): a widget row that asks for more
width widens the window past the screen's edge."""

from __future__ import annotations

from conftest import ui_context

from outletdesk.core.auth import Actor
from outletdesk.core.demo import DEMO_PASSWORD, fill_demo
from outletdesk.core.equipment.demo import add_demo_equipment
from outletdesk.core.parts.demo import add_demo_parts
from outletdesk.ui.main_window import MainWindow


def demo_window(services, qtbot, tmp_path):
    """The manager's main window on the demo data (long outlet names, a van, parts, equipment)."""
    fill_demo(services.db, customers=20)
    add_demo_parts(services.db)
    add_demo_equipment(services.db)
    manager = services.auth.sign_in("manager", DEMO_PASSWORD)
    assert isinstance(manager, Actor)
    outlet = services.outlets.get(manager.outlet_id).name
    window = MainWindow(ui_context(services, manager, tmp_path), outlet)
    qtbot.addWidget(window)
    return window


def test_every_page_fits_1280_pixels(services, qtbot, tmp_path, language):
    window = demo_window(services, qtbot, tmp_path)
    window.resize(1280, 800)
    window.show()
    for index, title in enumerate(window.page_titles()):
        window.show_page(index)
        qtbot.wait(20)
        assert window.width() <= 1280, f"{title}: {window.width()} pixels wide"
    window.show_page(1)
    parts = window.parts
    for index in range(parts.outlet.count()):  # North has a van: its location picker shows
        parts.outlet.setCurrentIndex(index)
        parts.table.selectRow(0)  # and the details panel fills
        qtbot.wait(20)
        shown = parts.outlet.currentText()
        assert window.width() <= 1280, f"Parts at {shown}: {window.width()} pixels wide"


def test_the_window_fits_a_1024x768_counter_screen(services, qtbot, tmp_path, language):
    """Tester's report item 10: the window's minimum, after every page and every tab of Parts
    and Equipment has been shown, fits a 1024x768 screen (it was 1278 px wide in English): the
    toolbars wrap, the navigation is as wide as its entries, the tables scroll sideways."""
    from PySide6.QtWidgets import QTabWidget

    window = demo_window(services, qtbot, tmp_path)
    window.show()
    for index, title in enumerate(window.page_titles()):
        window.show_page(index)
        qtbot.wait(20)
        page = window.pages.currentWidget()
        for tabs in page.findChildren(QTabWidget):
            for tab in range(tabs.count()):
                tabs.setCurrentIndex(tab)
                qtbot.wait(10)
        least = window.minimumSizeHint()
        assert least.width() <= 1024, f"{title}: at least {least.width()} px wide"
        assert least.height() <= 768, f"{title}: at least {least.height()} px high"
    # Every entry of the narrower navigation is read whole.
    room = window.nav.viewport().width()
    for row in range(window.nav.count()):
        assert window.nav.visualItemRect(window.nav.item(row)).width() <= room
        assert window.nav.sizeHintForColumn(0) <= room
    window.resize(1024, 768)
    qtbot.wait(20)
    assert window.width() <= 1024


def test_a_flow_row_wraps_where_the_width_ends(qtbot):
    """The toolbars' FlowLayout: one row when wide, more when narrow, nothing overlapping or
    past the edge, and the spare width to the expanding search box."""
    from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

    from outletdesk.ui.flow import FlowLayout

    host = QWidget()
    qtbot.addWidget(host)
    flow = FlowLayout(host)
    search = QLineEdit(host)
    flow.addWidget(search)
    buttons = [QPushButton(f"Button number {n}", host) for n in range(5)]
    for button in buttons:
        flow.addWidget(button)
    host.show()
    one_row = flow.heightForWidth(flow.sizeHint().width())
    assert flow.heightForWidth(300) > 2 * one_row
    assert host.minimumSizeHint().width() < 300
    for width in (flow.sizeHint().width() + 200, 300):
        host.resize(width, flow.heightForWidth(width))
        qtbot.wait(10)
        boxes = [w.geometry() for w in (search, *buttons)]
        assert all(box.right() < width for box in boxes)
        assert not any(a.intersects(b) for n, a in enumerate(boxes) for b in boxes[n + 1 :])
    assert search.width() > search.sizeHint().width()  # the spare went to it
