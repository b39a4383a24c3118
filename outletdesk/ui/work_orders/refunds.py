"""Refunds after hand-back in the window: the order's refund requests with their review, the forms
to ask for one and to approve or decline it, and the manager's list of requests awaiting review."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Permission
from ...core.changes import Changes
from ...core.work_orders.dto import RefundDTO, WorkOrderDTO
from ...models import RefundStatus, WorkOrderStatus, utcnow
from ..context import AppContext
from ..errors import show_error
from ..formats import local_datetime, money_text
from ..settings.forms import add_rows, multiline
from .actions import WorkOrderActionDialog, method_combo
from .labels import method_text, refund_status_text


class RefundRequestDialog(WorkOrderActionDialog):
    """Ask for money back on a handed-back order; a manager reviews it."""

    def __init__(
        self,
        ctx: AppContext,
        order: WorkOrderDTO,
        review_days: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, order, parent)
        self.setWindowTitle(self.tr("Request a refund – {number}").format(number=order.number))
        self.say(
            self.tr(
                "Paid {paid}; up to {refundable} can be asked for. A manager reviews the request "
                "within {days} working days; the customer is told the answer."
            ).format(
                paid=money_text(order.paid),
                refundable=money_text(order.refundable),
                days=review_days,
            )
        )
        self.amount = QLineEdit(self)
        self.method = method_combo(self)
        self.reason = multiline(3, self)
        add_rows(
            self.form,
            [
                (self.tr("&Amount"), self.amount),
                (self.tr("&Method"), self.method),
                (self.tr("&Reason"), self.reason),
            ],
            self,
        )
        self.errors.fields.update(
            {"Amount": self.amount, "Payment method": self.method, "Reason": self.reason}
        )

    def work(self) -> Callable[[], tuple[WorkOrderDTO, Changes]]:
        services, actor, order = self._ctx.services, self._ctx.actor, self.order
        amount, method, reason = (
            self.amount.text(),
            self.method.currentData(),
            self.reason.toPlainText(),
        )
        return lambda: services.refunds.request(actor, order.id, amount, method, reason)


class RefundDecisionDialog(WorkOrderActionDialog):
    """A manager approves (an optional note) or declines (the reason the customer is told)."""

    def __init__(
        self,
        ctx: AppContext,
        order: WorkOrderDTO,
        refund: RefundDTO,
        approve: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, order, parent)
        self.refund, self.approve = refund, approve
        title = (
            self.tr("Approve refund – {number}")
            if approve
            else self.tr("Decline refund – {number}")
        )
        self.setWindowTitle(title.format(number=order.number))
        self.say(
            self.tr("{amount} by {method}, asked for by {who} on {when}: {reason}").format(
                amount=money_text(refund.amount),
                method=method_text(refund.method),
                who=refund.requested_by,
                when=local_datetime(refund.requested_at),
                reason=refund.reason,
            )
        )
        self.note = multiline(3, self)
        # Either way the text goes to the customer (their receipts carry the answer).
        label = (
            self.tr("&Note for the customer (optional)")
            if approve
            else self.tr("&Reason for the customer")
        )
        add_rows(self.form, [(label, self.note)], self)
        self.errors.fields.update({"Note" if approve else "Reason": self.note})

    def work(self) -> Callable[[], tuple[WorkOrderDTO, Changes]]:
        services, actor, refund = self._ctx.services, self._ctx.actor, self.refund
        note = self.note.toPlainText()
        if self.approve:
            return lambda: services.refunds.approve(actor, refund.id, refund.version, note)
        return lambda: services.refunds.reject(actor, refund.id, refund.version, note)


def fit_to_rows(table: QTableWidget, rows: int, *, most: int) -> None:
    """A small table in the detail's money tab as tall as its rows (one to `most`, then it
    scrolls) and a sideways scrollbar, so the lines above keep the rest of the tab."""
    shown = max(1, min(rows, most))
    header = table.horizontalHeader().sizeHint().height()
    row = table.verticalHeader().defaultSectionSize()
    # Room for a sideways scrollbar too: long Chinese notes can make the table wider than the
    # tab, and the bar would otherwise cover the only row.
    bar = table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(header + shown * row + bar + 2 * table.frameWidth())


class RefundsPanel(QWidget):
    """The order's refund requests and what was decided; the buttons that fit the signed-in role."""

    dialog_wanted = Signal(object)  # a WorkOrderActionDialog for the detail view to open

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.order: WorkOrderDTO | None = None
        self.can_approve = ctx.actor.can(Permission.APPROVE_REFUNDS)
        self.can_edit = False
        self.review_days = 3  # the outlet's refund review limit; the detail view sets it
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Asked"),
                self.tr("Amount"),
                self.tr("Reason"),
                self.tr("Review"),
                self.tr("Decided by"),
                self.tr("Answer"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.request_button = QPushButton(self.tr("Re&quest refund…"), self)
        self.approve_button = QPushButton(self.tr("Appro&ve…"), self)
        self.reject_button = QPushButton(self.tr("Decli&ne…"), self)
        self.request_button.clicked.connect(self.open_request)
        self.approve_button.clicked.connect(lambda: self.open_decision(True))
        self.reject_button.clicked.connect(lambda: self.open_decision(False))
        self.table.itemSelectionChanged.connect(self._enable)
        self.approve_button.setVisible(self.can_approve)
        self.reject_button.setVisible(self.can_approve)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Refunds after hand-back"), self))
        row.addStretch(1)
        for button in (self.request_button, self.approve_button, self.reject_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table)

    def show_order(self, order: WorkOrderDTO, can_edit: bool) -> None:
        self.order = order
        self.can_edit = can_edit
        # Only a handed-back order takes refund requests; an open one keeps the room for its lines.
        self.setVisible(order.status is WorkOrderStatus.DELIVERED or bool(order.refunds))
        self.table.setRowCount(len(order.refunds))
        now = utcnow()
        for row, r in enumerate(order.refunds):
            review = refund_status_text(r.status)
            if r.status is RefundStatus.PENDING:
                review = self.tr("{status}, due {when}").format(
                    status=review, when=local_datetime(r.review_due_at)
                )
            cells = (
                local_datetime(r.requested_at),
                f"{money_text(r.amount)} ({method_text(r.method)})",
                f"{r.reason} – {r.requested_by}",
                review,
                r.decided_by,
                r.decision_note,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                if r.status is RefundStatus.PENDING and r.review_due_at < now:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        fit_to_rows(self.table, len(order.refunds), most=3)
        pending = [i for i, r in enumerate(order.refunds) if r.status is RefundStatus.PENDING]
        if pending:
            self.table.selectRow(pending[0])
        self._enable()

    def selected(self) -> RefundDTO | None:
        if self.order is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.order.refunds[rows[0].row()]

    def _enable(self) -> None:
        order = self.order
        self.request_button.setEnabled(
            self.can_edit
            and order is not None
            and order.status is WorkOrderStatus.DELIVERED
            and order.refundable > 0
        )
        chosen = self.selected()
        decidable = chosen is not None and chosen.status is RefundStatus.PENDING
        # Four eyes: whoever asked for a refund does not approve it (declining is allowed).
        own = chosen is not None and chosen.requested_by_id == self._ctx.actor.user_id
        self.approve_button.setEnabled(self.can_approve and decidable and not own)
        self.approve_button.setToolTip(
            self.tr("You asked for this refund; another manager must approve it.") if own else ""
        )
        self.reject_button.setEnabled(self.can_approve and decidable)

    def open_request(self) -> RefundRequestDialog | None:
        if self.order is None or not self.request_button.isEnabled():
            return None
        dialog = RefundRequestDialog(self._ctx, self.order, self.review_days, self)
        self.dialog_wanted.emit(dialog)
        return dialog

    def open_decision(self, approve: bool) -> RefundDecisionDialog | None:
        chosen = self.selected()
        if self.order is None or chosen is None or not self.approve_button.isEnabled():
            return None
        dialog = RefundDecisionDialog(self._ctx, self.order, chosen, approve, self)
        self.dialog_wanted.emit(dialog)
        return dialog


class RefundsAwaitingDialog(QDialog):
    """The manager's list: refund requests no one has decided, oldest first; opening one opens
    its order, where it is approved or declined."""

    open_order = Signal(int)

    def __init__(self, ctx: AppContext, outlet_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._outlet_id = outlet_id
        self.refunds: list[RefundDTO] = []
        self.setWindowTitle(self.tr("Refunds awaiting review"))
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Work order (outlet)"),
                self.tr("Customer"),
                self.tr("Amount"),
                self.tr("Reason"),
                self.tr("Asked by"),
                self.tr("Review due"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.activated.connect(lambda _i: self.open_selected())
        self.empty = QLabel(self.tr("Loading…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = buttons.addButton(
            self.tr("&Open order"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.clicked.connect(self.open_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 360)
        ctx.bus.changed.connect(self._changed)
        self.finished.connect(lambda _r: ctx.bus.changed.disconnect(self._changed))
        self.reload()

    def _changed(self, changes: Changes) -> None:
        if changes.work_orders or changes.database:  # decided from an order opened here
            self.reload()

    def reload(self) -> None:
        services, actor, outlet_id = self._ctx.services, self._ctx.actor, self._outlet_id
        self._ctx.runner.run(
            lambda: services.refunds.awaiting_review(actor, outlet_id),
            self.show_refunds,
            lambda exc: show_error(self, exc),
        )

    def show_refunds(self, refunds: list[RefundDTO]) -> None:
        self.refunds = refunds
        now = utcnow()
        self.table.setRowCount(len(refunds))
        for row, r in enumerate(refunds):
            cells = (
                r.number,  # begins with the outlet's code
                r.customer_name,
                f"{money_text(r.amount)} ({method_text(r.method)})",
                r.reason,
                f"{r.requested_by}, {local_datetime(r.requested_at)}",
                local_datetime(r.review_due_at),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if r.review_due_at < now:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty.setText(
            self.tr("Refund requests awaiting your review: {count} (overdue ones in red).").format(
                count=len(refunds)
            )
            if refunds
            else self.tr("No refund request awaits review.")
        )
        if refunds:
            self.table.selectRow(0)
        self.open_button.setEnabled(bool(refunds))

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_order.emit(self.refunds[rows[0].row()].work_order_id)
