"""A column the person sizes by hand keeps its width when the rows reload and the table is
resized, the others fitted around it, on this seat from one session to the next (kept by the
column's key: it follows its column when a later version moves it, and across a change of
language); a double click on its edge or the header's "Fit columns" gives it back to the fit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QTableView

from outletdesk.ui.table_model import ColumnFit, RowsModel, row_table

Row = tuple[str, str, str, str]
ROWS: list[Row] = [
    ("BAT-IP12", "Battery for iPhone 12 (replacement, 2815 mAh)", "Batteries", "12"),
    ("SCR-SGA52", "Screen assembly Samsung Galaxy A52 OLED with frame", "Screens", "3"),
]


@pytest.fixture
def seat(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "seat.ini"), QSettings.Format.IniFormat)


ENGLISH = ("SKU", "Name", "Category", "Here")
CHINESE = ("货号", "名称", "类别", "本网点")
KEYS = ("sku", "name", "category", "here")


def parts_table(
    qtbot, seat: QSettings, order: tuple[int, ...] = (0, 1, 2, 3), titles=ENGLISH, keys=KEYS
) -> tuple[QTableView, RowsModel[Row]]:
    """SKU, name, category and quantity here, in `order` (a later version's), titled `titles`."""
    columns = [(keys[n], titles[n], lambda r, n=n: r[n]) for n in order]
    model: RowsModel[Row] = RowsModel(columns, numeric=frozenset({order.index(3)}))
    model.set_rows(ROWS)
    table = row_table(model, None, stretch=order.index(1), whole={order.index(0)},
                      seat=(seat, "parts"))  # fmt: skip
    qtbot.addWidget(table)
    table.resize(700, 300)
    table.show()
    qtbot.waitExposed(table)
    return table, model


def drag_edge(qtbot, table: QTableView, column: int, by: int) -> None:
    """Drag the right edge of a column's title as a person would."""
    header = table.horizontalHeader()
    edge = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    y = header.height() // 2
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    for step in range(1, 5):
        qtbot.mouseMove(header.viewport(), QPoint(edge + by * step // 4, y))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + by, y))


def assert_others_fit(table: QTableView, by_hand: int) -> None:
    fit = table.findChild(ColumnFit)
    header = table.horizontalHeader()
    for c in (0, 3):  # SKU and quantity whole
        if c != by_hand:
            assert header.sectionSize(c) >= fit.natural_width(c)
    assert header.length() == table.viewport().width()  # nothing off the edge, no gap


@pytest.mark.parametrize(("column", "by"), [(2, 60), (1, -150)])  # category wider, name narrower
def test_a_column_sized_by_hand_keeps_its_width(qtbot, seat, column, by):
    table, model = parts_table(qtbot, seat)
    header = table.horizontalHeader()
    before = header.sectionSize(column)
    drag_edge(qtbot, table, column, by)
    chosen = header.sectionSize(column)
    assert chosen == before + by
    model.set_rows(list(reversed(ROWS)))  # a reload after a save, a filter or a refresh
    qtbot.wait(10)
    assert header.sectionSize(column) == chosen
    assert_others_fit(table, column)
    table.resize(820, 300)
    qtbot.wait(10)
    assert header.sectionSize(column) == chosen
    assert_others_fit(table, column)

    # The next session on this seat finds it so.
    again, _ = parts_table(qtbot, seat)
    assert again.horizontalHeader().sectionSize(column) == chosen
    assert_others_fit(again, column)


def test_the_stretch_column_by_hand_leaves_the_spare_width_to_another(qtbot, seat):
    table, model = parts_table(qtbot, seat)
    header = table.horizontalHeader()
    header.resizeSection(1, 150)  # not the fit's own call: the person's
    model.set_rows(ROWS)
    qtbot.wait(10)
    assert header.sectionSize(1) == 150
    assert_others_fit(table, 1)


def test_double_click_or_fit_columns_gives_the_column_back(qtbot, seat):
    table, model = parts_table(qtbot, seat)
    header = table.horizontalHeader()
    fitted = header.sectionSize(2)
    drag_edge(qtbot, table, 2, 80)
    assert header.sectionSize(2) == fitted + 80
    edge = header.sectionViewportPosition(2) + header.sectionSize(2) - 1
    qtbot.mouseDClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, header.height() // 2)
    )
    assert header.sectionSize(2) == fitted
    assert table.findChild(ColumnFit).by_hand == {}
    model.set_rows(ROWS)
    assert header.sectionSize(2) == fitted

    header.resizeSection(1, 120)
    header.resizeSection(2, 200)
    model.set_rows(ROWS)
    assert [header.sectionSize(c) for c in (1, 2)] == [120, 200]
    (fit_columns,) = [a for a in header.actions() if a.text() == "Fit columns"]
    assert header.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    fit_columns.trigger()
    assert header.sectionSize(2) == fitted
    assert seat.value("columns/parts") == ""
    again, _ = parts_table(qtbot, seat)
    assert again.horizontalHeader().sectionSize(2) == fitted


def test_hiding_and_showing_a_column_is_not_sizing_it(qtbot, seat):
    table, _model = parts_table(qtbot, seat)
    table.setColumnHidden(2, True)
    table.setColumnHidden(2, False)
    assert table.findChild(ColumnFit).by_hand == {}


@pytest.mark.parametrize(
    "stored",
    ["name=99999999999", "name=²", "name=٣", "colour=120", "x=1,,=,name=", "name=-5", "NAME=90",
     "=200"],
)  # fmt: skip
def test_damaged_stored_widths_are_passed_over_and_the_page_opens(qtbot, seat, stored):
    """A seat file edited by hand or damaged (huge, non-ASCII digits, a column the table lacks,
    junk) must not stop the table from being built; a sane entry beside it is still used."""
    seat.setValue("columns/parts", f"{stored},category=150")
    table, _ = parts_table(qtbot, seat)
    fit = table.findChild(ColumnFit)
    assert fit.by_hand == {2: 150}
    assert table.horizontalHeader().sectionSize(2) == 150
    assert_others_fit(table, by_hand=2)


def test_widths_are_kept_by_column_key(qtbot, seat):
    table, _ = parts_table(qtbot, seat)
    table.horizontalHeader().resizeSection(2, 150)
    table.horizontalHeader().resizeSection(1, 210)
    assert seat.value("columns/parts") == "name=210,category=150"


def test_a_saved_width_follows_its_column_when_a_later_version_moves_it(qtbot, seat):
    table, _ = parts_table(qtbot, seat)
    drag_edge(qtbot, table, 2, 70)  # the category
    chosen = table.horizontalHeader().sectionSize(2)
    # A later version puts the category first and the quantity before the name.
    moved, _ = parts_table(qtbot, seat, order=(2, 0, 3, 1))
    header = moved.horizontalHeader()
    assert moved.findChild(ColumnFit).by_hand == {0: chosen}
    assert header.sectionSize(0) == chosen
    fit = moved.findChild(ColumnFit)
    assert [header.sectionSize(c) >= fit.natural_width(c) for c in (1, 2)] == [True, True]
    assert header.length() == moved.viewport().width()


def test_a_saved_width_survives_a_change_of_language(qtbot, seat):
    table, _ = parts_table(qtbot, seat)
    drag_edge(qtbot, table, 1, -120)  # the name, narrower
    chosen = table.horizontalHeader().sectionSize(1)
    chinese, model = parts_table(qtbot, seat, titles=CHINESE)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "名称"
    assert chinese.horizontalHeader().sectionSize(1) == chosen
    assert_others_fit(chinese, by_hand=1)


def test_widths_saved_by_column_number_are_passed_over(qtbot, seat):
    """An older version kept "column=width": a column's number need not be its column now, so
    those entries are passed over (the columns fitted) and replaced at the next sizing."""
    seat.setValue("columns/parts", "2=150,1=300")
    table, _ = parts_table(qtbot, seat)
    header = table.horizontalHeader()
    assert table.findChild(ColumnFit).by_hand == {}
    assert_others_fit(table, by_hand=-1)
    header.resizeSection(2, 160)
    assert seat.value("columns/parts") == "category=160"


def test_a_column_without_a_key_is_sized_but_not_remembered(qtbot, seat):
    table, _ = parts_table(qtbot, seat, keys=("sku", "name", "", "here"))
    header = table.horizontalHeader()
    header.resizeSection(2, 150)
    header.resizeSection(1, 200)
    assert table.findChild(ColumnFit).by_hand == {1: 200, 2: 150}
    assert seat.value("columns/parts") == "name=200"


def test_the_fit_measures_a_cell_as_the_table_does(qtbot, seat):
    """ColumnFit measures the cells itself (faster than the view's size hint): to the pixel
    the same width, or a whole column of order numbers was cut by one ("N-0001…")."""
    model: RowsModel[tuple[str, ...]] = RowsModel(
        [(str(n), lambda r, n=n: r[n]) for n in range(4)], numeric=frozenset({3})
    )
    model.set_rows([("N-000146", "屏幕总成 iPhone 12 Screen assembly", "2026-11-23 12:43", "99,999.00"),
                    ("S-000149", "Wolfeschlegelsteinhausen", "2026-12-13", "1.10")])  # fmt: skip
    table = row_table(model, None, stretch=1)
    qtbot.addWidget(table)
    fit = table.findChild(ColumnFit)
    for column in range(4):
        assert fit._cells_width(column) == table.sizeHintForColumn(column), column
