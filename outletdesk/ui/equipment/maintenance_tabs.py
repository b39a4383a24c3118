"""The maintenance side of the Equipment page: what is due (colour-coded, by category and
assignee), a month calendar of due tasks, and the figures (MTBF, MTTR, availability by asset,
category or model; on-time compliance) for a period. Every query runs on the worker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.equipment.maintenance import Compliance, DueTask, Reliability
from ...core.equipment.schedule import Bucket
from ..context import AppContext
from ..errors import show_error
from ..i18n import tr_up_the_classes
from ..table_model import RowsModel, row_table

if TYPE_CHECKING:
    from .page import EquipmentPage

BUCKET_COLOURS = {
    Bucket.OVERDUE: QColor("#c62828"),
    Bucket.TODAY: QColor("#ef6c00"),
    Bucket.THIS_WEEK: QColor("#1565c0"),
    Bucket.UPCOMING: QColor("#2e7d32"),
    Bucket.NOT_YET: QColor("#757575"),
}


class DueModel(RowsModel[DueTask]):
    """Due tasks; the whole line in its bucket's colour."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            return QBrush(BUCKET_COLOURS[self.rows[index.row()].bucket])
        if role == Qt.ItemDataRole.ToolTipRole:  # a long name cut short reads in full
            return super().data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)


def _decimal(value: Decimal | None, places: int = 1) -> str:
    return "" if value is None else f"{value:,.{places}f}"


class _Tab(QWidget):
    tr = tr_up_the_classes

    def __init__(self, ctx: AppContext, page: EquipmentPage) -> None:
        super().__init__(page)
        self._ctx, self._page = ctx, page

    def bucket_label(self, bucket: Bucket) -> str:
        return {
            Bucket.OVERDUE: self.tr("Overdue"),
            Bucket.TODAY: self.tr("Due today"),
            Bucket.THIS_WEEK: self.tr("This week"),
            Bucket.UPCOMING: self.tr("Upcoming"),
            Bucket.NOT_YET: self.tr("Later"),
        }[bucket]

    def meter_due_text(self, task: DueTask) -> str:
        """The meter and its reading the task is due at, with the reading now: "Odometer
        22100 (now 17100)"; empty for a task due by time only."""
        if task.due_meter is None:
            return ""
        due = f"{task.due_meter.normalize():f}"
        if task.meter_now is None:
            return f"{task.meter_name} {due}"
        return self.tr("{meter} {due} (now {now})").format(
            meter=task.meter_name, due=due, now=f"{task.meter_now.normalize():f}"
        )

    def due_columns(self) -> list[tuple[str, str, Callable[[DueTask], str]]]:
        """When, due date, meter due, tag, asset, plan, category, assigned to, minutes: the
        date a short whole column, the meter a text column cut short (the tooltip in full)."""
        return [
            ("when", self.tr("When"), lambda t: self.bucket_label(t.bucket)),
            ("due_on", self.tr("Due date"), lambda t: t.due_on.isoformat() if t.due_on else ""),
            ("meter_due", self.tr("Meter due"), self.meter_due_text),
            ("tag", self.tr("Tag"), lambda t: t.tag),
            ("asset", self.tr("Asset"), lambda t: t.asset_name),
            ("plan", self.tr("Plan"), lambda t: t.plan_name),
            ("category", self.tr("Category"), lambda t: t.category),
            ("assigned_to", self.tr("Assigned to"), lambda t: t.assignee),
            ("minutes", self.tr("Minutes"), lambda t: str(t.estimated_minutes or "")),
        ]


