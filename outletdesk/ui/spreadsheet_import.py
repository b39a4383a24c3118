"""Import from a spreadsheet (.xlsx or .csv), as every import of the window does it: choose the
file, check which column holds which field (proposed from the header row), check every row
without writing (each bad cell named by row and column), then import all of it or only the valid
rows. Reading, checking and writing run on the worker with progress and Cancel; a file that
cannot be imported at all says why and writes nothing. Subclasses say what is imported and how
(the catalogue, the equipment register)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import DomainError, FieldLabel
from ..core.outlets import OutletDTO
from ..core.parts.import_rows import ImportField, RowProblem
from ..progress import Cancelled, Progress
from .context import AppContext
from .errors import error_text, show_error, translate_core
from .i18n import labelled, sentences, tr_up_the_classes
from .settings.forms import INVALID_STYLE
from .table_model import RowsModel, row_table

MAPPING_COLUMNS = 2  # fields side by side, so the dialog fits an 800-pixel screen


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the column as the spreadsheet names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def field_texts(fields: Sequence[ImportField]) -> dict[str, str]:
    """The column titles in the window's language, so a translated export's header row is
    recognised too."""
    return {f.title: translate_core(f.title) for f in fields}


def _cancellable(
    work: Callable[[], Any], progress: Progress, reads_only: bool
) -> Callable[[], Any]:
    """Cancel ends the work with None (the runner would otherwise stay silent); work that only
    reads is also dropped when Cancel came after it had no more chance to stop."""

    def run() -> Any:
        try:
            result = work()
        except Cancelled:
            return None
        return None if reads_only and progress.cancelled else result

    return run


class SpreadsheetImportDialog(QDialog):
    """The file, the column mapping, the check and the import. The importer reads the header row
    (`layout(actor, path, texts=)`), checks (`dry_run(actor, path, mapping, outlet_id=, texts=)`)
    and imports (`run(..., skip_invalid=)`, returning the report and the Changes); with
    `reports_progress` both also take `progress=`. New rows without an outlet go to `outlet`.
    A subclass says whether the user may import (`allowed`; why not on `choose_button`) and
    gives its own words (`layout_note`, `extra_lines`, `unchanged_text`) and `writes`."""

    tr = tr_up_the_classes

    reports_progress = True

    imported = Signal(object)  # the report, after a write

    def __init__(
        self,
        ctx: AppContext,
        importer: Any,
        fields: Sequence[ImportField],
        allowed: bool,
        outlet: OutletDTO | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._fields, self._allowed = ctx, tuple(fields), allowed
        self._importer, self._outlet = importer, outlet
        self._texts = field_texts(fields)
        self._progress: Progress | None = None
        self.path: Path | None = None
        self.layout_found: Any = None  # the importer's layout: headers, mapping, header_row, ...
        self.report: Any = None  # the last check's report, for the mapping shown
        self.outcome: Any = None  # the report of the import done

        self.intro = intro = QLabel(self)  # what the import does, said by the subclass
        intro.setWordWrap(True)
        self.file = QLineEdit(self)
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("&Choose file…"), self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()

        self.mapping_box = QGroupBox(self.tr("Which column holds what"), self)
        grid = QGridLayout(self.mapping_box)
        self.combos: dict[str, QComboBox] = {}
        rows = (len(self._fields) + MAPPING_COLUMNS - 1) // MAPPING_COLUMNS
        for n, f in enumerate(self._fields):
            combo = QComboBox(self.mapping_box)
            combo.setMinimumContentsLength(18)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            title = translate_core(f.title)
            label = QLabel(title + (" *" if f.required else ""), self.mapping_box)
            label.setBuddy(combo)
            row, column = n % rows, (n // rows) * 2
            grid.addWidget(label, row, column)
            grid.addWidget(combo, row, column + 1)
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            self.combos[f.key] = combo
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.header_note = QLabel(self.mapping_box)
        self.header_note.setWordWrap(True)
        grid.addWidget(self.header_note, rows, 0, 1, MAPPING_COLUMNS * 2)
        self.mapping_box.setEnabled(False)

        self.check_button = QPushButton(self.tr("C&heck"), self)
        self.check_button.setToolTip(
            self.tr("Reads every row and reports what would change; nothing is written.")
        )
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.problem_model: RowsModel[RowProblem] = RowsModel(
            [
                (self.tr("Row"), lambda p: str(p.row)),
                (self.tr("Column"), self.column_text),
                (self.tr("Problem"), lambda p: p.message(translate_core)),
            ],
            self,
            numeric=frozenset({0}),
        )
        self.problems = row_table(self.problem_model, self, stretch=2)
        self.problems.setMinimumHeight(120)

        self.import_all_button = QPushButton(self.tr("Import &all"), self)
        self.import_valid_button = QPushButton(self)
        self.import_valid_button.hide()
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.import_all_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_valid_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File"), self))
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.choose_button)
        check_row = QHBoxLayout()
        check_row.addWidget(self.summary, 1)
        check_row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.error)
        layout.addWidget(self.mapping_box)
        layout.addLayout(check_row)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)

        self.choose_button.clicked.connect(self.choose_file)
        self.check_button.clicked.connect(self.check)
        self.import_all_button.clicked.connect(lambda: self.start_import(skip_invalid=False))
        self.import_valid_button.clicked.connect(lambda: self.start_import(skip_invalid=True))
        self._busy = False
        self._enable()
        self.resize(860, 680)

    # ------------------------------------------------------------ the file and its columns

    def ask_file_path(self) -> str:
        """The open-file question; returns "" when cancelled. Tests replace this method."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the spreadsheet to import"),
            "",
            self.tr("Spreadsheets (*.xlsx *.xlsm *.csv);;All files (*)"),
        )
        return path

    def choose_file(self) -> None:
        path = self.ask_file_path()
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Reads the header row on the worker and proposes which column holds each field."""
        self.path = path
        self.file.setText(str(path))
        self.layout_found, self.report, self.outcome = None, None, None
        self._say_error(None)
        self._fill_combos(None)
        self._show_report(None)
        self._run(
            self.read_layout(path, self._texts),
            self._layout_read,
            self.tr("Reading {name}…").format(name=path.name),
        )

    def _layout_read(self, layout: Any) -> None:
        if layout is None:
            return
        self.layout_found = layout
        self._fill_combos(layout)
        self._say_header()
        self._enable()

    def _say_header(self) -> None:
        """Where the titles were found, the subclass's note, and the columns still to choose."""
        layout = self.layout_found
        if layout is None:
            return
        note = self.tr("Column titles found on row {row}; %n rows below it.", "", layout.data_rows)
        note = note.format(row=layout.header_row)
        note = sentences(note, self.layout_note())
        chosen = self.mapping()
        if any(f.required and f.key not in chosen for f in self._fields):
            note = sentences(note, self.tr("Choose the columns marked * before checking."))
        self.header_note.setText(note)

    def _fill_combos(self, layout: Any) -> None:
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.setStyleSheet("")
            combo.addItem(self.tr("(not in the file)"), None)
            if layout is not None:
                for index, title in enumerate(layout.headers):
                    shown = title or self.tr("(no title)")
                    combo.addItem(labelled(column_letter(index), shown), index)
                chosen = layout.mapping.get(key)
                combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
            combo.blockSignals(False)
        self.mapping_box.setEnabled(layout is not None)
        if layout is None:
            self.header_note.clear()

    def mapping(self) -> dict[str, int]:
        """Field key -> column (0-based) as the combos say."""
        return {
            key: int(combo.currentData())
            for key, combo in self.combos.items()
            if combo.currentData() is not None
        }

    def _mapping_changed(self) -> None:
        for combo in self.combos.values():
            combo.setStyleSheet("")
        self.report = None  # the check was for another mapping
        self._show_report(None)
        self._say_error(None)
        self._say_header()
        self._enable()

    def _mapping_problem(self) -> bool:
        """A required field without a column, or two fields from one column: said in the form,
        the combo outlined."""
        taken: dict[int, str] = {}
        for f in self._fields:
            combo = self.combos[f.key]
            index = combo.currentData()
            if f.required and index is None:
                self._say_error(
                    self.tr("Choose the column that holds {field}.").format(
                        field=translate_core(f.title)
                    ),
                    combo,
                )
                return True
            if index is None:
                continue
            if index in taken:
                first = next(x for x in self._fields if x.key == taken[index])
                self._say_error(
                    self.tr("{first} and {second} cannot both come from column {column}.").format(
                        first=translate_core(first.title),
                        second=translate_core(f.title),
                        column=column_letter(index),
                    ),
                    combo,
                )
                return True
            taken[index] = f.key
        return False

    # ------------------------------------------------------------ check and import

    def check(self) -> None:
        """The dry run: every row checked against the catalogue, nothing written."""
        if self.path is None or self.layout_found is None or self._mapping_problem():
            return
        self._say_error(None)
        path = self.path
        self.outcome = None
        self._run(
            self.check_rows(path, self.mapping(), self._texts),
            self._checked,
            self.tr("Checking {name}…").format(name=path.name),
            with_progress=True,
        )

    def _checked(self, report: Any) -> None:
        if report is None:
            self.summary.setText(self.tr("Check cancelled."))
            return
        self.report = report
        self._show_report(report)
        self._enable()

    def start_import(self, *, skip_invalid: bool) -> None:
        report = self.report
        if self.path is None or report is None or self._busy:
            return
        if report.problems and not skip_invalid:
            return  # the button is off; every row must be valid to import all
        path = self.path
        self._run(
            self.import_rows(path, self.mapping(), self._texts, skip_invalid),
            lambda result: self._imported(result, skip_invalid),
            self.tr("Importing {name}…").format(name=path.name),
            with_progress=True,
            reads_only=False,
        )

    def _imported(self, result: tuple[Any, Any] | None, skip_invalid: bool) -> None:
        if result is None:
            self.summary.setText(self.tr("Import cancelled; nothing was imported."))
            return
        report, changes = result
        self._ctx.bus.publish(changes)
        if report.problems and not skip_invalid:
            # The data changed since the check (a colleague's edit): nothing was written.
            self.report = report
            self._show_report(report)
            self.summary.setText(
                self.summary.text()
                + "<br><b>"
                + escape(self.tr("Nothing was imported: the file no longer checks clean."))
                + "</b>"
            )
            self._enable()
            return
        self.outcome = report
        self.report = None
        self._show_report(report)
        lines = [
            self.tr("Imported {file}: {new} new, {updated} updated, {unchanged} unchanged.").format(
                file=report.file_name,
                new=report.new,
                updated=report.updated,
                unchanged=report.unchanged,
            )
        ]
        lines += self.extra_lines(report, done=True)
        if report.invalid_rows:
            lines.append(
                self.tr(
                    "%n invalid rows were skipped; they are listed below.", "", report.invalid_rows
                )
            )
        if not report.written:
            lines.append(self.unchanged_text(done=True))
        self.summary.setText("<br>".join(escape(line) for line in lines))
        self.summary.setStyleSheet("color: #2e7d32;")
        self._enable()
        self.close_button.setFocus()
        self.imported.emit(report)

    # ------------------------------------------------------------ showing

    def _show_report(self, report: Any) -> None:
        self.summary.setStyleSheet("")
        if report is None:
            self.summary.clear()
            self.problem_model.set_rows([])
            return
        lines = [
            self.tr(
                "%n rows: {new} new, {updated} updated, {unchanged} unchanged, {invalid} invalid.",
                "",
                report.rows,
            ).format(
                new=report.new,
                updated=report.updated,
                unchanged=report.unchanged,
                invalid=report.invalid_rows,
            )
        ]
        lines += self.extra_lines(report, done=False)
        if report.problems:
            lines.append(self.tr("Fix the rows below in the file and check again, or skip them."))
        elif not self.writes(report):
            lines.append(self.unchanged_text(done=False))
        else:
            lines.append(self.tr("Every row is valid."))
        self.summary.setText("<br>".join(escape(line) for line in lines))
        self.problem_model.set_rows(list(report.problems))

    def column_text(self, problem: RowProblem) -> str:
        """Where the problem is, in the window's language: the column's letter and the field
        it holds ("E: 购置日期"), or the field alone when the file has no column for it. (The
        core names a column by the file's own title, in whatever language the file is, or by
        its field when the file has no title for it.)"""
        column = problem.column
        by_field = isinstance(column, FieldLabel)
        headers = self.layout_found.headers if self.layout_found is not None else ()
        mapping = self.mapping()
        for f in self._fields:
            index = mapping.get(f.key)
            header = headers[index] if index is not None and index < len(headers) else ""
            if (header == column and not by_field) or (
                by_field and not header and f.title == column
            ):
                name = translate_core(f.title)
                return name if index is None else labelled(column_letter(index), name)
        return translate_core(column) if by_field else column

    def _say_error(self, text: str | None, widget: QWidget | None = None) -> None:
        if text is None:
            self.error.clear()
            self.error.hide()
            return
        self.error.setText(text)
        self.error.show()
        if widget is not None:
            widget.setStyleSheet(INVALID_STYLE)
            widget.setFocus()

    def _enable(self) -> None:
        report, busy = self.report, self._busy
        ready = self.layout_found is not None and not busy
        self.check_button.setEnabled(ready)
        self.choose_button.setEnabled(not busy and self._allowed)
        self.import_all_button.setEnabled(
            ready and report is not None and report.ok and self.writes(report)
        )
        if report is not None and report.problems:
            self.import_all_button.setToolTip(
                self.tr("Some rows are invalid: fix them, or import only the valid rows.")
            )
        else:
            self.import_all_button.setToolTip("")
        skip = report is not None and bool(report.problems)
        self.import_valid_button.setVisible(skip)
        if report is not None and skip:
            self.import_valid_button.setText(
                self.tr("Import &valid rows only (skip {count})").format(count=report.invalid_rows)
            )
            self.import_valid_button.setEnabled(ready and self.writes(report))

    # ------------------------------------------------------------ what a subclass says

    def read_layout(self, path: Path, texts: dict[str, str]) -> Callable[[], Any]:
        """Work for the worker: the file's header row and the proposed mapping."""
        importer, actor = self._importer, self._ctx.actor
        return lambda: importer.layout(actor, path, texts=texts)

    def check_rows(
        self, path: Path, mapping: dict[str, int], texts: dict[str, str]
    ) -> Callable[[Progress], Any]:
        """Work for the worker: the dry run's report."""
        importer, actor, outlet_id = self._importer, self._ctx.actor, self._outlet_id()
        polled = self.reports_progress
        return lambda progress: importer.dry_run(
            actor, path, mapping, outlet_id=outlet_id, texts=texts,
            **({"progress": progress} if polled else {}),
        )  # fmt: skip

    def import_rows(
        self, path: Path, mapping: dict[str, int], texts: dict[str, str], skip_invalid: bool
    ) -> Callable[[Progress], tuple[Any, Any]]:
        """Work for the worker: (report, Changes) of the import."""
        importer, actor, outlet_id = self._importer, self._ctx.actor, self._outlet_id()
        polled = self.reports_progress
        return lambda progress: importer.run(
            actor, path, mapping, skip_invalid=skip_invalid, outlet_id=outlet_id, texts=texts,
            **({"progress": progress} if polled else {}),
        )  # fmt: skip

    def _outlet_id(self) -> int | None:
        return self._outlet.id if self._outlet is not None else None

    def layout_note(self) -> str:
        """Said below the mapping after the file's header row was read."""
        return ""

    def extra_lines(self, report: Any, *, done: bool) -> list[str]:
        """What else the check found (or the import did), e.g. suppliers added."""
        return []

    def unchanged_text(self, *, done: bool) -> str:
        raise NotImplementedError

    def writes(self, report: Any) -> bool:
        """Whether importing the valid rows would change anything."""
        return bool(report.new or report.updated)

    # ------------------------------------------------------------ the worker

    def _run(
        self,
        work: Callable[..., Any],
        done: Callable[[Any], None],
        label: str,
        *,
        with_progress: bool = False,
        reads_only: bool = True,
    ) -> None:
        progress = Progress()
        self._progress = progress
        self._busy = True
        self._enable()

        def finished(result: Any) -> None:
            self._busy, self._progress = False, None
            done(result)
            self._enable()

        def failed(exc: BaseException) -> None:
            self._busy, self._progress = False, None
            self._enable()
            if isinstance(exc, DomainError):  # the whole file: unreadable, no columns, ...
                self._say_error(error_text(exc))
            else:
                show_error(self, exc)

        call = (lambda: work(progress)) if with_progress else work
        self._ctx.runner.run(
            _cancellable(call, progress, reads_only),
            finished,
            failed,
            progress=progress,
            label=label,
            parent=self,
        )

    def reject(self) -> None:
        if self._progress is not None:
            self._progress.cancel()  # Close while checking or importing: stop, write nothing
        super().reject()
