"""The Counter's work-order list is fitted as the other main lists are (ColumnFit): numbers,
times, status and total whole, the text columns sharing the rest, the status and technician as
wide as any of theirs; a column sized by hand is kept on the seat by its key and "Fit columns"
is in the header's menu beside the columns shown; sorting on a header still sorts; fitting
reads no more of the list than its first page. Real widgets, a real database, the inline
runner."""

from __future__ import annotations

from conftest import make_actor, ui_context
from PySide6.QtCore import QPoint, QSettings, Qt
from test_ui_work_orders import take_in

from outletdesk.core.customers import CustomerInput
from outletdesk.core.work_orders.queries import SortKey, WorkOrderQueries
from outletdesk.models import Role, WorkOrderStatus
from outletdesk.ui.table_model import ColumnFit
from outletdesk.ui.work_orders.labels import status_text
from outletdesk.ui.work_orders.list_model import COLUMNS, PAGE_SIZE
from outletdesk.ui.work_orders.page import WorkOrdersPage

LONG_NAME = "Bartholomew Featherstonehaugh-Wolfeschlegel"


def counter(services, clerk, tmp_path, qtbot, width: int = 1040) -> WorkOrdersPage:
    page = WorkOrdersPage(ui_context(services, clerk, tmp_path))
    qtbot.addWidget(page)
    page.resize(width + 240, 700)
    page.show()
    qtbot.waitExposed(page)
    assert page.model is not None
    return page


def column(key: SortKey) -> int:
    return COLUMNS.index(key)


def seat(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat)


def test_the_counter_list_is_fitted_as_the_other_lists_are(services, clerk, tmp_path, qtbot):
    take_in(services, clerk, new_customer=CustomerInput(LONG_NAME, ["0612345678"]))
    take_in(services, clerk)
    page = counter(services, clerk, tmp_path, qtbot)
    table, header = page.table, page.table.horizontalHeader()
    fit = table.findChild(ColumnFit)
    assert fit is not None
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    for key in (SortKey.NUMBER, SortKey.RECEIVED, SortKey.STATUS, SortKey.NEXT_DUE, SortKey.TOTAL):
        assert column(key) in fit.whole
        assert header.sectionSize(column(key)) >= fit.natural_width(column(key)), key
    # Every status fits, not only those of the rows on the first page ("Received" here).
    metrics = table.fontMetrics()
    widest = max(metrics.horizontalAdvance(status_text(s)) for s in WorkOrderStatus)
    assert header.sectionSize(column(SortKey.STATUS)) >= widest + 6
    # Nothing off the right edge, no gap; the device takes what is spare.
    assert sum(header.sectionSize(c) for c in shown) == table.viewport().width()
    assert header.sectionSize(column(SortKey.DEVICE)) >= fit.natural_width(column(SortKey.DEVICE))
    # Narrower: the customer's long name is cut, the whole columns are not.
    page.resize(900, 700)
    qtbot.wait(20)
    customer = column(SortKey.CUSTOMER)
    assert header.sectionSize(customer) < fit.natural_width(customer)
    assert header.sectionSize(column(SortKey.RECEIVED)) >= fit.natural_width(
        column(SortKey.RECEIVED)
    )
    # The header's menu: the columns to show, then Fit columns.
    texts = [a.text() for a in header.actions()]
    assert texts[: len(COLUMNS)] == [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))
    ]
    assert header.actions()[len(COLUMNS)].isSeparator()
    assert texts[-1] == "Fit columns"


def test_a_sample_is_as_wide_as_a_cell_of_its_text(services, clerk, tmp_path, qtbot):
    """The technicians' names fit the technician column as if they were on the first page."""
    take_in(services, clerk, new_customer=CustomerInput(LONG_NAME, ["0612345678"]))
    page = counter(services, clerk, tmp_path, qtbot)
    fit = page.table.findChild(ColumnFit)
    customer = column(SortKey.CUSTOMER)
    measured = page.table.sizeHintForColumn(customer)  # LONG_NAME's cell
    assert fit._samples_width([LONG_NAME]) == measured


