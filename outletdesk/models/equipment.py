"""Equipment (设备) and its upkeep: the register of an outlet's tools and instruments (or a
customer's under a service contract), meters with readings that only go up, maintenance plans with
their checklists and parts kits, the next due date of every plan for every asset it covers, and the
log of maintenance done, repairs and breakdowns (for MTBF, MTTR and availability).
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Money, UTCDateTime, utcnow


class AssetStatus(enum.StrEnum):
    IN_SERVICE = "in_service"
    OUT_OF_SERVICE = "out_of_service"
    UNDER_REPAIR = "under_repair"
    RETIRED = "retired"


class RecordKind(enum.StrEnum):
    PLANNED = "planned"  # a plan's task done (inspection, calibration, cleaning, replacement)
    REPAIR = "repair"  # unplanned repair of a fault that did not stop the asset
    BREAKDOWN = "breakdown"  # a failure: counts for MTBF, its downtime for MTTR


class CheckKind(enum.StrEnum):
    CHECK = "check"  # ok / not ok
    NUMBER = "number"  # a measured value with unit and acceptable range
    TEXT = "text"
    METER = "meter"  # a reading of one of the asset's meters


class EquipmentCategory(Base):
    """Tools, test and diagnostic instruments, counters and fixtures, IT, vehicles; editable."""

    __tablename__ = "equipment_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Asset(Base):
    """One piece of equipment, by its printed asset tag."""

    __tablename__ = "assets"

    id: Mapped[int] = mapped_column(primary_key=True)
    tag: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    name_key: Mapped[str] = mapped_column(String(120), index=True)  # casefolded, for search
    category_id: Mapped[int] = mapped_column(ForeignKey("equipment_categories.id"), index=True)
    make: Mapped[str] = mapped_column(String(80), default="")
    model: Mapped[str] = mapped_column(String(80), default="", index=True)
    serial: Mapped[str] = mapped_column(String(80), default="")
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id"))
    location: Mapped[str] = mapped_column(String(80), default="")  # bench 2, store room...
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), default=None)
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"), default=None)
    purchase_date: Mapped[date | None] = mapped_column(Date, default=None)
    purchase_cost: Mapped[Decimal | None] = mapped_column(Money(), default=None)
    warranty_end: Mapped[date | None] = mapped_column(Date, default=None)
    accepted_on: Mapped[date | None] = mapped_column(Date, default=None)
    accepted_by: Mapped[str] = mapped_column(String(120), default="")
    acceptance_result: Mapped[str] = mapped_column(String(20), default="")  # passed / failed
    acceptance_notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=AssetStatus.IN_SERVICE.value)
    retired_on: Mapped[date | None] = mapped_column(Date, default=None)
    retire_reason: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Where an imported asset came from (e.g. "pdm:machine:24"), so importing again matches it.
    source_ref: Mapped[str | None] = mapped_column(String(80), default=None, unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_assets_outlet_status", "outlet_id", "status"),)


class AssetEvent(Base):
    """A status change of an asset (in service, out of service, under repair, retired)."""

    __tablename__ = "asset_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    asset_id: Mapped[int] = mapped_column(ForeignKey("assets.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    username: Mapped[str] = mapped_column(String(120))
    from_status: Mapped[str] = mapped_column(String(20), default="")
    to_status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")


class Meter(Base):
    """Something counted on an asset (operating hours, cycles) whose readings only go up."""

    __tablename__ = "meters"

    id: Mapped[int] = mapped_column(primary_key=True)
    asset_id: Mapped[int] = mapped_column(ForeignKey("assets.id"))
    name: Mapped[str] = mapped_column(String(40))
    unit: Mapped[str] = mapped_column(String(20), default="")
    last_value: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), default=None)
    last_read_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    __table_args__ = (UniqueConstraint("asset_id", "name"),)


class MeterReading(Base):
    __tablename__ = "meter_readings"

    id: Mapped[int] = mapped_column(primary_key=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    value: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    username: Mapped[str] = mapped_column(String(120))
    record_id: Mapped[int | None] = mapped_column(
        ForeignKey("maintenance_records.id"), default=None
    )

    __table_args__ = (Index("ix_meter_readings_meter_at", "meter_id", "at"),)


class MaintenancePlan(Base):
    """What is done, how often: for one asset, or for every asset of a category. Time-based
    (every N days/weeks/months/years), meter-based (every N units), or both: whichever first."""

    __tablename__ = "maintenance_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    asset_id: Mapped[int | None] = mapped_column(ForeignKey("assets.id"), default=None, index=True)
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("equipment_categories.id"), default=None, index=True
    )
    interval_count: Mapped[int | None] = mapped_column(Integer, default=None)
    interval_unit: Mapped[str | None] = mapped_column(String(10), default=None)
    meter_name: Mapped[str] = mapped_column(String(40), default="")
    meter_interval: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), default=None)
    anchor: Mapped[str] = mapped_column(String(12), default="schedule")  # or "completion"
    start_date: Mapped[date] = mapped_column(Date)
    lead_days: Mapped[int] = mapped_column(Integer, default=7)
    estimated_minutes: Mapped[int] = mapped_column(Integer, default=0)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    instructions: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint(
            "(asset_id IS NULL) <> (category_id IS NULL)", name="plan_for_asset_or_category"
        ),
    )


class PlanItem(Base):
    """One line of a plan's checklist."""

    __tablename__ = "plan_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("maintenance_plans.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))
    label: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(20), default="")
    minimum: Mapped[Decimal | None] = mapped_column(Numeric(14, 4), default=None)
    maximum: Mapped[Decimal | None] = mapped_column(Numeric(14, 4), default=None)


