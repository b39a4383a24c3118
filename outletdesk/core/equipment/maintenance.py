"""Maintenance (维护保养): plans for an asset or a whole category, when each is next due on every
asset it covers, the due list and month calendar, logging the work done (checklist results, meter
readings, parts from stock, time and downtime) and breakdowns, and the figures a manager reads:
MTBF, MTTR, availability and on-time compliance.

A plan's next due per asset is kept in plan_dues (the due list reads only that table). Logging a
task moves it on from what was due (schedule.next_due); changing a plan recomputes its rows from
their last completion, and recompute_all does that for every plan (after an import, or to repair).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.orm import Session, aliased

from ...models import (
    Asset,
    AssetStatus,
    CheckKind,
    EquipmentCategory,
    MaintenancePlan,
    MaintenanceRecord,
    Meter,
    MovementKind,
    Outlet,
    Part,
    PlanDue,
    PlanItem,
    PlanPart,
    RecordKind,
    RecordPart,
    RecordResult,
    User,
    WorkOrder,
    utcnow,
)
from .. import validation as v
from ..audit import record
from ..auth import ROLE_PERMISSIONS, Actor, Permission
from ..changes import Changes
from ..database import Database
from ..errors import DomainError, NotFound, StaleRecord, Translate, ValidationError, shown_params
from ..i18n import QT_TRANSLATE_NOOP, labelled
from ..numbering import next_number
from ..parts.stock import HELD_NOT_USED, leave_held, main_location, write_movement
from ..periods import local_midnight
from .register import (
    add_reading,
    automatic_downtime,
    closed_automatic_downtime,
    down_since,
    open_downtime,
    set_asset_status,
)
from .repair_orders import open_repair_order
from .schedule import (
    Bucket,
    Due,
    PlanRule,
    bucket,
    first_due,
    missed,
    next_due,
    occurrences,
)

F_PLAN_NAME = QT_TRANSLATE_NOOP("core", "Plan name")
F_APPLIES_TO = QT_TRANSLATE_NOOP("core", "Applies to")
F_START = QT_TRANSLATE_NOOP("core", "First due on")
F_METER_NAME = QT_TRANSLATE_NOOP("core", "Meter")
F_MINUTES = QT_TRANSLATE_NOOP("core", "Estimated minutes")
F_ASSIGNEE = QT_TRANSLATE_NOOP("core", "Assigned to")
F_INSTRUCTIONS = QT_TRANSLATE_NOOP("core", "Instructions")
F_ITEM = QT_TRANSLATE_NOOP("core", "Checklist item")
F_ITEM_LINE = QT_TRANSLATE_NOOP("core", "Checklist line {line}")
F_ITEM_CELL = QT_TRANSLATE_NOOP("core", "Checklist line {line}, {column}")
# A checklist line's columns, as the plan form heads them.
F_ITEM_LABEL = QT_TRANSLATE_NOOP("core", "Item")
F_ITEM_UNIT = QT_TRANSLATE_NOOP("core", "Unit")
F_ITEM_MIN = QT_TRANSLATE_NOOP("core", "Min")
F_ITEM_MAX = QT_TRANSLATE_NOOP("core", "Max")
F_PARTS = QT_TRANSLATE_NOOP("core", "Parts")
F_KIND = QT_TRANSLATE_NOOP("core", "Kind")
F_PLAN = QT_TRANSLATE_NOOP("core", "Plan")
F_DONE_AT = QT_TRANSLATE_NOOP("core", "Done at")
F_TIME_SPENT = QT_TRANSLATE_NOOP("core", "Time spent (minutes)")
F_DOWN_FROM = QT_TRANSLATE_NOOP("core", "Down from")
F_DOWN_TO = QT_TRANSLATE_NOOP("core", "Down until")
F_CAUSE = QT_TRANSLATE_NOOP("core", "Failure cause")
F_COMPONENT = QT_TRANSLATE_NOOP("core", "Component")
F_NOTES = QT_TRANSLATE_NOOP("core", "Notes")
F_RESULT = QT_TRANSLATE_NOOP("core", "Result")
F_READING = QT_TRANSLATE_NOOP("core", "Reading")
F_REPAIR_FAULT = QT_TRANSLATE_NOOP("core", "Fault for the repair order")
MAX_ITEMS = 60
MAX_VALUE = Decimal("9999999999")
OK_WORDS = ("ok", "pass", "passed", "yes", "y", "1", "true", "合格", "正常", "是")
NOT_OK_WORDS = ("not ok", "fail", "failed", "no", "n", "0", "false", "不合格", "异常", "否")
ITEM_KINDS = tuple(k.value for k in CheckKind)
RECORD_KINDS = tuple(k.value for k in RecordKind)
HOURS = Decimal(3600)


# ---------------------------------------------------------------- plans


class ChecklistLineError(ValidationError):
    """A line of a plan's checklist is not acceptable. `line` (1 = the first) and `column` (the
    line's field: Kind, Item, Unit, Min, Max; or "") say where, so the plan form can put the
    cursor on it; `field` stays "Checklist item", the form's checklist."""

    def __init__(self, line: int, column: str, template: str, **params: Any) -> None:
        self.line, self.column = line, column  # before the message is built from them
        super().__init__(F_ITEM, template, **params)

    @classmethod
    def of(cls, line: int, exc: ValidationError) -> ChecklistLineError:
        """A field check's refusal, placed on the line."""
        params = {k: value for k, value in exc.params.items() if k != "field"}
        return cls(line, exc.field, exc.template.removeprefix("{field}: "), **params)

    def message(self, translate: Translate | None = None) -> str:
        tr: Translate = translate or str
        where = (
            tr(F_ITEM_CELL).format(line=self.line, column=tr(self.column))
            if self.column
            else tr(F_ITEM_LINE).format(line=self.line)
        )
        problem = self.template.removeprefix("{field}: ")
        params = {k: value for k, value in self.params.items() if k != "field"}
        return labelled(where, tr(problem).format(**shown_params(params, tr)), tr)


@dataclass(frozen=True)
class ItemInput:
    kind: CheckKind | str
    label: str
    unit: str = ""
    minimum: Decimal | str | None = None
    maximum: Decimal | str | None = None


@dataclass(frozen=True)
class PlanInput:
    name: str
    asset_id: int | None = None  # one of the two
    category_id: int | None = None
    interval_count: int | str | None = None
    interval_unit: str | None = None  # day, week, month, year
    meter_name: str = ""
    meter_interval: Decimal | str | None = None
    anchor: str = "schedule"  # or "completion"
    start_date: date | str | None = None
    lead_days: int | str = 7
    estimated_minutes: int | str = 0
    assignee_id: int | None = None
    instructions: str = ""
    items: tuple[ItemInput, ...] = ()
    parts: tuple[tuple[int, int | str], ...] = ()  # (part id, quantity): the parts kit


@dataclass(frozen=True)
class PlanItemDTO:
    position: int
    kind: CheckKind
    label: str
    unit: str
    minimum: Decimal | None
    maximum: Decimal | None


@dataclass(frozen=True)
class PlanDTO:
    id: int
    name: str
    asset_id: int | None
    asset_tag: str
    category_id: int | None
    category: str
    interval_count: int | None
    interval_unit: str | None
    meter_name: str
    meter_interval: Decimal | None
    anchor: str
    start_date: date
    lead_days: int
    estimated_minutes: int
    assignee_id: int | None
    assignee: str
    instructions: str
    active: bool
    items: tuple[PlanItemDTO, ...]
    parts: tuple[tuple[int, str, str, int], ...]  # (part id, SKU, name, quantity)
    version: int

    @property
    def rule(self) -> PlanRule:
        return _rule_of(self)


@dataclass(frozen=True)
class DueTask:
    plan_id: int
    plan_name: str
    asset_id: int
    tag: str
    asset_name: str
    category: str
    outlet_code: str
    due_on: date | None
    due_meter: Decimal | None
    meter_name: str
    meter_now: Decimal | None
    bucket: Bucket
    assignee: str
    estimated_minutes: int


# ---------------------------------------------------------------- the log


