"""Codes shown as words in the Chinese window and its printouts, the stored data unchanged: a
check's answer in the maintenance report (合格/不合格, as the log dialog says, not "ok"), the
default unit "pcs" (件) in the part form, the stock dialogs, the details and the count sheet,
the count sheet's main store by name (not "(MAIN)"), and one word for the SKU (货号) in the
catalogue, in errors and in the import. On SQLite and PostgreSQL, in English and Chinese."""

from __future__ import annotations

import pytest
from conftest import make_actor, ui_context
from openpyxl import load_workbook
from test_equipment_export import zh_texts
from test_maintenance_report import station  # noqa: F401 - the fixture
from test_message_words import chinese  # noqa: F401 - the fixture

from outletdesk.core.equipment.report import TEXTS, maintenance_report_document
from outletdesk.core.errors import ValidationError
from outletdesk.core.parts.catalogue import PartInput
from outletdesk.core.parts.count_sheet import (
    COUNT_SHEET_WORDS,
    count_sheet_document,
    export_count_sheet,
)
from outletdesk.models import Part, Role
from outletdesk.printing.document import Field, LineItems
from outletdesk.printing.maintenance_report import ReportTable
from outletdesk.ui.errors import error_text, translate_core
from outletdesk.ui.parts.page import PartsPage
from outletdesk.ui.parts.part_dialog import PartDialog
from outletdesk.ui.parts.stock_dialogs import StockAction

LANGUAGES = ["en", "zh_CN"]


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture(params=LANGUAGES)
def language(request):
    if request.param == "zh_CN":
        request.getfixturevalue("chinese")
    return request.param


@pytest.fixture
def screen(services, manager):
    made, _ = services.catalogue.create_part(manager, PartInput("SCR-IP12", "Screen 屏幕"))
    services.stock.receive(manager, made.id, 19, "300")
    return made


def _stored_unit(services, part_id):
    with services.db.read() as s:
        return s.get(Part, part_id).unit


# ---------------------------------------------------------------- the maintenance report


def test_the_reports_found_column_words_a_check_as_the_window_does(services, manager, station):  # noqa: F811
    english = maintenance_report_document(services, manager, station["asset"].id)
    in_chinese = maintenance_report_document(
        services, manager, station["asset"].id, texts=zh_texts(TEXTS)
    )
    found = []
    for doc in (english, in_chinese):
        table = next(p for p in doc.parts if isinstance(p, ReportTable) and len(p.columns) == 4)
        found.append([row[1] for row in table.rows])
    assert found[0] == ["not ok", "371.5 °C", "烙铁头氧化"]
    assert found[1] == ["不合格", "371.5 °C", "烙铁头氧化"]


# ---------------------------------------------------------------- the default unit


def test_the_part_form_shows_the_default_unit_as_a_word_and_stores_the_code(
    services, manager, screen, tmp_path, qtbot, language
):
    page = PartsPage(ui_context(services, manager, tmp_path))
    qtbot.addWidget(page)
    word = "件" if language == "zh_CN" else "pcs"
    new = PartDialog(page._ctx, None, page.suppliers, page)
    qtbot.addWidget(new)
    assert new.unit.text() == word
    new.sku.setText("BAT-IP12")
    new.name.setText("Battery 电池")
    new.submit()
    assert new.result() == new.DialogCode.Accepted
    made = services.catalogue.find(manager, "BAT-IP12")
    assert made.unit == "pcs" == _stored_unit(services, made.id)  # the stored code is kept
    edit = PartDialog(page._ctx, screen, page.suppliers, page)
    qtbot.addWidget(edit)
    assert edit.unit.text() == word
    edit.unit.setText("盒")  # any other unit is stored as typed
    edit.submit()
    assert _stored_unit(services, screen.id) == "盒"


def test_the_stock_dialog_and_details_show_the_unit_as_a_word(
    services, manager, screen, tmp_path, qtbot, language
):
    page = PartsPage(ui_context(services, manager, tmp_path))
    page.open_dialog = lambda dialog: None
    qtbot.addWidget(page)
    page.table.selectRow(0)
    receive = page.open_action(StockAction.RECEIVE)
    head, details = receive.head.text(), page.details.toPlainText()
    if language == "zh_CN":
        assert "19 件" in head and "pcs" not in head
        assert "件" in details and "pcs" not in details
    else:
        assert "19 pcs on hand" in head and "pcs" in details
    assert _stored_unit(services, screen.id) == "pcs"


