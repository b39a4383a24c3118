"""Parts and Equipment at 1280x800 (and 1366x768), in English and Chinese, on the demo data: the
outlet and category pickers show their longest entry whole, numbers, dates and codes are never
cut nor wrapped (lists and details panes), the register's columns all lie in sight, and a text
column is cut only as far as the other cut ones (the plan no narrower than the category)."""

from __future__ import annotations

import datetime

import pytest
from conftest import ui_context
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextTable
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QTableView

from outletdesk.core.auth import Actor
from outletdesk.core.demo import DEMO_PASSWORD, fill_demo
from outletdesk.core.equipment.demo import add_demo_equipment
from outletdesk.core.parts.demo import add_demo_parts
from outletdesk.ui.main_window import MainWindow
from outletdesk.ui.table_model import COLUMN_KEY, ColumnFit, RowsModel, row_table


@pytest.fixture
def window(services, qtbot, tmp_path, language) -> MainWindow:
    fill_demo(services.db, customers=10)
    add_demo_parts(services.db)
    add_demo_equipment(services.db)
    manager = services.auth.sign_in("manager", DEMO_PASSWORD)
    assert isinstance(manager, Actor)
    window = MainWindow(ui_context(services, manager, tmp_path), "South")
    qtbot.addWidget(window)
    return window


def text_room(combo: QComboBox) -> int:
    """The width a closed picker has for its text."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


def assert_every_entry_fits(combo: QComboBox) -> None:
    room, metrics = text_room(combo), combo.fontMetrics()
    for index in range(combo.count()):
        text = combo.itemText(index)
        assert metrics.horizontalAdvance(text) <= room, f"{text!r} cut to {room} pixels"


def assert_fitted(table: QTableView, name: str) -> None:
    """Whole columns at their full width; a cut text column no narrower than a wider text one;
    with room to spare nothing at all is cut and nothing lies off the right edge."""
    fit = table.findChild(ColumnFit)
    assert fit is not None, name
    header = table.horizontalHeader()
    columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    natural = {c: fit.natural_width(c) for c in columns}
    width = {c: header.sectionSize(c) for c in columns}
    for c in columns:
        if c in fit.whole:
            assert width[c] >= natural[c], f"{name}: column {c} cut"
    texts = [c for c in columns if c not in fit.whole]
    for c in texts:
        if width[c] < natural[c]:  # cut: every other text column as narrow or not cut
            for other in texts:
                if other in fit.keep:
                    continue  # cut last
                assert width[other] <= width[c] + 1 or width[other] <= natural[other], (
                    f"{name}: column {c} cut to {width[c]} while column {other} is {width[other]}"
                )
    for c in fit.keep:  # the Due list's plan: cut only as far as any other text column
        if width[c] < natural[c]:
            assert all(width[c] >= width[o] for o in texts), f"{name}: column {c} cut first"
    if sum(natural.values()) <= table.viewport().width():
        assert all(width[c] >= natural[c] for c in columns), name
    if sum(natural[c] for c in fit.whole) + 60 * len(texts) <= table.viewport().width():
        assert header.length() <= table.viewport().width(), f"{name}: columns off screen"


def one_line_cells(document, columns: set[int]) -> list[tuple[int, int, int]]:
    """(row, column, lines) of every cell of the given columns of the document's last table."""
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    table = tables[-1]
    found = []
    for row in range(table.rows()):
        for column in columns:
            block = table.cellAt(row, column).firstCursorPosition().block()
            found.append((row, column, block.layout().lineCount()))
    return found


def show(window: MainWindow, page, size: tuple[int, int], qtbot) -> None:
    window.resize(*size)
    window.show()
    window.show_page(window.pages.indexOf(page))
    qtbot.wait(20)
    assert window.width() <= size[0]


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)])
def test_parts_page_fits(window, qtbot, size):
    parts = window.parts
    show(window, parts, size, qtbot)
    assert parts.outlet.count() >= 2
    for index in range(parts.outlet.count()):
        parts.outlet.setCurrentIndex(index)
        qtbot.wait(20)
        assert_every_entry_fits(parts.outlet)
        if parts.location.isVisible():
            assert_every_entry_fits(parts.location)
        assert window.width() <= size[0]
    assert parts.model.rowCount() > 5
    assert_fitted(parts.table, "catalogue")
    # The details' movements: date, where, what, quantity and balance each on one line.
    shown = 0
    for row in range(min(parts.model.rowCount(), 8)):
        parts.table.selectRow(row)
        qtbot.wait(20)
        if parts.detail is None or not parts.detail[2]:
            continue
        shown += 1
        for at_row, column, lines in one_line_cells(parts.details.document(), {0, 1, 2, 3, 4}):
            assert lines == 1, f"part row {row}: movement {at_row} column {column} wraps"
    assert shown
    for tab, table, name in (
        (1, parts.low_table, "low stock"),
        (2, parts.transfer_table, "transfers"),
    ):
        parts.tabs.setCurrentIndex(tab)
        qtbot.wait(20)
        assert_fitted(table, name)


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)])
def test_equipment_page_fits(window, qtbot, size):
    page = window.equipment
    show(window, page, size, qtbot)
    assert page.category.count() > 3
    assert_every_entry_fits(page.category)
    for index in range(page.outlet.count()):  # all outlets, North, South
        page.outlet.setCurrentIndex(index)
        page.tabs.setCurrentIndex(0)
        qtbot.wait(20)
        shown = page.outlet.currentText()
        assert_every_entry_fits(page.outlet)
        assert window.width() <= size[0], shown
        assert page.model.rowCount() > 0, shown
        table = page.table
        # Every column of the register in sight, no scrolling sideways.
        assert table.horizontalHeader().length() <= table.viewport().width(), shown
        assert_fitted(table, f"register at {shown}")
        page.table.selectRow(0)
        qtbot.wait(20)
        for at_row, _column, lines in one_line_cells(page.details.document(), {0}):
            assert lines == 1, f"{shown}: history {at_row} date wraps"
        for tab, table, name in (
            (1, page.due_tab.table, "due"),
            (2, page.plans_tab.table, "plans"),
            (4, page.figures_tab.table, "figures"),
        ):
            page.tabs.setCurrentIndex(tab)
            qtbot.wait(20)
            assert_fitted(table, f"{name} at {shown}")


