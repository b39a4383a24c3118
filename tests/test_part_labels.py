"""Bin and part labels read back from the PDF: SKU, Chinese name, the outlet's shelf, the price,
copies per part filling the A4 sheet in order, and clear refusals of bad requests."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest
from conftest import make_actor, needs_poppler
from test_printing import page_count
from test_printouts import pdf_text

from outletdesk.core import part_labels
from outletdesk.core.errors import NotFound, ValidationError
from outletdesk.core.outlets import OutletInput
from outletdesk.core.parts.catalogue import PartInput
from outletdesk.models import Role

CHINESE = "屏幕总成"


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def parts(services, manager):
    """A screen on shelf A-03-2 at the outlet, a battery without a shelf, a long-named flex."""
    made = []
    for sku, name, price in (
        ("scr-ip12", f"{CHINESE} iPhone 12 OLED 黑色", "560"),
        ("bat-ip12", "Battery iPhone 12", "99.5"),
        (
            "flex-s21u",
            "Charging port flex cable Samsung Galaxy S21 Ultra 尾插排线 with microphone",
            "45",
        ),
    ):
        part, _ = services.catalogue.create_part(manager, PartInput(sku, name, sale_price=price))
        made.append(part)
    services.stock.set_levels(
        manager, made[0].id, min_level=2, reorder_qty=5, bin_location="A-03-2"
    )
    return made


def page_text(pdf: bytes, tmp_path: Path, page: int) -> str:
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def pages(pdf: bytes, tmp_path: Path) -> int:
    path = tmp_path / "count.pdf"
    path.write_bytes(pdf)
    return page_count(path)


@needs_poppler
@pytest.mark.parametrize("paper", ["label-40x20", "label-62x29", "40x20", " 62X29 ", None])
def test_each_label_shows_sku_chinese_name_shelf_and_price(
    services, manager, parts, paper, tmp_path
):
    screen, battery, _flex = parts
    pdf = part_labels.part_labels_pdf(
        services, manager, [screen.id, battery.id], paper=paper, price=True
    )
    assert pages(pdf, tmp_path) == 2  # one label per page on label stock
    first = page_text(pdf, tmp_path, 1)
    assert "SCR-IP12" in first and CHINESE in first
    assert "Bin A-03-2" in first and "Price 560.00" in first
    second = page_text(pdf, tmp_path, 2)
    assert "BAT-IP12" in second and "Price 99.50" in second
    assert "Bin" not in second  # no shelf at this outlet: no empty "Bin" line


@needs_poppler
def test_price_only_when_asked_and_long_names_still_print(services, manager, parts, tmp_path):
    screen, _battery, flex = parts
    text = pdf_text(part_labels.part_labels_pdf(services, manager, [screen.id, flex.id]), tmp_path)
    assert "560.00" not in text and "Price" not in text
    assert "FLEX-S21U" in text and "尾插排线" in text and "microphone" in text


@needs_poppler
def test_copies_fill_the_a4_sheet_in_order(services, manager, parts, tmp_path):
    screen, battery, flex = parts
    copies = {flex.id: 1, screen.id: 22, battery.id: 3}  # 26 labels: 24 on a sheet, then 2
    labels = part_labels.part_labels(services, manager, copies)
    assert [label.barcode for label in labels] == ["FLEX-S21U"] + ["SCR-IP12"] * 22 + [
        "BAT-IP12"
    ] * 3
    pdf = part_labels.part_labels_pdf(services, manager, copies, paper="a4")
    assert pages(pdf, tmp_path) == 2
    first, second = page_text(pdf, tmp_path, 1), page_text(pdf, tmp_path, 2)
    assert first.count("SCR-IP12") >= 22 and "FLEX-S21U" in first and "BAT-IP12" in first
    assert "BAT-IP12" in second and "SCR-IP12" not in second and "FLEX-S21U" not in second


def test_a_list_of_ids_prints_one_label_each_and_a_repeat_twice(services, manager, parts):
    screen, battery, _flex = parts
    labels = part_labels.part_labels(services, manager, [battery.id, screen.id, battery.id])
    assert [label.barcode for label in labels] == ["BAT-IP12", "SCR-IP12", "BAT-IP12"]
    assert labels[1].lines == ("SCR-IP12", f"{CHINESE} iPhone 12 OLED 黑色", "Bin A-03-2")
    assert labels[0].lines == ("BAT-IP12", "Battery iPhone 12")


def test_the_shelf_is_the_one_at_the_chosen_outlet(services, manager, parts, cli_actor):
    screen, _battery, _flex = parts
    south, _ = services.outlets.create(cli_actor, OutletInput("S", "South Mall 南城店"))
    services.stock.set_levels(
        manager, screen.id, min_level=0, reorder_qty=0, bin_location="南-7", outlet_id=south.id
    )
    (here,) = part_labels.part_labels(services, manager, [screen.id])
    (there,) = part_labels.part_labels(services, manager, [screen.id], south.id)
    assert here.lines[-1] == "Bin A-03-2" and there.lines[-1] == "Bin 南-7"


@needs_poppler
def test_translated_words_replace_the_english(services, manager, parts, tmp_path):
    screen, _battery, _flex = parts
    words = {"bin": "货位 {bin}", "price": "售价 ¥{price}"}
    pdf = part_labels.part_labels_pdf(
        services, manager, [screen.id], paper="62x29", price=True, texts=words
    )
    text = pdf_text(pdf, tmp_path)
    assert "货位 A-03-2" in text and "售价 ¥560.00" in text and "Bin" not in text


@pytest.mark.parametrize(
    ("copies", "field", "message"),
    [
        ({}, "Part", "at least one part"),
        ([], "Part", "at least one part"),
        ({"1": 1}, "Part", "not a part id"),
        ({0: 0}, "Copies", "between 1 and 1000"),
        ({0: -2}, "Copies", "between 1 and 1000"),
        ({0: 1001}, "Copies", "between 1 and 1000"),
        ({0: "many"}, "Copies", "not a whole number"),
        ({0: 1000, 1: 1000, 2: 401}, "Copies", "2401 labels in one print is too many"),
        ({0: 1, 999_999: 2}, "Part", "Part 999999 does not exist"),
        ({0: 1, 999_999: 2, 999_998: 1}, "Part", "Parts 999998, 999999 do not exist"),
    ],
)
def test_bad_requests_are_refused_with_a_clear_message(
    services, manager, parts, copies, field, message
):
    ids = [p.id for p in parts]  # keys 0, 1, 2 stand for the fixture's parts
    if isinstance(copies, dict):
        copies = {(ids[k] if k in (0, 1, 2) else k): n for k, n in copies.items()}
    with pytest.raises(ValidationError) as caught:
        part_labels.part_labels_pdf(services, manager, copies)
    assert caught.value.field == field
    assert message in caught.value.message()


@pytest.mark.parametrize("paper", ["80mm", "a4-labels-2x7", "letter", ""])
def test_a_paper_that_is_not_label_stock_is_refused(services, manager, parts, paper):
    with pytest.raises(ValidationError) as caught:
        part_labels.part_labels_pdf(services, manager, [parts[0].id], paper=paper or " ")
    assert caught.value.field == "Paper size"
    assert "label-40x20, label-62x29, a4-labels-3x8" in caught.value.message()


def test_an_unknown_outlet_is_named(services, manager, parts):
    with pytest.raises(NotFound, match="Outlet 4242 does not exist"):
        part_labels.part_labels(services, manager, [parts[0].id], 4242)


def test_every_label_word_is_marked_for_translation():
    tree = ast.parse(Path(part_labels.__file__).read_text(encoding="utf-8"))
    marked = {
        node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
        and isinstance(node.args[1], ast.Constant)
    }
    assert set(part_labels.LABEL_WORDS.values()) <= marked