@dataclass(frozen=True)
class LogInput:
    asset_id: int
    kind: RecordKind | str
    plan_id: int | None = None
    done_at: datetime | None = None  # now when not given
    minutes: int | str = 0
    down_from: datetime | None = None
    down_to: datetime | None = None
    failure_cause: str = ""
    component: str = ""
    notes: str = ""
    results: tuple[tuple[int, str], ...] = ()  # (checklist position, what was found)
    readings: tuple[tuple[int, Decimal | str], ...] = ()  # (meter id, reading)
    parts: tuple[tuple[int, int | str], ...] = ()  # (part id, quantity) taken from stock
    put_under_repair: bool = False  # a failed check or a breakdown takes the asset out
    # Given for a failed check or a breakdown: the asset goes under repair and a repair work
    # order is opened for it at its outlet (its owner's, or the outlet's internal customer).
    repair_order_fault: str = ""


@dataclass(frozen=True)
class ResultDTO:
    position: int
    kind: CheckKind
    label: str
    unit: str
    minimum: Decimal | None
    maximum: Decimal | None
    value: str
    ok: bool


@dataclass(frozen=True)
class RecordDTO:
    id: int
    number: str
    asset_id: int
    tag: str
    kind: RecordKind
    plan_id: int | None
    plan_name: str
    due_on: date | None
    done_at: datetime
    done_by: str
    minutes: int
    down_from: datetime | None
    down_to: datetime | None
    failure_cause: str
    component: str
    passed: bool
    notes: str
    results: tuple[ResultDTO, ...]
    parts: tuple[tuple[int, str, str, int], ...]  # (part id, SKU, name, quantity)
    work_order: str = ""  # the number of the repair order opened for it

    @property
    def downtime_hours(self) -> Decimal | None:
        """None while the asset is still down (and when it never was)."""
        return _hours(self.down_from, self.down_to)

    @property
    def still_down(self) -> bool:
        """A breakdown whose downtime ends when the asset is back in service."""
        return self.down_from is not None and self.down_to is None


@dataclass(frozen=True)
class RecordRow:
    id: int
    number: str
    done_at: datetime
    asset_id: int
    tag: str
    asset_name: str
    category: str
    outlet_code: str
    kind: RecordKind
    plan_name: str
    component: str
    failure_cause: str
    minutes: int
    downtime_hours: Decimal | None  # None while still down
    passed: bool
    done_by: str
    notes: str
    still_down: bool = False


@dataclass(frozen=True)
class Reliability:
    """MTBF, MTTR and availability of an asset, a category or a model over a period.

    hours: time in service of all its assets in the period (up to now); downtime: the part of
    the period its breakdowns kept them down, a downtime still open counting up to the end of
    the period or now. failures: breakdowns logged in the period. MTBF = (hours - downtime) /
    failures; MTTR = the whole downtime of those breakdowns whose downtime has ended / their
    number (an asset still down is not repaired yet); availability = (hours - downtime) / hours."""

    key: str
    label: str
    assets: int
    failures: int
    hours: Decimal
    downtime_hours: Decimal
    mtbf_hours: Decimal | None
    mttr_hours: Decimal | None
    availability: Decimal | None


@dataclass(frozen=True)
class Compliance:
    done: int  # planned tasks done in the period that had a due date
    on_time: int
    share: Decimal | None  # 0.000..1.000 of every task due: done on time / (done + missed)
    missed: int = 0  # due dates in the period (before today) whose task was never done

    @property
    def due(self) -> int:
        """Every task the period counts: done (on time or late) and not done."""
        return self.done + self.missed


