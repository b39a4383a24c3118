"""The equipment register (设备台账): categories, assets with their printable tags, status changes
(in service, out of service, under repair, retired), meters whose readings only go up, and the
full history of an asset."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...models import (
    Asset,
    AssetEvent,
    AssetStatus,
    Customer,
    EquipmentCategory,
    MaintenanceRecord,
    Meter,
    MeterReading,
    Outlet,
    RecordKind,
    RecordResult,
    Supplier,
    utcnow,
)
from .. import validation as v
from ..audit import record
from ..auth import Actor, Permission
from ..changes import Changes
from ..database import Database
from ..errors import DomainError, NotFound, StaleRecord, ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from ..numbering import next_number

F_NAME = QT_TRANSLATE_NOOP("core", "Name", "asset")  # 名称; a customer's Name is 姓名
F_CATEGORY = QT_TRANSLATE_NOOP("core", "Category")
F_MAKE = QT_TRANSLATE_NOOP("core", "Make")
F_MODEL = QT_TRANSLATE_NOOP("core", "Model")
F_SERIAL = QT_TRANSLATE_NOOP("core", "Serial number")
F_OUTLET = QT_TRANSLATE_NOOP("core", "Outlet")
F_LOCATION = QT_TRANSLATE_NOOP("core", "Location")
F_CUSTOMER = QT_TRANSLATE_NOOP("core", "Customer")
F_SUPPLIER = QT_TRANSLATE_NOOP("core", "Supplier")
# An asset's purchase date is 购置日期; a customer's device's (at intake) is 购买日期.
F_PURCHASE_DATE = QT_TRANSLATE_NOOP("core", "Purchase date", "asset")
F_PURCHASE_COST = QT_TRANSLATE_NOOP("core", "Purchase cost")
F_WARRANTY_END = QT_TRANSLATE_NOOP("core", "Warranty end")
F_ACCEPTED_ON = QT_TRANSLATE_NOOP("core", "Accepted on")
F_ACCEPTED_BY = QT_TRANSLATE_NOOP("core", "Accepted by")
F_ACCEPTANCE = QT_TRANSLATE_NOOP("core", "Acceptance result")
F_NOTES = QT_TRANSLATE_NOOP("core", "Notes")
F_STATUS = QT_TRANSLATE_NOOP("core", "Status")
F_REASON = QT_TRANSLATE_NOOP("core", "Reason")
F_METER = QT_TRANSLATE_NOOP("core", "Meter")
F_METER_UNIT = QT_TRANSLATE_NOOP("core", "Meter unit")
F_READING = QT_TRANSLATE_NOOP("core", "Reading")
F_READ_AT = QT_TRANSLATE_NOOP("core", "Read at")
F_RETIRED_ON = QT_TRANSLATE_NOOP("core", "Retired on")
ACCEPTANCE_RESULTS = ("", "passed", "failed")
ACCEPTANCE_WORDS: dict[str, str] = {
    "passed": QT_TRANSLATE_NOOP("core", "Passed"),
    "failed": QT_TRANSLATE_NOOP("core", "Failed"),
}
MAX_READING = Decimal("9999999999.99")
SEARCH_LIMIT = 500
TAG_LENGTH = 30  # Asset.tag's column: the longest tag there can be
STATUS_LABELS = {
    AssetStatus.IN_SERVICE: QT_TRANSLATE_NOOP("core", "In service"),
    AssetStatus.OUT_OF_SERVICE: QT_TRANSLATE_NOOP("core", "Out of service"),
    AssetStatus.UNDER_REPAIR: QT_TRANSLATE_NOOP("core", "Under repair"),
    AssetStatus.RETIRED: QT_TRANSLATE_NOOP("core", "Retired"),
}
# Created on first use of an empty register; editable afterwards.
DEFAULT_CATEGORIES = (
    "Tools 工具",
    "Test & diagnostic instruments 检测诊断仪器",
    "Counters & fixtures 柜台与工装",
    "IT 信息设备",
    "Vehicles 车辆",
)


@dataclass(frozen=True)
class CategoryDTO:
    id: int
    name: str
    active: bool


@dataclass(frozen=True)
class AssetInput:
    name: str
    category_id: int
    outlet_id: int
    make: str = ""
    model: str = ""
    serial: str = ""
    location: str = ""
    customer_id: int | None = None  # a customer's equipment under a service contract
    supplier_id: int | None = None
    purchase_date: date | str | None = None
    purchase_cost: Decimal | str | None = None
    warranty_end: date | str | None = None
    accepted_on: date | str | None = None
    accepted_by: str = ""
    acceptance_result: str = ""  # "", "passed", "failed"
    acceptance_notes: str = ""
    notes: str = ""

    def validated(self) -> AssetInput:
        cost = self.purchase_cost
        bought = v.day(F_PURCHASE_DATE, self.purchase_date, latest=date.today())
        warranty = v.day(F_WARRANTY_END, self.warranty_end)
        accepted = v.day(F_ACCEPTED_ON, self.accepted_on, latest=date.today())
        if bought and warranty and warranty < bought:
            raise ValidationError(
                F_WARRANTY_END, QT_TRANSLATE_NOOP("core", "cannot be before the purchase date.")
            )
        if bought and accepted and accepted < bought:
            raise ValidationError(
                F_ACCEPTED_ON, QT_TRANSLATE_NOOP("core", "cannot be before the purchase date.")
            )
        return AssetInput(
            name=v.text(F_NAME, self.name, max_len=120, name_like=True),
            category_id=_id(F_CATEGORY, self.category_id),
            outlet_id=_id(F_OUTLET, self.outlet_id),
            make=v.text(F_MAKE, self.make, max_len=80, required=False, name_like=True),
            model=v.text(F_MODEL, self.model, max_len=80, required=False, name_like=True),
            serial=v.text(F_SERIAL, self.serial, max_len=80, required=False, name_like=True),
            location=v.text(F_LOCATION, self.location, max_len=80, required=False, name_like=True),
            customer_id=None if self.customer_id is None else _id(F_CUSTOMER, self.customer_id),
            supplier_id=None if self.supplier_id is None else _id(F_SUPPLIER, self.supplier_id),
            purchase_date=bought,
            purchase_cost=None
            if cost is None or (isinstance(cost, str) and not cost.strip())
            else v.money(F_PURCHASE_COST, cost),
            warranty_end=warranty,
            accepted_on=accepted,
            accepted_by=v.text(
                F_ACCEPTED_BY, self.accepted_by, max_len=120, required=False, name_like=True
            ),
            acceptance_result=v.choice(
                F_ACCEPTANCE, (self.acceptance_result or "").strip(), ACCEPTANCE_RESULTS
            ),
            acceptance_notes=v.text(
                F_ACCEPTANCE, self.acceptance_notes, max_len=2000, required=False, multiline=True
            ),
            notes=v.text(F_NOTES, self.notes, max_len=4000, required=False, multiline=True),
        )


@dataclass(frozen=True)
class Downtime:
    """A breakdown's downtime: open (`until` None) while the asset is still down, until it is
    back in service. `automatic`: opened by a status change (open_downtime), the breakdown not
    logged yet; logging it fills this one in (MaintenanceService.log)."""

    record_id: int
    number: str  # the breakdown's record, MR-...
    since: datetime
    until: datetime | None = None
    automatic: bool = False

    @property
    def hours(self) -> float | None:
        """How long it lasted, for a person to read; None while it is open."""
        if self.until is None:
            return None
        return max((self.until - self.since).total_seconds(), 0) / 3600


@dataclass(frozen=True)
class MeterDTO:
    id: int
    name: str
    unit: str
    value: Decimal | None
    read_at: datetime | None


@dataclass(frozen=True)
class AssetDTO:
    id: int
    tag: str
    name: str
    category_id: int
    category: str
    make: str
    model: str
    serial: str
    outlet_id: int
    outlet_code: str
    location: str
    customer_id: int | None
    customer_name: str
    supplier_id: int | None
    purchase_date: date | None
    purchase_cost: Decimal | None
    warranty_end: date | None
    accepted_on: date | None
    accepted_by: str
    acceptance_result: str
    acceptance_notes: str
    status: AssetStatus
    retired_on: date | None
    retire_reason: str
    notes: str
    meters: tuple[MeterDTO, ...]
    version: int
    down: Downtime | None = None  # the open downtime it is in (ends back in service), if any
    # A status change's downtime that ended lately with its breakdown not logged yet
    # (recent_automatic_downtime): the breakdown logged now fills it in. None while down.
    unfilled: Downtime | None = None

    def input(self) -> AssetInput:
        """The asset as a form fills it, to change some fields and save."""
        return AssetInput(
            self.name, self.category_id, self.outlet_id, self.make, self.model, self.serial,
            self.location, self.customer_id, self.supplier_id, self.purchase_date,
            self.purchase_cost, self.warranty_end, self.accepted_on, self.accepted_by,
            self.acceptance_result, self.acceptance_notes, self.notes,
        )  # fmt: skip

    def under_warranty(self, today: date) -> bool:
        return self.warranty_end is not None and today <= self.warranty_end


@dataclass(frozen=True)
class AssetRow:
    """A line of the register list."""

    id: int
    tag: str
    name: str
    category: str
    make: str
    model: str
    serial: str
    outlet_code: str
    location: str
    status: AssetStatus


@dataclass(frozen=True)
class HistoryEntry:
    """One line of an asset's history, newest first: upkeep, a status change or a reading."""

    at: datetime
    kind: str  # "record", "status", "reading"
    title: str  # record kind, new status, meter name
    detail: str
    by: str
    record_id: int | None = None
    down_from: datetime | None = None  # a record's downtime; down_to None while still down
    down_to: datetime | None = None

    @property
    def still_down(self) -> bool:
        return self.down_from is not None and self.down_to is None

    def shown_detail(self, translate: Callable[[str], str] = str) -> str:
        """The detail with a failure cause the core wrote (shown_cause) in `translate`'s
        language."""
        if self.kind != "record":
            return self.detail
        return " · ".join(shown_cause(part, translate) for part in self.detail.split(" · "))


