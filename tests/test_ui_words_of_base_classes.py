"""A base class's words reach its subclasses in both languages (SQLite and PostgreSQL): the
spreadsheet import's counts ("%n rows") read in Chinese in the parts and the register imports alike,
and in the English singular for one; PySide's own tr stopped at the subclass for a count, so every
base class another window subclasses looks its words up through tr_up_the_classes."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import openpyxl
import pytest
from conftest import make_actor, ui_context
from PySide6.QtCore import QLocale, QObject

import outletdesk.ui
from outletdesk.models import Role
from outletdesk.ui.equipment.import_dialog import EquipmentImportDialog
from outletdesk.ui.i18n import install_translators, tr_up_the_classes
from outletdesk.ui.parts.import_dialog import CatalogueImportDialog


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    translators = install_translators(qapp, request.param)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


def _xlsx(path, rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


EXPECTED = {
    "en": (
        "Column titles found on row 1; 1 row below it.",
        "1 row: 1 new, 0 updated, 0 unchanged, 0 invalid.",
        "Column titles found on row 1; 3 rows below it.",
        "3 rows: 1 new, 0 updated, 0 unchanged, 2 invalid.",
        "2 invalid rows were skipped; they are listed below.",
    ),
    "zh_CN": (
        "在第 1 行找到列标题，其下共 1 行数据。",
        "共 1 行：新增 1 行，更新 0 行，未变 0 行，无效 0 行。",
        "在第 1 行找到列标题，其下共 3 行数据。",
        "共 3 行：新增 1 行，更新 0 行，未变 0 行，无效 2 行。",
        "已跳过 2 行无效数据，详见下表。",
    ),
}


def _run(dialog, path, qtbot):
    qtbot.addWidget(dialog)
    dialog.ask_file_path = lambda: str(path)
    dialog.choose_file()
    assert dialog.layout_found is not None, dialog.error.text()
    note = dialog.header_note.text()
    dialog.check()
    return note, dialog.summary.text()


def _import_files(kind, services, manager, tmp_path):
    if kind == "parts":
        title, good, bad = ["SKU", "Name"], ["SCR-1", "Screen"], ["", "No SKU"]
    else:
        category = services.equipment.categories(manager)[0].name
        title, good, bad = ["Name", "Category"], ["Drill", category], ["", category]
    one = _xlsx(tmp_path / f"{kind}-one.xlsx", [title, good])
    three = _xlsx(tmp_path / f"{kind}-three.xlsx", [title, good, bad, bad])
    return one, three


@pytest.mark.parametrize("kind", ["parts", "equipment"])
def test_the_imports_counts_read_in_the_windows_language(
    language, kind, services, manager, outlet, tmp_path, qtbot
):
    ctx = ui_context(services, manager, tmp_path)
    one, three = _import_files(kind, services, manager, tmp_path)

    def dialog():
        if kind == "parts":
            return CatalogueImportDialog(ctx, outlet)
        return EquipmentImportDialog(ctx, outlet)

    header_one, summary_one, header_three, summary_three, skipped = EXPECTED[language]
    note, summary = _run(dialog(), one, qtbot)
    assert note.startswith(header_one)
    assert summary.startswith(summary_one)
    importing = dialog()
    note, summary = _run(importing, three, qtbot)
    assert note.startswith(header_three)
    assert summary.startswith(summary_three)
    importing.start_import(skip_invalid=True)
    qtbot.waitUntil(lambda: importing.outcome is not None)
    assert skipped in importing.summary.text()


def _ui_classes():
    for info in pkgutil.walk_packages(outletdesk.ui.__path__, "outletdesk.ui."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == info.name:
                yield cls


def test_every_base_class_with_words_looks_them_up_for_its_subclasses():
    classes = set(_ui_classes())
    bases = {
        base
        for cls in classes
        for base in cls.__mro__[1:]
        if base in classes and issubclass(base, QObject) and "self.tr(" in inspect.getsource(base)
    }
    assert bases  # the spreadsheet import, the work order actions, ...
    assert sorted(b.__name__ for b in bases if b.tr is not tr_up_the_classes) == []


COUNTS = {  # (context, source, count): what the window says, in English and in Chinese
    ("ReceiveDialog", "%n lines", 1): ("1 line", "1 行"),
    ("ReceiveDialog", "Booked in %n units on {lines}.", 1): (
        "Booked in 1 unit on {lines}.",
        "已入库 1 件，共 {lines}。",
    ),
    ("ReceiveDialog", "Booked in %n units on {lines}.", 6): (
        "Booked in 6 units on {lines}.",
        "已入库 6 件，共 {lines}。",
    ),
    ("CountReviewDialog", "%n lines not counted stay as they are.", 1): (
        "1 line not counted stays as it is.",
        "未盘点的 1 行保持不变。",
    ),
    ("CountReviewDialog", "%n lines not counted stay as they are.", 22): (
        "22 lines not counted stay as they are.",
        "未盘点的 22 行保持不变。",
    ),
}


@pytest.mark.parametrize("key", list(COUNTS), ids=lambda key: f"{key[1]}-{key[2]}")
def test_counts_say_one_and_many_right(language, key):
    from PySide6.QtCore import QCoreApplication

    context, source, count = key
    english, chinese = COUNTS[key]
    said = QCoreApplication.translate(context, source, "", count)
    assert said == (english if language == "en" else chinese)
