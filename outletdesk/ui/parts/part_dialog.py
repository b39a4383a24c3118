"""A part in the catalogue: SKU, name, category, unit, prices, supplier, barcodes, fitted models."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.parts.catalogue import DEFAULT_UNIT, PartDTO, PartInput, stored_unit, unit_word
from ..context import AppContext
from ..errors import translate_core
from ..settings.forms import FormErrors, add_rows, save_cancel_buttons

_LIST_SPLIT = re.compile(r"[;,，；\n]")


def split_list(text: str) -> tuple[str, ...]:
    """'A; B, C' → ('A', 'B', 'C'): barcodes and models are typed as one list."""
    return tuple(piece.strip() for piece in _LIST_SPLIT.split(text) if piece.strip())


class PartDialog(QDialog):
    saved = Signal(object)  # PartDTO

    def __init__(
        self,
        ctx: AppContext,
        part: PartDTO | None,
        suppliers: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx, self._part = ctx, part
        self.setWindowTitle(
            self.tr("New part")
            if part is None
            else self.tr("Edit part – {sku}").format(sku=part.sku)
        )
        self.sku = QLineEdit(self)
        self.name = QLineEdit(self)
        self.category = QLineEdit(self)
        self.unit = QLineEdit(unit_word(DEFAULT_UNIT, translate_core), self)
        self._unit_was: str | None = None  # the part's stored unit, when editing one
        self.cost = QLineEdit("0.00", self)
        self.sale = QLineEdit("0.00", self)
        self.supplier = QComboBox(self)
        self.supplier.addItem(self.tr("(none)"), None)
        for supplier_id, name in suppliers:
            self.supplier.addItem(name, supplier_id)
        self.barcodes = QLineEdit(self)
        self.barcodes.setPlaceholderText(self.tr("scan or type; several separated by ;"))
        self.models = QLineEdit(self)
        self.models.setPlaceholderText(self.tr("iPhone 12; iPhone 12 Pro"))
        form = QFormLayout()
        add_rows(
            form,
            [
                (self.tr("&SKU"), self.sku),
                (self.tr("&Name"), self.name),
                (self.tr("&Category"), self.category),
                (self.tr("&Unit"), self.unit),
                (self.tr("C&ost price"), self.cost),
                (self.tr("Sa&le price"), self.sale),
                (self.tr("Su&pplier"), self.supplier),
                (self.tr("&Barcodes"), self.barcodes),
                (self.tr("&Fits models"), self.models),
            ],
            self,
        )
        self.error = QLabel(self)
        self.errors = FormErrors(
            self.error,
            {
                "SKU": self.sku,
                "Part name": self.name,
                "Category": self.category,
                "Unit": self.unit,
                "Cost price": self.cost,
                "Sale price": self.sale,
                "Supplier": self.supplier,
                "Barcode": self.barcodes,
                "Fits models": self.models,
            },
        )
        buttons = save_cancel_buttons(self, self.submit)
        self.save_button = buttons.button(buttons.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if part is not None:
            self.sku.setText(part.sku)
            self.name.setText(part.name)
            self.category.setText(part.category)
            self.unit.setText(unit_word(part.unit, translate_core))
            self._unit_was = part.unit
            self.cost.setText(str(part.cost_price))
            self.sale.setText(str(part.sale_price))
            self.supplier.setCurrentIndex(max(0, self.supplier.findData(part.supplier_id)))
            self.barcodes.setText("; ".join(part.barcodes))
            self.models.setText("; ".join(part.models))
        self.resize(480, 0)

    def input(self) -> PartInput:
        return PartInput(
            sku=self.sku.text(),
            name=self.name.text(),
            category=self.category.text(),
            unit=stored_unit(self.unit.text(), translate_core, self._unit_was),
            cost_price=self.cost.text(),
            sale_price=self.sale.text(),
            supplier_id=self.supplier.currentData(),
            barcodes=split_list(self.barcodes.text()),
            models=split_list(self.models.text()),
        )

    def submit(self) -> None:
        data, part = self.input(), self._part
        catalogue, actor = self._ctx.services.catalogue, self._ctx.actor
        if part is None:
            work = lambda: catalogue.create_part(actor, data)  # noqa: E731
        else:
            work = lambda: catalogue.update_part(actor, part.id, part.version, data)  # noqa: E731
        self.errors.clear()
        self.save_button.setEnabled(False)
        self._ctx.runner.run(work, self._saved, self._failed)

    def _saved(self, result: tuple[PartDTO, object]) -> None:
        part, changes = result
        self._ctx.bus.publish(changes)  # type: ignore[arg-type]
        self.saved.emit(part)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show(exc, self)