class EquipmentService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ------------------------------------------------------------ categories

    def categories(self, actor: Actor, *, include_retired: bool = False) -> list[CategoryDTO]:
        actor.require(Permission.VIEW_EQUIPMENT)
        query = select(EquipmentCategory).order_by(EquipmentCategory.name)
        if not include_retired:
            query = query.where(EquipmentCategory.active)
        with self._db.read(actor) as s:
            found = [CategoryDTO(c.id, c.name, c.active) for c in s.scalars(query)]
        if found or include_retired:
            return found
        with self._db.write(actor) as s:  # an empty register starts with the usual five
            if not s.scalar(select(func.count()).select_from(EquipmentCategory)):
                s.add_all(EquipmentCategory(name=name) for name in DEFAULT_CATEGORIES)
        with self._db.read(actor) as s:
            return [CategoryDTO(c.id, c.name, c.active) for c in s.scalars(query)]

    def save_category(
        self, actor: Actor, name: str, *, category_id: int | None = None, active: bool = True
    ) -> tuple[CategoryDTO, Changes]:
        """Add a category, or rename / retire / restore one."""
        actor.require(Permission.MANAGE_EQUIPMENT)
        name = v.text(F_CATEGORY, name, max_len=80, name_like=True)
        try:
            with self._db.write(actor) as s:
                if category_id is None:
                    category = EquipmentCategory(name=name, active=active)
                    s.add(category)
                else:
                    found = s.get(EquipmentCategory, category_id)
                    if found is None:
                        raise NotFound(
                            QT_TRANSLATE_NOOP("core", "Category {id} does not exist."),
                            id=category_id,
                        )
                    category = found
                    category.name, category.active = name, active
                s.flush()
                record(s, actor, "save", "equipment_category", category.id, after={"name": name})
                return CategoryDTO(category.id, name, active), Changes(equipment=True)
        except IntegrityError:
            raise ValidationError(
                F_CATEGORY, QT_TRANSLATE_NOOP("core", "{name} already exists."), name=name
            ) from None

    # ------------------------------------------------------------ assets

    def create(self, actor: Actor, data: AssetInput) -> tuple[AssetDTO, Changes]:
        """Register an asset; its tag (EQ-outlet-000001) is given here and never reused."""
        actor.require(Permission.MANAGE_EQUIPMENT)
        data = data.validated()
        with self._db.write(actor) as s:
            outlet = _check_links(s, data)
            asset = Asset(tag=next_number(s, outlet, "asset", "EQ"), **_columns(data))
            s.add(asset)
            s.flush()
            _event(s, actor, asset, "", AssetStatus.IN_SERVICE.value, "")
            record(s, actor, "create", "asset", asset.id, after=_snapshot(asset))
            return _dto(s, asset), Changes(equipment=True)

    def update(
        self, actor: Actor, asset_id: int, version: int, data: AssetInput
    ) -> tuple[AssetDTO, Changes]:
        actor.require(Permission.MANAGE_EQUIPMENT)
        data = data.validated()
        with self._db.write(actor) as s:
            asset = _locked(s, asset_id, version)
            _check_links(s, data)
            before = _snapshot(asset)
            for key, value in _columns(data).items():
                setattr(asset, key, value)
            s.flush()
            record(s, actor, "update", "asset", asset.id, before=before, after=_snapshot(asset))
            return _dto(s, asset), Changes(equipment=True)

    def set_status(
        self,
        actor: Actor,
        asset_id: int,
        version: int,
        status: AssetStatus | str,
        reason: str = "",
        *,
        on: date | str | None = None,
    ) -> tuple[AssetDTO, tuple[Downtime, ...], Changes]:
        """In service, out of service, under repair; or retired (with the date and a reason,
        required). A retired asset stays retired: its history is kept, nothing more is done.
        An asset in service taken out is down from now (open_downtime, its cause the reason,
        required then), as the register import does, unless a breakdown still down already
        covers it. Also returns the downtimes that going back in service ended (none, or the
        one open)."""
        new = AssetStatus(v.choice(F_STATUS, str(status), tuple(AssetStatus)))
        permission = Permission.MANAGE_EQUIPMENT
        if new in (AssetStatus.UNDER_REPAIR, AssetStatus.OUT_OF_SERVICE):
            permission = Permission.LOG_MAINTENANCE  # whoever finds the fault takes it out
        actor.require(permission)
        retiring = new is AssetStatus.RETIRED
        reason = v.text(F_REASON, reason, max_len=1000, required=retiring, multiline=True)
        retired_on = v.day(F_RETIRED_ON, on, latest=date.today()) if retiring else None
        with self._db.write(actor) as s:
            asset = _locked(s, asset_id, version)
            if not reason and new in DOWN and asset.status == AssetStatus.IN_SERVICE.value:
                raise ValidationError(
                    F_REASON,
                    QT_TRANSLATE_NOOP(
                        "core",
                        "is required when {tag} is taken out of service: it is the cause of "
                        "the downtime that starts now.",
                    ),
                    tag=asset.tag,
                )
            ended = set_asset_status(s, actor, asset, new, reason, retired_on,
                                     opens_downtime=True)  # fmt: skip
            return _dto(s, asset), ended, Changes(equipment=True)

    def get(self, actor: Actor, asset_id: int) -> AssetDTO:
        actor.require(Permission.VIEW_EQUIPMENT)
        with self._db.read(actor) as s:
            return _dto(s, _asset(s, asset_id))

    def by_tag(self, actor: Actor, tag: str) -> AssetDTO | None:
        """The asset a scanned tag names (case and spaces forgiven), if any."""
        actor.require(Permission.VIEW_EQUIPMENT)
        code = (tag or "").strip().upper()
        if len(code) > TAG_LENGTH:
            return None  # no tag is that long; cut, it could be another asset's tag
        with self._db.read(actor) as s:
            asset = s.scalar(select(Asset).where(Asset.tag == code))
            return _dto(s, asset) if asset is not None else None

    def search(
        self,
        actor: Actor,
        text: str = "",
        *,
        outlet_id: int | None = None,
        category_id: int | None = None,
        status: AssetStatus | None = None,
        include_retired: bool = False,
        limit: int = SEARCH_LIMIT,
    ) -> list[AssetRow]:
        """By tag prefix, name fragment, make, model or serial; by tag."""
        actor.require(Permission.VIEW_EQUIPMENT)
        text = (text or "").strip()[:80]
        query = (
            select(
                Asset.id,
                Asset.tag,
                Asset.name,
                EquipmentCategory.name,
                Asset.make,
                Asset.model,
                Asset.serial,
                Outlet.code,
                Asset.location,
                Asset.status,
            )  # fmt: skip
            .join(EquipmentCategory, EquipmentCategory.id == Asset.category_id)
            .join(Outlet, Outlet.id == Asset.outlet_id)
        )
        if outlet_id is not None:
            query = query.where(Asset.outlet_id == outlet_id)
        if category_id is not None:
            query = query.where(Asset.category_id == category_id)
        if status is not None:
            query = query.where(Asset.status == status.value)
        elif not include_retired:
            query = query.where(Asset.status != AssetStatus.RETIRED.value)
        if text:
            folded = text.casefold()
            query = query.where(
                or_(
                    Asset.tag.startswith(text.upper(), autoescape=True),
                    Asset.name_key.contains(folded, autoescape=True),
                    func.lower(Asset.model).contains(folded, autoescape=True),
                    func.lower(Asset.make).contains(folded, autoescape=True),
                    Asset.serial == text,
                )
            )
        query = query.order_by(Asset.tag).limit(limit)
        with self._db.read_rows(actor) as conn:
            return [
                AssetRow(id_, tag, name, category, make, model, serial, outlet, where,
                         AssetStatus(status))
                for id_, tag, name, category, make, model, serial, outlet, where, status
                in conn.execute(query)
            ]  # fmt: skip

    # ------------------------------------------------------------ meters

    def add_meter(
        self, actor: Actor, asset_id: int, name: str, unit: str = ""
    ) -> tuple[MeterDTO, Changes]:
        """Something counted on the asset (operating hours, cycles)."""
        actor.require(Permission.MANAGE_EQUIPMENT)
        name = v.text(F_METER, name, max_len=40, name_like=True)
        unit = v.text(F_METER_UNIT, unit, max_len=20, required=False, name_like=True)
        try:
            with self._db.write(actor) as s:
                asset = _asset(s, asset_id)
                meter = Meter(asset_id=asset.id, name=name, unit=unit)
                s.add(meter)
                s.flush()
                record(s, actor, "add_meter", "asset", asset.id, after={"meter": name})
                return _meter_dto(meter), Changes(equipment=True)
        except IntegrityError:
            raise ValidationError(
                F_METER, QT_TRANSLATE_NOOP("core", "{name} already exists."), name=name
            ) from None

    def read_meter(
        self,
        actor: Actor,
        meter_id: int,
        value: Decimal | str | int,
        *,
        at: datetime | None = None,
    ) -> tuple[MeterDTO, Changes]:
        """A dated reading; refused when lower than one taken before it."""
        actor.require(Permission.LOG_MAINTENANCE)
        reading = v.number(F_READING, value, minimum=Decimal(0), maximum=MAX_READING)
        when = at or utcnow()
        if when.tzinfo is None:
            raise ValidationError(F_READ_AT, QT_TRANSLATE_NOOP("core", "needs a time zone."))
        with self._db.write(actor) as s:
            meter = s.get(Meter, meter_id, with_for_update=True)
            if meter is None:
                raise NotFound(QT_TRANSLATE_NOOP("core", "Meter {id} does not exist."), id=meter_id)
            add_reading(s, actor, meter, reading, when)
            return _meter_dto(meter), Changes(equipment=True)

    # ------------------------------------------------------------ history

    def history(self, actor: Actor, asset_id: int, limit: int = 500) -> list[HistoryEntry]:
        """Upkeep and repairs, status changes and meter readings, newest first."""
        actor.require(Permission.VIEW_EQUIPMENT)
        with self._db.read(actor) as s:
            _asset(s, asset_id)
            entries: list[HistoryEntry] = []
            for r in s.scalars(
                select(MaintenanceRecord)
                .where(MaintenanceRecord.asset_id == asset_id)
                .order_by(MaintenanceRecord.done_at.desc(), MaintenanceRecord.id.desc())
                .limit(limit)
            ):
                # An automatic downtime's notes repeat its cause (the reason it was opened for).
                notes = "" if r.notes.strip() == r.failure_cause.strip() else r.notes
                detail = " · ".join(
                    part for part in (r.number, r.component, r.failure_cause, notes) if part
                )
                entries.append(
                    HistoryEntry(r.done_at, "record", r.kind, detail, r.done_by, r.id,
                                 r.down_from, r.down_to)
                )  # fmt: skip
            for e in s.scalars(
                select(AssetEvent)
                .where(AssetEvent.asset_id == asset_id)
                .order_by(AssetEvent.at.desc())
                .limit(limit)
            ):
                entries.append(HistoryEntry(e.at, "status", e.to_status, e.reason, e.username))
            for reading, meter in s.execute(
                select(MeterReading, Meter)
                .join(Meter, Meter.id == MeterReading.meter_id)
                .where(Meter.asset_id == asset_id)
                .order_by(MeterReading.at.desc())
                .limit(limit)
            ).tuples():
                value = f"{reading.value.normalize():f} {meter.unit}".strip()
                entries.append(
                    HistoryEntry(reading.at, "reading", meter.name, value, reading.username)
                )
        entries.sort(key=lambda e: e.at, reverse=True)
        return entries[:limit]


