"""Logging work on an asset: a plan's task with its checklist (out-of-range numbers and "not ok"
shown in red as they are typed), meter readings, the plan's parts kit, time spent, downtime and
notes; or an unplanned repair or a breakdown with its failure cause. Keyboard first: Tab moves
through the fields, Enter saves. The rules (answers, ranges, readings, stock) are the core's."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.equipment.maintenance import LogInput, PlanDTO, PlanItemDTO, RecordDTO
from ...core.equipment.register import AssetDTO
from ...models import CheckKind, RecordKind
from ..context import AppContext
from ..settings.forms import INVALID_STYLE, FormErrors, add_rows, multiline, save_cancel_buttons


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None


def _range(item: PlanItemDTO) -> str:
    low = "" if item.minimum is None else f"{item.minimum.normalize():f}"
    high = "" if item.maximum is None else f"{item.maximum.normalize():f}"
    span = f"{low}–{high}" if low or high else ""
    return " ".join(p for p in (item.unit, f"({span})" if span else "") if p)


class LogDialog(QDialog):
    saved = Signal(object)  # RecordDTO

    def __init__(
        self,
        ctx: AppContext,
        asset: AssetDTO,
        plans: list[PlanDTO],
        kind: RecordKind = RecordKind.PLANNED,
        plan_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._asset, self._plans = ctx, asset, {p.id: p for p in plans}
        self.setWindowTitle(
            self.tr("Log work – {tag} {name}").format(tag=asset.tag, name=asset.name)
        )
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Planned maintenance"), RecordKind.PLANNED.value)
        self.kind.addItem(self.tr("Repair"), RecordKind.REPAIR.value)
        self.kind.addItem(self.tr("Breakdown"), RecordKind.BREAKDOWN.value)
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.plan = QComboBox(self)
        self.plan.addItem(self.tr("(no plan)"), None)
        for p in plans:
            self.plan.addItem(p.name, p.id)
        self.plan.setCurrentIndex(max(0, self.plan.findData(plan_id)))
        self.cause = QLineEdit(self)
        self.cause.setMaxLength(200)
        self.component = QLineEdit(self)
        self.component.setMaxLength(80)
        self.minutes = QLineEdit("0", self)
        self.down = QCheckBox(self.tr("The asset was down"), self)
        now = QDateTime.currentDateTime()
        self.down_from = QDateTimeEdit(now.addSecs(-3600), self)
        self.down_to = QDateTimeEdit(now, self)
        for edit in (self.down_from, self.down_to):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        self.down.toggled.connect(self.down_from.setEnabled)
        self.down.toggled.connect(self.down_to.setEnabled)
        downtime = QHBoxLayout()
        downtime.addWidget(self.down)
        downtime.addWidget(self.down_from)
        downtime.addWidget(QLabel("→", self))
        downtime.addWidget(self.down_to)
        self.notes = multiline(2, self)
        self.put_under_repair = QCheckBox(
            self.tr("A check failed or it broke down: put the asset under repair"), self
        )

        self.checklist = QGroupBox(self.tr("Checklist"), self)
        self.checklist_form = QFormLayout(self.checklist)
        self.answers: dict[int, QWidget] = {}
        self.readings = QGroupBox(self.tr("Meter readings"), self)
        readings_form = QFormLayout(self.readings)
        self.reading_edits: dict[int, QLineEdit] = {}
        for m in asset.meters:
            edit = QLineEdit(self)
            last = f"{m.value.normalize():f}" if m.value is not None else "–"
            edit.setPlaceholderText(self.tr("last {value}").format(value=last))
            self.reading_edits[m.id] = edit
            readings_form.addRow(f"{m.name} ({m.unit})" if m.unit else m.name, edit)
        self.readings.setVisible(bool(asset.meters))
        self.kit = QGroupBox(self.tr("Parts used (from this outlet's store)"), self)
        self.kit_form = QFormLayout(self.kit)
        self.kit_edits: dict[int, QLineEdit] = {}

        form = QFormLayout()
        add_rows(
            form,
            [
                (self.tr("&Kind"), self.kind),
                (self.tr("&Plan"), self.plan),
                (self.tr("Failure &cause"), self.cause),
                (self.tr("Co&mponent"), self.component),
                (self.tr("&Time spent (minutes)"), self.minutes),
            ],
            self,
        )
        form.addRow(self.tr("Downtime"), downtime)
        add_rows(form, [(self.tr("&Notes"), self.notes)], self)
        self._form = form
        self.error = QLabel(self)
        self.errors = FormErrors(
            self.error,
            {
                "Kind": self.kind,
                "Plan": self.plan,
                "Failure cause": self.cause,
                "Component": self.component,
                "Time spent (minutes)": self.minutes,
                "Down from": self.down_from,
                "Down until": self.down_to,
                "Notes": self.notes,
                "Result": self.checklist,
                "Reading": self.readings,
                "Parts": self.kit,
            },
        )
        buttons = save_cancel_buttons(self, self.submit)
        self.save_button = buttons.button(buttons.StandardButton.Save)
        self.save_button.setDefault(True)  # Enter in any line saves
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.checklist)
        layout.addWidget(self.readings)
        layout.addWidget(self.kit)
        layout.addWidget(self.put_under_repair)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.plan.currentIndexChanged.connect(lambda _i: self._plan_changed())
        self._plan_changed()
        self._kind_changed()
        self.resize(620, 0)

    def current_plan(self) -> PlanDTO | None:
        return self._plans.get(self.plan.currentData())

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        planned = kind == RecordKind.PLANNED.value
        self._form.setRowVisible(self.plan, planned)
        self._form.setRowVisible(self.cause, not planned)
        self._form.setRowVisible(self.component, not planned)
        if kind == RecordKind.BREAKDOWN.value:
            self.down.setChecked(True)
            self.put_under_repair.setChecked(True)
        self.checklist.setVisible(planned and bool(self.answers))
        self.kit.setVisible(bool(self.kit_edits))

    def _plan_changed(self) -> None:
        """The checklist and parts kit of the plan chosen."""
        while self.checklist_form.rowCount():
            self.checklist_form.removeRow(0)
        while self.kit_form.rowCount():
            self.kit_form.removeRow(0)
        self.answers, self.kit_edits = {}, {}
        plan = self.current_plan()
        for item in plan.items if plan is not None else ():
            widget: QWidget
            if item.kind is CheckKind.CHECK:
                combo = QComboBox(self)
                combo.addItem("", "")
                combo.addItem(self.tr("ok"), "ok")
                combo.addItem(self.tr("not ok"), "not ok")
                combo.currentIndexChanged.connect(lambda _i, c=combo: self._mark_check(c))
                widget = combo
            else:
                edit = QLineEdit(self)
                if item.kind in (CheckKind.NUMBER, CheckKind.METER):
                    edit.setPlaceholderText(_range(item))
                    edit.textChanged.connect(lambda _t, e=edit, i=item: self._mark_number(e, i))
                widget = edit
            self.answers[item.position] = widget
            label = (
                item.label if item.kind is not CheckKind.NUMBER else f"{item.label} {_range(item)}"
            )
            self.checklist_form.addRow(label, widget)
        for part_id, sku, name, quantity in plan.parts if plan is not None else ():
            edit = QLineEdit(str(quantity), self)
            self.kit_edits[part_id] = edit
            self.kit_form.addRow(f"{sku} {name}", edit)
        self._kind_changed()

    def _mark_check(self, combo: QComboBox) -> None:
        combo.setStyleSheet(INVALID_STYLE if combo.currentData() == "not ok" else "")

    def _mark_number(self, edit: QLineEdit, item: PlanItemDTO) -> None:
        """Red as soon as the value typed is outside the item's range (the core decides on save)."""
        value = _number(edit.text()) if edit.text().strip() else None
        out = edit.text().strip() != "" and (
            value is None
            or (item.minimum is not None and value < item.minimum)
            or (item.maximum is not None and value > item.maximum)
        )
        edit.setStyleSheet(INVALID_STYLE + " color: #c62828;" if out else "")

    def failed_checks(self) -> bool:
        return any("c62828" in w.styleSheet() for w in self.answers.values())

    def input(self) -> LogInput:
        kind = self.kind.currentData()
        planned = kind == RecordKind.PLANNED.value
        results = tuple(
            (position, w.currentData() if isinstance(w, QComboBox) else w.text())  # type: ignore[attr-defined]
            for position, w in self.answers.items()
        ) if planned else ()  # fmt: skip
        down_from: datetime | None = None
        down_to: datetime | None = None
        if self.down.isChecked():
            down_from = self.down_from.dateTime().toPython().astimezone()  # type: ignore[union-attr]
            down_to = self.down_to.dateTime().toPython().astimezone()  # type: ignore[union-attr]
        return LogInput(
            asset_id=self._asset.id,
            kind=kind,
            plan_id=self.plan.currentData() if planned else None,
            minutes=self.minutes.text(),
            down_from=down_from,
            down_to=down_to,
            failure_cause="" if planned else self.cause.text(),
            component="" if planned else self.component.text(),
            notes=self.notes.toPlainText(),
            results=results,
            readings=tuple(
                (m, e.text()) for m, e in self.reading_edits.items() if e.text().strip()
            ),
            parts=tuple(
                (p, e.text())
                for p, e in self.kit_edits.items()
                if e.text().strip() not in ("", "0")
            ),
            put_under_repair=self.put_under_repair.isChecked(),
        )

    def submit(self) -> None:
        data = self.input()
        maintenance, actor = self._ctx.services.maintenance, self._ctx.actor
        self.errors.clear()
        self.save_button.setEnabled(False)
        self._ctx.runner.run(lambda: maintenance.log(actor, data), self._saved, self._failed)

    def _saved(self, result: tuple[RecordDTO, Any]) -> None:
        self._ctx.bus.publish(result[1])
        self.saved.emit(result[0])
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc, self)
