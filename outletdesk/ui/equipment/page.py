"""Equipment & maintenance: the register of every outlet's tools and instruments with their
status, meters and history, and the forms that keep it (new, edit, status, meters, categories)."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Permission
from ...core.changes import Changes
from ...core.equipment.maintenance import PlanDTO, RecordDTO
from ...core.equipment.register import AssetDTO, AssetRow, CategoryDTO, Downtime, HistoryEntry
from ...core.outlets import OutletDTO
from ...models import AssetStatus, RecordKind
from ..context import AppContext
from ..errors import show_error
from ..flow import FlowLayout
from ..formats import local_datetime, money_text
from ..i18n import core_word, listed
from ..settings.forms import allow_button
from ..table_model import (
    PICKER_MAX_WIDTH,
    DetailsBrowser,
    RowsModel,
    html_table,
    list_and_details,
    row_table,
    title_and_search,
)
from .actions import EquipmentActions
from .asset_dialog import AssetDialog
from .log_dialog import LogDialog
from .maintenance_tabs import CalendarTab, DueTab, FiguresTab
from .plans_tab import PlansTab
from .register_dialogs import (
    CategoriesDialog,
    MeterDialog,
    ReadingDialog,
    StatusDialog,
    downtime_text,
    meter_value,
    status_label,
)
from .tags import looks_like_asset_tag

SEARCH_DELAY_MS = 150
NOTICE_STYLE = "color: #c62828; font-weight: 600;"  # something went wrong or was not found
DONE_STYLE = "color: #2e7d32; font-weight: 600;"  # something was done
HISTORY_SHOWN = 100
ALL = 0  # the outlet picker's "All outlets"
STATUS_COLOURS = {
    AssetStatus.IN_SERVICE: QColor("#2e7d32"),
    AssetStatus.OUT_OF_SERVICE: QColor("#ef6c00"),
    AssetStatus.UNDER_REPAIR: QColor("#c62828"),
    AssetStatus.RETIRED: QColor("#757575"),
}


class AssetRowsModel(RowsModel[AssetRow]):
    """The register list; the status column in its colour, a retired asset greyed."""

    STATUS_COLUMN = 2

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            status = self.rows[index.row()].status
            if index.column() == self.STATUS_COLUMN or status is AssetStatus.RETIRED:
                return QBrush(STATUS_COLOURS[status])
            return None
        if role == Qt.ItemDataRole.ToolTipRole:  # a text cut short reads in full
            return super().data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)


class EquipmentPage(QWidget):
    asset_shown = Signal(int)  # asset id, once its details are on screen
    open_work_order = Signal(str)  # the number of a repair order opened from the log

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._seq = 0
        self._detail_seq = 0
        self._select_id: int | None = None
        self.outlets: list[OutletDTO] = []
        self.categories: list[CategoryDTO] = []
        self.suppliers: list[tuple[int, str]] = []
        self.detail: AssetDTO | None = None
        self.history: list[HistoryEntry] = []
        self.can_manage = ctx.actor.can(Permission.MANAGE_EQUIPMENT)
        self.can_log = ctx.actor.can(Permission.LOG_MAINTENANCE)
        self.why_not_manage = why_not_manage = self.tr(
            "Only maintenance staff, a manager or an admin may change the equipment register."
        )
        self.why_not_log = why_not_log = self.tr(
            "Only maintenance staff, technicians, a manager or an admin may log upkeep, "
            "faults and readings."
        )

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Search by tag, name, make, model or serial number (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        # The pickers are as wide as their longest entry ("N – North Station Repair 北站维修中心").
        self.outlet = QComboBox(self)
        self.outlet.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.outlet.setMaximumWidth(PICKER_MAX_WIDTH)
        self.outlet.setToolTip(self.tr("Whose equipment is listed"))
        self.category = QComboBox(self)
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.category.setMaximumWidth(PICKER_MAX_WIDTH)
        self.category.addItem(self.tr("All categories"), None)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("Any status"), None)
        for status in AssetStatus:
            self.status.addItem(status_label(status), status.value)
        self.new_button = QPushButton(self.tr("&New asset…"), self)
        allow_button(self.new_button, self.can_manage, why_not_manage)
        self.categories_button = QPushButton(self.tr("Cate&gories…"), self)
        allow_button(self.categories_button, self.can_manage, why_not_manage)

        self.model = AssetRowsModel(
            [
                ("tag", self.tr("Tag"), lambda r: r.tag),
                ("name", self.tr("Name"), lambda r: r.name),
                ("status", self.tr("Status"), lambda r: status_label(r.status)),
                ("category", self.tr("Category"), lambda r: r.category),
                (
                    "make_model",
                    self.tr("Make / model"),
                    lambda r: " ".join(p for p in (r.make, r.model) if p),
                ),
                ("outlet", self.tr("Outlet"), lambda r: r.outlet_code),
                ("location", self.tr("Location"), lambda r: r.location),
            ],
            self,
        )
        # Tag, status and outlet whole; the name takes the spare width; a long category or
        # model is cut short (and read in full as the tooltip).
        self.table = row_table(self.model, self, whole={0, 2, 5}, seat=(ctx.seat, "equipment"))
        self.count_label = QLabel(self)
        self.show_retired = QCheckBox(self.tr("Show retired"), self)

        self.details = DetailsBrowser(self)
        self.details.setOpenLinks(False)
        self.details.setMinimumWidth(300)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.status_button = QPushButton(self.tr("S&tatus…"), self)
        self.status_button.setToolTip(
            self.tr("In service, out of service, under repair, or retire it")
        )
        self.meter_button = QPushButton(self.tr("Add &meter…"), self)
        self.meter_button.setToolTip(self.tr("Operating hours, cycles, kilometres"))
        self.reading_button = QPushButton(self.tr("&Reading…"), self)
        self.log_button = QPushButton(self.tr("&Log upkeep…"), self)
        self.log_button.setToolTip(self.tr("Planned maintenance or a repair, with its checklist"))
        self.breakdown_button = QPushButton(self.tr("Log &breakdown…"), self)
        self.breakdown_button.setToolTip(self.tr("A failure: its cause, component and downtime"))
        allow_button(self.log_button, self.can_log, why_not_log)
        allow_button(self.breakdown_button, self.can_log, why_not_log)
        allow_button(self.edit_button, self.can_manage, why_not_manage)
        allow_button(self.meter_button, self.can_manage, why_not_manage)
        allow_button(self.status_button, self.can_log, why_not_log)
        allow_button(self.reading_button, self.can_log, why_not_log)
        buttons = QGridLayout()
        for n, button in enumerate(
            (self.edit_button, self.status_button, self.meter_button, self.reading_button,
             self.log_button, self.breakdown_button)
        ):  # fmt: skip
            buttons.addWidget(button, n // 2, n % 2)
        # Labels, report, import and export (actions.py)
        self.actions = EquipmentActions(ctx, self)
        buttons.addWidget(self.actions.labels_button, 3, 0)
        buttons.addWidget(self.actions.report_button, 3, 1)
        splitter = list_and_details(
            self, self.table, (self.count_label, self.show_retired), self.details, buttons,
            (600, 420),
        )  # fmt: skip

        self.tabs = QTabWidget(self)
        self.tabs.addTab(splitter, self.tr("Register"))
        self.due_tab = DueTab(ctx, self)
        self.plans_tab = PlansTab(ctx, self)
        self.calendar_tab = CalendarTab(ctx, self)
        self.figures_tab = FiguresTab(ctx, self)
        self.tabs.addTab(self.due_tab, self.tr("Due"))
        self.tabs.addTab(self.plans_tab, self.tr("Plans"))
        self.tabs.addTab(self.calendar_tab, self.tr("Calendar"))
        self.tabs.addTab(self.figures_tab, self.tr("Figures"))

        head = title_and_search(self, self.tr("Equipment & maintenance"), self.search)
        top = FlowLayout()  # one row at 1280 pixels, two on a 1024-pixel screen
        for widget in (self.outlet, self.category, self.status, self.new_button,
                       self.categories_button):  # fmt: skip
            top.addWidget(widget)
        top.addWidget(self.actions.import_button)
        top.addWidget(self.actions.export_button)
        top.spring(self)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.linkActivated.connect(self.open_work_order.emit)
        self.notice.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.run_search)
        for combo in (self.outlet, self.category, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.show_retired.toggled.connect(lambda _on: self.run_search())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.show_selected())
        self.table.activated.connect(lambda _i: self.edit_selected())
        self.new_button.clicked.connect(self.new_asset)
        self.categories_button.clicked.connect(self.open_categories)
        self.edit_button.clicked.connect(self.edit_selected)
        self.status_button.clicked.connect(self.change_status)
        self.meter_button.clicked.connect(self.add_meter)
        self.reading_button.clicked.connect(self.add_reading)
        self.log_button.clicked.connect(lambda: self.log_selected(RecordKind.PLANNED))
        self.breakdown_button.clicked.connect(lambda: self.log_selected(RecordKind.BREAKDOWN))
        self.tabs.currentChanged.connect(lambda _i: self.load_tab())
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        ctx.bus.changed.connect(self.refresh)
        self._enable_buttons()
        self.details.setHtml(escape(self.tr("Select an asset to see its details and history.")))
        self._load_lists()

    # ------------------------------------------------------------ loading

    def _load_lists(self) -> None:
        """Outlets, categories and suppliers for the pickers, then the list."""
        services, actor = self._ctx.services, self._ctx.actor
        suppliers = actor.can(Permission.VIEW_STOCK)
        self._ctx.runner.run(
            lambda: (
                services.outlets.list(),
                services.equipment.categories(actor),
                services.catalogue.suppliers(actor) if suppliers else [],
            ),
            self._lists_loaded,
            lambda exc: show_error(self, exc),
        )

    def _lists_loaded(self, result: tuple[list[OutletDTO], list[CategoryDTO], list[Any]]) -> None:
        self.outlets, self.categories = result[0], result[1]
        self.suppliers = [(s.id, s.name) for s in result[2]]
        chosen = self.outlet.currentData()
        if chosen is None:
            chosen = self._ctx.actor.outlet_id
        self.outlet.blockSignals(True)
        self.outlet.clear()
        self.outlet.addItem(self.tr("All outlets"), ALL)
        for o in self.outlets:
            self.outlet.addItem(f"{o.code} – {o.name}", o.id)
        self.outlet.setCurrentIndex(max(0, self.outlet.findData(chosen)))
        self.outlet.blockSignals(False)
        category = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("All categories"), None)
        for c in self.categories:
            self.category.addItem(c.name, c.id)
        self.category.setCurrentIndex(max(0, self.category.findData(category)))
        self.category.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        self.run_search()
        self.load_tab()

    def load_tab(self) -> None:
        """The maintenance tab on screen (the due list always: its count is on its tab)."""
        self.due_tab.load()
        current = self.tabs.currentWidget()
        if current in (self.plans_tab, self.calendar_tab, self.figures_tab):
            current.load()  # type: ignore[attr-defined]

    def outlet_id(self) -> int | None:
        """The outlet chosen, or None for all outlets."""
        data = self.outlet.currentData()
        if data is None:
            return self._ctx.actor.outlet_id
        return int(data) or None

    def refresh(self, changes: Changes) -> None:
        if changes.outlets or changes.database or changes.parts:
            self._load_lists()  # a new outlet or supplier joins the pickers
        elif changes.equipment:
            self._load_lists()  # a category renamed or added, an asset changed

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def say(self, text: str, *, rich: bool = False, done: bool = False) -> None:
        """A line above the tabs: a problem in red, or (done) what was just done in green."""
        self.notice.setStyleSheet(DONE_STYLE if done else NOTICE_STYLE)
        self.notice.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def handle_scan(self, code: str) -> bool:
        """A scanned asset tag opens that asset, whichever outlet it stands in; any other code
        is searched for in the register."""
        self.tabs.setCurrentIndex(0)
        if not looks_like_asset_tag(code):
            self.search.setText(code.strip())
            self.run_search()
            return True
        equipment, actor = self._ctx.services.equipment, self._ctx.actor
        self._ctx.runner.run(
            lambda: equipment.by_tag(actor, code),
            lambda asset: self.open_asset(asset, code),
            lambda exc: show_error(self, exc),
        )
        return True

    def open_asset(self, asset: AssetDTO | None, code: str = "") -> None:
        """Lists the asset alone (filters cleared so that it shows) and selects it."""
        if asset is None:
            self.say(self.tr("No asset has the tag {tag}.").format(tag=code.strip()))
            return
        self.say("")
        for combo, value in ((self.outlet, asset.outlet_id), (self.category, None),
                             (self.status, None)):  # fmt: skip
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.show_retired.blockSignals(True)
        self.show_retired.setChecked(asset.status is AssetStatus.RETIRED)
        self.show_retired.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(asset.tag)
        self.search.blockSignals(False)
        self._select_id = asset.id
        self.run_search()

    def run_search(self) -> None:
        self._timer.stop()
        self._seq += 1
        seq, text, outlet_id = self._seq, self.search.text(), self.outlet_id()
        category_id = self.category.currentData()
        status_value = self.status.currentData()
        status = AssetStatus(status_value) if status_value else None
        retired = self.show_retired.isChecked()
        equipment, actor = self._ctx.services.equipment, self._ctx.actor
        self._ctx.runner.run(
            lambda: equipment.search(
                actor,
                text,
                outlet_id=outlet_id,
                category_id=category_id,
                status=status,
                include_retired=retired,
            ),  # fmt: skip
            lambda rows: self._show_rows(seq, rows),
            lambda exc: show_error(self, exc),
        )

    def _show_rows(self, seq: int, rows: list[AssetRow]) -> None:
        if seq != self._seq:
            return  # a newer search is on its way
        keep = self._select_id
        if keep is None:
            current = self.selected()
            keep = current.id if current is not None else None
        self._select_id = None
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n assets", "", len(rows)))
        ids = [r.id for r in rows]
        if keep is not None and keep in ids:
            self.table.selectRow(ids.index(keep))
        elif rows:
            self.table.selectRow(0)
        else:
            self.show_selected()

    def selected(self) -> AssetRow | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def show_selected(self) -> None:
        row = self.selected()
        self._detail_seq += 1
        seq = self._detail_seq
        if row is None:
            self.detail, self.history = None, []
            self.details.setHtml(escape(self.tr("Select an asset to see its details and history.")))
            self._enable_buttons()
            return
        equipment, actor = self._ctx.services.equipment, self._ctx.actor
        self._ctx.runner.run(
            lambda: (
                equipment.get(actor, row.id),
                equipment.history(actor, row.id, limit=HISTORY_SHOWN),
            ),
            lambda result: self._show_detail(seq, result),
            lambda exc: show_error(self, exc),
        )

    def _show_detail(self, seq: int, result: tuple[AssetDTO, list[HistoryEntry]]) -> None:
        if seq != self._detail_seq:
            return
        self.detail, self.history = result
        self.details.setHtml(self._detail_html(*result))
        self._enable_buttons()
        self.asset_shown.emit(self.detail.id)

    def _detail_html(self, asset: AssetDTO, history: list[HistoryEntry]) -> str:
        def field(label: str, value: str) -> str:
            return f"<tr><td style='color:#666'>{escape(label)}</td><td>{escape(value)}</td></tr>"

        colour = STATUS_COLOURS[asset.status].name()
        html = [
            f"<h3>{escape(asset.name)}</h3>",
            f"<p><b>{escape(asset.tag)}</b> · "
            f"<span style='color:{colour}; font-weight:600'>{escape(status_label(asset.status))}"
            "</span></p><table cellspacing='3'>",
        ]
        if asset.status is AssetStatus.RETIRED:
            html.append(
                field(self.tr("Retired on"), f"{asset.retired_on or ''} – {asset.retire_reason}")
            )
        html.append(field(self.tr("Category"), asset.category))
        where = listed(p for p in (asset.outlet_code, asset.location) if p)
        html.append(field(self.tr("Where"), where))
        for label, value in (
            (self.tr("Make"), asset.make),
            (self.tr("Model"), asset.model),
            (self.tr("Serial number"), asset.serial),
            (self.tr("Owner"), asset.customer_name),
            (self.tr("Supplier"), self._supplier_name(asset.supplier_id)),
            (self.tr("Purchase date"), str(asset.purchase_date or "")),
            (self.tr("Purchase cost"),
             money_text(asset.purchase_cost) if asset.purchase_cost is not None else ""),
            (self.tr("Warranty end"), str(asset.warranty_end or "")),
        ):  # fmt: skip
            if value:
                html.append(field(label, value))
        if asset.accepted_on or asset.acceptance_result or asset.accepted_by:
            result = {"passed": self.tr("passed"), "failed": self.tr("failed")}.get(
                asset.acceptance_result, ""
            )
            accepted = " ".join(
                p for p in (str(asset.accepted_on or ""), asset.accepted_by, result) if p
            )
            html.append(field(self.tr("Accepted"), accepted))
            if asset.acceptance_notes:
                html.append(field("", asset.acceptance_notes))
        if asset.notes:
            html.append(field(self.tr("Notes"), asset.notes))
        html.append("</table>")
        meters_title = self.tr("Meters")
        html.append(f"<h4>{escape(meters_title)}</h4>")
        if asset.meters:
            html.append(
                html_table(
                    (self.tr("Meter"), self.tr("Last reading"), self.tr("Read at")),
                    [(m.name, meter_value(m), local_datetime(m.read_at)) for m in asset.meters],
                    numeric={1},
                    whole={2},
                )
            )
        else:
            html.append("<p style='color:#666'>" + escape(self.tr("No meters.")) + "</p>")
        history_title = self.tr("History")
        html.append(f"<h4>{escape(history_title)}</h4>")
        if history:
            html.append(
                html_table(
                    (self.tr("When"), self.tr("What"), self.tr("By"), self.tr("Details")),
                    [
                        (
                            local_datetime(e.at),
                            self._history_title(e),
                            e.by,
                            self._history_detail(e),
                        )
                        for e in history
                    ],
                    numeric=set(),
                    whole={0},
                )
            )
        else:
            html.append("<p style='color:#666'>" + escape(self.tr("Nothing yet.")) + "</p>")
        return "".join(html)

    def _history_title(self, entry: HistoryEntry) -> str:
        if entry.kind == "status":
            try:
                return status_label(AssetStatus(entry.title))
            except ValueError:
                return entry.title
        if entry.kind == "record":
            kinds = {
                "planned": self.tr("Maintenance"),
                "repair": self.tr("Repair"),
                "breakdown": self.tr("Breakdown"),
            }
            return kinds.get(entry.title, entry.title)
        return self.tr("Reading: {meter}").format(meter=entry.title)

    def _history_detail(self, entry: HistoryEntry) -> str:
        """The record's details, and its downtime: the hours, or since when it is still down."""
        if entry.still_down:
            down = self.tr("still down since {since}").format(since=local_datetime(entry.down_from))
        elif entry.down_from is not None and entry.down_to is not None:
            hours = (entry.down_to - entry.down_from).total_seconds() / 3600
            down = self.tr("down {hours} h").format(hours=f"{hours:.1f}")
        else:
            return entry.shown_detail(core_word)
        return " · ".join(part for part in (entry.shown_detail(core_word), down) if part)

    def _supplier_name(self, supplier_id: int | None) -> str:
        return next((name for sid, name in self.suppliers if sid == supplier_id), "")

    def _enable_buttons(self) -> None:
        self.actions.enable()
        shown = self.detail
        for button, allowed in (
            (self.edit_button, self.can_manage),
            (self.meter_button, self.can_manage),
            (self.status_button, self.can_log),
            (self.reading_button, self.can_log),
            (self.log_button, self.can_log),
            (self.breakdown_button, self.can_log),
        ):
            button.setEnabled(allowed and shown is not None)
        if shown is not None and shown.status is AssetStatus.RETIRED:
            self.log_button.setEnabled(False)
            self.breakdown_button.setEnabled(False)
        if shown is not None and self.can_log and not shown.meters:
            self.reading_button.setEnabled(False)
            self.reading_button.setToolTip(self.tr("The asset has no meter yet"))
        elif self.can_log:
            self.reading_button.setToolTip("")

    # ------------------------------------------------------------ dialogs

    def new_asset(self) -> QWidget | None:
        if not self.can_manage:
            return None
        outlet_id = self.outlet_id() or self._ctx.actor.outlet_id
        dialog = AssetDialog(
            self._ctx, None, self.categories, self.outlets, self.suppliers, outlet_id, self
        )
        dialog.saved.connect(self._select_saved)
        self.open_dialog(dialog)
        return dialog

    def edit_selected(self) -> QWidget | None:
        if not self.can_manage or self.detail is None:
            return None
        dialog = AssetDialog(
            self._ctx, self.detail, self.categories, self.outlets, self.suppliers, None, self
        )
        dialog.saved.connect(self._select_saved)
        self.open_dialog(dialog)
        return dialog

    def _select_saved(self, asset: AssetDTO) -> None:
        """An edited asset stays selected in the list as it was; a new one is listed alone (the
        filters might hide it)."""
        if any(r.id == asset.id for r in self.model.rows):
            self._select_id = asset.id
            self.run_search()
        else:
            self.open_asset(asset)

    def change_status(self) -> QWidget | None:
        if not self.can_log or self.detail is None:
            return None
        dialog = StatusDialog(self._ctx, self.detail, self)
        dialog.downtime_ended.connect(self._downtime_ended)
        self.open_dialog(dialog)
        return dialog

    def _downtime_ended(self, ended: tuple[Downtime, ...]) -> None:
        """Back in service: how long the breakdown kept the asset down."""
        downs = "; ".join(downtime_text(down) for down in ended)
        self.say(self.tr("Back in service; {downtime}.").format(downtime=downs), done=True)

    def add_meter(self) -> QWidget | None:
        if not self.can_manage or self.detail is None:
            return None
        dialog = MeterDialog(self._ctx, self.detail, self)
        self.open_dialog(dialog)
        return dialog

    def add_reading(self) -> QWidget | None:
        if not self.can_log or self.detail is None or not self.detail.meters:
            return None
        dialog = ReadingDialog(self._ctx, self.detail, None, self)
        self.open_dialog(dialog)
        return dialog

    def log_selected(self, kind: RecordKind) -> None:
        if self.detail is not None:
            self.log_work(self.detail.id, kind=kind)

    def log_work(
        self, asset_id: int, *, plan_id: int | None = None, kind: RecordKind = RecordKind.PLANNED
    ) -> None:
        """Opens the log form for the asset with its plans (a due task's plan chosen)."""
        if not self.can_log:
            return
        services, actor = self._ctx.services, self._ctx.actor
        self._ctx.runner.run(
            lambda: (
                services.equipment.get(actor, asset_id),
                services.maintenance.plans(actor, asset_id=asset_id),
            ),
            lambda result: self._open_log(result[0], result[1], kind, plan_id),
            lambda exc: show_error(self, exc),
        )

    def _open_log(
        self, asset: AssetDTO, plans: list[PlanDTO], kind: RecordKind, plan_id: int | None
    ) -> None:
        if plan_id is None and kind is RecordKind.PLANNED:
            if plans:
                plan_id = plans[0].id
            else:
                kind = RecordKind.REPAIR  # nothing planned for it: unplanned work
        self.log_dialog = LogDialog(self._ctx, asset, plans, kind, plan_id, self)
        self.log_dialog.saved.connect(self._logged)
        self.open_dialog(self.log_dialog)

    def _logged(self, entry: RecordDTO) -> None:
        """A repair order opened with the record is named, with a link that opens it."""
        if not entry.work_order:
            self.say("")
            return
        link = f"<a href='{escape(entry.work_order)}'>{escape(entry.work_order)}</a>"
        text = escape(
            self.tr("{record} logged; repair work order {order} opened at the counter.")
        ).format(record=escape(entry.number), order=link)
        self.say(text, rich=True, done=True)

    def open_categories(self) -> QWidget | None:
        if not self.can_manage:
            return None
        dialog = CategoriesDialog(self._ctx, self)
        self.open_dialog(dialog)
        return dialog

    def open_dialog(self, dialog: QWidget) -> None:
        dialog.open()  # type: ignore[attr-defined]