def test_column_fit_shares_the_width_and_scrolls_when_it_must(qtbot):
    """On its own: tag and quantity whole at any width, the two texts cut evenly when short of
    room, the name taking the spare width when there is some, sideways scrolling when even the
    whole columns do not fit."""
    model: RowsModel[tuple[str, str, str, str]] = RowsModel(
        [("Tag", lambda r: r[0]), ("Name", lambda r: r[1]), ("Category", lambda r: r[2]),
         ("Qty", lambda r: r[3])],
        numeric=frozenset({3}),
    )  # fmt: skip
    model.set_rows([("EQ-N-000001", "热风枪 Hot air rework station " * 2, "Test & diagnostic " * 3,
                     "+1,000")])  # fmt: skip
    table = row_table(model, None, stretch=1, whole={0})
    qtbot.addWidget(table)
    table.show()
    fit = table.findChild(ColumnFit)
    header = table.horizontalHeader()
    natural = [fit.natural_width(c) for c in range(4)]
    table.resize(natural[0] + natural[3] + 300, 200)
    qtbot.wait(20)
    assert header.sectionSize(0) >= natural[0] and header.sectionSize(3) >= natural[3]
    assert abs(header.sectionSize(1) - header.sectionSize(2)) <= 1  # both cut, evenly
    assert header.length() <= table.viewport().width()
    table.resize(sum(natural) + 200, 200)
    qtbot.wait(20)
    assert [header.sectionSize(c) for c in (0, 2, 3)] == [natural[c] for c in (0, 2, 3)]
    assert header.sectionSize(1) > natural[1]  # the spare width
    assert header.length() == table.viewport().width()
    table.resize(natural[0] + 40, 200)
    qtbot.wait(20)
    assert header.sectionSize(0) >= natural[0] and header.sectionSize(3) >= natural[3]
    assert header.length() > table.viewport().width()
    assert table.horizontalScrollBar().maximum() > 0 and header.sectionViewportPosition(0) == 0


def test_parts_details_need_no_sideways_scrolling(window, qtbot):
    """The details pane at 1280x800: every part's details as wide as the pane, no scroll bar
    sideways (in Chinese they were a pixel wider than the pane)."""
    parts = window.parts
    show(window, parts, (1280, 800), qtbot)
    details, shown = parts.details, 0
    for row in range(parts.model.rowCount()):
        parts.table.selectRow(row)
        qtbot.wait(10)
        if parts.detail is None:
            continue
        shown += 1
        name = parts.detail[0].sku
        document = details.document()
        assert document.idealWidth() <= details.viewport().width(), name
        assert details.horizontalScrollBar().maximum() == 0, name
    assert shown > 5


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)])
def test_a_meter_due_is_its_own_column_beside_a_short_date(window, qtbot, size):
    """The van's service is due by date or by odometer: the date is a short whole column, the
    meter a text column cut like the others (read in full in its tooltip), so it no longer
    narrows the asset and the category; the list stays most urgent first, by due date."""
    page = window.equipment
    show(window, page, size, qtbot)
    north = [i for i in range(page.outlet.count()) if "North" in page.outlet.itemText(i)]
    page.outlet.setCurrentIndex(north[0])
    page.tabs.setCurrentWidget(page.due_tab)
    qtbot.wait(20)
    tab, model = page.due_tab, page.due_tab.model
    keys = [model.headerData(c, Qt.Orientation.Horizontal, COLUMN_KEY) for c in range(9)]
    date, meter, asset, category = (keys.index(k) for k in ("due_on", "meter_due", "asset",
                                                            "category"))  # fmt: skip
    (van,) = [r for r, t in enumerate(model.rows) if t.due_meter is not None]
    task = model.rows[van]
    assert model.index(van, date).data() == task.due_on.isoformat()
    text = model.index(van, meter).data()
    assert text.startswith(f"Odometer 里程 {task.due_meter.normalize():f}")
    assert f"{task.meter_now.normalize():f}" in text
    assert model.index(van, meter).data(Qt.ItemDataRole.ToolTipRole) == text
    fit, header = tab.table.findChild(ColumnFit), tab.table.horizontalHeader()
    assert date in fit.whole and meter not in fit.whole
    assert header.sectionSize(date) == fit.natural_width(date)
    assert header.sectionSize(date) < 2 * header.sectionSize(keys.index("tag"))
    for column in (asset, category):  # not cut for the meter's sake (shares differ by a pixel)
        room = min(fit.natural_width(column), header.sectionSize(meter) - 1)
        assert header.sectionSize(column) >= room
    assert_fitted(tab.table, f"due at {size}")
    order = [(t.bucket.urgency, t.due_on or datetime.date.max) for t in model.rows]
    assert order == sorted(order)
