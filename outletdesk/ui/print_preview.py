"""Shows a rendered PDF (receipt, label, report) and prints it at its true size or saves it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QObject,
    QRectF,
    QSettings,
    QSize,
    QSizeF,
)
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..progress import Progress
from .errors import show_error
from .tasks import TaskRunner

SEAT_PRINTER = "printing/printer"
# Thermal heads are 203 dpi and office printers 300-600; more only makes huge bitmaps.
MAX_DPI = 600
MAX_PIXELS = 40_000_000  # per page; a 2 m roll slip at 600 dpi would be far beyond this


class PdfPages:
    """A QPdfDocument loaded from bytes, keeping the buffer it reads from alive as long as itself."""

    def __init__(self, pdf_bytes: bytes, parent: QObject | None = None) -> None:
        self.document = QPdfDocument(parent)
        self._buffer = QBuffer(self.document)
        self._buffer.setData(QByteArray(pdf_bytes))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

    @property
    def ok(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    def page_count(self) -> int:
        return self.document.pageCount()


def print_pdf(pdf_bytes: bytes, printer: QPrinter, progress: Progress | None = None) -> int:
    """Paint every page onto `printer` at the page's own size (an 80 mm slip stays 80 mm).

    Runs on the worker: it loads its own copy of the document so nothing is shared with the view.
    Returns the number of pages printed.
    """
    pages = PdfPages(pdf_bytes)
    if not pages.ok:
        raise ValueError(f"the PDF could not be read ({pages.document.error().name})")
    count = pages.page_count()
    if progress is not None:
        progress.start(count, "print")
    printer.setFullPage(True)
    painter = QPainter()
    try:
        for index in range(count):
            size_pt = pages.document.pagePointSize(index)
            layout = QPageLayout(
                QPageSize(size_pt, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
            printer.setPageLayout(layout)
            if index == 0:
                if not painter.begin(printer):
                    raise OSError("the printer could not be opened")
            elif not printer.newPage():
                raise OSError("the printer refused a new page")
            resolution = printer.resolution()
            target = QRectF(
                0, 0, size_pt.width() * resolution / 72, size_pt.height() * resolution / 72
            )
            image = pages.document.render(index, _bitmap_size(size_pt, min(resolution, MAX_DPI)))
            painter.drawImage(target, image)
            if progress is not None:
                progress.advance()
    finally:
        if painter.isActive():
            painter.end()
    return count


def _bitmap_size(size_pt: QSizeF, dpi: int) -> QSize:
    width, height = size_pt.width() * dpi / 72, size_pt.height() * dpi / 72
    if width * height > MAX_PIXELS:
        scale = (MAX_PIXELS / (width * height)) ** 0.5
        width, height = width * scale, height * scale
    return QSize(max(1, round(width)), max(1, round(height)))


class PrintPreviewDialog(QDialog):
    """A PDF preview with Print… (Ctrl+P), Save as PDF… (Ctrl+S) and Close (Esc).

    Printing and saving run on `runner`, the app's one worker (`ctx.runner`).
    """

    def __init__(
        self,
        pdf_bytes: bytes,
        title: str,
        seat: QSettings,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._bytes = pdf_bytes
        self._title = title
        self._seat = seat
        self._runner = runner
        self._printer: QPrinter | None = None
        self._pages = PdfPages(pdf_bytes, self)

        layout = QVBoxLayout(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self._pages.document)
        layout.addWidget(self.view, 1)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        if not self._pages.ok:
            self.status.setText(self.tr("This document could not be shown."))

        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setToolTip(self.tr("Print (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.save_button.setToolTip(self.tr("Save as PDF (Ctrl+S)"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setToolTip(self.tr("Close (Esc)"))
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        self.print_button.setEnabled(self._pages.ok)
        layout.addWidget(buttons)

        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_document)
        # Esc closes: QDialog maps it to reject().
        self.resize(560, 720)

    def page_count(self) -> int:
        return self._pages.page_count()

    # Printing -------------------------------------------------------------------------------

    def make_printer(self) -> QPrinter:
        """A printer preset to this seat's default printer, if one was chosen in Settings."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        name = str(self._seat.value(SEAT_PRINTER, "") or "")
        if name and name in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(name)
        elif name:
            self.status.setText(
                self.tr("The printer {name} chosen in Settings was not found.").format(name=name)
            )
        printer.setDocName(self._title)
        return printer

    def ask_printer(self, printer: QPrinter) -> bool:
        """The system print dialog; tests replace this method."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {title}").format(title=self._title))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_document(self) -> None:
        if not self._pages.ok or self._printer is not None:
            return
        printer = self.make_printer()
        if not self.ask_printer(printer):
            return
        self._printer = printer  # kept alive until the worker is done with it
        self._set_busy(True)
        self.status.setText(self.tr("Printing…"))
        progress = Progress()
        data = self._bytes
        self._runner.run(
            lambda: print_pdf(data, printer, progress),
            self._printed,
            self._failed,
            progress=progress,
            label=self.tr("Printing {title}…").format(title=self._title),
            parent=self,
        )

    def _printed(self, pages: int) -> None:
        self._printer = None
        self._set_busy(False)
        self.status.setText(self.tr("Pages sent to the printer: {count}").format(count=pages))

    # Saving ---------------------------------------------------------------------------------

    def ask_save_path(self) -> str:
        """The save dialog; returns "" when cancelled. Tests replace this method."""
        suggested = _safe_file_name(self._title) + ".pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), suggested, self.tr("PDF documents (*.pdf)")
        )
        return path

    def save_document(self) -> None:
        path = self.ask_save_path()
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self._set_busy(True)
        data = self._bytes
        self._runner.run(
            lambda: _write_file(target, data),
            self._saved,
            self._failed,
            label=self.tr("Saving {path}…").format(path=target),
            parent=self,
        )

    def _saved(self, target: Path) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("Saved to {path}.").format(path=target))

    def _failed(self, exc: BaseException) -> None:
        self._printer = None
        self._set_busy(False)
        if isinstance(exc, OSError | ValueError):
            self.status.setText(self.tr("Could not finish: {detail}").format(detail=exc))
        else:
            show_error(self, exc)

    def _set_busy(self, busy: bool) -> None:
        self.print_button.setEnabled(not busy and self._pages.ok)
        self.save_button.setEnabled(not busy)


def _write_file(target: Path, data: bytes) -> Path:
    target.write_bytes(data)
    return target


def _safe_file_name(title: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title)
    return "-".join(cleaned.split()) or "document"
