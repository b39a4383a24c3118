"""The Stocktake tab on the Parts page, driven through real widgets on SQLite and PostgreSQL:
starting a count, scanning and typing counts, the review's numbers, posting, stock that moved
during the count, cancelling, the count sheet, and what a clerk may do."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import audit_count, make_actor, needs_poppler
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, QSettings, Qt
from sqlalchemy import func, select, text
from test_printouts import pdf_text

from outletdesk.core.parts.catalogue import PartInput
from outletdesk.core.parts.stocktake import CountLine
from outletdesk.models import MovementKind, Role, StockMovement, StocktakeStatus
from outletdesk.ui.context import AppContext, ChangeBus
from outletdesk.ui.parts.count_lines import (
    FOUND,
    MISSING,
    NOT_COUNTED,
    CountLinesModel,
    count_columns,
    parse_entry,
)
from outletdesk.ui.parts.page import PartsPage
from outletdesk.ui.parts.stocktake import StocktakeTab
from outletdesk.ui.parts.stocktake_review import (
    SHOW_ALL,
    SHOW_NOT_COUNTED,
    CancelCountDialog,
    CountReviewDialog,
)
from outletdesk.ui.tasks import TaskRunner


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def shelf(services, manager):
    """Screen 4 in B-02 (with a barcode), battery 10 in A-01, glass 0 in B-01, cable 3 unshelved."""

    def part(sku, name, cost, qty, bin_location, barcodes=()):
        made, _ = services.catalogue.create_part(
            manager, PartInput(sku, name, category="Phone", cost_price=cost, barcodes=barcodes)
        )
        if qty:
            services.stock.receive(manager, made.id, qty, cost)
        if bin_location:
            services.stock.set_levels(
                manager, made.id, min_level=0, reorder_qty=0, bin_location=bin_location
            )
        return made

    return {
        "screen": part("SCR-IP12", "屏幕总成 iPhone 12", "300", 4, "B-02", ("6901234567892",)),
        "battery": part("BAT-IP12", "Battery 电池", "40", 10, "A-01"),
        "glass": part("GLS-IP12", "Back glass 后盖玻璃", "25", 0, "B-01"),
        "cable": part("CBL-USB", "USB-C cable 数据线", "8", 3, ""),
    }


def _page(services, actor, tmp_path, qtbot):
    ctx = AppContext(
        services,
        actor,
        TaskRunner(inline=True),
        ChangeBus(),
        QSettings(str(tmp_path / f"seat-{actor.username}.ini"), QSettings.Format.IniFormat),
    )
    page = PartsPage(ctx)
    qtbot.addWidget(page)
    tab = page.findChild(StocktakeTab)
    tab.opened = []
    tab.open_dialog = tab.opened.append  # the test drives the dialogs
    tab.previews = []
    tab.show_preview = lambda pdf, title: tab.previews.append((title, pdf))
    page.show()
    page.tabs.setCurrentWidget(tab)
    return page, tab


@pytest.fixture
def tab(services, manager, shelf, tmp_path, qtbot):
    return _page(services, manager, tmp_path, qtbot)[1]


def _start(tab, note=""):
    tab.note.setPlainText(note)
    tab.start()
    assert tab.take is not None and tab.stack.currentWidget() is tab.count_page
    return tab.take


def _type(tab, text):
    tab.entry.setText(text)
    tab.submit_entry()


def _select(tab, sku):
    tab.table.selectRow([ln.sku for ln in tab.model.rows].index(sku))


def _counted(tab):
    return {ln.sku: ln.counted for ln in tab.model.rows}


def _review(tab):
    tab.open_review()
    dialog = tab.opened.pop()
    assert isinstance(dialog, CountReviewDialog)
    dialog.asked = []
    dialog.confirm = lambda text: dialog.asked.append(text) or True
    return dialog


def _stocktake_movements(services):
    with services.db.read() as s:
        return s.scalar(
            select(func.count())
            .select_from(StockMovement)
            .where(StockMovement.kind == MovementKind.STOCKTAKE.value)
        )


def _count_all(tab):
    """Screen scanned twice (4 expected), battery typed as 11, glass 0 and cable 2 by line."""
    assert tab.handle_scan("6901234567892") and tab.handle_scan("scr-ip12")
    _type(tab, "BAT-IP12 11")  # selects the battery, the first line
    _type(tab, "11")  # so a number alone is the battery's too, then the next line is selected
    _type(tab, "0")  # the glass
    _select(tab, "CBL-USB")
    _type(tab, "2")


@pytest.mark.parametrize(
    ("text", "selected", "parsed"),
    [
        ("", True, (None, None)),
        ("6901234567892", True, ("6901234567892", None)),  # a barcode is never a quantity
        ("SCR-IP12", False, ("SCR-IP12", None)),
        (" SCR-IP12   5 ", True, ("SCR-IP12", "5")),
        ("SCR-IP12\u30005", False, ("SCR-IP12", "5")),  # the full-width space of a Chinese IME
        ("SCR-IP12 two", False, ("SCR-IP12", "two")),  # the core says why "two" is no count
        ("7", True, (None, "7")),
        ("7", False, ("7", None)),
    ],
)
def test_what_the_count_field_reads(text, selected, parsed):
    assert parse_entry(text, selected) == parsed


def test_starting_a_count_lists_the_shelf_in_bin_order(tab, services, manager):
    assert tab.stack.currentWidget() is tab.start_page and tab.past_model.rows == []
    assert "No count is open at North Station" in tab.intro.text()
    take = _start(tab, "year end 年终盘点")
    assert take.number == "ST-N-000001" and take.note == "year end 年终盘点"
    tabs = tab.parent().parent()
    assert tabs.tabText(tabs.indexOf(tab)) == "Stocktake (counting)"
    assert [ln.sku for ln in tab.model.rows] == ["BAT-IP12", "GLS-IP12", "SCR-IP12", "CBL-USB"]
    assert [tab.model.index(n, 3).data() for n in range(4)] == ["10", "0", "4", "3"]
    first_counted = tab.model.index(0, 4)
    assert first_counted.data() == ""  # not counted yet: still listed, in grey
    assert first_counted.data(Qt.ItemDataRole.ForegroundRole).color() == NOT_COUNTED
    assert "0 of 4 lines counted" in tab.info.text()
    assert services.stocktake.open_count(manager).id == take.id
    assert not tab.start_button.isEnabled() and tab.cancel_button.isEnabled()


def test_scans_add_one_and_typed_numbers_set_the_count(tab, services, manager, qtbot):
    take = _start(tab)
    assert tab.handle_scan("6901234567892")
    assert tab.handle_scan("SCR-IP12")
    assert _counted(tab)["SCR-IP12"] == 2 and tab.selected_line().sku == "SCR-IP12"
    assert "SCR-IP12" in tab.message.text() and "expected 4 (-2)" in tab.message.text()
    _type(tab, "BAT-IP12 11")  # SKU and quantity: set, not added
    _type(tab, "BAT-IP12 11")
    assert _counted(tab)["BAT-IP12"] == 11 and tab.entry.text() == ""
    _select(tab, "GLS-IP12")
    _type(tab, "0")  # a number alone: the selected line, then the next one on the shelf
    assert _counted(tab)["GLS-IP12"] == 0 and tab.selected_line().sku == "SCR-IP12"
    _select(tab, "CBL-USB")
    tab.table.setFocus()
    qtbot.keyClicks(tab.table, "2")  # typing in the list goes to the count field
    assert tab.entry.text() == "2"
    qtbot.keyClick(tab.entry, Qt.Key.Key_Return)
    assert _counted(tab) == {"BAT-IP12": 11, "GLS-IP12": 0, "SCR-IP12": 2, "CBL-USB": 2}
    assert "4 of 4 lines counted" in tab.info.text()
    assert "Differences so far: 3" in tab.info.text()
    by_sku = {ln.sku: ln for ln in services.stocktake.review(manager, take.id).lines}
    assert (by_sku["SCR-IP12"].counted, by_sku["BAT-IP12"].counted) == (2, 11)
    missing = tab.model.index(tab.model.row_of(by_sku["SCR-IP12"].part_id), 0)
    assert missing.data(Qt.ItemDataRole.BackgroundRole).color() == MISSING
    found = tab.model.index(tab.model.row_of(by_sku["BAT-IP12"].part_id), 0)
    assert found.data(Qt.ItemDataRole.BackgroundRole).color() == FOUND


def test_a_scan_goes_to_the_open_count_through_the_parts_page(
    services, manager, shelf, tmp_path, qtbot
):
    page, tab = _page(services, manager, tmp_path, qtbot)
    assert page.handle_scan("BAT-IP12") and page.tabs.currentIndex() == 0  # no count: the search
    page.tabs.setCurrentWidget(tab)
    _start(tab)
    tab.entry.setText("6901234567892")  # what the scanner typed before its Enter was taken
    assert page.handle_scan("6901234567892")
    assert page.tabs.currentWidget() is tab and tab.entry.text() == ""
    assert _counted(tab)["SCR-IP12"] == 1


def test_a_part_found_on_the_shelf_joins_the_list(tab, services, manager):
    _start(tab)
    stranger, _ = services.catalogue.create_part(manager, PartInput("NEW-1", "Found 新件"))
    _type(tab, "NEW-1")
    assert [ln.sku for ln in tab.model.rows][-1] == "NEW-1"
    assert tab.selected_line().sku == "NEW-1" and tab.selected_line().counted == 1
    assert tab.model.row_of(stranger.id) == 4


def test_a_bad_count_is_shown_at_the_field_and_writes_nothing(tab, services, manager):
    take = _start(tab)
    before = (services.stocktake.review(manager, take.id), audit_count(services))
    _type(tab, "SCR-IP12 -1")
    assert "Counted" in tab.error.text() and not tab.error.isHidden()
    assert tab.entry.styleSheet() and tab.entry.text() == "SCR-IP12 -1"  # kept to correct
    _type(tab, "NO-SUCH")
    assert "NO-SUCH" in tab.error.text()
    assert (services.stocktake.review(manager, take.id), audit_count(services)) == before
    _type(tab, "SCR-IP12 1")
    assert tab.error.isHidden() and _counted(tab)["SCR-IP12"] == 1


def test_review_numbers_and_posting_writes_the_movements(tab, services, manager, shelf):
    take = _start(tab)
    _count_all(tab)
    dialog = _review(tab)
    totals = dialog.totals.text()
    assert "4 of 4 lines counted" in totals and "Differences: 3" in totals
    assert (
        "Found +40.00" in totals and "missing -608.00" in totals and "net value -568.00" in totals
    )
    # Only the lines that differ are listed at first, valued at average cost.
    assert [ln.sku for ln in dialog.model.rows] == ["BAT-IP12", "SCR-IP12", "CBL-USB"]
    screen = dialog.model.rows.index(next(ln for ln in dialog.model.rows if ln.sku == "SCR-IP12"))
    assert dialog.model.index(screen, 5).data() == "-2"
    assert dialog.model.index(screen, 6).data() == "-600.00"
    assert dialog.model.index(screen, 0).data(Qt.ItemDataRole.BackgroundRole).color() == MISSING
    assert dialog.moved.isHidden() and dialog.recount_button.isHidden()
    dialog.show_what.setCurrentIndex(SHOW_ALL)
    assert len(dialog.model.rows) == 4

    dialog.post()
    assert "ST-N-000001" in dialog.asked[0] and "-568.00" in dialog.asked[0]
    assert dialog.result() == dialog.DialogCode.Accepted
    assert services.stocktake.get(manager, take.id).status is StocktakeStatus.POSTED
    assert _stocktake_movements(services) == 3
    on_hand = {sku: services.stock.on_hand(manager, part.id) for sku, part in shelf.items()}
    assert on_hand == {"screen": 2, "battery": 11, "glass": 0, "cable": 2}
    assert services.stock.check(manager) == []
    # Back to the start, with the posted count among the past ones.
    assert tab.take is None and tab.stack.currentWidget() is tab.start_page
    assert [tab.past_model.index(0, c).data() for c in (0, 3, 5, 6, 7, 8)] == [
        "ST-N-000001", "Posted", "Boss", "4 of 4", "3", "-568.00"
    ]  # fmt: skip
    tabs = tab.parent().parent()
    assert tabs.tabText(tabs.indexOf(tab)) == "Stocktake"


def test_a_post_refused_for_parts_that_moved_offers_their_recount(tab, services, manager, shelf):
    take = _start(tab)
    _count_all(tab)
    dialog = _review(tab)
    assert dialog.moved.isHidden()
    # While the review is open, a screen is dropped and written off at the counter.
    services.stock.adjust(manager, shelf["screen"].id, -1, "dropped")
    before = (_stocktake_movements(services), audit_count(services))
    dialog.post()
    assert "SCR-IP12" in dialog.error.text() and "recount" in dialog.error.text()
    assert "BAT-IP12" not in dialog.error.text()
    assert (_stocktake_movements(services), audit_count(services)) == before
    assert services.stocktake.get(manager, take.id).status is StocktakeStatus.OPEN
    assert not dialog.moved.isHidden() and "SCR-IP12" in dialog.moved.text()
    assert dialog.recount_button.isVisibleTo(dialog) and dialog.recount_button.isEnabled()
    note = dialog.model.index(dialog.model.row_of(shelf["screen"].id), 7).data()
    assert "recount" in note

    dialog.recount_button.click()
    assert dialog.review.moved == () and dialog.moved.isHidden()
    assert "to count again" in dialog.status.text()  # "1 part" with the English file installed
    assert dialog.show_what.currentData() == SHOW_NOT_COUNTED
    assert [ln.sku for ln in dialog.model.rows] == ["SCR-IP12"]
    assert _counted(tab)["SCR-IP12"] is None  # the tab shows it to count again
    assert tab.model.index(tab.model.row_of(shelf["screen"].id), 3).data() == "3"
    _type(tab, "SCR-IP12 2")
    dialog = _review(tab)
    dialog.post()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert services.stock.on_hand(manager, shelf["screen"].id) == 2
    assert services.stock.check(manager) == []


def test_a_post_from_a_review_counted_on_since_is_refused(tab, services, manager):
    take = _start(tab)
    _type(tab, "SCR-IP12 4")
    dialog = _review(tab)
    services.stocktake.count(manager, take.id, "BAT-IP12", 10)  # a colleague's scanner
    dialog.post()
    assert "review it again" in dialog.error.text()
    assert services.stocktake.get(manager, take.id).status is StocktakeStatus.OPEN
    assert dialog.review.counted == 2  # read again: the next press posts what is there now
    dialog.post()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_cancel_a_count_with_a_reason(tab, services, manager):
    take = _start(tab)
    _type(tab, "SCR-IP12 1")
    tab.open_cancel()
    dialog = tab.opened.pop()
    assert isinstance(dialog, CancelCountDialog)
    services.stocktake.count(manager, take.id, "BAT-IP12", 9)  # counted on at another seat
    dialog.reason.setPlainText("wrong aisle 盘错货架")
    dialog.submit()
    assert "review it again" in dialog.error.text()
    assert services.stocktake.get(manager, take.id).status is StocktakeStatus.OPEN
    dialog.submit()  # seen the message: cancel what is there now
    assert dialog.result() == dialog.DialogCode.Accepted
    cancelled = services.stocktake.get(manager, take.id)
    assert cancelled.status is StocktakeStatus.CANCELLED
    assert cancelled.cancel_reason == "wrong aisle 盘错货架"
    assert _stocktake_movements(services) == 0
    assert tab.stack.currentWidget() is tab.start_page
    row = [tab.past_model.index(0, c).data() for c in (0, 3, 7, 8, 9)]
    assert row == ["ST-N-000001", "Cancelled", "", "", "wrong aisle 盘错货架"]


def test_a_clerk_counts_but_may_not_start_post_or_cancel(
    services, manager, clerk, shelf, tmp_path, qtbot
):
    page, tab = _page(services, clerk, tmp_path, qtbot)
    assert not tab.start_button.isEnabled() and "manager" in tab.start_button.toolTip()
    tab.start()
    assert services.stocktake.list(manager) == []
    take, changes = services.stocktake.start(manager)
    page._ctx.bus.publish(changes)  # as another seat's change would arrive
    assert tab.take is not None and tab.take.id == take.id
    _count_all(tab)
    assert services.stocktake.review(manager, take.id).counted == 4
    assert not tab.cancel_button.isEnabled() and tab.review_button.isEnabled()
    dialog = _review(tab)
    assert "net value -568.00" in dialog.totals.text()
    assert not dialog.post_button.isEnabled() and "manager" in dialog.post_button.toolTip()
    dialog.post()
    assert dialog.asked == [] and services.stocktake.get(manager, take.id).status is (
        StocktakeStatus.OPEN
    )
    tab.open_cancel()
    assert tab.opened == []


def test_bad_start_input_stays_in_the_form(tab, services, manager):
    tab.note.setPlainText("x" * 1001)
    tab.start()
    assert "Note" in tab.start_error.text() and tab.note.styleSheet()
    assert tab.take is None and services.stocktake.list(manager) == []


def test_a_count_opened_at_another_seat_meanwhile(tab, services, manager):
    services.stocktake.start(manager, note="other seat")  # not published to this window
    tab.bin_prefix.setText("B-")
    tab.start()
    assert "already open" in tab.start_error.text()
    assert tab.take is not None and tab.take.note == "other seat"  # the open one is shown


def test_filters_and_the_blind_count(tab, services, manager):
    tab.category.setText("phone")
    tab.bin_prefix.setText("B-0")
    take = _start(tab)
    assert (take.category, take.bin_prefix) == ("phone", "B-0")
    assert [ln.sku for ln in tab.model.rows] == ["GLS-IP12", "SCR-IP12"]
    assert "category phone" in tab.info.text() and "bins B-0" in tab.info.text()
    tab.blind.setChecked(True)
    assert all(tab.table.isColumnHidden(c) for c in (3, 5, 6))
    _type(tab, "SCR-IP12 1")
    assert "expected" not in tab.message.text() and "Differences" not in tab.info.text()
    row = tab.model.row_of(tab.selected_line().part_id)
    assert tab.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    tab.blind.setChecked(False)
    assert not tab.table.isColumnHidden(3)
    assert tab.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color() == MISSING


@pytest.mark.parametrize("blind", [False, True])
def test_export_the_count_sheet(tab, tmp_path, blind):
    take = _start(tab)
    tab.blind.setChecked(blind)
    target = tmp_path / "sheet.xlsx"
    asked = []
    tab.ask_export_path = lambda name: asked.append(name) or str(target)
    tab.export_sheet()
    assert asked == ["ST-N-000001.xlsx"] and "4 lines" in tab.message.text()
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row[0] == "Bin")
    assert ("Expected" in rows[header]) is not blind
    assert [row[1] for row in rows[header + 1 :]] == ["BAT-IP12", "GLS-IP12", "SCR-IP12", "CBL-USB"]
    assert take.number in rows[0][0]


@needs_poppler
@pytest.mark.parametrize("blind", [False, True])
def test_print_the_count_sheet(tab, tmp_path, blind):
    _start(tab)
    tab.blind.setChecked(blind)
    tab.print_sheet()
    ((title, pdf),) = tab.previews
    assert title == "Count sheet ST-N-000001" and pdf.startswith(b"%PDF")
    text = pdf_text(pdf, tmp_path)
    assert "ST-N-000001" in text and "屏幕总成" in text
    assert ("Expected" in text) is not blind


def test_the_count_lines_model_passes_the_model_tester(qtmodeltester, qtbot):
    def line(part_id, sku, bin_location, counted):
        return CountLine(part_id, sku, sku, "pcs", bin_location, 2, counted, 2, Decimal("5"), False)

    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    model = CountLinesModel(count_columns(), owner)
    model.set_rows([line(1, "A", "A-1", None), line(2, "C", "", 3)])
    qtmodeltester.check(model)
    assert model.put(line(3, "B", "B-1", 1)) == 1  # found on the shelf: in bin order
    assert model.put(line(2, "C", "", 2)) == 2  # counted again: the same row
    assert [r.sku for r in model.rows] == ["A", "B", "C"] and model.row_of(2) == 2
    assert model.index(2, 5).data() == "" and model.index(1, 6).data() == "-5.00"
    assert model.rowCount(model.index(0, 0)) == 0 and model.rowCount(QModelIndex()) == 3
    qtmodeltester.check(model)


def test_a_count_of_some_bins_refuses_a_part_from_another_bin_at_the_field(
    tab, services, manager, shelf
):
    """The tester's finding: a part scanned in a count of bins A-0 joined it silently and
    posting wrote its stock in bin B-02 off. The refusal is shown where scans are answered."""
    tab.bin_prefix.setText("A-0")
    take = _start(tab)
    assert [ln.sku for ln in tab.model.rows] == ["BAT-IP12"]
    before = (services.stocktake.review(manager, take.id), audit_count(services))
    assert tab.handle_scan("6901234567892")
    assert not tab.error.isHidden() and tab.message.isHidden()
    assert "SCR-IP12" in tab.error.text() and "B-02" in tab.error.text()
    assert "A-0" in tab.error.text()
    _type(tab, "CBL-USB 1")
    assert "CBL-USB" in tab.error.text() and tab.entry.text() == "CBL-USB 1"
    assert [ln.sku for ln in tab.model.rows] == ["BAT-IP12"]
    assert (services.stocktake.review(manager, take.id), audit_count(services)) == before
    _type(tab, "BAT-IP12 9")
    assert tab.error.isHidden() and _counted(tab)["BAT-IP12"] == 9


def test_a_line_outside_the_filter_from_an_older_count_is_recounted_before_posting(
    tab, services, manager, shelf
):
    tab.bin_prefix.setText("A-0")
    take = _start(tab)
    _type(tab, "BAT-IP12 9")
    with services.db.write() as s:  # what the old code added for a part scanned from B-02
        s.execute(
            text(
                "INSERT INTO stocktake_lines (stocktake_id, part_id, bin, expected, "
                "base_movement_id, counted, counted_by) VALUES (:t, :p, 'B-02', 4, "
                "(SELECT COALESCE(MAX(id), 0) FROM stock_movements), 1, 'clerk')"
            ),
            {"t": take.id, "p": shelf["screen"].id},
        )
    dialog = _review(tab)
    assert "SCR-IP12" in dialog.moved.text() and not dialog.recount_button.isHidden()
    dialog.post()
    assert "SCR-IP12 (B-02)" in dialog.error.text() and not dialog.error.isHidden()
    assert _stocktake_movements(services) == 0
    dialog.recount_moved()
    assert dialog.review.outside == () and dialog.recount_button.isHidden()
    dialog.post()
    assert services.stock.on_hand(manager, shelf["screen"].id) == 4
    assert services.stock.on_hand(manager, shelf["battery"].id) == 9