class MaintenanceService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ------------------------------------------------------------ plans

    def create_plan(self, actor: Actor, data: PlanInput) -> tuple[PlanDTO, Changes]:
        actor.require(Permission.MANAGE_EQUIPMENT)
        clean = _validated_plan(data)
        with self._db.write(actor) as s:
            _check_plan_links(s, clean)
            plan = MaintenancePlan(**_plan_columns(clean))
            s.add(plan)
            s.flush()
            _replace_plan_lines(s, plan, clean)
            _recompute(s, [plan])
            record(s, actor, "create", "maintenance_plan", plan.id, after={"name": plan.name})
            return _plan_dto(s, plan), Changes(equipment=True)

    def update_plan(
        self, actor: Actor, plan_id: int, version: int, data: PlanInput
    ) -> tuple[PlanDTO, Changes]:
        actor.require(Permission.MANAGE_EQUIPMENT)
        clean = _validated_plan(data)
        with self._db.write(actor) as s:
            plan = _locked_plan(s, plan_id, version)
            _check_plan_links(s, clean)
            for key, value in _plan_columns(clean).items():
                setattr(plan, key, value)
            s.flush()
            _replace_plan_lines(s, plan, clean)
            _recompute(s, [plan])
            record(s, actor, "update", "maintenance_plan", plan.id, after={"name": plan.name})
            return _plan_dto(s, plan), Changes(equipment=True)

    def set_plan_active(
        self, actor: Actor, plan_id: int, version: int, active: bool
    ) -> tuple[PlanDTO, Changes]:
        """A plan no longer followed leaves the due list; its records stay."""
        actor.require(Permission.MANAGE_EQUIPMENT)
        with self._db.write(actor) as s:
            plan = _locked_plan(s, plan_id, version)
            plan.active = active
            s.flush()
            _recompute(s, [plan])
            record(s, actor, "activate" if active else "retire", "maintenance_plan", plan.id)
            return _plan_dto(s, plan), Changes(equipment=True)

    def plans(
        self,
        actor: Actor,
        *,
        asset_id: int | None = None,
        category_id: int | None = None,
        include_inactive: bool = False,
    ) -> list[PlanDTO]:
        """Plans for an asset (its own and those of its category that apply to it: see
        `plan_applies`), for a category, or all."""
        actor.require(Permission.VIEW_EQUIPMENT)
        with self._db.read(actor) as s:
            query = select(MaintenancePlan).order_by(MaintenancePlan.name, MaintenancePlan.id)
            if asset_id is not None:
                asset = _asset(s, asset_id)
                query = query.where(
                    or_(
                        MaintenancePlan.asset_id == asset.id,
                        MaintenancePlan.category_id == asset.category_id,
                    ),
                    plan_applies(asset.id),
                )
            elif category_id is not None:
                query = query.where(MaintenancePlan.category_id == category_id)
            if not include_inactive:
                query = query.where(MaintenancePlan.active)
            return [_plan_dto(s, p) for p in s.scalars(query)]

    def plan(self, actor: Actor, plan_id: int) -> PlanDTO:
        actor.require(Permission.VIEW_EQUIPMENT)
        with self._db.read(actor) as s:
            return _plan_dto(s, _plan(s, plan_id))

    def assignees(self, actor: Actor) -> list[tuple[int, str]]:
        """Whom a plan may be given to: active users whose role may log upkeep, by name."""
        actor.require(Permission.VIEW_EQUIPMENT)
        roles = [r.value for r, allowed in ROLE_PERMISSIONS.items()
                 if Permission.LOG_MAINTENANCE in allowed]  # fmt: skip
        with self._db.read(actor) as s:
            rows = s.execute(
                select(User.id, User.display_name)
                .where(User.active, User.role.in_(roles))
                .order_by(User.display_name, User.id)
            )
            return [(uid, name) for uid, name in rows]

    def recompute_all(self, actor: Actor) -> int:
        """Every plan's next due on every asset it covers, from the last time it was done;
        rows of retired plans and assets go. Returns how many rows are due-tracked."""
        actor.require(Permission.MANAGE_EQUIPMENT)
        with self._db.write(actor) as s:
            plans = list(s.scalars(select(MaintenancePlan)))
            return _recompute(s, plans)

    # ------------------------------------------------------------ due list, calendar

    def due_list(
        self,
        actor: Actor,
        outlet_id: int | None = None,
        *,
        today: date | None = None,
        category_id: int | None = None,
        assignee_id: int | None = None,
        include_not_yet: bool = False,
    ) -> list[DueTask]:
        """Tasks overdue, due today, this week and upcoming (within each plan's lead time) at the
        outlet, most urgent first."""
        actor.require(Permission.VIEW_EQUIPMENT)
        day = today or date.today()
        horizon = max(day + timedelta(days=6), day)
        with self._db.read_rows(actor) as conn:
            query = _due_query()
            outlet = outlet_id if outlet_id is not None else actor.outlet_id
            if outlet is not None:
                query = query.where(PlanDue.outlet_id == outlet)
            if category_id is not None:
                query = query.where(Asset.category_id == category_id)
            if assignee_id is not None:
                query = query.where(MaintenancePlan.assignee_id == assignee_id)
            if not include_not_yet:  # what the index can leave out: not shown before its time
                query = query.where(
                    or_(
                        PlanDue.show_from <= horizon,
                        PlanDue.due_meter.is_not(None),
                        PlanDue.show_from.is_(None),
                    )
                )
            tasks = [_due_task(row, day) for row in conn.execute(query)]
        if not include_not_yet:
            tasks = [t for t in tasks if t.bucket is not Bucket.NOT_YET]
        return sorted(tasks, key=_urgency)

    def calendar(
        self, actor: Actor, outlet_id: int | None, year: int, month: int
    ) -> dict[date, list[DueTask]]:
        """The time-based tasks of a month, by day (meter-only plans have no dates)."""
        actor.require(Permission.VIEW_EQUIPMENT)
        first = date(year, month, 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        today = date.today()
        days: dict[date, list[DueTask]] = defaultdict(list)
        with self._db.read_rows(actor) as conn:
            query = _due_query().where(PlanDue.due_on.is_not(None), PlanDue.due_on <= last)
            outlet = outlet_id if outlet_id is not None else actor.outlet_id
            if outlet is not None:
                query = query.where(PlanDue.outlet_id == outlet)
            for row in conn.execute(query):
                task = _due_task(row, today)
                rule = PlanRule(row.interval_count, row.interval_unit, row.meter_interval,
                                row.anchor, row.start_date, row.lead_days)  # fmt: skip
                for day in occurrences(rule, first, last, Due(row.due_on, row.due_meter)):
                    days[day].append(task if day == task.due_on else _moved(task, day, today))
        return dict(days)

    # ------------------------------------------------------------ logging upkeep

    def log(self, actor: Actor, data: LogInput) -> tuple[RecordDTO, Changes]:
        """Record work done on an asset: a plan's task (checklist, readings, parts, time), an
        unplanned repair or a breakdown. All or nothing, in one transaction: parts leave stock,
        readings are kept, the plan's next due moves on, and a failed check or a breakdown can
        put the asset under repair.

        Taking an asset in service out so is a going-down like a status change: it is down from
        when the failure was found (done_at) until back in service, one failure. A breakdown
        carries that downtime, still down, unless it gives its own; a failed check, not a
        failure in the figures itself, gets the status change's automatic breakdown
        (open_downtime), which the breakdown logged afterwards fills in. An asset already under
        repair or out of service keeps its downtime (none more is opened).

        A breakdown may be logged as still down (down_from without down_to) when the asset is
        out of service after it (put under repair now, or already under repair or out of
        service); that downtime ends when the asset is back in service. An asset has at most
        one open downtime, and no breakdown's downtime may overlap it.

        A breakdown logged while a status change's downtime is open (automatic_downtime) fills
        that record in, keeping its number: one failure. Its details replace the automatic
        ones, its start moves the downtime's back when earlier, its end closes it (the status
        stays the person's choice). Only an earlier breakdown whose downtime ended before that
        one began is a record of its own.

        With none open, a breakdown fills in the same way a status change's downtime that has
        ended (closed_automatic_downtime: the one its downtime overlaps; given no downtime, the
        one holding done_at, else the latest ended within a week before it); that downtime's
        end is kept unless the breakdown gives its own."""
        actor.require(Permission.LOG_MAINTENANCE)
        kind = RecordKind(
            v.choice(F_KIND, str(getattr(data.kind, "value", data.kind)), RECORD_KINDS)
        )
        now = utcnow()
        done_at = _moment(F_DONE_AT, data.done_at) or now
        if done_at > now + timedelta(minutes=5):
            raise ValidationError(F_DONE_AT, QT_TRANSLATE_NOOP("core", "cannot be in the future."))
        minutes = v.integer(F_TIME_SPENT, data.minutes, minimum=0, maximum=60 * 24 * 14)
        down_from = _moment(F_DOWN_FROM, data.down_from)
        down_to = _moment(F_DOWN_TO, data.down_to)
        if down_to is not None and down_from is None:
            raise ValidationError(F_DOWN_FROM, QT_TRANSLATE_NOOP("core", "is required."))
        if down_from is not None and down_to is not None and down_to < down_from:
            raise ValidationError(
                F_DOWN_TO, QT_TRANSLATE_NOOP("core", "cannot be before the downtime began.")
            )
        for field_name, moment in ((F_DOWN_FROM, down_from), (F_DOWN_TO, down_to)):
            if moment is not None and moment > now + timedelta(minutes=5):
                raise ValidationError(
                    field_name, QT_TRANSLATE_NOOP("core", "cannot be in the future.")
                )
        still_down = down_from is not None and down_to is None
        if still_down and kind is not RecordKind.BREAKDOWN:
            raise ValidationError(
                F_DOWN_TO,
                QT_TRANSLATE_NOOP("core", "is required; only a breakdown is logged as still down."),
            )
        cause = v.text(F_CAUSE, data.failure_cause, max_len=200, required=kind is RecordKind.BREAKDOWN,
                       name_like=True)  # fmt: skip
        component = v.text(F_COMPONENT, data.component, max_len=80, required=False, name_like=True)
        notes = v.text(F_NOTES, data.notes, max_len=4000, required=False, multiline=True)
        repair_fault = v.text(F_REPAIR_FAULT, data.repair_order_fault, max_len=1900,
                              required=False, multiline=True)  # fmt: skip
        if kind is RecordKind.PLANNED and data.plan_id is None:
            raise ValidationError(
                F_PLAN, QT_TRANSLATE_NOOP("core", "is required for planned work.")
            )
        parts = _part_quantities(data.parts)
        readings = [
            (meter_id, v.number(F_READING, value, minimum=Decimal(0), maximum=MAX_VALUE))
            for meter_id, value in data.readings
        ]
        with self._db.write(actor) as s:
            asset = s.scalar(select(Asset).where(Asset.id == data.asset_id).with_for_update())
            if asset is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP("core", "Asset {id} does not exist."), id=data.asset_id
                )
            if asset.status == AssetStatus.RETIRED.value:
                raise DomainError(
                    QT_TRANSLATE_NOOP("core", "{tag} is retired; no more work is logged on it."),
                    tag=asset.tag,
                )
            plan = None
            due_row = None
            if data.plan_id is not None:
                plan = _plan(s, data.plan_id)
                if not _covers(s, plan, asset):
                    raise ValidationError(
                        F_PLAN,
                        QT_TRANSLATE_NOOP("core", "{plan} does not apply to {tag}."),
                        plan=plan.name,
                        tag=asset.tag,
                    )
                due_row = s.get(PlanDue, (plan.id, asset.id), with_for_update=True)
            results = _results(s, plan, data.results)
            passed = all(r.ok for r in results)
            failed = not passed or kind is RecordKind.BREAKDOWN
            goes_under_repair = failed and (data.put_under_repair or bool(repair_fault))
            # Taken out of service by this record: down from when the failure was found until
            # back in service, as for a status change, and one failure. A breakdown carries
            # that downtime (unless it gives its own); a failed check gets the status change's
            # automatic breakdown, which the breakdown logged afterwards fills in.
            takes_out = goes_under_repair and asset.status == AssetStatus.IN_SERVICE.value
            since = down_since(s, asset.id, done_at, now) if takes_out else None
            if kind is RecordKind.BREAKDOWN and since is not None and down_from is None:
                down_from = since
            automatic = None
            if kind is RecordKind.BREAKDOWN:
                automatic, down_from, down_to = _downtime_to_fill_in(
                    s, asset.id, down_from, down_to, done_at
                )
            if kind is RecordKind.BREAKDOWN and down_from is not None:
                _check_downtime(s, asset, down_from, down_to, goes_under_repair,
                                automatic.id if automatic else None)  # fmt: skip
            details = {
                "kind": kind.value,
                "plan_id": plan.id if plan else None,
                "due_on": due_row.due_on if due_row else None,
                "done_at": done_at,
                "done_by": actor.display_name or actor.username,
                "minutes": minutes,
                "down_from": down_from,
                "down_to": down_to,
                "failure_cause": cause,
                "component": component,
                "passed": passed,
            }
            took_over: dict[str, Any] | None = None
            if automatic is not None:
                entry = automatic
                took_over = {name: getattr(entry, name) for name in (*details, "notes")}
                details["notes"] = notes or entry.notes  # else the status change's reason
                for name, value in details.items():
                    setattr(entry, name, value)
            else:
                outlet = s.get(Outlet, asset.outlet_id)
                assert outlet is not None
                entry = MaintenanceRecord(
                    number=next_number(s, outlet, "maintenance", "MR"),
                    asset_id=asset.id,
                    outlet_id=asset.outlet_id,
                    notes=notes,
                    **details,
                )
                s.add(entry)
            s.flush()
            still_down = down_from is not None and down_to is None
            for result in results:
                result.record_id = entry.id
                s.add(result)
            meter_values = _take_readings(s, actor, asset, readings, results, plan, done_at, entry)
            _use_parts(s, actor, asset, entry, parts)
            if plan is not None and plan.active:
                _advance(s, plan, asset, due_row, done_at, meter_values)
            if repair_fault and not failed:
                raise ValidationError(
                    F_REPAIR_FAULT,
                    QT_TRANSLATE_NOOP(
                        "core", "a repair order is opened only for a failed check or a breakdown."
                    ),
                )
            if goes_under_repair:
                failed_checks = " · ".join(r.label for r in results if not r.ok)
                reason = f"{entry.number}: {cause or failed_checks or notes}".strip(": ")
                set_asset_status(s, actor, asset, AssetStatus.UNDER_REPAIR, reason)
                if kind is not RecordKind.BREAKDOWN and since is not None:
                    open_downtime(s, actor, asset, reason, since=since)
            new_customer = False
            if repair_fault:
                order, new_customer = open_repair_order(
                    s, actor, asset, f"{entry.number}: {repair_fault}"
                )
                entry.work_order_id = order.id
            after = {"number": entry.number, "asset": asset.tag, "kind": kind.value,
                     "passed": passed, "work_order_id": entry.work_order_id,
                     "still_down": still_down}  # fmt: skip
            if took_over is not None:  # the status change's downtime, filled in
                after |= {name: getattr(entry, name) for name in took_over}
                after["filled_in_downtime"] = True
            record(s, actor, "log", "maintenance_record", entry.id, before=took_over, after=after)
            changes = Changes(equipment=True, parts=bool(parts), work_orders=bool(repair_fault),
                              customers=new_customer)  # fmt: skip
            return _record_dto(s, entry), changes

    def record(self, actor: Actor, record_id: int) -> RecordDTO:
        actor.require(Permission.VIEW_EQUIPMENT)
        with self._db.read(actor) as s:
            entry = s.get(MaintenanceRecord, record_id)
            if entry is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP("core", "Maintenance record {id} does not exist."),
                    id=record_id,
                )
            return _record_dto(s, entry)

    def records(
        self,
        actor: Actor,
        *,
        asset_id: int | None = None,
        outlet_id: int | None = None,
        category_id: int | None = None,
        start: date | None = None,
        end: date | None = None,
        kind: RecordKind | None = None,
        limit: int | None = 1000,
    ) -> list[RecordRow]:
        """The maintenance log, newest first (start and end days inclusive, local days)."""
        actor.require(Permission.VIEW_EQUIPMENT)
        query = (
            select(
                MaintenanceRecord,
                Asset.tag,
                Asset.name,
                EquipmentCategory.name,
                Outlet.code,
                MaintenancePlan.name,
            )  # fmt: skip
            .join(Asset, Asset.id == MaintenanceRecord.asset_id)
            .join(EquipmentCategory, EquipmentCategory.id == Asset.category_id)
            .join(Outlet, Outlet.id == MaintenanceRecord.outlet_id)
            .outerjoin(MaintenancePlan, MaintenancePlan.id == MaintenanceRecord.plan_id)
        )
        if asset_id is not None:
            query = query.where(MaintenanceRecord.asset_id == asset_id)
        if outlet_id is not None:
            query = query.where(MaintenanceRecord.outlet_id == outlet_id)
        if category_id is not None:
            query = query.where(Asset.category_id == category_id)
        if kind is not None:
            query = query.where(MaintenanceRecord.kind == kind.value)
        if start is not None:
            query = query.where(MaintenanceRecord.done_at >= _midnight(start))
        if end is not None:
            query = query.where(MaintenanceRecord.done_at < _midnight(end + timedelta(days=1)))
        query = query.order_by(MaintenanceRecord.done_at.desc(), MaintenanceRecord.id.desc())
        if limit is not None:
            query = query.limit(limit)
        with self._db.read(actor) as s:
            return [
                RecordRow(r.id, r.number, r.done_at, r.asset_id, tag, name, category, code,
                          RecordKind(r.kind), plan or "", r.component, r.failure_cause, r.minutes,
                          _hours(r.down_from, r.down_to), r.passed, r.done_by, r.notes,
                          r.down_from is not None and r.down_to is None)
                for r, tag, name, category, code, plan in s.execute(query).tuples()
            ]  # fmt: skip

    # ------------------------------------------------------------ figures

    def reliability(
        self,
        actor: Actor,
        start: date,
        end: date,
        *,
        outlet_id: int | None = None,
        group: str = "asset",
        asset_id: int | None = None,
        now: datetime | None = None,
    ) -> list[Reliability]:
        """MTBF, MTTR and availability for the local days start..end (inclusive), per asset,
        category or model (make and model): each asset counts the hours of the period it was in
        service (from acceptance, else purchase, else registration, to retirement), up to now."""
        actor.require(Permission.VIEW_EQUIPMENT)
        group = v.choice(
            QT_TRANSLATE_NOOP("core", "Group by"), group, ("asset", "category", "model")
        )
        if end < start:
            raise ValidationError(
                QT_TRANSLATE_NOOP("core", "Period"),
                QT_TRANSLATE_NOOP("core", "ends before it starts."),
            )
        begin, finish = _midnight(start), _midnight(end + timedelta(days=1))
        stop = max(begin, min(finish, now or utcnow()))  # hours still to come are not counted
        with self._db.read(actor) as s:
            query = select(Asset, EquipmentCategory.name).join(
                EquipmentCategory, EquipmentCategory.id == Asset.category_id
            )
            if outlet_id is not None:
                query = query.where(Asset.outlet_id == outlet_id)
            if asset_id is not None:
                query = query.where(Asset.id == asset_id)
            assets = list(s.execute(query).tuples())
            r = MaintenanceRecord
            # Failures are the breakdowns logged in the period; downtime is whatever part of the
            # period a breakdown kept the asset down, though it broke down before the period.
            breakdowns = s.execute(
                select(r.asset_id, r.done_at, r.down_from, r.down_to).where(
                    r.kind == RecordKind.BREAKDOWN.value,
                    or_(
                        (r.done_at >= begin) & (r.done_at < finish),
                        (r.down_from < stop) & (r.down_to.is_(None) | (r.down_to > begin)),
                    ),
                )
            ).all()
        failures: dict[int, int] = defaultdict(int)
        downtimes: dict[int, list[tuple[datetime, datetime | None]]] = defaultdict(list)
        repaired: dict[int, list[Decimal]] = defaultdict(list)
        for asset, done_at, down_from, down_to in breakdowns:
            if begin <= done_at < finish:
                failures[asset] += 1
                hours = _hours(down_from, down_to)
                if hours is not None:
                    repaired[asset].append(hours)
            if down_from is not None:
                downtimes[asset].append((down_from, down_to))
        groups: dict[str, list[Any]] = {}
        for asset, category in assets:
            # In service from acceptance (else purchase, else registration) until retirement.
            since = asset.accepted_on or asset.purchase_date or asset.created_at.astimezone().date()
            served_from = max(begin, _midnight(since))
            served_to = (
                min(stop, _midnight(asset.retired_on + timedelta(days=1)))
                if asset.retired_on
                else stop
            )
            served = _hours(served_from, served_to)
            if not served:
                continue
            down = sum(
                (
                    _hours(max(down_from, served_from), min(down_to or served_to, served_to))
                    or Decimal(0)
                    for down_from, down_to in downtimes.get(asset.id, ())
                ),
                Decimal(0),
            )
            key, label = _group_key(group, asset, category)
            totals = groups.setdefault(key, [label, 0, 0, Decimal(0), Decimal(0), []])
            totals[1] += 1
            totals[2] += failures.get(asset.id, 0)
            totals[3] += served
            totals[4] += down
            totals[5] += repaired.get(asset.id, [])
        return [
            _reliability(key, label, count, failed, hours, downtime, repairs)
            for key, (label, count, failed, hours, downtime, repairs) in sorted(groups.items())
        ]

    def compliance(
        self,
        actor: Actor,
        start: date,
        end: date,
        outlet_id: int | None = None,
        *,
        today: date | None = None,
        asset_id: int | None = None,
        plan_id: int | None = None,
    ) -> Compliance:
        """Of the planned tasks of the period, the share done on time: those done in the period
        that had a due date (on time or late), and every due date in the period, before today,
        whose task is still not done (missed: not on time). A plan never done counts each of
        its due dates so; a meter-only plan has none. Of one asset or one plan when given (the
        maintenance report's figures), else of the outlet or all."""
        actor.require(Permission.VIEW_EQUIPMENT)
        last = min(end, (today or date.today()) - timedelta(days=1))
        outstanding = (
            select(PlanDue.due_on, MaintenancePlan)
            .join(MaintenancePlan, MaintenancePlan.id == PlanDue.plan_id)
            .join(Asset, Asset.id == PlanDue.asset_id)
            .where(
                MaintenancePlan.active,
                Asset.status != AssetStatus.RETIRED.value,
                plan_applies(Asset.id),
                PlanDue.due_on.is_not(None),
                PlanDue.due_on <= last,
            )
        )
        if outlet_id is not None:
            outstanding = outstanding.where(PlanDue.outlet_id == outlet_id)
        if asset_id is not None:
            outstanding = outstanding.where(PlanDue.asset_id == asset_id)
        if plan_id is not None:
            outstanding = outstanding.where(PlanDue.plan_id == plan_id)
        query = select(MaintenanceRecord.due_on, MaintenanceRecord.done_at).where(
            MaintenanceRecord.kind == RecordKind.PLANNED.value,
            MaintenanceRecord.due_on.is_not(None),
            MaintenanceRecord.done_at >= _midnight(start),
            MaintenanceRecord.done_at < _midnight(end + timedelta(days=1)),
        )
        if outlet_id is not None:
            query = query.where(MaintenanceRecord.outlet_id == outlet_id)
        if asset_id is not None:
            query = query.where(MaintenanceRecord.asset_id == asset_id)
        if plan_id is not None:
            query = query.where(MaintenanceRecord.plan_id == plan_id)
        with self._db.read(actor) as s:
            pairs = [(due, done.astimezone().date()) for due, done in s.execute(query).tuples()]
            not_done = sum(
                len(missed(_rule_of(plan), due_on, start, last))
                for due_on, plan in s.execute(outstanding).tuples()
                if due_on is not None
            )
        kept = sum(1 for due, done in pairs if due is not None and done <= due)
        due = len(pairs) + not_done
        share = (
            (Decimal(kept) / Decimal(due)).quantize(Decimal("0.001"), ROUND_HALF_UP)
            if due
            else None
        )
        return Compliance(len(pairs), kept, share, not_done)


