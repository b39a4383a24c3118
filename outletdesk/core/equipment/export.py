"""Equipment logs as Excel: the register, the maintenance log, the due list and the plan overview.

Built like the spare-parts logs: titles and cell words are English sources (QT_TRANSLATE_NOOP)
that the window translates and passes as `texts`; rows stream from the database into the shared
streaming writer (header block, typed cells, formula-looking text kept as text, progress, cancel).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session, aliased

from ...export.xlsx import XlsxLogWriter
from ...models import (
    Asset,
    Customer,
    EquipmentCategory,
    MaintenancePlan,
    MaintenanceRecord,
    Meter,
    Outlet,
    PlanDue,
    RecordKind,
    Supplier,
    User,
)
from ...progress import Progress
from ..auth import Actor, Permission
from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from ..periods import local_midnight, period_text
from ..report_words import ReportWords, Spec
from ..services import Services
from .maintenance import plan_applies
from .register import (
    ACCEPTANCE_WORDS,
    F_NAME,
    F_PURCHASE_DATE,
    STATUS_LABELS,
    may_export_equipment,
    shown_cause,
)
from .schedule import Anchor, Bucket, IntervalUnit

EQUIPMENT_COLUMNS: Spec = (
    (QT_TRANSLATE_NOOP("core", "Asset tag"), "text", 16),
    (F_NAME, "text", 32),  # an asset's Name: 名称, not a person's 姓名
    (QT_TRANSLATE_NOOP("core", "Category"), "text", 22),
    (QT_TRANSLATE_NOOP("core", "Make"), "text", 14),
    (QT_TRANSLATE_NOOP("core", "Model"), "text", 14),
    (QT_TRANSLATE_NOOP("core", "Serial number"), "text", 18),
    (QT_TRANSLATE_NOOP("core", "Outlet"), "text", 18),
    (QT_TRANSLATE_NOOP("core", "Location"), "text", 14),
    (QT_TRANSLATE_NOOP("core", "Owner"), "text", 20),
    (QT_TRANSLATE_NOOP("core", "Supplier"), "text", 18),
    (F_PURCHASE_DATE, "date", None),  # an asset's: 购置日期, not a device's 购买日期
    (QT_TRANSLATE_NOOP("core", "Purchase cost"), "money", None),
    (QT_TRANSLATE_NOOP("core", "Warranty end"), "date", None),
    (QT_TRANSLATE_NOOP("core", "Accepted on"), "date", None),
    (QT_TRANSLATE_NOOP("core", "Accepted by"), "text", 14),
    (QT_TRANSLATE_NOOP("core", "Acceptance result"), "text", 12),
    (QT_TRANSLATE_NOOP("core", "Status"), "text", 14),
    (QT_TRANSLATE_NOOP("core", "Retired on"), "date", None),
    (QT_TRANSLATE_NOOP("core", "Retirement reason"), "text", 24),
)
LOG_COLUMNS: Spec = (
    (QT_TRANSLATE_NOOP("core", "Record no."), "text", 16),
    (QT_TRANSLATE_NOOP("core", "Done at"), "datetime", 17),
    (QT_TRANSLATE_NOOP("core", "Asset tag"), "text", 16),
    (QT_TRANSLATE_NOOP("core", "Asset name"), "text", 28),
    (QT_TRANSLATE_NOOP("core", "Category"), "text", 20),
    (QT_TRANSLATE_NOOP("core", "Outlet"), "text", 18),
    (QT_TRANSLATE_NOOP("core", "Type of work"), "text", 14),
    (QT_TRANSLATE_NOOP("core", "Plan"), "text", 22),
    (QT_TRANSLATE_NOOP("core", "Component"), "text", 14),
    (QT_TRANSLATE_NOOP("core", "Failure cause"), "text", 20),
    (QT_TRANSLATE_NOOP("core", "Minutes"), "int", 9),
    (QT_TRANSLATE_NOOP("core", "Down from"), "datetime", 17),
    (QT_TRANSLATE_NOOP("core", "Down until"), "datetime", 17),  # or "Still down"
    (QT_TRANSLATE_NOOP("core", "Downtime (hours)"), "decimal", 11),
    (QT_TRANSLATE_NOOP("core", "Passed"), "bool", 8),
    (QT_TRANSLATE_NOOP("core", "Done by"), "text", 16),
    (QT_TRANSLATE_NOOP("core", "Notes"), "text", 30),
)
PLAN_COLUMNS: Spec = (
    (QT_TRANSLATE_NOOP("core", "Plan"), "text", 26),
    (QT_TRANSLATE_NOOP("core", "Applies to"), "text", 22),
    (QT_TRANSLATE_NOOP("core", "Asset tag"), "text", 16),
    (QT_TRANSLATE_NOOP("core", "Asset name"), "text", 26),
    (QT_TRANSLATE_NOOP("core", "Outlet"), "text", 16),
    (QT_TRANSLATE_NOOP("core", "Interval"), "text", 26),
    (QT_TRANSLATE_NOOP("core", "Next due counted from"), "text", 14),
    (QT_TRANSLATE_NOOP("core", "Lead time (days before due)"), "int", 10),
    (QT_TRANSLATE_NOOP("core", "Estimated minutes"), "int", 10),
    (QT_TRANSLATE_NOOP("core", "Assigned to"), "text", 16),
    (QT_TRANSLATE_NOOP("core", "Active"), "bool", 8),
    (QT_TRANSLATE_NOOP("core", "Next due"), "date", None),
    (QT_TRANSLATE_NOOP("core", "Next due at meter"), "decimal", 12),
    (QT_TRANSLATE_NOOP("core", "Last done"), "datetime", 17),
)
DUE_COLUMNS: Spec = (
    (QT_TRANSLATE_NOOP("core", "When"), "text", 12),
    (QT_TRANSLATE_NOOP("core", "Next due"), "date", None),
    (QT_TRANSLATE_NOOP("core", "Next due at meter"), "decimal", 12),
    (QT_TRANSLATE_NOOP("core", "Meter"), "text", 14),
    (QT_TRANSLATE_NOOP("core", "Meter now"), "decimal", 12),
    (QT_TRANSLATE_NOOP("core", "Asset tag"), "text", 16),
    (QT_TRANSLATE_NOOP("core", "Asset name"), "text", 28),
    (QT_TRANSLATE_NOOP("core", "Category"), "text", 20),
    (QT_TRANSLATE_NOOP("core", "Outlet"), "text", 10),
    (QT_TRANSLATE_NOOP("core", "Plan"), "text", 26),
    (QT_TRANSLATE_NOOP("core", "Assigned to"), "text", 16),
    (QT_TRANSLATE_NOOP("core", "Estimated minutes"), "int", 10),
)
BUCKET_WORDS: dict[str, str] = {
    Bucket.OVERDUE.value: QT_TRANSLATE_NOOP("core", "Overdue"),
    Bucket.TODAY.value: QT_TRANSLATE_NOOP("core", "Due today"),
    Bucket.THIS_WEEK.value: QT_TRANSLATE_NOOP("core", "This week"),
    Bucket.UPCOMING.value: QT_TRANSLATE_NOOP("core", "Upcoming"),
    Bucket.NOT_YET.value: QT_TRANSLATE_NOOP("core", "Not yet due"),
}
KIND_WORDS: dict[str, str] = {
    RecordKind.PLANNED.value: QT_TRANSLATE_NOOP("core", "Planned maintenance"),
    RecordKind.REPAIR.value: QT_TRANSLATE_NOOP("core", "Repair"),
    RecordKind.BREAKDOWN.value: QT_TRANSLATE_NOOP("core", "Breakdown"),
}
ANCHOR_WORDS: dict[str, str] = {
    Anchor.SCHEDULE.value: QT_TRANSLATE_NOOP("core", "Schedule"),
    Anchor.COMPLETION.value: QT_TRANSLATE_NOOP("core", "Completion"),
}
# Templates; {n} is the interval, {meter} the meter's name.
RULE_WORDS: dict[str, str] = {
    IntervalUnit.DAY.value: QT_TRANSLATE_NOOP("core", "every {n} days"),
    IntervalUnit.WEEK.value: QT_TRANSLATE_NOOP("core", "every {n} weeks"),
    IntervalUnit.MONTH.value: QT_TRANSLATE_NOOP("core", "every {n} months"),
    IntervalUnit.YEAR.value: QT_TRANSLATE_NOOP("core", "every {n} years"),
    "day1": QT_TRANSLATE_NOOP("core", "every day"),
    "week1": QT_TRANSLATE_NOOP("core", "every week"),
    "month1": QT_TRANSLATE_NOOP("core", "every month"),
    "year1": QT_TRANSLATE_NOOP("core", "every year"),
    "meter": QT_TRANSLATE_NOOP("core", "every {n} of {meter}"),
    "or": QT_TRANSLATE_NOOP("core", "{first}, or {second}, whichever comes first"),
    "category": QT_TRANSLATE_NOOP("core", "Every asset in {category}"),
}
HEADER_WORDS = (
    QT_TRANSLATE_NOOP("core", "Equipment register"),
    QT_TRANSLATE_NOOP("core", "Maintenance log"),
    QT_TRANSLATE_NOOP("core", "Maintenance plans"),
    QT_TRANSLATE_NOOP("core", "Maintenance due"),
    QT_TRANSLATE_NOOP("core", "Outlet"),
    QT_TRANSLATE_NOOP("core", "All outlets"),
    QT_TRANSLATE_NOOP("core", "Period"),
    QT_TRANSLATE_NOOP("core", "Generated at"),
    QT_TRANSLATE_NOOP("core", "Generated by"),
)
STILL_DOWN = QT_TRANSLATE_NOOP("core", "Still down")
# Every word these logs show, for the window to translate into `texts`.
TEXTS: tuple[str, ...] = tuple(
    dict.fromkeys(
        [
            *(t for spec in (EQUIPMENT_COLUMNS, LOG_COLUMNS, DUE_COLUMNS, PLAN_COLUMNS)
              for t, _kind, _width in spec),
            *(STATUS_LABELS.values()), *KIND_WORDS.values(), *ACCEPTANCE_WORDS.values(),
            *BUCKET_WORDS.values(),
            *ANCHOR_WORDS.values(), *RULE_WORDS.values(), *HEADER_WORDS, STILL_DOWN,
        ]
    )
)  # fmt: skip
BATCH = 2000
HOUR = Decimal(3600)
CENTI = Decimal("0.01")


@dataclass(frozen=True)
class RecordFilter:
    """Which upkeep the log holds: local days (both inclusive), one outlet, asset or category."""

    date_from: date | None = None
    date_to: date | None = None
    outlet_id: int | None = None
    asset_id: int | None = None
    category_id: int | None = None


def rule_text(
    t: Callable[[str], str],
    count: int | None,
    unit: str | None,
    meter_interval: Decimal | None,
    meter: str,
) -> str:
    """A plan's interval in the words `t` translates: by time, by meter, or both."""
    parts = []
    if count and unit in RULE_WORDS:
        key = f"{unit}1" if count == 1 else unit
        parts.append(t(RULE_WORDS[key]).format(n=count))
    if meter_interval is not None:
        parts.append(
            t(RULE_WORDS["meter"]).format(n=f"{meter_interval.normalize():f}", meter=meter)
        )
    if len(parts) == 2:
        return t(RULE_WORDS["or"]).format(first=parts[0], second=parts[1])
    return parts[0] if parts else ""


