"""Stocktake on SQLite and PostgreSQL: the snapshot, counting by part and by scanner, the review
with values, posting in one transaction, stock that moves during the count, and the count sheet
as a PDF and an Excel file."""

from __future__ import annotations

from decimal import Decimal

import order_stock
import pytest
from conftest import audit_count, make_actor, needs_poppler
from sqlalchemy import func, select, text
from test_printouts import pdf_text
from test_work_orders import intake

from outletdesk.core.errors import (
    DomainError,
    NotFound,
    PermissionDenied,
    StaleRecord,
    ValidationError,
)
from outletdesk.core.parts.catalogue import PartInput
from outletdesk.core.parts.count_sheet import (
    COUNT_SHEET_WORDS,
    count_sheet_document,
    count_sheet_pdf,
    export_count_sheet,
)
from outletdesk.models import MovementKind, Role, StockMovement, StocktakeStatus


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def shelf(services, manager):
    """Four parts: two in stock, one shelved at zero, one in another category and aisle."""

    def part(sku, name, category, cost, qty, bin_location, minimum=0, barcodes=()):
        made, _ = services.catalogue.create_part(
            manager,
            PartInput(sku, name, category=category, cost_price=cost, barcodes=barcodes),
        )
        if qty:
            services.stock.receive(manager, made.id, qty, cost)
        if bin_location or minimum:
            services.stock.set_levels(
                manager, made.id, min_level=minimum, reorder_qty=0, bin_location=bin_location
            )
        return made

    return {
        "screen": part("SCR-IP12", "Screen iPhone 12 屏幕总成", "Screens", "300", 4, "B-02",
                       barcodes=("6901234567892",)),
        "battery": part("BAT-IP12", "Battery 电池", "Batteries", "40", 10, "A-01"),
        "glass": part("GLS-IP12", "Back glass 后盖玻璃", "Screens", "25", 0, "B-01", minimum=2),
        "cable": part("CBL-USB", "USB-C cable 数据线", "Cables", "8", 3, ""),
    }  # fmt: skip


def movements(services, kind=None):
    with services.db.read() as s:
        query = select(func.count()).select_from(StockMovement)
        if kind is not None:
            query = query.where(StockMovement.kind == kind.value)
        return s.scalar(query)


def test_a_count_from_snapshot_to_posted_corrections(services, manager, clerk, shelf):
    quiet, _ = services.catalogue.create_part(manager, PartInput("NOS-1", "Never stocked"))
    take, changes = services.stocktake.start(manager, note="year end")
    assert changes.parts and take.number == "ST-N-000001" and take.status is StocktakeStatus.OPEN
    assert (take.lines, take.counted_lines, take.location_code) == (4, 0, "MAIN")

    review = services.stocktake.review(clerk, take.id)
    # Shelf order: by bin, parts without a bin last; the part with no stock, bin or minimum
    # is not on the sheet.
    assert [ln.sku for ln in review.lines] == ["BAT-IP12", "GLS-IP12", "SCR-IP12", "CBL-USB"]
    assert quiet.id not in {ln.part_id for ln in review.lines}
    assert [ln.expected for ln in review.lines] == [10, 0, 4, 3]
    assert all(ln.counted is None for ln in review.lines) and review.not_counted == 4

    # The clerk with the scanner: a scan adds one, a typed number sets the count.
    line, _ = services.stocktake.count(clerk, take.id, "6901234567892")
    line, _ = services.stocktake.count(clerk, take.id, "scr-ip12")
    assert (line.sku, line.counted, line.difference) == ("SCR-IP12", 2, -2)
    line, _ = services.stocktake.count(clerk, take.id, shelf["battery"].id, "11")
    line, _ = services.stocktake.count(clerk, take.id, shelf["glass"].id, 0)
    line, _ = services.stocktake.count(clerk, take.id, shelf["cable"].id, 3)
    line, _ = services.stocktake.count(clerk, take.id, shelf["cable"].id, 2)  # typed again: set
    assert line.counted == 2

    review = services.stocktake.review(manager, take.id)
    by_sku = {ln.sku: ln for ln in review.lines}
    assert (by_sku["SCR-IP12"].difference, by_sku["SCR-IP12"].value) == (-2, Decimal("-600.00"))
    assert (by_sku["BAT-IP12"].difference, by_sku["BAT-IP12"].value) == (1, Decimal("40.00"))
    assert by_sku["GLS-IP12"].difference == 0 and by_sku["CBL-USB"].value == Decimal("-8.00")
    assert (review.counted, review.not_counted, review.differences) == (4, 0, 3)
    assert review.value_found == Decimal("40.00") and review.value_missing == Decimal("-608.00")
    assert review.value_difference == Decimal("-568.00") and review.moved == ()

    before = movements(services)
    posted, changes = services.stocktake.post(manager, take.id, review.stocktake.version)
    assert changes.parts and posted.status is StocktakeStatus.POSTED and posted.closed_by == "Boss"
    assert movements(services) == before + 3  # no movement for a part counted as expected
    assert services.stock.on_hand(manager, shelf["screen"].id) == 2
    assert services.stock.on_hand(manager, shelf["battery"].id) == 11
    assert services.stock.on_hand(manager, shelf["cable"].id) == 2
    (found,) = [
        m for m in services.stock.movements(manager, shelf["battery"].id)
        if m.kind is MovementKind.STOCKTAKE
    ]  # fmt: skip
    assert (found.quantity, found.unit_cost, found.reason) == (1, Decimal("40.00"), "ST-N-000001")
    with services.db.read() as s:
        linked = s.scalar(
            select(func.count())
            .select_from(StockMovement)
            .where(StockMovement.stocktake_id == take.id)
        )
    assert linked == 3
    assert services.stock.check(manager) == []
    after = services.stocktake.review(manager, take.id)  # the record of what was posted
    assert [ln.counted for ln in after.lines] == [11, 0, 2, 2] and after.moved == ()
    assert not any(ln.moved for ln in after.lines)
    with pytest.raises(DomainError, match="closed"):
        services.stocktake.count(clerk, take.id, "SCR-IP12")
    with pytest.raises(DomainError, match="closed"):
        services.stocktake.post(manager, take.id, posted.version)


