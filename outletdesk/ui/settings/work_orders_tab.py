"""The Work orders tab: this outlet's time limits, tax, warranty terms and condition checklist."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Permission
from ...core.changes import Changes
from ...core.work_orders import settings as wo
from ..context import AppContext
from ..errors import show_error
from ..i18n import labelled
from ..work_orders.labels import device_type_text
from .forms import FormErrors, add_rows, allow_button, multiline, status_label


class WorkOrdersTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        may_edit = ctx.actor.can(Permission.EDIT_SETTINGS)
        self._stored_types: tuple[str, ...] = tuple(wo.DEFAULT_DEVICE_TYPES)
        self.judge, self.execute, self.follow_up = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.tax, self.repair_days = QLineEdit(self), QLineEdit(self)
        self.refund_days = QLineEdit(self)
        self.device_types = multiline(5, self)
        self.device_types.setToolTip(
            self.tr("One device type per line: type, colon, manufacturer warranty in months")
        )
        self.checklist = multiline(6, self)
        self.checklist.setToolTip(self.tr("One item per line, checked at intake"))
        self.mandatory = QCheckBox(self.tr("Every checklist item must be answered at intake"), self)
        intro = QLabel(self.tr("For this outlet. Urgent orders get half of each time limit."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        add_rows(
            form,
            [
                (self.tr("&Judgement within (hours):"), self.judge),
                (self.tr("&Repair within (hours):"), self.execute),
                (self.tr("&Follow-up within (hours):"), self.follow_up),
                (self.tr("Ta&x rate (%):"), self.tax),
                (self.tr("Repair &warranty (days):"), self.repair_days),
                (self.tr("Refund review within (wor&king days):"), self.refund_days),
                (self.tr("&Device types:"), self.device_types),
                (self.tr("&Condition checklist:"), self.checklist),
            ],
            self,
        )
        form.addRow("", self.mandatory)
        fields: tuple[QLineEdit | QPlainTextEdit, ...] = (
            self.judge,
            self.execute,
            self.follow_up,
            self.tax,
            self.repair_days,
            self.refund_days,
            self.device_types,
            self.checklist,
        )
        for widget in fields:
            widget.setReadOnly(not may_edit)
            if not may_edit:  # read-only should look it: the window's colour, not a white box
                palette = widget.palette()
                palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
                widget.setPalette(palette)
        self.mandatory.setEnabled(may_edit)
        if not may_edit:
            # On a line of its own: no space to get wrong between Chinese sentences.
            intro.setText(
                intro.text()
                + "\n"
                + self.tr("Only an administrator or outlet manager can change them.")
            )
        self.error = QLabel(self)
        self.errors = FormErrors(
            self.error,
            {
                wo.F_JUDGE: self.judge,
                wo.F_EXECUTE: self.execute,
                wo.F_FOLLOW_UP: self.follow_up,
                wo.F_TAX: self.tax,
                wo.F_REPAIR_WARRANTY: self.repair_days,
                wo.F_REFUND_REVIEW: self.refund_days,
                wo.F_MANUFACTURER: self.device_types,
                wo.F_CHECKLIST: self.checklist,
            },
        )
        self.status = status_label(self)
        self.save_button = QPushButton(self.tr("&Save work order settings"), self)
        self.save_button.clicked.connect(self.save)
        allow_button(
            self.save_button,
            may_edit,
            self.tr("Only an administrator or outlet manager can change these settings."),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.save_button)
        layout.addStretch(1)

    def reload(self) -> None:
        outlet_id = self.ctx.actor.outlet_id
        if outlet_id is None:
            self.setEnabled(False)
            return
        service = self.ctx.services.work_order_settings
        self.ctx.runner.run(
            lambda: service.get(outlet_id), self._show, lambda exc: show_error(self, exc)
        )

    def _show(self, settings: wo.WorkOrderSettings) -> None:
        self.judge.setText(str(settings.limits.judge_hours))
        self.execute.setText(str(settings.limits.execute_hours))
        self.follow_up.setText(str(settings.limits.follow_up_hours))
        self.tax.setText(str(settings.tax_rate))
        self.repair_days.setText(str(settings.repair_warranty_days))
        self.refund_days.setText(str(settings.refund_review_days))
        self._stored_types = tuple(settings.device_types)
        shown = self._shown_types()
        self.device_types.setPlainText(
            "\n".join(
                labelled(shown[name], str(months)) for name, months in settings.device_types.items()
            )
        )
        self.checklist.setPlainText("\n".join(settings.checklist))
        self.mandatory.setChecked(settings.checklist_mandatory)

    def save(self) -> None:
        self.status.clear()
        outlet_id = self.ctx.actor.outlet_id
        if outlet_id is None:
            return
        texts = (
            self.judge.text(),
            self.execute.text(),
            self.follow_up.text(),
            self.tax.text(),
            self.repair_days.text(),
            self.device_types.toPlainText(),
            self.checklist.toPlainText(),
        )
        mandatory, refund_days = self.mandatory.isChecked(), self.refund_days.text()
        services, actor, names = self.ctx.services, self.ctx.actor, self.type_names()

        def work() -> Changes:
            return services.work_order_settings.save(
                actor, outlet_id, wo.settings_from_form(*texts, mandatory, refund_days, names)
            )

        self.ctx.runner.run(work, self._saved, self.errors.shower(self))

    def _shown_types(self) -> dict[str, str]:
        """Stored device type -> the name shown: translated ("phone" is 手机 in Chinese), unless
        that is also the name of another of the outlet's types, which then keeps its own."""
        stored = [
            *self._stored_types,
            *(t for t in wo.DEFAULT_DEVICE_TYPES if t not in self._stored_types),
        ]
        shown: dict[str, str] = {}
        for name in stored:
            text = device_type_text(name)
            taken = text != name and (text in stored or text in shown.values())
            shown[name] = name if taken else text
        return shown

    def type_names(self) -> dict[str, str]:
        """Shown device type name -> the stored type, so a save keeps the types orders refer to."""
        return {text: name for name, text in self._shown_types().items()}

    def _saved(self, changes: Changes) -> None:
        self.errors.clear()
        self.status.setText(self.tr("Saved."))
        self.ctx.bus.publish(changes)