# ---------------------------------------------------------------- the count sheet


def test_the_count_sheet_names_the_main_store_and_words_the_unit(
    services, manager, screen, tmp_path, language
):
    van, _ = services.locations.add(manager, manager.outlet_id, "VAN-1", "Van 1 流动车")
    services.stock.move(manager, screen.id, 2, _main_id(services, manager), van.id)
    texts = {key: translate_core(english) for key, english in COUNT_SHEET_WORDS.items()}
    store, unit = ("主仓库", "件") if language == "zh_CN" else ("Main store", "pcs")
    main, _ = services.stocktake.start(manager)
    doc = count_sheet_document(services, manager, main.id, texts=texts)
    (outlet,) = [b.value for b in doc.blocks if isinstance(b, Field) and b.label == texts["outlet"]]
    assert outlet == f"North Station 北站店 – {store}" and "MAIN" not in outlet
    sheet = next(b for b in doc.blocks if isinstance(b, LineItems))
    assert sheet.rows[0][2] == unit
    path = tmp_path / "sheet.xlsx"
    export_count_sheet(services, manager, main.id, path, texts=texts)
    cells = [c for row in load_workbook(path).active.iter_rows(values_only=True) for c in row]
    assert f"North Station 北站店 – {store}" in " ".join(str(c) for c in cells if c)
    assert unit in cells and ("pcs" in cells) is (language == "en")
    in_van, _ = services.stocktake.start(manager, location_id=van.id)
    doc = count_sheet_document(services, manager, in_van.id, texts=texts)
    (outlet,) = [b.value for b in doc.blocks if isinstance(b, Field) and b.label == texts["outlet"]]
    assert outlet == "North Station 北站店 – Van 1 流动车"
    services.locations.rename(manager, _main_id(services, manager), "Back room 后仓")
    doc = count_sheet_document(services, manager, main.id, texts=texts)
    (outlet,) = [b.value for b in doc.blocks if isinstance(b, Field) and b.label == texts["outlet"]]
    assert outlet == "North Station 北站店 – Back room 后仓"  # a name given stays as given


def _main_id(services, manager):
    return next(loc.id for loc in services.locations.list(manager, manager.outlet_id) if loc.main)


# ---------------------------------------------------------------- one word for the SKU


@pytest.mark.usefixtures("chinese")
def test_the_sku_is_huohao_in_errors_as_in_the_catalogue(services, manager, screen):
    assert translate_core("SKU") == "货号"
    with pytest.raises(ValidationError) as bad:
        services.catalogue.create_part(manager, PartInput("BAD PART", "Part 备件"))
    assert error_text(bad.value).startswith("货号：“BAD PART”")
    take, _ = services.stocktake.start(manager)
    with pytest.raises(Exception) as unknown:
        services.stocktake.count(manager, take.id, "NOPE-1", 1)
    assert "货号" in error_text(unknown.value) and "SKU 编码" not in error_text(unknown.value)


def test_a_part_whose_unit_is_stored_as_the_word_keeps_it_when_saved(
    services, manager, tmp_path, qtbot, language
):
    """A unit stored as "件" (an import wrote it) shows as 件 in Chinese, the same as the
    default's word; saving the form unchanged must not turn it into the code "pcs"."""
    made, _ = services.catalogue.create_part(
        manager, PartInput("GLUE-1", "Glue 胶水", unit="件", cost_price="1")
    )
    page = PartsPage(ui_context(services, manager, tmp_path))
    qtbot.addWidget(page)
    edit = PartDialog(page._ctx, made, page.suppliers, page)
    qtbot.addWidget(edit)
    assert edit.unit.text() == "件"
    edit.sale.setText("2.50")
    edit.submit()
    assert edit.result() == edit.DialogCode.Accepted
    assert _stored_unit(services, made.id) == "件"
    again = PartDialog(page._ctx, services.catalogue.find(manager, "GLUE-1"), page.suppliers, page)
    qtbot.addWidget(again)
    again.unit.setText("pcs" if language == "en" else "件")  # the default's word, typed anew
    again.submit()
    assert _stored_unit(services, made.id) == ("pcs" if language == "en" else "件")
