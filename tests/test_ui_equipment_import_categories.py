"""The register import window (SQLite and PostgreSQL): a category the register does not have is
a bad row until the person ticks "Create the N new categories listed" (unticked at first); a
category named by its English or Chinese half is the existing one."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import make_actor, ui_context

from outletdesk.models import Role
from outletdesk.ui.equipment.import_dialog import EquipmentImportDialog


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


def test_new_categories_only_when_ticked(services, manager, outlet, tmp_path, qtbot):
    path = tmp_path / "register.xlsx"
    book = openpyxl.Workbook()
    for row in (
        ["Name", "Category", "Serial number"],
        ["Drill", "Tools", "D-1"],
        ["Scope", "Scopes", "S-1"],
        ["Tablet", "信息设备", "T-1"],
        ["Kettle", "Kitchen", "K-1"],
    ):
        book.active.append(row)
    book.save(path)
    before = {c.name for c in services.equipment.categories(manager)}
    dialog = EquipmentImportDialog(ui_context(services, manager, tmp_path), outlet)
    qtbot.addWidget(dialog)
    dialog.ask_file_path = lambda: str(path)
    dialog.choose_file()
    dialog.check()
    box = dialog.new_categories_box
    assert not box.isHidden() and not box.isChecked()
    assert box.text() == "Create the 2 new categories listed"
    assert [p.row for p in dialog.report.problems] == [3, 5]
    assert "Not categories in OutletDesk: Scopes, Kitchen." in dialog.summary.text()
    assert not dialog.import_all_button.isEnabled()

    box.setChecked(True)  # checks again, allowing them
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.ok)
    assert "New categories to be added: Scopes, Kitchen" in dialog.summary.text()
    assert dialog.import_all_button.isEnabled()
    dialog.start_import(skip_invalid=False)
    qtbot.waitUntil(lambda: dialog.outcome is not None)
    assert dialog.outcome.new == 4
    assert {c.name for c in services.equipment.categories(manager)} == before | {
        "Scopes",
        "Kitchen",
    }
    placed = {a.name: a.category for a in services.equipment.search(manager, "")}
    assert (placed["Drill"], placed["Tablet"]) == ("Tools 工具", "IT 信息设备")
