"""The Parts page's Excel exports: the catalogue (in the columns the import reads), stock levels,
the movement log (with a filter dialog: period, outlet, part, kind), the low-stock list and
stock value. Each asks where to save, then writes on the worker with progress and Cancel, its
titles and words in the window's language."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QMenu, QWidget

from ...core.outlets import OutletDTO
from ...models import MovementKind
from ..context import AppContext
from ..errors import translate_core
from ..export_menu import ExportMenu, LogFilterDialog

if TYPE_CHECKING:
    from ...core.parts.export import MovementFilter


class PartsExports(ExportMenu):
    """The Export menu's actions for a page that says which outlet it shows (`outlet()`),
    which outlets there are (`outlets()`) and which part is selected (`part()`: id, SKU)."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget,
        outlet: Callable[[], OutletDTO | None],
        outlets: Callable[[], list[OutletDTO]],
        part: Callable[[], tuple[int, str] | None],
    ) -> None:
        super().__init__(ctx, parent)
        self._outlet, self._outlets, self._part = outlet, outlets, part

    def words(self) -> Iterable[str]:
        from ...core.parts.export import TEXTS

        return TEXTS

    def menu(self) -> QMenu:
        return self.build_menu(
            [
                (self.tr("&Catalogue…"), self.export_catalogue,
                 self.tr("Every part in the columns the import reads, with this outlet's shelf "
                         "levels")),
                (self.tr("&Stock levels…"), self.export_stock_levels,
                 self.tr("What is on the shelf at every outlet")),
                (self.tr("&Movement log…"), self.export_movements,
                 self.tr("Every stock movement of a period, outlet, part or kind")),
                (self.tr("&Low stock…"), self.export_low_stock,
                 self.tr("This outlet's reorder list with suggested quantities")),
                (self.tr("Stock &value…"), self.export_stock_value,
                 self.tr("Stock at average cost, by outlet and by part")),
            ]
        )  # fmt: skip

    # ------------------------------------------------------------ one per menu entry

    def export_catalogue(self) -> None:
        from ...core.parts.export import export_catalogue

        outlet = self._outlet()
        outlet_id = outlet.id if outlet is not None else None
        self.export(
            self.tr("Export the parts catalogue"),
            "parts-catalogue.xlsx",
            lambda services, actor, path, progress, texts: export_catalogue(
                services, actor, path, outlet_id=outlet_id, progress=progress, texts=texts
            ),
            lambda n: self.tr("%n parts written to {path}", "", n),
            self.tr("Exporting the catalogue…"),
        )

    def export_stock_levels(self) -> None:
        from ...core.parts.export import export_stock_levels

        self.export(
            self.tr("Export stock levels"),
            "stock-levels.xlsx",
            lambda services, actor, path, progress, texts: export_stock_levels(
                services, actor, path, progress=progress, texts=texts
            ),
            lambda n: self.tr("%n stock rows written to {path}", "", n),
            self.tr("Exporting stock levels…"),
        )

    def export_movements(self) -> MovementLogDialog | None:
        """Asks for the filter first; the export follows when the dialog is accepted."""
        if not self.allowed:
            return None
        outlet = self._outlet()
        dialog = MovementLogDialog(
            self._ctx,
            self._outlets(),
            outlet.id if outlet is not None else None,
            self._part(),
            self._parent,
        )
        dialog.chosen.connect(self.export_movement_log)
        self.open_dialog(dialog)
        return dialog

    def export_movement_log(self, f: MovementFilter) -> None:
        from ...core.parts.export import export_movements

        self.export(
            self.tr("Export the movement log"),
            "stock-movements.xlsx",
            lambda services, actor, path, progress, texts: export_movements(
                services, actor, path, f, progress=progress, texts=texts
            ),
            lambda n: self.tr("%n stock movements written to {path}", "", n),
            self.tr("Exporting stock movements…"),
        )

    def export_low_stock(self) -> None:
        from ...core.parts.export import export_low_stock

        outlet = self._outlet()
        outlet_id = outlet.id if outlet is not None else None
        self.export(
            self.tr("Export the low-stock list"),
            "low-stock.xlsx",
            lambda services, actor, path, progress, texts: export_low_stock(
                services, actor, path, outlet_id=outlet_id, progress=progress, texts=texts
            ),
            lambda n: self.tr("%n parts to reorder written to {path}", "", n),
            self.tr("Exporting the low-stock list…"),
        )

    def export_stock_value(self) -> None:
        from ...core.parts.export import export_stock_value

        self.export(
            self.tr("Export stock value"),
            "stock-value.xlsx",
            lambda services, actor, path, progress, texts: export_stock_value(
                services, actor, path, progress=progress, texts=texts
            ),
            lambda n: self.tr("Stock value of %n parts written to {path}", "", n),
            self.tr("Exporting stock value…"),
        )


class MovementLogDialog(LogFilterDialog):
    """Which movements the log holds: a period (either end open), an outlet or all, a part
    (SKU or scanned barcode) or all, a kind or all."""

    def __init__(
        self,
        ctx: AppContext,
        outlets: list[OutletDTO],
        outlet_id: int | None,
        part: tuple[int, str] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, outlets, outlet_id, parent)
        self.setWindowTitle(self.tr("Export the movement log"))
        self.part = self.code
        self.selected_part = part
        part_widget = self.code_field(
            self.tr("all parts; or type a SKU or scan a barcode"), part, self.tr("only {code}")
        )
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("All movements"), None)
        from ...core.parts.export import MOVEMENT_WORDS

        for kind in MovementKind:
            self.kind.addItem(translate_core(MOVEMENT_WORDS[kind.value]), kind)
        self.lay_out(
            [(self.tr("&Part"), part_widget), (self.tr("&Kind"), self.kind)], {"Part": self.part}
        )

    def lookup(self, code: str) -> Callable[[], int | None]:
        catalogue, actor = self._ctx.services.catalogue, self._ctx.actor
        return lambda: catalogue.find(actor, code).id

    def not_found(self, code: str) -> str:
        return ""  # find() raises NotFound with its own words

    def make_filter(self, start: date | None, end: date | None, found: int | None) -> object:
        from ...core.parts.export import MovementFilter

        outlet_id = self.outlet.currentData()
        f: MovementFilter = MovementFilter(start, end, outlet_id, found, self.kind.currentData())
        return f
