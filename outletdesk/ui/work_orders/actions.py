"""The small forms the detail view opens: assign/escalate, payment, hand-back, cancel, follow-up.

Each one calls its service on the runner when submitted, shows rule errors in the form (the named
field outlined) and closes only when the change was saved.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import Changes
from ...core.errors import StaleRecord
from ...core.validation import amount_text
from ...core.work_orders import rules
from ...core.work_orders.dto import WorkOrderDTO
from ...core.work_orders.history import contact_text
from ...models import ContactMethod, Judgement, PaymentKind, PaymentMethod, Warranty
from ..context import AppContext
from ..errors import translate_core
from ..formats import local_datetime, money_text
from ..i18n import listed, sentences, tr_up_the_classes
from ..settings.forms import FormErrors, add_rows, multiline, save_cancel_buttons
from .labels import method_text


def method_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for method in PaymentMethod:
        combo.addItem(method_text(method), method.value)
    return combo


def change_due(amount: QLineEdit, method: QComboBox, due: Decimal) -> Decimal:
    """The change the typed amount leaves when it is cash above `due` (rules.tender), else 0."""
    offered = amount_text(amount.text() or "0")
    if offered is None:
        return Decimal("0.00")
    settled = rules.tender(due, offered, method.currentData() == PaymentMethod.CASH.value)
    return settled.change if settled is not None else Decimal("0.00")


def money_notice(parent: QWidget) -> QLabel:
    """The bold line a clerk must not miss: money to hand back to the customer."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("font-weight: 600; color: #8a4b00;")
    label.hide()
    return label


