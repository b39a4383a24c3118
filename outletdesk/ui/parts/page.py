"""Parts & stock: the catalogue with what is on the shelf here and elsewhere, a part's stock and
movements, the store room's actions on it, the low-stock list and transfers to receive."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Permission
from ...core.changes import Changes
from ...core.outlets import OutletDTO
from ...core.parts.catalogue import PartDTO, unit_word
from ...core.parts.ledger import place_label
from ...core.parts.locations import LocationDTO
from ...core.parts.queries import PartList, PartRow
from ...core.parts.stock import MAIN, MovementDTO, ReorderLine, StockLevel, TransferDTO
from ..context import AppContext
from ..errors import show_error, translate_core
from ..flow import FlowLayout
from ..formats import local_datetime, money_text
from ..i18n import labelled, listed
from ..settings.forms import allow_button
from ..table_model import (
    PICKER_MAX_WIDTH,
    DetailsBrowser,
    RowsModel,
    html_table,
    list_and_details,
    row_table,
    title_and_search,
)
from .exports import PartsExports
from .locations import location_label
from .part_dialog import PartDialog
from .purchase_orders import PurchaseOrdersTab
from .stock_dialogs import StockAction, StockActionDialog
from .stocktake import StocktakeTab

SEARCH_DELAY_MS = 150
MOVEMENTS_SHOWN = 30
DETAILS_MIN_WIDTH = 420


class PartsPage(QWidget):
    part_shown = Signal(int)  # part id, once its details are on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._seq = 0
        self._detail_seq = 0
        self.outlets: list[OutletDTO] = []
        self.locations: list[LocationDTO] = []  # every outlet's, in use
        self.suppliers: list[tuple[int, str]] = []
        self.detail: tuple[PartDTO, list[StockLevel], list[MovementDTO]] | None = None
        self.can_manage = ctx.actor.can(Permission.MANAGE_STOCK)
        why_not = self.tr("Only a manager or an admin may change stock or the catalogue.")

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Search by SKU, name, barcode or the model it fits (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        # The pickers are as wide as their longest entry ("S – South Mall Service 南城服务点").
        self.outlet = QComboBox(self)
        self.outlet.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.outlet.setMaximumWidth(PICKER_MAX_WIDTH)
        self.outlet.setToolTip(self.tr("Whose shelf the numbers and actions are for"))
        self.location = QComboBox(self)
        self.location.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.location.setMaximumWidth(PICKER_MAX_WIDTH)
        self.location.setToolTip(
            self.tr("Which of the outlet's locations: its main store, a van or a second room")
        )
        self.locations_button = QPushButton(self.tr("Locati&ons…"), self)
        self.locations_button.setToolTip(self.tr("Add a van or a second store room"))
        self.new_button = QPushButton(self.tr("&New part…"), self)
        allow_button(self.new_button, self.can_manage, why_not)
        # Import, export, labels, suppliers and retiring a part (ui/parts/import_dialog.py,
        # exports.py, labels.py, suppliers.py); their slots are under "import, export, ...".
        self.import_button = QPushButton(self.tr("I&mport…"), self)
        self.import_button.setToolTip(self.tr("Load parts from a supplier's spreadsheet"))
        allow_button(self.import_button, self.can_manage, why_not)
        self.exports = PartsExports(
            ctx, self, self.current_outlet, lambda: self.outlets, self._selected_part
        )
        self.export_button = QPushButton(self.tr("E&xport"), self)
        self.export_button.setMenu(self.exports.menu())
        allow_button(self.export_button, self.exports.allowed, self.exports.why_not)
        self.labels_button = QPushButton(self.tr("&Labels…"), self)
        self.labels_button.setToolTip(
            self.tr(
                "Print bin labels for the selected parts (Ctrl or Shift + click selects several)"
            )
        )
        self.suppliers_button = QPushButton(self.tr("S&uppliers…"), self)
        self.retire_button = QPushButton(self.tr("Retire part"), self)
        self.show_retired = QCheckBox(self.tr("Show retired parts"), self)

        self.model: RowsModel[PartRow] = RowsModel(
            [
                ("sku", self.tr("SKU"), lambda r: r.sku),
                ("name", self.tr("Name"), self._part_name),
                ("bin", self.tr("Bin"), lambda r: r.bin),
                ("here", self.tr("Here"), lambda r: str(r.here)),
                ("all_outlets", self.tr("All outlets"), lambda r: str(r.everywhere)),
                ("minimum", self.tr("Minimum"), lambda r: str(r.min_level) if r.min_level else ""),
                ("sale_price", self.tr("Sale price"), lambda r: money_text(r.sale_price)),
            ],
            self,
            numeric=frozenset({3, 4, 5, 6}),
            warn=lambda r: r.low,
        )
        self.table = row_table(self.model, self, whole={0, 2}, seat=(ctx.seat, "parts"))  # SKU, bin
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # labels
        self.count_label = QLabel(self)

        self.details = DetailsBrowser(self)
        self.details.setOpenLinks(False)
        # Room for a movement line at 1024 pixels: the list scrolls sideways before the details squeeze.
        self.details.setMinimumWidth(DETAILS_MIN_WIDTH)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.receive_button = QPushButton(self.tr("&Receive…"), self)
        self.adjust_button = QPushButton(self.tr("&Adjust…"), self)
        self.scrap_button = QPushButton(self.tr("Scra&p…"), self)
        self.move_button = QPushButton(self.tr("&Move…"), self)
        self.move_button.setToolTip(
            self.tr("Between this outlet's locations: main store, van, second room")
        )
        self.transfer_button = QPushButton(self.tr("&Transfer…"), self)
        self.levels_button = QPushButton(self.tr("Shelf && &reorder…"), self)
        self.action_buttons = {
            StockAction.RECEIVE: self.receive_button,
            StockAction.ADJUST: self.adjust_button,
            StockAction.SCRAP: self.scrap_button,
            StockAction.MOVE: self.move_button,
            StockAction.TRANSFER: self.transfer_button,
            StockAction.LEVELS: self.levels_button,
        }
        for button in (self.edit_button, self.retire_button, *self.action_buttons.values()):
            allow_button(button, self.can_manage, why_not)
        buttons = QGridLayout()
        grid = (self.edit_button, self.retire_button, *self.action_buttons.values())
        for n, button in enumerate(grid):
            buttons.addWidget(button, n // 2, n % 2)
        splitter = list_and_details(
            self, self.table, (self.count_label, self.show_retired), self.details, buttons,
            (600, 440),  # the details need room for a movement line in one row
        )  # fmt: skip

        self.low_model: RowsModel[ReorderLine] = RowsModel(
            [
                ("sku", self.tr("SKU"), lambda r: r.sku),
                ("name", self.tr("Name"), lambda r: r.name),
                ("on_hand", self.tr("On hand"), lambda r: str(r.on_hand)),
                ("on_order", self.tr("On order"), lambda r: str(r.on_order)),
                ("in_transit", self.tr("In transit"), lambda r: str(r.on_the_way)),
                (
                    "for_waiting_repairs",
                    self.tr("For waiting repairs"),
                    lambda r: str(r.for_orders or ""),
                ),
                ("minimum", self.tr("Minimum"), lambda r: str(r.min_level)),
                ("order", self.tr("Order"), lambda r: str(r.suggested)),
                ("supplier", self.tr("Supplier"), self._supplier_name),
            ],
            self,
            numeric=frozenset({2, 3, 4, 5, 6, 7}),
        )
        self.low_table = row_table(self.low_model, self, whole={0}, seat=(ctx.seat, "low_stock"))
        self.low_label = QLabel(self)
        self.low_label.setWordWrap(True)  # a long explanation must not widen the window
        low_page = QWidget(self)
        low_layout = QVBoxLayout(low_page)
        low_layout.addWidget(self.low_label)
        low_layout.addWidget(self.low_table, 1)
        self.draft_order_button = QPushButton(self.tr("&Draft purchase order…"), self)
        allow_button(
            self.draft_order_button, self.can_manage, why_not
        )  # the Purchase orders tab wires it
        low_layout.addWidget(self.draft_order_button, 0, Qt.AlignmentFlag.AlignRight)

        self.transfer_model: RowsModel[TransferDTO] = RowsModel(
            [
                ("sent", self.tr("Sent"), lambda t: local_datetime(t.sent_at)),
                ("sku", self.tr("SKU"), lambda t: t.sku),
                ("from", self.tr("From"), lambda t: t.from_outlet),
                ("quantity", self.tr("Quantity"), lambda t: str(t.quantity)),
                ("sent_by", self.tr("Sent by"), lambda t: t.sent_by),
                ("note", self.tr("Note"), lambda t: t.note),
            ],
            self,
            numeric=frozenset({3}),
            warn=None,
        )
        self.transfer_table = row_table(
            self.transfer_model, self, stretch=5, whole={0, 1, 2}, seat=(ctx.seat, "transfers")
        )
        self.transfer_label = QLabel(self)
        self.receive_transfer_button = QPushButton(self.tr("Book &in the selected transfer"), self)
        allow_button(self.receive_transfer_button, self.can_manage, why_not)
        transfer_page = QWidget(self)
        transfer_layout = QVBoxLayout(transfer_page)
        transfer_layout.addWidget(self.transfer_label)
        transfer_layout.addWidget(self.transfer_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.receive_transfer_button)
        transfer_layout.addLayout(row)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(splitter, self.tr("Catalogue"))
        self.tabs.addTab(low_page, self.tr("Low stock"))
        self.tabs.addTab(transfer_page, self.tr("Transfers to book in"))
        self.tabs.addTab(PurchaseOrdersTab(ctx, self), self.tr("Purchase orders"))

        self.tabs.addTab(StocktakeTab(ctx, self), self.tr("Stocktake"))

        head = title_and_search(self, self.tr("Parts & stock"), self.search)
        top = FlowLayout()  # one row at 1280 pixels, two on a 1024-pixel screen
        top.addWidget(self.outlet)
        top.addWidget(self.location)
        top.addWidget(self.new_button)
        for button in (self.import_button, self.export_button, self.labels_button,
                       self.suppliers_button, self.locations_button):  # fmt: skip
            top.addWidget(button)
        top.spring(self)
        layout = QVBoxLayout(self)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #2e7d32; font-weight: 600;")
        self.notice.hide()
        layout.addLayout(head)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(lambda: self.run_search(open_single=True))
        self.outlet.currentIndexChanged.connect(lambda _i: self._outlet_changed())
        self.location.currentIndexChanged.connect(lambda _i: self.run_search())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.show_selected())
        self.table.activated.connect(lambda _i: self.edit_selected())
        self.new_button.clicked.connect(self.new_part)
        self.import_button.clicked.connect(self.import_catalogue)
        self.labels_button.clicked.connect(self.print_labels)
        self.suppliers_button.clicked.connect(self.open_suppliers)
        self.locations_button.clicked.connect(self.open_locations)
        self.retire_button.clicked.connect(self.toggle_active)
        self.show_retired.toggled.connect(lambda _on: self.run_search())
        self.edit_button.clicked.connect(self.edit_selected)
        for action, button in self.action_buttons.items():
            button.clicked.connect(lambda _c=False, a=action: self.open_action(a))
        self.receive_transfer_button.clicked.connect(self.receive_selected_transfer)
        self.transfer_table.selectionModel().currentRowChanged.connect(
            lambda *_a: self._enable_buttons()
        )
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        ctx.bus.changed.connect(self.refresh)
        self._enable_buttons()
        self.details.setHtml(self.tr("Select a part to see its stock and movements."))
        self._load_lists()

    # ------------------------------------------------------------ loading

    def _load_lists(self) -> None:
        """Outlets and suppliers (for the pickers), then the list."""
        services, actor = self._ctx.services, self._ctx.actor
        self._ctx.runner.run(
            lambda: (
                services.outlets.list(),
                services.catalogue.suppliers(actor),
                services.locations.list(actor),
            ),
            self._lists_loaded,
            lambda exc: show_error(self, exc),
        )

    def _lists_loaded(self, result: tuple[list[OutletDTO], list[Any], list[LocationDTO]]) -> None:
        self.outlets = result[0]
        self.suppliers = [(s.id, s.name) for s in result[1]]
        self.locations = result[2]
        chosen = self.outlet.currentData()
        if chosen is None:
            chosen = self._ctx.actor.outlet_id
        self.outlet.blockSignals(True)
        self.outlet.clear()
        for o in self.outlets:
            self.outlet.addItem(f"{o.code} – {o.name}", o.id)
        self.outlet.setCurrentIndex(max(0, self.outlet.findData(chosen)))
        self.outlet.blockSignals(False)
        self._fill_locations()
        self.reload()

    def _outlet_changed(self) -> None:
        self._fill_locations()
        self.reload()

    def _fill_locations(self) -> None:
        """The chosen outlet's locations, keeping the one chosen if it is still in use."""
        chosen, outlet_id = self.location.currentData(), self.outlet_id()
        self.location.blockSignals(True)
        self.location.clear()
        for loc in self.outlet_locations():
            self.location.addItem(location_label(loc, self.tr("Main store")), loc.id)
        self.location.setCurrentIndex(max(0, self.location.findData(chosen)))
        self.location.blockSignals(False)
        # One location (the main store) needs no picker; Locations… adds a van or a room.
        self.location.setVisible(self.location.count() > 1)
        self.locations_button.setEnabled(outlet_id is not None)

    def outlet_locations(self) -> list[LocationDTO]:
        outlet_id = self.outlet_id()
        return [loc for loc in self.locations if loc.outlet_id == outlet_id]

    def outlet_id(self) -> int | None:
        data = self.outlet.currentData()
        return int(data) if data is not None else self._ctx.actor.outlet_id

    def current_location(self) -> LocationDTO | None:
        """The location chosen in the picker (the outlet's main store unless a van or room is)."""
        data = self.location.currentData()
        return next((loc for loc in self.locations if loc.id == data), None)

    def location_id(self) -> int | None:
        """The chosen location, or None for the outlet's main store."""
        chosen = self.current_location()
        return chosen.id if chosen is not None and not chosen.main else None

    def where_name(self) -> str:
        """The outlet's name, and the location's when it is not the main store."""
        outlet, location = self.current_outlet(), self.current_location()
        return place_label(
            outlet.name if outlet is not None else "",
            location.name if location is not None else None,
            location is None or location.main,
        )

    def current_outlet(self) -> OutletDTO | None:
        chosen = self.outlet_id()
        return next((o for o in self.outlets if o.id == chosen), None)

    def reload(self) -> None:
        self.run_search()
        self._load_low_stock()
        self._load_transfers()

    def refresh(self, changes: Changes) -> None:
        # Parts too: a supplier added (in Suppliers… or by an import) joins the pickers.
        # Work-order saves that take, return or hold stock say parts=True; the others leave
        # this page alone.
        if changes.outlets or changes.database or changes.parts:
            self._load_lists()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def handle_scan(self, code: str) -> bool:
        """A scanned barcode or SKU finds the part; the only match opens its details. The tab on
        screen takes the scan first if it wants it (an open stocktake counts it)."""
        tab_scan = getattr(self.tabs.currentWidget(), "handle_scan", None)
        if tab_scan is not None and tab_scan(code):
            return True
        self.tabs.setCurrentIndex(0)
        self.search.setText(code)
        self.run_search(open_single=True)
        return True

    def run_search(self, open_single: bool = False) -> None:
        self._timer.stop()
        self._seq += 1
        seq, text, outlet_id = self._seq, self.search.text(), self.outlet_id()
        retired, location_id = self.show_retired.isChecked(), self.location_id()
        part_list, actor = self._ctx.services.part_list, self._ctx.actor
        self._ctx.runner.run(
            lambda: part_list.rows(
                actor, text, outlet_id=outlet_id, location_id=location_id, include_inactive=retired
            ),
            lambda result: self._show_rows(seq, result, open_single),
            lambda exc: show_error(self, exc),
        )

    def _show_rows(self, seq: int, result: PartList, open_single: bool) -> None:
        if seq != self._seq:
            return  # a newer search is on its way
        keep = self.selected()
        self.model.set_rows(result.rows)
        if result.more:
            text = self.tr("Showing the first {count} parts; type more to narrow the search.")
        else:
            text = self.tr("%n parts", "", len(result.rows))
        self.count_label.setText(text.format(count=len(result.rows)))
        ids = [r.id for r in result.rows]
        if keep is not None and keep.id in ids:
            self.table.selectRow(ids.index(keep.id))
        elif result.rows:
            self.table.selectRow(0)
        else:
            self.show_selected()
        if open_single and len(result.rows) == 1:
            self.table.setFocus()

    def selected(self) -> PartRow | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def show_selected(self) -> None:
        row = self.selected()
        self._detail_seq += 1
        seq = self._detail_seq
        if row is None:
            self.detail = None
            self.details.setHtml(self.tr("Select a part to see its stock and movements."))
            self._enable_buttons()
            return
        services, actor = self._ctx.services, self._ctx.actor
        self._ctx.runner.run(
            lambda: (
                services.catalogue.get(actor, row.id),
                services.stock.levels(actor, row.id),
                services.stock.movements(actor, row.id, limit=MOVEMENTS_SHOWN),
            ),
            lambda result: self._show_detail(seq, result),
            lambda exc: show_error(self, exc),
        )

    def _show_detail(
        self, seq: int, result: tuple[PartDTO, list[StockLevel], list[MovementDTO]]
    ) -> None:
        if seq != self._detail_seq:
            return
        self.detail = result
        part, levels, movements = result
        self.details.setHtml(self._detail_html(part, levels, movements))
        self._enable_buttons()
        self.part_shown.emit(part.id)

    def _detail_html(
        self, part: PartDTO, levels: list[StockLevel], movements: list[MovementDTO]
    ) -> str:
        def field(label: str, value: str) -> str:
            return f"<tr><td style='color:#666'>{escape(label)}</td><td>{escape(value)}</td></tr>"

        supplier = self._supplier_name_of(part.supplier_id)
        html = [f"<h3>{escape(part.name)}</h3><table cellspacing='3'>"]
        html.append(field(self.tr("SKU"), part.sku))
        if part.category:
            html.append(field(self.tr("Category"), part.category))
        html.append(field(self.tr("Unit"), unit_word(part.unit, translate_core)))
        html.append(field(self.tr("Cost price"), money_text(part.cost_price)))
        html.append(field(self.tr("Sale price"), money_text(part.sale_price)))
        if supplier:
            html.append(field(self.tr("Supplier"), supplier))
        if part.barcodes:
            html.append(field(self.tr("Barcodes"), listed(part.barcodes)))
        if part.models:
            html.append(field(self.tr("Fits models"), listed(part.models)))
        if not part.active:
            html.append(field(self.tr("Status"), self.tr("No longer stocked")))
        html.append("</table>")
        stock_title = self.tr("Stock")
        html.append(f"<h4>{escape(stock_title)}</h4>")
        if levels:
            head = (self.tr("Outlet"), self.tr("Bin"), self.tr("On hand"), self.tr("Minimum"),
                    self.tr("Avg cost"), self.tr("Value"))  # fmt: skip
            html.append(html_table(head, [
                (_where(lv), lv.bin, str(lv.on_hand), str(lv.min_level or ""), money_text(lv.avg_cost),
                 money_text(lv.value))
                for lv in levels
            ], numeric={2, 3, 4, 5}, whole={0, 1}))  # fmt: skip
            total = sum((lv.value for lv in levels), Decimal("0.00"))
            html.append(
                "<p>"
                + escape(self.tr("Total value: {value}").format(value=money_text(total)))
                + "</p>"
            )
        else:
            html.append("<p style='color:#666'>" + escape(self.tr("Never stocked.")) + "</p>")
        movements_title = self.tr("Latest movements")
        html.append(f"<h4>{escape(movements_title)}</h4>")
        if movements:
            head = (self.tr("Date"), self.tr("Where"), self.tr("What"), self.tr("Qty"),
                    self.tr("Balance"), self.tr("Who, why"))  # fmt: skip
            where = {lv.location_id: _where(lv) for lv in levels}
            html.append(html_table(head, [
                (local_datetime(m.at)[:10], where.get(m.location_id, ""), self._kind_label(m.kind),
                 f"{m.quantity:+d}", str(m.balance),
                 labelled(m.username, m.reason) if m.reason else m.username)
                for m in movements
            ], numeric={3, 4}, whole={0, 1, 2}))  # fmt: skip
        else:
            html.append("<p style='color:#666'>" + escape(self.tr("No movements yet.")) + "</p>")
        return "".join(html)

    def _kind_label(self, kind: str) -> str:
        labels = {
            "receive": self.tr("Received"),
            "issue": self.tr("To repair"),
            "return": self.tr("Back from repair"),
            "adjust": self.tr("Adjusted"),
            "transfer_out": self.tr("Sent"),
            "transfer_in": self.tr("Arrived"),
            "stocktake": self.tr("Stocktake"),
            "scrap": self.tr("Scrapped"),
        }
        return labels.get(str(kind), str(kind))

    def _supplier_name_of(self, supplier_id: int | None) -> str:
        return next((name for sid, name in self.suppliers if sid == supplier_id), "")

    def _supplier_name(self, line: ReorderLine) -> str:
        return self._supplier_name_of(line.supplier_id)

    def _enable_buttons(self) -> None:
        ready = self.can_manage and self.detail is not None
        for button in (self.edit_button, self.retire_button, *self.action_buttons.values()):
            button.setEnabled(ready)
        self.labels_button.setEnabled(self.detail is not None)
        retired = self.detail is not None and not self.detail[0].active
        self.retire_button.setText(self.tr("Stock a&gain") if retired else self.tr("Retire part"))
        if self.can_manage:
            self.retire_button.setToolTip(
                self.tr("Back in the pick lists")
                if retired
                else self.tr("Off the pick lists; its stock history stays")
            )
        self.receive_transfer_button.setEnabled(
            self.can_manage and self.transfer_table.currentIndex().isValid()
        )

    # ------------------------------------------------------------ low stock, transfers

    def _load_low_stock(self) -> None:
        stock, actor, outlet_id = self._ctx.services.stock, self._ctx.actor, self.outlet_id()
        if outlet_id is None:
            return
        self._ctx.runner.run(
            lambda: stock.low_stock(actor, outlet_id),
            self._show_low_stock,
            lambda exc: show_error(self, exc),
        )

    def _show_low_stock(self, lines: list[ReorderLine]) -> None:
        self.low_model.set_rows(lines)
        self.tabs.setTabText(1, self.tr("Low stock ({count})").format(count=len(lines)))
        self.low_label.setText(
            self.tr(
                "Parts whose stock here, with what is on order and in transit, less what "
                "repairs awaiting parts need, is below the minimum; 'Order' is the suggested "
                "quantity."
            )
            if lines
            else self.tr("Nothing is below its minimum level at this outlet.")
        )

    def _load_transfers(self) -> None:
        stock, actor, outlet_id = self._ctx.services.stock, self._ctx.actor, self.outlet_id()
        if outlet_id is None:
            return
        self._ctx.runner.run(
            lambda: stock.in_transit(actor, outlet_id),
            self._show_transfers,
            lambda exc: show_error(self, exc),
        )

    def _show_transfers(self, transfers: list[TransferDTO]) -> None:
        self.transfer_model.set_rows(transfers)
        self.tabs.setTabText(
            2, self.tr("Transfers to book in ({count})").format(count=len(transfers))
        )
        self.transfer_label.setText(
            self.tr("Parts sent to this outlet; book them in when they arrive.")
            if transfers
            else self.tr("No parts are on their way to this outlet.")
        )
        if transfers:
            self.transfer_table.selectRow(0)
        self._enable_buttons()

    def say(self, text: str) -> None:
        """A line above the tabs until the next one (e.g. which repairs a delivery unblocks)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def receive_selected_transfer(self) -> None:
        index = self.transfer_table.currentIndex()
        if not index.isValid() or not self.can_manage:
            return
        transfer = self.transfer_model.rows[index.row()]
        stock, actor = self._ctx.services.stock, self._ctx.actor
        self.receive_transfer_button.setEnabled(False)

        def book_in() -> tuple[Any, ...]:
            moved, changes = stock.receive_transfer(actor, transfer.id, transfer.version)
            waiting = stock.waiting_for(actor, transfer.part_id, self_outlet)
            return moved, changes, [w.number for w in waiting if w.ready]

        def booked(result: tuple[Any, ...]) -> None:
            ready = result[2]
            self.say(
                self.tr(
                    "Booked in. Repairs waiting for this part can now continue: {orders}"
                ).format(orders=listed(ready))
                if ready
                else ""
            )
            self._ctx.bus.publish(result[1])

        self_outlet = self.outlet_id()
        self._ctx.runner.run(book_in, booked, lambda exc: (show_error(self, exc), self.reload()))

    # ------------------------------------------------------------ dialogs

    def new_part(self) -> None:
        if not self.can_manage:
            return
        dialog = PartDialog(self._ctx, None, self.suppliers, self)
        dialog.saved.connect(self._select_saved)
        self.open_dialog(dialog)

    def edit_selected(self) -> None:
        if not self.can_manage or self.detail is None:
            return
        dialog = PartDialog(self._ctx, self.detail[0], self.suppliers, self)
        dialog.saved.connect(self._select_saved)
        self.open_dialog(dialog)

    def _select_saved(self, part: PartDTO) -> None:
        self.search.setText(part.sku)
        self.run_search()

    def open_action(self, action: StockAction) -> StockActionDialog | None:
        outlet = self.current_outlet()
        if not self.can_manage or self.detail is None or outlet is None:
            return None
        part, levels, _ = self.detail
        location = self.current_location()
        level = next(
            (
                lv
                for lv in levels
                if (lv.location_id == location.id if location is not None else
                    lv.outlet_code == outlet.code and lv.location_code == MAIN)
            ),
            None,
        )  # fmt: skip
        dialog = StockActionDialog(
            self._ctx, action, part, outlet, level=level, outlets=self.outlets,
            suppliers=self.suppliers, location=location, locations=self.outlet_locations(),
            parent=self,
        )  # fmt: skip
        dialog.notice.connect(self.say)
        self.open_dialog(dialog)
        return dialog

    def open_dialog(self, dialog: QWidget) -> None:
        dialog.open()  # type: ignore[attr-defined]

    # ------------------------------------------------------------ import, export, labels, suppliers

    def import_catalogue(self) -> QWidget | None:
        if not self.can_manage:
            return None
        from .import_dialog import CatalogueImportDialog

        dialog = CatalogueImportDialog(self._ctx, self.current_outlet(), self)
        self.open_dialog(dialog)
        return dialog

    def selected_rows(self) -> list[PartRow]:
        """The parts selected in the catalogue, top to bottom (the current one if none is)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        chosen = [self.model.rows[n] for n in rows if n < len(self.model.rows)]
        current = self.selected()
        return chosen or ([current] if current is not None else [])

    def _selected_part(self) -> tuple[int, str] | None:
        row = self.selected()
        return (row.id, row.sku) if row is not None else None

    def print_labels(self) -> QWidget | None:
        parts = self.selected_rows()
        if not parts:
            return None
        from .labels import PartLabelsDialog

        dialog = PartLabelsDialog(self._ctx, parts, self.outlet_id(), self)
        self.open_dialog(dialog)
        return dialog

    def open_locations(self) -> QWidget | None:
        outlet = self.current_outlet()
        if outlet is None:
            return None
        from .locations import LocationsDialog

        dialog = LocationsDialog(self._ctx, outlet, self)
        self.open_dialog(dialog)
        return dialog

    def open_suppliers(self) -> QWidget:
        from .suppliers import SuppliersDialog

        dialog = SuppliersDialog(self._ctx, self)
        self.open_dialog(dialog)
        return dialog

    def toggle_active(self) -> None:
        """Retire the shown part (off the pick lists, history kept) or stock it again."""
        if not self.can_manage or self.detail is None:
            return
        part = self.detail[0]
        catalogue, actor = self._ctx.services.catalogue, self._ctx.actor
        self.retire_button.setEnabled(False)
        self._ctx.runner.run(
            lambda: catalogue.set_active(actor, part.id, not part.active),
            lambda result: self._ctx.bus.publish(result[1]),
            lambda exc: (show_error(self, exc), self._enable_buttons()),
        )

    def _part_name(self, row: PartRow) -> str:
        if row.active:
            return row.name
        return self.tr("{name} (retired)").format(name=row.name)


def _where(level: StockLevel) -> str:
    """An outlet's main store is named by the outlet; another location as OUTLET / VAN."""
    if level.location_code == MAIN:
        return level.outlet_code
    return f"{level.outlet_code} / {level.location_code}"
