"""Customers: search as you type by name or any phone, create and edit, export to Excel."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.auth import Permission
from ..core.changes import Changes
from ..core.customer_export import COLUMN_TITLES, HEADER_WORDS, export_customers
from ..core.customers import CustomerDTO, CustomerSearchResult
from ..core.work_orders.dto import OrderSummary
from ..core.work_orders.rules import STATUS_LABELS
from .context import AppContext
from .customer_dialog import CustomerDialog
from .errors import show_error, translate_core
from .exporting import ask_xlsx_path, run_export
from .formats import local_datetime
from .i18n import listed
from .work_orders.labels import device_type_text

PAGE_LIMIT = 500
SEARCH_DELAY_MS = 150
Index = QModelIndex | QPersistentModelIndex


class CustomerTableModel(QAbstractTableModel):
    """The current page of search results (at most PAGE_LIMIT rows: a small list)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CustomerDTO] = []
        self._headers = [
            self.tr("Name"),
            self.tr("Phone"),
            self.tr("Other phones"),
            self.tr("E-mail"),
            self.tr("Updated"),
        ]

    def set_rows(self, rows: list[CustomerDTO]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def customer(self, row: int) -> CustomerDTO:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        c = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return c.name
        if column == 1:
            return c.phones[0] if c.phones else ""
        if column == 2:
            return listed(c.phones[1:])
        if column == 3:
            return c.email
        return local_datetime(c.updated_at)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


class CustomersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._search_seq = 0
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or phone number (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.model = CustomerTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(110)  # readable headers even when no row matches
        # Fitting columns to contents measures rows through Python; the first rows are enough
        # (measuring all 500 made selecting the first row take a third of a second).
        header.setResizeContentsPrecision(40)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.count_label = QLabel()
        self.new_button = QPushButton(self.tr("&New customer"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.export_button = QPushButton(self.tr("E&xport to Excel…"))
        can_edit = ctx.actor.can(Permission.EDIT_CUSTOMERS)
        self.new_button.setEnabled(can_edit)
        self.edit_button.setEnabled(False)
        self.export_button.setEnabled(ctx.actor.can(Permission.EXPORT_DATA))
        if not ctx.actor.can(Permission.EXPORT_DATA):
            self.export_button.setToolTip(self.tr("Your role may not export data."))

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumWidth(260)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.export_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Customers"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        layout.addWidget(title)
        layout.addWidget(splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._on_return)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.new_button.clicked.connect(self.new_customer)
        self.edit_button.clicked.connect(self.edit_selected)
        self.export_button.clicked.connect(self.export)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_customer)
        ctx.bus.changed.connect(self.refresh)
        self._show_details()
        self.run_search()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._timer.stop()  # no search may start after the page is gone
        super().closeEvent(event)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def handle_scan(self, code: str) -> bool:
        """A scanned code is looked up like typed text (phone numbers and names today)."""
        self.search.setText(code)
        self.run_search()
        return True

    def refresh(self, changes: Changes) -> None:
        if changes.customers or changes.database:
            self.run_search()

    def run_search(self, open_single: bool = False) -> None:
        """Search for the box's text; with `open_single`, act on these results once they arrive."""
        self._timer.stop()
        self._search_seq += 1
        seq, query = self._search_seq, self.search.text()
        services, actor = self._ctx.services, self._ctx.actor
        self._ctx.runner.run(
            lambda: services.customers.search(actor, query, limit=PAGE_LIMIT),
            lambda result: self._show_results(seq, result, open_single),
            lambda exc: show_error(self, exc),
        )

    def _show_results(
        self, seq: int, result: CustomerSearchResult, open_single: bool = False
    ) -> None:
        if seq != self._search_seq:  # a newer search is on its way; drop this stale one
            return
        self.model.set_rows(result.rows)
        if result.total > len(result.rows):
            text = self.tr(
                "Showing the first {shown} of {total} customers; type more to narrow the search."
            )
        else:
            text = self.tr("%n customers", "", result.total)
        self.count_label.setText(text.format(shown=len(result.rows), total=result.total))
        if result.rows:
            self.table.selectRow(0)
        self._show_details()
        if open_single:
            if len(result.rows) == 1:
                self.edit_selected()
            elif result.rows:
                self.table.setFocus()

    def _on_return(self) -> None:
        """Enter opens the only match, else moves to the table, judged on this search's results."""
        self.run_search(open_single=True)

    def selected(self) -> CustomerDTO | None:
        index = self.table.currentIndex()
        return self.model.customer(index.row()) if index.isValid() else None

    def _show_details(self, *_args: object) -> None:
        customer = self.selected()
        self.edit_button.setEnabled(
            customer is not None and self._ctx.actor.can(Permission.EDIT_CUSTOMERS)
        )
        if customer is None:
            self.details.setText(self.tr("Select a customer to see their details."))
            return
        lines = [f"<h3>{escape(customer.name)}</h3>"]
        for number in customer.phones:
            lines.append(escape(number) + "<br>")
        if customer.email:
            lines.append(escape(customer.email) + "<br>")
        if customer.notes:
            lines.append("<p>" + escape(customer.notes).replace("\n", "<br>") + "</p>")
        self.details.setText("".join(lines))
        if not self._ctx.actor.can(Permission.VIEW_WORK_ORDERS):
            return
        intake, actor, head = self._ctx.services.intake, self._ctx.actor, "".join(lines)
        self._ctx.runner.run(
            lambda: intake.customer_history(actor, customer.id)[1],
            lambda orders: self._show_history(customer.id, head, orders),
            lambda exc: show_error(self, exc),
        )

    def _show_history(self, customer_id: int, head: str, orders: list[OrderSummary]) -> None:
        """The customer's repairs, newest first (the selection may have moved on meanwhile)."""
        current = self.selected()
        if current is None or current.id != customer_id:
            return
        rows = [
            f"<tr><td>{escape(o.number)}</td><td>{local_datetime(o.received_at)[:10]}</td>"
            f"<td>{escape(device_type_text(o.device_label))}</td><td>{escape(translate_core(STATUS_LABELS[o.status]))}</td></tr>"
            for o in orders
        ]
        history = (
            "<table cellspacing='4'>" + "".join(rows) + "</table>"
            if rows
            else "<p style='color:#666'>" + self.tr("No repairs yet.") + "</p>"
        )
        self.details.setText(head + "<h4>" + self.tr("Repair history") + "</h4>" + history)

    def new_customer(self) -> None:
        if not self._ctx.actor.can(Permission.EDIT_CUSTOMERS):
            return
        dialog = CustomerDialog(self._ctx, None, self)
        dialog.saved.connect(self._select_saved)
        dialog.open_existing.connect(self.open_customer)
        self.open_dialog(dialog)

    def edit_selected(self) -> None:
        customer = self.selected()
        if customer is not None:
            self.open_customer(customer)

    def open_customer(self, customer: CustomerDTO) -> None:
        """Shows the customer in the list and opens them for editing (as when a new customer's
        number is already theirs and the clerk chooses them)."""
        if not self._ctx.actor.can(Permission.EDIT_CUSTOMERS):
            return
        current = self.selected()
        if current is None or current.id != customer.id:
            self._select_saved(customer)
        dialog = CustomerDialog(self._ctx, customer, self)
        dialog.saved.connect(self._select_saved)
        dialog.open_existing.connect(self.open_customer)
        self.open_dialog(dialog)

    def open_dialog(self, dialog: CustomerDialog) -> None:
        dialog.open()

    def _select_saved(self, customer: CustomerDTO) -> None:
        self.search.setText(customer.name)
        self.run_search()

    def export(self) -> None:
        path = self.ask_export_path()
        if not path:
            return
        services, actor, query = self._ctx.services, self._ctx.actor, self.search.text()
        texts = {word: translate_core(word) for word in (*COLUMN_TITLES, *HEADER_WORDS)}
        run_export(
            self._ctx,
            self,
            lambda progress: export_customers(
                services, actor, Path(path), query=query, progress=progress, texts=texts
            ),
            lambda count: self.inform(
                self.tr("%n customers written to {path}", "", count).format(path=path)
            ),
            self.tr("Exporting customers…"),
        )

    def ask_export_path(self) -> str:
        return ask_xlsx_path(self, self.tr("Export customers"), "customers.xlsx")

    def inform(self, text: str) -> None:
        QMessageBox.information(self, self.tr("Export finished"), text)