# ---------------------------------------------------------------- shared with the upkeep log


def may_export_equipment(actor: Actor) -> bool:
    """Whoever may export data, and those who keep the equipment: maintenance staff take their
    register, log, due list and plans out to Excel."""
    return actor.can(Permission.VIEW_EQUIPMENT) and (
        actor.can(Permission.EXPORT_DATA) or actor.can(Permission.MANAGE_EQUIPMENT)
    )


DOWN = frozenset({AssetStatus.UNDER_REPAIR, AssetStatus.OUT_OF_SERVICE})


def set_asset_status(
    s: Session,
    actor: Actor,
    asset: Asset,
    new: AssetStatus,
    reason: str,
    retired_on: date | None = None,
    *,
    opens_downtime: bool = False,
    cause: str | None = None,
) -> tuple[Downtime, ...]:
    """Change the status in the caller's transaction, with its event and audit line. Back in
    service or retired, the downtime of a breakdown logged as still down ends now; returns what
    ended.
    With `opens_downtime`, an asset in service that goes down gets its downtime (open_downtime,
    its cause `cause`, else the reason): for a change that logs no breakdown of its own (a
    person's status change, the register import); the upkeep log opens its own (a breakdown
    carries its downtime, a failed check gets open_downtime's from when it was found)."""
    old = AssetStatus(asset.status)
    if old is AssetStatus.RETIRED:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "core", "{tag} is retired; its history is kept but it cannot change."
            ),
            tag=asset.tag,
        )
    if old is new:
        return ()
    asset.status = new.value
    if new is AssetStatus.RETIRED:
        asset.retired_on = retired_on or date.today()
        asset.retire_reason = reason
    s.flush()
    _event(s, actor, asset, old.value, new.value, reason)
    record(s, actor, "status", "asset", asset.id, before={"status": old.value},
           after={"status": new.value, "reason": reason})  # fmt: skip
    if new in (AssetStatus.IN_SERVICE, AssetStatus.RETIRED):
        # Back in service, or retired while down: its downtime ends now (a retired asset is not
        # "down since …" for ever; the figures stop at its retirement in any case).
        return _end_downtime(s, actor, asset)
    if opens_downtime and old is AssetStatus.IN_SERVICE:
        open_downtime(s, actor, asset, reason if cause is None else cause, notes=reason)
    return ()


