"""The warning before a new customer is saved with a phone number already on file: who has it,
'Open <name>' for each of the first three and 'Save anyway' (families share phones, so a shared
number is never refused). Used by the customer form and by the intake's inline new customer."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core.customers import CustomerDTO
from .i18n import listed

SHOWN_SAME_PHONE = 3  # customers offered to open when a number is already on file
# Widest a name is drawn, in average character widths: a usual name shows whole, only a very
# long one is elided (the whole name is in the tooltip). The "Open …" buttons share a smaller
# width, so they and "Save anyway" fit on one row of the customer form.
NAME_IN_TEXT = 60
NAMES_ON_BUTTONS = 36


class SamePhonePanel(QFrame):
    """Hidden until `warn(others)`; the form hides it again when a phone is edited.

    The text wraps; its height at the width it is given is kept as its minimum, so the form
    grows to show the whole panel below the other fields instead of drawing it over them."""

    open_requested = Signal(object)  # CustomerDTO chosen instead of saving a new customer
    save_anyway = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame { background: #fff8e1; }")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.sharing: list[CustomerDTO] = []  # who the warning names, in the buttons' order
        self.open_buttons = [QPushButton(self) for _ in range(SHOWN_SAME_PHONE)]
        for index, button in enumerate(self.open_buttons):
            button.clicked.connect(partial(self._open, index))
        self.save_anyway_button = QPushButton(self.tr("Save &anyway"), self)
        self.save_anyway_button.clicked.connect(self.save_anyway)
        row = QHBoxLayout()
        for button in self.open_buttons:
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.save_anyway_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self.hide()

    def warn(self, others: list[CustomerDTO]) -> None:
        """Names who already has one of the numbers; the clerk opens one of them or saves anyway."""
        self.sharing = others[:SHOWN_SAME_PHONE]
        lines = [
            self.tr("On file with the same number: {name} ({phones})").format(
                name=self._elided(other.name, NAME_IN_TEXT, self.text),
                phones=listed(other.phones),
            )
            for other in self.sharing
        ]
        if len(others) > SHOWN_SAME_PHONE:
            lines.append(self.tr("and {count} more.").format(count=len(others) - SHOWN_SAME_PHONE))
        lines.append(
            self.tr(
                "Families often share a phone: save anyway if this is someone else, or open the "
                "customer on file."
            )
        )
        self.text.setText("\n".join(lines))
        self.text.setToolTip("\n".join(other.name for other in self.sharing))
        for button, other in zip(self.open_buttons, self.sharing, strict=False):
            name = self._elided(other.name, NAMES_ON_BUTTONS // len(self.sharing), button)
            # "&" in a name is shown, not taken for a keyboard shortcut.
            button.setText(self.tr("Open {name}").format(name=name.replace("&", "&&")))
            button.setToolTip(
                self.tr("Open {name}").format(name=other.name) if name != other.name else ""
            )
            button.show()
        for button in self.open_buttons[len(self.sharing) :]:
            button.hide()
        self.save_anyway_button.setEnabled(True)
        self.show()
        self._keep_text_whole()
        self.save_anyway_button.setFocus()

    @staticmethod
    def _elided(name: str, characters: int, widget: QWidget) -> str:
        metrics = widget.fontMetrics()
        return metrics.elidedText(
            name, Qt.TextElideMode.ElideRight, metrics.averageCharWidth() * characters
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._keep_text_whole()

    def _keep_text_whole(self) -> None:
        """A wrapped label only asks for one line's height; ask for all its lines at its width."""
        width = self.text.width()
        if self.isVisible() and width > 0:
            self.text.setMinimumHeight(self.text.heightForWidth(width))

    def _open(self, index: int) -> None:
        self.hide()
        self.open_requested.emit(self.sharing[index])