class PlanPart(Base):
    """A part normally used by the plan (its kit)."""

    __tablename__ = "plan_parts"

    plan_id: Mapped[int] = mapped_column(ForeignKey("maintenance_plans.id"), primary_key=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"), primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer, default=1)


class PlanDue(Base):
    """When a plan is next due on one asset it covers (by date, by meter value, or both), kept
    up to date when the plan changes and when its task is done; the due list reads only this."""

    __tablename__ = "plan_dues"

    plan_id: Mapped[int] = mapped_column(ForeignKey("maintenance_plans.id"), primary_key=True)
    asset_id: Mapped[int] = mapped_column(ForeignKey("assets.id"), primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id"))
    due_on: Mapped[date | None] = mapped_column(Date, default=None)
    due_meter: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), default=None)
    show_from: Mapped[date | None] = mapped_column(Date, default=None)  # due_on less lead time
    last_done_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    __table_args__ = (Index("ix_plan_dues_outlet_show", "outlet_id", "show_from"),)


class MaintenanceRecord(Base):
    """Upkeep done on an asset: a plan's task, an unplanned repair, or a breakdown."""

    __tablename__ = "maintenance_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    asset_id: Mapped[int] = mapped_column(ForeignKey("assets.id"))
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id"))
    kind: Mapped[str] = mapped_column(String(12))
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("maintenance_plans.id"), default=None)
    due_on: Mapped[date | None] = mapped_column(Date, default=None)  # what was due, if planned
    done_at: Mapped[datetime] = mapped_column(UTCDateTime())
    done_by: Mapped[str] = mapped_column(String(120))
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    down_from: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    down_to: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    failure_cause: Mapped[str] = mapped_column(String(200), default="")
    component: Mapped[str] = mapped_column(String(80), default="")  # the part of it concerned
    passed: Mapped[bool] = mapped_column(Boolean, default=True)  # every check within limits
    notes: Mapped[str] = mapped_column(Text, default="")
    work_order_id: Mapped[int | None] = mapped_column(ForeignKey("work_orders.id"), default=None)
    source_ref: Mapped[str | None] = mapped_column(String(120), default=None, unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (
        Index("ix_maintenance_records_asset_done", "asset_id", "done_at"),
        Index("ix_maintenance_records_outlet_done", "outlet_id", "done_at"),
        CheckConstraint(
            "down_to IS NULL OR down_from IS NULL OR down_to >= down_from", name="downtime_order"
        ),
    )


class RecordResult(Base):
    """One checklist line as done: the value and whether it was within limits."""

    __tablename__ = "record_results"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("maintenance_records.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))
    label: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(20), default="")
    minimum: Mapped[Decimal | None] = mapped_column(Numeric(14, 4), default=None)
    maximum: Mapped[Decimal | None] = mapped_column(Numeric(14, 4), default=None)
    value: Mapped[str] = mapped_column(String(500), default="")
    ok: Mapped[bool] = mapped_column(Boolean, default=True)


class RecordPart(Base):
    """A part used on the upkeep (taken from stock)."""

    __tablename__ = "record_parts"

    record_id: Mapped[int] = mapped_column(ForeignKey("maintenance_records.id"), primary_key=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"), primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer)