def _require(actor: Actor) -> None:
    actor.require(Permission.VIEW_EQUIPMENT)
    if not may_export_equipment(actor):
        actor.require(Permission.EXPORT_DATA)


def _outlet_name(s: Session, outlet_id: int | None) -> str | None:
    if outlet_id is None:
        return None
    name = s.scalar(select(Outlet.name).where(Outlet.id == outlet_id))
    if name is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "Outlet"),
            QT_TRANSLATE_NOOP("core", "outlet {id} does not exist."),
            id=outlet_id,
        )
    return name


def _count(s: Session, query: Select[tuple[object, ...]]) -> int:
    return s.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


# ---------------------------------------------------------------- register


def export_equipment(
    services: Services,
    actor: Actor,
    path: Path,
    *,
    outlet_id: int | None = None,
    progress: Progress | None = None,
    texts: Mapping[str, str] | None = None,
) -> int:
    """Every asset (retired ones too) by tag, with its purchase, acceptance and status; the owner
    is the customer for equipment under a service contract, else the outlet. Returns how many."""
    _require(actor)
    t = ReportWords(texts)
    statuses = {status.value: t(word) for status, word in STATUS_LABELS.items()}
    results = {key: t(word) for key, word in ACCEPTANCE_WORDS.items()}
    query = (
        select(
            Asset.tag, Asset.name, EquipmentCategory.name, Asset.make, Asset.model, Asset.serial,
            Outlet.name, Asset.location, Customer.name, Supplier.name, Asset.purchase_date,
            Asset.purchase_cost, Asset.warranty_end, Asset.accepted_on, Asset.accepted_by,
            Asset.acceptance_result, Asset.status, Asset.retired_on, Asset.retire_reason,
        )
        .join(EquipmentCategory, EquipmentCategory.id == Asset.category_id)
        .join(Outlet, Outlet.id == Asset.outlet_id)
        .outerjoin(Customer, Customer.id == Asset.customer_id)
        .outerjoin(Supplier, Supplier.id == Asset.supplier_id)
        .order_by(Asset.tag)
    )  # fmt: skip
    if outlet_id is not None:
        query = query.where(Asset.outlet_id == outlet_id)
    with services.db.read(actor) as s:
        outlet = _outlet_name(s, outlet_id)
        total = _count(s, query)

        def rows() -> Iterator[tuple[object, ...]]:
            for (tag, name, category, make, model, serial, outlet_name, location, customer,
                 supplier, bought, cost, warranty, accepted_on, accepted_by, result, status,
                 retired_on, reason) in s.execute(query.execution_options(yield_per=BATCH)):  # fmt: skip
                yield (
                    tag, name, category, make, model, serial, outlet_name, location,
                    customer or outlet_name, supplier, bought, cost, warranty, accepted_on,
                    accepted_by, results.get(result, result), statuses.get(status, status),
                    retired_on, reason,
                )  # fmt: skip

        with XlsxLogWriter(path) as writer:
            return writer.add_sheet(
                t("Equipment register"),
                t.columns(EQUIPMENT_COLUMNS),
                rows(),
                header=t.header("Equipment register", actor, outlet),
                total=total,
                progress=progress,
            )


