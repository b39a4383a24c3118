"""The services one database offers, built once by the composition root (app.py or cli.py)."""

from __future__ import annotations

from dataclasses import dataclass

from .audit import AuditService
from .auth import AuthService
from .customers import CustomerService
from .database import Database, open_database
from .equipment.maintenance import MaintenanceService
from .equipment.register import EquipmentService
from .outlets import OutletService
from .parts.catalogue import CatalogueService
from .parts.locations import LocationService
from .parts.purchasing import PurchasingService
from .parts.queries import PartListService
from .parts.stock import StockService
from .parts.stocktake import StocktakeService
from .settings import SettingsService
from .users import UserService
from .work_orders.intake import IntakeService
from .work_orders.refunds import RefundService
from .work_orders.service import WorkOrderService
from .work_orders.settings import WorkOrderSettingsService


@dataclass(frozen=True)
class Services:
    db: Database
    auth: AuthService
    outlets: OutletService
    users: UserService
    customers: CustomerService
    settings: SettingsService
    audit: AuditService
    intake: IntakeService
    work_orders: WorkOrderService
    work_order_settings: WorkOrderSettingsService
    refunds: RefundService
    catalogue: CatalogueService
    stock: StockService
    part_list: PartListService
    purchasing: PurchasingService
    stocktake: StocktakeService
    locations: LocationService
    equipment: EquipmentService
    maintenance: MaintenanceService

    @classmethod
    def for_database(cls, db: Database) -> Services:
        return cls(
            db,
            AuthService(db),
            OutletService(db),
            UserService(db),
            CustomerService(db),
            SettingsService(db),
            AuditService(db),
            IntakeService(db),
            WorkOrderService(db),
            WorkOrderSettingsService(db),
            RefundService(db),
            CatalogueService(db),
            StockService(db),
            PartListService(db),
            PurchasingService(db),
            StocktakeService(db),
            LocationService(db),
            EquipmentService(db),
            MaintenanceService(db),
        )

    @classmethod
    def open(cls, url: str) -> Services:
        return cls.for_database(open_database(url))
