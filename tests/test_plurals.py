"""Counts read right in English ("1 part", "2 parts") through the shipped English file, and
naturally in Chinese (共 1 个备件); the command line, English only, says them right too.
Real widgets on a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from conftest import make_actor, ui_context
from PySide6.QtCore import QLocale

from outletdesk.cli import main
from outletdesk.core.parts.catalogue import PartInput, SupplierInput
from outletdesk.models import Role
from outletdesk.ui.i18n import install_translators
from outletdesk.ui.parts.page import PartsPage
from outletdesk.ui.parts.suppliers import SuppliersDialog


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    """The seat's language, installed as the application does it."""
    translators = install_translators(qapp, request.param)
    assert translators  # English too: its file carries the counts' singular
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


def _page(services, manager, tmp_path, qtbot):
    page = PartsPage(ui_context(services, manager, tmp_path))
    page.opened = []
    page.open_dialog = page.opened.append
    qtbot.addWidget(page)
    return page


ONE_AND_TWO = {
    "en": (("1 part", "1 supplier"), ("2 parts", "2 suppliers")),
    "zh_CN": (("共 1 个备件", "共 1 个供应商"), ("共 2 个备件", "共 2 个供应商")),
}


def test_the_parts_page_and_the_suppliers_count_in_the_singular_and_the_plural(
    language, services, manager, tmp_path, qtbot
):
    supplier, _ = services.catalogue.create_supplier(manager, SupplierInput("深圳 Parts"))
    services.catalogue.create_part(manager, PartInput("SCR-IP12", "Screen", supplier_id=supplier))
    for (parts, suppliers), more in zip(ONE_AND_TWO[language], (False, True), strict=True):
        if more:
            services.catalogue.create_supplier(manager, SupplierInput("华强北 Supplies"))
            services.catalogue.create_part(manager, PartInput("BAT-IP12", "Battery"))
        page = _page(services, manager, tmp_path, qtbot)
        assert page.count_label.text() == parts
        dialog = page.open_suppliers()
        assert isinstance(dialog, SuppliersDialog)
        qtbot.addWidget(dialog)
        assert dialog.count_label.text() == suppliers


def test_an_export_says_how_many_rows_it_wrote(
    language, services, manager, tmp_path, qtbot, monkeypatch
):
    services.catalogue.create_part(manager, PartInput("SCR-IP12", "Screen"))
    page = _page(services, manager, tmp_path, qtbot)
    target = tmp_path / "catalogue.xlsx"
    told: list[str] = []
    monkeypatch.setattr(page.exports, "ask_path", lambda title, name: str(target))
    monkeypatch.setattr(page.exports, "inform", told.append)
    page.export_button.menu().actions()[0].trigger()
    assert told == [
        f"1 part written to {target}" if language == "en" else f"已将 1 个备件写入 {target}"
    ]


def test_without_the_english_file_a_count_reads_as_its_plural_source(
    services, manager, tmp_path, qtbot
):
    """The source text is the plural, so a missing file costs the singular and nothing else."""
    services.catalogue.create_part(manager, PartInput("SCR-IP12", "Screen"))
    assert _page(services, manager, tmp_path, qtbot).count_label.text() == "1 parts"


def test_the_command_line_says_one_in_the_singular(db_url, services, manager, tmp_path, capsys):
    services.catalogue.create_part(manager, PartInput("SCR-IP12", "Screen"))
    out = tmp_path / "parts.xlsx"
    assert main(["--db", db_url, "export", "parts", "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"1 part written to {out}\n"
    services.catalogue.create_part(manager, PartInput("BAT-IP12", "Battery"))
    assert main(["--db", db_url, "export", "parts", "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"2 parts written to {out}\n"
    assert main(["--db", db_url, "export", "stock-value", "-o", str(out)]) == 0
    assert "Stock value of 0 parts written" in capsys.readouterr().out  # none in stock