# ---------------------------------------------------------------- plan helpers


def _validated_plan(data: PlanInput) -> PlanInput:
    name = v.text(F_PLAN_NAME, data.name, max_len=120, name_like=True)
    if (data.asset_id is None) == (data.category_id is None):
        raise ValidationError(
            F_APPLIES_TO,
            QT_TRANSLATE_NOOP("core", "choose one asset or one category."),
        )
    start = v.day(F_START, data.start_date, required=True, earliest=date(1990, 1, 1))
    count = (
        None
        if data.interval_count in (None, "")
        else v.integer(QT_TRANSLATE_NOOP("core", "Interval"), data.interval_count, minimum=1,
                       maximum=1000)
    )  # fmt: skip
    unit = (data.interval_unit or None) if count is not None else None
    meter_interval = (
        None
        if data.meter_interval in (None, "")
        else v.number(QT_TRANSLATE_NOOP("core", "Meter interval"), data.meter_interval,
                      minimum=Decimal("0.01"), maximum=Decimal(10_000_000))
    )  # fmt: skip
    meter_name = v.text(F_METER_NAME, data.meter_name, max_len=40, required=meter_interval is not None,
                        name_like=True)  # fmt: skip
    lead = v.integer(QT_TRANSLATE_NOOP("core", "Lead time (days before due)"), data.lead_days,
                     minimum=0, maximum=365)  # fmt: skip
    assert start is not None
    PlanRule(count, unit, meter_interval, data.anchor, start, lead)  # type: ignore[arg-type]
    if len(data.items) > MAX_ITEMS:
        raise ValidationError(
            F_ITEM, QT_TRANSLATE_NOOP("core", "at most {count} items."), count=MAX_ITEMS
        )
    items = tuple(_validated_item(line, item) for line, item in enumerate(data.items, start=1))
    return PlanInput(
        name=name,
        asset_id=data.asset_id,
        category_id=data.category_id,
        interval_count=count,
        interval_unit=unit,
        meter_name=meter_name if meter_interval is not None else "",
        meter_interval=meter_interval,
        anchor=data.anchor,
        start_date=start,
        lead_days=lead,
        estimated_minutes=v.integer(F_MINUTES, data.estimated_minutes, minimum=0, maximum=10_000),
        assignee_id=data.assignee_id,
        instructions=v.text(
            F_INSTRUCTIONS, data.instructions, max_len=4000, required=False, multiline=True
        ),  # fmt: skip
        items=items,
        parts=tuple(_part_quantities(data.parts)),
    )


