"""Counter / Work orders: find any job as you type, filter the list, open, take in, follow up."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Permission
from ...core.changes import Changes
from ...core.errors import NotFound, OutletDeskError
from ...core.outlets import OutletDTO
from ...core.work_orders import rules
from ...core.work_orders.dto import WorkOrderDTO
from ...core.work_orders.queries import (
    SortKey,
    WorkOrderFilter,
    WorkOrderQueries,
    looks_like_order_number,
)
from ...core.work_orders.service import FollowUpTask
from ...core.work_orders.settings import WorkOrderSettings
from ...models import Priority, WorkOrderStatus, utcnow
from ..context import AppContext
from ..errors import show_error, translate_core
from ..exporting import ask_xlsx_path, run_export
from ..flow import FlowLayout, together
from ..formats import local_datetime
from ..table_model import ColumnFit, list_table
from .labels import priority_text, status_text
from .list_model import COLUMNS, FirstPage, WorkOrderListModel, read_first_page
from .printouts import ReceiptPrinter

if TYPE_CHECKING:  # imported where opened: start-up does not load them (tests/test_layers.py)
    from .detail import WorkOrderDetail
    from .intake_dialog import IntakeDialog
    from .refunds import RefundsAwaitingDialog

S = WorkOrderStatus
SEARCH_DELAY_MS = 200
COMBO_LETTERS = 10  # about "Open orders" and "All technicians"
PARTS_ARRIVED_SHOWN = 50
# Rows the column fit measures from the first in sight: about a screenful, fewer than a page
MEASURED_ROWS = 40
HIDDEN_COLUMNS = (SortKey.PHONE, SortKey.PRIORITY)  # shown from the header's menu
# Never cut: the number, times, phone, status, priority and total (customer, device and
# technician are the text columns)
WHOLE_COLUMNS = (
    SortKey.NUMBER,
    SortKey.RECEIVED,
    SortKey.PHONE,
    SortKey.STATUS,
    SortKey.PRIORITY,
    SortKey.NEXT_DUE,
    SortKey.TOTAL,
)
# The columns this seat hides (chosen in the header's menu): their keys, comma-separated.
SEAT_HIDDEN_COLUMNS = "work_orders/hidden_columns"
NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum, shown as "any"
# What the page reads at start: settings, technicians, outlets, and the list's opening page
_Loaded = tuple[
    WorkOrderSettings,
    list[tuple[int, str]],
    list[OutletDTO],
    WorkOrderQueries,
    tuple[WorkOrderFilter, FirstPage | None],
]


class WorkOrdersPage(QWidget):
    """The list of work orders with its filters, and the follow-up calls due beside it."""

    scan_not_found = Signal(str)  # a scanned number that is no order (after an async lookup)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.settings = WorkOrderSettings()
        self.model: WorkOrderListModel | None = None
        self._queries: WorkOrderQueries | None = None
        self.detail: WorkOrderDetail | None = None
        self.intake: IntakeDialog | None = None
        self.printer = ReceiptPrinter(ctx, self)
        self.is_manager = ctx.actor.can(Permission.VIEW_AUDIT)
        # The filter whose results are on their way, and whether Enter waits for them to act.
        self._awaited: tuple[WorkOrderFilter, bool] | None = None
        # What was in the search when Enter was pressed before the settings had loaded.
        self._early_enter: str | None = None

        title = QLabel(self.tr("Counter / Work orders"), self)
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.new_button = QPushButton(self.tr("&New intake (Ctrl+N)"), self)
        self.new_button.setEnabled(ctx.actor.can(Permission.EDIT_WORK_ORDERS))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Number, phone, serial, IMEI, name or model (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("Open orders"), "open")
        self.status.addItem(self.tr("All statuses"), "all")
        for status in S:
            self.status.addItem(status_text(status), status.value)
        self.technician = QComboBox(self)
        self.technician.addItem(self.tr("All technicians"), None)
        # As wide as their usual choice, not their longest (the popup shows the full names).
        for combo in (self.status, self.technician):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(COMBO_LETTERS)
        self.overdue = QPushButton(self.tr("&Overdue"), self)
        self.due_today = QPushButton(self.tr("Due &today"), self)
        for toggle in (self.overdue, self.due_today):
            toggle.setCheckable(True)
        self.date_from = _date_edit(self, self.tr("from: any"))
        self.date_to = _date_edit(self, self.tr("to: any"))
        # Which outlet's orders: the signed-in outlet first; any other, or all of them.
        self.outlet = QComboBox(self)
        self.outlet.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.outlet.setMinimumContentsLength(24)  # the popup shows the full names
        # ... and so does the tooltip of the one chosen, should it be cut.
        self.outlet.currentTextChanged.connect(self.outlet.setToolTip)
        self.outlet.addItem(self.tr("All outlets"), None)
        if ctx.actor.outlet_id is not None:
            self.outlet.addItem(self.tr("This outlet"), ctx.actor.outlet_id)
            self.outlet.setCurrentIndex(1)
        self.can_approve_refunds = ctx.actor.can(Permission.APPROVE_REFUNDS)
        self.refunds_button = QPushButton(self.tr("&Refunds to review"), self)
        self.refunds_button.setVisible(self.can_approve_refunds)
        self.refunds_dialog: RefundsAwaitingDialog | None = None
        self.export_button = QPushButton(self.tr("E&xport to Excel…"), self)
        self.export_button.setEnabled(ctx.actor.can(Permission.EXPORT_DATA))
        if not ctx.actor.can(Permission.EXPORT_DATA):
            self.export_button.setToolTip(self.tr("Your role may not export data."))

        self.table = list_table(self)
        self.table.setSortingEnabled(True)
        self.count_label = QLabel(self)
        # Shown when the status filter hides some of the search's matches (a delivered job).
        self.show_all_button = QPushButton(self.tr("Show &all statuses"), self)
        self.show_all_button.hide()

        self.follow_ups = QListWidget(self)
        self.flagged = QListWidget(self)
        self.parts_arrived = QListWidget(self)
        for box in (self.follow_ups, self.flagged, self.parts_arrived):
            box.setWordWrap(True)
            box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        # Orders that waited for parts and whose parts are now all held for them on the shelf.
        self.parts_arrived_title = QLabel(side)
        self.parts_arrived_title.setWordWrap(True)
        self.parts_arrived_title.setStyleSheet("font-weight: 600; color: #2e7d32;")
        side_layout.addWidget(self.parts_arrived_title)
        side_layout.addWidget(self.parts_arrived, 1)
        self.parts_arrived_title.hide()
        self.parts_arrived.hide()
        self.follow_ups_title = QLabel(self.tr("Follow-up calls due"), side)
        self.follow_ups_title.setWordWrap(True)
        self.follow_ups_title.setStyleSheet("font-weight: 600;")
        side_layout.addWidget(self.follow_ups_title)
        side_layout.addWidget(self.follow_ups, 2)
        self.flagged_title = QLabel(self.tr("Low satisfaction scores (≤ 2)"), side)
        self.flagged_title.setWordWrap(True)
        self.flagged_title.setStyleSheet("font-weight: 600; color: #c62828;")
        side_layout.addWidget(self.flagged_title)
        side_layout.addWidget(self.flagged, 1)
        self.flagged_title.setVisible(self.is_manager)
        self.flagged.setVisible(self.is_manager)

        # One flow of filters and buttons that wraps where the list ends: two rows at 1280
        # pixels, three on a 1024-pixel counter screen, never a window wider than the screen.
        top = FlowLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.search)
        top.addWidget(self.outlet)
        top.addWidget(
            together(self, QLabel(self.tr("Received"), self), self.date_from, self.date_to)
        )
        top.addWidget(together(self, QLabel(self.tr("Status"), self), self.status))
        top.addWidget(together(self, QLabel(self.tr("Technician"), self), self.technician))
        top.addWidget(together(self, self.overdue, self.due_today))
        top.spring(self)
        top.addWidget(self.refunds_button)
        top.addWidget(self.export_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        foot = QHBoxLayout()
        foot.addWidget(self.count_label)
        foot.addWidget(self.show_all_button)
        foot.addStretch(1)
        left_layout.addLayout(foot)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1040, 220])
        # The calls due can be dragged shut (and open again) on a narrow screen; the list cannot.
        splitter.setCollapsible(0, False)
        splitter.setCollapsible(1, True)
        side.setMinimumWidth(180)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_edited)
        self.search.returnPressed.connect(self._search_return)
        for combo in (self.status, self.technician, self.outlet):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        for toggle in (self.overdue, self.due_today):
            toggle.toggled.connect(lambda _on: self.apply_filter())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.apply_filter())
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.activated.connect(lambda _i: self.open_selected())
        self.follow_ups.itemActivated.connect(self._task_chosen)
        self.flagged.itemActivated.connect(self._task_chosen)
        self.parts_arrived.itemActivated.connect(
            lambda item: self.open_order(item.data(Qt.ItemDataRole.UserRole))
        )
        self.new_button.clicked.connect(self.new_intake)
        self.export_button.clicked.connect(self.export)
        self.refunds_button.clicked.connect(self.open_refunds)
        self.show_all_button.clicked.connect(self.show_all_statuses)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_intake)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        ctx.bus.changed.connect(self.refresh)
        self._load_settings()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._timer.stop()
        super().closeEvent(event)

    # ------------------------------------------------------------ loading

    def _load_settings(self) -> None:
        services, actor, outlet_id = self._ctx.services, self._ctx.actor, self._ctx.actor.outlet_id
        # The list's first page is read in the same trip as the settings, for the filter the page
        # opens with (the signed-in outlet's open orders): one trip to the worker, not two.
        queries, opening = WorkOrderQueries(services.db), self.current_filter()

        def load() -> _Loaded:
            settings = (
                services.work_order_settings.get(outlet_id)
                if outlet_id is not None
                else WorkOrderSettings()
            )
            technicians, outlets = services.work_orders.technicians(actor), services.outlets.list()
            try:
                page: FirstPage | None = read_first_page(queries, actor, opening)
            except OutletDeskError:
                page = None  # apply_filter reads it again and shows why it cannot
            return settings, technicians, outlets, queries, (opening, page)

        self._ctx.runner.run(load, self._settings_loaded, lambda exc: show_error(self, exc))

    def _settings_loaded(self, result: _Loaded) -> None:
        self.settings, technicians, outlets, queries, (opening, page) = result
        self._queries = queries
        for uid, name in technicians:
            self.technician.addItem(name, uid)
        self._fill_outlets(outlets)
        # Deadline colours follow this outlet's time limits, so the model is made once they are known.
        self.model = WorkOrderListModel(
            queries,
            self._ctx.actor,
            self._ctx.runner,
            self,
            limits=self.settings.limits,
        )
        self.model.count_changed.connect(self._show_count)
        self.model.load_failed.connect(self._load_failed)
        header = self.table.horizontalHeader()
        # Newest first, as the model already sorts, so the view's sort on setModel loads nothing
        # and apply_filter below reads the first page once.
        header.setSortIndicator(COLUMNS.index(SortKey.RECEIVED), Qt.SortOrder.DescendingOrder)
        self.table.setModel(self.model)
        self._set_up_columns([name for _uid, name in technicians])
        early, self._early_enter = self._early_enter, None
        if early is not None and early == self.search.text():
            self._search_return()  # Enter pressed while loading acts now, on the same text
        elif page is not None and self.current_filter() == opening:
            self._awaited = (opening, False)
            self.model.show_first_page(opening, page)
        else:
            self.apply_filter()  # the filters changed meanwhile
        self.refresh_follow_ups()

    def _set_up_columns(self, technicians: list[str]) -> None:
        """The shared fit of the main lists: numbers, times, status and total whole, customer,
        device and technician share the rest (the device takes what is spare), the status and
        technician as wide as any of theirs (not only those on the first page); phone and
        priority hidden until asked for in the header's menu (the search finds a phone; an
        urgent order's number is red and bold). About a screenful of rows is measured, at
        start-up on the first page: fitting reads no more of the list, nor makes its first
        page wait."""
        assert self.model is not None
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        hidden = self._seat_hidden_columns()
        for column, key in enumerate(COLUMNS):
            shown = self.model.headerData(column, Qt.Orientation.Horizontal)
            action = QAction(str(shown), header)
            action.setCheckable(True)
            action.setChecked(key not in hidden)
            action.setEnabled(key is not SortKey.NUMBER)
            action.toggled.connect(lambda on, c=column: self._show_column(c, on))
            header.addAction(action)
            self.table.setColumnHidden(column, key in hidden)
        ColumnFit(
            self.table,
            whole=frozenset(COLUMNS.index(key) for key in WHOLE_COLUMNS),
            stretch=COLUMNS.index(SortKey.DEVICE),
            seat=(self._ctx.seat, "work_orders"),
            rows=MEASURED_ROWS,
            samples={
                COLUMNS.index(SortKey.STATUS): list(map(status_text, S)),
                COLUMNS.index(SortKey.PRIORITY): list(map(priority_text, Priority)),
                COLUMNS.index(SortKey.TECHNICIAN): technicians,
            },
        )

    def _seat_hidden_columns(self) -> set[SortKey]:
        """The columns this seat hid last time; phone and priority until it chose."""
        stored = self._ctx.seat.value(SEAT_HIDDEN_COLUMNS)
        if stored is None:
            return set(HIDDEN_COLUMNS)
        words = stored if isinstance(stored, list) else str(stored).split(",")
        known = {key.value: key for key in SortKey if key is not SortKey.NUMBER}
        return {known[w.strip()] for w in words if w.strip() in known}

    def _show_column(self, column: int, on: bool) -> None:
        """Show or hide a column from the header's menu, remembered for this seat."""
        self.table.setColumnHidden(column, not on)
        hidden = [key.value for n, key in enumerate(COLUMNS) if self.table.isColumnHidden(n)]
        self._ctx.seat.setValue(SEAT_HIDDEN_COLUMNS, ",".join(hidden))

    def current_filter(self) -> WorkOrderFilter:
        choice = self.status.currentData()
        if choice == "open":
            statuses = tuple(s for s in S if s in rules.OPEN)
        elif choice == "all":
            statuses = ()
        else:
            statuses = (S(choice),)
        base = self.model.filter if self.model is not None else WorkOrderFilter()
        return replace(
            base,
            text=self.search.text(),
            statuses=statuses,
            technician_id=self.technician.currentData(),
            outlet_id=self.outlet.currentData(),
            received_from=_date(self.date_from),
            received_to=_date(self.date_to),
            overdue=self.overdue.isChecked(),
            due_today=self.due_today.isChecked(),
        )

    def apply_filter(self, act: bool = False) -> None:
        """Show the orders the filters choose; the first is selected once they arrive, and
        with `act` (Enter in the search) one order opens or several hand the keys to the table."""
        self._timer.stop()
        if self.model is None:
            return
        f = self.current_filter()
        self._awaited = (f, act)
        try:
            self.model.set_filter(f)
        except OutletDeskError as exc:
            self._load_failed(exc)

    def _load_failed(self, exc: BaseException) -> None:
        self._awaited = None
        show_error(self, exc)

    def _results_arrived(self) -> None:
        """The first page of the list's current filter is here (a later filter drops it)."""
        if self.model is None or self._awaited is None or self._awaited[0] != self.model.filter:
            return
        _f, act = self._awaited
        self._awaited = None
        if self.model.rowCount():
            self.table.selectRow(0)
        if act:
            self._act_on_results()

    def _act_on_results(self) -> None:
        if self.model is None:
            return
        if self.model.rowCount() == 1:
            self.open_selected()
        elif self.model.rowCount():
            self.table.setFocus()

    def refresh(self, changes: Changes) -> None:
        if (changes.work_orders or changes.database) and self.model is not None:
            try:
                self.model.refresh()
            except OutletDeskError as exc:
                show_error(self, exc)
            self.refresh_follow_ups()
        elif changes.parts and self.model is not None:
            self.refresh_follow_ups()  # stock came in: orders waiting for it may continue

    def _show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("%n work orders", "", count))
        self.show_all_button.hide()
        self._results_arrived()
        self._count_hidden_matches(count)

    def _count_hidden_matches(self, count: int) -> None:
        """With search text and a status filter, ask the core how many more orders match in
        the other statuses: after the list's first page (the worker answers in order) and only
        while searching, so opening or browsing the list costs nothing more."""
        if self.model is None or self._queries is None:
            return
        f, queries, actor = self.model.filter, self._queries, self._ctx.actor
        if not f.text.strip() or not f.statuses:
            return

        def arrived(more: int) -> None:
            if self.model is None or self.model.filter != f or not more:
                return  # the filter changed meanwhile, or nothing is hidden
            self.count_label.setText(
                self.tr("{orders} · %n more in other statuses", "", more).format(
                    orders=self.tr("%n work orders", "", count)
                )
            )
            self.show_all_button.show()

        self._ctx.runner.run(
            lambda: queries.more_in_other_statuses(actor, f),
            arrived,
            lambda exc: show_error(self, exc),
        )

    def show_all_statuses(self) -> None:
        """The status filter to "All statuses": the search's matches in every status."""
        self.status.setCurrentIndex(self.status.findData("all"))
        self.table.setFocus()

    def refresh_follow_ups(self) -> None:
        services, actor, outlet_id = self._ctx.services, self._ctx.actor, self._ctx.actor.outlet_id
        manager = self.is_manager

        approver = self.can_approve_refunds

        def load() -> tuple[list[FollowUpTask], list[FollowUpTask], int, list[WorkOrderDTO]]:
            due = services.work_orders.follow_ups(actor, outlet_id, limit=200)
            flagged = (
                services.work_orders.follow_ups(actor, outlet_id, flagged_only=True, limit=100)
                if manager
                else []
            )
            refunds = (
                services.refunds.count_awaiting_review(actor) if approver else 0  # every outlet
            )
            ready = WorkOrderQueries(services.db).orders_ready_to_continue(actor, outlet_id)
            arrived = [services.work_orders.get(actor, i) for i in ready[:PARTS_ARRIVED_SHOWN]]
            return due, flagged, refunds, arrived

        self._ctx.runner.run(load, self._show_follow_ups, lambda exc: show_error(self, exc))

    def _show_follow_ups(
        self, result: tuple[list[FollowUpTask], list[FollowUpTask], int, list[WorkOrderDTO]]
    ) -> None:
        due, flagged, refunds, arrived = result
        self.parts_arrived.clear()
        for order in arrived:
            item = QListWidgetItem(
                self.tr("{number} · {name}\n{device}").format(
                    number=order.number, name=order.customer_name, device=order.device.label
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, order.id)
            self.parts_arrived.addItem(item)
        self.parts_arrived_title.setText(
            self.tr("Parts arrived: continue the repair ({count})").format(count=len(arrived))
        )
        self.parts_arrived_title.setVisible(bool(arrived))
        self.parts_arrived.setVisible(bool(arrived))
        self.refunds_button.setText(
            self.tr("&Refunds to review ({count})").format(count=refunds)
            if refunds
            else self.tr("&Refunds to review")
        )
        self.refunds_button.setStyleSheet("color: #c62828; font-weight: 600;" if refunds else "")
        now = utcnow()
        self.follow_ups.clear()
        for task in due:
            item = QListWidgetItem(
                self.tr("{number} · {name}\n{phone} · call by {when}").format(
                    number=task.number,
                    name=task.customer_name,
                    phone=task.customer_phone,
                    when=local_datetime(task.due_at),
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, task.work_order_id)
            if task.due_at < now:
                item.setForeground(Qt.GlobalColor.red)
            self.follow_ups.addItem(item)
        self.follow_ups_title.setText(
            self.tr("Follow-up calls due ({count})").format(count=len(due))
        )
        self.flagged.clear()
        for task in flagged:
            item = QListWidgetItem(
                self.tr("{number} · {name} · overall {score}").format(
                    number=task.number,
                    name=task.customer_name,
                    score=task.overall if task.overall is not None else "–",
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, task.work_order_id)
            self.flagged.addItem(item)

    # ------------------------------------------------------------ keyboard and scanner

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_edited(self, _text: str) -> None:
        self._awaited = None  # an Enter still waiting was for the text before this one
        self._timer.start()

    def _search_return(self) -> None:
        """Enter acts on what was typed, never on the results of the text before: the search
        runs now and acts when its results arrive (one match opens, several: on to the table);
        a typed order number opens that order through the core, whatever the list's filters."""
        if self.model is None:  # the settings are still loading: act once they are here
            self._early_enter = self.search.text()
            return
        code = self.search.text().strip()
        if not looks_like_order_number(code):
            self.apply_filter(act=True)
            return
        self.apply_filter()  # the list shows it too (the number passes every filter)
        services, actor = self._ctx.services, self._ctx.actor

        def found(order: WorkOrderDTO) -> None:
            if self.search.text().strip() == code:
                self.open_order(order.id)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, NotFound):
                show_error(self, exc)
            elif self.search.text().strip() == code:
                # No such order (a serial that looks like a number): the list's matches decide.
                # The worker answers in order, so they arrived before this answer.
                self._act_on_results()

        self._ctx.runner.run(lambda: services.work_orders.by_number(actor, code), found, failed)

    def handle_scan(self, code: str) -> bool:
        """A scanned order number opens that order; False when there is no such order.

        With the threaded runner the answer comes later: the order opens then, or
        `scan_not_found` is emitted so the window can fall back to the customer search.
        """
        code = code.strip()
        if not looks_like_order_number(code):
            self.search.setText(code)
            self.apply_filter()
            return True
        outcome: list[bool] = []
        services, actor = self._ctx.services, self._ctx.actor

        def found(order: WorkOrderDTO) -> None:
            outcome.append(True)
            self.open_order(order.id)

        def failed(exc: BaseException) -> None:
            outcome.append(False)
            if not isinstance(exc, NotFound):
                show_error(self, exc)
            elif pending:
                self.scan_not_found.emit(code)

        pending = False
        self._ctx.runner.run(lambda: services.work_orders.by_number(actor, code), found, failed)
        if outcome:  # the inline runner answered already
            return outcome[0]
        pending = True
        return True

    # ------------------------------------------------------------ opening, intake, export

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if self.model is None or not index.isValid():
            return None
        return self.model.work_order_id(index.row())

    def open_selected(self) -> None:
        order_id = self.selected_id()
        if order_id is not None:
            self.open_order(order_id)

    def open_order(self, order_id: int) -> WorkOrderDetail:
        from .detail import WorkOrderDetail

        detail = WorkOrderDetail(self._ctx, order_id, self)
        self.detail = detail
        self.open_dialog(detail)
        return detail

    def _task_chosen(self, item: QListWidgetItem) -> None:
        order_id = item.data(Qt.ItemDataRole.UserRole)
        if order_id is not None:
            detail = self.open_order(order_id)
            if detail.follow_up_button.isEnabled():
                detail.follow_up_button.setFocus()

    def new_intake(self) -> IntakeDialog | None:
        if not self._ctx.actor.can(Permission.EDIT_WORK_ORDERS):
            return None
        from .intake_dialog import IntakeDialog

        dialog = IntakeDialog(self._ctx, self)
        dialog.saved.connect(lambda order: self._intake_saved(dialog, order))
        self.intake = dialog
        self.open_dialog(dialog)
        return dialog

    def _intake_saved(self, dialog: IntakeDialog, order: WorkOrderDTO) -> None:
        if dialog.print_intake.isChecked():
            self.printer.preview(order.id, order.number, "intake")
        if dialog.print_label.isChecked():
            self.printer.preview(order.id, order.number, "label")

    def _fill_outlets(self, outlets: list[OutletDTO]) -> None:
        """Name every outlet in the picker, keeping the choice made (the signed-in one at first)."""
        chosen = self.outlet.currentData()
        self.outlet.blockSignals(True)
        self.outlet.clear()
        self.outlet.addItem(self.tr("All outlets"), None)
        for o in outlets:
            self.outlet.addItem(f"{o.code} – {o.name}", o.id)
        index = self.outlet.findData(chosen)
        self.outlet.setCurrentIndex(max(index, 0))
        self.outlet.blockSignals(False)
        self.outlet.setToolTip(self.outlet.currentText())
        self.outlet.setVisible(len(outlets) > 1 or chosen is None)

    def open_refunds(self) -> RefundsAwaitingDialog | None:
        if not self.can_approve_refunds:
            return None
        from .refunds import RefundsAwaitingDialog

        # Every outlet's requests: the one manager may well sit at another outlet.
        dialog = RefundsAwaitingDialog(self._ctx, None, self)
        dialog.open_order.connect(self.open_order)
        self.refunds_dialog = dialog
        self.open_dialog(dialog)
        return dialog

    def open_dialog(self, dialog: QWidget) -> None:
        dialog.open()  # type: ignore[attr-defined]

    def export(self) -> None:
        if self.model is None:
            return
        path = self.ask_export_path()
        if not path:
            return
        from ...core.work_orders.export import (  # openpyxl: loaded on first export
            HEADER_WORDS,
            LINE_COLUMNS,
            ORDER_COLUMNS,
            VALUE_WORDS,
            export_work_orders,
        )

        services, actor, f = self._ctx.services, self._ctx.actor, self.model.filter
        words = [
            *(title for title, _kind, _width in ORDER_COLUMNS),
            *(title for title, _kind, _width in LINE_COLUMNS),
            *VALUE_WORDS.values(),
            *HEADER_WORDS,
        ]
        texts = {word: translate_core(word) for word in words}
        run_export(
            self._ctx,
            self,
            lambda progress: export_work_orders(
                services, actor, Path(path), f, progress=progress, texts=texts
            ),
            lambda count: self.inform(
                self.tr("%n work orders written to {path}", "", count).format(path=path)
            ),
            self.tr("Exporting work orders…"),
        )

    def ask_export_path(self) -> str:
        return ask_xlsx_path(self, self.tr("Export work orders"), "work-orders.xlsx")

    def inform(self, text: str) -> None:
        QMessageBox.information(self, self.tr("Export finished"), text)


def _date_edit(parent: QWidget, any_text: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(any_text)
    edit.setDate(NO_DATE)
    return edit


def _date(edit: QDateEdit) -> date | None:
    value = edit.date()
    return None if value == NO_DATE else value.toPython()  # type: ignore[return-value]
