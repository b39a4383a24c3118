"""The warning before a new customer is saved with a phone number already on file: who has it,
'Open <name>' for each of the first three and 'Save anyway' (families share phones, so a shared
number is never refused). Used by the customer form and by the intake's inline new customer."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core.customers import CustomerDTO
from .i18n import listed

SHOWN_SAME_PHONE = 3  # customers offered to open when a number is already on file


class SamePhonePanel(QFrame):
    """Hidden until `warn(others)`; the form hides it again when a phone is edited."""

    open_requested = Signal(object)  # CustomerDTO chosen instead of saving a new customer
    save_anyway = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame { background: #fff8e1; }")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
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
                name=other.name, phones=listed(other.phones)
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
        for button, other in zip(self.open_buttons, self.sharing, strict=False):
            button.setText(self.tr("Open {name}").format(name=other.name))
            button.show()
        for button in self.open_buttons[len(self.sharing) :]:
            button.hide()
        self.save_anyway_button.setEnabled(True)
        self.show()
        self.save_anyway_button.setFocus()

    def _open(self, index: int) -> None:
        self.hide()
        self.open_requested.emit(self.sharing[index])
