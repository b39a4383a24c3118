"""One work order: header with deadline colour, the job, lines and payments, history and notes,
and the steps the order may take next (only the allowed ones are offered)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Permission
from ...core.changes import Changes
from ...core.errors import StaleRecord
from ...core.parts.locations import LocationDTO
from ...core.parts.stock import InsufficientStock
from ...core.work_orders import rules
from ...core.work_orders.dto import FollowUpDTO, WorkOrderDTO
from ...core.work_orders.history import contact_text
from ...core.work_orders.settings import WorkOrderSettings
from ...models import LineKind, Priority, Warranty, WorkOrderStatus, utcnow
from ..context import AppContext
from ..errors import show_error, translate_core
from ..formats import local_datetime, money_text
from ..i18n import labelled, listed
from ..settings.forms import FormErrors
from .actions import (
    AssignDialog,
    CancelDialog,
    FollowUpDialog,
    HandBackDialog,
    JudgementDialog,
    PaymentDialog,
    WorkOrderActionDialog,
)
from .history_words import history_cells, judgement_text
from .labels import (
    DEADLINE_COLOURS,
    channel_text,
    deadline_text,
    device_with_type,
    method_text,
    payment_kind_text,
    priority_text,
    status_text,
    warranty_text,
)
from .lines_editor import LinesEditor
from .printouts import ReceiptPrinter, kind_title
from .refunds import RefundsPanel, fit_to_rows

if TYPE_CHECKING:
    from ...core.parts.queries import PartRow
    from .part_picker import PartPickerDialog

S = WorkOrderStatus
_D = TypeVar("_D", bound=WorkOrderActionDialog)
Loaded = tuple[WorkOrderDTO, WorkOrderSettings, list[tuple[int, str]], list[LocationDTO]]


STEP_KEYS = {
    WorkOrderStatus.DIAGNOSING: 1,
    WorkOrderStatus.AWAITING_APPROVAL: 2,
    WorkOrderStatus.AWAITING_PARTS: 3,
    WorkOrderStatus.IN_REPAIR: 4,
    WorkOrderStatus.READY: 5,
    WorkOrderStatus.UNREPAIRABLE: 6,
}


class WorkOrderDetail(QDialog):
    """Opened from the list (Enter / double-click) or by scanning the order's barcode."""

    changed = Signal(object)  # WorkOrderDTO after a change was saved

    def __init__(self, ctx: AppContext, order_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.order_id = order_id
        self.order: WorkOrderDTO | None = None
        self.settings = WorkOrderSettings()
        self.technicians: list[tuple[int, str]] = []
        self.printer = ReceiptPrinter(ctx, self)
        self.can_edit = ctx.actor.can(Permission.EDIT_WORK_ORDERS)
        self.setWindowTitle(self.tr("Work order"))

        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fdecea; color: #8e1b10; padding: 6px; border-radius: 3px;"
        )
        self.banner.hide()
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._job_tab(), self.tr("&Job"))
        self.tabs.addTab(self._money_tab(), self.tr("&Lines && payments"))
        self.tabs.addTab(self._history_tab(), self.tr("&History && notes"))

        # Next steps: only the allowed statuses get a button (rebuilt for each state).
        self.step_note = QLineEdit(self)
        self.step_note.setPlaceholderText(self.tr("Note for the next step (optional)"))
        self.steps_row = QHBoxLayout()
        self.step_buttons: dict[S, QPushButton] = {}
        self.hand_back_button = QPushButton(self.tr("Hand &back…"), self)
        self.cancel_button = QPushButton(self.tr("Cancel &job…"), self)
        self.follow_up_button = QPushButton(self.tr("Record &follow-up…"), self)
        self.print_buttons: dict[str, QPushButton] = {}
        print_row = QHBoxLayout()
        print_row.addWidget(QLabel(self.tr("Print:"), self))
        for kind in ("intake", "quote", "handback", "label"):
            button = QPushButton(kind_title(kind), self)
            button.clicked.connect(lambda _c=False, k=kind: self.print_receipt(k))
            self.print_buttons[kind] = button
            print_row.addWidget(button)
        print_row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        print_row.addWidget(close)

        steps = QGridLayout()
        self.move_label = QLabel(self.tr("Move to:"), self)
        steps.addWidget(self.move_label, 0, 0)
        steps.addLayout(self.steps_row, 0, 1)
        steps.addWidget(self.step_note, 1, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.hand_back_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.follow_up_button)
        actions.addStretch(1)
        steps.addLayout(actions, 2, 1)
        steps.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(steps)
        layout.addLayout(print_row)

        self.hand_back_button.clicked.connect(self.open_hand_back)
        self.cancel_button.clicked.connect(self.open_cancel)
        self.follow_up_button.clicked.connect(self.open_follow_up)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.reload)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        # As tall as the screen allows (up to 860): lines, payments and refunds share the tab.
        screen = self.screen().availableGeometry()
        self.resize(min(1040, screen.width() - 40), min(860, max(600, screen.height() - 60)))
        self.reload()

    # ------------------------------------------------------------ tabs

    def _job_tab(self) -> QWidget:
        tab = QWidget(self)
        self.job_text = QLabel(tab)
        self.job_text.setTextFormat(Qt.TextFormat.RichText)
        self.job_text.setWordWrap(True)
        self.job_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.job_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.passcode_shown = False
        self.job_text.linkActivated.connect(self.toggle_passcode)
        self.technician_label = QLabel(tab)
        self.assign_button = QPushButton(self.tr("&Assign…"), tab)
        self.escalate_button = QPushButton(self.tr("&Escalate…"), tab)
        self.assign_button.clicked.connect(lambda: self.open_assign(escalate=False))
        self.escalate_button.clicked.connect(lambda: self.open_assign(escalate=True))
        self.urgent_button = QPushButton(self.tr("E&xpedite"), tab)
        self.urgent_button.setCheckable(True)
        self.urgent_button.setToolTip(self.tr("Urgent: every time limit is halved"))
        self.urgent_button.clicked.connect(self.toggle_urgent)
        self.judge_button = QPushButton(self.tr("Jud&gement / warranty…"), tab)
        self.judge_button.clicked.connect(self.open_judgement)
        tech_row = QHBoxLayout()
        tech_row.addWidget(QLabel(self.tr("Technician:"), tab))
        tech_row.addWidget(self.technician_label, 1)
        tech_row.addWidget(self.assign_button)
        tech_row.addWidget(self.escalate_button)
        tech_row.addWidget(self.urgent_button)
        tech_row.addWidget(self.judge_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.job_text, 1)
        layout.addLayout(tech_row)
        return tab

    def _money_tab(self) -> QWidget:
        tab = QWidget(self)
        self.editor = LinesEditor(tab)
        self.editor.save_lines_button.clicked.connect(self.save_lines)
        self.editor.pick_part.connect(self.pick_part)
        self.editor.wait_button.clicked.connect(lambda: self.save_lines(wait_for_parts=True))

        self.payments = QTableWidget(0, 5, tab)
        self.payments.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Kind"), self.tr("Method"), self.tr("Amount"), self.tr("By")]
        )
        self.payments.verticalHeader().hide()
        self.payments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.payments.horizontalHeader().setStretchLastSection(True)
        fit_to_rows(self.payments, 0, most=4)
        self.payment_button = QPushButton(self.tr("Take pa&yment…"), tab)
        self.payment_button.clicked.connect(self.open_payment)
        pay_row = QHBoxLayout()
        pay_row.addWidget(QLabel(self.tr("Payments"), tab))
        pay_row.addStretch(1)
        pay_row.addWidget(self.payment_button)

        layout = QVBoxLayout(tab)
        layout.addWidget(self.editor, 1)
        layout.addLayout(pay_row)
        layout.addWidget(self.payments)
        self.refunds = RefundsPanel(self._ctx, tab)
        self.refunds.dialog_wanted.connect(self._open)
        layout.addWidget(self.refunds)
        return tab

    def _history_tab(self) -> QWidget:
        tab = QWidget(self)
        self.history = QTableWidget(0, 4, tab)
        self.history.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details")]
        )
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setWordWrap(True)
        self.note = QLineEdit(tab)
        self.note.setPlaceholderText(self.tr("Write a note and press Enter"))
        self.note_internal = QCheckBox(self.tr("&Internal (not for the customer)"), tab)
        self.note_internal.setChecked(True)
        self.add_note_button = QPushButton(self.tr("Add &note"), tab)
        self.add_note_button.clicked.connect(self.add_note)
        self.note.returnPressed.connect(self.add_note)
        self.note_error = QLabel(tab)
        self.note_errors = FormErrors(self.note_error, {"Note": self.note})
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.note_internal)
        row.addWidget(self.add_note_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.history, 1)
        layout.addLayout(row)
        layout.addWidget(self.note_error)
        return tab

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        services, actor, order_id = self._ctx.services, self._ctx.actor, self.order_id

        def load() -> Loaded:
            order = services.work_orders.get(actor, order_id)
            settings = services.work_order_settings.get(order.outlet_id)
            # Where the outlet keeps stock (a van too?) for the lines' From column.
            locations = (
                services.locations.list(actor, order.outlet_id, include_retired=True)
                if actor.can(Permission.VIEW_STOCK)
                else []
            )
            return order, settings, services.work_orders.technicians(actor), locations

        self._ctx.runner.run(load, self._loaded, lambda exc: show_error(self, exc))

    def _loaded(self, result: Loaded) -> None:
        order, self.settings, self.technicians, locations = result
        self.editor.set_locations(locations)
        self.show_order(order)

    def toggle_passcode(self, _link: str = "") -> None:
        self.passcode_shown = not self.passcode_shown
        if self.order is not None:
            self.job_text.setText(self._job_html(self.order))

    def show_order(self, order: WorkOrderDTO) -> None:
        if self.order is None or self.order.id != order.id:
            self.passcode_shown = False
        self.order = order
        self.urgent_button.setChecked(order.priority is Priority.URGENT)
        self.setWindowTitle(
            self.tr("Work order {number} – {customer}").format(
                number=order.number, customer=order.customer_name
            )
        )
        self.header.setText(self._header_html(order))
        self.job_text.setText(self._job_html(order))
        self.technician_label.setText(order.technician_name or self.tr("(not assigned)"))
        self.editor.show_order(order)
        self._fill_payments(order)
        self.refunds.review_days = self.settings.refund_review_days
        self.refunds.show_order(order, self.can_edit)
        self._fill_history(order)
        self._rebuild_steps(order)

    def deadline_state(self, order: WorkOrderDTO) -> str:
        return rules.deadline_state(
            order.next_due_at, utcnow(), order.next_due_kind, self.settings.limits, order.priority
        )

    def _header_html(self, order: WorkOrderDTO) -> str:
        state = self.deadline_state(order)
        colour = DEADLINE_COLOURS.get(state, "#555")
        parts = [
            f"<span style='font-size:20px; font-weight:600'>{escape(order.number)}</span>",
            f"<b>{escape(status_text(order.status))}</b>",
        ]
        if order.priority == "urgent":
            parts.append(
                f"<span style='color:#c62828; font-weight:600'>"
                f"{escape(priority_text(order.priority))}</span>"
            )
        parts.append(
            f"<span style='color:{colour}'>"
            f"{escape(deadline_text(order.next_due_kind, order.next_due_at, state))}</span>"
        )
        line2 = [self.tr("Received {when}").format(when=local_datetime(order.received_at))]
        if order.warranty is not Warranty.NONE or order.is_rework:
            line2.append(warranty_text(order.warranty, order.warranty_until or "", order.rework_of))
        if order.promised_at:
            line2.append(self.tr("Promised {when}").format(when=local_datetime(order.promised_at)))
        waiting = order.waiting_approval_seconds + order.waiting_parts_seconds
        if waiting:
            line2.append(
                self.tr("Waited {approval} h for approval, {parts} h for parts").format(
                    approval=round(order.waiting_approval_seconds / 3600, 1),
                    parts=round(order.waiting_parts_seconds / 3600, 1),
                )
            )
        return (
            " &nbsp;·&nbsp; ".join(parts)
            + "<br><span style='color:#444'>"
            + escape(" · ".join(line2))
            + "</span>"
        )

    def _job_html(self, order: WorkOrderDTO) -> str:
        d = order.device

        def row(label: str, value: str) -> str:
            if not value:
                return ""
            text = escape(value).replace("\n", "<br>")
            return f"<tr><td style='color:#555; padding-right:12px'>{escape(label)}</td><td>{text}</td></tr>"

        ok_text, not_ok_text = self.tr("OK"), self.tr("NOT OK")
        condition = "; ".join(
            labelled(item, ok_text if ok else not_ok_text) + (f" ({note})" if note else "")
            for item, ok, note in order.condition
        )
        rows = [
            row(self.tr("Customer"), order.customer_name),
            row(self.tr("Phone"), listed(order.customer_phones)),
            row(self.tr("Device"), device_with_type(d.device_type, d.label)),
            row(self.tr("Serial number"), d.serial),
            row(self.tr("IMEI"), d.imei),
            row(self.tr("Colour"), d.colour),
            row(self.tr("Purchase date"), str(d.purchase_date or "")),
            row(self.tr("Proof of purchase"), d.proof_of_purchase),
            row(self.tr("Channel"), channel_text(order.channel)),
            row(self.tr("Reported fault"), order.reported_fault),
            row(self.tr("Customer's demand"), order.customer_demand),
            row(self.tr("Condition on arrival"), condition),
            row(self.tr("Accessories"), order.accessories),
            row(self.tr("Judgement"), judgement_text(order.judgement)),
            row(self.tr("Estimate"), money_text(order.estimate)),
            row(self.tr("Collected by"), order.collected_by),
            row(
                self.tr("Repair warranty until"),
                str(order.repair_warranty_until or ""),
            ),
        ]
        if order.passcode is not None:
            # Masked even for technicians, until asked for: the screen may face the customer.
            shown = escape(order.passcode) if self.passcode_shown else "••••••"
            link = self.tr("hide") if self.passcode_shown else self.tr("show")
            rows.append(
                f"<tr><td style='color:#555; padding-right:12px'>{escape(self.tr('Passcode'))}</td>"
                f"<td>{shown} <a href='passcode'>{escape(link)}</a></td></tr>"
            )
        elif order.has_passcode:
            rows.append(row(self.tr("Passcode"), self.tr("(recorded; technicians only)")))
        if order.follow_up is not None:
            rows.append(row(self.tr("Follow-up"), self._follow_up_text(order.follow_up)))
        return "<table>" + "".join(rows) + "</table>"

    def _follow_up_text(self, f: FollowUpDTO) -> str:
        """The follow-up as done (scores or given up) or, while due, the calls tried so far."""
        if f.done_at is None:
            if not f.attempts:
                return ""
            text = self.tr("due; calls that did not reach the customer: {count}").format(
                count=f.attempts
            )
        elif f.reached:
            text = self.tr("attitude {a}, efficiency {e}, solved {s}, overall {o}").format(
                a=f.attitude, e=f.efficiency, s=f.solved, o=f.overall
            )
        else:
            text = self.tr("closed as not reachable; calls tried: {count}").format(count=f.attempts)
        if f.method and f.done_at is not None:
            text = f"{contact_text(f.method, translate_core)} – {text}"
        if f.comment:
            text += f" – {f.comment}"
        return text

    def _fill_payments(self, order: WorkOrderDTO) -> None:
        self.payments.setRowCount(len(order.payments))
        for row, p in enumerate(order.payments):
            for column, text in enumerate(
                (
                    local_datetime(p.at),
                    payment_kind_text(p.kind)
                    + (
                        " · "
                        + self.tr("cash tendered {tendered}, change {change}").format(
                            tendered=money_text(p.tendered), change=money_text(p.change)
                        )
                        if p.tendered is not None
                        else ""
                    ),
                    method_text(p.method),
                    ("−" if p.goes_back else "") + money_text(p.amount),
                    (
                        p.username
                        + " · "
                        + self.tr("approved by {name}").format(name=p.approved_by)
                        if p.approved_by
                        else p.username
                    ),
                )
            ):
                item = QTableWidgetItem(text)
                if column == 3:  # the amount, right-aligned as the lines' amounts are
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.payments.setItem(row, column, item)
        self.payments.resizeColumnsToContents()
        fit_to_rows(self.payments, len(order.payments), most=4)

    def _fill_history(self, order: WorkOrderDTO) -> None:
        self.history.setRowCount(len(order.events))
        for row, e in enumerate(order.events):
            for column, text in enumerate(history_cells(e)):
                item = QTableWidgetItem(text)
                if e.kind == "internal_note":
                    item.setForeground(Qt.GlobalColor.darkBlue)
                self.history.setItem(row, column, item)
        self.history.resizeColumnsToContents()
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.scrollToBottom()

    def _rebuild_steps(self, order: WorkOrderDTO) -> None:
        for button in self.step_buttons.values():
            self.steps_row.removeWidget(button)
            button.deleteLater()
        self.step_buttons = {}
        allowed = [
            s
            for s in S
            if s in rules.TRANSITIONS[order.status] and s not in (S.DELIVERED, S.CANCELLED)
        ]
        for target in allowed:
            # Each status keeps its number (Alt+4 is always "In repair"), whatever the order's state.
            button = QPushButton(f"&{STEP_KEYS[target]} {status_text(target)}", self)
            button.setAutoDefault(False)
            button.setEnabled(self.can_edit)
            button.clicked.connect(lambda _c=False, t=target: self.move_to(t))
            self.step_buttons[target] = button
            self.steps_row.addWidget(button)
        self.step_note.setEnabled(bool(allowed) and self.can_edit)
        # A delivered or cancelled order has no next step: no empty "Move to:" row, no note.
        self.move_label.setVisible(bool(allowed))
        self.step_note.setVisible(bool(allowed))
        is_open = order.status in rules.OPEN
        self.hand_back_button.setEnabled(
            self.can_edit and S.DELIVERED in rules.TRANSITIONS[order.status]
        )
        self.cancel_button.setEnabled(
            self.can_edit and S.CANCELLED in rules.TRANSITIONS[order.status]
        )
        self.follow_up_button.setEnabled(
            self.can_edit and order.follow_up is not None and order.follow_up.done_at is None
        )
        for widget in (
            self.assign_button,
            self.escalate_button,
            self.judge_button,
            self.urgent_button,
            self.payment_button,
        ):
            widget.setEnabled(self.can_edit and is_open)
        self.editor.set_editable(self.can_edit and is_open)
        self.add_note_button.setEnabled(self.can_edit)
        self.note.setEnabled(self.can_edit)
        has_lines = bool(order.lines)
        for kind, button in self.print_buttons.items():
            button.setEnabled(rules.printout_allowed(kind, order.status, has_lines))

    # ------------------------------------------------------------ lines

    def save_lines(self, wait_for_parts: bool = False) -> None:
        """Save the lines; catalogue parts leave the shelf. With `wait_for_parts` (offered when
        the shelf is short) the order waits for parts instead and the shelf holds them for it."""
        order = self.order
        if order is None:
            return
        editor = self.editor
        editor.lines_errors.clear()
        editor.wait_button.hide()
        services, actor = self._ctx.services, self._ctx.actor
        lines, discount, reason = (
            editor.line_inputs(),
            editor.discount.text().strip() or "0",
            editor.discount_reason.text(),
        )

        def failed(exc: BaseException) -> None:
            self._failed(exc, editor.lines_errors)
            editor.mark_refusal(exc)  # the refused line's From cell says why
            van = isinstance(exc, InsufficientStock) and bool(exc.params.get("van"))
            if isinstance(exc, InsufficientStock) and order.can_wait_for_parts and not van:
                editor.wait_button.show()  # short: the order may wait for the part instead

        self._ctx.runner.run(
            lambda: services.work_orders.set_lines(
                actor,
                order.id,
                order.version,
                lines,
                discount,
                reason,
                wait_for_parts=wait_for_parts,
            ),  # fmt: skip
            self._saved,
            failed,
        )

    def pick_part(self) -> PartPickerDialog | None:
        """Add part: a catalogue part (taken off the shelf on save), or a free-text line."""
        order = self.order
        if order is None:
            return None
        from .part_picker import PartPickerDialog

        editor = self.editor
        dialog = PartPickerDialog(
            self._ctx,
            order.outlet_id,
            order.device.model,
            self,
            locations=editor.locations,
            location_id=editor.default_location,
        )

        def picked(row: PartRow) -> None:
            # The next part comes from the same place (a technician on site keeps to the van).
            # A part the van has none of comes from the main store, the van stays the choice.
            editor.default_location = dialog.preferred_location_id()
            editor.add_line(
                LineKind.PART,
                f"{row.sku} {row.name}",
                "1",
                str(row.sale_price),
                row.id,
                dialog.location_id(),
            )

        dialog.picked.connect(picked)
        dialog.free_text.connect(lambda: self.editor.add_line(LineKind.PART))
        self.open_action(dialog)
        return dialog

    # ------------------------------------------------------------ steps and notes

    def refuse_unsaved_lines(self) -> bool:
        if not self.editor.lines_unsaved():
            return False
        self.banner.setText(
            self.tr(
                "The lines have changes that are not saved. Save them (Save lines on the Lines & "
                "payments tab) or remove them before the next step."
            )
        )
        self.banner.show()
        return True

    def move_to(self, target: S) -> None:
        order = self.order
        if order is None or self.refuse_unsaved_lines():
            return
        services, actor, note = self._ctx.services, self._ctx.actor, self.step_note.text()
        self._write(
            lambda: services.work_orders.move(actor, order.id, order.version, target, note),
            None,
            after=self.step_note.clear,
        )

    def add_note(self) -> None:
        order, text = self.order, self.note.text()
        if order is None or not self.can_edit:
            return
        services, actor, internal = (
            self._ctx.services,
            self._ctx.actor,
            self.note_internal.isChecked(),
        )
        self.note_errors.clear()
        self._write(
            lambda: services.work_orders.add_note(actor, order.id, text, internal=internal),
            self.note_errors,
            after=self.note.clear,
        )

    def _write(
        self,
        work: Callable[[], tuple[WorkOrderDTO, Changes]],
        errors: FormErrors | None,
        after: Callable[[], None] | None = None,
    ) -> None:
        def saved(result: tuple[WorkOrderDTO, Changes]) -> None:
            self._saved(result)
            if after:
                after()

        self._ctx.runner.run(work, saved, lambda exc: self._failed(exc, errors))

    def _saved(self, result: tuple[WorkOrderDTO, Changes]) -> None:
        order, changes = result
        self.banner.hide()
        self.show_order(order)
        self._ctx.bus.publish(changes)
        self.changed.emit(order)

    def _failed(self, exc: BaseException, errors: FormErrors | None) -> None:
        if isinstance(exc, StaleRecord):
            self.show_stale()
        elif errors is not None:
            errors.show(exc, self)
        else:
            self.show_problem(exc)

    def show_stale(self) -> None:
        self.banner.setText(
            self.tr(
                "Someone else changed this order meanwhile, so your change was not saved. "
                "The order has been reloaded: check it and do the step again."
            )
        )
        self.banner.show()
        self.reload()

    def show_problem(self, exc: BaseException) -> None:
        """Rule errors go to the banner (no modal box); bugs still reach the crash dialog."""
        from ...core.errors import DomainError
        from ..errors import error_text

        if isinstance(exc, DomainError):
            self.banner.setText(error_text(exc))
            self.banner.show()
        else:
            show_error(self, exc)

    # ------------------------------------------------------------ action dialogs

    def toggle_urgent(self) -> None:
        order = self.order
        if order is None:
            return
        target = Priority.NORMAL if order.priority is Priority.URGENT else Priority.URGENT
        services, actor = self._ctx.services, self._ctx.actor
        self._write(
            lambda: services.work_orders.set_priority(actor, order.id, order.version, target), None
        )

    def open_judgement(self) -> JudgementDialog | None:
        return self._open(JudgementDialog(self._ctx, self.order, self)) if self.order else None

    def open_assign(self, escalate: bool = False) -> AssignDialog | None:
        if self.order is None:
            return None
        return self._open(AssignDialog(self._ctx, self.order, self.technicians, escalate, self))

    def open_payment(self) -> PaymentDialog | None:
        return self._open(PaymentDialog(self._ctx, self.order, self)) if self.order else None

    def open_hand_back(self) -> HandBackDialog | None:
        if self.order is None or self.refuse_unsaved_lines():
            return None
        dialog = HandBackDialog(self._ctx, self.order, self)
        dialog.done.connect(lambda _order: self._handed_back(dialog))
        return self._open(dialog)

    def _handed_back(self, dialog: HandBackDialog) -> None:
        if dialog.print_receipt.isChecked():
            self.print_receipt("handback")

    def open_cancel(self) -> CancelDialog | None:
        if self.order is None or self.refuse_unsaved_lines():
            return None
        return self._open(CancelDialog(self._ctx, self.order, self))

    def open_follow_up(self) -> FollowUpDialog | None:
        return self._open(FollowUpDialog(self._ctx, self.order, self)) if self.order else None

    def _open(self, dialog: _D) -> _D:
        dialog.done.connect(self._action_done)
        dialog.stale.connect(self.reload)
        self.open_action(dialog)
        return dialog

    def _action_done(self, order: WorkOrderDTO) -> None:
        self.banner.hide()
        self.show_order(order)
        self.changed.emit(order)

    def open_action(self, dialog: QDialog) -> None:
        dialog.open()

    def print_receipt(self, kind: str) -> None:
        if self.order is not None:
            self.printer.preview(self.order.id, self.order.number, kind)
