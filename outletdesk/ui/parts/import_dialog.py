"""Catalogue import (备件目录导入) from a supplier's .xlsx or .csv, through the window's spreadsheet
import (ui/spreadsheet_import.py): parts matched by SKU are updated, new ones added, suppliers
named in the file added; bin location and levels are set at the outlet shown."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...core.auth import Permission
from ...core.outlets import OutletDTO
from ...core.parts.importer import FIELDS, CatalogueImporter, ImportReport
from ..context import AppContext
from ..i18n import listed
from ..settings.forms import allow_button
from ..spreadsheet_import import SpreadsheetImportDialog, column_letter

__all__ = ["CatalogueImportDialog", "column_letter"]


class CatalogueImportDialog(SpreadsheetImportDialog):
    def __init__(
        self, ctx: AppContext, outlet: OutletDTO | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx,
            CatalogueImporter(ctx.services.db),
            FIELDS,
            ctx.actor.can(Permission.MANAGE_STOCK),
            outlet,
            parent,
        )
        self.setWindowTitle(self.tr("Import parts from a spreadsheet"))
        self.intro.setText(
            self.tr(
                "Load the catalogue from an Excel workbook (.xlsx) or a CSV file. Parts whose "
                "SKU is already in the catalogue are updated, not added twice; columns left "
                "out keep what the catalogue holds."
            )
        )
        why_not = self.tr("Only a manager or an admin may change the catalogue.")
        allow_button(self.choose_button, self._allowed, why_not)

    def layout_note(self) -> str:
        if self._outlet is None or not any(f.per_outlet for f in FIELDS):
            return ""
        return self.tr(
            "Bin location, minimum level and reorder quantity are set at {outlet}."
        ).format(outlet=self._outlet.name)

    def extra_lines(self, report: ImportReport, *, done: bool) -> list[str]:
        if not report.new_suppliers:
            return []
        names = listed(report.new_suppliers)
        if done:
            return [self.tr("Suppliers added: {names}").format(names=names)]
        return [self.tr("New suppliers to be added: {names}").format(names=names)]

    def unchanged_text(self, *, done: bool) -> str:
        if done:
            return self.tr("The catalogue already matched the file; nothing changed.")
        return self.tr("The catalogue already matches this file; nothing to import.")

    def writes(self, report: ImportReport) -> bool:
        return bool(report.new or report.updated or report.new_suppliers)
