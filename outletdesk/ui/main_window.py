"""The main window: navigation between the outlet's areas, a status bar, and scanner routing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ..core.auth import ROLE_LABELS
from ..core.changes import Changes
from ..core.work_orders.queries import looks_like_order_number
from .coming_later import ComingLaterPage
from .context import AppContext
from .equipment.tags import looks_like_asset_tag
from .errors import show_error
from .work_orders.page import WorkOrdersPage

if TYPE_CHECKING:
    from .customers_page import CustomersPage
    from .equipment.page import EquipmentPage
    from .parts.page import PartsPage
    from .settings import SettingsPage


NAV_ROOM = 8  # pixels beside the longest entry, so it does not touch the edge
MIN_STATUS_WIDTH = 120


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, outlet_name: str) -> None:
        super().__init__()
        self._ctx = ctx
        self.setWindowTitle(self.tr("OutletDesk – {outlet}").format(outlet=outlet_name))
        self.nav = QListWidget()
        self.nav.setStyleSheet(
            "QListWidget { font-size: 14px; } QListWidget::item { padding: 8px; }"
        )
        self.pages = QStackedWidget()
        self.work_orders = WorkOrdersPage(ctx)
        self.work_orders.scan_not_found.connect(self._scan_to_customers)
        # Customers and Settings are built when first shown: their queries would otherwise queue
        # on the worker ahead of the counter's list, which is what a shift starts with.
        self._customers: CustomersPage | None = None
        self._settings: SettingsPage | None = None
        self._parts: PartsPage | None = None
        self._equipment: EquipmentPage | None = None
        self._customers_slot = QWidget()
        self._parts_slot = QWidget()
        self._equipment_slot = QWidget()
        self._settings_slot = QWidget()
        entries: list[tuple[str, QWidget]] = [
            (self.tr("Counter / Work orders"), self.work_orders),
            (self.tr("Parts & stock"), self._parts_slot),
            (self.tr("Equipment & maintenance"), self._equipment_slot),
            (self.tr("Customers"), self._customers_slot),
            (
                self.tr("Reports"),
                ComingLaterPage(
                    self.tr("Reports"),
                    self.tr(
                        "Service KPIs, satisfaction and stock reports. The customer list can already be exported from the Customers page."
                    ),
                ),
            ),
            (self.tr("Settings"), self._settings_slot),
        ]
        for number, (title, page) in enumerate(entries, start=1):
            item = QListWidgetItem(title)
            item.setToolTip(f"Ctrl+{number}")
            self.nav.addItem(item)
            self.pages.addWidget(page)
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda n=number - 1: self.show_page(n))
        self.nav.currentRowChanged.connect(self._page_chosen)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # As wide as its longest entry in this language, not a fixed width: the pages need
        # every pixel a 1024-pixel counter screen has.
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + NAV_ROOM)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        role = QCoreApplication.translate("core", ROLE_LABELS[ctx.actor.role])
        self.status_db = QLabel(
            self.tr("Database: {where}").format(where=ctx.services.db.describe())
        )
        self.status_outlet = QLabel(self.tr("Outlet: {outlet}").format(outlet=outlet_name))
        self.status_user = QLabel(
            self.tr("User: {name} ({role})").format(name=ctx.actor.display_name, role=role)
        )
        # A long database path is cut on a narrow screen rather than widening the window.
        self.status_db.setMinimumWidth(MIN_STATUS_WIDTH)
        self.status_db.setToolTip(self.status_db.text())
        self.status_busy = QLabel()
        for label in (self.status_db, self.status_outlet, self.status_user):
            self.statusBar().addPermanentWidget(label)
        self.statusBar().addWidget(self.status_busy)
        ctx.runner.busy_changed.connect(
            lambda busy: self.status_busy.setText(self.tr("Working…") if busy else "")
        )
        ctx.runner.on_unhandled = lambda exc: show_error(self, exc)
        ctx.bus.changed.connect(self._on_changes)
        self.show_page(0)  # the counter is where a shift starts
        self.resize(1280, 800)

    @property
    def customers(self) -> CustomersPage:
        if self._customers is None:
            from .customers_page import CustomersPage

            self._customers = CustomersPage(self._ctx)
            self._put_in_place(self._customers_slot, self._customers)
        return self._customers

    @property
    def parts(self) -> PartsPage:
        if self._parts is None:
            from .parts.page import PartsPage

            self._parts = PartsPage(self._ctx)
            self._put_in_place(self._parts_slot, self._parts)
        return self._parts

    @property
    def equipment(self) -> EquipmentPage:
        if self._equipment is None:
            from .equipment.page import EquipmentPage

            self._equipment = EquipmentPage(self._ctx)
            self._equipment.open_work_order.connect(self.handle_scan)
            self._put_in_place(self._equipment_slot, self._equipment)
        return self._equipment

    @property
    def settings(self) -> SettingsPage:
        if self._settings is None:
            from .settings import SettingsPage

            self._settings = SettingsPage(self._ctx)
            self._put_in_place(self._settings_slot, self._settings)
        return self._settings

    def _put_in_place(self, slot: QWidget, page: QWidget) -> None:
        index = self.pages.indexOf(slot)
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(slot)
        slot.deleteLater()

    def _page_chosen(self, index: int) -> None:
        slot = self.pages.widget(index)
        if slot is self._customers_slot:
            self.customers  # noqa: B018 - builds the page in its place
        elif slot is self._settings_slot:
            self.settings  # noqa: B018
        elif slot is self._parts_slot:
            self.parts  # noqa: B018
        elif slot is self._equipment_slot:
            self.equipment  # noqa: B018
        self.pages.setCurrentIndex(index)

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)
        page = self.pages.widget(index)
        if page is self._customers:
            self.customers.focus_search()
        elif page is self.work_orders:
            self.work_orders.focus_search()
        elif page is self._parts:
            self.parts.focus_search()
        elif page is self._equipment:
            self.equipment.focus_search()

    def page_titles(self) -> list[str]:
        return [self.nav.item(i).text() for i in range(self.nav.count())]

    def handle_scan(self, code: str) -> None:
        """A scanned order number opens that order, an asset tag that asset; other reads go to
        the current page's search, else (or when no order has that number) to Customers."""
        if looks_like_asset_tag(code):
            self.show_page(self.pages.indexOf(self.equipment))
            self.equipment.handle_scan(code)
            return
        if looks_like_order_number(code):
            if self.work_orders.handle_scan(code):
                self.show_page(self.pages.indexOf(self.work_orders))
                return
        else:
            handler = getattr(self.pages.currentWidget(), "handle_scan", None)
            if handler is not None and handler(code):
                return
        self._scan_to_customers(code)

    def _scan_to_customers(self, code: str) -> None:
        self.show_page(self.pages.indexOf(self.customers))
        self.customers.handle_scan(code)

    def _on_changes(self, changes: Changes) -> None:
        if changes.outlets and self._ctx.actor.outlet_id is not None:
            outlet_id = self._ctx.actor.outlet_id
            outlets = self._ctx.services.outlets
            self._ctx.runner.run(lambda: outlets.get(outlet_id), self._outlet_renamed)

    def _outlet_renamed(self, outlet: object) -> None:
        name = getattr(outlet, "name", "")
        self.setWindowTitle(self.tr("OutletDesk – {outlet}").format(outlet=name))
        self.status_outlet.setText(self.tr("Outlet: {outlet}").format(outlet=name))

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)