def _validated_item(line: int, item: ItemInput) -> ItemInput:
    """One checklist line; a refusal names the line and its column."""
    try:
        kind = v.choice(F_KIND, str(getattr(item.kind, "value", item.kind)), ITEM_KINDS)
        label = v.text(F_ITEM_LABEL, item.label, max_len=200, name_like=True)
        unit = v.text(F_ITEM_UNIT, item.unit, max_len=20, required=False, name_like=True)
        low = (
            None
            if item.minimum in (None, "")
            else v.number(F_ITEM_MIN, item.minimum, minimum=-MAX_VALUE, maximum=MAX_VALUE, places=4)
        )
        high = (
            None
            if item.maximum in (None, "")
            else v.number(F_ITEM_MAX, item.maximum, minimum=-MAX_VALUE, maximum=MAX_VALUE, places=4)
        )
    except ValidationError as exc:
        raise ChecklistLineError.of(line, exc) from None
    if low is not None and high is not None and high < low:
        raise ChecklistLineError(
            line, F_ITEM_MAX, QT_TRANSLATE_NOOP("core", "is below Min ({minimum})."),
            minimum=f"{low.normalize():f}",
        )  # fmt: skip
    return ItemInput(kind, label, unit, low, high)


def _part_quantities(parts: Iterable[tuple[int, int | str]]) -> list[tuple[int, int]]:
    found: dict[int, int] = {}
    for part_id, quantity in parts:
        qty = v.integer(F_PARTS, quantity, minimum=1, maximum=10_000)
        found[int(part_id)] = found.get(int(part_id), 0) + qty
    return sorted(found.items())


