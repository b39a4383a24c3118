"""The Stocktake tab of the Parts page: start a count of the chosen outlet's shelf, enter counts
with the scanner or by hand, print or export the count sheet, then review and post (or cancel);
with no count open, the outlet's past counts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Permission
from ...core.changes import Changes
from ...core.errors import NotFound, ValidationError
from ...core.parts.count_sheet import COUNT_SHEET_WORDS
from ...core.parts.stocktake import CountLine, CountReview, StocktakeDTO
from ...models import StocktakeStatus
from ...progress import Progress
from ..context import AppContext
from ..errors import show_error, translate_core
from ..exporting import ask_xlsx_path, run_export
from ..formats import local_datetime
from ..i18n import listed
from ..settings.forms import FormErrors, add_rows, allow_button, multiline, status_label
from ..table_model import RowsModel, row_table
from .count_lines import (
    CountLinesModel,
    TypeIntoEntry,
    count_columns,
    parse_entry,
    value_text,
)

if TYPE_CHECKING:
    from .page import PartsPage

PAST_SHOWN = 30


def count_sheet_texts() -> dict[str, str]:
    """The count sheet's words in the window's language (the core knows no Qt)."""
    return {key: translate_core(english) for key, english in COUNT_SHEET_WORDS.items()}


class StocktakeTab(QWidget):
    """What the store room needs to count the shelf of the outlet chosen on the Parts page."""

    def __init__(self, ctx: AppContext, page: PartsPage) -> None:
        super().__init__(page)
        self._ctx = ctx
        self._page = page
        self._seq = 0
        self._summary_seq = 0
        self._dirty = True
        self.take: StocktakeDTO | None = None
        self.past: list[StocktakeDTO] = []
        self.summaries: dict[int, tuple[int, Decimal]] = {}  # posted count -> differences, value
        self.can_manage = ctx.actor.can(Permission.MANAGE_STOCK)
        why_not = self.tr("Only a manager or an admin may start, post or cancel a count.")

        # -------- no count open: start one; the counts before
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.category = QLineEdit(self)
        self.category.setPlaceholderText(self.tr("all categories"))
        self.bin_prefix = QLineEdit(self)
        self.bin_prefix.setPlaceholderText(self.tr("all bins; A- counts aisle A only"))
        self.note = multiline(2, self)
        self.start_button = QPushButton(self.tr("&Start the count"), self)
        allow_button(self.start_button, self.can_manage, why_not)
        self.start_error = QLabel(self)
        self.start_errors = FormErrors(
            self.start_error,
            {"Category": self.category, "Bin location": self.bin_prefix, "Note": self.note},
        )
        start_box = QGroupBox(self.tr("Start a count"), self)
        form = QFormLayout()
        add_rows(
            form,
            [
                (self.tr("Only &category"), self.category),
                (self.tr("Only &bins starting with"), self.bin_prefix),
                (self.tr("N&ote"), self.note),
            ],
            self,
        )
        start_layout = QVBoxLayout(start_box)
        start_layout.addLayout(form)
        start_layout.addWidget(self.start_error)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        start_layout.addLayout(row)
        start_box.setMaximumWidth(640)

        self.past_model: RowsModel[StocktakeDTO] = RowsModel(
            [
                (self.tr("Count no."), lambda t: t.number),
                (self.tr("Started"), lambda t: local_datetime(t.started_at)),
                (self.tr("Started by"), lambda t: t.started_by),
                (self.tr("Result"), self._status_text),
                (self.tr("Closed"), lambda t: local_datetime(t.closed_at)),
                (self.tr("By"), lambda t: t.closed_by),
                (self.tr("Lines counted"), self._lines_text),
                (self.tr("Differences"), self._differences_text),
                (self.tr("Value difference"), self._value_text),
                (self.tr("Note"), lambda t: t.cancel_reason or t.note),
            ],
            self,
            numeric=frozenset({6, 7, 8}),
        )
        self.past_table = row_table(
            self.past_model, self, stretch=9, whole={0, 1, 3, 4}, seat=(ctx.seat, "stocktakes")
        )
        start_page = QWidget(self)
        start_page_layout = QVBoxLayout(start_page)
        start_page_layout.addWidget(self.intro)
        start_page_layout.addWidget(start_box)
        past_title = QLabel(self.tr("Past counts at this outlet"), self)
        past_title.setStyleSheet("font-weight: 600;")
        start_page_layout.addWidget(past_title)
        start_page_layout.addWidget(self.past_table, 1)

        # -------- a count open: enter counts
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.entry = QLineEdit(self)
        self.entry.setClearButtonEnabled(True)
        self.entry.setPlaceholderText(
            self.tr("Scan a part to add one, or type SKU and quantity (SCR-IP12 5)")
        )
        self.entry.setToolTip(
            self.tr(
                "A scan or a SKU alone adds one to that part's count. SKU and a number sets the "
                "count. With a line selected, a number alone sets that line and moves to the next."
            )
        )
        self.count_button = QPushButton(self.tr("C&ount"), self)
        self.blind = QCheckBox(self.tr("&Blind count"), self)
        self.blind.setToolTip(
            self.tr(
                "Hide what the ledger expects and the differences while counting, so the shelf "
                "is counted rather than a number confirmed; the count sheet leaves them out too."
            )
        )
        self.error = QLabel(self)
        self.errors = FormErrors(self.error, {"Counted": self.entry, "Part": self.entry})
        self.message = status_label(self)
        self.message.hide()
        self.model = CountLinesModel(count_columns(), self, numeric=frozenset({3, 4, 5, 6}))
        self.table: QTableView = row_table(self.model, self, whole={0, 2})
        self._typing = TypeIntoEntry(self.entry, self)
        self.table.installEventFilter(self._typing)
        self.print_button = QPushButton(self.tr("&Print count sheet…"), self)
        self.export_button = QPushButton(self.tr("E&xport count sheet…"), self)
        self.review_button = QPushButton(self.tr("&Review and post…"), self)
        self.cancel_button = QPushButton(self.tr("Cance&l count…"), self)
        allow_button(self.cancel_button, self.can_manage, why_not)

        count_page = QWidget(self)
        count_layout = QVBoxLayout(count_page)
        count_layout.addWidget(self.info)
        entry_row = QHBoxLayout()
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.count_button)
        entry_row.addWidget(self.blind)
        count_layout.addLayout(entry_row)
        count_layout.addWidget(self.error)
        count_layout.addWidget(self.message)
        count_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.cancel_button)
        count_layout.addLayout(buttons)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(start_page)
        self.stack.addWidget(count_page)
        self.start_page, self.count_page = start_page, count_page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.start_button.clicked.connect(self.start)
        self.entry.returnPressed.connect(self.submit_entry)
        self.count_button.clicked.connect(self.submit_entry)
        self.blind.toggled.connect(self._show_blind)
        self.print_button.clicked.connect(self.print_sheet)
        self.export_button.clicked.connect(self.export_sheet)
        self.review_button.clicked.connect(self.open_review)
        self.cancel_button.clicked.connect(self.open_cancel)
        page.outlet.currentIndexChanged.connect(lambda _i: self._outdated())
        page.location.currentIndexChanged.connect(lambda _i: self._outdated())
        ctx.bus.changed.connect(self.refresh)
        self._enable()

    # ------------------------------------------------------------ loading

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._dirty:
            self.reload()

    def _outdated(self) -> None:
        """Loaded now when on screen, else when next shown: a hidden tab keeps the worker free."""
        self._dirty = True
        if self.isVisible():
            self.reload()

    def refresh(self, changes: Changes) -> None:
        if changes.parts or changes.outlets or changes.database:
            self._outdated()

    def reload(self) -> None:
        outlet_id, location_id = self._page.outlet_id(), self._page.location_id()
        if outlet_id is None:
            return
        self._dirty = False
        self._seq += 1
        seq = self._seq
        stocktake, actor = self._ctx.services.stocktake, self._ctx.actor

        def load() -> tuple[CountReview | None, list[StocktakeDTO]]:
            take = stocktake.open_count(actor, outlet_id, location_id=location_id)
            if take is not None:
                return stocktake.review(actor, take.id), []
            past = stocktake.list(actor, outlet_id, limit=PAST_SHOWN, location_id=location_id)
            return None, past

        self._ctx.runner.run(
            load, lambda result: self._loaded(seq, *result), lambda exc: show_error(self, exc)
        )

    def _loaded(self, seq: int, review: CountReview | None, past: list[StocktakeDTO]) -> None:
        if seq != self._seq:
            return  # another outlet was chosen meanwhile
        where = self._page.where_name()
        if review is None:
            self.take = None
            self.past = past
            self.summaries = {}
            self.past_model.set_rows(past)
            self.intro.setText(
                self.tr(
                    "No count is open at {outlet}. Start one to count the shelf: the count "
                    "takes what the ledger expects now, you enter what is there, and the "
                    "differences are posted as corrections."
                ).format(outlet=where)
            )
            self.stack.setCurrentWidget(self.start_page)
            self._load_summaries(self._summary_seq + 1)
        else:
            self.take = review.stocktake
            self.model.set_rows(review.lines)
            self.stack.setCurrentWidget(self.count_page)
            if self.isVisible():
                self.entry.setFocus()
        self._show_take()
        self._enable()

    def _load_summaries(self, seq: int) -> None:
        """Differences of posted counts, one count per task so the worker stays free between."""
        self._summary_seq = seq
        todo = [
            t.id
            for t in self.past
            if t.status is StocktakeStatus.POSTED and t.id not in self.summaries
        ]
        if not todo:
            return
        stocktake, actor, take_id = self._ctx.services.stocktake, self._ctx.actor, todo[0]
        self._ctx.runner.run(
            lambda: stocktake.review(actor, take_id),
            lambda review: self._summary_loaded(seq, review),
            lambda exc: show_error(self, exc),
        )

    def _summary_loaded(self, seq: int, review: CountReview) -> None:
        if seq != self._summary_seq:
            return
        take = review.stocktake
        self.summaries[take.id] = (review.differences, review.value_difference)
        ids = [t.id for t in self.past_model.rows]
        if take.id in ids:
            row = ids.index(take.id)
            self.past_model.dataChanged.emit(
                self.past_model.index(row, 7), self.past_model.index(row, 8)
            )
        self._load_summaries(seq)

    def _status_text(self, take: StocktakeDTO) -> str:
        return {
            StocktakeStatus.OPEN: self.tr("Open"),
            StocktakeStatus.POSTED: self.tr("Posted"),
            StocktakeStatus.CANCELLED: self.tr("Cancelled"),
        }[take.status]

    def _lines_text(self, take: StocktakeDTO) -> str:
        return self.tr("{counted} of {lines}").format(counted=take.counted_lines, lines=take.lines)

    def _differences_text(self, take: StocktakeDTO) -> str:
        summary = self.summaries.get(take.id)
        return str(summary[0]) if summary is not None else ""

    def _value_text(self, take: StocktakeDTO) -> str:
        summary = self.summaries.get(take.id)
        return value_text(summary[1]) if summary is not None else ""

    def _show_take(self) -> None:
        tabs = self._page.tabs
        index = tabs.indexOf(self)
        take = self.take
        if index >= 0:
            title = self.tr("Stocktake (counting)") if take else self.tr("Stocktake")
            tabs.setTabText(index, title)
        if take is None:
            return
        only = []
        if take.category:
            only.append(self.tr("category {value}").format(value=take.category))
        if take.bin_prefix:
            only.append(self.tr("bins {value}…").format(value=take.bin_prefix))
        text = self.tr("<b>Count {number}</b>, started {started} by {name}.").format(
            number=take.number, started=local_datetime(take.started_at), name=take.started_by
        )
        if only:
            text += " " + self.tr("Only {what}.").format(what=listed(only))
        counted = sum(1 for line in self.model.rows if line.counted is not None)
        text += " " + self.tr("{counted} of %n lines counted.", "", len(self.model.rows)).format(
            counted=counted
        )
        if not self.blind.isChecked():
            differences = sum(1 for line in self.model.rows if line.difference)
            text += " " + self.tr("Differences so far: {count}.").format(count=differences)
        self.info.setText(text)

    def _enable(self) -> None:
        counting = self.take is not None
        self.start_button.setEnabled(self.can_manage and not counting)
        for button in (self.print_button, self.export_button, self.review_button):
            button.setEnabled(counting)
        self.cancel_button.setEnabled(self.can_manage and counting)

    def _show_blind(self, blind: bool) -> None:
        for column in (3, 5, 6):  # expected, difference, value
            self.table.setColumnHidden(column, blind)
        self.model.set_show_differences(not blind)
        self._show_take()

    # ------------------------------------------------------------ starting

    def start(self) -> None:
        outlet_id, location_id = self._page.outlet_id(), self._page.location_id()
        if not self.can_manage or outlet_id is None:
            return
        stocktake, actor = self._ctx.services.stocktake, self._ctx.actor
        category, bins, note = self.category.text(), self.bin_prefix.text(), self.note.toPlainText()
        self.start_errors.clear()
        self.start_button.setEnabled(False)
        self._ctx.runner.run(
            lambda: stocktake.start(
                actor,
                outlet_id=outlet_id,
                location_id=location_id,
                category=category,
                bin_prefix=bins,
                note=note,
            ),  # fmt: skip
            self._started,
            self._start_failed,
        )

    def _started(self, result: tuple[StocktakeDTO, Changes]) -> None:
        for field in (self.category, self.bin_prefix):
            field.clear()
        self.note.clear()
        self._dirty = True
        self._ctx.bus.publish(result[1])
        if self._dirty:
            self.reload()

    def _start_failed(self, exc: BaseException) -> None:
        self._enable()
        self.start_errors.show(exc, self)
        self.reload()  # another seat may have opened a count meanwhile

    # ------------------------------------------------------------ counting

    def selected_line(self) -> CountLine | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def submit_entry(self) -> None:
        """Enter (or Count): what the field says, as `parse_entry` reads it."""
        line = self.selected_line()
        code, quantity = parse_entry(self.entry.text(), line is not None)
        if code is None and quantity is None:
            return
        if code is None and line is not None:
            self.count(line.part_id, quantity, advance=True)
        elif code is not None:
            self.count(code, quantity)

    def handle_scan(self, code: str) -> bool:
        """A scanner read while a count is open counts one of that part (the Parts page hands
        scans to the tab on screen); the scanned text is taken out of the count field."""
        if self.take is None or not self.isVisible():
            return False
        typed = self.entry.text()
        if typed.endswith(code):
            self.entry.setText(typed[: -len(code)])
        self.count(code, None)
        return True

    def count(self, part: int | str, quantity: str | None, advance: bool = False) -> None:
        """One count on the worker: a scan adds one, a quantity sets the count; the line is
        updated in place (a shelf of thousands is not reloaded per scan)."""
        take = self.take
        if take is None:
            return
        stocktake, actor = self._ctx.services.stocktake, self._ctx.actor
        self.errors.clear()
        self._ctx.runner.run(
            lambda: (
                stocktake.count(actor, take.id, part, quantity),
                stocktake.get(actor, take.id),
            ),
            lambda result: self._counted(result[0], result[1], advance),
            self._count_failed,
        )

    def _counted(
        self, result: tuple[CountLine, Changes], take: StocktakeDTO, advance: bool
    ) -> None:
        line = result[0]
        if self.take is None or take.id != self.take.id:
            return
        self.take = take
        row = self.model.put(line)
        if advance and row + 1 < len(self.model.rows):
            row += 1
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        self.entry.clear()
        if self.blind.isChecked() or line.difference is None:
            text = self.tr("{sku} {name}: counted {counted}.")
        elif line.difference:
            text = self.tr("{sku} {name}: counted {counted}, expected {expected} ({diff:+d}).")
        else:
            text = self.tr("{sku} {name}: counted {counted}, as expected.")
        self.message.setText(
            text.format(
                sku=line.sku,
                name=line.name,
                counted=line.counted,
                expected=line.expected,
                diff=line.difference or 0,
            )
        )
        self.message.show()
        self._show_take()
        # Not published: a count changes no stock, and only this tab shows counts. Publishing
        # made the page rerun its list, low-stock and transfer queries on every scan.

    def _count_failed(self, exc: BaseException) -> None:
        self.message.hide()
        self.errors.show(exc, self)
        self.entry.setFocus()
        self.entry.selectAll()
        QApplication.beep()  # the counter is looking at the shelf, not the screen
        if not isinstance(exc, ValidationError | NotFound):
            self.reload()  # posted or cancelled at another seat

    # ------------------------------------------------------------ count sheet

    def print_sheet(self) -> None:
        take = self.take
        if take is None:
            return
        from ...core.parts.count_sheet import count_sheet_pdf

        services, actor, blind = self._ctx.services, self._ctx.actor, self.blind.isChecked()
        texts, progress = count_sheet_texts(), Progress()
        title = self.tr("Count sheet {number}").format(number=take.number)
        self._ctx.runner.run(
            lambda: count_sheet_pdf(
                services, actor, take.id, blind=blind, texts=texts, progress=progress
            ),
            lambda pdf: self.show_preview(pdf, title),
            lambda exc: show_error(self, exc),
            progress=progress,
            label=self.tr("Preparing the count sheet…"),
            parent=self,
        )

    def show_preview(self, pdf: bytes, title: str) -> None:
        """The usual print preview (window-modal, not blocking); tests replace this."""
        from ..print_preview import PrintPreviewDialog

        dialog = PrintPreviewDialog(pdf, title, self._ctx.seat, self, runner=self._ctx.runner)
        dialog.open()

    def export_sheet(self) -> None:
        take = self.take
        if take is None:
            return
        path = self.ask_export_path(f"{take.number}.xlsx")
        if not path:
            return
        from ...core.parts.count_sheet import export_count_sheet

        services, actor, blind = self._ctx.services, self._ctx.actor, self.blind.isChecked()
        texts = count_sheet_texts()
        run_export(
            self._ctx,
            self,
            lambda progress: export_count_sheet(
                services, actor, take.id, Path(path), blind=blind, texts=texts, progress=progress
            ),
            lambda rows: self._say(
                self.tr("Count sheet with %n lines written to {path}.", "", rows).format(path=path)
            ),
            self.tr("Exporting the count sheet…"),
        )

    def ask_export_path(self, default_name: str) -> str:
        return ask_xlsx_path(self, self.tr("Export the count sheet"), default_name)

    def _say(self, text: str) -> None:
        self.errors.clear()
        self.message.setText(text)
        self.message.show()

    # ------------------------------------------------------------ review, post, cancel

    def open_review(self) -> None:
        from .stocktake_review import CountReviewDialog

        if self.take is None:
            return
        dialog = CountReviewDialog(
            self._ctx, self.take, self._page.where_name() or self.take.outlet_code, self
        )
        self.open_dialog(dialog)

    def open_cancel(self) -> None:
        from .stocktake_review import CancelCountDialog

        if self.take is None or not self.can_manage:
            return
        self.open_dialog(CancelCountDialog(self._ctx, self.take, self))

    def open_dialog(self, dialog: QWidget) -> None:
        dialog.open()  # type: ignore[attr-defined]
