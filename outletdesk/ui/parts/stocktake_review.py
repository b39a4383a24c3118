"""Reviewing an open count before its corrections are posted (totals, the lines that differ, the
parts that moved since they were counted and must be recounted), and cancelling a count."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Permission
from ...core.changes import Changes
from ...core.errors import StaleRecord
from ...core.parts.stocktake import CountLine, CountReview, StocktakeDTO
from ..context import AppContext
from ..errors import show_error
from ..i18n import listed
from ..settings.forms import FormErrors, add_rows, allow_button, multiline, status_label
from ..table_model import row_table
from .count_lines import CountLinesModel, count_columns, value_text

SHOW_DIFFERENCES, SHOW_NOT_COUNTED, SHOW_ALL = range(3)
MOVED_NAMED = 12  # SKUs named in the warning; the list marks them all


class CountReviewDialog(QDialog):
    """The manager's last look: what was found and what is missing, at average cost; Post writes
    every difference as a stocktake movement in one go."""

    posted = Signal(object)  # StocktakeDTO

    def __init__(
        self, ctx: AppContext, take: StocktakeDTO, outlet_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx, self._take, self._outlet_name = ctx, take, outlet_name
        self.review: CountReview | None = None
        self.can_manage = ctx.actor.can(Permission.MANAGE_STOCK)
        why_not = self.tr("Only a manager or an admin may post a count or ask for a recount.")
        self.setWindowTitle(self.tr("Review count {number}").format(number=take.number))

        self.totals = QLabel(self)
        self.totals.setWordWrap(True)
        self.moved = QLabel(self)
        self.moved.setWordWrap(True)
        self.moved.setStyleSheet("color: #c62828;")
        self.recount_button = QPushButton(self.tr("Re&count these parts"), self)
        allow_button(self.recount_button, self.can_manage, why_not)
        moved_row = QHBoxLayout()
        moved_row.addWidget(self.moved, 1)
        moved_row.addWidget(self.recount_button)
        self.show_what = QComboBox(self)
        self.show_what.addItem(self.tr("Lines with a difference"), SHOW_DIFFERENCES)
        self.show_what.addItem(self.tr("Lines not counted"), SHOW_NOT_COUNTED)
        self.show_what.addItem(self.tr("All lines"), SHOW_ALL)
        show_label = QLabel(self.tr("&Show"), self)
        show_label.setBuddy(self.show_what)
        show_row = QHBoxLayout()
        show_row.addWidget(show_label)
        show_row.addWidget(self.show_what)
        show_row.addStretch(1)
        note = (self.tr("Note"), self._line_note)
        self.model = CountLinesModel(count_columns((note,)), self, numeric=frozenset({3, 4, 5, 6}))
        self.table = row_table(self.model, self, whole={0, 2})
        self.error = QLabel(self)
        self.errors = FormErrors(self.error, {})
        self.status = status_label(self)
        self.status.hide()
        buttons = QDialogButtonBox(self)
        self.post_button = QPushButton(self.tr("&Post corrections…"), self)
        allow_button(self.post_button, self.can_manage, why_not)
        buttons.addButton(self.post_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addLayout(moved_row)
        layout.addLayout(show_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.show_what.currentIndexChanged.connect(lambda _i: self._show_lines())
        self.recount_button.clicked.connect(self.recount_moved)
        self.post_button.clicked.connect(self.post)
        self.resize(980, 620)
        self._show_moved(())
        self.post_button.setEnabled(False)
        self.load()

    def load(self) -> None:
        stocktake, actor, take_id = self._ctx.services.stocktake, self._ctx.actor, self._take.id
        self._ctx.runner.run(
            lambda: stocktake.review(actor, take_id), self._loaded, lambda e: show_error(self, e)
        )

    def _loaded(self, review: CountReview) -> None:
        self.review = review
        self._take = review.stocktake
        text = self.tr(
            "<b>{counted} of %n lines counted</b> ({not_counted} not counted: they stay as "
            "they are). Differences: {differences}. Found {found}, missing {missing}, "
            "<b>net value {net}</b> at average cost.",
            "",
            len(review.lines),
        ).format(
            counted=review.counted,
            not_counted=review.not_counted,
            differences=review.differences,
            found=value_text(review.value_found),
            missing=value_text(review.value_missing),
            net=value_text(review.value_difference),
        )
        self.totals.setText(text)
        sku = {line.part_id: line.sku for line in review.lines}
        self._show_moved(
            tuple(sku[part_id] for part_id in review.moved),
            tuple(sku[part_id] for part_id in review.outside),
        )
        self.post_button.setEnabled(self.can_manage and review.counted > 0)
        if (review.moved or review.outside) and self.show_what.currentData() == SHOW_NOT_COUNTED:
            self.show_what.setCurrentIndex(SHOW_DIFFERENCES)
        self._show_lines()

    def _show_moved(self, skus: tuple[str, ...], outside: tuple[str, ...] = ()) -> None:
        """Parts to recount: those that moved, and those outside the count's filter (left by
        an older version, whose counts would overwrite stock kept elsewhere)."""
        texts = []
        if skus:
            named = listed(skus[:MOVED_NAMED]) + (" …" if len(skus) > MOVED_NAMED else "")
            texts.append(
                self.tr(
                    "Stock of %n counted parts moved after the count started: {skus}. "
                    "Count them again before posting.",
                    "",
                    len(skus),
                ).format(skus=named)
            )
        if outside:
            named = listed(outside[:MOVED_NAMED]) + (" …" if len(outside) > MOVED_NAMED else "")
            texts.append(
                self.tr(
                    "%n counted parts are outside this count's bins or category: {skus}. "
                    "Recount them to clear their counts before posting.",
                    "",
                    len(outside),
                ).format(skus=named)
            )
        self.moved.setText("\n".join(texts))
        self.moved.setVisible(bool(texts))
        self.recount_button.setVisible(bool(texts))

    def _show_lines(self) -> None:
        if self.review is None:
            return
        moved = {*self.review.moved, *self.review.outside}
        show = self.show_what.currentData()
        lines = [
            line
            for line in self.review.lines
            if show == SHOW_ALL
            or (show == SHOW_NOT_COUNTED and line.counted is None)
            or (show == SHOW_DIFFERENCES and (line.difference or line.part_id in moved))
        ]
        self.model.set_rows(lines)

    def _line_note(self, line: CountLine) -> str:
        if self.review is not None and line.part_id in self.review.moved:
            return self.tr("moved since counted: recount")
        if self.review is not None and line.part_id in self.review.outside:
            return self.tr("outside this count: recount")
        if line.counted is None:
            return self.tr("not counted")
        return ""

    def confirm(self, text: str) -> bool:
        """Asks before posting; tests replace this."""
        answer = QMessageBox.question(self, self.windowTitle(), text)
        return answer == QMessageBox.StandardButton.Yes

    def post(self) -> None:
        review = self.review
        if review is None or not self.can_manage:
            return
        text = self.tr(
            "Post count {number} to the stock at {outlet}? %n parts change, net "
            "value {net}. {not_counted} Posted corrections cannot be taken back.",
            "",
            review.differences,
        ).format(
            number=review.stocktake.number,
            outlet=self._outlet_name,
            net=value_text(review.value_difference),
            not_counted=self.tr("%n lines not counted stay as they are.", "", review.not_counted),
        )
        if not self.confirm(text):
            return
        stocktake, actor = self._ctx.services.stocktake, self._ctx.actor
        take_id, version = review.stocktake.id, review.stocktake.version
        self.errors.clear()
        self.status.hide()
        self.post_button.setEnabled(False)
        self._ctx.runner.run(
            lambda: stocktake.post(actor, take_id, version), self._posted, self._post_failed
        )

    def _posted(self, result: tuple[StocktakeDTO, Changes]) -> None:
        self._ctx.bus.publish(result[1])
        self.posted.emit(result[0])
        self.accept()

    def _post_failed(self, exc: BaseException) -> None:
        """The core's refusal (parts moved, counted meanwhile, closed) stays in the dialog; the
        review is read again, so the parts to recount are marked and Recount is offered."""
        self.errors.show(exc, self)
        self.load()

    def recount_moved(self) -> None:
        review = self.review
        if review is None or not (review.moved or review.outside) or not self.can_manage:
            return
        stocktake, actor = self._ctx.services.stocktake, self._ctx.actor
        take_id, part_ids = review.stocktake.id, [*review.moved, *review.outside]
        self.recount_button.setEnabled(False)
        self._ctx.runner.run(
            lambda: stocktake.recount(actor, take_id, part_ids),
            lambda result: self._recounted(result, len(part_ids)),
            self._recount_failed,
        )

    def _recounted(self, result: tuple[StocktakeDTO, Changes], count: int) -> None:
        self.recount_button.setEnabled(True)
        self.errors.clear()
        self.status.setText(
            self.tr(
                "%n parts to count again: their counts were cleared and what the ledger "
                "says now is expected. Count them, then review again.",
                "",
                count,
            )
        )
        self.status.show()
        self.show_what.setCurrentIndex(SHOW_NOT_COUNTED)
        self._ctx.bus.publish(result[1])
        self.load()

    def _recount_failed(self, exc: BaseException) -> None:
        self.recount_button.setEnabled(True)
        self.errors.show(exc, self)
        self.load()


class CancelCountDialog(QDialog):
    """Abandons an open count: its counts are kept for the record, no stock changes."""

    cancelled = Signal(object)  # StocktakeDTO

    def __init__(self, ctx: AppContext, take: StocktakeDTO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._take = ctx, take
        self.setWindowTitle(self.tr("Cancel count {number}").format(number=take.number))
        text = QLabel(
            self.tr(
                "Cancel count {number}? What was counted is kept for the record; no stock "
                "changes. A new count can be started afterwards."
            ).format(number=take.number),
            self,
        )
        text.setWordWrap(True)
        self.reason = multiline(3, self)
        self.reason.setPlaceholderText(self.tr("Why: wrong aisle, start again, …"))
        form = QFormLayout()
        add_rows(form, [(self.tr("&Reason"), self.reason)], self)
        self.error = QLabel(self)
        self.errors = FormErrors(self.error, {"Reason": self.reason})
        buttons = QDialogButtonBox(self)
        self.cancel_count_button = buttons.addButton(
            self.tr("Cancel the &count"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        keep = buttons.addButton(self.tr("&Keep counting"), QDialogButtonBox.ButtonRole.RejectRole)
        keep.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, 0)

    def submit(self) -> None:
        stocktake, actor = self._ctx.services.stocktake, self._ctx.actor
        take, reason = self._take, self.reason.toPlainText()
        self.errors.clear()
        self.cancel_count_button.setEnabled(False)
        self._ctx.runner.run(
            lambda: stocktake.cancel(actor, take.id, take.version, reason),
            self._cancelled,
            self._failed,
        )

    def _cancelled(self, result: tuple[StocktakeDTO, Changes]) -> None:
        self._ctx.bus.publish(result[1])
        self.cancelled.emit(result[0])
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.cancel_count_button.setEnabled(True)
        self.errors.show(exc, self)
        if isinstance(exc, StaleRecord):
            # Counted at another seat since this was opened: the message says so; the count as
            # it is now is what a second press cancels.
            stocktake, actor, take_id = self._ctx.services.stocktake, self._ctx.actor, self._take.id
            self._ctx.runner.run(
                lambda: stocktake.get(actor, take_id),
                self._refreshed,
                lambda e: show_error(self, e),
            )

    def _refreshed(self, take: Any) -> None:
        self._take = take
