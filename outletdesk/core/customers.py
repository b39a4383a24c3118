"""Customers: found by any phone number or a fragment of the name, edited with a version check."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session, selectinload

from ..models import Customer, CustomerPhone, utcnow
from . import phones
from . import validation as v
from .audit import record
from .auth import Actor, Permission
from .changes import Changes
from .database import Database
from .errors import NotFound, StaleRecord, ValidationError
from .i18n import QT_TRANSLATE_NOOP
from .outlets import require_outlet

F_NAME = QT_TRANSLATE_NOOP("core", "Name")
F_PHONE = QT_TRANSLATE_NOOP("core", "Phone")
F_EMAIL = QT_TRANSLATE_NOOP("core", "E-mail")
F_NOTES = QT_TRANSLATE_NOOP("core", "Notes")
F_OUTLET = QT_TRANSLATE_NOOP("core", "Outlet")
MAX_PHONES = 5


@dataclass(frozen=True)
class CustomerInput:
    name: str
    phones: Sequence[str] = ()
    email: str = ""
    notes: str = ""
    outlet_id: int | None = None

    def validated(self) -> CustomerInput:
        if isinstance(self.phones, str) or not isinstance(self.phones, Sequence):
            raise ValidationError(F_PHONE, QT_TRANSLATE_NOOP("core", "must be a list of numbers."))
        phones = [
            v.phone(F_PHONE, p) for p in self.phones if not (isinstance(p, str) and not p.strip())
        ]
        if not phones:
            raise ValidationError(
                F_PHONE, QT_TRANSLATE_NOOP("core", "at least one phone number is required.")
            )
        if len(phones) > MAX_PHONES:
            raise ValidationError(
                F_PHONE, QT_TRANSLATE_NOOP("core", "at most {n} numbers."), n=MAX_PHONES
            )
        return CustomerInput(
            name=v.text(F_NAME, self.name, max_len=120, name_like=True),
            phones=tuple(dict.fromkeys(phones)),
            email=v.email(F_EMAIL, self.email),
            notes=v.text(F_NOTES, self.notes, max_len=4000, required=False, multiline=True),
            outlet_id=self.outlet_id,
        )


@dataclass(frozen=True)
class CustomerDTO:
    id: int
    name: str
    phones: tuple[str, ...]
    email: str
    notes: str
    outlet_id: int | None
    created_at: datetime
    updated_at: datetime
    version: int


@dataclass(frozen=True)
class CustomerSearchResult:
    rows: list[CustomerDTO] = field(default_factory=list)
    total: int = 0  # all matches, of which `rows` holds the first page


def _dto(c: Customer) -> CustomerDTO:
    return CustomerDTO(
        c.id,
        c.name,
        tuple(p.number for p in c.phones),
        c.email,
        c.notes,
        c.outlet_id,
        c.created_at,
        c.updated_at,
        c.version,
    )


def _snapshot(c: Customer) -> dict[str, object]:
    return {
        "name": c.name,
        "phones": [p.number for p in c.phones],
        "email": c.email,
        "notes": c.notes,
        "outlet_id": c.outlet_id,
    }


def _like(fragment: str) -> str:
    escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def name_key(name: str) -> str:
    return name.casefold()


def search_condition(query: str) -> ColumnElement[bool] | None:
    """Name contains the text (case-folded), or, when it is a phone number or part of one, any
    phone contains its digits (+86 and 0086 left out: phones.search_digits)."""
    text = (query or "").strip()[:120]
    if not text:
        return None
    by_name = Customer.name_key.like(_like(name_key(text)), escape="\\")
    digits = v.phone_fragment(text)
    typed_digits = sum(ch.isdigit() for ch in text)
    mostly_digits = typed_digits >= len(text.replace(" ", "").replace("-", "")) - 1
    if len(digits) >= 3 and (mostly_digits or phones.TYPED.fullmatch(text)):
        phone_match = select(CustomerPhone.customer_id).where(
            CustomerPhone.number.like(_like(digits), escape="\\")
        )
        return or_(by_name, Customer.id.in_(phone_match))
    return by_name


class CustomerService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def search(
        self, actor: Actor, query: str = "", limit: int = 200, offset: int = 0
    ) -> CustomerSearchResult:
        """Customers whose name contains the text or any of whose phones contains its digits."""
        actor.require(Permission.VIEW_CUSTOMERS)
        condition = search_condition(query)
        base = select(Customer.id)
        if condition is not None:
            base = base.where(condition)
        with self._db.read(actor) as s:
            total = s.scalar(select(func.count()).select_from(base.subquery())) or 0
            ids = list(
                s.scalars(base.order_by(Customer.name_key, Customer.id).limit(limit).offset(offset))
            )
            return CustomerSearchResult(self._rows(s, ids), total)

    @staticmethod
    def _rows(s: Session, ids: list[int]) -> list[CustomerDTO]:
        if not ids:
            return []
        loaded = {
            c.id: c
            for c in s.scalars(
                select(Customer).options(selectinload(Customer.phones)).where(Customer.id.in_(ids))
            )
        }
        return [_dto(loaded[i]) for i in ids]

    def get(self, actor: Actor, customer_id: int) -> CustomerDTO:
        actor.require(Permission.VIEW_CUSTOMERS)
        with self._db.read(actor) as s:
            return _dto(self._load(s, customer_id))

    def with_same_phone(
        self, actor: Actor, data: CustomerInput, customer_id: int | None = None, limit: int = 20
    ) -> list[CustomerDTO]:
        """Checks `data` as a save would (ValidationError naming the field), then returns the
        other customers already on file with one of its numbers, for a warning before saving.

        Numbers are compared normalised ("159 0830 1661" and "+86 159 0830 1661" are 15908301661,
        also where an earlier version stored "+8615908301661"). Families share a phone,
        so a shared number is never refused. When editing (`customer_id`), only the numbers that
        customer does not have yet count: relatives are not reported again at every save.
        """
        actor.require(Permission.VIEW_CUSTOMERS)
        data = data.validated()
        with self._db.read(actor) as s:
            numbers = set(data.phones)
            if customer_id is not None:
                own = set(
                    s.scalars(
                        select(CustomerPhone.number).where(CustomerPhone.customer_id == customer_id)
                    )
                )
                numbers = {n for n in numbers if not phones.stored_forms(n) & own}
            # Also the forms earlier versions stored the same number in ("+8613912345678").
            candidates = {form for n in numbers for form in phones.stored_forms(n)}
            if not candidates:
                return []
            query = select(Customer.id).where(
                Customer.id.in_(
                    select(CustomerPhone.customer_id).where(CustomerPhone.number.in_(candidates))
                )
            )
            if customer_id is not None:
                query = query.where(Customer.id != customer_id)
            ids = list(s.scalars(query.order_by(Customer.name_key, Customer.id).limit(limit)))
            return self._rows(s, ids)

    def create(self, actor: Actor, data: CustomerInput) -> tuple[CustomerDTO, Changes]:
        actor.require(Permission.EDIT_CUSTOMERS)
        data = data.validated()
        with self._db.write(actor) as s:
            customer, dto = self.insert(s, actor, data)
            return dto, Changes(customers=True)

    @staticmethod
    def insert(s: Session, actor: Actor, data: CustomerInput) -> tuple[Customer, CustomerDTO]:
        """Add an already validated customer inside the caller's unit of work (intake uses it)."""
        require_outlet(s, F_OUTLET, data.outlet_id)
        customer = Customer(
            name=data.name,
            name_key=name_key(data.name),
            email=data.email,
            notes=data.notes,
            outlet_id=data.outlet_id if data.outlet_id is not None else actor.outlet_id,
        )
        customer.phones = [CustomerPhone(number=n, position=i) for i, n in enumerate(data.phones)]
        s.add(customer)
        s.flush()
        record(s, actor, "create", "customer", customer.id, after=_snapshot(customer))
        return customer, _dto(customer)

    def update(
        self, actor: Actor, customer_id: int, version: int, data: CustomerInput
    ) -> tuple[CustomerDTO, Changes]:
        """Save changes made to the version the clerk opened; a newer saved version wins and this is refused."""
        actor.require(Permission.EDIT_CUSTOMERS)
        data = data.validated()
        with self._db.write(actor) as s:
            customer = self._load(s, customer_id)
            if customer.version != version:
                raise StaleRecord(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Customer {name} was changed by someone else since you opened it. "
                        "Nothing was saved; reopen the customer to see their change.",
                    ),
                    name=customer.name,
                )
            require_outlet(s, F_OUTLET, data.outlet_id)
            before = _snapshot(customer)
            customer.name, customer.name_key = data.name, name_key(data.name)
            customer.email, customer.notes, customer.updated_at = data.email, data.notes, utcnow()
            if data.outlet_id is not None:
                customer.outlet_id = data.outlet_id
            if [p.number for p in customer.phones] != list(data.phones):
                customer.phones = [
                    CustomerPhone(number=n, position=i) for i, n in enumerate(data.phones)
                ]
            s.flush()
            _refresh_work_order_search(s, customer)
            record(
                s,
                actor,
                "update",
                "customer",
                customer.id,
                before=before,
                after=_snapshot(customer),
            )
            return _dto(customer), Changes(customers=True)

    @staticmethod
    def _load(s: Session, customer_id: int) -> Customer:
        customer = s.get(Customer, customer_id, options=[selectinload(Customer.phones)])
        if customer is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("core", "Customer {id} does not exist."), id=customer_id
            )
        return customer


def _refresh_work_order_search(s: Session, customer: Customer) -> None:
    """Orders carry the customer's name and phone for fast search; keep them in step.

    A plain table UPDATE, so a clerk editing one of these orders is not told it changed.
    """
    from sqlalchemy import Table, update

    from ..models import Device, WorkOrder
    from .work_orders.rules import device_label, search_text

    phones = [p.number for p in customer.phones]
    rows = s.execute(
        select(
            WorkOrder.id,
            WorkOrder.number,
            WorkOrder.serial,
            WorkOrder.imei,
            Device.brand,
            Device.model,
            Device.device_type,
        )
        .join(Device, Device.id == WorkOrder.device_id)
        .where(WorkOrder.customer_id == customer.id)
    )
    table = WorkOrder.__table__
    assert isinstance(table, Table)
    for order_id, number, serial, imei, brand, model, device_type in rows:
        label = device_label(brand, model, device_type)
        s.execute(
            update(table)
            .where(table.c.id == order_id)
            .values(
                customer_name_key=name_key(customer.name),
                customer_phone=phones[0] if phones else "",
                search_text=search_text(number, customer.name, phones, serial, imei, label),
            )
        )
