"""Pick a catalogue part for a work-order line: by SKU, name, a scanned barcode or the device
model it fits, with what is on the shelf at this outlet and at the others; where the outlet has
a van, also where to take it from (the main store or the van, with what each has free)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.parts.locations import LocationDTO
from ...core.parts.order_parts import take_from
from ...core.parts.queries import PartList, PartRow
from ...core.parts.stock import MAIN, Availability
from ..context import AppContext
from ..errors import show_error
from ..formats import money_text
from ..i18n import labelled, listed
from ..table_model import RowsModel, row_table

SEARCH_DELAY_MS = 150
PICKER_LIMIT = 100


class PartPickerDialog(QDialog):
    picked = Signal(object)  # PartRow
    free_text = Signal()  # a part not in the catalogue: an ordinary line

    def __init__(
        self,
        ctx: AppContext,
        outlet_id: int,
        device_model: str = "",
        parent: QWidget | None = None,
        *,
        locations: list[LocationDTO] | None = None,
        location_id: int | None = None,
        for_order: bool = True,
    ) -> None:
        """`for_order`: the part goes on a work order, which may wait for it; upkeep may not."""
        super().__init__(parent)
        self._ctx, self._outlet_id, self._for_order = ctx, outlet_id, for_order
        self._chosen = False
        self._row: PartRow | None = None
        self._places: list[Availability] = []
        # Where to take it from: shown only when the outlet keeps stock in more than one place.
        self._locations = [loc for loc in locations or [] if loc.active]
        self._locations.sort(key=lambda loc: not loc.main)
        self.source = QComboBox(self)
        for loc in self._locations:
            self.source.addItem(self._name(loc), 0 if loc.main else loc.id)  # 0: the main store
        self.source.setCurrentIndex(max(self.source.findData(location_id or 0), 0))
        # What the technician chose (kept for the next part), and whether the picker itself is
        # switching to the main store for a part the chosen van has none of.
        self._preferred = self.source.currentData()
        self._switching = False
        self.source.currentIndexChanged.connect(lambda _i: self._source_chosen())
        self._seq = 0
        self._shown_seq = -1  # the search whose results the list shows
        self._level_seq = 0
        self.setWindowTitle(self.tr("Add a part from stock"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("SKU, name, barcode (scan) or device model"))
        self.search.setClearButtonEnabled(True)
        self.model: RowsModel[PartRow] = RowsModel(
            [
                (self.tr("SKU"), lambda r: r.sku),
                (self.tr("Name"), lambda r: r.name),
                (self.tr("Here"), lambda r: str(r.here)),
                (self.tr("All outlets"), lambda r: str(r.everywhere)),
                (self.tr("Price"), lambda r: money_text(r.sale_price)),
            ],
            self,
            numeric=frozenset({2, 3, 4}),
            warn=lambda r: r.here == 0,
        )
        self.table = row_table(self.model, self, whole={0})
        self.availability = QLabel(self)
        self.availability.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.add_button = buttons.addButton(
            self.tr("&Add line"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.free_button = QPushButton(self.tr("Part &not in the catalogue"), self)
        buttons.addButton(self.free_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.choose)
        buttons.rejected.connect(self.reject)
        self.free_button.clicked.connect(self._free_text)
        from_label = QLabel(self.tr("Take &from:"), self)
        from_label.setBuddy(self.source)
        from_row = QHBoxLayout()
        from_row.addWidget(from_label)
        from_row.addWidget(self.source, 1)
        for widget in (from_label, self.source):
            widget.setVisible(len(self._locations) > 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.availability)
        layout.addLayout(from_row)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        # Enter in the search box is handled here alone: left to the line edit it also reached
        # the dialog's default button, and one Enter added the part twice.
        self.search.installEventFilter(self)
        self.table.activated.connect(lambda _i: self.choose())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_levels())
        self.resize(720, 460)
        self.search.setText(device_model)  # what fits the device on the bench comes first
        self.run_search()

    def run_search(self, then_choose: bool = False) -> None:
        self._timer.stop()
        self._seq += 1
        seq, text = self._seq, self.search.text()
        part_list, actor, outlet = self._ctx.services.part_list, self._ctx.actor, self._outlet_id
        self._ctx.runner.run(
            lambda: part_list.rows(actor, text, outlet_id=outlet, limit=PICKER_LIMIT),
            lambda result: self._show(seq, result, then_choose),
            lambda exc: show_error(self, exc),
        )

    def _show(self, seq: int, result: PartList, then_choose: bool) -> None:
        if seq != self._seq:
            return
        self._shown_seq = seq
        self.model.set_rows(result.rows)
        if result.rows:
            self.table.selectRow(0)
        else:
            self.availability.setText(self.tr("No part in the catalogue matches."))
        self.add_button.setEnabled(bool(result.rows))
        if then_choose and len(result.rows) == 1:
            self.choose()  # a scanned barcode names one part: add it straight away

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._on_return()
            return True
        return super().eventFilter(watched, event)

    def _on_return(self) -> None:
        """Enter: the highlighted part when the list shows what was typed; otherwise search
        first and take the part if exactly one matches (a scanned barcode)."""
        if self._timer.isActive() or self._seq != self._shown_seq:
            self.run_search(then_choose=True)
        else:
            self.choose()

    def selected(self) -> PartRow | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _show_levels(self) -> None:
        row = self.selected()
        if row is None:
            return
        self._level_seq += 1
        seq = self._level_seq
        stock, actor = self._ctx.services.stock, self._ctx.actor
        self._ctx.runner.run(
            lambda: stock.availability(actor, row.id),
            lambda places: self._levels_shown(seq, row, places),
            lambda exc: show_error(self, exc),
        )

    def _name(self, loc: LocationDTO) -> str:
        return self.tr("Main store") if loc.main else loc.name

    def location_id(self) -> int | None:
        """Where the picked part is taken from: a van's id, or None for the main store."""
        return (self.source.currentData() or None) if self.source.count() else None

    def preferred_location_id(self) -> int | None:
        """Where the technician chose to take parts from (the next part starts there), even when
        this part comes from the main store because the van has none."""
        return (self._preferred or None) if self.source.count() else None

    def _source_chosen(self) -> None:
        if not self._switching:
            self._preferred = self.source.currentData()
        self._show_places()

    def _set_source(self, data: int) -> None:
        index = self.source.findData(data)
        if index >= 0 and index != self.source.currentIndex():
            self._switching = True
            try:
                self.source.setCurrentIndex(index)
            finally:
                self._switching = False

    def _levels_shown(self, seq: int, row: PartRow, places: list[Availability]) -> None:
        if seq != self._level_seq:
            return
        self._row, self._places = row, places
        self._show_places()

    def _show_places(self) -> None:
        row, places = self._row, self._places
        if row is None:
            return
        shown = []
        free_at: dict[str, int] = {}
        for a in places:
            if a.outlet_id == self._outlet_id:
                free_at[a.location_code] = a.available
            if not a.on_hand and not (a.outlet_id == self._outlet_id and a.location_code == MAIN):
                continue
            where = (
                a.outlet_code if a.location_code == MAIN else f"{a.outlet_code}/{a.location_code}"
            )
            text = labelled(escape(where), f"<b>{a.available}</b>")
            if a.reserved:
                text += " " + escape(
                    self.tr("({held} held for orders awaiting parts)").format(held=a.reserved)
                )
            shown.append(text)
        text = self.tr("{sku} free to take: {places}").format(
            sku=escape(row.sku), places=listed(shown) or "0"
        )
        for index, loc in enumerate(self._locations):  # each choice says what it has free
            self.source.setItemText(
                index,
                self.tr("{location}: {free} free").format(
                    location=self._name(loc), free=free_at.get(loc.code, 0)
                ),
            )
        preferred = next(
            (loc for loc in self._locations if (0 if loc.main else loc.id) == self._preferred),
            None,
        )
        if preferred is not None and self._for_order:
            # A van with none: the main store, where the order can wait for the part.
            fallback = take_from(preferred.code, free_at) != preferred.code
            self._set_source(0 if fallback else self._preferred)
            if fallback:
                text += "<br>" + escape(
                    self.tr("{location} has no {sku} free: it is taken from the main store.")
                ).format(location=escape(preferred.name), sku=escape(row.sku))
        if self.location_id() is None and free_at.get(MAIN, 0) == 0:
            elsewhere = [
                self._name(loc)
                for loc in self._locations
                if not loc.main and free_at.get(loc.code, 0) > 0
            ]
            if not self._for_order:
                advice = self.tr("None free at this outlet: receive or transfer stock here first.")
            elif elsewhere:
                advice = self.tr(
                    "None free in the main store: save the line and let the order wait for "
                    "parts, or take it from {locations}."
                ).format(locations=listed(elsewhere))
            else:
                advice = self.tr(
                    "None free at this outlet: save the line and let the order wait for parts, "
                    "or transfer stock here first."
                )
            text += "<br><span style='color:#c62828'>" + escape(advice) + "</span>"
        self.availability.setText(text)

    def choose(self) -> None:
        row = self.selected()
        if row is None or self._chosen:  # once: a dialog closing does not pick again
            return
        self._chosen = True
        self.picked.emit(row)
        self.accept()

    def _free_text(self) -> None:
        self.free_text.emit()
        self.accept()
