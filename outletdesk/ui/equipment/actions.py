"""The Equipment page's printing, import and export: asset tag labels (设备标签) for the selected
asset or every asset listed, the selected asset's maintenance report (A4), the register imported
from a spreadsheet, the maintenance history imported from a folder (the public PdM files), and
the Export menu. Everything runs on the worker; PDFs open in the print preview."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Permission
from ...core.changes import Changes
from ...core.equipment.register import AssetDTO, AssetRow, CategoryDTO
from ...core.outlets import OutletDTO
from ...core.part_labels import MAX_COPIES
from ...progress import Cancelled, Progress
from ..context import AppContext
from ..errors import show_error, translate_core
from ..label_printing import LabelsDialog, label_paper_combo, open_preview
from ..settings.forms import add_rows, allow_button
from .exports import EquipmentExports
from .import_dialog import EquipmentImportDialog

if TYPE_CHECKING:
    from ...core.equipment.pdm import HistoryReport
    from ..print_preview import PrintPreviewDialog
    from ..table_model import RowsModel

SEAT_ASSET_LABEL_PAPER = "printing/asset_label_paper"
PROBLEMS_SHOWN = 20  # in the message; every one is in its details


class Page(Protocol):
    """What the actions need of the Equipment page."""

    outlets: list[OutletDTO]
    categories: list[CategoryDTO]
    detail: AssetDTO | None
    model: RowsModel[AssetRow]

    category: QComboBox  # the category filter; its data is the id, None for all

    def outlet_id(self) -> int | None: ...
    def open_dialog(self, dialog: QWidget) -> None: ...


class EquipmentActions(QObject):
    """The page's Labels, Report, Import and Export buttons and what they do. The page lays the
    buttons out and calls `enable()` when the list or the selection changes."""

    def __init__(self, ctx: AppContext, page: QWidget) -> None:
        super().__init__(page)
        self._ctx, self._page = ctx, page
        self.last_preview: PrintPreviewDialog | None = None
        actor = ctx.actor
        self.can_import = actor.can(Permission.MANAGE_EQUIPMENT)
        self.can_import_history = self.can_import and actor.can(Permission.LOG_MAINTENANCE)
        self.why_not_import = self.tr(
            "Only maintenance staff, a manager or an admin may import equipment."
        )

        self.labels_button = QPushButton(self.tr("Label&s…"), page)
        self.labels_button.setToolTip(
            self.tr("Asset tag labels with QR code and barcode, for this asset or all listed")
        )
        self.report_button = QPushButton(self.tr("Re&port…"), page)
        self.report_button.setToolTip(
            self.tr("The asset's maintenance report (A4): history, last results, next due")
        )
        self.import_button = QPushButton(self.tr("&Import"), page)
        self.import_button.setMenu(self._import_menu())
        allow_button(self.import_button, self.can_import, self.why_not_import)
        self.exports = EquipmentExports(
            ctx,
            page,
            lambda: self.page.outlet_id(),
            lambda: self.page.category.currentData(),
            lambda: self.page.outlets,
            lambda: self.page.categories,
            self._selected_asset,
        )
        self.export_button = QPushButton(self.tr("E&xport"), page)
        self.export_button.setMenu(self.exports.menu())
        allow_button(self.export_button, self.exports.allowed, self.exports.why_not)
        self.labels_button.clicked.connect(self.print_labels)
        self.report_button.clicked.connect(self.print_report)
        self.enable()

    @property
    def page(self) -> Page:
        return self._page  # type: ignore[return-value]

    def _import_menu(self) -> QMenu:
        menu = QMenu(self._page)
        register = menu.addAction(self.tr("&Equipment register…"))
        register.setToolTip(self.tr("Assets from an Excel workbook or CSV file, checked first"))
        register.triggered.connect(lambda _c=False: self.import_register())
        history = menu.addAction(self.tr("&Maintenance history…"))
        history.setToolTip(
            self.tr("Machines, replacements and failures from a folder of PdM files")
        )
        history.triggered.connect(lambda _c=False: self.import_history())
        if not self.can_import_history:
            history.setEnabled(False)
        menu.setToolTipsVisible(True)
        return menu

    def enable(self) -> None:
        """Labels while anything is listed; the report for the asset shown."""
        self.labels_button.setEnabled(bool(self.page.model.rows))
        self.report_button.setEnabled(self.page.detail is not None)

    def _selected_asset(self) -> tuple[int, str] | None:
        detail = self.page.detail
        return (detail.id, detail.tag) if detail is not None else None

    def _current_outlet(self) -> OutletDTO | None:
        """The outlet shown on the page, else the user's own."""
        outlet_id = self.page.outlet_id() or self._ctx.actor.outlet_id
        return next((o for o in self.page.outlets if o.id == outlet_id), None)

    # ------------------------------------------------------------ labels and report

    def print_labels(self) -> AssetLabelsDialog | None:
        rows = list(self.page.model.rows)
        if not rows:
            return None
        dialog = AssetLabelsDialog(self._ctx, self.page.detail, rows, self._page)
        self.page.open_dialog(dialog)
        return dialog

    def print_report(self) -> None:
        """The selected asset's maintenance report, rendered on the worker, in the preview."""
        asset = self.page.detail
        if asset is None:
            return
        from ...core.equipment.report import TEXTS, maintenance_report_pdf

        services, actor, asset_id = self._ctx.services, self._ctx.actor, asset.id
        texts = {word: translate_core(word) for word in TEXTS}
        title = self.tr("Maintenance report {tag}").format(tag=asset.tag)
        progress = Progress()
        self.report_button.setEnabled(False)
        self._ctx.runner.run(
            lambda: maintenance_report_pdf(
                services, actor, asset_id, texts=texts, progress=progress
            ),
            lambda pdf: self._report_ready(pdf, title),
            self._report_failed,
            progress=progress,
            label=self.tr("Preparing the maintenance report…"),
            parent=self._page,
        )

    def _report_ready(self, pdf: bytes, title: str) -> None:
        self.enable()
        self.show_preview(pdf, title)

    def _report_failed(self, exc: BaseException) -> None:
        self.enable()
        show_error(self._page, exc)

    def show_preview(self, pdf: bytes, title: str) -> None:
        """Opens the preview (Print…, Save as PDF…); tests replace this."""
        self.last_preview = open_preview(self._ctx, pdf, title, self._page)

    # ------------------------------------------------------------ imports

    def import_register(self) -> EquipmentImportDialog | None:
        if not self.can_import:
            return None
        dialog = EquipmentImportDialog(self._ctx, self._current_outlet(), self._page)
        self.page.open_dialog(dialog)
        return dialog

    def ask_directory(self) -> str:
        """The folder question; returns "" when cancelled. Tests replace this method."""
        return QFileDialog.getExistingDirectory(
            self._page, self.tr("Choose the folder with the maintenance history files")
        )

    def import_history(self) -> None:
        """PdM_machines.csv, PdM_failures.csv and PdM_maint.csv from a folder: new machines at
        the outlet shown (else the user's), records matched so a second import adds nothing."""
        if not self.can_import_history:
            return
        folder = self.ask_directory()
        if not folder:
            return
        from ...core.equipment.pdm import import_maintenance_history

        services, actor, directory = self._ctx.services, self._ctx.actor, Path(folder)
        outlet = self._current_outlet()
        outlet_id = outlet.id if outlet is not None else None
        progress = Progress()

        def work() -> HistoryReport | None:
            try:
                return import_maintenance_history(
                    services, actor, directory, outlet_id, progress=progress
                )
            except Cancelled:
                return None  # nothing was written

        self._ctx.runner.run(
            work,
            lambda report: report is None or self._history_imported(report, directory),
            lambda exc: show_error(self._page, exc),
            progress=progress,
            label=self.tr("Importing the maintenance history from {folder}…").format(
                folder=directory.name
            ),
            parent=self._page,
        )

    def _history_imported(self, report: HistoryReport, directory: Path) -> None:
        # Each count its own text, so that each says "1 asset" or "2 assets" as it should.
        counts = self.tr(
            "{assets}, {matched} already there; {records} ({planned} planned, {repairs}, "
            "{breakdowns}), {there} already there."
        ).format(
            assets=self.tr("%n assets added", "", report.assets_added),
            matched=report.assets_matched,
            records=self.tr("%n records added", "", report.records_added),
            planned=report.planned,
            repairs=self.tr("%n repairs", "", report.repairs),
            breakdowns=self.tr("%n breakdowns", "", report.breakdowns),
            there=report.records_matched,
        )
        if report.problems:
            lines = [p.describe(translate_core) for p in report.problems]
            text = (
                self.tr(
                    "%n malformed lines in {folder}; nothing was imported.",
                    "",
                    len({(p.file, p.line) for p in report.problems}),
                ).format(folder=directory)
                + "\n\n"
                + "\n".join(lines[:PROBLEMS_SHOWN])
                + ("\n…" if len(lines) > PROBLEMS_SHOWN else "")
            )
            self.inform(self.tr("Maintenance history not imported"), text, "\n".join(lines))
            return
        if report.written:
            self._ctx.bus.publish(Changes(equipment=True))
            text = self.tr("Imported {folder}: {counts}").format(folder=directory, counts=counts)
        else:
            text = self.tr("Nothing new in {folder}: {counts}").format(
                folder=directory, counts=counts
            )
        self.inform(self.tr("Maintenance history imported"), text, "")

    def inform(self, title: str, text: str, details: str) -> None:
        """Says what the history import did; tests replace this method."""
        box = QMessageBox(
            QMessageBox.Icon.Warning if details else QMessageBox.Icon.Information,
            title,
            text,
            QMessageBox.StandardButton.Ok,
            self._page,
        )
        if details:
            box.setDetailedText(details)
        box.open()