class DueTab(_Tab):
    """Overdue, due today, this week and upcoming at the chosen outlet, most urgent first."""

    def __init__(self, ctx: AppContext, page: EquipmentPage) -> None:
        super().__init__(ctx, page)
        self._seq = 0
        self.tasks: list[DueTask] = []
        self.assignee = QComboBox(self)
        self.assignee.addItem(self.tr("Anyone"), None)
        self.assignee.setToolTip(self.tr("Whose tasks are listed"))
        self.summary = QLabel(self)
        self.model = DueModel(self.due_columns(), self, numeric=frozenset({8}))
        # When, due date and tag whole; the plan says what to do: cut last.
        self.table = row_table(
            self.model, self, stretch=5, whole={0, 1, 3}, keep={5}, seat=(ctx.seat, "due")
        )
        self.log_button = QPushButton(self.tr("&Log upkeep…"), self)
        self.log_button.setToolTip(self.tr("Record the selected task as done, with its checklist"))
        self.open_button = QPushButton(self.tr("Show &asset"), self)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(self.tr("Assigned to"), self))
        top.addWidget(self.assignee)
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(self.open_button)
        foot.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)
        self.assignee.currentIndexChanged.connect(lambda _i: self._show())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self.table.activated.connect(lambda _i: self.log_selected())
        self.log_button.clicked.connect(self.log_selected)
        self.open_button.clicked.connect(self.open_selected)
        self._enable()

    def load(self) -> None:
        self._seq += 1
        seq = self._seq
        maintenance, actor = self._ctx.services.maintenance, self._ctx.actor
        outlet_id, category_id = self._page.outlet_id(), self._page.category.currentData()
        self._ctx.runner.run(
            lambda: maintenance.due_list(actor, outlet_id, category_id=category_id),
            lambda tasks: self._loaded(seq, tasks),
            lambda exc: show_error(self, exc),
        )

    def _loaded(self, seq: int, tasks: list[DueTask]) -> None:
        if seq != self._seq:
            return
        self.tasks = tasks
        chosen = self.assignee.currentData()
        self.assignee.blockSignals(True)
        self.assignee.clear()
        self.assignee.addItem(self.tr("Anyone"), None)
        for name in sorted({t.assignee for t in tasks if t.assignee}):
            self.assignee.addItem(name, name)
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(chosen)))
        self.assignee.blockSignals(False)
        self._show()

    def _show(self) -> None:
        who = self.assignee.currentData()
        rows = [t for t in self.tasks if who is None or t.assignee == who]
        self.model.set_rows(rows)
        counts = {b: sum(1 for t in rows if t.bucket is b) for b in Bucket}
        self.summary.setText(
            self.tr(
                "{overdue} overdue · {today} due today · {week} this week · {later} upcoming"
            ).format(
                overdue=counts[Bucket.OVERDUE],
                today=counts[Bucket.TODAY],
                week=counts[Bucket.THIS_WEEK],
                later=counts[Bucket.UPCOMING],
            )  # fmt: skip
        )
        self._page.tabs.setTabText(
            self._page.tabs.indexOf(self), self.tr("Due ({count})").format(count=len(rows))
        )
        if rows:
            self.table.selectRow(0)
        self._enable()

    def selected(self) -> DueTask | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.log_button.setEnabled(chosen and self._page.can_log)
        if not self._page.can_log:
            self.log_button.setToolTip(self._page.why_not_log)
        self.open_button.setEnabled(chosen)

    def log_selected(self) -> None:
        task = self.selected()
        if task is not None and self._page.can_log:
            self._page.log_work(task.asset_id, plan_id=task.plan_id)

    def open_selected(self) -> None:
        task = self.selected()
        if task is not None:
            self._page.handle_scan(task.tag)


