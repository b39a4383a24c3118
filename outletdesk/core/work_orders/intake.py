"""Taking a device in at the counter: customer, device (recognised again), warranty, number, deposit."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session

from ...models import (
    Channel,
    Customer,
    CustomerPhone,
    Device,
    NumberSequence,
    Outlet,
    PaymentKind,
    PaymentMethod,
    Priority,
    User,
    WorkOrder,
    WorkOrderStatus,
    utcnow,
)
from .. import validation as v
from ..audit import record
from ..auth import Actor, Permission
from ..changes import Changes
from ..customers import CustomerService, name_key
from ..database import Database, dialect_insert
from ..errors import DomainError, Items, NotFound, ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from . import rules
from .common import add_event, add_payment_row, device_dto, refresh_money, to_dto, update_clock
from .dto import DeviceDTO, DeviceInput, IntakeInput, OrderSummary, WarrantyDTO, WorkOrderDTO
from .settings import WorkOrderSettings, load_settings

F_DEVICE_TYPE = QT_TRANSLATE_NOOP("core", "Device type")
F_BRAND = QT_TRANSLATE_NOOP("core", "Brand")
F_MODEL = QT_TRANSLATE_NOOP("core", "Model")
F_SERIAL = QT_TRANSLATE_NOOP("core", "Serial number")
F_IMEI = QT_TRANSLATE_NOOP("core", "IMEI")
F_PURCHASE = QT_TRANSLATE_NOOP("core", "Purchase date")
F_PROOF = QT_TRANSLATE_NOOP("core", "Proof of purchase")
F_COLOUR = QT_TRANSLATE_NOOP("core", "Colour")
F_DEVICE_NOTES = QT_TRANSLATE_NOOP("core", "Device notes")
F_FAULT = QT_TRANSLATE_NOOP("core", "Reported fault")
F_DEMAND = QT_TRANSLATE_NOOP("core", "Customer's demand")
F_CHANNEL = QT_TRANSLATE_NOOP("core", "Channel")
F_PRIORITY = QT_TRANSLATE_NOOP("core", "Priority")
F_CONDITION = QT_TRANSLATE_NOOP("core", "Condition on arrival")
F_ACCESSORIES = QT_TRANSLATE_NOOP("core", "Accessories")
F_PASSCODE = QT_TRANSLATE_NOOP("core", "Passcode")
F_ESTIMATE = QT_TRANSLATE_NOOP("core", "Estimate")
F_DEPOSIT = QT_TRANSLATE_NOOP("core", "Deposit")
F_METHOD = QT_TRANSLATE_NOOP("core", "Payment method")
F_PROMISED = QT_TRANSLATE_NOOP("core", "Promised date")
F_TECHNICIAN = QT_TRANSLATE_NOOP("core", "Technician")
F_CUSTOMER = QT_TRANSLATE_NOOP("core", "Customer")
SERIES = "work_order"
_SERIAL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./ -]*$")


def clean_imei(value: object) -> str:
    """15 digits whose last is the Luhn check digit (spaces and dashes allowed when typed)."""
    raw = v.text(F_IMEI, value, max_len=30, required=False)
    digits = re.sub(r"[\s-]", "", raw)
    if not digits:
        return ""
    if not (digits.isdigit() and len(digits) == 15):
        raise ValidationError(
            F_IMEI, QT_TRANSLATE_NOOP("core", "“{value}” must be 15 digits."), value=raw[:30]
        )
    if not rules.luhn_ok(digits):
        raise ValidationError(
            F_IMEI,
            QT_TRANSLATE_NOOP("core", "“{value}” has a wrong check digit (mistyped?)."),
            value=digits,
        )
    return digits


def parse_date(field: str, value: object, today: date) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("core", "must be a date, not a date and time.")
        )
    if isinstance(value, date):
        day = value
    else:
        text = v.text(field, value, max_len=10)
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP("core", "“{value}” is not a date (YYYY-MM-DD)."),
                value=text,
            ) from None
    if day > today:
        raise ValidationError(field, QT_TRANSLATE_NOOP("core", "cannot be in the future."))
    if day.year < 1990:
        raise ValidationError(field, QT_TRANSLATE_NOOP("core", "is too far in the past."))
    return day


@dataclass(frozen=True)
class _Device:
    device_type: str
    brand: str
    model: str
    serial: str
    imei: str
    purchase_date: date | None
    proof_of_purchase: str
    colour: str
    notes: str

    @property
    def label(self) -> str:
        return rules.device_label(self.brand, self.model, self.device_type)


def validate_device(data: DeviceInput, settings: WorkOrderSettings, today: date) -> _Device:
    serial = v.text(F_SERIAL, data.serial, max_len=60, required=False).upper()
    if serial and not _SERIAL.match(serial):
        raise ValidationError(
            F_SERIAL, QT_TRANSLATE_NOOP("core", "may use only letters, digits, spaces and . / -")
        )
    return _Device(
        device_type=v.choice(F_DEVICE_TYPE, data.device_type, tuple(settings.device_types)),
        brand=v.text(F_BRAND, data.brand, max_len=60, required=False, name_like=True),
        model=v.text(F_MODEL, data.model, max_len=80, required=False, name_like=True),
        serial=serial,
        imei=clean_imei(data.imei),
        purchase_date=parse_date(F_PURCHASE, data.purchase_date, today),
        proof_of_purchase=v.text(
            F_PROOF, data.proof_of_purchase, max_len=60, required=False, name_like=True
        ),
        colour=v.text(F_COLOUR, data.colour, max_len=40, required=False),
        notes=v.text(F_DEVICE_NOTES, data.notes, max_len=1000, required=False, multiline=True),
    )


def find_device(
    s: Session, serial: str, imei: str, device_type: str | None = None
) -> Device | None:
    """IMEIs are unique in the world; serials only per maker, so they must also agree on the type."""
    if imei:
        found = s.scalar(
            select(Device).where(Device.imei == imei).order_by(Device.id.desc()).limit(1)
        )
        if found:
            return found
    if serial:
        query = select(Device).where(Device.serial == serial)
        if device_type:
            query = query.where(Device.device_type == device_type)
        return s.scalar(query.order_by(Device.id.desc()).limit(1))
    return None


def last_hand_back(s: Session, device_id: int) -> WorkOrder | None:
    return s.scalar(
        select(WorkOrder)
        .where(WorkOrder.device_id == device_id, WorkOrder.delivered_at.is_not(None))
        .order_by(WorkOrder.delivered_at.desc())
        .limit(1)
    )


def warranty_for(
    s: Session, device: _Device, device_id: int | None, settings: WorkOrderSettings, today: date
) -> WarrantyDTO:
    previous = last_hand_back(s, device_id) if device_id else None
    check = rules.check_warranty(
        today,
        device.purchase_date,
        settings.manufacturer_months(device.device_type),
        previous.delivered_at.date() if previous and previous.delivered_at else None,
        previous.repair_warranty_until if previous else None,
    )
    return WarrantyDTO(check.kind, check.until, check.rework, previous.number if previous else None)


def next_number(s: Session, outlet: Outlet) -> str:
    """Take the next number inside the order's transaction: a rolled-back intake reuses nothing
    that was printed, and two counters never get the same number (row lock / write lock)."""
    insert = dialect_insert(s.get_bind().dialect.name)
    s.execute(
        insert(NumberSequence)
        .values(outlet_id=outlet.id, series=SERIES, last_value=0)
        .on_conflict_do_nothing()
    )
    value = s.scalar(
        update(NumberSequence)
        .where(NumberSequence.outlet_id == outlet.id, NumberSequence.series == SERIES)
        .values(last_value=NumberSequence.last_value + 1)
        .returning(NumberSequence.last_value)
    )
    assert value is not None
    return rules.format_number(outlet.code, value)


class IntakeService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def device_history(
        self, actor: Actor, serial: str = "", imei: str = ""
    ) -> tuple[DeviceDTO | None, list[OrderSummary]]:
        """A device seen before, recognised by serial or IMEI, with its repairs (newest first)."""
        actor.require(Permission.VIEW_WORK_ORDERS)
        serial = (serial or "").strip().upper()[:60]
        imei = re.sub(r"[\s-]", "", imei or "")[:15]
        with self._db.read(actor) as s:
            device = find_device(s, serial, imei)
            if device is None:
                return None, []
            return device_dto(device), _summaries(s, WorkOrder.device_id == device.id)

    def customer_history(
        self, actor: Actor, customer_id: int
    ) -> tuple[list[DeviceDTO], list[OrderSummary]]:
        """The intake screen shows a returning customer's devices and past orders."""
        actor.require(Permission.VIEW_WORK_ORDERS)
        with self._db.read(actor) as s:
            devices = [
                device_dto(d)
                for d in s.scalars(
                    select(Device)
                    .where(Device.customer_id == customer_id)
                    .order_by(Device.id.desc())
                    .limit(50)
                )
            ]
            return devices, _summaries(s, WorkOrder.customer_id == customer_id)

    def preview_warranty(self, actor: Actor, outlet_id: int, device: DeviceInput) -> WarrantyDTO:
        """What the counter sees while typing: under warranty, and is it a rework?"""
        actor.require(Permission.VIEW_WORK_ORDERS)
        today = utcnow().astimezone().date()
        with self._db.read(actor) as s:
            settings = load_settings(s, outlet_id)
            checked = validate_device(device, settings, today)
            known = find_device(s, checked.serial, checked.imei, checked.device_type)
            if known is not None and checked.purchase_date is None and known.purchase_date:
                checked = replace(checked, purchase_date=known.purchase_date)
            return warranty_for(s, checked, known.id if known else None, settings, today)

    def take_in(self, actor: Actor, data: IntakeInput) -> tuple[WorkOrderDTO, Changes]:
        actor.require(Permission.EDIT_WORK_ORDERS)
        if actor.outlet_id is None:
            raise DomainError(QT_TRANSLATE_NOOP("core", "Sign in at an outlet to take in devices."))
        with self._db.write(actor) as s:
            order = take_in_at(s, actor, actor.outlet_id, data)
            return to_dto(s, order, actor), Changes(
                work_orders=True, customers=data.customer_id is None
            )


