"""The Settings page: outlet, receipt texts, work orders, printing, language, database, users.

Shop-wide settings load from and save to the services; per-seat ones live in the seat's QSettings.
The page only loads and saves: validation and permissions are the services' (the UI mirrors them).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ...core.changes import Changes
from ..context import AppContext
from .database_tab import DatabaseTab
from .outlet_tab import OutletTab
from .receipt_tab import ReceiptTab
from .seat_tabs import LanguageTab, PrintingTab
from .users_tab import UsersTab
from .work_orders_tab import WorkOrdersTab


class SettingsPage(QWidget):
    """Tabs for the outlet, receipt texts, this seat's printing and language, database, users."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Settings"), self)
        heading.setObjectName("pageTitle")
        heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        layout.addWidget(heading)
        self.tabs = QTabWidget(self)
        self.outlet_tab = OutletTab(ctx, self)
        self.receipt_tab = ReceiptTab(ctx, self)
        self.printing_tab = PrintingTab(ctx.seat, self)
        self.language_tab = LanguageTab(ctx.seat, self)
        self.database_tab = DatabaseTab(ctx, self)
        self.users_tab = UsersTab(ctx, self)
        self.work_orders_tab = WorkOrdersTab(ctx, self)
        # No mnemonics on tab titles: they would clash with the fields' own; Ctrl+Tab switches.
        self.tabs.addTab(self.outlet_tab, self.tr("Outlet"))
        self.tabs.addTab(self.receipt_tab, self.tr("Receipt"))
        self.tabs.addTab(self.work_orders_tab, self.tr("Work orders"))
        self.tabs.addTab(self.printing_tab, self.tr("Printing"))
        self.tabs.addTab(self.language_tab, self.tr("Language"))
        self.tabs.addTab(self.database_tab, self.tr("Database"))
        self.tabs.addTab(self.users_tab, self.tr("Users"))
        layout.addWidget(self.tabs, 1)
        ctx.bus.changed.connect(self.refresh)
        self.refresh(Changes(database=True))

    def refresh(self, changes: Changes) -> None:
        """Reload only the tabs the change concerns (a database switch reloads everything)."""
        everything = changes.database
        if everything or changes.outlets:
            self.outlet_tab.reload()
        if everything or changes.settings:
            self.receipt_tab.reload()
            self.work_orders_tab.reload()
        if everything:
            self.database_tab.reload()
        if everything or changes.users or changes.outlets:
            self.users_tab.reload()
