"""A repair work order for a piece of the outlet's own equipment, opened from the maintenance log
when a check fails or the asset breaks down. The order's customer is the asset's owner: the
customer whose equipment it is under a service contract, or else the outlet itself, kept as one
internal customer per outlet. The device is the asset, recognised again by its tag, so repeated
repairs of one asset show as that device's history at the counter."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from ...models import (
    Asset,
    Customer,
    CustomerPhone,
    EquipmentCategory,
    Outlet,
    ShopSetting,
    WorkOrder,
)
from .. import validation as v
from ..audit import record
from ..auth import Actor
from ..customers import name_key
from ..errors import ValidationError
from ..work_orders.dto import DeviceInput, IntakeInput
from ..work_orders.intake import take_in_at
from ..work_orders.settings import load_settings

INTERNAL_KEY = "internal_customer.{outlet_id}"
DEVICE_TYPE = "other"  # the intake's device type for equipment, when the outlet keeps it


def internal_customer(s: Session, actor: Actor, outlet: Outlet) -> tuple[Customer, bool]:
    """The outlet as a customer of its own repair counter (created on first use, remembered in
    the shop settings); True when it was created now."""
    key = INTERNAL_KEY.format(outlet_id=outlet.id)
    row = s.get(ShopSetting, key)
    if row is not None:
        found = s.get(Customer, int(json.loads(row.value)))
        if found is not None:
            return found, False
    customer = Customer(
        name=outlet.name, name_key=name_key(outlet.name), outlet_id=outlet.id, email=""
    )
    try:
        phones = [v.phone("phone", outlet.phone)] if outlet.phone.strip() else []
    except ValidationError:
        phones = []  # an outlet's phone written in a way a customer's cannot be: none then
    customer.phones = [CustomerPhone(number=n, position=i) for i, n in enumerate(phones)]
    s.add(customer)
    s.flush()
    if row is None:
        s.add(ShopSetting(key=key, value=json.dumps(customer.id)))
    else:
        row.value = json.dumps(customer.id)
    record(s, actor, "create", "customer", customer.id,
           after={"name": customer.name, "internal_for_outlet": outlet.code})  # fmt: skip
    return customer, True


def open_repair_order(s: Session, actor: Actor, asset: Asset, fault: str) -> tuple[WorkOrder, bool]:
    """Opens the order at the asset's outlet inside the caller's unit of work; True when the
    outlet's internal customer was created for it."""
    outlet = s.get(Outlet, asset.outlet_id)
    assert outlet is not None
    created = False
    customer_id = asset.customer_id
    if customer_id is None:
        customer, created = internal_customer(s, actor, outlet)
        customer_id = customer.id
    types = load_settings(s, outlet.id).device_types
    device_type = DEVICE_TYPE if DEVICE_TYPE in types else next(iter(types))
    category = s.get(EquipmentCategory, asset.category_id)
    about = [asset.name]
    if category is not None:
        about.append(category.name)
    if asset.serial:
        about.append(f"S/N {asset.serial}")
    device = DeviceInput(
        device_type=device_type,
        brand=asset.make[:60],
        model=(asset.model or asset.name)[:80],
        serial=asset.tag,  # the label on it; the maker's serial may use any characters
        notes=" · ".join(about)[:1000],
    )
    data = IntakeInput(device=device, reported_fault=fault, customer_id=customer_id)
    return take_in_at(s, actor, outlet.id, data, internal=True), created