# The cause of the downtime a register import opens (its rows give no reason): stored in
# English, shown in the window's language (shown_cause).
IMPORT_CAUSES = {
    AssetStatus.UNDER_REPAIR: QT_TRANSLATE_NOOP("core", "Set under repair by import"),
    AssetStatus.OUT_OF_SERVICE: QT_TRANSLATE_NOOP("core", "Set out of service by import"),
}


def shown_cause(cause: str, translate: Callable[[str], str] = str) -> str:
    """A failure cause as shown: one the core wrote (IMPORT_CAUSES) in `translate`'s language."""
    return translate(cause) if cause in IMPORT_CAUSES.values() else cause


def open_downtime(
    s: Session, actor: Actor, asset: Asset, cause: str, *, notes: str | None = None,
    since: datetime | None = None,
) -> Downtime | None:  # fmt: skip
    """An asset under repair or out of service with no breakdown logged for it is down from now
    (or `since`, when a failed check found it): a breakdown still down (its cause the reason
    given, its notes `notes` if given), so the figures count the time and back in service ends
    it, as for one logged still down. None when it is not down or already has its open
    downtime (one per asset). Its mark is `passed` False with no checklist results, which no
    breakdown a person logs has (is_automatic): logging one takes this record over."""
    if AssetStatus(asset.status) not in DOWN:
        return None
    if s.scalars(_open_downtimes(asset.id).limit(1)).first() is not None:
        return None
    outlet = s.get(Outlet, asset.outlet_id)
    assert outlet is not None
    now = since or utcnow()
    entry = MaintenanceRecord(
        number=next_number(s, outlet, "maintenance", "MR"),
        asset_id=asset.id,
        outlet_id=asset.outlet_id,
        kind=RecordKind.BREAKDOWN.value,
        done_at=now,
        done_by=actor.display_name or actor.username,
        down_from=now,
        failure_cause=cause.strip().splitlines()[0][:200] if cause.strip() else "",
        passed=False,
        notes=(cause if notes is None else notes).strip(),
    )
    s.add(entry)
    s.flush()
    record(s, actor, "open_downtime", "maintenance_record", entry.id,
           after={"number": entry.number, "asset": asset.tag, "status": asset.status,
                  "down_from": now})  # fmt: skip
    return Downtime(entry.id, entry.number, now, automatic=True)