class WorkOrderActionDialog(QDialog):
    """Shared frame: a form, a red error line, Save/Cancel; `work()` returns (order, changes)."""

    tr = tr_up_the_classes

    done = Signal(object)  # WorkOrderDTO
    stale = Signal()

    def __init__(self, ctx: AppContext, order: WorkOrderDTO, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.order = order
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.errors = FormErrors(self.error, {})
        self.buttons = save_cancel_buttons(self, self.submit)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.hide()
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 0)

    def say(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        # A wrapped intro needs more height than the dialog's size hint gives a top-level
        # window (Qt does not apply height-for-width there); without this the buttons overlap
        # the last field.
        super().showEvent(event)
        layout = self.layout()
        needed = layout.heightForWidth(self.width()) if layout is not None else -1
        if needed > self.height():
            self.resize(self.width(), needed)

    def work(self) -> Callable[[], tuple[WorkOrderDTO, Changes]]:
        raise NotImplementedError

    def submit(self) -> None:
        self.errors.clear()
        job = self.work()
        self.buttons.setEnabled(False)
        self._ctx.runner.run(job, self._saved, self._failed)

    def _saved(self, result: tuple[WorkOrderDTO, Changes]) -> None:
        order, changes = result
        self.order = order
        self._ctx.bus.publish(changes)
        self.done.emit(order)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.errors.show(exc, self)
        if isinstance(exc, StaleRecord):
            self.errors.say(
                self.tr("{message} The order was reloaded; close this and try again.").format(
                    message=self.error.text()
                )
            )
            self.stale.emit()


class AssignDialog(WorkOrderActionDialog):
    def __init__(
        self,
        ctx: AppContext,
        order: WorkOrderDTO,
        technicians: list[tuple[int, str]],
        escalate: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, order, parent)
        self.escalate = escalate
        self.setWindowTitle(self.tr("Escalate") if escalate else self.tr("Assign technician"))
        if escalate:
            self.say(
                self.tr(
                    "Hand a complicated problem to a senior technician or the manager; "
                    "the reason is kept in the history."
                )
            )
        self.technician = QComboBox(self)
        self.technician.addItem(self.tr("(nobody)"), None)
        for uid, name in technicians:
            self.technician.addItem(name, uid)
        index = self.technician.findData(order.technician_id)
        self.technician.setCurrentIndex(max(0, index))
        self.reason = multiline(3, self)
        add_rows(
            self.form,
            [(self.tr("&Technician"), self.technician), (self.tr("&Reason"), self.reason)],
            self,
        )
        self.errors.fields.update({"Technician": self.technician, "Reason": self.reason})

    def work(self) -> Callable[[], tuple[WorkOrderDTO, Changes]]:
        services, actor, order = self._ctx.services, self._ctx.actor, self.order
        tech, reason, escalate = (
            self.technician.currentData(),
            self.reason.toPlainText(),
            self.escalate,
        )
        return lambda: services.work_orders.assign(
            actor, order.id, order.version, tech, reason, escalate=escalate
        )


class PaymentDialog(WorkOrderActionDialog):
    def __init__(self, ctx: AppContext, order: WorkOrderDTO, parent: QWidget | None = None):
        super().__init__(ctx, order, parent)
        self.setWindowTitle(self.tr("Take payment – {number}").format(number=order.number))
        self.say(
            self.tr("Total {total}, paid {paid}, balance due {balance}.").format(
                total=money_text(order.total),
                paid=money_text(order.paid),
                balance=money_text(order.balance),
            )
        )
        self.amount = QLineEdit(money_text(max(order.balance, Decimal(0))), self)
        self.method = method_combo(self)
        self.change = money_notice(self)
        add_rows(
            self.form,
            [(self.tr("&Amount"), self.amount), (self.tr("&Method"), self.method)],
            self,
        )
        self.form.addRow("", self.change)
        self.errors.fields.update({"Amount": self.amount, "Payment method": self.method})
        self.amount.selectAll()
        # Before any bill (a further deposit) every amount is taken as it is: no change.
        self.deposit = rules.takes_deposit(order.status, order.total)
        self.amount.textChanged.connect(self.show_change)
        self.method.currentIndexChanged.connect(self.show_change)

    def show_change(self) -> None:
        """Cash typed above the balance is cash tendered: the change to give is shown as typed."""
        due = self.order.balance
        change = Decimal(0) if self.deposit else change_due(self.amount, self.method, due)
        self.change.setText(self.tr("Change: {change}").format(change=money_text(change)))
        self.change.setVisible(change > 0)

    def work(self) -> Callable[[], tuple[WorkOrderDTO, Changes]]:
        services, actor, order = self._ctx.services, self._ctx.actor, self.order
        amount, method = self.amount.text(), self.method.currentData()
        return lambda: services.work_orders.add_payment(actor, order.id, amount, method)


class HandBackDialog(WorkOrderActionDialog):
    def __init__(self, ctx: AppContext, order: WorkOrderDTO, parent: QWidget | None = None):
        super().__init__(ctx, order, parent)
        self.setWindowTitle(self.tr("Hand back – {number}").format(number=order.number))
        self.back = rules.split_give_back(
            order.total,
            order.paid,
            [(p.amount, p.method.value) for p in order.payments if p.kind is PaymentKind.DEPOSIT],
        )
        self.excess = self.back.total
        if self.excess:
            self.say(
                self.tr("Total {total}, paid {paid}: nothing to collect.").format(
                    total=money_text(order.total), paid=money_text(order.paid)
                )
            )
        else:
            self.say(
                self.tr("Total {total}, paid {paid}: {balance} to collect now.").format(
                    total=money_text(order.total),
                    paid=money_text(order.paid),
                    balance=money_text(max(order.balance, Decimal(0))),
                )
            )
        self.collected_by = QLineEdit(order.customer_name, self)
        self.amount = QLineEdit(money_text(max(order.balance, Decimal(0))), self)
        # Paid in full already: there is nothing to take, only the excess to give back.
        self.amount.setEnabled(order.balance > 0)
        self.method = method_combo(self)
        self.change = money_notice(self)
        self.print_receipt = QCheckBox(self.tr("Print the hand-back &receipt"), self)
        self.print_receipt.setChecked(True)
        add_rows(
            self.form,
            [
                (self.tr("&Collected by"), self.collected_by),
                (self.tr("&Payment"), self.amount),
                (self.tr("&Method"), self.method),
            ],
            self,
        )
        self.form.addRow("", self.change)
        self.form.addRow("", self.print_receipt)
        self.amount.textChanged.connect(self.show_change)
        self.method.currentIndexChanged.connect(self.show_change)
        self.show_change()
        self.errors.fields.update(
            {
                "Collected by": self.collected_by,
                "Amount": self.amount,
                "Payment method": self.method,
            }
        )

    def show_change(self) -> None:
        """What goes back across the counter on Save: the deposit above the bill, or the change
        from cash tendered above the balance."""
        if self.excess:
            back = self.back
            parts = []
            if back.deposit:
                parts.append(
                    self.tr("Give back {amount} of the deposit to the customer ({method}).").format(
                        amount=money_text(back.deposit),
                        method=method_text(back.deposit_method or self.method.currentData()),
                    )
                )
            if back.refund:
                parts.append(
                    self.tr(
                        "Refund {amount} paid above the bill ({method}); it is recorded as a "
                        "refund given back by you."
                    ).format(
                        amount=money_text(back.refund),
                        method=method_text(self.method.currentData()),
                    )
                )
            text = sentences(*parts)
        else:
            change = change_due(self.amount, self.method, self.order.balance)
            text = self.tr("Change: {change}").format(change=money_text(change)) if change else ""
        self.change.setText(text)
        self.change.setVisible(bool(text))

    def work(self) -> Callable[[], tuple[WorkOrderDTO, Changes]]:
        services, actor, order = self._ctx.services, self._ctx.actor, self.order
        who, amount, method = (
            self.collected_by.text(),
            self.amount.text(),
            self.method.currentData(),
        )
        return lambda: services.work_orders.hand_back(
            actor, order.id, order.version, who, amount or "0", method
        )


class CancelDialog(WorkOrderActionDialog):
    def __init__(self, ctx: AppContext, order: WorkOrderDTO, parent: QWidget | None = None):
        super().__init__(ctx, order, parent)
        self.setWindowTitle(self.tr("Cancel job – {number}").format(number=order.number))
        if order.paid > 0:
            self.say(
                self.tr("{paid} was paid and will be recorded as refunded.").format(
                    paid=money_text(order.paid)
                )
            )
        self.reason = multiline(3, self)
        self.method = method_combo(self)
        add_rows(
            self.form,
            [(self.tr("&Reason"), self.reason), (self.tr("Refund &method"), self.method)],
            self,
        )
        self.method.setEnabled(order.paid > 0)
        self.errors.fields.update({"Reason": self.reason, "Payment method": self.method})

    def work(self) -> Callable[[], tuple[WorkOrderDTO, Changes]]:
        services, actor, order = self._ctx.services, self._ctx.actor, self.order
        reason, method = self.reason.toPlainText(), self.method.currentData()
        return lambda: services.work_orders.cancel(actor, order.id, order.version, reason, method)


SCORE_FIELDS = ("Service attitude", "Efficiency", "Problem solved", "Overall")


class FollowUpDialog(WorkOrderActionDialog):
    """One follow-up contact: reached, with the scores; or not reached, logged as an attempt
    (the call stays due), or, ticked explicitly, the outlet gives up (closed, not met)."""

    def __init__(self, ctx: AppContext, order: WorkOrderDTO, parent: QWidget | None = None):
        super().__init__(ctx, order, parent)
        self.setWindowTitle(self.tr("Follow-up call – {number}").format(number=order.number))
        phones = listed(order.customer_phones)
        intro = f"{order.customer_name}  {phones}"
        tries = [e for e in order.events if e.kind == "follow_up_attempt"]
        if tries:
            last = tries[-1]
            intro += "\n" + self.tr(
                "Calls that did not reach the customer: {count}; the last {when} by {who}."
            ).format(count=len(tries), when=local_datetime(last.at), who=last.username)
        self.say(intro)
        self.method = QComboBox(self)
        for method in ContactMethod:
            self.method.addItem(contact_text(method, translate_core), method.value)
        self.reached = QCheckBox(self.tr("Customer &reached"), self)
        self.reached.setChecked(True)
        self.give_up = QCheckBox(self.tr("&Give up: the customer cannot be reached"), self)
        self.give_up.setToolTip(
            self.tr("Closes the follow-up without scores; it counts as not done in time.")
        )
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.outcome.setStyleSheet("color: #555;")
        self.scores: dict[str, QSpinBox] = {}
        for field in SCORE_FIELDS:
            spin = QSpinBox(self)
            spin.setRange(0, 5)
            spin.setSpecialValueText("–")  # 0: not given yet
            self.scores[field] = spin
        self.comment = multiline(3, self)
        add_rows(self.form, [(self.tr("Contact &method"), self.method)], self)
        self.form.addRow("", self.reached)
        self.form.addRow("", self.give_up)
        self.form.addRow("", self.outcome)
        add_rows(
            self.form,
            [
                (self.tr("Service &attitude (1–5)"), self.scores["Service attitude"]),
                (self.tr("&Efficiency (1–5)"), self.scores["Efficiency"]),
                (self.tr("Problem &solved (1–5)"), self.scores["Problem solved"]),
                (self.tr("&Overall (1–5)"), self.scores["Overall"]),
                (self.tr("&Comment"), self.comment),
            ],
            self,
        )
        self.reached.toggled.connect(self._outcome_changed)
        self.give_up.toggled.connect(self._outcome_changed)
        self.errors.fields.update(
            {**self.scores, "Comment": self.comment, "Contact method": self.method}
        )
        self._outcome_changed()

    def _outcome_changed(self) -> None:
        reached = self.reached.isChecked()
        for spin in self.scores.values():
            spin.setEnabled(reached)
        self.give_up.setEnabled(not reached)
        if reached:
            self.outcome.setText(self.tr("The scores close the follow-up."))
        elif self.give_up.isChecked():
            self.outcome.setText(
                self.tr("The follow-up is closed as not reachable and counts as not done in time.")
            )
        else:
            self.outcome.setText(
                self.tr("This call is logged as an attempt; the follow-up stays due.")
            )

    def work(self) -> Callable[[], tuple[WorkOrderDTO, Changes]]:
        services, actor, order = self._ctx.services, self._ctx.actor, self.order
        reached = self.reached.isChecked()
        give_up = not reached and self.give_up.isChecked()
        method = self.method.currentData()
        values: dict[str, Any] = {
            key: (self.scores[field].value() or None)
            for key, field in zip(
                ("attitude", "efficiency", "solved", "overall"), SCORE_FIELDS, strict=True
            )
        }
        comment = self.comment.toPlainText()
        return lambda: services.work_orders.record_follow_up(
            actor,
            order.id,
            reached=reached,
            method=method,
            comment=comment,
            give_up=give_up,
            **values,
        )


class JudgementDialog(WorkOrderActionDialog):
    """The preliminary judgement: what went wrong, and whether warranty pays for the work."""

    def __init__(self, ctx: AppContext, order: WorkOrderDTO, parent: QWidget | None = None) -> None:
        super().__init__(ctx, order, parent)
        self.setWindowTitle(self.tr("Judgement – {number}").format(number=order.number))
        self.say(
            self.tr(
                "Changing the warranty found at intake needs a reason; the lines are re-priced at once."
            )
        )
        self.judgement = QComboBox(self)
        for kind, text in (
            (Judgement.QUALITY_DEFECT, self.tr("Quality defect")),
            (Judgement.TRANSPORT_DAMAGE, self.tr("Transport damage")),
            (Judgement.MISUSE, self.tr("Misuse or accident")),
            (Judgement.WEAR, self.tr("Normal wear")),
        ):
            self.judgement.addItem(text, kind.value)
        if order.judgement is not None:
            self.judgement.setCurrentIndex(self.judgement.findData(order.judgement.value))
        self.warranty = QComboBox(self)
        for kind, text in (
            (Warranty.NONE, self.tr("Not under warranty: chargeable")),
            (Warranty.MANUFACTURER, self.tr("Manufacturer warranty: free")),
            (Warranty.REPAIR, self.tr("Our repair warranty (rework): free")),
        ):
            self.warranty.addItem(text, kind.value)
        self.warranty.setCurrentIndex(self.warranty.findData(order.warranty.value))
        self.note = QLineEdit(self)
        add_rows(
            self.form,
            [
                (self.tr("&What went wrong"), self.judgement),
                (self.tr("&Warranty"), self.warranty),
                (self.tr("&Reason"), self.note),
            ],
            self,
        )
        self.errors.fields.update(
            {"Judgement": self.judgement, "Warranty": self.warranty, "Reason": self.note}
        )

    def work(self) -> Callable[[], tuple[WorkOrderDTO, Changes]]:
        services, actor, order = self._ctx.services, self._ctx.actor, self.order
        kind, cover, note = (
            self.judgement.currentData(),
            self.warranty.currentData(),
            self.note.text(),
        )
        return lambda: services.work_orders.judge(actor, order.id, order.version, kind, cover, note)
