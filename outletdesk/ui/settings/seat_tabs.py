"""This seat's own settings, kept in its QSettings: receipt paper, default printer, language."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ..i18n import LANGUAGE_KEY as SEAT_LANGUAGE
from ..print_preview import SEAT_PRINTER
from .forms import add_rows, status_label

SEAT_PAPER = "printing/paper"
DEFAULT_PAPER = "80mm"
LANGUAGES = (("en", "English"), ("zh_CN", "简体中文"))  # each shown in its own language


def seat_text(seat: QSettings, key: str, default: str = "") -> str:
    """A seat setting as text; a missing or empty value gives `default`."""
    return str(seat.value(key, default) or default)


def seat_paper(seat: QSettings) -> str:
    return seat_text(seat, SEAT_PAPER, DEFAULT_PAPER)


def _choose(combo: QComboBox, data: str) -> None:
    combo.setCurrentIndex(max(0, combo.findData(data)))


class PrintingTab(QWidget):
    """This seat's paper size and default printer, stored as soon as they change."""

    def __init__(self, seat: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seat = seat
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("These choices apply to this computer only."), self)
        layout.addWidget(intro)
        self.paper = QComboBox(self)
        for name, text in (
            ("80mm", self.tr("80 mm roll")),
            ("58mm", self.tr("58 mm roll")),
            ("a4", self.tr("A4 sheet")),
        ):
            self.paper.addItem(text, name)
        _choose(self.paper, seat_paper(seat))
        self.paper.currentIndexChanged.connect(self._paper_chosen)

        self.printer = QComboBox(self)
        self.printer.addItem(self.tr("(system default)"), "")
        installed = QPrinterInfo.availablePrinterNames()
        for name in installed:
            self.printer.addItem(name, name)
        chosen = seat_text(seat, SEAT_PRINTER)
        if chosen and chosen not in installed:
            # Keep a choice whose printer is unplugged instead of silently dropping it.
            self.printer.addItem(self.tr("{name} (not found)").format(name=chosen), chosen)
        _choose(self.printer, chosen)
        self.printer.currentIndexChanged.connect(self._printer_chosen)
        form = QFormLayout()
        add_rows(
            form,
            (
                (self.tr("&Paper size for receipts:"), self.paper),
                (self.tr("Default p&rinter:"), self.printer),
            ),
            self,
        )
        layout.addLayout(form)

        self.no_printers = QLabel(
            self.tr(
                "No printers are installed on this computer. Receipts can still be "
                "previewed and saved as PDF."
            ),
            self,
        )
        self.no_printers.setWordWrap(True)
        self.no_printers.setVisible(not installed)
        layout.addWidget(self.no_printers)
        layout.addStretch(1)

    def _paper_chosen(self) -> None:
        self.seat.setValue(SEAT_PAPER, self.paper.currentData())

    def _printer_chosen(self) -> None:
        self.seat.setValue(SEAT_PRINTER, self.printer.currentData())


class LanguageTab(QWidget):
    """The language of this seat's window, applied at the next start."""

    def __init__(self, seat: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seat = seat
        layout = QVBoxLayout(self)
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        _choose(self.language, seat_text(seat, SEAT_LANGUAGE, "en"))
        self.language.currentIndexChanged.connect(self._chosen)
        form = QFormLayout()
        add_rows(form, ((self.tr("&Language on this computer:"), self.language),), self)
        layout.addLayout(form)
        self.notice = status_label(self)
        layout.addWidget(self.notice)
        layout.addStretch(1)

    def _chosen(self) -> None:
        self.seat.setValue(SEAT_LANGUAGE, self.language.currentData())
        self.notice.setText(self.tr("The new language applies when OutletDesk restarts."))
