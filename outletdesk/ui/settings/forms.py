"""What every settings form shares: rule errors shown in the form, labelled rows, Save/Cancel."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QSize, SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from ...core.errors import DomainError, ValidationError
from ..errors import error_text, show_error

INVALID_STYLE = "border: 1px solid #c62828;"


class FormErrors:
    """Shows a rule error in the form: the named field outlined in red, the message in red below,
    both gone as soon as the user edits that field."""

    def __init__(self, label: QLabel, fields: dict[str, QWidget]) -> None:
        self.label = label
        self.fields = fields
        self.marked: QWidget | None = None
        self._watched: list[QWidget] = []
        label.setStyleSheet("color: #c62828;")
        label.setWordWrap(True)
        label.hide()

    def clear(self) -> None:
        self.label.clear()
        self.label.hide()
        for widget in self.fields.values():
            widget.setStyleSheet("")
        if self.marked is not None:
            self.marked.setStyleSheet("")
            self.marked = None

    def say(self, text: str, widget: QWidget | None = None) -> None:
        """Shows `text` (already translated) and outlines and focuses `widget`, if given."""
        self.clear()
        self.label.setText(text)
        self.label.show()
        if widget is not None:
            widget.setStyleSheet(INVALID_STYLE)
            self.marked = widget
            self._watch(widget)
            widget.setFocus()

    def _watch(self, widget: QWidget) -> None:
        """Clears the error once `widget` (or a field inside it, for a checklist) is edited."""
        for field in (widget, *widget.findChildren(QWidget)):
            if any(f is field for f in self._watched):
                continue  # rows added to a checklist later are watched the next time
            self._watched.append(field)
            for signal in edited_signals(field):
                signal.connect(lambda *_args, f=field: self._edited(f))

    def _edited(self, field: QWidget) -> None:
        marked = self.marked
        if marked is not None and (field is marked or marked.isAncestorOf(field)):
            self.clear()

    def show(self, exc: BaseException, parent: QWidget) -> None:
        """Rule errors stay in the form; environment errors and bugs go to the usual dialogs."""
        self.clear()
        if not isinstance(exc, DomainError):
            show_error(parent, exc)
            return
        widget = self.fields.get(exc.field) if isinstance(exc, ValidationError) else None
        self.say(error_text(exc), widget)
        if isinstance(parent, QDialog):
            grow_to_fit(parent)  # the message's lines do not squeeze a wrapped note above it

    def shower(self, parent: QWidget) -> Callable[[BaseException], None]:
        """The `on_error` callback for the runner: `show(exc, parent)`."""
        return lambda exc: self.show(exc, parent)


def edited_signals(field: QWidget) -> list[SignalInstance]:
    """The signals a field sends when its value changes."""
    if isinstance(field, QLineEdit | QPlainTextEdit | QTextEdit):
        return [field.textChanged]
    if isinstance(field, QComboBox):
        return [field.currentIndexChanged, field.editTextChanged]
    if isinstance(field, QDateTimeEdit):  # QDateEdit too
        return [field.dateTimeChanged]
    if isinstance(field, QSpinBox | QDoubleSpinBox):
        return [field.valueChanged]
    if isinstance(field, QAbstractButton) and field.isCheckable():
        return [field.toggled]
    return []


class FormNote(QLabel):
    """A wrapped note on a form's row, as tall as its text at the width the row gives it.
    QFormLayout asks a wrapped label's height at the width of its size hint (QLabel guesses a
    narrow one: a short note comes out six lines tall) and leaves the difference as a blank gap
    around it. This hint is as wide as the screen (no row is wider), so the form asks at the
    row's real width, whatever the window's width was when it last measured."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:
        width = max(super().sizeHint().width(), self.screen().availableGeometry().width())
        return QSize(width, self.heightForWidth(width))


def grow_to_fit(dialog: QWidget) -> None:
    """Taller when a wrapped line needs it: the layout's minimum height leaves out what word
    wrap adds, so the fields below would slide under the buttons."""
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
        # At the width it will have: a dialog narrower than its fields is widened when shown,
        # and the height its wrapped lines needed at the narrower width would be a blank gap.
        width = max(dialog.width(), layout.totalMinimumSize().width())
        needed = layout.totalHeightForWidth(width)
        if needed > dialog.height() or width > dialog.width():
            dialog.resize(width, max(needed, dialog.height()))


def add_rows(form: QFormLayout, rows: Iterable[tuple[str, QWidget]], parent: QWidget) -> None:
    """One row per (label text, field); the label's mnemonic focuses its field."""
    for text, widget in rows:
        label = QLabel(text, parent)
        label.setBuddy(widget)
        form.addRow(label, widget)


def multiline(lines: int, parent: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    height = edit.fontMetrics().lineSpacing() * lines + 14
    edit.setFixedHeight(height)
    return edit


def password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def status_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #2e7d32;")
    return label


def allow_button(button: QPushButton, allowed: bool, why_not: str) -> None:
    """Disables a button the user's role may not use, with the reason as its tooltip."""
    if not allowed:
        button.setEnabled(False)
        button.setToolTip(why_not)


def save_cancel_buttons(dialog: QDialog, submit: Callable[[], None]) -> QDialogButtonBox:
    """Save runs `submit` (which accepts on success); Cancel and Esc reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(submit)
    buttons.rejected.connect(dialog.reject)
    return buttons