def down_since(s: Session, asset_id: int, found_at: datetime, now: datetime) -> datetime:
    """When an asset in service that the upkeep log takes out is down from: when the failure
    was found (not in the future), though not before a recorded downtime of it ended (a
    downtime is counted once)."""
    r = MaintenanceRecord
    ended = s.scalar(
        select(r.down_to)
        .where(r.asset_id == asset_id, r.kind == RecordKind.BREAKDOWN.value,
               r.down_to.is_not(None))
        .order_by(r.down_to.desc())
        .limit(1)
    )  # fmt: skip
    since = min(found_at, now)
    return since if ended is None else max(since, ended)


def is_automatic(s: Session, entry: MaintenanceRecord) -> bool:
    """A breakdown record open_downtime made that no logged breakdown has filled in yet: a
    person's breakdown is `passed` (every check within limits) unless a checklist result of its
    own failed, and open_downtime's is not passed and has no results."""
    return (
        entry.kind == RecordKind.BREAKDOWN.value
        and not entry.passed
        and entry.plan_id is None
        and s.scalar(select(RecordResult.id).where(RecordResult.record_id == entry.id).limit(1))
        is None
    )


def automatic_downtime(s: Session, asset_id: int) -> MaintenanceRecord | None:
    """The asset's open downtime when a status change opened it (is_automatic), locked for the
    breakdown that fills it in; else None."""
    entry = s.scalars(_open_downtimes(asset_id).with_for_update().limit(1)).first()
    return entry if entry is not None and is_automatic(s, entry) else None


