"""Bin and part labels (货位标签) for the parts chosen in the catalogue: copies per part, the label
stock, the price or not; rendered on the worker and shown in the print preview to print or save."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.part_labels import MAX_COPIES
from ...core.parts.queries import PartRow
from ...progress import Progress
from ..context import AppContext
from ..errors import translate_core
from ..label_printing import label_paper_combo, open_preview
from ..settings.forms import FormErrors

if TYPE_CHECKING:
    from ..print_preview import PrintPreviewDialog

SEAT_PART_LABEL_PAPER = "printing/part_label_paper"
SKU, NAME, HERE, COPIES = range(4)


class PartLabelsDialog(QDialog):
    """Which parts, how many labels of each, on which label stock, with or without the price."""

    def __init__(
        self,
        ctx: AppContext,
        parts: Sequence[PartRow],
        outlet_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._parts, self._outlet_id = ctx, list(parts), outlet_id
        self.last_preview: PrintPreviewDialog | None = None
        self.setWindowTitle(self.tr("Print part labels"))

        self.table = QTableWidget(len(self._parts), 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("SKU"), self.tr("Name"), self.tr("Here"), self.tr("Copies")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.copies: list[QSpinBox] = []
        for row, part in enumerate(self._parts):
            self.table.setItem(row, SKU, QTableWidgetItem(part.sku))
            self.table.setItem(row, NAME, QTableWidgetItem(part.name))
            here = QTableWidgetItem(str(part.here))
            here.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, HERE, here)
            spin = QSpinBox(self.table)
            spin.setRange(1, MAX_COPIES)
            self.table.setCellWidget(row, COPIES, spin)
            self.copies.append(spin)
        header = self.table.horizontalHeader()
        for column in (SKU, HERE, COPIES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.one_each = QPushButton(self.tr("&One of each"), self)
        self.per_unit = QPushButton(self.tr("One per &unit on hand"), self)
        self.per_unit.setToolTip(
            self.tr("As many labels of each part as this outlet holds (at least one).")
        )

        self.paper = label_paper_combo(self, ctx.seat, SEAT_PART_LABEL_PAPER)
        self.price = QCheckBox(self.tr("Show the sale &price"), self)
        self.total = QLabel(self)

        form = QFormLayout()
        paper_label = QLabel(self.tr("&Label stock"), self)
        paper_label.setBuddy(self.paper)
        form.addRow(paper_label, self.paper)
        form.addRow("", self.price)
        self.error = QLabel(self)
        self.errors = FormErrors(
            self.error, {"Copies": self.table, "Part": self.table, "Paper size": self.paper}
        )
        buttons = QDialogButtonBox(self)
        self.preview_button = QPushButton(self.tr("&Preview and print…"), self)
        self.preview_button.setDefault(True)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        quick = QHBoxLayout()
        quick.addWidget(self.total, 1)
        quick.addWidget(self.one_each)
        quick.addWidget(self.per_unit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(quick)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.one_each.clicked.connect(lambda: self._set_copies(lambda _p: 1))
        self.per_unit.clicked.connect(lambda: self._set_copies(lambda p: max(1, p.here)))
        for spin in self.copies:
            spin.valueChanged.connect(lambda _v: self._count())
        self._count()
        self.resize(560, min(560, 260 + 32 * len(self._parts)))

    def _set_copies(self, wanted: Callable[[PartRow], int]) -> None:
        for spin, part in zip(self.copies, self._parts, strict=True):
            spin.setValue(min(MAX_COPIES, wanted(part)))

    def _count(self) -> None:
        total = sum(spin.value() for spin in self.copies)
        self.total.setText(self.tr("{count} labels").format(count=total))

    def wanted(self) -> dict[int, int]:
        """{part id: copies} in the order shown."""
        return {part.id: spin.value() for part, spin in zip(self._parts, self.copies, strict=True)}

    def preview(self) -> None:
        from ...core.part_labels import LABEL_WORDS, part_labels_pdf

        services, actor, outlet_id = self._ctx.services, self._ctx.actor, self._outlet_id
        copies, paper, price = self.wanted(), self.paper.currentData(), self.price.isChecked()
        texts = {key: translate_core(english) for key, english in LABEL_WORDS.items()}
        self._ctx.seat.setValue(SEAT_PART_LABEL_PAPER, paper)
        if len(self._parts) == 1:
            title = self.tr("Labels {sku}").format(sku=self._parts[0].sku)
        else:
            title = self.tr("Part labels")
        progress = Progress()
        self.errors.clear()
        self.preview_button.setEnabled(False)
        self._ctx.runner.run(
            lambda: part_labels_pdf(
                services, actor, copies, outlet_id, paper, price=price, texts=texts,
                progress=progress,
            ),
            lambda pdf: self._rendered(pdf, title),
            self._failed,
            progress=progress,
            label=self.tr("Preparing the labels…"),
            parent=self,
        )  # fmt: skip

    def _rendered(self, pdf: bytes, title: str) -> None:
        self.preview_button.setEnabled(True)
        self.show_preview(pdf, title)

    def _failed(self, exc: BaseException) -> None:
        self.preview_button.setEnabled(True)
        self.errors.show(exc, self)

    def show_preview(self, pdf: bytes, title: str) -> None:
        """Opens the preview (Print…, Save as PDF…); tests replace this."""
        self.last_preview = open_preview(self._ctx, pdf, title, self)