def test_filters_and_one_open_count_per_location(services, manager, shelf):
    take, _ = services.stocktake.start(manager, category="screens", bin_prefix="B-0")
    review = services.stocktake.review(manager, take.id)
    assert [ln.sku for ln in review.lines] == ["GLS-IP12", "SCR-IP12"]
    before = (audit_count(services), len(services.stocktake.list(manager)))
    with pytest.raises(DomainError, match="already open"):
        services.stocktake.start(manager, category="Cables")
    assert (audit_count(services), len(services.stocktake.list(manager))) == before
    assert services.stocktake.open_count(manager).id == take.id

    cancelled, _ = services.stocktake.cancel(manager, take.id, take.version, "wrong aisle")
    assert (
        cancelled.status is StocktakeStatus.CANCELLED and cancelled.cancel_reason == "wrong aisle"
    )
    assert services.stocktake.open_count(manager) is None
    again, _ = services.stocktake.start(manager, bin_prefix="A")
    assert again.number == "ST-N-000002"
    assert [ln.sku for ln in services.stocktake.review(manager, again.id).lines] == ["BAT-IP12"]


def test_a_part_found_on_the_shelf_joins_a_count_of_the_whole_outlet(
    services, manager, clerk, shelf
):
    quiet, _ = services.catalogue.create_part(manager, PartInput("NOS-1", "Never stocked"))
    take, _ = services.stocktake.start(manager)
    assert take.lines == 4
    stranger, _ = services.catalogue.create_part(manager, PartInput("NEW-1", "Found 新件"))
    line, _ = services.stocktake.count(clerk, take.id, stranger.id)
    assert (line.expected, line.counted, line.bin) == (0, 1, "")
    assert services.stocktake.get(clerk, take.id).lines == 5
    take = services.stocktake.get(manager, take.id)
    services.stocktake.post(manager, take.id, take.version)
    assert services.stock.on_hand(manager, stranger.id) == 1
    assert services.stock.on_hand(manager, shelf["battery"].id) == 10  # not counted: untouched
    assert services.stock.check(manager) == []


@pytest.mark.parametrize(
    ("filters", "part", "why"),
    [
        ({"bin_prefix": "A-0"}, "SCR-IP12", "its bin is B-02, and the count covers only bins "
         "starting with A-0"),
        ({"bin_prefix": "A-0"}, "CBL-USB", "it has no bin at"),
        ({"category": "Batteries"}, "6901234567892", "its category is “Screens”, and the count "
         "covers only “Batteries”"),
        ({"category": "batteries", "bin_prefix": "A-"}, "CBL-USB", "its category is “Cables”"),
    ],
)  # fmt: skip
def test_a_count_of_some_bins_or_a_category_refuses_a_part_kept_elsewhere(
    services, manager, clerk, shelf, filters, part, why
):
    """Counting a part scanned on the wrong shelf in a partial count would post its whole
    stock down to what lay on that shelf: it is refused, naming the part and why."""
    take, _ = services.stocktake.start(manager, **filters)
    assert take.lines == 1  # BAT-IP12, bin A-01
    before = (audit_count(services), movements(services))
    for quantity in (None, "1"):
        with pytest.raises(ValidationError, match="is not in this count") as refused:
            services.stocktake.count(clerk, take.id, part, quantity)
        assert refused.value.field == "Part"
        assert why in str(refused.value) and "Nothing was counted" in str(refused.value)
    sku = "SCR-IP12" if part.isdigit() else part
    assert str(refused.value).startswith(f"Part: {sku} is not in this count")
    assert services.stocktake.get(clerk, take.id).lines == 1
    assert (audit_count(services), movements(services)) == before
    line, _ = services.stocktake.count(clerk, take.id, "bat-ip12", 9)  # its own part still counts
    assert (line.counted, line.difference) == (9, -1)