class AssetLabelsDialog(LabelsDialog):
    """The selected asset or every asset listed, how many of each, on which label stock."""

    def __init__(
        self,
        ctx: AppContext,
        selected: AssetDTO | None,
        listed: list[AssetRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._selected, self._listed = selected, listed
        self.setWindowTitle(self.tr("Print asset labels"))
        self.only_selected = QRadioButton(self)
        if selected is not None:
            self.only_selected.setText(
                self.tr("The selected asset: {tag} {name}").format(
                    tag=selected.tag, name=selected.name
                )
            )
        else:
            self.only_selected.setText(self.tr("The selected asset (none is selected)"))
            self.only_selected.setEnabled(False)
        self.all_listed = QRadioButton(self.tr("All %n assets listed", "", len(listed)), self)
        choice = QButtonGroup(self)
        choice.addButton(self.only_selected)
        choice.addButton(self.all_listed)
        (self.only_selected if selected is not None else self.all_listed).setChecked(True)
        self.copies = QSpinBox(self)
        self.copies.setRange(1, MAX_COPIES)
        self.paper = label_paper_combo(self, ctx.seat, SEAT_ASSET_LABEL_PAPER)
        self.total = QLabel(self)

        which = QWidget(self)
        which_layout = QVBoxLayout(which)
        which_layout.setContentsMargins(0, 0, 0, 0)
        which_layout.addWidget(self.only_selected)
        which_layout.addWidget(self.all_listed)
        form = QFormLayout()
        add_rows(
            form,
            [
                (self.tr("Assets to label"), which),
                (self.tr("&Copies of each"), self.copies),
                (self.tr("&Label stock"), self.paper),
            ],
            self,
        )
        form.addRow("", self.total)
        self.errors.fields.update({"Copies": self.copies, "Asset": which, "Paper size": self.paper})
        buttons = self.button_box()
        self.preview_button.clicked.connect(self.preview)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for signal in (self.copies.valueChanged, self.only_selected.toggled):
            signal.connect(lambda *_a: self._count())
        self._count()
        self.resize(480, 0)

    def asset_ids(self) -> list[int]:
        """The assets chosen, in the order listed."""
        if self.only_selected.isChecked() and self._selected is not None:
            return [self._selected.id]
        return [row.id for row in self._listed]

    def _count(self) -> None:
        count = len(self.asset_ids()) * self.copies.value()
        self.total.setText(self.tr("%n labels", "", count))

    def preview(self) -> None:
        from ...core.asset_labels import asset_labels_pdf

        services, actor = self._ctx.services, self._ctx.actor
        ids, paper, copies = self.asset_ids(), self.paper.currentData(), self.copies.value()
        self._ctx.seat.setValue(SEAT_ASSET_LABEL_PAPER, paper)
        if len(ids) == 1 and self._selected is not None and ids[0] == self._selected.id:
            title = self.tr("Labels {tag}").format(tag=self._selected.tag)
        else:
            title = self.tr("Asset labels")
        self.render(
            lambda progress: asset_labels_pdf(
                services, actor, ids, paper, copies, progress=progress
            ),
            title,
        )
