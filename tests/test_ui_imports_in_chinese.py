"""The spreadsheet imports in the Chinese window (SQLite and PostgreSQL): the problem list names a
column by its letter and its field in Chinese, whatever the file's titles (English, untitled), and
a column the file lacks by its field alone; an asset's Name reads 名称 in the import and in the
asset form's errors, while a customer's stays 姓名."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from conftest import make_actor, ui_context
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QLabel

from outletdesk.core.customers import CustomerInput
from outletdesk.core.equipment.importer import EquipmentImporter, ImportFileError
from outletdesk.core.equipment.register import AssetInput
from outletdesk.core.errors import ValidationError
from outletdesk.models import Role
from outletdesk.ui.equipment.import_dialog import EquipmentImportDialog
from outletdesk.ui.errors import error_text, translate_core
from outletdesk.ui.parts.import_dialog import CatalogueImportDialog

QM = Path(__file__).resolve().parents[1] / "resources" / "translations" / "outletdesk_zh_CN.qm"


@pytest.fixture
def chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


def _xlsx(path, rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _shown(dialog):
    model = dialog.problem_model
    return [
        tuple(model.data(model.index(row, column)) for column in range(3))
        for row in range(model.rowCount())
    ]


def _loaded(dialog, path, qtbot):
    qtbot.addWidget(dialog)
    dialog.ask_file_path = lambda: str(path)
    dialog.choose_file()
    assert dialog.layout_found is not None, dialog.error.text()
    return dialog


def test_the_register_import_names_columns_in_chinese(
    chinese, services, manager, outlet, tmp_path, qtbot
):
    # English titles as the file has them; no Category column; the make column left untitled.
    path = _xlsx(
        tmp_path / "register.xlsx",
        [
            ["Asset tag", "Name", None, "Purchase cost"],
            [None, "Drill 电钻", "Bosch", "abc"],
            [None, "Multimeter 万用表", "+Fluke", "10"],
        ],
    )
    ctx = ui_context(services, manager, tmp_path)
    dialog = _loaded(EquipmentImportDialog(ctx, outlet), path, qtbot)
    labels = [label.text() for label in dialog.mapping_box.findChildren(QLabel)]
    assert "名称 *" in labels and "姓名 *" not in labels  # an asset's Name, not a person's
    dialog.combos["make"].setCurrentIndex(dialog.combos["make"].findData(2))
    dialog.check()
    assert dialog.problems.model().headerData(1, Qt.Orientation.Horizontal) == "列"
    assert _shown(dialog) == [
        ("2", "D：购置成本", "“abc”不是金额。"),  # column D, titled in English in the file
        ("2", "类别", "新增设备时必填。"),  # not in the file: the field alone
        ("3", "C：品牌", "不能以“+”开头（会被电子表格当作公式）。"),  # untitled in the file
        ("3", "类别", "新增设备时必填。"),
    ]


def test_the_parts_import_names_an_untitled_column_in_chinese(
    chinese, services, manager, tmp_path, qtbot
):
    path = _xlsx(
        tmp_path / "parts.xlsx",
        [["SKU", None, "售价 Price"], ["SCR-1", "=B1", "x"]],
    )
    ctx = ui_context(services, manager, tmp_path)
    dialog = _loaded(CatalogueImportDialog(ctx, None), path, qtbot)
    for key, column in (("name", 1), ("sale_price", 2)):  # chosen by hand
        dialog.combos[key].setCurrentIndex(dialog.combos[key].findData(column))
    dialog.check()
    shown = _shown(dialog)
    assert [(row, column) for row, column, _problem in shown] == [
        ("2", "B：备件名称"),  # untitled in the file, mapped by hand
        ("2", "C：售价"),  # the field the file's "售价 Price" column holds
    ]


def test_an_assets_name_is_not_a_persons_name(chinese, services, manager, outlet, tmp_path):
    category = services.equipment.categories(manager)[0]
    with pytest.raises(ValidationError) as asset:
        services.equipment.create(manager, AssetInput(" ", category.id, outlet.id))
    assert asset.value.field == "Name"
    assert error_text(asset.value) == "名称：为必填项。"
    with pytest.raises(ValidationError) as customer:
        services.customers.create(manager, CustomerInput(name=" ", phones=("13800138000",)))
    assert error_text(customer.value) == "姓名：为必填项。"
    assert translate_core("Name") == "姓名"
    nameless = tmp_path / "nameless.csv"
    nameless.write_text("Colour,Size\nred,L\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as missing:
        EquipmentImporter(services.db).dry_run(manager, nameless)
    assert error_text(missing.value).startswith("nameless.csv 中没有“名称”列（查找的是含有 名称 的")


def test_the_choices_an_import_allows_are_named_in_chinese(
    chinese, services, manager, outlet, tmp_path, qtbot
):
    category = services.equipment.categories(manager)[0]
    path = _xlsx(
        tmp_path / "register.xlsx",
        [
            ["名称", "类别", "状态", "验收结果"],
            ["Drill 电钻", category.name, "坏了", "也许"],
        ],
    )
    ctx = ui_context(services, manager, tmp_path)
    dialog = _loaded(EquipmentImportDialog(ctx, outlet), path, qtbot)
    dialog.check()
    problems = {column: problem for _row, column, problem in _shown(dialog)}
    status = next(p for c, p in problems.items() if "状态" in c)
    acceptance = next(p for c, p in problems.items() if "验收" in c)
    assert status == "“坏了”不在可选范围内：在用、停用、维修中、已报废。"
    assert acceptance == "“也许”不在可选范围内：合格、不合格。"


def test_sentences_are_joined_without_a_space_after_a_chinese_full_stop():
    from outletdesk.ui.i18n import sentences

    assert sentences("共 8 行数据。", "", "货位列：A。") == "共 8 行数据。货位列：A。"
    assert (
        sentences("8 rows below it.", "Choose the columns.")
        == "8 rows below it. Choose the columns."
    )