def test_posting_refuses_a_line_outside_the_filter_left_by_an_older_version(
    services, manager, clerk, shelf
):
    """A count started before the filter was enforced may hold a part from another bin: posting
    writes nothing and names it; recounting clears it, and the rest then posts."""
    take, _ = services.stocktake.start(manager, bin_prefix="A-0")
    services.stocktake.count(clerk, take.id, "BAT-IP12", 9)
    with services.db.write() as s:  # the line the old code added for a part scanned from B-02
        s.execute(
            text(
                "INSERT INTO stocktake_lines (stocktake_id, part_id, bin, expected, "
                "base_movement_id, counted, counted_by) VALUES (:t, :p, 'B-02', 4, "
                "(SELECT COALESCE(MAX(id), 0) FROM stock_movements), 1, 'clerk')"
            ),
            {"t": take.id, "p": shelf["screen"].id},
        )
    take = services.stocktake.get(manager, take.id)
    before = (audit_count(services), movements(services))
    with pytest.raises(DomainError, match=r"outside what ST-N-000001 covers \(“A-0…”\): "
                       r"SCR-IP12 \(B-02\)\. Nothing was posted"):  # fmt: skip
        services.stocktake.post(manager, take.id, take.version)
    assert (audit_count(services), movements(services)) == before
    assert services.stock.on_hand(manager, shelf["screen"].id) == 4
    assert services.stocktake.get(manager, take.id).status is StocktakeStatus.OPEN

    assert services.stocktake.review(manager, take.id).outside == (shelf["screen"].id,)
    take, _ = services.stocktake.recount(manager, take.id, [shelf["screen"].id])
    assert services.stocktake.review(manager, take.id).outside == ()
    services.stocktake.post(manager, take.id, take.version)
    assert services.stock.on_hand(manager, shelf["screen"].id) == 4  # kept in B-02, untouched
    assert services.stock.on_hand(manager, shelf["battery"].id) == 9
    assert services.stock.check(manager) == []


def test_stock_that_moves_during_the_count_is_recounted_not_guessed(
    services, manager, clerk, shelf
):
    take, _ = services.stocktake.start(manager)
    services.stocktake.count(clerk, take.id, "SCR-IP12", 4)
    services.stocktake.count(clerk, take.id, "BAT-IP12", 9)
    services.stocktake.count(clerk, take.id, "CBL-USB", 3)
    # A repair takes a screen while the shelf is being counted; a battery goes out and back.
    order, _ = intake(services, clerk)
    order_stock.issue(services, clerk, shelf["screen"].id, 1, order.id)
    order_stock.issue(services, clerk, shelf["battery"].id, 1, order.id)
    order_stock.return_from_order(services, clerk, shelf["battery"].id, 1, order.id)

    review = services.stocktake.review(manager, take.id)
    assert set(review.moved) == {shelf["screen"].id, shelf["battery"].id}
    before = (movements(services), audit_count(services))
    with pytest.raises(DomainError) as caught:
        services.stocktake.post(manager, take.id, review.stocktake.version)
    assert "BAT-IP12" in str(caught.value) and "SCR-IP12" in str(caught.value)
    assert "CBL-USB" not in str(caught.value) and "recount" in str(caught.value)
    assert (
        movements(services),
        audit_count(services),
    ) == before  # nothing posted, not even the cable
    assert services.stocktake.get(manager, take.id).status is StocktakeStatus.OPEN

    services.stocktake.recount(manager, take.id, [shelf["screen"].id, shelf["battery"].id])
    review = services.stocktake.review(manager, take.id)
    by_sku = {ln.sku: ln for ln in review.lines}
    assert (by_sku["SCR-IP12"].expected, by_sku["SCR-IP12"].counted) == (3, None)
    assert review.moved == ()
    services.stocktake.count(clerk, take.id, "SCR-IP12", 3)
    services.stocktake.count(clerk, take.id, "BAT-IP12", 8)
    take = services.stocktake.get(manager, take.id)
    services.stocktake.post(manager, take.id, take.version)
    assert services.stock.on_hand(manager, shelf["screen"].id) == 3
    assert services.stock.on_hand(manager, shelf["battery"].id) == 8
    assert services.stock.check(manager) == []


