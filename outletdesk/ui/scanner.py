"""Recognises a keyboard-wedge barcode scanner: a burst of fast keystrokes ending with Enter.

While a dialog is open the scan belongs to it: its field gets the code and the Enter (a receiving
or picking dialog reads scans itself), and the window behind it does not search for the code."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

MAX_GAP_S = 0.05  # people type slower than 50 ms between keys; scanners much faster
MIN_LENGTH = 4


class ScannerFilter(QObject):
    """Application-wide event filter; emits `scanned(code)` and swallows the scanner's Enter."""

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, clock=time.monotonic) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._clock = clock
        self._buffer = ""
        self._last = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or watched is not QApplication.focusWidget():
            return False
        if QApplication.activeModalWidget() is not None:
            self._buffer = ""
            return False
        assert isinstance(event, QKeyEvent)
        now = self._clock()
        fast = now - self._last <= MAX_GAP_S
        self._last = now
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            code, self._buffer = self._buffer, ""
            if fast and len(code) >= MIN_LENGTH:
                self.scanned.emit(code)
                return True
            return False
        text = event.text()
        if (
            text
            and text.isprintable()
            and not event.modifiers()
            & ~Qt.KeyboardModifier.ShiftModifier
            & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self._buffer = self._buffer + text if fast else text
        else:
            self._buffer = ""
        return False


class ScanField(QLineEdit):
    """A line edit in a dialog that a scanner types into: its Enter is the end of a code, so it
    does not also press the dialog's default button."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
