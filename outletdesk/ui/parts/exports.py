"""The Parts page's Excel exports: the catalogue (in the columns the import reads), stock levels,
the movement log (with a filter dialog: period, outlet, part, kind), the low-stock list and
stock value. Each asks where to save, then writes on the worker with progress and Cancel, its
titles and words in the window's language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Permission
from ...core.errors import NotFound
from ...core.outlets import OutletDTO
from ...models import MovementKind
from ...progress import Progress
from ..context import AppContext
from ..errors import error_text, translate_core
from ..exporting import ask_xlsx_path, run_export
from ..settings.forms import FormErrors, add_rows

if TYPE_CHECKING:
    from ...core.parts.export import MovementFilter
    from ...core.services import Services

Export = Callable[["Services", Any, Path, Progress, dict[str, str]], int]


def export_texts() -> dict[str, str]:
    """Every title and word the stock logs write, in the window's language."""
    from ...core.parts.export import TEXTS  # openpyxl: loaded on the first export

    return {word: translate_core(word) for word in TEXTS}


class PartsExports(QObject):
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
        super().__init__(parent)
        self._ctx, self._parent = ctx, parent
        self._outlet, self._outlets, self._part = outlet, outlets, part
        self.allowed = ctx.actor.can(Permission.EXPORT_DATA)
        self.why_not = self.tr("Your role may not export data.")

    def menu(self) -> QMenu:
        menu = QMenu(self._parent)
        for text, slot, tip in (
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
        ):  # fmt: skip
            action = menu.addAction(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _c=False, run=slot: run())
        menu.setToolTipsVisible(True)
        return menu

    # ------------------------------------------------------------ one per menu entry

    def export_catalogue(self) -> None:
        from ...core.parts.export import export_catalogue

        outlet = self._outlet()
        outlet_id = outlet.id if outlet is not None else None
        self._export(
            self.tr("Export the parts catalogue"),
            "parts-catalogue.xlsx",
            lambda services, actor, path, progress, texts: export_catalogue(
                services, actor, path, outlet_id=outlet_id, progress=progress, texts=texts
            ),
            self.tr("{count} parts written to {path}"),
            self.tr("Exporting the catalogue…"),
        )

    def export_stock_levels(self) -> None:
        from ...core.parts.export import export_stock_levels

        self._export(
            self.tr("Export stock levels"),
            "stock-levels.xlsx",
            lambda services, actor, path, progress, texts: export_stock_levels(
                services, actor, path, progress=progress, texts=texts
            ),
            self.tr("{count} stock rows written to {path}"),
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

        self._export(
            self.tr("Export the movement log"),
            "stock-movements.xlsx",
            lambda services, actor, path, progress, texts: export_movements(
                services, actor, path, f, progress=progress, texts=texts
            ),
            self.tr("{count} stock movements written to {path}"),
            self.tr("Exporting stock movements…"),
        )

    def export_low_stock(self) -> None:
        from ...core.parts.export import export_low_stock

        outlet = self._outlet()
        outlet_id = outlet.id if outlet is not None else None
        self._export(
            self.tr("Export the low-stock list"),
            "low-stock.xlsx",
            lambda services, actor, path, progress, texts: export_low_stock(
                services, actor, path, outlet_id=outlet_id, progress=progress, texts=texts
            ),
            self.tr("{count} parts to reorder written to {path}"),
            self.tr("Exporting the low-stock list…"),
        )

    def export_stock_value(self) -> None:
        from ...core.parts.export import export_stock_value

        self._export(
            self.tr("Export stock value"),
            "stock-value.xlsx",
            lambda services, actor, path, progress, texts: export_stock_value(
                services, actor, path, progress=progress, texts=texts
            ),
            self.tr("Stock value of {count} parts written to {path}"),
            self.tr("Exporting stock value…"),
        )

    # ------------------------------------------------------------ shared

    def _export(self, title: str, default_name: str, export: Export, told: str, label: str) -> None:
        if not self.allowed:
            return
        path = self.ask_path(title, default_name)
        if not path:
            return
        services, actor, texts, target = (
            self._ctx.services,
            self._ctx.actor,
            export_texts(),
            Path(path),
        )
        run_export(
            self._ctx,
            self._parent,
            lambda progress: export(services, actor, target, progress, texts),
            lambda count: self.inform(told.format(count=count, path=path)),
            label,
        )

    def ask_path(self, title: str, default_name: str) -> str:
        """The save-as question; tests replace this method."""
        return ask_xlsx_path(self._parent, title, default_name)

    def inform(self, text: str) -> None:
        """Says the export is done; tests replace this method."""
        QMessageBox.information(self._parent, self.tr("Export finished"), text)

    def open_dialog(self, dialog: QWidget) -> None:
        """Through the page's own open_dialog (which tests replace), else window-modal."""
        opener = getattr(self._parent, "open_dialog", None)
        if opener is not None:
            opener(dialog)
        else:
            dialog.open()  # type: ignore[attr-defined]


class MovementLogDialog(QDialog):
    """Which movements the log holds: a period (either end open), an outlet or all, a part
    (SKU or scanned barcode) or all, a kind or all."""

    chosen = Signal(object)  # MovementFilter

    def __init__(
        self,
        ctx: AppContext,
        outlets: list[OutletDTO],
        outlet_id: int | None,
        part: tuple[int, str] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("Export the movement log"))
        today = QDate.currentDate()
        self.use_from = QCheckBox(self.tr("&From"), self)
        self.use_from.setChecked(True)
        self.date_from = _date_edit(self, QDate(today.year(), today.month(), 1))
        self.use_to = QCheckBox(self.tr("&To"), self)
        self.use_to.setChecked(True)
        self.date_to = _date_edit(self, today)
        self.use_from.toggled.connect(self.date_from.setEnabled)
        self.use_to.toggled.connect(self.date_to.setEnabled)
        period = QHBoxLayout()
        for widget in (self.use_from, self.date_from, self.use_to, self.date_to):
            period.addWidget(widget)
        period.addStretch(1)
        period_widget = QWidget(self)
        period_widget.setLayout(period)
        period.setContentsMargins(0, 0, 0, 0)

        self.outlet = QComboBox(self)
        self.outlet.addItem(self.tr("All outlets"), None)
        for o in outlets:
            self.outlet.addItem(f"{o.code} – {o.name}", o.id)
        self.outlet.setCurrentIndex(max(0, self.outlet.findData(outlet_id)))
        self.part = QLineEdit(self)
        self.part.setMaxLength(60)
        self.part.setPlaceholderText(self.tr("all parts; or type a SKU or scan a barcode"))
        self.part.setClearButtonEnabled(True)
        self.selected_part = part
        self.only_selected = QCheckBox(self)
        if part is not None:
            self.only_selected.setText(self.tr("only {sku}").format(sku=part[1]))
            self.only_selected.toggled.connect(lambda on: self.part.setText(part[1] if on else ""))
        else:
            self.only_selected.hide()
        part_row = QHBoxLayout()
        part_row.setContentsMargins(0, 0, 0, 0)
        part_row.addWidget(self.part, 1)
        part_row.addWidget(self.only_selected)
        part_widget = QWidget(self)
        part_widget.setLayout(part_row)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("All movements"), None)
        from ...core.parts.export import MOVEMENT_WORDS

        for kind in MovementKind:
            self.kind.addItem(translate_core(MOVEMENT_WORDS[kind.value]), kind)

        form = QFormLayout()
        form.addRow(self.tr("Period"), period_widget)
        add_rows(
            form,
            [
                (self.tr("&Outlet"), self.outlet),
                (self.tr("&Part"), part_widget),
                (self.tr("&Kind"), self.kind),
            ],
            self,
        )
        self.error = QLabel(self)
        self.errors = FormErrors(self.error, {"Part": self.part})
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Export…"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 0)

    def period(self) -> tuple[date | None, date | None]:
        start = self.date_from.date().toPython() if self.use_from.isChecked() else None
        end = self.date_to.date().toPython() if self.use_to.isChecked() else None
        return start, end  # type: ignore[return-value]

    def submit(self) -> None:
        start, end = self.period()
        if start is not None and end is not None and start > end:
            self.errors.say(self.tr("The period ends before it starts."), self.date_to)
            return
        code = self.part.text().strip()
        self.errors.clear()
        if not code:
            self._found(None)
            return
        catalogue, actor = self._ctx.services.catalogue, self._ctx.actor
        self.ok_button.setEnabled(False)
        self._ctx.runner.run(lambda: catalogue.find(actor, code).id, self._found, self._not_found)

    def _not_found(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, NotFound):
            self.errors.say(error_text(exc), self.part)
        else:
            self.errors.show(exc, self)

    def _found(self, part_id: int | None) -> None:
        from ...core.parts.export import MovementFilter

        self.ok_button.setEnabled(True)
        start, end = self.period()
        f = MovementFilter(start, end, self.outlet.currentData(), part_id, self.kind.currentData())
        self.accept()
        self.chosen.emit(f)


def _date_edit(parent: QWidget, value: QDate) -> QDateEdit:
    edit = QDateEdit(value, parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit
