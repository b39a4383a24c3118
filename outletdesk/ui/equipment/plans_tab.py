"""The Plans tab of the Equipment page: every maintenance plan (for one asset or a whole
category) with its rule, assignee and time, filtered by the page's category; new, edit, and
taking a plan off or back on the due list. Those who may not change plans open one to read it
(double-click or View plan…). Every query runs on the worker."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.equipment.maintenance import PlanDTO
from ..context import AppContext
from ..errors import show_error
from ..settings.forms import allow_button
from ..table_model import RowsModel, row_table
from .plan_dialog import PlanDialog

if TYPE_CHECKING:
    from .page import EquipmentPage

INACTIVE = QColor("#757575")


class PlanRowsModel(RowsModel[PlanDTO]):
    """Plans; one no longer followed is greyed."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            return None if self.rows[index.row()].active else QBrush(INACTIVE)
        if role == Qt.ItemDataRole.ToolTipRole:  # a long rule or name cut short reads in full
            return super().data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)


class PlansTab(QWidget):
    """The plans for the page's category (all when none is chosen), or for the selected asset."""

    def __init__(self, ctx: AppContext, page: EquipmentPage) -> None:
        super().__init__(page)
        self._ctx, self._page = ctx, page
        self._seq = 0
        self._select_id: int | None = None
        self.summary = QLabel(self)
        self.only_asset = QCheckBox(self.tr("Only the selected asset"), self)
        self.only_asset.setToolTip(
            self.tr("The plans of the asset selected on the Register tab, its category's too")
        )
        self.show_inactive = QCheckBox(self.tr("Show inactive"), self)
        self.model = PlanRowsModel(
            [
                ("plan", self.tr("Plan"), lambda p: p.name),
                ("applies_to", self.tr("Applies to"), self.applies_text),
                ("when_due", self.tr("When due"), self.rule_text),
                ("counted_from", self.tr("Counted from"), self.anchor_text),
                ("assigned_to", self.tr("Assigned to"), lambda p: p.assignee),
                ("minutes", self.tr("Minutes"), lambda p: str(p.estimated_minutes or "")),
                ("checklist", self.tr("Checklist"), lambda p: str(len(p.items) or "")),
                ("kit", self.tr("Kit"), lambda p: str(len(p.parts) or "")),
                (
                    "active",
                    self.tr("Active"),
                    lambda p: self.tr("yes") if p.active else self.tr("no"),
                ),
            ],
            self,
            numeric=frozenset({5, 6, 7}),
        )
        self.table = row_table(self.model, self, stretch=2, whole={3, 8}, seat=(ctx.seat, "plans"))
        self.new_button = QPushButton(self.tr("New &plan…"), self)
        self.edit_button = QPushButton(self.tr("&Edit plan…"), self)
        self.view_button = QPushButton(self.tr("&View plan…"), self)
        self.view_button.setToolTip(self.tr("The plan with its checklist and kit, to read"))
        self.view_button.setVisible(not page.can_manage)  # a manager's Edit shows it all
        self.active_button = QPushButton(self.tr("&Deactivate"), self)
        self.active_button.setToolTip(
            self.tr("A plan no longer followed leaves the due list; its records stay")
        )
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.only_asset)
        top.addWidget(self.show_inactive)
        foot = QHBoxLayout()
        foot.addStretch(1)
        for button in (self.view_button, self.new_button, self.edit_button, self.active_button):
            foot.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)
        allow_button(self.new_button, page.can_manage, page.why_not_manage)
        self.only_asset.toggled.connect(lambda _on: self.load())
        self.show_inactive.toggled.connect(lambda _on: self.load())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self.table.activated.connect(lambda _i: self.open_selected())
        self.new_button.clicked.connect(self.new_plan)
        self.edit_button.clicked.connect(self.edit_selected)
        self.view_button.clicked.connect(self.view_selected)
        self.active_button.clicked.connect(self.toggle_active)
        page.asset_shown.connect(lambda _id: self._asset_changed())
        self._enable()

    # ------------------------------------------------------------ texts

    def applies_text(self, plan: PlanDTO) -> str:
        if plan.asset_id is not None:
            return plan.asset_tag
        return self.tr("Every asset in {category}").format(category=plan.category)

    def rule_text(self, plan: PlanDTO) -> str:
        """Every 3 months or every 500 of Operating hours (whichever comes first)."""
        parts = []
        count = plan.interval_count
        if count:
            if count == 1:
                words = {"day": self.tr("every day"), "week": self.tr("every week"),
                         "month": self.tr("every month"), "year": self.tr("every year")}  # fmt: skip
                parts.append(words.get(plan.interval_unit or "", ""))
            else:
                words = {"day": self.tr("every {n} days"), "week": self.tr("every {n} weeks"),
                         "month": self.tr("every {n} months"),
                         "year": self.tr("every {n} years")}  # fmt: skip
                parts.append(words.get(plan.interval_unit or "", "").format(n=count))
        if plan.meter_interval is not None:
            parts.append(
                self.tr("every {n} of {meter}").format(
                    n=f"{plan.meter_interval.normalize():f}", meter=plan.meter_name
                )
            )
        if len(parts) == 2:
            return self.tr("{first} or {second}").format(  # whichever comes first
                first=parts[0], second=parts[1]
            )
        return parts[0] if parts else ""

    def anchor_text(self, plan: PlanDTO) -> str:
        return self.tr("completion") if plan.anchor == "completion" else self.tr("schedule")

    # ------------------------------------------------------------ loading

    def load(self) -> None:
        self._seq += 1
        seq = self._seq
        services, actor = self._ctx.services, self._ctx.actor
        inactive = self.show_inactive.isChecked()
        detail = self._page.detail
        asset_id = detail.id if self.only_asset.isChecked() and detail is not None else None
        category_id = None if asset_id is not None else self._page.category.currentData()

        def plans() -> list[PlanDTO]:
            if asset_id is not None:
                return services.maintenance.plans(
                    actor, asset_id=asset_id, include_inactive=inactive
                )
            found = services.maintenance.plans(actor, include_inactive=inactive)
            if category_id is None:
                return found
            # The category's own plans and those of its assets one by one.
            members = {
                a.id
                for a in services.equipment.search(
                    actor, category_id=category_id, include_retired=True, limit=1_000_000
                )
            }
            return [p for p in found if p.category_id == category_id or p.asset_id in members]

        self._ctx.runner.run(
            plans, lambda rows: self._loaded(seq, rows), lambda exc: show_error(self, exc)
        )

    def _loaded(self, seq: int, plans: list[PlanDTO]) -> None:
        if seq != self._seq:
            return
        keep = self._select_id
        if keep is None:
            current = self.selected()
            keep = current.id if current is not None else None
        self._select_id = None
        self.model.set_rows(plans)
        if self.only_asset.isChecked() and self._page.detail is not None:
            self.summary.setText(
                self.tr("%n plans for {tag}", "", len(plans)).format(tag=self._page.detail.tag)
            )
        else:
            self.summary.setText(self.tr("%n plans", "", len(plans)))
        ids = [p.id for p in plans]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        elif plans:
            self.table.selectRow(0)
        self._enable()

    def _asset_changed(self) -> None:
        if self.only_asset.isChecked() and self._page.tabs.currentWidget() is self:
            self.load()

    def selected(self) -> PlanDTO | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _enable(self) -> None:
        plan = self.selected()
        manage = self._page.can_manage
        self.edit_button.setEnabled(plan is not None and manage)
        self.view_button.setEnabled(plan is not None)
        self.active_button.setEnabled(plan is not None and manage)
        if plan is not None and not plan.active:
            self.active_button.setText(self.tr("&Activate"))
        else:
            self.active_button.setText(self.tr("&Deactivate"))
        if not manage:
            for button in (self.edit_button, self.active_button):
                button.setToolTip(self._page.why_not_manage)

    # ------------------------------------------------------------ actions

    def _dialog(self, plan: PlanDTO | None, *, read_only: bool = False) -> PlanDialog:
        page = self._page
        outlet_id = page.outlet_id() or self._ctx.actor.outlet_id
        if outlet_id is None and page.outlets:
            outlet_id = page.outlets[0].id
        asset = page.detail if plan is None else None
        dialog = PlanDialog(
            self._ctx, plan, page.categories, asset, outlet_id, page, read_only=read_only
        )
        dialog.saved.connect(self._saved)
        page.open_dialog(dialog)
        return dialog

    def new_plan(self) -> PlanDialog | None:
        if not self._page.can_manage:
            return None
        return self._dialog(None)

    def edit_selected(self) -> PlanDialog | None:
        plan = self.selected()
        if plan is None or not self._page.can_manage:
            return None
        return self._dialog(plan)

    def view_selected(self) -> PlanDialog | None:
        """The selected plan to read: every field, the checklist and the kit; only Close."""
        plan = self.selected()
        if plan is None:
            return None
        return self._dialog(plan, read_only=True)

    def open_selected(self) -> PlanDialog | None:
        """Double-click or Enter: the form to edit for those who may, to read for the others."""
        return self.edit_selected() if self._page.can_manage else self.view_selected()

    def _saved(self, plan: PlanDTO) -> None:
        self._select_id = plan.id
        self.load()  # the bus reloads the page too; this keeps the saved plan selected

    def toggle_active(self) -> None:
        plan = self.selected()
        if plan is None or not self._page.can_manage:
            return
        maintenance, actor = self._ctx.services.maintenance, self._ctx.actor
        self._select_id = plan.id
        self._ctx.runner.run(
            lambda: maintenance.set_plan_active(actor, plan.id, plan.version, not plan.active),
            lambda result: self._ctx.bus.publish(result[1]),
            lambda exc: show_error(self, exc),
        )