def test_posting_is_one_transaction(services, db_url, manager, clerk, shelf):
    """The database refuses the last correction (a trigger standing in for a crash midway):
    none of the corrections before it stay, the count stays open."""
    take, _ = services.stocktake.start(manager)
    for sku, qty in (("BAT-IP12", 7), ("SCR-IP12", 1), ("CBL-USB", 9)):
        services.stocktake.count(clerk, take.id, sku, qty)
    last = max(shelf["battery"].id, shelf["screen"].id, shelf["cable"].id)
    with services.db.write() as s:
        if services.db.kind == "sqlite":
            s.execute(text(
                "CREATE TRIGGER refuse_last BEFORE INSERT ON stock_movements "
                f"WHEN NEW.part_id = {last} BEGIN SELECT RAISE(ABORT, 'disk full'); END"
            ))  # fmt: skip
        else:
            s.execute(text(
                "CREATE FUNCTION refuse_last() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'disk full'; END $$"
            ))  # fmt: skip
            s.execute(text(
                "CREATE TRIGGER refuse_last BEFORE INSERT ON stock_movements FOR EACH ROW "
                f"WHEN (NEW.part_id = {last}) EXECUTE FUNCTION refuse_last()"
            ))  # fmt: skip
    take = services.stocktake.get(manager, take.id)
    before = (movements(services), audit_count(services))
    with pytest.raises(Exception, match="disk full"):
        services.stocktake.post(manager, take.id, take.version)
    assert (movements(services), audit_count(services)) == before
    assert services.stock.on_hand(manager, shelf["battery"].id) == 10
    assert services.stocktake.get(manager, take.id).status is StocktakeStatus.OPEN
    assert services.stock.check(manager) == []


def test_a_post_from_an_old_review_is_refused(services, manager, clerk, shelf):
    take, _ = services.stocktake.start(manager)
    services.stocktake.count(clerk, take.id, "SCR-IP12", 1)
    reviewed = services.stocktake.review(manager, take.id).stocktake
    services.stocktake.count(clerk, take.id, "BAT-IP12", 0)  # a colleague counts on
    before = movements(services)
    with pytest.raises(StaleRecord, match="review it again"):
        services.stocktake.post(manager, take.id, reviewed.version)
    with pytest.raises(StaleRecord):
        services.stocktake.cancel(manager, take.id, reviewed.version)
    assert movements(services) == before


@pytest.mark.parametrize(
    ("call", "error", "field"),
    [
        (lambda st, a, t: st.count(a, t, "SCR-IP12", -1), ValidationError, "Counted"),
        (lambda st, a, t: st.count(a, t, "SCR-IP12", "two"), ValidationError, "Counted"),
        (lambda st, a, t: st.count(a, t, "SCR-IP12", "1.5"), ValidationError, "Counted"),
        (lambda st, a, t: st.count(a, t, "NO-SUCH"), NotFound, None),
        (lambda st, a, t: st.count(a, t, 99999, 1), NotFound, None),
        (lambda st, a, t: st.count(a, 99999, "SCR-IP12"), NotFound, None),
        (lambda st, a, t: st.recount(a, t, [99999]), ValidationError, "Part"),
    ],
)
def test_bad_counts_write_nothing(services, manager, shelf, call, error, field):
    take, _ = services.stocktake.start(manager)
    services.stocktake.count(manager, take.id, "SCR-IP12", 3)
    before = (services.stocktake.review(manager, take.id), audit_count(services))
    with pytest.raises(error) as caught:
        call(services.stocktake, manager, take.id)
    if field:
        assert caught.value.field == field
    assert (services.stocktake.review(manager, take.id), audit_count(services)) == before


def test_nothing_counted_posts_nothing_and_bad_filters_are_refused(services, manager, shelf):
    with pytest.raises(ValidationError) as caught:
        services.stocktake.start(manager, category="x" * 61)
    assert caught.value.field == "Category"
    assert services.stocktake.list(manager) == []
    take, _ = services.stocktake.start(manager)
    with pytest.raises(DomainError, match="Nothing was counted"):
        services.stocktake.post(manager, take.id, take.version)