# ---------------------------------------------------------------- maintenance log


def record_query(f: RecordFilter) -> Select[tuple[object, ...]]:
    """The maintenance log's rows in the order the work was done, with the filter applied."""
    r = MaintenanceRecord
    query = (
        select(
            r.number, r.done_at, Asset.tag, Asset.name, EquipmentCategory.name, Outlet.name,
            r.kind, MaintenancePlan.name, r.component, r.failure_cause, r.minutes, r.down_from,
            r.down_to, r.passed, r.done_by, r.notes,
        )
        .join(Asset, Asset.id == r.asset_id)
        .join(EquipmentCategory, EquipmentCategory.id == Asset.category_id)
        .join(Outlet, Outlet.id == r.outlet_id)
        .outerjoin(MaintenancePlan, MaintenancePlan.id == r.plan_id)
        .order_by(r.done_at, r.id)
    )  # fmt: skip
    if f.date_from is not None:
        query = query.where(r.done_at >= local_midnight(f.date_from))
    if f.date_to is not None:
        query = query.where(r.done_at < local_midnight(f.date_to + timedelta(days=1)))
    if f.outlet_id is not None:
        query = query.where(r.outlet_id == f.outlet_id)
    if f.asset_id is not None:
        query = query.where(r.asset_id == f.asset_id)
    if f.category_id is not None:
        query = query.where(Asset.category_id == f.category_id)
    return query