# A breakdown logged after the asset is back in service, with no downtime given, fills in the
# status change's downtime that ended this long before it at most (the crew's usual delay).
FILL_IN_WITHIN = timedelta(days=7)


def _unfilled_closed(asset_id: int) -> Select[tuple[MaintenanceRecord]]:
    """The asset's status-change downtimes that have ended, not yet filled in by a breakdown
    (is_automatic, in SQL), newest first."""
    r = MaintenanceRecord
    return (
        select(r)
        .where(
            r.asset_id == asset_id,
            r.kind == RecordKind.BREAKDOWN.value,
            r.passed.is_(False),
            r.plan_id.is_(None),
            r.down_from.is_not(None),
            r.down_to.is_not(None),
            ~select(RecordResult.id).where(RecordResult.record_id == r.id).exists(),
        )
        .order_by(r.down_to.desc(), r.id.desc())
    )


def closed_automatic_downtime(
    s: Session,
    asset_id: int,
    down_from: datetime | None,
    down_to: datetime | None,
    done_at: datetime,
) -> MaintenanceRecord | None:
    """The ended status-change downtime a breakdown logged with no automatic downtime open
    fills in, locked: the one its downtime overlaps; given none, the one whose down period
    holds done_at, else the latest that ended within FILL_IN_WITHIN before done_at (logged
    after the asset was back in service). None: the breakdown is a record of its own."""
    r = MaintenanceRecord
    query = _unfilled_closed(asset_id).with_for_update()
    if down_from is not None:
        query = query.where(r.down_to > down_from)
        if down_to is not None:
            query = query.where(r.down_from < down_to)
        return s.scalars(query.limit(1)).first()
    holding = s.scalars(query.where(r.down_from <= done_at, r.down_to >= done_at).limit(1)).first()
    if holding is not None:
        return holding
    return s.scalars(
        query.where(r.down_to <= done_at, r.down_to >= done_at - FILL_IN_WITHIN).limit(1)
    ).first()


