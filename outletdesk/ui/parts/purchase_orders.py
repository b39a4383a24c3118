"""Purchase orders (采购单) on the Parts & stock page: the outlet's orders with what is still to
come and when, the selected order's lines, and the store room's actions on it: new order, edit a
draft, place, cancel, receive (by scanning or by typed quantities), and drafting one from the
low-stock list."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.auth import Permission
from ...core.changes import Changes
from ...core.parts.catalogue import SupplierDTO
from ...core.parts.purchasing import PurchaseLineDTO, PurchaseOrderDTO
from ...core.parts.stock import ReorderLine
from ...models import PurchaseOrderStatus
from ..context import AppContext
from ..errors import show_error
from ..formats import local_datetime, money_text
from ..settings.forms import allow_button
from ..table_model import WARNING, RowsModel, row_table
from .purchase_order_dialogs import CancelOrderDialog, DraftFromLowStockDialog
from .purchase_order_editor import PurchaseOrderDialog
from .purchase_receiving import ReceiveDialog

if TYPE_CHECKING:
    from .page import PartsPage

PO = PurchaseOrderStatus
OPEN = (PO.DRAFT, PO.ORDERED, PO.PARTLY_RECEIVED)
AWAITED = (PO.ORDERED, PO.PARTLY_RECEIVED)  # placed, goods still to come
EXPECTED_COLUMN = 4
Index = QModelIndex | QPersistentModelIndex


class OrdersModel(RowsModel[PurchaseOrderDTO]):
    """The orders list; an overdue order's expected arrival is red and bold, with a tooltip."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            index.isValid()
            and index.column() == EXPECTED_COLUMN
            and role
            in (
                Qt.ItemDataRole.ForegroundRole,
                Qt.ItemDataRole.FontRole,
                Qt.ItemDataRole.ToolTipRole,
            )
            and self.rows[index.row()].overdue()
        ):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(WARNING)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return self.tr("Overdue: the goods should have arrived by now.")
        return super().data(index, role)