def downtime_hours(down_from: datetime | None, down_to: datetime | None) -> Decimal | None:
    """Hours the asset was down, to the hundredth; None while it is still down or never was."""
    if down_from is None or down_to is None:
        return None
    seconds = Decimal(int((down_to - down_from).total_seconds()))
    return (seconds / HOUR).quantize(CENTI)


def export_maintenance_log(
    services: Services,
    actor: Actor,
    path: Path,
    f: RecordFilter | None = None,
    *,
    progress: Progress | None = None,
    texts: Mapping[str, str] | None = None,
) -> int:
    """Every maintenance record matching `f`, oldest first: planned work, repairs, breakdowns,
    with time spent, downtime (from, until or "Still down", hours) and whether every check
    passed. Returns how many records."""
    _require(actor)
    f = f or RecordFilter()
    t = ReportWords(texts)
    kinds = {kind: t(word) for kind, word in KIND_WORDS.items()}
    still_down = t(STILL_DOWN)
    query = record_query(f)
    with services.db.read(actor) as s:
        outlet = _outlet_name(s, f.outlet_id)
        total = _count(s, query)

        def rows() -> Iterator[tuple[object, ...]]:
            for (number, done_at, tag, name, category, outlet_name, kind, plan, component, cause,
                 minutes, down_from, down_to, passed, done_by, notes) in s.execute(
                query.execution_options(yield_per=BATCH)
            ):  # fmt: skip
                yield (
                    number, done_at, tag, name, category, outlet_name, kinds.get(kind, kind),
                    plan, component, shown_cause(cause, t), minutes, down_from,
                    still_down if down_from is not None and down_to is None else down_to,
                    downtime_hours(down_from, down_to), passed, done_by, notes,
                )  # fmt: skip

        with XlsxLogWriter(path) as writer:
            return writer.add_sheet(
                t("Maintenance log"),
                t.columns(LOG_COLUMNS),
                rows(),
                header=t.header(
                    "Maintenance log", actor, outlet, period_text(f.date_from, f.date_to)
                ),
                total=total,
                progress=progress,
            )


# ---------------------------------------------------------------- due list