class CalendarTab(_Tab):
    """A month of due tasks: days with work are marked with their count; a click lists them."""

    def __init__(self, ctx: AppContext, page: EquipmentPage) -> None:
        super().__init__(ctx, page)
        self.days: dict[date, list[DueTask]] = {}
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.day_label = QLabel(self)
        self.model = DueModel(self.due_columns(), self, numeric=frozenset({8}))
        self.table = row_table(
            self.model, self, stretch=4, whole={0, 1, 3}, seat=(ctx.seat, "calendar")
        )
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.day_label)
        right_layout.addWidget(self.table, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.calendar)
        splitter.addWidget(right)
        splitter.setSizes([420, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.load())
        self.calendar.selectionChanged.connect(self._show_day)

    def load(self) -> None:
        maintenance, actor = self._ctx.services.maintenance, self._ctx.actor
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        outlet_id = self._page.outlet_id()
        self._ctx.runner.run(
            lambda: maintenance.calendar(actor, outlet_id, year, month),
            self._loaded,
            lambda exc: show_error(self, exc),
        )

    def _loaded(self, days: dict[date, list[DueTask]]) -> None:
        for day in self.days:
            self.calendar.setDateTextFormat(QDate(day), QTextCharFormat())
        self.days = days
        for day, tasks in days.items():
            worst = min(tasks, key=lambda t: t.bucket.urgency).bucket
            marked = QTextCharFormat()
            marked.setFontWeight(700)
            marked.setForeground(QBrush(BUCKET_COLOURS[worst]))
            marked.setToolTip(self.tr("%n tasks", "", len(tasks)))
            self.calendar.setDateTextFormat(QDate(day), marked)
        self._show_day()

    def _show_day(self) -> None:
        day = self.calendar.selectedDate().toPython()
        tasks = self.days.get(day, [])  # type: ignore[call-overload]
        self.model.set_rows(tasks)
        self.day_label.setText(self.tr("{day}: %n tasks", "", len(tasks)).format(day=str(day)))


class FiguresTab(_Tab):
    """MTBF, MTTR and availability for a period, by asset, category or model; and compliance."""

    def __init__(self, ctx: AppContext, page: EquipmentPage) -> None:
        super().__init__(ctx, page)
        today = QDate.currentDate()
        self.start = QDateEdit(today.addDays(-364), self)
        self.end = QDateEdit(today, self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.group = QComboBox(self)
        self.group.addItem(self.tr("By asset"), "asset")
        self.group.addItem(self.tr("By category"), "category")
        self.group.addItem(self.tr("By model"), "model")
        self.compliance_label = QLabel(self)
        self.compliance_label.setStyleSheet("font-weight: 600;")
        self.model = RowsModel(
            [
                ("label", self.tr("Asset, category or model"), lambda r: r.label),
                ("assets", self.tr("Assets"), lambda r: str(r.assets)),
                ("failures", self.tr("Failures"), lambda r: str(r.failures)),
                ("hours", self.tr("Hours"), lambda r: _decimal(r.hours, 0)),
                ("downtime", self.tr("Downtime (h)"), lambda r: _decimal(r.downtime_hours)),
                ("mtbf", self.tr("MTBF (h)"), lambda r: _decimal(r.mtbf_hours)),
                ("mttr", self.tr("MTTR (h)"), lambda r: _decimal(r.mttr_hours)),
                (
                    "availability",
                    self.tr("Availability"),
                    lambda r: "" if r.availability is None else f"{r.availability * 100:.2f} %",
                ),
            ],  # fmt: skip
            self,
            numeric=frozenset({1, 2, 3, 4, 5, 6, 7}),
            warn=lambda r: r.availability is not None and r.availability < Decimal("0.95"),
        )
        self.table = row_table(self.model, self, stretch=0, seat=(ctx.seat, "figures"))
        self.note = QLabel(
            self.tr(
                "MTBF: hours in service less downtime, per failure. MTTR: downtime per breakdown "
                "whose downtime has ended; an asset still down counts as down up to now. "
                "Availability below 95 % is shown in red. Compliance: planned tasks done on "
                "time, out of all due in the period: those done in it (on time or late) and "
                "every due date up to yesterday whose task is still not done (missed)."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666;")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("From"), self))
        top.addWidget(self.start)
        top.addWidget(QLabel(self.tr("to"), self))
        top.addWidget(self.end)
        top.addWidget(self.group)
        top.addStretch(1)
        top.addWidget(self.compliance_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _d: self.load())
        self.group.currentIndexChanged.connect(lambda _i: self.load())

    def load(self) -> None:
        maintenance, actor = self._ctx.services.maintenance, self._ctx.actor
        start, end = self.start.date().toPython(), self.end.date().toPython()
        group, outlet_id = self.group.currentData(), self._page.outlet_id()

        def figures() -> tuple[list[Reliability], Compliance]:
            return (
                maintenance.reliability(actor, start, end, outlet_id=outlet_id, group=group),  # type: ignore[arg-type]
                maintenance.compliance(actor, start, end, outlet_id),  # type: ignore[arg-type]
            )

        self._ctx.runner.run(figures, self._loaded, lambda exc: show_error(self, exc))

    def _loaded(self, result: tuple[list[Reliability], Compliance]) -> None:
        rows, done = result
        self.model.set_rows(rows)
        share = "–" if done.share is None else f"{done.share * 100:.1f} %"
        self.compliance_label.setText(
            self.tr("Compliance: {share} ({on_time} of {done} on time)").format(
                share=share, on_time=done.on_time, done=done.due
            )
        )