def test_clerks_count_managers_start_and_post(services, manager, clerk, shelf):
    with pytest.raises(PermissionDenied):
        services.stocktake.start(clerk)
    take, _ = services.stocktake.start(manager)
    services.stocktake.count(clerk, take.id, "SCR-IP12", 4)
    take = services.stocktake.get(clerk, take.id)
    with pytest.raises(PermissionDenied):
        services.stocktake.post(clerk, take.id, take.version)
    with pytest.raises(PermissionDenied):
        services.stocktake.cancel(clerk, take.id, take.version)
    with pytest.raises(PermissionDenied):
        services.stocktake.recount(clerk, take.id, [shelf["screen"].id])


# ---------------------------------------------------------------- the count sheet


@needs_poppler
@pytest.mark.parametrize("blind", [False, True])
def test_count_sheet_pdf_lists_the_shelf_in_bin_order(
    services, manager, clerk, shelf, blind, tmp_path
):
    take, _ = services.stocktake.start(manager)
    pdf = count_sheet_pdf(services, clerk, take.id, blind=blind)
    assert pdf.startswith(b"%PDF")
    text_ = pdf_text(pdf, tmp_path)
    assert "Stocktake count sheet" in text_ and "ST-N-000001" in text_ and "North Station" in text_
    assert "屏幕总成" in text_ and "电池" in text_  # Chinese names print in the embedded font
    order = [text_.index(sku) for sku in ("BAT-IP12", "GLS-IP12", "SCR-IP12", "CBL-USB")]
    assert order == sorted(order)
    assert ("Expected" in text_) is not blind
    assert "Counted" in text_ and "Found, not listed" in text_


def test_count_sheet_document_leaves_the_count_blank(services, manager, clerk, shelf):
    from outletdesk.printing.document import LineItems, Paragraph

    take, _ = services.stocktake.start(manager)
    services.stocktake.count(clerk, take.id, "SCR-IP12", 4)  # entered counts are not printed
    doc = count_sheet_document(services, clerk, take.id, texts={"title": "盘点表"})
    sheet = next(b for b in doc.blocks if isinstance(b, LineItems))
    assert doc.title == "盘点表" and sheet.columns[-1] == COUNT_SHEET_WORDS["col_counted"]
    assert [row[0] for row in sheet.rows] == [
        "A-01 · BAT-IP12", "B-01 · GLS-IP12", "B-02 · SCR-IP12", "CBL-USB"
    ]  # fmt: skip
    assert sheet.rows[2][1] == "Screen iPhone 12 屏幕总成"
    assert [row[3] for row in sheet.rows] == ["10", "0", "4", "3"]
    assert {row[-1] for row in sheet.rows} == {"________"}
    blind = count_sheet_document(services, clerk, take.id, blind=True)
    blind_sheet = next(b for b in blind.blocks if isinstance(b, LineItems))
    assert COUNT_SHEET_WORDS["col_expected"] not in blind_sheet.columns
    assert all(len(row) == 4 for row in blind_sheet.rows)
    said = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert COUNT_SHEET_WORDS["instructions"] in said


def test_the_sheet_of_a_count_of_some_bins_keeps_parts_from_elsewhere_off_it(
    services, manager, shelf
):
    from outletdesk.printing.document import Paragraph

    take, _ = services.stocktake.start(manager, bin_prefix="B-")
    doc = count_sheet_document(services, manager, take.id)
    said = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert said == [COUNT_SHEET_WORDS["instructions_filtered"]]
    assert "a part kept elsewhere is not counted here" in said[0]


@pytest.mark.parametrize("blind", [False, True])
def test_count_sheet_in_excel(services, manager, clerk, shelf, blind, tmp_path):
    from openpyxl import load_workbook

    take, _ = services.stocktake.start(manager)
    path = tmp_path / "count.xlsx"
    assert export_count_sheet(services, clerk, take.id, path, blind=blind) == 4
    ws = load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    header_at = next(i for i, row in enumerate(rows) if row[0] == "Bin")
    expected_cols = ["Bin", "SKU", "Part", "Unit", *([] if blind else ["Expected"]), "Counted"]
    assert list(rows[header_at]) == expected_cols
    data = rows[header_at + 1 :]
    assert [row[1] for row in data] == ["BAT-IP12", "GLS-IP12", "SCR-IP12", "CBL-USB"]
    assert data[2][2] == "Screen iPhone 12 屏幕总成"
    if not blind:
        assert [row[4] for row in data] == [10, 0, 4, 3]  # numbers, not text
    assert all(row[-1] is None for row in data)  # the Counted column is left empty
    assert "ST-N-000001" in rows[0][0]
