"""When maintenance is due: the date and meter arithmetic of plans, with no database and no Qt.

A plan has a time rule (every N days, weeks, months or years), a meter rule (every N units of a
meter, e.g. 500 operating hours) or both, whichever comes first. Month and year steps are
month-end safe and never drift: a plan anchored on 31 January is due on 28/29 February, 31 March,
30 April, ..., because every scheduled date is computed from the anchor, not from the date before.
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

from ..errors import Items, ValidationError
from ..i18n import QT_TRANSLATE_NOOP

F_INTERVAL = QT_TRANSLATE_NOOP("core", "Interval")
F_INTERVAL_UNIT = QT_TRANSLATE_NOOP("core", "Interval unit")
F_METER_INTERVAL = QT_TRANSLATE_NOOP("core", "Meter interval")
# Not "Lead time (days)": that source already means a supplier's delivery time (供货周期).
F_LEAD_DAYS = QT_TRANSLATE_NOOP("core", "Lead time (days before due)")
F_ANCHOR = QT_TRANSLATE_NOOP("core", "Next due counted from")

INTERVAL_MAX = 1000
LEAD_DAYS_MAX = 365
METER_INTERVAL_MAX = Decimal("10000000")


class IntervalUnit(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Anchor(enum.StrEnum):
    """What the next due is counted from after a completion."""

    SCHEDULE = "schedule"  # the plan's own calendar: early or late work does not move it
    COMPLETION = "completion"  # the day (or meter reading) the work was done


class Bucket(enum.StrEnum):
    """Where a task sits on the due list, most urgent first."""

    OVERDUE = "overdue"
    TODAY = "today"
    THIS_WEEK = "this_week"
    UPCOMING = "upcoming"  # later than this week, inside the lead time
    NOT_YET = "not_yet"  # before the lead time: not on the list yet

    @property
    def urgency(self) -> int:
        """0 for overdue up to 4 for not yet; lower is more urgent."""
        return _BUCKET_ORDER.index(self)


_BUCKET_ORDER = (Bucket.OVERDUE, Bucket.TODAY, Bucket.THIS_WEEK, Bucket.UPCOMING, Bucket.NOT_YET)


# ------------------------------------------------------------------------------------ dates


def _months_per_step(unit: IntervalUnit) -> int:
    return 12 if unit is IntervalUnit.YEAR else 1


def _days_per_step(unit: IntervalUnit) -> int:
    return 7 if unit is IntervalUnit.WEEK else 1


def _add_months(start: date, months: int) -> date:
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def add_interval(start: date, count: int, unit: IntervalUnit) -> date:
    """start plus count units (count may be negative); months and years keep the day of the
    month where it exists, else take the month's last day (31 Jan + 1 month = 28/29 Feb).

    Not for stepping a schedule: 31 Jan + 1 month + 1 month is 28 Mar; use nth_due."""
    if unit in (IntervalUnit.MONTH, IntervalUnit.YEAR):
        return _add_months(start, count * _months_per_step(unit))
    return start + timedelta(days=count * _days_per_step(unit))


def nth_due(anchor: date, count: int, unit: IntervalUnit, n: int) -> date:
    """The n-th scheduled date of a plan every `count` units from `anchor` (n = 0 is the anchor),
    computed from the anchor so month ends never drift (31 Jan, 28 Feb, 31 Mar, 30 Apr, ...)."""
    return add_interval(anchor, count * n, unit)


def _first_index_after(anchor: date, count: int, unit: IntervalUnit, after: date) -> int:
    """The smallest n >= 0 with nth_due(anchor, count, unit, n) > after."""
    if unit in (IntervalUnit.MONTH, IntervalUnit.YEAR):
        step = count * _months_per_step(unit)
        months = (after.year - anchor.year) * 12 + (after.month - anchor.month)
        # An index whose month lies before `after`'s month is surely not after it.
        n = max(0, months // step - 1)
    else:
        step = count * _days_per_step(unit)
        n = max(0, (after - anchor).days // step - 1)
    while nth_due(anchor, count, unit, n) <= after:
        n += 1
    return n


def first_occurrence_after(anchor: date, count: int, unit: IntervalUnit, after: date) -> date:
    """The first scheduled date of the plan strictly after `after` (the anchor if it is later)."""
    return nth_due(anchor, count, unit, _first_index_after(anchor, count, unit, after))


def week_end_of(day: date) -> date:
    """The Sunday ending the ISO week (Monday to Sunday) that holds `day`."""
    return day + timedelta(days=6 - day.weekday())


# ------------------------------------------------------------------------------------ rules


@dataclass(frozen=True)
class PlanRule:
    """When a plan falls due. Constructing one validates it: every refusal names the field.

    interval_count/interval_unit: the time rule (both or neither); meter_interval: the meter
    rule; at least one of the two. start: the first due date of the time rule and the anchor of
    its schedule. lead_days: how many days before the due date the task shows on the due list.
    Units and anchors may be given as their stored text ("month", "schedule")."""

    interval_count: int | None
    interval_unit: IntervalUnit | None
    meter_interval: Decimal | None
    anchor: Anchor
    start: date
    lead_days: int = 0

    def __post_init__(self) -> None:
        # Fields are checked in the order a form shows them, so the first wrong one is named.
        count, unit = self.interval_count, self.interval_unit
        if count is not None:
            _whole_number(F_INTERVAL, count, 1, INTERVAL_MAX)
        if unit is not None:
            object.__setattr__(self, "interval_unit", _member(F_INTERVAL_UNIT, IntervalUnit, unit))
        if count is not None and unit is None:
            raise ValidationError(F_INTERVAL_UNIT, QT_TRANSLATE_NOOP("core", "is required."))
        if unit is not None and count is None:
            raise ValidationError(F_INTERVAL, QT_TRANSLATE_NOOP("core", "is required."))
        if self.meter_interval is not None:
            object.__setattr__(
                self, "meter_interval", _meter_interval(F_METER_INTERVAL, self.meter_interval)
            )
        if count is None and self.meter_interval is None:
            raise ValidationError(
                F_INTERVAL,
                QT_TRANSLATE_NOOP(
                    "core", "a plan needs a time interval, a meter interval or both."
                ),
            )
        object.__setattr__(self, "anchor", _member(F_ANCHOR, Anchor, self.anchor))
        _whole_number(F_LEAD_DAYS, self.lead_days, 0, LEAD_DAYS_MAX)
        if not isinstance(self.start, date) or isinstance(self.start, datetime):
            raise TypeError(f"start must be a date, not {type(self.start).__name__}")

    @property
    def has_time_rule(self) -> bool:
        return self.interval_count is not None

    @property
    def has_meter_rule(self) -> bool:
        return self.meter_interval is not None

    def _time(self) -> tuple[int, IntervalUnit]:
        assert self.interval_count is not None and self.interval_unit is not None
        return self.interval_count, self.interval_unit


def _whole_number(field: str, value: object, minimum: int, maximum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, QT_TRANSLATE_NOOP("core", "must be a whole number."))
    if not minimum <= value <= maximum:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("core", "must be between {minimum} and {maximum}."),
            minimum=minimum,
            maximum=maximum,
        )


_E = TypeVar("_E", IntervalUnit, Anchor)


def _member(field: str, kind: type[_E], value: object) -> _E:
    if isinstance(value, str):
        try:
            return kind(value)
        except ValueError:
            pass
    raise ValidationError(
        field,
        QT_TRANSLATE_NOOP("core", "“{value}” is not one of: {allowed}."),
        value=str(value)[:40],
        allowed=Items(m.value for m in kind),
    )


def _meter_interval(field: str, value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValidationError(field, QT_TRANSLATE_NOOP("core", "must be a number."))
    number = Decimal(value)
    if not number.is_finite():
        raise ValidationError(field, QT_TRANSLATE_NOOP("core", "must be a number."))
    if number <= 0:
        raise ValidationError(field, QT_TRANSLATE_NOOP("core", "must be more than zero."))
    if number > METER_INTERVAL_MAX:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("core", "must be at most {maximum}."),
            maximum=METER_INTERVAL_MAX,
        )
    return number


# ------------------------------------------------------------------------------------ due

_Date = date  # Due has a field named `date`; annotations inside it use this name for the type.


@dataclass(frozen=True)
class Due:
    """When a plan is next due: by date (time rule), by meter value (meter rule), or both."""

    date: _Date | None = None
    meter: Decimal | None = None

    def reached(self, today: _Date, meter_now: Decimal | None) -> bool:
        """True from the due date on, or once the meter has reached the due value."""
        by_date = self.date is not None and self.date <= today
        by_meter = self.meter is not None and meter_now is not None and meter_now >= self.meter
        return by_date or by_meter

    def shows_from(self, lead_days: int) -> _Date | None:
        """The first day the task shows on the due list as upcoming (due date - lead time)."""
        return None if self.date is None else self.date - timedelta(days=lead_days)

    def days_left(self, today: _Date) -> int | None:
        """Days until the due date; 0 today, negative when overdue."""
        return None if self.date is None else (self.date - today).days

    def meter_left(self, meter_now: Decimal | None) -> Decimal | None:
        """Meter units until due (negative when passed); None without a meter rule or reading."""
        if self.meter is None or meter_now is None:
            return None
        return self.meter - meter_now


def first_due(rule: PlanRule, meter_now: Decimal | None) -> Due:
    """When a new plan is first due: on its start date; at the current reading plus the meter
    interval (the interval itself when the meter has no reading yet)."""
    meter = None
    if rule.meter_interval is not None:
        meter = (meter_now if meter_now is not None else Decimal(0)) + rule.meter_interval
    return Due(rule.start if rule.has_time_rule else None, meter)


def next_due(rule: PlanRule, previous: Due, done_on: date, meter_at_done: Decimal | None) -> Due:
    """When the plan is due again after the work due at `previous` was done on `done_on`.

    COMPLETION anchor: the interval is counted from the completion day and from the meter reading
    taken then (without a reading, from the previous due value).

    SCHEDULE anchor: the plan keeps its own calendar (nth_due from rule.start, so no month-end
    drift). The next due is the first scheduled date strictly after both the previous due date and
    the completion date: early or on-time work gives the next date of the calendar; late work
    that reaches or passes later scheduled dates covers them too. Missed dates are not stacked:
    one late job does not leave a queue of overdue ones behind it. The meter works the same way
    on its own grid previous + k * interval: the first value above both the previous due value
    and the reading at completion.

    With both rules each is carried forward on its own; the task is due at whichever comes first.
    """
    return Due(
        _next_date(rule, previous.date, done_on), _next_meter(rule, previous.meter, meter_at_done)
    )


def _next_date(rule: PlanRule, previous: date | None, done_on: date) -> date | None:
    if not rule.has_time_rule:
        return None
    count, unit = rule._time()
    if rule.anchor is Anchor.COMPLETION:
        return add_interval(done_on, count, unit)
    after = done_on if previous is None else max(previous, done_on)
    return first_occurrence_after(rule.start, count, unit, after)


def _next_meter(
    rule: PlanRule, previous: Decimal | None, reading: Decimal | None
) -> Decimal | None:
    interval = rule.meter_interval
    if interval is None:
        return None
    if rule.anchor is Anchor.COMPLETION or previous is None:
        base = reading if reading is not None else previous
        return (base if base is not None else Decimal(0)) + interval
    due = previous + interval
    if reading is not None and reading >= due:
        due = previous + (int((reading - previous) // interval) + 1) * interval
    return due


# ------------------------------------------------------------------------------------ due list


def bucket(
    due: Due,
    today: date,
    meter_now: Decimal | None,
    lead_days: int,
    week_end: date | None = None,
) -> Bucket:
    """Where a task goes on the due list; with both rules the more urgent bucket wins.

    By date: overdue before today, today, this week up to week_end (default: the Sunday of
    today's ISO week; the current week is always shown, whatever the lead time), upcoming up to
    today + lead_days, else not yet. By meter: overdue once the reading has reached the due value,
    else not yet: readings come irregularly, so there is no reliable "due soon" for a meter.
    """
    if due.meter is not None and meter_now is not None and meter_now >= due.meter:
        return Bucket.OVERDUE
    if due.date is None:
        return Bucket.NOT_YET
    if due.date < today:
        return Bucket.OVERDUE
    if due.date == today:
        return Bucket.TODAY
    if due.date <= (week_end if week_end is not None else week_end_of(today)):
        return Bucket.THIS_WEEK
    if due.date <= today + timedelta(days=lead_days):
        return Bucket.UPCOMING
    return Bucket.NOT_YET


def on_time(due_date: date | None, done_on: date, grace_days: int = 0) -> bool:
    """Done on or before the due date (plus grace days); work with no due date is never late."""
    return due_date is None or done_on <= due_date + timedelta(days=grace_days)


def compliance(pairs: Iterable[tuple[date | None, date]], grace_days: int = 0) -> Decimal | None:
    """Share of (due date, done on) tasks done on time, 0.000 to 1.000; None when there is none.

    Tasks without a due date (meter-only plans, unplanned work) are left out: the calendar
    cannot say they were late, and counting them as on time would flatter the figure."""
    dated = [(due, done) for due, done in pairs if due is not None]
    if not dated:
        return None
    kept = sum(1 for due, done in dated if on_time(due, done, grace_days))
    return (Decimal(kept) / Decimal(len(dated))).quantize(Decimal("0.001"), ROUND_HALF_UP)


def missed(rule: PlanRule, due_on: date, first: date, last: date) -> list[date]:
    """The due dates in [first, last] of a task not done since `due_on` (its outstanding due):
    that date and every later one of its time rule, each a task not done. A SCHEDULE plan steps
    on its own calendar; a COMPLETION plan one interval at a time from `due_on` (when the work is
    never done, each interval that passes is another task missed)."""
    if not rule.has_time_rule or last < first or due_on > last:
        return []
    if rule.anchor is Anchor.SCHEDULE:
        return occurrences(rule, first, last, Due(due_on, None))
    count, unit = rule._time()
    found = []
    n = 0
    while (day := nth_due(due_on, count, unit, n)) <= last:
        if day >= first:
            found.append(day)
        n += 1
    return found


def occurrences(rule: PlanRule, first: date, last: date, previous: Due | None = None) -> list[date]:
    """Due dates of the plan's time rule in [first, last], for the month calendar.

    `previous` is the plan's current due as stored (after its last completion); without it the
    plan is taken as new, first due on rule.start. SCHEDULE plans show that due and every later
    date of their calendar; COMPLETION plans only that due, as later ones depend on when the work
    is done. Meter-only plans have no dates."""
    if not rule.has_time_rule or last < first:
        return []
    current = previous.date if previous is not None and previous.date is not None else rule.start
    found = [current] if first <= current <= last else []
    if rule.anchor is Anchor.COMPLETION:
        return found
    count, unit = rule._time()
    after = current if first <= current else first - timedelta(days=1)
    n = _first_index_after(rule.start, count, unit, after)
    while (day := nth_due(rule.start, count, unit, n)) <= last:
        found.append(day)
        n += 1
    return found