def test_the_technician_column_fits_the_technicians_names(services, clerk, outlet, tmp_path, qtbot):
    make_actor(services, outlet.id, Role.TECHNICIAN, "wolfeschlegelsteinhausen")
    take_in(services, clerk)
    page = counter(services, clerk, tmp_path, qtbot)
    fit = page.table.findChild(ColumnFit)
    technician = column(SortKey.TECHNICIAN)
    name = page.technician.itemText(page.technician.count() - 1)
    assert "Wolfeschlegelsteinhausen" in name
    assert fit.natural_width(technician) >= fit._samples_width([name])
    assert page.table.horizontalHeader().sectionSize(technician) >= fit._samples_width([name])


def test_a_counter_column_sized_by_hand_is_kept_on_the_seat(services, clerk, tmp_path, qtbot):
    take_in(services, clerk)
    page = counter(services, clerk, tmp_path, qtbot)
    header = page.table.horizontalHeader()
    customer = column(SortKey.CUSTOMER)
    edge = header.sectionViewportPosition(customer) + header.sectionSize(customer) - 1
    y = header.height() // 2
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    for step in range(1, 5):
        qtbot.mouseMove(header.viewport(), QPoint(edge + 15 * step, y))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 60, y))
    chosen = header.sectionSize(customer)
    take_in(services, clerk)
    page.apply_filter()  # the list reloads
    assert page.model.rowCount() == 2
    assert header.sectionSize(customer) == chosen
    assert seat(tmp_path).value("columns/work_orders") == f"customer={chosen}"
    page.close()

    again = counter(services, clerk, tmp_path, qtbot)  # the next start at this seat
    again_header = again.table.horizontalHeader()
    assert again_header.sectionSize(customer) == chosen
    (fit_columns,) = [a for a in again_header.actions() if a.text() == "Fit columns"]
    fit_columns.trigger()
    assert seat(tmp_path).value("columns/work_orders") == ""
    assert again.table.findChild(ColumnFit).by_hand == {}


def test_a_column_shown_from_the_menu_is_fitted_in(services, clerk, tmp_path, qtbot):
    take_in(services, clerk)
    page = counter(services, clerk, tmp_path, qtbot)
    table, header = page.table, page.table.horizontalHeader()
    phone = column(SortKey.PHONE)
    assert header.isSectionHidden(phone)
    (menu,) = [a for a in header.actions() if a.text() == "Phone"]
    menu.setChecked(True)
    fit = table.findChild(ColumnFit)
    assert header.sectionSize(phone) >= fit.natural_width(phone)
    assert header.length() == table.viewport().width()
    assert fit.by_hand == {}


def test_a_click_on_a_header_still_sorts(services, clerk, tmp_path, qtbot):
    take_in(services, clerk, new_customer=CustomerInput("Zoe Young", ["0612345678"]))
    take_in(services, clerk, new_customer=CustomerInput("Anna Berg", ["0612345679"]))
    page = counter(services, clerk, tmp_path, qtbot)
    header = page.table.horizontalHeader()
    customer = column(SortKey.CUSTOMER)
    x = header.sectionViewportPosition(customer) + header.sectionSize(customer) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    assert page.model.filter.sort is SortKey.CUSTOMER
    assert [page.model.row(r).customer_name for r in range(2)] == ["Anna Berg", "Zoe Young"]


def test_fitting_reads_only_the_first_page(services, clerk, tmp_path, qtbot, monkeypatch):
    """The fit measures about a screenful of rows, fewer than a page: at start-up the list's
    rows are read once, however long the list (more than a page here), the window tall."""
    for n in range(PAGE_SIZE + 20):
        take_in(services, clerk, new_customer=CustomerInput(f"Customer {n}", [f"06{n:08d}"]))
    reads: list[int] = []
    original = WorkOrderQueries.rows
    monkeypatch.setattr(
        WorkOrderQueries,
        "rows",
        lambda self, actor, ids: reads.append(len(ids)) or original(self, actor, ids),
    )
    page = counter(services, clerk, tmp_path, qtbot)
    page.resize(1400, 1000)
    qtbot.wait(20)
    assert page.model.rowCount() == PAGE_SIZE + 20
    assert page.model.all_ids_loaded
    assert reads == [PAGE_SIZE]