def _summaries(s: Session, which: ColumnElement[bool], limit: int = 50) -> list[OrderSummary]:
    """A repair history in one query (newest first), not a full order per row."""
    query = (
        select(
            WorkOrder.id,
            WorkOrder.number,
            WorkOrder.received_at,
            WorkOrder.status,
            Device.brand,
            Device.model,
            Device.device_type,
            WorkOrder.reported_fault,
        )
        .join(Device, Device.id == WorkOrder.device_id)
        .where(which)
        .order_by(WorkOrder.received_at.desc(), WorkOrder.id.desc())
        .limit(limit)
    )
    return [
        OrderSummary(
            oid,
            number,
            received,
            WorkOrderStatus(status),
            rules.device_label(brand, model, device_type),
            fault,
        )
        for oid, number, received, status, brand, model, device_type, fault in s.execute(query)
    ]


def take_in_at(
    s: Session, actor: Actor, outlet_id: int, data: IntakeInput, *, internal: bool = False
) -> WorkOrder:
    """Opens a work order at the outlet inside the caller's unit of work: the counter's intake, and
    the repair order a failed maintenance check opens for the outlet's own equipment (internal:
    nobody hands it over at a counter, so the outlet's arrival checklist is not demanded). The
    caller checks the permission."""
    now = utcnow()
    today = now.astimezone().date()
    fault = v.text(F_FAULT, data.reported_fault, max_len=2000, multiline=True)
    demand = v.text(F_DEMAND, data.customer_demand, max_len=1000, required=False, multiline=True)
    channel = v.choice(F_CHANNEL, str(data.channel), tuple(c.value for c in Channel))
    priority = v.choice(F_PRIORITY, str(data.priority), tuple(p.value for p in Priority))
    accessories = v.text(
        F_ACCESSORIES, data.accessories, max_len=500, required=False, multiline=True
    )
    passcode = v.text(F_PASSCODE, data.passcode, max_len=100, required=False)
    estimate = v.money(F_ESTIMATE, data.estimate)
    deposit = v.money(F_DEPOSIT, data.deposit)
    method = v.choice(F_METHOD, str(data.deposit_method), tuple(m.value for m in PaymentMethod))
    if data.promised_at is not None and (data.promised_at.tzinfo is None or data.promised_at < now):
        raise ValidationError(
            F_PROMISED, QT_TRANSLATE_NOOP("core", "must be a future date and time.")
        )
    new_customer = (
        data.new_customer.validated() if data.customer_id is None and data.new_customer else None
    )
    if data.customer_id is None and new_customer is None:
        raise ValidationError(
            F_CUSTOMER, QT_TRANSLATE_NOOP("core", "choose a customer or enter a new one.")
        )
    outlet = s.get(Outlet, outlet_id)
    if outlet is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "Outlet {id} does not exist."), id=outlet_id)
    settings = load_settings(s, outlet.id)
    device_data = validate_device(data.device, settings, today)
    condition = _condition(data.condition, settings, mandatory=not internal)
    if data.technician_id is not None:
        tech = s.get(User, data.technician_id)
        if tech is None or not tech.active:
            raise ValidationError(F_TECHNICIAN, QT_TRANSLATE_NOOP("core", "choose an active user."))
    if new_customer is not None:
        customer, _ = CustomerService.insert(s, actor, new_customer)
    else:
        existing = s.get(Customer, data.customer_id)
        if existing is None:
            raise ValidationError(
                F_CUSTOMER,
                QT_TRANSLATE_NOOP("core", "customer {id} does not exist."),
                id=data.customer_id,
            )
        customer = existing
    device = find_device(s, device_data.serial, device_data.imei, device_data.device_type)
    if device is not None and device_data.purchase_date is None and device.purchase_date:
        # A device seen before keeps its purchase date for the warranty check.
        device_data = replace(device_data, purchase_date=device.purchase_date)
    warranty = warranty_for(s, device_data, device.id if device else None, settings, today)
    if device is None:
        device = Device(customer_id=customer.id, **device_data.__dict__)
        s.add(device)
    else:  # seen before: same device, perhaps a new owner or better details
        device.customer_id = customer.id
        for key, value in device_data.__dict__.items():
            if value not in ("", None):
                setattr(device, key, value)
    s.flush()
    phones = list(
        s.scalars(
            select(CustomerPhone.number)
            .where(CustomerPhone.customer_id == customer.id)
            .order_by(CustomerPhone.position)
        )
    )
    number = next_number(s, outlet)
    order = WorkOrder(
        outlet_id=outlet.id,
        number=number,
        customer_id=customer.id,
        device_id=device.id,
        status=WorkOrderStatus.RECEIVED.value,
        priority=priority,
        channel=channel,
        reported_fault=fault,
        customer_demand=demand,
        condition=json.dumps(condition, ensure_ascii=False),
        accessories=accessories,
        passcode=passcode or None,
        estimate=estimate,
        promised_at=data.promised_at,
        technician_id=data.technician_id,
        warranty=warranty.kind.value,
        warranty_until=warranty.until,
        rework_of=warranty.last_order_number if warranty.rework else None,
        tax_rate=settings.tax_rate,
        received_at=now,
        customer_name_key=name_key(customer.name),
        customer_phone=phones[0] if phones else "",
        device_model_key=device_data.label.casefold(),
        serial=device_data.serial,
        imei=device_data.imei,
        search_text=rules.search_text(
            number,
            customer.name,
            phones,
            device_data.serial,
            device_data.imei,
            device_data.label,
        ),
        created_by_id=actor.user_id,
        updated_at=now,
    )
    s.add(order)
    s.flush()
    if deposit > 0:
        add_payment_row(
            s,
            order,
            actor,
            kind=PaymentKind.DEPOSIT.value,
            method=method,
            amount=deposit,
            at=now,
        )
    add_event(s, order, actor, "status", to_status=WorkOrderStatus.RECEIVED.value, at=now)
    s.flush()
    refresh_money(s, order)
    update_clock(s, order)
    record(
        s,
        actor,
        "create",
        "work_order",
        order.id,
        after={
            "number": number,
            "customer_id": customer.id,
            "device_id": device.id,
            "warranty": warranty.kind.value,
            "deposit": deposit,
        },
    )
    return order


def _condition(
    entries: tuple[tuple[str, bool, str], ...], settings: WorkOrderSettings, *, mandatory: bool
) -> list[list[object]]:
    checked: list[list[object]] = []
    for entry in entries:
        if len(entry) != 3:
            raise ValidationError(
                F_CONDITION,
                QT_TRANSLATE_NOOP("core", "each item needs a name, ok or not, and a note."),
            )
        item, ok, note = entry
        checked.append(
            [
                v.text(F_CONDITION, item, max_len=80),
                bool(ok),
                v.text(F_CONDITION, note, max_len=200, required=False),
            ]
        )
    if mandatory and settings.checklist_mandatory:
        missing = [item for item in settings.checklist if item not in {c[0] for c in checked}]
        if missing:
            raise ValidationError(
                F_CONDITION,
                QT_TRANSLATE_NOOP(
                    "core", "this outlet requires every item to be checked; missing: {items}."
                ),
                items=Items(missing),
            )
    return checked
