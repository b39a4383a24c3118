"""A page's Export menu (ExportMenu: the role check, the save-as question, the export run on the
worker in the window's language, a message when done) and a log's filter dialog
(LogFilterDialog: period, outlet, one thing typed, scanned or selected). Loaded with the first
page that exports, not with the window."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..core.auth import Permission
from ..core.errors import NotFound
from ..core.outlets import OutletDTO
from ..progress import Progress
from .context import AppContext
from .errors import error_text, translate_core
from .exporting import ask_xlsx_path, run_export
from .i18n import tr_up_the_classes
from .settings.forms import FormErrors, add_rows

if TYPE_CHECKING:
    from ..core.services import Services

# export(services, actor, path, progress, texts) -> rows written
Export = Callable[["Services", Any, Path, Progress, dict[str, str]], int]
# The message when done: told(rows written), or a text with {count}; either has {path}.
Told = Callable[[int], str] | str


class ExportMenu(QObject):
    """What a page's Export menu shares: the role check, the save-as question, the export run on
    the worker with the words of the window's language, and a message when it is done.
    Subclasses say which words their logs use (`words()`, English sources)."""

    tr = tr_up_the_classes

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx, self._parent = ctx, parent
        self.allowed = ctx.actor.can(Permission.EXPORT_DATA)
        self.why_not = self.tr("Your role may not export data.")

    def words(self) -> Iterable[str]:
        return ()

    def texts(self) -> dict[str, str]:
        """Every title and word the logs write, in the window's language."""
        return {word: translate_core(word) for word in self.words()}

    def build_menu(self, entries: Iterable[tuple[str, Callable[[], object], str]]) -> QMenu:
        """A menu of (text, slot, tooltip) entries."""
        menu = QMenu(self._parent)
        for text, slot, tip in entries:
            action = menu.addAction(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _c=False, run=slot: run())
        menu.setToolTipsVisible(True)
        return menu

    def export(self, title: str, default_name: str, export: Export, told: Told, label: str) -> None:
        """Asks where, then runs `export(services, actor, path, progress, texts)`; `told` is
        the message when done, with {path}: told(count) says the count in the singular or plural
        (self.tr("%n parts written to {path}", "", count)); a plain text has {count}."""
        if not self.allowed:
            return
        path = self.ask_path(title, default_name)
        if not path:
            return
        services, actor, texts, target = (
            self._ctx.services,
            self._ctx.actor,
            self.texts(),
            Path(path),
        )
        run_export(
            self._ctx,
            self._parent,
            lambda progress: export(services, actor, target, progress, texts),
            lambda count: self.inform(
                told.format(count=count, path=path)
                if isinstance(told, str)
                else told(count).format(path=path)
            ),
            label,
        )

    def ask_path(self, title: str, default_name: str) -> str:
        """The save-as question; tests replace this method."""
        return ask_xlsx_path(self._parent, title, default_name)

    def inform(self, text: str) -> None:
        """Says the export is done; tests replace this method."""
        QMessageBox.information(self._parent, self.tr("Export finished"), text)

    def open_dialog(self, dialog: QWidget) -> None:
        """Through the page's own open_dialog (which tests replace), else window-modal."""
        opener = getattr(self._parent, "open_dialog", None)
        if opener is not None:
            opener(dialog)
        else:
            dialog.open()  # type: ignore[attr-defined]