def export_due_list(
    services: Services,
    actor: Actor,
    path: Path,
    *,
    outlet_id: int | None = None,
    category_id: int | None = None,
    assignee_id: int | None = None,
    today: date | None = None,
    include_not_yet: bool = False,
    progress: Progress | None = None,
    texts: Mapping[str, str] | None = None,
) -> int:
    """The due list as the window shows it (the given outlet, else the actor's, else every
    outlet): overdue first, then due today, this week, upcoming. Returns how many tasks."""
    _require(actor)
    t = ReportWords(texts)
    buckets = {key: t(word) for key, word in BUCKET_WORDS.items()}
    outlet = outlet_id if outlet_id is not None else actor.outlet_id
    with services.db.read(actor) as s:
        outlet_name = _outlet_name(s, outlet)
    tasks = services.maintenance.due_list(
        actor, outlet, today=today, category_id=category_id, assignee_id=assignee_id,
        include_not_yet=include_not_yet,
    )  # fmt: skip
    rows = [
        (
            buckets[task.bucket.value],
            task.due_on,
            task.due_meter,
            task.meter_name,
            task.meter_now,
            task.tag,
            task.asset_name,
            task.category,
            task.outlet_code,
            task.plan_name,
            task.assignee,
            task.estimated_minutes,
        )  # fmt: skip
        for task in tasks
    ]
    with XlsxLogWriter(path) as writer:
        return writer.add_sheet(
            t("Maintenance due"),
            t.columns(DUE_COLUMNS),
            rows,
            header=t.header("Maintenance due", actor, outlet_name, f"{today or date.today()}"),
            total=len(rows),
            progress=progress,
        )


# ---------------------------------------------------------------- plan overview


def export_plans(
    services: Services,
    actor: Actor,
    path: Path,
    *,
    outlet_id: int | None = None,
    include_inactive: bool = False,
    progress: Progress | None = None,
    texts: Mapping[str, str] | None = None,
) -> int:
    """Every plan with a row per asset it covers (its next due from the plan's due row); a
    category plan with no asset yet has one row of its own. A category's meter-only plan does
    not cover the assets without that meter; on them a plan by time and meter is due by time
    only. Returns how many rows."""
    _require(actor)
    t = ReportWords(texts)
    anchors = {key: t(word) for key, word in ANCHOR_WORDS.items()}
    p = MaintenancePlan
    own = aliased(Asset)
    has_meter = (
        select(Meter.id)
        .where(Meter.asset_id == PlanDue.asset_id, Meter.name == p.meter_name)
        .exists()
    )
    covered = plan_applies(PlanDue.asset_id)
    query = (
        select(
            p.name, p.asset_id, own.tag, EquipmentCategory.name, Asset.tag, Asset.name,
            Outlet.name, p.interval_count, p.interval_unit, p.meter_interval, p.meter_name,
            p.anchor, p.lead_days, p.estimated_minutes, User.display_name, p.active,
            PlanDue.due_on, case((has_meter, PlanDue.due_meter)), PlanDue.last_done_at,
        )
        .outerjoin(own, own.id == p.asset_id)
        .outerjoin(EquipmentCategory, EquipmentCategory.id == p.category_id)
        .outerjoin(PlanDue, (PlanDue.plan_id == p.id) & covered)
        .outerjoin(Asset, Asset.id == PlanDue.asset_id)
        .outerjoin(Outlet, Outlet.id == PlanDue.outlet_id)
        .outerjoin(User, User.id == p.assignee_id)
        .order_by(p.name, p.id, Asset.tag)
    )  # fmt: skip
    if outlet_id is not None:
        query = query.where(PlanDue.outlet_id == outlet_id)
    if not include_inactive:
        query = query.where(p.active)
    category_word = t(RULE_WORDS["category"])
    with services.db.read(actor) as s:
        outlet = _outlet_name(s, outlet_id)
        total = _count(s, query)

        def rows() -> Iterator[tuple[object, ...]]:
            for (name, plan_asset, own_tag, category, tag, asset_name, outlet_name, count, unit,
                 meter_interval, meter, anchor, lead, minutes, assignee, active, due_on,
                 due_meter, last_done) in s.execute(query.execution_options(yield_per=BATCH)):  # fmt: skip
                applies = (
                    own_tag if plan_asset is not None else category_word.format(category=category)
                )
                yield (
                    name, applies, tag, asset_name, outlet_name,
                    rule_text(t, count, unit, meter_interval, meter), anchors.get(anchor, anchor), lead,
                    minutes, assignee, active, due_on, due_meter, last_done,
                )  # fmt: skip

        with XlsxLogWriter(path) as writer:
            return writer.add_sheet(
                t("Maintenance plans"),
                t.columns(PLAN_COLUMNS),
                rows(),
                header=t.header("Maintenance plans", actor, outlet),
                total=total,
                progress=progress,
            )