def _check_plan_links(s: Session, data: PlanInput) -> None:
    if data.asset_id is not None:
        asset = s.get(Asset, data.asset_id)
        if asset is None:
            raise ValidationError(
                F_APPLIES_TO, QT_TRANSLATE_NOOP("core", "asset {id} does not exist."),
                id=data.asset_id,
            )  # fmt: skip
    if data.category_id is not None and s.get(EquipmentCategory, data.category_id) is None:
        raise ValidationError(
            F_APPLIES_TO, QT_TRANSLATE_NOOP("core", "category {id} does not exist."),
            id=data.category_id,
        )  # fmt: skip
    if data.assignee_id is not None and s.get(User, data.assignee_id) is None:
        raise ValidationError(
            F_ASSIGNEE, QT_TRANSLATE_NOOP("core", "user {id} does not exist."), id=data.assignee_id
        )
    for part_id, _qty in data.parts:
        if s.get(Part, part_id) is None:
            raise ValidationError(
                F_PARTS, QT_TRANSLATE_NOOP("core", "Part {id} does not exist."), id=part_id
            )


def _plan_columns(data: PlanInput) -> dict[str, Any]:
    return {
        "name": data.name,
        "asset_id": data.asset_id,
        "category_id": data.category_id,
        "interval_count": data.interval_count,
        "interval_unit": data.interval_unit,
        "meter_name": data.meter_name,
        "meter_interval": data.meter_interval,
        "anchor": data.anchor,
        "start_date": data.start_date,
        "lead_days": data.lead_days,
        "estimated_minutes": data.estimated_minutes,
        "assignee_id": data.assignee_id,
        "instructions": data.instructions,
    }


def _replace_plan_lines(s: Session, plan: MaintenancePlan, data: PlanInput) -> None:
    s.execute(delete(PlanItem).where(PlanItem.plan_id == plan.id))
    s.execute(delete(PlanPart).where(PlanPart.plan_id == plan.id))
    for position, item in enumerate(data.items, start=1):
        s.add(
            PlanItem(
                plan_id=plan.id,
                position=position,
                kind=str(item.kind),
                label=item.label,
                unit=item.unit,
                minimum=item.minimum,
                maximum=item.maximum,
            )  # fmt: skip
        )
    for part_id, quantity in data.parts:
        s.add(PlanPart(plan_id=plan.id, part_id=part_id, quantity=int(quantity)))
    s.flush()


def _rule_of(plan: MaintenancePlan | PlanDTO) -> PlanRule:
    return PlanRule(
        plan.interval_count,
        plan.interval_unit,  # type: ignore[arg-type]
        plan.meter_interval,
        plan.anchor,  # type: ignore[arg-type]
        plan.start_date,
        plan.lead_days,
    )


def plan_applies(asset_id: Any) -> ColumnElement[bool]:
    """Whether a plan (MaintenancePlan, in the query) applies to an asset it covers, as SQL; the
    asset's id is a number or a column of the query. A category's meter-only plan does not apply
    to an asset without that meter; it does from the day the meter is added. The due list, the
    plans of an asset (the log form's, the A4 report's), the plan export and logging go by it."""
    meter = aliased(Meter)
    has_meter = (
        select(meter.id)
        .where(meter.asset_id == asset_id, meter.name == MaintenancePlan.meter_name)
        .exists()
    )
    return or_(MaintenancePlan.interval_count.is_not(None), has_meter)


def _covers(s: Session, plan: MaintenancePlan, asset: Asset) -> bool:
    """The plan is the asset's own or its category's, and applies to it."""
    if plan.asset_id != asset.id and plan.category_id != asset.category_id:
        return False
    return bool(s.scalar(select(plan_applies(asset.id)).where(MaintenancePlan.id == plan.id)))


def _recompute(s: Session, plans: Sequence[MaintenancePlan]) -> int:
    """Rebuild the due rows of these plans from each asset's last completion."""
    if not plans:
        return 0
    ids = [p.id for p in plans]
    s.execute(delete(PlanDue).where(PlanDue.plan_id.in_(ids)))
    live = [p for p in plans if p.active]
    if not live:
        return 0
    by_asset = {p.asset_id for p in live if p.asset_id is not None}
    by_category = {p.category_id for p in live if p.category_id is not None}
    assets = list(
        s.scalars(
            select(Asset).where(
                Asset.status != AssetStatus.RETIRED.value,
                or_(Asset.id.in_(by_asset), Asset.category_id.in_(by_category)),
            )
        )
    )
    last_done = {
        (plan_id, asset_id): done
        for plan_id, asset_id, done in s.execute(
            select(
                MaintenanceRecord.plan_id,
                MaintenanceRecord.asset_id,
                func.max(MaintenanceRecord.done_at),
            )  # fmt: skip
            .where(MaintenanceRecord.plan_id.in_([p.id for p in live]))
            .group_by(MaintenanceRecord.plan_id, MaintenanceRecord.asset_id)
        ).tuples()
    }
    meter_names = {p.meter_name for p in live if p.meter_name}
    meters = {
        (asset_id, name): value
        for asset_id, name, value in s.execute(
            select(Meter.asset_id, Meter.name, Meter.last_value).where(Meter.name.in_(meter_names))
        ).tuples()
    } if meter_names else {}  # fmt: skip
    per_category: dict[int, list[Asset]] = defaultdict(list)
    per_id: dict[int, Asset] = {}
    for asset in assets:
        per_category[asset.category_id].append(asset)
        per_id[asset.id] = asset
    rows = []
    for plan in live:
        rule = _rule_of(plan)
        covered = (
            [per_id[plan.asset_id]] if plan.asset_id in per_id else []
        ) if plan.asset_id is not None else per_category.get(plan.category_id or 0, [])  # fmt: skip
        for asset in covered:
            meter_now = meters.get((asset.id, plan.meter_name)) if plan.meter_name else None
            done = last_done.get((plan.id, asset.id))
            due = (
                first_due(rule, meter_now)
                if done is None
                else next_due(rule, Due(None, None), done.date(), meter_now)
            )
            rows.append(_due_row(plan, asset, due, done))
    if rows:
        s.execute(PlanDue.__table__.insert(), rows)  # type: ignore[attr-defined]
    return len(rows)


def _due_row(
    plan: MaintenancePlan, asset: Asset, due: Due, done: datetime | None
) -> dict[str, Any]:
    return {
        "plan_id": plan.id,
        "asset_id": asset.id,
        "outlet_id": asset.outlet_id,
        "due_on": due.date,
        "due_meter": due.meter,
        "show_from": due.shows_from(plan.lead_days),
        "last_done_at": done,
    }


def _advance(
    s: Session,
    plan: MaintenancePlan,
    asset: Asset,
    row: PlanDue | None,
    done_at: datetime,
    meters: dict[str, Decimal],
) -> None:
    """Move the plan's due on for this asset after its task was done."""
    rule = _rule_of(plan)
    meter_now = meters.get(plan.meter_name) if plan.meter_name else None
    if meter_now is None and plan.meter_name:
        meter_now = s.scalar(
            select(Meter.last_value).where(
                Meter.asset_id == asset.id, Meter.name == plan.meter_name
            )
        )
    previous = Due(row.due_on, row.due_meter) if row is not None else Due(None, None)
    due = next_due(rule, previous, done_at.date(), meter_now)
    if row is None:
        s.execute(PlanDue.__table__.insert(), [_due_row(plan, asset, due, done_at)])  # type: ignore[attr-defined]
        return
    row.due_on, row.due_meter = due.date, due.meter
    row.show_from = due.shows_from(plan.lead_days)
    if row.last_done_at is None or done_at > row.last_done_at:
        row.last_done_at = done_at
    s.flush()


def _due_query() -> Any:
    """Plain columns, no ORM objects: the due list of a busy outlet is thousands of rows."""
    return (
        select(
            PlanDue.plan_id,
            MaintenancePlan.name.label("plan_name"),
            PlanDue.asset_id,
            Asset.tag,
            Asset.name.label("asset_name"),
            EquipmentCategory.name.label("category"),
            Outlet.code,
            PlanDue.due_on,
            PlanDue.due_meter,
            MaintenancePlan.meter_name,
            Meter.id.label("meter_id"),
            Meter.last_value.label("meter_now"),
            User.display_name.label("assignee"),
            MaintenancePlan.estimated_minutes,
            MaintenancePlan.lead_days,
            MaintenancePlan.interval_count,
            MaintenancePlan.interval_unit,
            MaintenancePlan.meter_interval,
            MaintenancePlan.anchor,
            MaintenancePlan.start_date,
        )  # fmt: skip
        .join(MaintenancePlan, MaintenancePlan.id == PlanDue.plan_id)
        .join(Asset, Asset.id == PlanDue.asset_id)
        .join(EquipmentCategory, EquipmentCategory.id == Asset.category_id)
        .join(Outlet, Outlet.id == PlanDue.outlet_id)
        .outerjoin(User, User.id == MaintenancePlan.assignee_id)
        .outerjoin(Meter, (Meter.asset_id == Asset.id) & (Meter.name == MaintenancePlan.meter_name))
        .where(
            MaintenancePlan.active,
            Asset.status != AssetStatus.RETIRED.value,
            plan_applies(Asset.id),
        )
    )