def recent_automatic_downtime(s: Session, asset_id: int, now: datetime) -> Downtime | None:
    """What a breakdown logged now with no downtime of its own would fill in, for the form to
    offer its start and end: the latest status-change downtime, not filled in, that ended
    within FILL_IN_WITHIN."""
    r = MaintenanceRecord
    entry = s.scalars(
        _unfilled_closed(asset_id).where(r.down_to >= now - FILL_IN_WITHIN).limit(1)
    ).first()
    if entry is None or entry.down_from is None:
        return None
    return Downtime(entry.id, entry.number, entry.down_from, entry.down_to, automatic=True)


def _open_downtimes(asset_id: int) -> Select[tuple[MaintenanceRecord]]:
    return (
        select(MaintenanceRecord)
        .where(
            MaintenanceRecord.asset_id == asset_id,
            MaintenanceRecord.down_from.is_not(None),
            MaintenanceRecord.down_to.is_(None),
        )
        .order_by(MaintenanceRecord.down_from, MaintenanceRecord.id)
    )


def _end_downtime(s: Session, actor: Actor, asset: Asset) -> tuple[Downtime, ...]:
    """The asset is back in service: its open downtime (one, or more left by older versions)
    ends at this moment, audited."""
    now = utcnow()
    still_down = s.scalars(_open_downtimes(asset.id).with_for_update()).all()
    ended = []
    for entry in still_down:
        assert entry.down_from is not None
        entry.down_to = max(now, entry.down_from)
        record(s, actor, "end_downtime", "maintenance_record", entry.id,
               before={"down_to": None},
               after={"number": entry.number, "asset": asset.tag, "down_to": entry.down_to})  # fmt: skip
        ended.append(Downtime(entry.id, entry.number, entry.down_from, entry.down_to))
    s.flush()
    return tuple(ended)


def add_reading(s: Session, actor: Actor, meter: Meter, value: Decimal, at: datetime,
                record_id: int | None = None) -> None:  # fmt: skip
    """A reading in the caller's transaction; never below one taken at or before its time,
    nor above one taken after it."""
    before = s.scalar(
        select(func.max(MeterReading.value)).where(
            MeterReading.meter_id == meter.id, MeterReading.at <= at
        )
    )
    after = s.scalar(
        select(func.min(MeterReading.value)).where(
            MeterReading.meter_id == meter.id, MeterReading.at > at
        )
    )
    if (before is not None and value < before) or (after is not None and value > after):
        raise ValidationError(
            F_READING,
            QT_TRANSLATE_NOOP(
                "core", "{value} is lower than an earlier reading of {meter} ({before})."
            )
            if before is not None and value < before
            else QT_TRANSLATE_NOOP(
                "core", "{value} is higher than a later reading of {meter} ({before})."
            ),
            value=f"{value:f}",
            meter=meter.name,
            before=f"{(before if before is not None and value < before else after):f}",
        )
    s.add(
        MeterReading(
            meter_id=meter.id,
            at=at,
            value=value,
            username=actor.display_name or actor.username,
            record_id=record_id,
        )
    )
    if meter.last_read_at is None or at >= meter.last_read_at:
        meter.last_value, meter.last_read_at = value, at
    s.flush()


