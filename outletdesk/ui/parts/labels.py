"""Bin and part labels (货位标签) for the parts chosen in the catalogue: copies per part, the label
stock, the price or not; rendered on the worker and shown in the print preview to print or save."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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
from ..context import AppContext
from ..errors import translate_core
from ..label_printing import LabelsDialog, label_paper_combo

if TYPE_CHECKING:
    pass

SEAT_PART_LABEL_PAPER = "printing/part_label_paper"
SKU, NAME, HERE, COPIES = range(4)


class PartLabelsDialog(LabelsDialog):
    """Which parts, how many labels of each, on which label stock, with or without the price."""

    def __init__(
        self,
        ctx: AppContext,
        parts: Sequence[PartRow],
        outlet_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._parts, self._outlet_id = list(parts), outlet_id
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
        self.errors.fields.update(
            {"Copies": self.table, "Part": self.table, "Paper size": self.paper}
        )
        buttons = self.button_box()
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
        self.total.setText(self.tr("%n labels", "", total))

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
        self.render(
            lambda progress: part_labels_pdf(
                services, actor, copies, outlet_id, paper, price=price, texts=texts,
                progress=progress,
            ),
            title,
        )  # fmt: skip
