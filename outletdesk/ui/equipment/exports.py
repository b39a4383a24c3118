"""The Equipment page's Excel exports: the register, the maintenance log (with a filter dialog:
period, outlet, asset, category), the due list and the plan overview, as the command line's
`outletdesk export equipment|maintenance-log|equipment-due|maintenance-plans` writes them, in
the window's language. Each asks where to save, then writes on the worker with progress."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtWidgets import QComboBox, QMenu, QWidget

from ...core.equipment.register import CategoryDTO, may_export_equipment
from ...core.outlets import OutletDTO
from ..context import AppContext
from ..export_menu import ExportMenu, LogFilterDialog


class EquipmentExports(ExportMenu):
    """The Export menu for a page that says which outlet and category it shows (`outlet_id()`,
    `category_id()`, None for all), which there are (`outlets()`, `categories()`) and which
    asset is selected (`asset()`: id, tag)."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget,
        outlet_id: Callable[[], int | None],
        category_id: Callable[[], int | None],
        outlets: Callable[[], list[OutletDTO]],
        categories: Callable[[], list[CategoryDTO]],
        asset: Callable[[], tuple[int, str] | None],
    ) -> None:
        super().__init__(ctx, parent)
        self.allowed = may_export_equipment(ctx.actor)  # maintenance staff too
        self._outlet_id, self._category_id = outlet_id, category_id
        self._outlets, self._categories, self._asset = outlets, categories, asset

    def words(self) -> Iterable[str]:
        from ...core.equipment.export import TEXTS  # openpyxl: loaded on the first export

        return TEXTS

    def menu(self) -> QMenu:
        return self.build_menu(
            [
                (self.tr("&Equipment register…"), self.export_register,
                 self.tr("Every asset of the outlet shown, with purchase, acceptance and "
                         "status")),
                (self.tr("&Maintenance log…"), self.export_log,
                 self.tr("Maintenance, repairs and breakdowns of a period, outlet, asset or "
                         "category")),
                (self.tr("&Due list…"), self.export_due,
                 self.tr("Maintenance overdue, due today, this week and upcoming")),
                (self.tr("&Plan overview…"), self.export_plans,
                 self.tr("Every plan, with the next due of each asset it covers")),
            ]
        )  # fmt: skip

    # ------------------------------------------------------------ one per menu entry

    def export_register(self) -> None:
        from ...core.equipment.export import export_equipment

        outlet_id = self._outlet_id()
        self.export(
            self.tr("Export the equipment register"),
            "equipment.xlsx",
            lambda services, actor, path, progress, texts: export_equipment(
                services, actor, path, outlet_id=outlet_id, progress=progress, texts=texts
            ),
            lambda n: self.tr("%n assets written to {path}", "", n),
            self.tr("Exporting the equipment register…"),
        )

    def export_log(self) -> MaintenanceLogDialog | None:
        """Asks for the filter first; the export follows when the dialog is accepted."""
        if not self.allowed:
            return None
        dialog = MaintenanceLogDialog(
            self._ctx,
            self._outlets(),
            self._outlet_id(),
            self._categories(),
            self._category_id(),
            self._asset(),
            self._parent,
        )
        dialog.chosen.connect(self.export_log_of)
        self.open_dialog(dialog)
        return dialog

    def export_log_of(self, f: object) -> None:
        from ...core.equipment.export import RecordFilter, export_maintenance_log

        assert isinstance(f, RecordFilter)
        self.export(
            self.tr("Export the maintenance log"),
            "maintenance-log.xlsx",
            lambda services, actor, path, progress, texts: export_maintenance_log(
                services, actor, path, f, progress=progress, texts=texts
            ),
            lambda n: self.tr("%n maintenance records written to {path}", "", n),
            self.tr("Exporting the maintenance log…"),
        )

    def export_due(self) -> None:
        from ...core.equipment.export import export_due_list

        outlet_id, category_id = self._outlet_id(), self._category_id()
        self.export(
            self.tr("Export the due list"),
            "maintenance-due.xlsx",
            lambda services, actor, path, progress, texts: export_due_list(
                services, actor, path, outlet_id=outlet_id, category_id=category_id,
                progress=progress, texts=texts,
            ),
            lambda n: self.tr("%n maintenance tasks written to {path}", "", n),
            self.tr("Exporting the due list…"),
        )  # fmt: skip

    def export_plans(self) -> None:
        from ...core.equipment.export import export_plans

        outlet_id = self._outlet_id()
        self.export(
            self.tr("Export the plan overview"),
            "maintenance-plans.xlsx",
            lambda services, actor, path, progress, texts: export_plans(
                services, actor, path, outlet_id=outlet_id, progress=progress, texts=texts
            ),
            lambda n: self.tr("%n plan rows written to {path}", "", n),
            self.tr("Exporting the plan overview…"),
        )


class MaintenanceLogDialog(LogFilterDialog):
    """Which upkeep the log holds: a period (either end open), an outlet or all, an asset (tag
    typed or scanned, or the one selected) or all, a category or all."""

    def __init__(
        self,
        ctx: AppContext,
        outlets: list[OutletDTO],
        outlet_id: int | None,
        categories: list[CategoryDTO],
        category_id: int | None,
        asset: tuple[int, str] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, outlets, outlet_id, parent)
        self.setWindowTitle(self.tr("Export the maintenance log"))
        self.asset = self.code
        asset_widget = self.code_field(
            self.tr("all assets; or type or scan an asset tag"), asset, self.tr("only {code}")
        )
        self.category = QComboBox(self)
        self.category.addItem(self.tr("All categories"), None)
        for c in categories:
            self.category.addItem(c.name, c.id)
        self.category.setCurrentIndex(max(0, self.category.findData(category_id)))
        self.lay_out(
            [(self.tr("&Asset"), asset_widget), (self.tr("&Category"), self.category)],
            {"Asset": self.asset},
        )

    def lookup(self, code: str) -> Callable[[], int | None]:
        equipment, actor = self._ctx.services.equipment, self._ctx.actor

        def asset_id() -> int | None:
            asset = equipment.by_tag(actor, code)
            return asset.id if asset is not None else None

        return asset_id

    def not_found(self, code: str) -> str:
        return self.tr("No asset has the tag {tag}.").format(tag=code)

    def make_filter(self, start: date | None, end: date | None, found: int | None) -> object:
        from ...core.equipment.export import RecordFilter

        return RecordFilter(
            start, end, self.outlet.currentData(), found, self.category.currentData()
        )