class PurchaseOrdersTab(QWidget):
    order_shown = Signal(object)  # PurchaseOrderDTO | None, once the selection is on screen

    def __init__(self, ctx: AppContext, page: PartsPage) -> None:
        super().__init__(page)
        self._ctx, self._page = ctx, page
        self._seq = 0
        self._loaded_for: int | None = None
        self.suppliers: list[SupplierDTO] = []
        self.can_manage = ctx.actor.can(Permission.MANAGE_STOCK)
        why_not = self.tr("Only a manager or an admin may order or receive stock.")

        self.status_filter = QComboBox(self)
        for text, statuses in (
            (self.tr("Open (drafts and awaiting delivery)"), OPEN),
            (self.tr("Drafts"), (PO.DRAFT,)),
            (self.tr("Awaiting delivery"), AWAITED),
            (self.tr("Received"), (PO.RECEIVED,)),
            (self.tr("Cancelled"), (PO.CANCELLED,)),
            (self.tr("All"), ()),
        ):
            self.status_filter.addItem(text, statuses)
        self.supplier_filter = QComboBox(self)
        self.supplier_filter.addItem(self.tr("All suppliers"), None)
        self.new_button = QPushButton(self.tr("New &order…"), self)
        self.count_label = QLabel(self)

        self.model = OrdersModel(
            [
                (self.tr("Number"), lambda o: o.number),
                (self.tr("Supplier"), lambda o: o.supplier_name),
                (self.tr("Status"), lambda o: self.status_text(o.status)),
                (self.tr("Order date"), lambda o: local_datetime(o.ordered_at)[:10]),
                (
                    self.tr("Expected arrival"),
                    lambda o: o.expected_on.isoformat() if o.expected_on else "",
                ),
                (self.tr("Lines"), lambda o: str(len(o.lines))),
                (
                    self.tr("Outstanding"),
                    lambda o: str(o.outstanding) if o.status in AWAITED else "",
                ),
                (self.tr("Total"), lambda o: money_text(o.total)),
            ],
            self,
            numeric=frozenset({5, 6, 7}),
        )
        self.table = row_table(
            self.model, self, whole={0, 2, 3, 4}, seat=(ctx.seat, "purchase_orders")
        )
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.lines_model: RowsModel[PurchaseLineDTO] = RowsModel(
            [
                (self.tr("SKU"), lambda ln: ln.sku),
                (self.tr("Name"), lambda ln: ln.name),
                (self.tr("Ordered"), lambda ln: str(ln.quantity)),
                (self.tr("Received"), lambda ln: str(ln.received)),
                (self.tr("Outstanding"), lambda ln: str(ln.outstanding)),
                (self.tr("Unit cost"), lambda ln: money_text(ln.unit_cost)),
                (self.tr("Amount"), lambda ln: money_text(ln.amount)),
            ],
            self,
            numeric=frozenset({2, 3, 4, 5, 6}),
        )
        self.lines_table = row_table(self.lines_model, self, whole={0})

        self.edit_button = QPushButton(self.tr("&Edit draft…"), self)
        self.place_button = QPushButton(self.tr("&Place order"), self)
        self.place_button.setToolTip(
            self.tr("Send it to the supplier: the parts count as on order from now on.")
        )
        self.cancel_button = QPushButton(self.tr("&Cancel order…"), self)
        self.receive_button = QPushButton(self.tr("&Receive…"), self)
        self.receive_button.setToolTip(
            self.tr("Book in a delivery against this order, by scanning or by typed quantities.")
        )
        self.action_buttons = (
            self.new_button,
            self.edit_button,
            self.place_button,
            self.cancel_button,
            self.receive_button,
        )
        for button in self.action_buttons:
            allow_button(button, self.can_manage, why_not)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:"), self))
        top.addWidget(self.status_filter)
        top.addWidget(self.supplier_filter)
        top.addWidget(self.count_label, 1)
        top.addWidget(self.new_button)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.info)
        detail_layout.addWidget(self.lines_table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in self.action_buttons[1:]:
            buttons.addWidget(button)
        detail_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([300, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.supplier_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.show_selected())
        self.table.activated.connect(lambda _i: self._default_action())
        self.new_button.clicked.connect(self.new_order)
        self.edit_button.clicked.connect(self.edit_selected)
        self.place_button.clicked.connect(self.place_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.receive_button.clicked.connect(self.receive_selected)
        page.outlet.currentIndexChanged.connect(lambda _i: self.reload())
        page.draft_order_button.clicked.connect(self.draft_from_page_low_stock)
        ctx.bus.changed.connect(self.refresh)
        self.show_selected()
        if page.outlet_id() is not None:
            self.reload()

    def status_text(self, status: PurchaseOrderStatus) -> str:
        return {
            PO.DRAFT: self.tr("Draft"),
            PO.ORDERED: self.tr("Ordered"),
            PO.PARTLY_RECEIVED: self.tr("Partly received"),
            PO.RECEIVED: self.tr("Received"),
            PO.CANCELLED: self.tr("Cancelled"),
        }[status]

    # ------------------------------------------------------------ loading

    def refresh(self, changes: Changes) -> None:
        if changes.parts or changes.outlets or changes.database:
            self.reload()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """The page picks its outlet after the lists load; catch up if that changed it."""
        super().showEvent(event)
        if self._loaded_for != self._page.outlet_id():
            self.reload()

    def reload(self, select_id: int | None = None) -> None:
        outlet_id = self._page.outlet_id()
        if outlet_id is None:
            return
        self._seq += 1
        seq, statuses = self._seq, self.status_filter.currentData() or ()
        supplier_id = self.supplier_filter.currentData()
        purchasing, catalogue, actor = (
            self._ctx.services.purchasing,
            self._ctx.services.catalogue,
            self._ctx.actor,
        )
        self._ctx.runner.run(
            lambda: (
                purchasing.list(
                    actor, outlet_id=outlet_id, statuses=statuses, supplier_id=supplier_id
                ),
                catalogue.suppliers(actor),
            ),
            lambda result: self._show(seq, outlet_id, result, select_id),
            lambda exc: show_error(self, exc),
        )

    def _show(
        self,
        seq: int,
        outlet_id: int,
        result: tuple[list[PurchaseOrderDTO], list[SupplierDTO]],
        select_id: int | None,
    ) -> None:
        if seq != self._seq:
            return  # a newer load is on its way
        orders, self.suppliers = result
        self._loaded_for = outlet_id
        self._fill_supplier_filter()
        keep = select_id if select_id is not None else getattr(self.selected(), "id", None)
        self.model.set_rows(orders)
        overdue = sum(1 for o in orders if o.overdue())
        text = self.tr("%n orders", "", len(orders))
        if overdue:
            text += " · " + self.tr("{count} overdue").format(count=overdue)
        self.count_label.setText(text)
        ids = [o.id for o in orders]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        elif orders:
            self.table.selectRow(0)
        self.show_selected()

    def _fill_supplier_filter(self) -> None:
        chosen = self.supplier_filter.currentData()
        self.supplier_filter.blockSignals(True)
        self.supplier_filter.clear()
        self.supplier_filter.addItem(self.tr("All suppliers"), None)
        for supplier in self.suppliers:
            self.supplier_filter.addItem(supplier.name, supplier.id)
        self.supplier_filter.setCurrentIndex(max(0, self.supplier_filter.findData(chosen)))
        self.supplier_filter.blockSignals(False)

    def selected(self) -> PurchaseOrderDTO | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def show_selected(self) -> None:
        order = self.selected()
        self.lines_model.set_rows(order.lines if order else [])
        self.info.setText(self._info_html(order) if order else "")
        if order is None:
            self.info.setText(
                escape(self.tr("Select an order to see its lines; New order… starts one."))
            )
        status = order.status if order else None
        self.edit_button.setEnabled(self.can_manage and status is PO.DRAFT)
        self.place_button.setEnabled(self.can_manage and status is PO.DRAFT)
        self.cancel_button.setEnabled(
            self.can_manage and status in (PO.DRAFT, PO.ORDERED)  # nothing booked in yet
        )
        self.receive_button.setEnabled(self.can_manage and status in AWAITED)
        self.order_shown.emit(order)

    def _info_html(self, order: PurchaseOrderDTO) -> str:
        parts = [f"<b>{escape(order.number)}</b> · {escape(order.supplier_name)}"]
        parts.append(escape(self.status_text(order.status)))
        parts.append(
            escape(
                self.tr("drafted {when} by {who}").format(
                    when=local_datetime(order.created_at), who=order.created_by
                )
            )
        )
        if order.ordered_at is not None:
            parts.append(
                escape(
                    self.tr("ordered {when} by {who}").format(
                        when=local_datetime(order.ordered_at), who=order.ordered_by
                    )
                )
            )
        if order.expected_on is not None and order.status in OPEN:
            expected = escape(self.tr("expected {day}").format(day=order.expected_on.isoformat()))
            if order.overdue():
                overdue = escape(self.tr("overdue"))
                expected = f"<span style='color:#c62828'><b>{expected} ({overdue})</b></span>"
            parts.append(expected)
        if order.received_at is not None:
            parts.append(
                escape(
                    self.tr("all received {when}").format(when=local_datetime(order.received_at))
                )
            )
        html = " · ".join(parts)
        if order.note:
            html += "<br>" + escape(self.tr("Note: {note}").format(note=order.note))
        if order.status is PO.CANCELLED:
            reason = order.cancel_reason or self.tr("no reason given")
            html += "<br>" + escape(
                self.tr("Cancelled {when}: {reason}").format(
                    when=local_datetime(order.cancelled_at), reason=reason
                )
            )
        return html

    def select_order(self, order: PurchaseOrderDTO) -> None:
        """Show this order in the list (widening the filter if it hides it), on this tab."""
        statuses = self.status_filter.currentData() or ()
        if statuses and order.status not in statuses:
            self.status_filter.blockSignals(True)
            self.status_filter.setCurrentIndex(0 if order.status in OPEN else 5)
            self.status_filter.blockSignals(False)
        chosen = self.supplier_filter.currentData()
        if chosen is not None and chosen != order.supplier_id:
            self.supplier_filter.blockSignals(True)
            self.supplier_filter.setCurrentIndex(0)
            self.supplier_filter.blockSignals(False)
        self._page.tabs.setCurrentWidget(self)
        self.reload(select_id=order.id)

    # ------------------------------------------------------------ actions

    def _default_action(self) -> None:
        """Enter or a double-click: edit a draft, receive against an order awaiting delivery."""
        order = self.selected()
        if order is None:
            return
        if order.status is PO.DRAFT:
            self.edit_selected()
        elif order.status in AWAITED:
            self.receive_selected()

    def new_order(self) -> PurchaseOrderDialog | None:
        outlet_id = self._page.outlet_id()
        if not self.can_manage or outlet_id is None:
            return None
        dialog = PurchaseOrderDialog(self._ctx, outlet_id, self._active_suppliers(), None, self)
        dialog.saved.connect(self.select_order)
        self.open_dialog(dialog)
        return dialog

    def edit_selected(self) -> PurchaseOrderDialog | None:
        order = self.selected()
        if not self.can_manage or order is None or order.status is not PO.DRAFT:
            return None
        dialog = PurchaseOrderDialog(
            self._ctx, order.outlet_id, self._active_suppliers(), order, self
        )
        dialog.saved.connect(self.select_order)
        self.open_dialog(dialog)
        return dialog

    def place_selected(self) -> None:
        order = self.selected()
        if not self.can_manage or order is None or order.status is not PO.DRAFT:
            return
        purchasing, actor = self._ctx.services.purchasing, self._ctx.actor
        self.place_button.setEnabled(False)
        self._ctx.runner.run(
            lambda: purchasing.place(actor, order.id, order.version),
            self._changed,
            self._failed,
        )

    def cancel_selected(self) -> CancelOrderDialog | None:
        order = self.selected()
        if not self.can_manage or order is None or order.status not in (PO.DRAFT, PO.ORDERED):
            return None
        dialog = CancelOrderDialog(self._ctx, order, self)
        dialog.saved.connect(self.select_order)
        self.open_dialog(dialog)
        return dialog

    def receive_selected(self) -> ReceiveDialog | None:
        order = self.selected()
        if not self.can_manage or order is None:
            return None
        if order.status not in AWAITED:
            return None
        dialog = ReceiveDialog(self._ctx, order, self)
        self.open_dialog(dialog)
        return dialog

    def draft_from_page_low_stock(self) -> DraftFromLowStockDialog | None:
        """The Low stock tab's "Draft purchase order…": its list, its selected line's supplier."""
        index = self._page.low_table.currentIndex()
        lines = self._page.low_model.rows
        return self.draft_from_low_stock(lines, lines[index.row()] if index.isValid() else None)

    def draft_from_low_stock(
        self, lines: Sequence[ReorderLine], current: ReorderLine | None = None
    ) -> DraftFromLowStockDialog | None:
        """The Low stock tab's button: a draft for one supplier's parts on that list."""
        outlet_id = self._page.outlet_id()
        if not self.can_manage or outlet_id is None:
            return None
        dialog = DraftFromLowStockDialog(
            self._ctx, outlet_id, self._active_suppliers(), lines, current, self
        )
        dialog.saved.connect(self.select_order)
        self.open_dialog(dialog)
        return dialog

    def _changed(self, result: tuple[PurchaseOrderDTO, Changes]) -> None:
        order, changes = result
        self._ctx.bus.publish(changes)
        self.select_order(order)

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.reload()  # a colleague's change (a stale version) shows what the order is now

    def _active_suppliers(self) -> list[tuple[int, str]]:
        return [(s.id, s.name) for s in self.suppliers if s.active]

    def open_dialog(self, dialog: QWidget) -> None:
        dialog.open()  # type: ignore[attr-defined]
