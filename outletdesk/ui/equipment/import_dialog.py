"""Equipment register import (设备台账导入) from .xlsx or .csv, through the window's spreadsheet
import (ui/spreadsheet_import.py): a row whose asset tag is in the register updates that asset,
a row without a tag adds an asset with a new tag; categories named in the file are added; a new
asset whose Outlet cell (an outlet's code or name) is empty goes to the outlet shown on the page.
Columns whose title is not recognised are chosen by hand, Name among them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...core.auth import Permission
from ...core.equipment.importer import FIELDS, EquipmentImporter, EquipmentImportReport
from ...core.outlets import OutletDTO
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
        if not report.new_categories:
            return []
        names = listed(report.new_categories)
        if done:
            return [self.tr("Categories added: {names}").format(names=names)]
        return [self.tr("New categories to be added: {names}").format(names=names)]

    def unchanged_text(self, *, done: bool) -> str:
        if done:
            return self.tr("The register already matched the file; nothing changed.")
        return self.tr("The register already matches this file; nothing to import.")

    def writes(self, report: EquipmentImportReport) -> bool:
        return bool(report.new or report.updated or report.new_categories)
