"""The services one database offers, built once by the composition root (app.py or cli.py).

Each service is made, and its module imported, the first time it is asked for. Start-up then
imports only what the sign-in and the first page need; the parts and equipment code loads when
someone opens those pages (a few tens of milliseconds, once).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from .database import Database, open_database

if TYPE_CHECKING:
    from .audit import AuditService
    from .auth import AuthService
    from .customers import CustomerService
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

T = TypeVar("T")


class _Once(Generic[T]):
    """A service made on first access and kept on the instance; a lock makes it exactly once,
    since the worker thread and the UI thread may both ask for it first."""

    def __init__(self, make: Callable[[Services], T]) -> None:
        self._make = make
        self._name = make.__name__
        self._lock = threading.Lock()

    @overload
    def __get__(self, obj: None, owner: type[Any] | None = None) -> _Once[T]: ...

    @overload
    def __get__(self, obj: Services, owner: type[Any] | None = None) -> T: ...

    def __get__(self, obj: Services | None, owner: type[Any] | None = None) -> T | _Once[T]:
        if obj is None:
            return self
        with self._lock:
            if self._name not in obj.__dict__:
                obj.__dict__[self._name] = self._make(obj)
            made: T = obj.__dict__[self._name]
            return made


class Services:
    def __init__(self, db: Database) -> None:
        self.db = db

    @classmethod
    def for_database(cls, db: Database) -> Services:
        return cls(db)

    @classmethod
    def open(cls, url: str, *, create: bool = True) -> Services:
        """Services on the migrated database at `url`; create=False refuses a SQLite file that
        does not exist (see open_database)."""
        return cls(open_database(url, create=create))

    @_Once
    def auth(self) -> AuthService:
        from .auth import AuthService

        return AuthService(self.db)

    @_Once
    def outlets(self) -> OutletService:
        from .outlets import OutletService

        return OutletService(self.db)

    @_Once
    def users(self) -> UserService:
        from .users import UserService

        return UserService(self.db)

    @_Once
    def customers(self) -> CustomerService:
        from .customers import CustomerService

        return CustomerService(self.db)

    @_Once
    def settings(self) -> SettingsService:
        from .settings import SettingsService

        return SettingsService(self.db)

    @_Once
    def audit(self) -> AuditService:
        from .audit import AuditService

        return AuditService(self.db)

    @_Once
    def intake(self) -> IntakeService:
        from .work_orders.intake import IntakeService

        return IntakeService(self.db)

    @_Once
    def work_orders(self) -> WorkOrderService:
        from .work_orders.service import WorkOrderService

        return WorkOrderService(self.db)

    @_Once
    def work_order_settings(self) -> WorkOrderSettingsService:
        from .work_orders.settings import WorkOrderSettingsService

        return WorkOrderSettingsService(self.db)

    @_Once
    def refunds(self) -> RefundService:
        from .work_orders.refunds import RefundService

        return RefundService(self.db)

    @_Once
    def catalogue(self) -> CatalogueService:
        from .parts.catalogue import CatalogueService

        return CatalogueService(self.db)

    @_Once
    def stock(self) -> StockService:
        from .parts.stock import StockService

        return StockService(self.db)

    @_Once
    def part_list(self) -> PartListService:
        from .parts.queries import PartListService

        return PartListService(self.db)

    @_Once
    def purchasing(self) -> PurchasingService:
        from .parts.purchasing import PurchasingService

        return PurchasingService(self.db)

    @_Once
    def stocktake(self) -> StocktakeService:
        from .parts.stocktake import StocktakeService

        return StocktakeService(self.db)

    @_Once
    def locations(self) -> LocationService:
        from .parts.locations import LocationService

        return LocationService(self.db)

    @_Once
    def equipment(self) -> EquipmentService:
        from .equipment.register import EquipmentService

        return EquipmentService(self.db)

    @_Once
    def maintenance(self) -> MaintenanceService:
        from .equipment.maintenance import MaintenanceService

        return MaintenanceService(self.db)