def _due_task(row: Any, today: date) -> DueTask:
    # An asset without the plan's meter is due by the time rule only.
    due_meter = row.due_meter if row.meter_id is not None else None
    state = bucket(Due(row.due_on, due_meter), today, row.meter_now, row.lead_days)
    return DueTask(
        row.plan_id, row.plan_name, row.asset_id, row.tag, row.asset_name, row.category, row.code,
        row.due_on, due_meter, row.meter_name if due_meter is not None else "", row.meter_now,
        state, row.assignee or "", row.estimated_minutes,
    )  # fmt: skip


def _moved(task: DueTask, day: date, today: date) -> DueTask:
    """A later calendar occurrence of the task."""
    state = bucket(Due(day, None), today, None, 0)
    return DueTask(
        task.plan_id, task.plan_name, task.asset_id, task.tag, task.asset_name, task.category,
        task.outlet_code, day, None, task.meter_name, None, state, task.assignee,
        task.estimated_minutes,
    )  # fmt: skip


def _urgency(task: DueTask) -> tuple[int, date, str]:
    return (task.bucket.urgency, task.due_on or date.max, task.tag)


# ---------------------------------------------------------------- log helpers


def _moment(field_name: str, value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise ValidationError(field_name, QT_TRANSLATE_NOOP("core", "must be a date and time."))
    if value.tzinfo is None:
        raise ValidationError(field_name, QT_TRANSLATE_NOOP("core", "needs a time zone."))
    return value


def _downtime_to_fill_in(
    s: Session,
    asset_id: int,
    down_from: datetime | None,
    down_to: datetime | None,
    done_at: datetime,
) -> tuple[MaintenanceRecord | None, datetime | None, datetime | None]:
    """The status change's downtime a breakdown being logged fills in (one failure, not two),
    and the breakdown's downtime with it: the open one (down since the status change at least;
    a breakdown that had ended before it began is an earlier failure logged late, on its own),
    else an ended one (taken out, repaired and back in service before the breakdown was
    logged; its end kept when the breakdown gives none). None: a record of its own."""
    automatic = automatic_downtime(s, asset_id)
    if automatic is not None:
        opened = automatic.down_from
        assert opened is not None
        if down_to is not None and down_to <= opened:
            automatic = None
        elif down_from is None or down_from > opened:
            down_from = opened
    if automatic is None:
        automatic = closed_automatic_downtime(s, asset_id, down_from, down_to, done_at)
        if automatic is not None:
            assert automatic.down_from is not None and automatic.down_to is not None
            if down_from is None or down_from > automatic.down_from:
                down_from = automatic.down_from
            if down_to is None:
                down_to = automatic.down_to
    return automatic, down_from, down_to


def _check_downtime(
    s: Session, asset: Asset, down_from: datetime, down_to: datetime | None,
    goes_under_repair: bool, filling_in: int | None = None,
) -> None:  # fmt: skip
    """A breakdown's downtime: still down only for an asset out of service after the log, and
    never overlapping another breakdown's downtime of the asset: the one it is still in (one
    open downtime per asset; a failure found meanwhile has none of its own) nor one recorded.
    An earlier breakdown logged late keeps its own downtime if it ended by then. The refusal
    names the end when that is what runs into the other downtime. `filling_in`: the automatic
    record the breakdown fills in, not another downtime."""
    if down_to is None and not goes_under_repair and asset.status == AssetStatus.IN_SERVICE.value:
        raise ValidationError(
            F_DOWN_TO,
            QT_TRANSLATE_NOOP(
                "core",
                "is required while {tag} stays in service; put it under repair to log it as "
                "still down.",
            ),
            tag=asset.tag,
        )
    r = MaintenanceRecord
    overlapping = s.execute(
        select(r.number, r.down_from, r.down_to)
        .where(
            r.asset_id == asset.id,
            r.id != (filling_in or 0),
            r.kind == RecordKind.BREAKDOWN.value,
            r.down_from.is_not(None),
            r.down_to.is_(None) | (r.down_to > down_from),
            *((r.down_from < down_to,) if down_to is not None else ()),
        )
        .order_by(r.down_to.is_not(None), r.down_from, r.id)  # the open one first
        .limit(1)
    ).first()
    if overlapping is None:
        return
    since = f"{overlapping.down_from.astimezone():%Y-%m-%d %H:%M}"
    starts_inside = down_from >= overlapping.down_from  # else its end runs into the other
    if overlapping.down_to is None:
        if starts_inside or down_to is None:
            raise ValidationError(
                F_DOWN_FROM,
                QT_TRANSLATE_NOOP(
                    "core",
                    "{tag} has been down since {since} ({number}); that downtime ends when it "
                    "is back in service. Log this failure without a downtime of its own.",
                ),
                tag=asset.tag, since=since, number=overlapping.number,
            )  # fmt: skip
        raise ValidationError(
            F_DOWN_TO,
            QT_TRANSLATE_NOOP(
                "core",
                "must be no later than {since}: {tag} has been down since then ({number}). An "
                "earlier breakdown's downtime ends before that one began.",
            ),
            tag=asset.tag, since=since, number=overlapping.number,
        )  # fmt: skip
    raise ValidationError(
        F_DOWN_FROM if starts_inside or down_to is None else F_DOWN_TO,
        QT_TRANSLATE_NOOP(
            "core",
            "overlaps the downtime of {number}: {tag} was down from {since} to {until}. A "
            "downtime is counted once; change the times or log this failure without one.",
        ),
        tag=asset.tag, since=since, until=f"{overlapping.down_to.astimezone():%Y-%m-%d %H:%M}",
        number=overlapping.number,
    )  # fmt: skip


def _results(
    s: Session, plan: MaintenancePlan | None, given: Sequence[tuple[int, str]]
) -> list[RecordResult]:
    """The plan's checklist as done: every item answered, numbers checked against the range."""
    if plan is None:
        if given:
            raise ValidationError(
                F_RESULT, QT_TRANSLATE_NOOP("core", "a checklist belongs to a plan.")
            )
        return []
    items = list(
        s.scalars(select(PlanItem).where(PlanItem.plan_id == plan.id).order_by(PlanItem.position))
    )
    answers = {int(position): value for position, value in given}
    unknown = set(answers) - {item.position for item in items}
    if unknown:
        raise ValidationError(
            F_RESULT, QT_TRANSLATE_NOOP("core", "item {position} is not on the checklist."),
            position=min(unknown),
        )  # fmt: skip
    results = []
    for item in items:
        raw = v.text(F_RESULT, answers.get(item.position, ""), max_len=500, required=False,
                     name_like=True)  # fmt: skip
        if not raw and item.kind != CheckKind.TEXT.value:
            raise ValidationError(
                F_RESULT, QT_TRANSLATE_NOOP("core", "{label} has no answer."), label=item.label
            )
        ok = True
        if item.kind == CheckKind.CHECK.value:
            word = raw.casefold()
            if word not in OK_WORDS and word not in NOT_OK_WORDS:
                raise ValidationError(
                    F_RESULT, QT_TRANSLATE_NOOP("core", "{label}: answer ok or not ok."),
                    label=item.label,
                )  # fmt: skip
            ok = word in OK_WORDS
            raw = "ok" if ok else "not ok"
        elif item.kind in (CheckKind.NUMBER.value, CheckKind.METER.value):
            value = v.number(F_RESULT, raw, minimum=-MAX_VALUE, maximum=MAX_VALUE, places=4)
            ok = (item.minimum is None or value >= item.minimum) and (
                item.maximum is None or value <= item.maximum
            )
            raw = f"{value.normalize():f}"
        results.append(
            RecordResult(
                position=item.position,
                kind=item.kind,
                label=item.label,
                unit=item.unit,
                minimum=item.minimum,
                maximum=item.maximum,
                value=raw,
                ok=ok,
            )  # fmt: skip
        )
    return results


def _take_readings(
    s: Session,
    actor: Actor,
    asset: Asset,
    readings: list[tuple[int, Decimal]],
    results: list[RecordResult],
    plan: MaintenancePlan | None,
    at: datetime,
    entry: MaintenanceRecord,
) -> dict[str, Decimal]:
    """Readings typed with the work, and a checklist's meter item as a reading of the plan's
    meter; returns the values by meter name."""
    taken: dict[str, Decimal] = {}
    for meter_id, value in readings:
        meter = s.get(Meter, meter_id, with_for_update=True)
        if meter is None or meter.asset_id != asset.id:
            raise ValidationError(
                F_READING, QT_TRANSLATE_NOOP("core", "meter {id} is not on {tag}."),
                id=meter_id, tag=asset.tag,
            )  # fmt: skip
        add_reading(s, actor, meter, value, at, entry.id)
        taken[meter.name] = value
    if plan is not None and plan.meter_name and plan.meter_name not in taken:
        for result in results:
            if result.kind == CheckKind.METER.value:
                meter = s.scalar(
                    select(Meter)
                    .where(Meter.asset_id == asset.id, Meter.name == plan.meter_name)
                    .with_for_update()
                )
                if meter is not None:
                    value = Decimal(result.value)
                    add_reading(s, actor, meter, value, at, entry.id)
                    taken[meter.name] = value
                break
    return taken


def _use_parts(
    s: Session, actor: Actor, asset: Asset, entry: MaintenanceRecord, parts: list[tuple[int, int]]
) -> None:
    """Parts used leave the asset's outlet's main store: refused, naming the part, when short,
    and for what is held there for work orders awaiting parts (a waiting repair keeps its part)."""
    if not parts:
        return
    location = main_location(s, actor, asset.outlet_id)
    for part_id, quantity in parts:
        part = s.get(Part, part_id)
        if part is None:
            raise ValidationError(
                F_PARTS, QT_TRANSLATE_NOOP("core", "Part {id} does not exist."), id=part_id
            )
        leave_held(s, part, location, quantity, HELD_NOT_USED, F_PARTS)
        write_movement(
            s, actor, part, location, MovementKind.ISSUE, -quantity, None,
            f"{entry.number} {asset.tag}", maintenance_record_id=entry.id,
        )  # fmt: skip
        s.add(RecordPart(record_id=entry.id, part_id=part.id, quantity=quantity))
    s.flush()


def _record_dto(s: Session, entry: MaintenanceRecord) -> RecordDTO:
    order = (
        s.scalar(select(WorkOrder.number).where(WorkOrder.id == entry.work_order_id))
        if entry.work_order_id
        else None
    )
    tag = s.scalar(select(Asset.tag).where(Asset.id == entry.asset_id)) or ""
    plan = (
        s.scalar(select(MaintenancePlan.name).where(MaintenancePlan.id == entry.plan_id))
        if entry.plan_id
        else None
    )
    results = tuple(
        ResultDTO(
            r.position, CheckKind(r.kind), r.label, r.unit, r.minimum, r.maximum, r.value, r.ok
        )  # fmt: skip
        for r in s.scalars(
            select(RecordResult)
            .where(RecordResult.record_id == entry.id)
            .order_by(RecordResult.position)
        )
    )
    parts = tuple(
        (part_id, sku, name, qty)
        for part_id, sku, name, qty in s.execute(
            select(Part.id, Part.sku, Part.name, RecordPart.quantity)
            .join(RecordPart, RecordPart.part_id == Part.id)
            .where(RecordPart.record_id == entry.id)
            .order_by(Part.sku)
        ).tuples()
    )
    return RecordDTO(
        entry.id, entry.number, entry.asset_id, tag, RecordKind(entry.kind), entry.plan_id,
        plan or "", entry.due_on, entry.done_at, entry.done_by, entry.minutes, entry.down_from,
        entry.down_to, entry.failure_cause, entry.component, entry.passed, entry.notes, results,
        parts, order or "",
    )  # fmt: skip


def _plan_dto(s: Session, plan: MaintenancePlan) -> PlanDTO:
    tag = s.scalar(select(Asset.tag).where(Asset.id == plan.asset_id)) if plan.asset_id else None
    category = (
        s.scalar(select(EquipmentCategory.name).where(EquipmentCategory.id == plan.category_id))
        if plan.category_id
        else None
    )
    assignee = (
        s.scalar(select(User.display_name).where(User.id == plan.assignee_id))
        if plan.assignee_id
        else None
    )
    items = tuple(
        PlanItemDTO(i.position, CheckKind(i.kind), i.label, i.unit, i.minimum, i.maximum)
        for i in s.scalars(
            select(PlanItem).where(PlanItem.plan_id == plan.id).order_by(PlanItem.position)
        )
    )
    parts = tuple(
        (part_id, sku, name, qty)
        for part_id, sku, name, qty in s.execute(
            select(Part.id, Part.sku, Part.name, PlanPart.quantity)
            .join(PlanPart, PlanPart.part_id == Part.id)
            .where(PlanPart.plan_id == plan.id)
            .order_by(Part.sku)
        ).tuples()
    )
    return PlanDTO(
        plan.id, plan.name, plan.asset_id, tag or "", plan.category_id, category or "",
        plan.interval_count, plan.interval_unit, plan.meter_name, plan.meter_interval, plan.anchor,
        plan.start_date, plan.lead_days, plan.estimated_minutes, plan.assignee_id, assignee or "",
        plan.instructions, plan.active, items, parts, plan.version,
    )  # fmt: skip


def _plan(s: Session, plan_id: int) -> MaintenancePlan:
    plan = s.get(MaintenancePlan, plan_id)
    if plan is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("core", "Maintenance plan {id} does not exist."), id=plan_id
        )
    return plan


