"""Logging work on an asset: a plan's task with its checklist (out-of-range numbers and "not ok"
shown in red as they are typed), meter readings, the plan's parts kit and any other part taken
from stock, when it was done, time spent, downtime and notes; or an unplanned repair or a
breakdown with its failure cause. A failed check or a breakdown can put the asset under repair
and open a repair work order for it. Keyboard first: Tab moves through the fields, Enter saves.
The rules (answers, ranges, readings, stock) are the core's."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.equipment.maintenance import LogInput, PlanDTO, PlanItemDTO, RecordDTO
from ...core.equipment.register import AssetDTO, Downtime
from ...core.validation import number_text
from ...models import AssetStatus, CheckKind, RecordKind
from ..context import AppContext
from ..i18n import labelled
from ..settings.forms import (
    INVALID_STYLE,
    FormErrors,
    FormNote,
    add_rows,
    grow_to_fit,
    multiline,
    save_cancel_buttons,
)
from ..work_orders.part_picker import PartPickerDialog
from .register_dialogs import downtime_text


def _number(text: str) -> Decimal | None:
    """The value as the core will read it ("0,5" is 0.5, "1_0" is unread)."""
    return number_text(text)


def _qt(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


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
        self.component = QLineEdit(self)
        self.minutes = QLineEdit("0", self)
        now = QDateTime.currentDateTime()
        self.done_at = QDateTimeEdit(now, self)
        self.done_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.done_at.setCalendarPopup(True)
        self.done_at.setMaximumDateTime(now.addSecs(300))
        self.done_at.setToolTip(self.tr("When the work was finished; it cannot be in the future"))
        self.down = QCheckBox(self.tr("The asset was down"), self)
        self.down_from = QDateTimeEdit(now.addSecs(-3600), self)
        self.down_to = QDateTimeEdit(now, self)
        for edit in (self.down_from, self.down_to):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        self.still_down = QCheckBox(self.tr("Still &down"), self)
        self.still_down.setToolTip(
            self.tr(
                "The breakdown's downtime ends when the asset is set back in service, at that "
                "moment; until then it counts as down"
            )
        )
        self.down.toggled.connect(self._down_toggled)
        self.still_down.toggled.connect(lambda _on: self._enable_downtime())
        downtime = QHBoxLayout()
        downtime.addWidget(self.down)
        downtime.addWidget(self.down_from)
        downtime.addWidget(QLabel("→", self))
        downtime.addWidget(self.down_to)
        downtime.addWidget(self.still_down)
        self.notes = multiline(2, self)
        self.put_under_repair = QCheckBox(
            self.tr("A check failed or it broke down: put the asset under repair"), self
        )
        self.open_order = QCheckBox(self.tr("and open a repair &work order for it"), self)
        self.open_order.setToolTip(
            self.tr(
                "At the counter of the asset's outlet, for its owner: the customer whose "
                "equipment it is, or the outlet itself"
            )
        )
        self.order_fault = QLineEdit(self)
        self.order_fault.setPlaceholderText(self.tr("Fault for the repair order"))
        self.open_order.toggled.connect(self._order_toggled)
        self.put_under_repair.toggled.connect(lambda on: on or self.open_order.setChecked(False))
        self.put_under_repair.toggled.connect(self._repair_toggled)
        # Already under repair or out of service: nothing to put, the box is off and says why.
        self.already_down = QLabel(self)
        self.already_down.setStyleSheet("color: #666;")
        if asset.status is AssetStatus.UNDER_REPAIR:
            self.already_down.setText(self.tr("(it is under repair already)"))
        elif asset.status is AssetStatus.OUT_OF_SERVICE:
            self.already_down.setText(self.tr("(it is out of service already)"))
            self.already_down.setToolTip(
                self.tr("A repair work order opened for it puts it under repair")
            )
        self.already_down.setVisible(bool(self.already_down.text()))
        put = QHBoxLayout()
        put.addWidget(self.put_under_repair)
        put.addWidget(self.already_down, 1)
        repair = QHBoxLayout()
        repair.addWidget(self.open_order)
        repair.addWidget(self.order_fault, 1)

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
        self.kit_form = QFormLayout()
        kit_layout = QVBoxLayout(self.kit)
        kit_layout.addLayout(self.kit_form)
        self.kit_edits: dict[int, QLineEdit] = {}
        self.extra_parts: dict[int, tuple[str, QLineEdit]] = {}  # part id: (label, quantity)
        self.add_part_button = QPushButton(self.tr("Add a p&art…"), self)
        self.add_part_button.setToolTip(self.tr("Another part taken from this outlet's store"))
        self.add_part_button.clicked.connect(self.pick_part)
        kit_layout.addWidget(self.add_part_button, 0, Qt.AlignmentFlag.AlignLeft)

        form = QFormLayout()
        add_rows(
            form,
            [
                (self.tr("&Kind"), self.kind),
                (self.tr("&Plan"), self.plan),
                (self.tr("Failure &cause"), self.cause),
                (self.tr("Co&mponent"), self.component),
                (self.tr("Done &at"), self.done_at),
                (self.tr("&Time spent (minutes)"), self.minutes),
            ],
            self,
        )
        form.addRow(self.tr("Downtime"), downtime)
        self.down_note = FormNote(self)  # the asset's open downtime, said before saving
        self.down_note.setStyleSheet("color: #666;")
        form.addRow("", self.down_note)
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
                "Done at": self.done_at,
                "Fault for the repair order": self.order_fault,
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
        layout.addLayout(put)
        layout.addLayout(repair)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.plan.currentIndexChanged.connect(lambda _i: self._plan_changed())
        self._plan_changed()
        self._kind_changed()
        self.resize(620, 0)
        grow_to_fit(self)

    def current_plan(self) -> PlanDTO | None:
        return self._plans.get(self.plan.currentData())

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        planned = kind == RecordKind.PLANNED.value
        self._form.setRowVisible(self.plan, planned)
        self._form.setRowVisible(self.cause, not planned)
        self._form.setRowVisible(self.component, not planned)
        open_down = self._asset.down
        ended = self.fills_in_ended()
        if kind == RecordKind.BREAKDOWN.value:
            if open_down is not None and self.fills_in():  # from the status change, or earlier
                self.down_from.setDateTime(_qt(open_down.since))
            # Down already (a breakdown logged): a failure found meanwhile has none of its own.
            self.down.setChecked(open_down is None or open_down.automatic)
            # Else repaired and back in service, or down already.
            self.put_under_repair.setChecked(ended is None and not self.is_down())
            self.still_down.setChecked(ended is None)
            if ended is not None and ended.until is not None:  # its downtime, as it was
                self.down_from.setDateTime(_qt(ended.since))
                self.down_to.setDateTime(_qt(ended.until))
        else:
            self.still_down.setChecked(False)
        self._form.setRowVisible(self.down_note, open_down is not None or ended is not None)
        if ended is not None:
            self.down_note.setText(
                self.tr(
                    "It was {down}, from a status change until it was back in service; this "
                    "breakdown fills that downtime in, as one failure: set when it really went "
                    "down if that was earlier, and when it really worked again."
                ).format(down=downtime_text(ended))
            )
            grow_to_fit(self)
        elif open_down is not None:
            if self.fills_in():
                text = self.tr(
                    "It has been {down}, since its status was changed; this breakdown fills "
                    "that downtime in, as one failure: set when it really went down if that "
                    "was earlier, and its end once it works again."
                )
            elif kind == RecordKind.BREAKDOWN.value:
                text = self.tr(
                    "It has been {down}; a failure found meanwhile has no downtime of its own. "
                    "An earlier breakdown logged late has its own, ending by then."
                )
            else:
                text = self.tr("It has been {down}; that downtime ends when it is back in service.")
            self.down_note.setText(text.format(down=downtime_text(open_down)))
            grow_to_fit(self)
        self.checklist.setVisible(planned and bool(self.answers))
        self._enable_repair()
        self._enable_downtime()

    def fills_in(self) -> bool:
        """A breakdown of an asset whose open downtime a status change opened, or one that
        ended lately (fills_in_ended): the core puts this breakdown's details on that record
        (one failure), not on a new one."""
        down = self._asset.down
        return self.kind.currentData() == RecordKind.BREAKDOWN.value and (
            (down is not None and down.automatic) or self._asset.unfilled is not None
        )

    def fills_in_ended(self) -> Downtime | None:
        """The status change's downtime, ended (taken out, repaired, back in service), that
        this breakdown fills in when logged with that downtime; None for any other."""
        if self.kind.currentData() != RecordKind.BREAKDOWN.value or self._asset.down is not None:
            return None
        return self._asset.unfilled

    def _repair_toggled(self, on: bool) -> None:
        """A breakdown put under repair is still down by default; one left in service is not."""
        if self.kind.currentData() == RecordKind.BREAKDOWN.value and not self.fills_in_ended():
            self.still_down.setChecked(on or self._asset.status is not AssetStatus.IN_SERVICE)

    def _down_toggled(self, on: bool) -> None:
        """While the asset is down, a breakdown given a downtime is an earlier one logged late:
        its downtime is offered ending when the open one began (the core refuses an overlap)."""
        open_down = self._asset.down
        if (
            on
            and open_down is not None
            and self.kind.currentData() == RecordKind.BREAKDOWN.value
            and not self.fills_in()
        ):
            began = _qt(open_down.since)
            if self.down_to.dateTime() > began:
                self.down_to.setDateTime(began)
                self.down_from.setDateTime(began.addSecs(-3600))
        self._enable_downtime()

    def _enable_downtime(self) -> None:
        breakdown = self.kind.currentData() == RecordKind.BREAKDOWN.value
        # One open downtime per asset: a breakdown while it is down is not still down; a
        # failure found meanwhile shares the open downtime (no downtime of its own, the
        # default), and an earlier one logged late has its own, with both ends.
        asset_down = breakdown and self._asset.down is not None and not self.fills_in()
        if asset_down:
            self.still_down.setChecked(False)
        down = self.down.isChecked()
        self.still_down.setEnabled(down and breakdown and not asset_down)
        self.down_from.setEnabled(down)
        self.down_to.setEnabled(down and not (breakdown and self.still_down.isChecked()))

    def failed(self) -> bool:
        """A check failed or it broke down: the asset may go under repair, with an order."""
        return self.kind.currentData() == RecordKind.BREAKDOWN.value or (
            self.kind.currentData() == RecordKind.PLANNED.value and self.failed_checks()
        )

    def is_down(self) -> bool:
        """Under repair or out of service already: "put under repair" has nothing to do."""
        return self._asset.status in (AssetStatus.UNDER_REPAIR, AssetStatus.OUT_OF_SERVICE)

    def _enable_repair(self) -> None:
        failed = self.failed()
        self.put_under_repair.setEnabled(failed and not self.is_down())
        if self.is_down():
            self.put_under_repair.setChecked(False)
        self.open_order.setEnabled(failed)
        self.order_fault.setEnabled(failed and self.open_order.isChecked())
        if not failed:
            self.open_order.setChecked(False)

    def _order_toggled(self, on: bool) -> None:
        if on:
            self.put_under_repair.setChecked(not self.is_down())
            if not self.order_fault.text().strip():
                self.order_fault.setText(self.fault_text())
                self.order_fault.setCursorPosition(0)  # its start in sight, not its end
            self.order_fault.setFocus()
        self.order_fault.setEnabled(on)

    def fault_text(self) -> str:
        """What was found, for the technician: the failed checks with their values, or the cause."""
        if self.kind.currentData() != RecordKind.PLANNED.value:
            return " · ".join(p for p in (self.cause.text().strip(),
                                          self.component.text().strip()) if p)  # fmt: skip
        plan = self.current_plan()
        found = []
        for item in plan.items if plan is not None else ():
            widget = self.answers.get(item.position)
            if widget is None or "c62828" not in widget.styleSheet():
                continue
            if isinstance(widget, QComboBox):
                found.append(labelled(item.label, widget.currentText()))
            else:
                value = f"{widget.text().strip()} {_range(item)}".strip()  # type: ignore[attr-defined]
                found.append(labelled(item.label, value))
        # The checks are set apart as the language does ("；" in Chinese).
        return self.tr("; ", "between the failed checks of a fault").join(found)

    def _plan_changed(self) -> None:
        """The checklist and parts kit of the plan chosen; parts added by hand stay."""
        extra = {pid: edit.text() for pid, (_label, edit) in self.extra_parts.items()}
        while self.checklist_form.rowCount():
            self.checklist_form.removeRow(0)
        while self.kit_form.rowCount():
            self.kit_form.removeRow(0)
        self.answers, self.kit_edits = {}, {}
        plan = self.current_plan()
        shown: set[int] = set()
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
            shown.add(part_id)
        for part_id, (label, _gone) in list(self.extra_parts.items()):
            edit = QLineEdit(extra[part_id], self)  # the old edit went with its row
            self.extra_parts[part_id] = (label, edit)
            if part_id not in shown:
                self.kit_edits[part_id] = edit
                self.kit_form.addRow(label, edit)
        self._kind_changed()

    def pick_part(self) -> PartPickerDialog:
        """A part that is not in the plan's kit, from the asset's outlet's store."""
        picker = PartPickerDialog(self._ctx, self._asset.outlet_id, parent=self, for_order=False)
        picker.free_button.hide()  # upkeep uses catalogue parts only: they leave stock
        picker.add_button.setText(self.tr("&Add part"))
        picker.picked.connect(self.add_part)
        self.open_dialog(picker)
        return picker

    def add_part(self, row: Any) -> None:
        """One more of a part already listed, else a new row with quantity 1."""
        edit = self.kit_edits.get(row.id)
        if edit is not None:
            number = _number(edit.text())
            edit.setText(str(int(number) + 1 if number is not None else 1))
        else:
            edit = QLineEdit("1", self)
            label = f"{row.sku} {row.name}"
            self.extra_parts[row.id] = (label, edit)
            self.kit_edits[row.id] = edit
            self.kit_form.addRow(label, edit)
        edit.setFocus()
        edit.selectAll()

    def open_dialog(self, dialog: QDialog) -> None:
        dialog.open()

    def _mark_check(self, combo: QComboBox) -> None:
        combo.setStyleSheet(INVALID_STYLE if combo.currentData() == "not ok" else "")
        self._enable_repair()

    def _mark_number(self, edit: QLineEdit, item: PlanItemDTO) -> None:
        """Red as soon as the value typed is outside the item's range (the core decides on save)."""
        value = _number(edit.text()) if edit.text().strip() else None
        out = edit.text().strip() != "" and (
            value is None
            or (item.minimum is not None and value < item.minimum)
            or (item.maximum is not None and value > item.maximum)
        )
        edit.setStyleSheet(INVALID_STYLE + " color: #c62828;" if out else "")
        self._enable_repair()

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
            ended = self.fills_in_ended()
            since = self._asset.down.since if self.fills_in() and self._asset.down else None
            since = ended.since if ended is not None else since
            if since is not None and self.down_from.dateTime() == _qt(since):
                down_from = since  # left as offered: the status change's start, to the second
            if not (self.still_down.isEnabled() and self.still_down.isChecked()):
                down_to = self.down_to.dateTime().toPython().astimezone()  # type: ignore[union-attr]
                until = ended.until if ended is not None else None
                if until is not None and self.down_to.dateTime() == _qt(until):
                    down_to = until  # back in service then, to the second
        return LogInput(
            asset_id=self._asset.id,
            kind=kind,
            plan_id=self.plan.currentData() if planned else None,
            done_at=self.done_at.dateTime().toPython().astimezone(),  # type: ignore[union-attr]
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
            repair_order_fault=self.order_fault.text() if self.open_order.isChecked() else "",
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