# ---------------------------------------------------------------- helpers


def _id(field: str, value: Any) -> int:
    return v.integer(field, value, minimum=1, maximum=2**31 - 1)


def _check_links(s: Session, data: AssetInput) -> Outlet:
    outlet = s.get(Outlet, data.outlet_id)
    if outlet is None:
        raise ValidationError(
            F_OUTLET, QT_TRANSLATE_NOOP("core", "outlet {id} does not exist."), id=data.outlet_id
        )
    category = s.get(EquipmentCategory, data.category_id)
    if category is None:
        raise ValidationError(
            F_CATEGORY,
            QT_TRANSLATE_NOOP("core", "category {id} does not exist."),
            id=data.category_id,
        )
    if data.customer_id is not None and s.get(Customer, data.customer_id) is None:
        raise ValidationError(
            F_CUSTOMER,
            QT_TRANSLATE_NOOP("core", "customer {id} does not exist."),
            id=data.customer_id,
        )
    if data.supplier_id is not None and s.get(Supplier, data.supplier_id) is None:
        raise ValidationError(
            F_SUPPLIER,
            QT_TRANSLATE_NOOP("core", "supplier {id} does not exist."),
            id=data.supplier_id,
        )
    return outlet


def _columns(data: AssetInput) -> dict[str, Any]:
    values = {f.name: getattr(data, f.name) for f in fields(data)}
    values["name_key"] = data.name.casefold()
    return values


def _asset(s: Session, asset_id: int) -> Asset:
    asset = s.get(Asset, asset_id)
    if asset is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "Asset {id} does not exist."), id=asset_id)
    return asset


def _locked(s: Session, asset_id: int, version: int) -> Asset:
    asset = s.scalar(select(Asset).where(Asset.id == asset_id).with_for_update())
    if asset is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "Asset {id} does not exist."), id=asset_id)
    if asset.version != version:
        raise StaleRecord(
            QT_TRANSLATE_NOOP(
                "core",
                "{tag} was changed by someone else meanwhile; nothing was saved. Open it again "
                "to see the change.",
            ),
            tag=asset.tag,
        )
    return asset


def _event(s: Session, actor: Actor, asset: Asset, old: str, new: str, reason: str) -> None:
    s.add(
        AssetEvent(
            asset_id=asset.id,
            at=utcnow(),
            username=actor.display_name or actor.username,
            from_status=old,
            to_status=new,
            reason=reason,
        )
    )


def _snapshot(asset: Asset) -> dict[str, Any]:
    keys = ("tag", "name", "category_id", "make", "model", "serial", "outlet_id", "location",
            "customer_id", "status")  # fmt: skip
    return {k: getattr(asset, k) for k in keys}


def _meter_dto(meter: Meter) -> MeterDTO:
    return MeterDTO(meter.id, meter.name, meter.unit, meter.last_value, meter.last_read_at)


def _dto(s: Session, asset: Asset) -> AssetDTO:
    category = s.get(EquipmentCategory, asset.category_id)
    outlet_code = s.scalar(select(Outlet.code).where(Outlet.id == asset.outlet_id)) or ""
    customer = (
        s.scalar(select(Customer.name).where(Customer.id == asset.customer_id))
        if asset.customer_id
        else None
    )
    meters = tuple(
        _meter_dto(m)
        for m in s.scalars(select(Meter).where(Meter.asset_id == asset.id).order_by(Meter.name))
    )
    down = s.scalars(_open_downtimes(asset.id).limit(1)).first()
    return AssetDTO(
        asset.id, asset.tag, asset.name, asset.category_id, category.name if category else "",
        asset.make, asset.model, asset.serial, asset.outlet_id, outlet_code, asset.location,
        asset.customer_id, customer or "", asset.supplier_id, asset.purchase_date,
        asset.purchase_cost, asset.warranty_end, asset.accepted_on, asset.accepted_by,
        asset.acceptance_result, asset.acceptance_notes, AssetStatus(asset.status),
        asset.retired_on, asset.retire_reason, asset.notes, meters, asset.version,
        Downtime(down.id, down.number, down.down_from, automatic=is_automatic(s, down))
        if down and down.down_from
        else None,
        None if down else recent_automatic_downtime(s, asset.id, utcnow()),
    )  # fmt: skip
