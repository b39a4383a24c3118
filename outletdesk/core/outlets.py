"""Outlets (售后服务网点): their details are printed on every receipt."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..models import Outlet, StockLocation
from . import validation as v
from .audit import record
from .auth import Actor, Permission
from .changes import Changes
from .database import Database
from .errors import NotFound, StaleRecord, ValidationError
from .i18n import QT_TRANSLATE_NOOP

F_CODE = QT_TRANSLATE_NOOP("core", "Outlet code")
F_NAME = QT_TRANSLATE_NOOP("core", "Outlet name")
F_ADDRESS = QT_TRANSLATE_NOOP("core", "Address")
F_PHONE = QT_TRANSLATE_NOOP("core", "Phone")
F_TAX = QT_TRANSLATE_NOOP("core", "Tax number")


@dataclass(frozen=True)
class OutletDTO:
    id: int
    code: str
    name: str
    address: str
    phone: str
    tax_number: str
    active: bool
    version: int


@dataclass(frozen=True)
class OutletInput:
    code: str
    name: str
    address: str = ""
    phone: str = ""
    tax_number: str = ""

    def validated(self) -> OutletInput:
        v.text(F_PHONE, self.phone, max_len=40, required=False)
        if self.phone.strip():
            v.phone(F_PHONE, self.phone)
        return OutletInput(
            code=v.code(F_CODE, self.code),
            name=v.text(F_NAME, self.name, max_len=120, name_like=True),
            address=v.text(F_ADDRESS, self.address, max_len=300, required=False, multiline=True),
            phone=self.phone.strip(),
            tax_number=v.text(F_TAX, self.tax_number, max_len=40, required=False),
        )


def _dto(o: Outlet) -> OutletDTO:
    return OutletDTO(o.id, o.code, o.name, o.address, o.phone, o.tax_number, o.active, o.version)


def _snapshot(o: Outlet) -> dict[str, object]:
    return {
        "code": o.code,
        "name": o.name,
        "address": o.address,
        "phone": o.phone,
        "tax_number": o.tax_number,
    }


def require_outlet(s: Session, field: str, outlet_id: int | None) -> None:
    """A form's outlet reference must name an existing outlet (None means "none chosen")."""
    if outlet_id is not None and s.get(Outlet, outlet_id) is None:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("core", "outlet {id} does not exist."), id=outlet_id
        )


def _has_work_orders(s: Session, outlet_id: int) -> bool:
    from sqlalchemy import exists

    from ..models import WorkOrder

    return bool(s.scalar(select(exists().where(WorkOrder.outlet_id == outlet_id))))


class OutletService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, include_inactive: bool = False) -> list[OutletDTO]:
        query = select(Outlet).order_by(Outlet.code)
        if not include_inactive:
            query = query.where(Outlet.active)
        with self._db.read() as s:
            return [_dto(o) for o in s.scalars(query)]

    def get(self, outlet_id: int) -> OutletDTO:
        with self._db.read() as s:
            outlet = s.get(Outlet, outlet_id)
            if outlet is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP("core", "Outlet {id} does not exist."), id=outlet_id
                )
            return _dto(outlet)

    def by_code(self, code: str) -> OutletDTO:
        with self._db.read() as s:
            outlet = s.scalar(select(Outlet).where(Outlet.code == code.strip().upper()))
            if outlet is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP("core", "There is no outlet with code “{code}”."), code=code
                )
            return _dto(outlet)

    def create(self, actor: Actor, data: OutletInput) -> tuple[OutletDTO, Changes]:
        actor.require(Permission.MANAGE_OUTLETS)
        data = data.validated()
        try:
            with self._db.write(actor) as s:
                outlet = Outlet(**data.__dict__)
                s.add(outlet)
                s.flush()
                # Its stock is kept in a main store room to begin with (spare parts).
                s.add(StockLocation(outlet_id=outlet.id, code="MAIN", name="Main store"))
                record(s, actor, "create", "outlet", outlet.id, after=_snapshot(outlet))
                return _dto(outlet), Changes(outlets=True)
        except IntegrityError:
            raise self._duplicate(data.code) from None

    def update(
        self, actor: Actor, outlet_id: int, version: int, data: OutletInput
    ) -> tuple[OutletDTO, Changes]:
        actor.require(Permission.MANAGE_OUTLETS)
        data = data.validated()
        try:
            with self._db.write(actor) as s:
                outlet = s.get(Outlet, outlet_id)
                if outlet is None:
                    raise NotFound(
                        QT_TRANSLATE_NOOP("core", "Outlet {id} does not exist."), id=outlet_id
                    )
                if outlet.version != version:
                    raise StaleRecord(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "Outlet {code} was changed by someone else since you opened it. "
                            "Nothing was saved; reopen it to see their change.",
                        ),
                        code=outlet.code,
                    )
                if data.code != outlet.code and _has_work_orders(s, outlet.id):
                    raise ValidationError(
                        F_CODE,
                        QT_TRANSLATE_NOOP(
                            "core",
                            "cannot change: work order numbers of this outlet start with {code}.",
                        ),
                        code=outlet.code,
                    )
                before = _snapshot(outlet)
                for key, value in data.__dict__.items():
                    setattr(outlet, key, value)
                s.flush()
                record(
                    s, actor, "update", "outlet", outlet.id, before=before, after=_snapshot(outlet)
                )
                return _dto(outlet), Changes(outlets=True)
        except IntegrityError:
            raise self._duplicate(data.code) from None

    @staticmethod
    def _duplicate(code: str) -> ValidationError:
        return ValidationError(
            F_CODE,
            QT_TRANSLATE_NOOP("core", "“{code}” is already used by another outlet."),
            code=code,
        )
