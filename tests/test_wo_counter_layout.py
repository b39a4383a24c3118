"""The Counter at 1280x800, in English and Chinese: the list's columns fit without scrolling
sideways, the intake's condition notes are wide enough to read, and a handed-back order's lines
keep room in the money tab beside its payments and refunds."""

from __future__ import annotations

from conftest import make_actor, ui_context
from PySide6.QtGui import QFont, QFontMetrics

from outletdesk.core.auth import Actor
from outletdesk.core.customers import CustomerInput
from outletdesk.core.demo import DEMO_PASSWORD, fill_demo
from outletdesk.core.work_orders.demo import generate_work_orders
from outletdesk.core.work_orders.dto import DeviceInput, IntakeInput, LineInput
from outletdesk.core.work_orders.queries import SortKey
from outletdesk.models import LineKind, Role, WorkOrderStatus
from outletdesk.ui.main_window import MainWindow
from outletdesk.ui.work_orders.detail import WorkOrderDetail
from outletdesk.ui.work_orders.intake_dialog import IntakeDialog
from outletdesk.ui.work_orders.list_model import COLUMNS

S = WorkOrderStatus


def test_the_counter_list_fits_1280_pixels(services, qtbot, tmp_path, language):
    fill_demo(services.db, customers=40)
    generate_work_orders(services.db, 120)
    manager = services.auth.sign_in("manager", DEMO_PASSWORD)
    assert isinstance(manager, Actor)
    window = MainWindow(ui_context(services, manager, tmp_path), "North")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = window.work_orders
    window.show_page(window.pages.indexOf(page))
    page.status.setCurrentIndex(page.status.findData("all"))
    qtbot.wait(20)
    table, model = page.table, page.model
    assert window.width() <= 1280 and model.rowCount() > 30
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()  # nothing hidden off the right edge
    assert not table.horizontalScrollBar().isVisible()
    shown = [key for c, key in enumerate(COLUMNS) if not table.isColumnHidden(c)]
    assert shown == [
        SortKey.NUMBER,
        SortKey.RECEIVED,
        SortKey.CUSTOMER,
        SortKey.DEVICE,
        SortKey.STATUS,
        SortKey.TECHNICIAN,
        SortKey.NEXT_DUE,
        SortKey.TOTAL,
    ]
    cell = table.fontMetrics()
    bold = QFont(table.font())
    bold.setBold(True)
    rows = range(min(model.rowCount(), 60))

    def in_sight() -> range:
        viewport = table.viewport()
        last = table.rowAt(viewport.height() - 1)
        return range(table.rowAt(0), model.rowCount() if last < 0 else last + 1)

    # Numbers (an urgent one in bold), times and totals are never cut, in the rows in sight
    # and in those scrolled to later (only a screenful is measured at the start).
    bar = table.verticalScrollBar()
    assert bar.maximum() > 0
    for value in (0, bar.maximum() // 2, bar.maximum()):
        bar.setValue(value)
        qtbot.wait(20)
        sight = in_sight()
        assert len(sight) > 10 and (value == 0) == (sight.start == 0)
        for key in (SortKey.NUMBER, SortKey.RECEIVED, SortKey.NEXT_DUE, SortKey.TOTAL):
            column = COLUMNS.index(key)
            metrics = QFontMetrics(bold) if key is SortKey.NUMBER else cell
            widest = max(
                metrics.horizontalAdvance(model.index(r, column).data() or "") for r in sight
            )
            assert table.columnWidth(column) >= widest + 6, (key, value)
    table.scrollToTop()
    # The demo's technicians' names are read whole; the device keeps a useful width.
    technician = COLUMNS.index(SortKey.TECHNICIAN)
    names = {model.index(r, technician).data() for r in rows} - {""}
    assert names
    widest = max(cell.horizontalAdvance(n) for n in names)
    assert table.columnWidth(technician) >= widest + 6
    assert table.columnWidth(COLUMNS.index(SortKey.DEVICE)) >= 110
    # The hidden columns come back from the header's menu.
    phone = next(
        a for a in header.actions() if a.text() == model.headerData(3, header.orientation())
    )
    phone.setChecked(True)
    assert not table.isColumnHidden(COLUMNS.index(SortKey.PHONE))


def test_the_condition_notes_are_wide_enough_to_read(services, clerk, qtbot, tmp_path, language):
    dialog = IntakeDialog(ui_context(services, clerk, tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(20)
    assert dialog.height() <= 800 and dialog.checklist
    for _item, _ok, note in dialog.checklist:
        qtbot.keyClicks(note, "cracked")
        assert note.width() >= note.fontMetrics().horizontalAdvance("cracked, scratched") + 12


def test_a_delivered_orders_lines_keep_room_in_the_money_tab(
    services, outlet, clerk, qtbot, tmp_path, language, monkeypatch
):
    tech = make_actor(services, outlet.id, Role.TECHNICIAN, "tech")
    manager = make_actor(services, outlet.id, Role.MANAGER, "boss")
    order, _ = services.intake.take_in(
        clerk,
        IntakeInput(
            device=DeviceInput("phone", "Apple", "iPhone 13"),
            reported_fault="Screen cracked",
            new_customer=CustomerInput("张静芳", ["15908301661"]),
            deposit="200",
        ),
    )
    order, _ = services.work_orders.set_lines(
        tech,
        order.id,
        order.version,
        [
            LineInput(LineKind.LABOUR, "Replace screen", 45, 120),
            LineInput(LineKind.PART, "Screen assembly", 1, 680),
            LineInput(LineKind.FEE, "Cleaning and test", 1, 20),
        ],
    )
    for step in (S.IN_REPAIR, S.READY):
        order, _ = services.work_orders.move(tech, order.id, order.version, step)
    order, _ = services.work_orders.hand_back(clerk, order.id, order.version, "张静芳", "590")
    services.refunds.request(clerk, order.id, "50", "cash", "Goodwill")
    monkeypatch.setattr(WorkOrderDetail, "open_action", lambda self, dialog: None)
    detail = WorkOrderDetail(ui_context(services, manager, tmp_path), order.id)
    qtbot.addWidget(detail)
    detail.resize(1040, 740)  # as it opens on a 1280x800 screen
    detail.show()
    detail.tabs.setCurrentIndex(1)
    qtbot.wait(20)
    lines = detail.editor.lines
    assert lines.rowCount() >= 3 and detail.payments.rowCount() == 2
    assert detail.refunds.isVisible() and detail.refunds.table.rowCount() == 1
    # Every line in full, and room for a few more before it scrolls.
    assert lines.rowViewportPosition(2) + lines.rowHeight(2) <= lines.viewport().height()
    assert lines.viewport().height() >= 5 * lines.rowHeight(0)
    # The payments and the refund show whole too.
    for table in (detail.payments, detail.refunds.table):
        last = table.rowCount() - 1
        assert table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height()


def test_the_outlet_filter_shows_the_whole_name_in_its_tooltip(services, qtbot, tmp_path):
    fill_demo(services.db, customers=5)
    manager = services.auth.sign_in("manager", DEMO_PASSWORD)
    window = MainWindow(ui_context(services, manager, tmp_path), "North")
    qtbot.addWidget(window)
    window.show()
    outlet = window.work_orders.outlet
    qtbot.waitUntil(lambda: outlet.count() > 2)
    outlet.setCurrentIndex(outlet.count() - 1)
    assert outlet.toolTip() == outlet.currentText() and " – " in outlet.toolTip()