class LogFilterDialog(QDialog):
    """Which rows a log holds: a period (either end open), an outlet or all, and one thing
    (a part, an asset) typed, scanned or the one selected, or all; subclasses add their own rows
    and say how a typed code is found (`lookup`) and what the filter is (`make_filter`)."""

    tr = tr_up_the_classes

    chosen = Signal(object)  # the filter, once accepted

    def __init__(
        self,
        ctx: AppContext,
        outlets: list[OutletDTO],
        outlet_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        today = QDate.currentDate()
        self.use_from = QCheckBox(self.tr("&From"), self)
        self.use_from.setChecked(True)
        self.date_from = _date_edit(self, QDate(today.year(), today.month(), 1))
        self.use_to = QCheckBox(self.tr("&To"), self)
        self.use_to.setChecked(True)
        self.date_to = _date_edit(self, today)
        self.use_from.toggled.connect(self.date_from.setEnabled)
        self.use_to.toggled.connect(self.date_to.setEnabled)
        period = QHBoxLayout()
        for widget in (self.use_from, self.date_from, self.use_to, self.date_to):
            period.addWidget(widget)
        period.addStretch(1)
        period.setContentsMargins(0, 0, 0, 0)
        self.period_widget = QWidget(self)
        self.period_widget.setLayout(period)
        self.outlet = QComboBox(self)
        self.outlet.addItem(self.tr("All outlets"), None)
        for o in outlets:
            self.outlet.addItem(f"{o.code} – {o.name}", o.id)
        self.outlet.setCurrentIndex(max(0, self.outlet.findData(outlet_id)))
        self.error = QLabel(self)
        self.code = QLineEdit(self)
        self.only_selected = QCheckBox(self)

    def code_field(
        self, placeholder: str, selected: tuple[int, str] | None, only_text: str
    ) -> QWidget:
        """The line for one thing's code, with "only {code}" for the one selected on the page."""
        self.code.setPlaceholderText(placeholder)
        self.code.setClearButtonEnabled(True)
        if selected is not None:
            self.only_selected.setText(only_text.format(code=selected[1]))
            self.only_selected.toggled.connect(
                lambda on: self.code.setText(selected[1] if on else "")
            )
        else:
            self.only_selected.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.code, 1)
        row.addWidget(self.only_selected)
        widget = QWidget(self)
        widget.setLayout(row)
        return widget

    def lay_out(self, rows: list[tuple[str, QWidget]], fields: dict[str, QWidget]) -> None:
        """The form: the period, then the outlet and `rows`; errors naming `fields` outline them."""
        form = QFormLayout()
        form.addRow(self.tr("Period"), self.period_widget)
        add_rows(form, [(self.tr("&Outlet"), self.outlet), *rows], self)
        self.errors = FormErrors(self.error, fields)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Export…"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 0)

    def period(self) -> tuple[date | None, date | None]:
        start = self.date_from.date().toPython() if self.use_from.isChecked() else None
        end = self.date_to.date().toPython() if self.use_to.isChecked() else None
        return start, end  # type: ignore[return-value]

    def lookup(self, code: str) -> Callable[[], int | None]:
        """Work for the worker: the id of the thing `code` names, None (or NotFound) if none."""
        raise NotImplementedError

    def not_found(self, code: str) -> str:
        raise NotImplementedError

    def make_filter(self, start: date | None, end: date | None, found: int | None) -> object:
        raise NotImplementedError

    def submit(self) -> None:
        start, end = self.period()
        if start is not None and end is not None and start > end:
            self.errors.say(self.tr("The period ends before it starts."), self.date_to)
            return
        code = self.code.text().strip()
        self.errors.clear()
        if not code:
            self._found(None, code)
            return
        self.ok_button.setEnabled(False)
        self._ctx.runner.run(
            self.lookup(code), lambda found: self._found(found, code), self._not_found
        )

    def _not_found(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, NotFound):
            self.errors.say(error_text(exc), self.code)
        else:
            self.errors.show(exc, self)

    def _found(self, found: int | None, code: str) -> None:
        self.ok_button.setEnabled(True)
        if found is None and code:
            self.errors.say(self.not_found(code), self.code)
            return
        start, end = self.period()
        f = self.make_filter(start, end, found)
        self.accept()
        self.chosen.emit(f)


def _date_edit(parent: QWidget, value: QDate) -> QDateEdit:
    edit = QDateEdit(value, parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit
