"""Equipment register import (设备台账导入) from .xlsx or .csv, through the window's spreadsheet
import (ui/spreadsheet_import.py): a row whose asset tag is in the register updates that asset,
a row without a tag is the asset with its serial number, else adds an asset with a new tag; a
category is found by its name or its English or Chinese half, and one the register does not have
is added only when the person ticks "Create the new categories listed" (unticked at first); a new
asset whose Outlet cell (an outlet's code or name) is empty goes to the outlet shown on the page.
Columns whose title is not recognised are chosen by hand, Name among them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from ...core.auth import Permission
from ...core.equipment.importer import FIELDS, EquipmentImporter, EquipmentImportReport
from ...core.outlets import OutletDTO
from ...progress import Progress
from ..context import AppContext
from ..i18n import listed
from ..settings.forms import allow_button
from ..spreadsheet_import import SpreadsheetImportDialog


class EquipmentImportDialog(SpreadsheetImportDialog):
    def __init__(
        self, ctx: AppContext, outlet: OutletDTO | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx,
            EquipmentImporter(ctx.services.db),
            FIELDS,
            ctx.actor.can(Permission.MANAGE_EQUIPMENT),
            outlet,
            parent,
        )
        self.setWindowTitle(self.tr("Import equipment from a spreadsheet"))
        self.intro.setText(
            self.tr(
                "Load the equipment register from an Excel workbook (.xlsx) or a CSV file. A "
                "row whose asset tag is already in the register updates that asset; a row "
                "without a tag adds an asset and gives it a new tag."
            )
        )
        why_not = self.tr(
            "Only maintenance staff, a manager or an admin may change the equipment register."
        )
        allow_button(self.choose_button, self._allowed, why_not)
        # Shown when the file names categories the register does not have; a typo must not
        # add one, so it is off until the person ticks it (the check runs again then).
        self.new_categories_box = QCheckBox(self)
        self.new_categories_box.hide()
        self.new_categories_box.toggled.connect(self._new_categories_toggled)
        main = self.layout()
        assert isinstance(main, QVBoxLayout)
        main.insertWidget(main.indexOf(self.problems), self.new_categories_box)

    def _new_categories_toggled(self, _checked: bool) -> None:
        if self.report is not None and self.report.new_categories:
            self.report = None
            self._enable()
            self.check()

    def check_rows(
        self, path: Path, mapping: dict[str, int], texts: dict[str, str]
    ) -> Callable[[Progress], Any]:
        importer, actor, outlet_id = self._importer, self._ctx.actor, self._outlet_id()
        allow = self.new_categories_box.isChecked()
        return lambda progress: importer.dry_run(
            actor, path, mapping, outlet_id=outlet_id, texts=texts, progress=progress,
            new_categories=allow,
        )  # fmt: skip

    def import_rows(
        self, path: Path, mapping: dict[str, int], texts: dict[str, str], skip_invalid: bool
    ) -> Callable[[Progress], tuple[Any, Any]]:
        importer, actor, outlet_id = self._importer, self._ctx.actor, self._outlet_id()
        allow = self.new_categories_box.isChecked()
        return lambda progress: importer.run(
            actor, path, mapping, skip_invalid=skip_invalid, outlet_id=outlet_id, texts=texts,
            progress=progress, new_categories=allow,
        )  # fmt: skip

    def layout_note(self) -> str:
        if self._outlet is None:
            return self.tr(
                "Every new asset needs its outlet in the file: the Outlet column takes an "
                "outlet's code or its name."
            )
        return self.tr(
            "The Outlet column takes an outlet's code or its name; new assets without one go "
            "to {outlet}."
        ).format(outlet=self._outlet.name)

    def extra_lines(self, report: EquipmentImportReport, *, done: bool) -> list[str]:
        box = self.new_categories_box
        if not done:
            box.setVisible(bool(report.new_categories) or box.isChecked())
            box.setText(
                self.tr("Create the %n new categories listed", "", len(report.new_categories))
            )
        if not report.new_categories:
            return []
        names = listed(report.new_categories)
        if done:
            return [self.tr("Categories added: {names}").format(names=names)]
        if not report.new_categories_allowed:
            return [
                self.tr(
                    "Not categories in OutletDesk: {names}. Correct them in the file, or tick "
                    "the box below to add them."
                ).format(names=names)
            ]
        return [self.tr("New categories to be added: {names}").format(names=names)]

    def unchanged_text(self, *, done: bool) -> str:
        if done:
            return self.tr("The register already matched the file; nothing changed.")
        return self.tr("The register already matches this file; nothing to import.")

    def writes(self, report: EquipmentImportReport) -> bool:
        return bool(report.new or report.updated)
