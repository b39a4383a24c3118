"""Amounts and whole numbers as shops type them: one rule in core for forms and imports alike.

"12,50" is 12.50 (a decimal comma), never 1250.00; "1,250.00" and "12,345" keep their thousands
commas; any other comma is refused, as is "1_0" (which Python's int() would take as 10). A ¥ or
￥ in front is accepted by a form and by an import. An empty number says it is required.
Services on SQLite and PostgreSQL, one form (the receive dialog) and one import (the catalogue)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import audit_count, make_actor
from sqlalchemy import select
from test_parts_import import HEADER, write_xlsx
from test_ui_parts import manager, page, stocked  # noqa: F401  (fixtures)

from outletdesk.core import validation as v
from outletdesk.core.errors import ValidationError
from outletdesk.core.parts.catalogue import PartInput
from outletdesk.core.parts.importer import CatalogueImporter
from outletdesk.models import Role, StockMovement
from outletdesk.ui.parts.stock_dialogs import StockAction

# ---------------------------------------------------------------- the rule itself


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("12,50", Decimal("12.50")),
        ("12,5", Decimal("12.50")),
        ("-12,50", Decimal("-12.50")),
        ("1,250.00", Decimal("1250.00")),
        ("12,345", Decimal("12345.00")),
        ("1,234,567.5", Decimal("1234567.50")),
        ("¥12", Decimal("12.00")),
        ("￥ 12.50", Decimal("12.50")),
        (" ¥1,250 ", Decimal("1250.00")),
        ("１２，５０", Decimal("12.50")),
        ("￥１２．５", Decimal("12.50")),
        (".50", Decimal("0.50")),
        ("12", Decimal("12.00")),
    ],
)
def test_amount_text_reads_what_shops_type(typed, amount):
    assert v.amount_text(typed) == amount
    assert v.money("Cost price", typed, minimum=Decimal("-100")) == amount


@pytest.mark.parametrize(
    "typed",
    ["1,2,3", "12,5000", "1.250,00", "12,", ",50", "1,25.00", "12,34,567", "1_0", "1_000.00",
     "$12", "12¥", "¥¥12", "0,125", "01,250", "1e3", "NaN", "Infinity", "+12", "12 50", "1,2345"],
)  # fmt: skip
def test_other_commas_and_python_extras_are_refused_naming_the_field(typed):
    assert v.amount_text(typed) is None
    with pytest.raises(ValidationError) as err:
        v.money("Cost price", typed)
    assert err.value.field == "Cost price"
    assert str(err.value) == f"Cost price: “{typed}” is not an amount."


@pytest.mark.parametrize("typed", ["1_0", "+5", "1.0", "1,000", "5e1", " 1 0 ", "٣"])
def test_whole_numbers_are_digits_only(typed):
    assert v.whole_text(typed) is None
    with pytest.raises(ValidationError) as err:
        v.integer("Quantity", typed, minimum=1, maximum=100)
    assert str(err.value) == f"Quantity: “{typed}” is not a whole number."


def test_whole_numbers_read_plain_and_full_width_digits_and_a_minus():
    assert v.integer("Quantity", " 10 ", minimum=1, maximum=100) == 10
    assert v.integer("Quantity", "１０", minimum=1, maximum=100) == 10
    assert v.integer("Change", "-3", minimum=-100, maximum=100) == -3
    # A signed change (up or down) may be written "+5"; a count or quantity may not.
    assert v.integer("Change", "+5", minimum=-100, maximum=100) == 5
    assert v.integer("Change", " ＋5 ", minimum=-100, maximum=100) == 5
    for typed in ("+-5", "++5", "+ 5x"):
        with pytest.raises(ValidationError, match="is not a whole number"):
            v.integer("Change", typed, minimum=-100, maximum=100)
    with pytest.raises(ValidationError, match="^Quantity: cannot be negative.$"):
        v.integer("Quantity", "-3", minimum=0, maximum=100)


@pytest.mark.parametrize("empty", ["", "   ", None])
def test_an_empty_number_is_required_like_empty_text(empty):
    with pytest.raises(ValidationError) as err:
        v.integer("Quantity", empty, minimum=1, maximum=100)
    assert str(err.value) == "Quantity: is required."
    assert err.value.template == "{field}: is required."
    with pytest.raises(ValidationError, match="^Unit cost: is required.$"):
        v.money("Unit cost", empty)


def test_readings_and_measured_values_follow_the_same_rule_without_a_currency_sign():
    def reading(typed):
        return v.number("Reading", typed, minimum=Decimal(0), maximum=Decimal(10**9), places=4)

    assert reading("0,5") == Decimal("0.5")  # was 5
    assert reading("12,345") == Decimal("12345")
    assert reading("１２．５") == Decimal("12.5")
    for typed in ("1_0", "0,125", "¥12", "1,2,3", "1e3"):
        assert v.number_text(typed) is None
        with pytest.raises(ValidationError, match=f"^Reading: “{typed}” is not a number.$"):
            reading(typed)
    with pytest.raises(ValidationError, match="^Reading: is required.$"):
        reading(" ")


# ---------------------------------------------------------------- services (both databases)


def test_services_read_a_decimal_comma_and_refuse_underscores_writing_nothing(services, outlet):
    boss = make_actor(services, outlet.id, Role.MANAGER, "boss")
    part, _ = services.catalogue.create_part(
        boss, PartInput("FLEX-1", "Flex cable 排线", cost_price="12,50", sale_price="￥1,250")
    )
    assert (part.cost_price, part.sale_price) == (Decimal("12.50"), Decimal("1250.00"))
    before = audit_count(services)
    with pytest.raises(ValidationError, match="Quantity: “1_0” is not a whole number"):
        services.stock.receive(boss, part.id, "1_0", "12,50")
    with pytest.raises(ValidationError, match="Unit cost: “1,2,3” is not an amount"):
        services.stock.receive(boss, part.id, "3", "1,2,3")
    with pytest.raises(ValidationError, match="^Quantity: is required.$"):
        services.stock.receive(boss, part.id, "", "12,50")
    assert services.stock.on_hand(boss, part.id) == 0 and audit_count(services) == before
    services.stock.receive(boss, part.id, "3", "¥12,50")
    assert services.stock.on_hand(boss, part.id) == 3


# ---------------------------------------------------------------- one form


def test_receive_dialog_saves_12_50_not_1250_and_refuses_1_0(page, services, stocked):  # noqa: F811
    screen = stocked[0]
    skus = [r.sku for r in page.model.rows]
    page.table.selectRow(skus.index("SCR-IP12"))
    dialog = page.open_action(StockAction.RECEIVE)
    dialog.quantity.setText("1_0")
    dialog.unit_cost.setText("12,50")
    dialog.submit()
    assert "Quantity" in dialog.error.text() and "1_0" in dialog.error.text()
    dialog.quantity.setText("")
    dialog.submit()
    assert "Quantity" in dialog.error.text() and "required" in dialog.error.text()
    assert services.stock.on_hand(page._ctx.actor, screen.id) == 5
    dialog.quantity.setText("5")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert services.stock.on_hand(page._ctx.actor, screen.id) == 10
    with services.db.read() as s:
        costs = s.scalars(
            select(StockMovement.unit_cost)
            .where(StockMovement.part_id == screen.id)
            .order_by(StockMovement.id)
        ).all()
    assert costs == [Decimal("300.00"), Decimal("12.50")]


# ---------------------------------------------------------------- one import


def test_the_import_reads_amounts_by_the_same_rule(services, outlet, tmp_path):
    boss = make_actor(services, outlet.id, Role.MANAGER, "boss")
    path = write_xlsx(
        tmp_path / "amounts.xlsx",
        [
            HEADER,
            ["A-1", "Decimal comma", "", "pcs", "12,50", "¥1,250.00", "", "", "", ""],
            ["A-2", "Full width", "", "pcs", "￥１２", "12,345", "", "", "", ""],
            ["A-3", "Bad commas", "", "pcs", "1,2,3", "12,5000", "", "", "", ""],
            ["A-4", "Dollar and underscore", "", "pcs", "$12", "1_0", "", "", "", ""],
        ],
    )
    report = CatalogueImporter(services.db).dry_run(boss, path)
    assert [(p.row, p.column, p.message()) for p in report.problems] == [
        (4, "Cost price", "“1,2,3” is not an amount."),
        (4, "Sale price", "“12,5000” is not an amount."),
        (5, "Cost price", "“$12” is not an amount."),
        (5, "Sale price", "“1_0” is not an amount."),
    ]
    report, _ = CatalogueImporter(services.db).run(boss, path, skip_invalid=True)
    assert report.new == 2
    first = services.catalogue.find(boss, "A-1")
    second = services.catalogue.find(boss, "A-2")
    assert (first.cost_price, first.sale_price) == (Decimal("12.50"), Decimal("1250.00"))
    assert (second.cost_price, second.sale_price) == (Decimal("12.00"), Decimal("12345.00"))


def test_an_imported_quantity_with_an_underscore_is_refused(services, outlet, tmp_path):
    boss = make_actor(services, outlet.id, Role.MANAGER, "boss")
    path = write_xlsx(
        tmp_path / "levels.xlsx",
        [HEADER + ["Min level"], ["B-1", "Levels", "", "pcs", "1", "2", "", "", "", "", "1_0"]],
    )
    report = CatalogueImporter(services.db).dry_run(boss, path, outlet_id=outlet.id)
    assert [(p.column, p.message()) for p in report.problems] == [
        ("Min level", "“1_0” is not a whole number.")
    ]