def _locked_plan(s: Session, plan_id: int, version: int) -> MaintenancePlan:
    plan = s.scalar(select(MaintenancePlan).where(MaintenancePlan.id == plan_id).with_for_update())
    if plan is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("core", "Maintenance plan {id} does not exist."), id=plan_id
        )
    if plan.version != version:
        raise StaleRecord(
            QT_TRANSLATE_NOOP(
                "core", "{name} was changed by someone else meanwhile; nothing was saved."
            ),
            name=plan.name,
        )
    return plan


def _asset(s: Session, asset_id: int) -> Asset:
    asset = s.get(Asset, asset_id)
    if asset is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "Asset {id} does not exist."), id=asset_id)
    return asset


# ---------------------------------------------------------------- figures helpers


def _midnight(day: date) -> datetime:
    """The start of a local day (periods are the days people read on their calendar)."""
    return local_midnight(day)


def _hours(start: datetime | None, end: datetime | None) -> Decimal | None:
    if start is None or end is None:
        return None
    seconds = max((end - start).total_seconds(), 0)
    return (Decimal(seconds) / HOURS).quantize(Decimal("0.01"))


def _group_key(group: str, asset: Asset, category: str) -> tuple[str, str]:
    if group == "category":
        return str(asset.category_id), category
    if group == "model":
        label = " ".join(part for part in (asset.make, asset.model) if part) or "—"
        return label.casefold(), label
    return asset.tag, f"{asset.tag} {asset.name}"


def _reliability(
    key: str, label: str, assets: int, failures: int, hours: Decimal, downtime: Decimal,
    repairs: list[Decimal],
) -> Reliability:  # fmt: skip
    """The figures of a group; repairs: the whole downtime of each breakdown of the period whose
    downtime has ended."""
    up = max(hours - downtime, Decimal(0))
    two = Decimal("0.01")
    return Reliability(
        key,
        label,
        assets,
        failures,
        hours.quantize(two),
        downtime.quantize(two),
        (up / failures).quantize(two) if failures else None,
        (sum(repairs, Decimal(0)) / len(repairs)).quantize(two) if repairs else None,
        (up / hours).quantize(Decimal("0.0001")) if hours else None,
    )
