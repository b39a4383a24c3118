"""What every "Export to Excel…" button shares: the file question, and running with progress."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ..progress import Progress
from .context import AppContext
from .errors import show_error


def ask_xlsx_path(parent: QWidget, title: str, default_name: str) -> str:
    """A save-as question for a workbook; the .xlsx ending is added when left out."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        default_name,
        QCoreApplication.translate("exporting", "Excel workbook (*.xlsx)"),
    )
    from ..export.xlsx import with_xlsx_suffix  # openpyxl only once something is exported

    return str(with_xlsx_suffix(path)) if path else ""


def run_export(
    ctx: AppContext,
    parent: QWidget,
    export: Callable[[Progress], int],
    finished: Callable[[int], None],
    label: str,
) -> None:
    """On the worker, with delayed progress and Cancel; `finished(count)` on success."""
    progress = Progress()
    ctx.runner.run(
        lambda: export(progress),
        finished,
        lambda exc: show_error(parent, exc),
        progress=progress,
        label=label,
        parent=parent,
    )
