"""A maintenance plan: what it applies to (one asset by its tag, or every asset of a category),
when it falls due (every N days to years, every N units of a meter, or both), its checklist and
its parts kit. Keyboard first: Tab moves through the fields, arrows and typing work the tables,
Insert and Delete add and remove lines. The rules are the core's: a refusal names its field.
Opened `read_only` (for those who may not change plans) it shows the same plan with nothing to
edit and only Close."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any, cast

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.equipment.maintenance import ChecklistLineError, PlanDTO, PlanInput
from ...core.equipment.register import AssetDTO, CategoryDTO
from ...core.parts.queries import PartRow
from ..context import AppContext
from ..errors import show_error
from ..settings.forms import FormErrors, add_rows, multiline, save_cancel_buttons
from ..work_orders.part_picker import PartPickerDialog
from .plan_editors import ChecklistEditor, PartsKitEditor, number_text


class PlanDialog(QDialog):
    saved = Signal(object)  # PlanDTO

    def __init__(
        self,
        ctx: AppContext,
        plan: PlanDTO | None,
        categories: list[CategoryDTO],
        asset: AssetDTO | None = None,
        outlet_id: int | None = None,
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        """`asset`: the one a new plan is for unless changed; `outlet_id`: whose stock the part
        picker shows; `read_only`: the plan shown to read, nothing to change, only Close."""
        super().__init__(parent)
        self._ctx, self._plan, self._outlet_id = ctx, plan, outlet_id
        self.read_only = read_only and plan is not None
        self._lookup_seq = 0
        self.asset: AssetDTO | None = None  # the asset the tag names, once looked up
        if plan is None:
            self.setWindowTitle(self.tr("New maintenance plan"))
        elif self.read_only:
            self.setWindowTitle(self.tr("Maintenance plan – {name}").format(name=plan.name))
        else:
            self.setWindowTitle(self.tr("Edit maintenance plan – {name}").format(name=plan.name))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. Monthly safety check"))

        self.for_asset = QRadioButton(self.tr("One a&sset, tag"), self)
        self.for_category = QRadioButton(self.tr("Every asset in the cate&gory"), self)
        applies = QButtonGroup(self)
        applies.addButton(self.for_asset)
        applies.addButton(self.for_category)
        self.tag = QLineEdit(self)
        self.tag.setPlaceholderText(self.tr("EQ-N-000001 (type or scan)"))
        self.asset_label = QLabel(self)
        self.asset_label.setStyleSheet("color: #666;")
        self.asset_label.setWordWrap(True)  # a long name leaves the checklist its width
        self.asset_label.hide()  # until a tag names an asset
        self.category = QComboBox(self)
        for c in categories:
            self.category.addItem(c.name, c.id)
        applies_box = QWidget(self)
        grid = QGridLayout(applies_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.for_asset, 0, 0)
        grid.addWidget(self.tag, 0, 1)
        grid.addWidget(self.asset_label, 1, 1)
        grid.addWidget(self.for_category, 2, 0)
        grid.addWidget(self.category, 2, 1)
        grid.setColumnStretch(1, 1)

        self.interval = QLineEdit(self)
        self.interval.setPlaceholderText(self.tr("none"))
        self.interval.setMaximumWidth(80)
        self.unit = QComboBox(self)
        for value, label in (("day", self.tr("days")), ("week", self.tr("weeks")),
                             ("month", self.tr("months")), ("year", self.tr("years"))):  # fmt: skip
            self.unit.addItem(label, value)
        self.unit.setCurrentIndex(self.unit.findData("month"))
        time_box = QWidget(self)
        row = QHBoxLayout(time_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("every"), self))
        row.addWidget(self.interval)
        row.addWidget(self.unit)
        row.addStretch(1)
        self.meter_name = QComboBox(self)  # the asset's meters offered, any name typed
        self.meter_name.setEditable(True)
        self.meter_name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        meter_edit = self.meter_name.lineEdit()
        assert meter_edit is not None
        meter_edit.setPlaceholderText(self.tr("meter, e.g. Operating hours"))
        self.meter_name.setMinimumContentsLength(14)
        self.meter_interval = QLineEdit(self)
        self.meter_interval.setPlaceholderText(self.tr("none"))
        self.meter_interval.setMaximumWidth(100)
        meter_box = QWidget(self)
        row = QHBoxLayout(meter_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.meter_name, 1)
        row.addWidget(QLabel(self.tr("every"), self))
        row.addWidget(self.meter_interval)
        rule_hint = QLabel(
            self.tr("A time rule, a meter rule or both: whichever comes first."), self
        )
        rule_hint.setStyleSheet("color: #666;")
        rule_hint.setWordWrap(True)
        self.anchor = QComboBox(self)
        self.anchor.addItem(
            self.tr("the schedule (early or late work does not move it)"), "schedule"
        )
        self.anchor.addItem(self.tr("the day the work was done"), "completion")
        self.start = QDateEdit(QDate.currentDate(), self)
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setMaximumWidth(160)
        self.lead = QLineEdit("7", self)
        self.lead.setMaximumWidth(80)
        self.minutes = QLineEdit("0", self)
        self.minutes.setMaximumWidth(80)
        self.assignee = QComboBox(self)
        self.assignee.addItem(self.tr("(nobody)"), None)
        self.instructions = multiline(3, self)

        form = QFormLayout()
        add_rows(
            form,
            [
                (self.tr("&Name"), self.name),
                (self.tr("Applies to"), applies_box),
                (self.tr("&Time rule"), time_box),
                (self.tr("&Meter rule"), meter_box),
            ],
            self,
        )
        form.addRow("", rule_hint)
        add_rows(
            form,
            [
                (self.tr("Next due counted &from"), self.anchor),
                (self.tr("First &due on"), self.start),
                (self.tr("&Lead time (days before due)"), self.lead),
                (self.tr("&Estimated minutes"), self.minutes),
                (self.tr("Assigned t&o"), self.assignee),
                (self.tr("&Instructions"), self.instructions),
            ],
            self,
        )
        for label_of, buddy in ((time_box, self.interval), (meter_box, self.meter_name)):
            row_label = form.labelForField(label_of)
            if isinstance(row_label, QLabel):
                row_label.setBuddy(buddy)

        self.checklist = ChecklistEditor(self)
        self.kit = PartsKitEditor(self)
        self.kit.add_button.clicked.connect(self.pick_part)
        self.kit.insert.activated.connect(self.pick_part)
        checklist_box = QGroupBox(self.tr("Checklist"), self)
        QVBoxLayout(checklist_box).addWidget(self.checklist)
        kit_box = QGroupBox(self.tr("Parts kit (parts normally used)"), self)
        QVBoxLayout(kit_box).addWidget(self.kit)
        right = QVBoxLayout()
        right.addWidget(checklist_box, 3)
        right.addWidget(kit_box, 2)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)  # the form keeps its rows together when the tables are taller
        columns = QHBoxLayout()
        columns.addLayout(left, 4)
        columns.addSpacing(12)
        columns.addLayout(right, 5)

        self.error = QLabel(self)
        self.errors = FormErrors(
            self.error,
            {
                "Plan name": self.name,
                "Applies to": self.tag,
                "First due on": self.start,
                "Interval": self.interval,
                "Interval unit": self.unit,
                "Meter interval": self.meter_interval,
                "Meter": self.meter_name,
                "Next due counted from": self.anchor,
                "Lead time (days before due)": self.lead,
                "Estimated minutes": self.minutes,
                "Assigned to": self.assignee,
                "Instructions": self.instructions,
                "Checklist item": self.checklist.table,
                "Parts": self.kit.table,
            },
        )
        self.save_button: QPushButton | None = None
        if self.read_only:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
            buttons.rejected.connect(self.reject)
        else:
            buttons = save_cancel_buttons(self, self.submit)
            self.save_button = buttons.button(buttons.StandardButton.Save)
            self.save_button.setDefault(True)  # Enter in any line saves
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.for_asset.toggled.connect(lambda _on: self._applies_changed())
        self.tag.editingFinished.connect(self.look_up_tag)
        if plan is not None:
            self._fill(plan)
        else:
            chosen = asset is not None
            self.for_asset.setChecked(chosen or not categories)
            self.for_category.setChecked(not self.for_asset.isChecked())
            if asset is not None:
                self.tag.setText(asset.tag)
                self._show_asset(asset)
        self._applies_changed()
        self._load_assignees()
        if self.read_only:
            self._lock()
        self.resize(1180, 640)

    # ------------------------------------------------------------ filling

    def _fill(self, plan: PlanDTO) -> None:
        self.name.setText(plan.name)
        if plan.asset_id is not None:
            self.for_asset.setChecked(True)
            self.tag.setText(plan.asset_tag)
            self.look_up_tag()
        else:
            self.for_category.setChecked(True)
            if self.category.findData(plan.category_id) < 0:  # a retired category stays chosen
                self.category.addItem(plan.category, plan.category_id)
            self.category.setCurrentIndex(self.category.findData(plan.category_id))
        self.interval.setText("" if plan.interval_count is None else str(plan.interval_count))
        if plan.interval_unit:
            self.unit.setCurrentIndex(max(0, self.unit.findData(plan.interval_unit)))
        self.meter_name.setEditText(plan.meter_name)
        self.meter_interval.setText(number_text(plan.meter_interval))
        self.anchor.setCurrentIndex(max(0, self.anchor.findData(plan.anchor)))
        self.start.setDate(QDate(plan.start_date))
        self.lead.setText(str(plan.lead_days))
        self.minutes.setText(str(plan.estimated_minutes))
        if plan.assignee_id is not None:
            self.assignee.addItem(plan.assignee, plan.assignee_id)
            self.assignee.setCurrentIndex(self.assignee.findData(plan.assignee_id))
        self.instructions.setPlainText(plan.instructions)
        for item in plan.items:
            self.checklist.add_item(
                item.kind,
                item.label,
                item.unit,
                number_text(item.minimum),
                number_text(item.maximum),
            )
        for part_id, sku, part_name, quantity in plan.parts:
            self.kit.add_part(part_id, sku, part_name, quantity)

    def _lock(self) -> None:
        """Read-only: every field shows its value and takes no change; the tables' buttons and
        Insert/Delete keys go, the lines stay selectable to read."""
        for edit in (self.name, self.tag, self.interval, self.meter_interval, self.lead,
                     self.minutes):  # fmt: skip
            edit.setReadOnly(True)
        self.instructions.setReadOnly(True)
        self.start.setReadOnly(True)
        self.start.setCalendarPopup(False)
        self.start.setButtonSymbols(QDateEdit.ButtonSymbols.NoButtons)
        self.name.setPlaceholderText("")  # an example reads as a value where nothing is typed
        meter_edit = self.meter_name.lineEdit()
        if meter_edit is not None:
            meter_edit.setPlaceholderText("")
        for widget in (self.for_asset, self.for_category, self.category, self.unit,
                       self.meter_name, self.anchor, self.assignee):  # fmt: skip
            widget.setEnabled(False)
        for editor in (self.checklist, self.kit):
            editor.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            for button in editor.findChildren(QPushButton):
                button.hide()
            for shortcut in editor.table.findChildren(QShortcut):
                shortcut.setEnabled(False)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.read_only:  # once the tables have their new widths
            QTimer.singleShot(0, self, self._fit_rows)

    def _fit_rows(self) -> None:
        """Read-only: each line of the two tables tall enough for its text, wrapped rather than
        cut."""
        for table in (self.checklist.table, self.kit.table):
            least = table.verticalHeader().defaultSectionSize()
            for row in range(table.rowCount()):
                table.setRowHeight(row, max(least, table.sizeHintForRow(row)))

    def _load_assignees(self) -> None:
        maintenance, actor = self._ctx.services.maintenance, self._ctx.actor
        self._ctx.runner.run(
            lambda: maintenance.assignees(actor),
            self._assignees_loaded,
            lambda exc: show_error(self, exc),
        )

    def _assignees_loaded(self, people: list[tuple[int, str]]) -> None:
        chosen = self.assignee.currentData()
        kept = self.assignee.currentText()  # someone no longer active stays chosen
        self.assignee.clear()
        self.assignee.addItem(self.tr("(nobody)"), None)
        for user_id, display in people:
            self.assignee.addItem(display, user_id)
        if chosen is not None and self.assignee.findData(chosen) < 0:
            self.assignee.addItem(kept, chosen)
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(chosen)))

    def _applies_changed(self) -> None:
        per_asset = self.for_asset.isChecked()
        self.tag.setEnabled(per_asset)
        self.asset_label.setEnabled(per_asset)
        self.category.setEnabled(not per_asset and not self.read_only)
        self.errors.fields["Applies to"] = self.tag if per_asset else self.category

    def look_up_tag(self) -> None:
        """Shows the asset the tag names and offers its meters for the meter rule."""
        tag = self.tag.text().strip()
        self._lookup_seq += 1
        seq = self._lookup_seq
        if not tag:
            self._show_asset(None)
            return
        equipment, actor = self._ctx.services.equipment, self._ctx.actor
        self._ctx.runner.run(
            lambda: equipment.by_tag(actor, tag),
            lambda found: self._looked_up(seq, tag, found),
            lambda exc: show_error(self, exc),
        )

    def _looked_up(self, seq: int, tag: str, asset: AssetDTO | None) -> None:
        if seq != self._lookup_seq:
            return
        self._show_asset(asset)
        if asset is None:
            self.asset_label.setText(self.tr("No asset has the tag {tag}.").format(tag=tag))
            self.asset_label.show()

    def _show_asset(self, asset: AssetDTO | None) -> None:
        self.asset = asset
        self.asset_label.setText(
            "" if asset is None else f"{asset.name} · {asset.outlet_code} · {asset.category}"
        )
        self.asset_label.setVisible(asset is not None)
        typed = self.meter_name.currentText()
        self.meter_name.blockSignals(True)
        self.meter_name.clear()
        for meter in asset.meters if asset is not None else ():
            self.meter_name.addItem(meter.name)
        self.meter_name.setEditText(typed)
        self.meter_name.blockSignals(False)

    # ------------------------------------------------------------ parts kit

    def pick_part(self) -> QWidget:
        outlet_id = self._outlet_id or self._ctx.actor.outlet_id
        if outlet_id is None and self.asset is not None:
            outlet_id = self.asset.outlet_id
        picker = PartPickerDialog(self._ctx, outlet_id or 0, parent=self)
        picker.setWindowTitle(self.tr("Add a part to the kit"))
        picker.add_button.setText(self.tr("&Add to kit"))
        picker.free_button.hide()  # a kit names catalogue parts only
        picker.picked.connect(self._part_picked)
        self.open_dialog(picker)
        return picker

    def _part_picked(self, row: PartRow) -> None:
        self.kit.add_part(row.id, row.sku, row.name)
        self.kit.table.setFocus()

    def open_dialog(self, dialog: QWidget) -> None:
        dialog.open()  # type: ignore[attr-defined]

    # ------------------------------------------------------------ saving

    def input(self) -> PlanInput:
        """What the form holds; the asset is found by its tag when saving."""
        start = cast(date, self.start.date().toPython())
        return PlanInput(
            name=self.name.text(),
            asset_id=None,
            category_id=None if self.for_asset.isChecked() else self.category.currentData(),
            interval_count=self.interval.text().strip() or None,
            interval_unit=self.unit.currentData(),
            meter_name=self.meter_name.currentText(),
            meter_interval=self.meter_interval.text().strip() or None,
            anchor=self.anchor.currentData(),
            start_date=start,
            lead_days=self.lead.text().strip(),
            estimated_minutes=self.minutes.text().strip() or 0,
            assignee_id=self.assignee.currentData(),
            instructions=self.instructions.toPlainText(),
            items=self.checklist.items(),
            parts=self.kit.parts(),
        )

    def submit(self) -> None:
        if self.save_button is None:
            return  # read-only: nothing to save
        data, plan = self.input(), self._plan
        per_asset, tag = self.for_asset.isChecked(), self.tag.text().strip()
        services, actor = self._ctx.services, self._ctx.actor

        def save() -> Any:
            chosen = data
            if per_asset and tag:
                asset = services.equipment.by_tag(actor, tag)
                if asset is None:
                    return None  # said in the form; nothing written
                chosen = replace(data, asset_id=asset.id)
            if plan is None:
                return services.maintenance.create_plan(actor, chosen)
            return services.maintenance.update_plan(actor, plan.id, plan.version, chosen)

        self.errors.clear()
        self.save_button.setEnabled(False)
        self._ctx.runner.run(save, lambda result: self._saved(result, tag), self._failed)

    def _saved(self, result: tuple[PlanDTO, Any] | None, tag: str) -> None:
        assert self.save_button is not None  # only a form that saves gets here
        if result is None:
            self.save_button.setEnabled(True)
            self.errors.say(self.tr("No asset has the tag {tag}.").format(tag=tag), self.tag)
            return
        plan, changes = result
        self._ctx.bus.publish(changes)
        self.saved.emit(plan)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        assert self.save_button is not None
        self.save_button.setEnabled(True)
        self.errors.show(exc, self)
        if isinstance(exc, ChecklistLineError):
            self.checklist.show_line(exc.line, exc.column)
