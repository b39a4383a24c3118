"""Maintenance plan arithmetic: month ends, leap years, schedule vs completion anchor, meters,
due-list buckets and compliance. Pure functions: no database, no Qt."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outletdesk.core.equipment.schedule import (
    Anchor,
    Bucket,
    Due,
    IntervalUnit,
    PlanRule,
    add_interval,
    bucket,
    compliance,
    first_due,
    first_occurrence_after,
    next_due,
    nth_due,
    occurrences,
    on_time,
    week_end_of,
)
from outletdesk.core.errors import ValidationError

D = date
DAY, WEEK, MONTH, YEAR = IntervalUnit.DAY, IntervalUnit.WEEK, IntervalUnit.MONTH, IntervalUnit.YEAR


def monthly(start: date, anchor: Anchor = Anchor.SCHEDULE, count: int = 1, lead: int = 0):
    return PlanRule(count, MONTH, None, anchor, start, lead)


def every_hours(hours: str, anchor: Anchor = Anchor.SCHEDULE) -> PlanRule:
    return PlanRule(None, None, Decimal(hours), anchor, D(2025, 1, 1), 0)


# ------------------------------------------------------------------ add_interval and nth_due


@pytest.mark.parametrize(
    ("start", "count", "unit", "expected"),
    [
        (D(2025, 1, 31), 1, MONTH, D(2025, 2, 28)),  # no 31 Feb: last day of February
        (D(2024, 1, 31), 1, MONTH, D(2024, 2, 29)),  # leap year
        (D(2025, 1, 31), 2, MONTH, D(2025, 3, 31)),  # the day comes back when it exists
        (D(2025, 1, 31), 3, MONTH, D(2025, 4, 30)),
        (D(2025, 1, 30), 1, MONTH, D(2025, 2, 28)),
        (D(2025, 1, 29), 1, MONTH, D(2025, 2, 28)),
        (D(2024, 1, 29), 1, MONTH, D(2024, 2, 29)),
        (D(2025, 3, 15), 1, MONTH, D(2025, 4, 15)),
        (D(2025, 11, 30), 3, MONTH, D(2026, 2, 28)),  # across the year end
        (D(2025, 12, 31), 2, MONTH, D(2026, 2, 28)),
        (D(2025, 12, 15), 1, MONTH, D(2026, 1, 15)),
        (D(2025, 3, 31), -1, MONTH, D(2025, 2, 28)),  # backwards too
        (D(2025, 1, 15), -1, MONTH, D(2024, 12, 15)),
        (D(2025, 1, 31), 0, MONTH, D(2025, 1, 31)),
        (D(2024, 2, 29), 1, YEAR, D(2025, 2, 28)),  # leap day + 1 year = 28 Feb
        (D(2024, 2, 29), 4, YEAR, D(2028, 2, 29)),  # + 4 years: a leap day again
        (D(2000, 2, 29), 100, YEAR, D(2100, 2, 28)),  # 2100 is not a leap year
        (D(2024, 6, 15), 2, YEAR, D(2026, 6, 15)),
        (D(2025, 1, 31), 1, YEAR, D(2026, 1, 31)),
        (D(2024, 2, 28), 1, DAY, D(2024, 2, 29)),
        (D(2025, 2, 28), 1, DAY, D(2025, 3, 1)),
        (D(2024, 12, 31), 1, DAY, D(2025, 1, 1)),
        (D(2025, 1, 1), 90, DAY, D(2025, 4, 1)),
        (D(2024, 12, 31), 1, WEEK, D(2025, 1, 7)),
        (D(2024, 2, 22), 1, WEEK, D(2024, 2, 29)),
        (D(2025, 1, 6), 2, WEEK, D(2025, 1, 20)),
        (D(2025, 1, 6), 52, WEEK, D(2026, 1, 5)),  # 52 weeks is 364 days, not a year
    ],
)
def test_add_interval(start, count, unit, expected):
    assert add_interval(start, count, unit) == expected


def test_unit_text_is_accepted_where_the_database_stores_it():
    assert add_interval(D(2025, 1, 31), 1, IntervalUnit("month")) == D(2025, 2, 28)


def test_stepping_month_by_month_drifts_so_schedules_count_from_the_anchor():
    stepped = add_interval(add_interval(D(2025, 1, 31), 1, MONTH), 1, MONTH)
    assert stepped == D(2025, 3, 28)  # what repeated stepping gives: the 31st is lost
    assert nth_due(D(2025, 1, 31), 1, MONTH, 2) == D(2025, 3, 31)


def test_a_plan_on_31_january_keeps_the_month_end_for_24_months():
    dues = [nth_due(D(2025, 1, 31), 1, MONTH, n) for n in range(24)]
    assert dues[:5] == [
        D(2025, 1, 31),
        D(2025, 2, 28),
        D(2025, 3, 31),
        D(2025, 4, 30),
        D(2025, 5, 31),
    ]
    assert dues[13] == D(2026, 2, 28)
    for n, due in enumerate(dues):
        year, month = divmod(2025 * 12 + n, 12)
        assert due == D(year, month + 1, calendar.monthrange(year, month + 1)[1])


def test_a_plan_on_31_january_every_month_from_a_leap_year():
    dues = [nth_due(D(2024, 1, 31), 1, MONTH, n) for n in range(4)]
    assert dues == [D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 30)]


def test_quarterly_on_the_30th_and_yearly_on_the_leap_day():
    assert [nth_due(D(2024, 11, 30), 3, MONTH, n) for n in range(4)] == [
        D(2024, 11, 30),
        D(2025, 2, 28),
        D(2025, 5, 30),
        D(2025, 8, 30),
    ]
    assert [nth_due(D(2024, 2, 29), 1, YEAR, n) for n in range(5)] == [
        D(2024, 2, 29),
        D(2025, 2, 28),
        D(2026, 2, 28),
        D(2027, 2, 28),
        D(2028, 2, 29),
    ]


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (D(2024, 12, 1), D(2025, 1, 31)),  # before the anchor: the anchor itself
        (D(2025, 1, 30), D(2025, 1, 31)),
        (D(2025, 1, 31), D(2025, 2, 28)),  # strictly after
        (D(2025, 2, 27), D(2025, 2, 28)),
        (D(2025, 2, 28), D(2025, 3, 31)),
        (D(2025, 3, 30), D(2025, 3, 31)),
        (D(2027, 2, 28), D(2027, 3, 31)),
    ],
)
def test_first_occurrence_after(after, expected):
    assert first_occurrence_after(D(2025, 1, 31), 1, MONTH, after) == expected


def test_week_end_is_the_sunday_of_the_iso_week():
    assert week_end_of(D(2025, 3, 10)) == D(2025, 3, 16)  # Monday
    assert week_end_of(D(2025, 3, 12)) == D(2025, 3, 16)  # Wednesday
    assert week_end_of(D(2025, 3, 16)) == D(2025, 3, 16)  # Sunday is its own week's end
    assert week_end_of(D(2025, 12, 31)) == D(2026, 1, 4)


# ------------------------------------------------------------------ first and next due


def test_first_due_of_a_time_plan_is_its_start():
    assert first_due(monthly(D(2025, 1, 31)), Decimal("12")) == Due(D(2025, 1, 31), None)


def test_first_due_of_a_meter_plan_counts_from_the_reading_or_from_zero():
    assert first_due(every_hours("500"), Decimal("1234.5")) == Due(None, Decimal("1734.5"))
    assert first_due(every_hours("500"), None) == Due(None, Decimal("500"))
    assert first_due(every_hours("500"), Decimal("0")) == Due(None, Decimal("500"))


@pytest.mark.parametrize(
    ("done_on", "expected", "why"),
    [
        (D(2025, 1, 25), D(2025, 2, 28), "early: the calendar does not move"),
        (D(2025, 1, 31), D(2025, 2, 28), "on time"),
        (D(2025, 2, 10), D(2025, 2, 28), "late within the period: still the next date"),
        (D(2025, 2, 28), D(2025, 3, 31), "done on the next date: covers it"),
        (D(2025, 3, 5), D(2025, 3, 31), "one date missed: not stacked"),
        (D(2025, 5, 15), D(2025, 5, 31), "several missed: first date after completion"),
        (D(2025, 5, 31), D(2025, 6, 30), "several missed, done on a scheduled date"),
    ],
)
def test_schedule_anchor_monthly_from_31_january(done_on, expected, why):
    rule = monthly(D(2025, 1, 31))
    assert next_due(rule, Due(D(2025, 1, 31)), done_on, None) == Due(expected, None), why


def test_schedule_anchor_does_not_drift_when_chained_through_february():
    rule = monthly(D(2025, 1, 31))
    due = first_due(rule, None)
    seen = []
    for _ in range(14):
        seen.append(due.date)
        due = next_due(rule, due, due.date, None)  # always done on the day
    assert seen[:5] == [
        D(2025, 1, 31),
        D(2025, 2, 28),
        D(2025, 3, 31),
        D(2025, 4, 30),
        D(2025, 5, 31),
    ]
    assert seen[13] == D(2026, 2, 28)


@pytest.mark.parametrize(
    ("done_on", "expected", "why"),
    [
        (D(2025, 1, 25), D(2025, 2, 25), "early: a month after the work"),
        (D(2025, 1, 31), D(2025, 2, 28), "on time: month-end safe"),
        (D(2025, 2, 10), D(2025, 3, 10), "late: a month after the work"),
        (D(2025, 5, 15), D(2025, 6, 15), "several periods late"),
    ],
)
def test_completion_anchor_monthly_from_31_january(done_on, expected, why):
    rule = monthly(D(2025, 1, 31), Anchor.COMPLETION)
    assert next_due(rule, Due(D(2025, 1, 31)), done_on, None) == Due(expected, None), why


def test_every_two_weeks_from_a_monday_early_and_late():
    schedule = PlanRule(2, WEEK, None, Anchor.SCHEDULE, D(2025, 1, 6), 0)
    completion = PlanRule(2, WEEK, None, Anchor.COMPLETION, D(2025, 1, 6), 0)
    previous = Due(D(2025, 1, 6))
    # Done Friday 10 Jan (4 days late): the schedule stays on Mondays, completion moves to Fridays.
    assert next_due(schedule, previous, D(2025, 1, 10), None).date == D(2025, 1, 20)
    assert next_due(completion, previous, D(2025, 1, 10), None).date == D(2025, 1, 24)
    # Done Thursday 2 Jan (4 days early).
    assert next_due(schedule, previous, D(2025, 1, 2), None).date == D(2025, 1, 20)
    assert next_due(completion, previous, D(2025, 1, 2), None).date == D(2025, 1, 16)
    # Done 40 days late (Sat 15 Feb): the Mondays 20 Jan, 3 Feb are not stacked.
    assert next_due(schedule, previous, D(2025, 2, 15), None).date == D(2025, 2, 17)


def test_daily_and_yearly_plans():
    daily = PlanRule(1, DAY, None, Anchor.SCHEDULE, D(2025, 2, 27), 0)
    assert next_due(daily, Due(D(2025, 2, 27)), D(2025, 2, 27), None).date == D(2025, 2, 28)
    assert next_due(daily, Due(D(2025, 2, 28)), D(2025, 3, 3), None).date == D(2025, 3, 4)
    leap = PlanRule(1, YEAR, None, Anchor.SCHEDULE, D(2024, 2, 29), 30)
    assert next_due(leap, Due(D(2024, 2, 29)), D(2024, 2, 20), None).date == D(2025, 2, 28)
    assert next_due(leap, Due(D(2027, 2, 28)), D(2027, 2, 28), None).date == D(2028, 2, 29)
    leap_done = PlanRule(1, YEAR, None, Anchor.COMPLETION, D(2024, 2, 29), 30)
    assert next_due(leap_done, Due(D(2024, 2, 29)), D(2024, 2, 29), None).date == D(2025, 2, 28)


def test_a_schedule_whose_previous_due_is_unknown_counts_from_the_completion():
    rule = monthly(D(2025, 1, 31))
    assert next_due(rule, Due(None, None), D(2025, 3, 10), None).date == D(2025, 3, 31)
    # A plan that starts later than the work: its start date.
    later = monthly(D(2025, 6, 30))
    assert next_due(later, Due(None, None), D(2025, 3, 10), None).date == D(2025, 6, 30)


@pytest.mark.parametrize(
    ("reading", "expected", "why"),
    [
        ("480", "1000", "early: the grid does not move"),
        ("510", "1000", "a little over"),
        ("999.9", "1000", "just under the next step"),
        ("1000", "1500", "on the next step: covers it"),
        ("1240", "1500", "one step missed: not stacked"),
        ("3020", "3500", "several steps missed"),
        (None, "1000", "no reading taken"),
    ],
)
def test_schedule_anchor_meter_every_500_hours_due_at_500(reading, expected, why):
    reading = None if reading is None else Decimal(reading)
    got = next_due(every_hours("500"), Due(None, Decimal("500")), D(2025, 3, 1), reading)
    assert got == Due(None, Decimal(expected)), why


@pytest.mark.parametrize(
    ("reading", "expected"),
    [("480", "980"), ("510", "1010"), ("1240", "1740"), ("1240.5", "1740.5"), (None, "1000")],
)
def test_completion_anchor_meter_every_500_hours_due_at_500(reading, expected):
    reading = None if reading is None else Decimal(reading)
    rule = every_hours("500", Anchor.COMPLETION)
    got = next_due(rule, Due(None, Decimal("500")), D(2025, 3, 1), reading)
    assert got == Due(None, Decimal(expected))


def test_a_meter_rule_added_later_counts_from_the_reading():
    assert next_due(every_hours("250"), Due(), D(2025, 3, 1), Decimal("1010")).meter == Decimal(
        "1260"
    )
    assert next_due(every_hours("250"), Due(), D(2025, 3, 1), None).meter == Decimal("250")


def test_both_rules_whichever_comes_first():
    # Every 3 months or 500 hours, counted from completion.
    rule = PlanRule(3, MONTH, Decimal("500"), Anchor.COMPLETION, D(2025, 4, 30), 7)
    due = first_due(rule, Decimal("100"))
    assert due == Due(D(2025, 4, 30), Decimal("600"))
    # Heavy use: 600 hours reached on 20 March, long before the date. Due now.
    assert bucket(due, D(2025, 3, 20), Decimal("600"), rule.lead_days) is Bucket.OVERDUE
    assert due.reached(D(2025, 3, 20), Decimal("600"))
    # Light use: the date comes first.
    assert bucket(due, D(2025, 5, 1), Decimal("350"), rule.lead_days) is Bucket.OVERDUE
    assert bucket(due, D(2025, 4, 30), Decimal("350"), rule.lead_days) is Bucket.TODAY
    assert bucket(due, D(2025, 3, 20), Decimal("350"), rule.lead_days) is Bucket.NOT_YET
    # Done on 20 March at 600 h: both rules restart from the completion.
    assert next_due(rule, due, D(2025, 3, 20), Decimal("600")) == Due(
        D(2025, 6, 20), Decimal("1100")
    )


def test_both_rules_on_the_schedule_keep_their_own_calendar_and_grid():
    rule = PlanRule(3, MONTH, Decimal("500"), Anchor.SCHEDULE, D(2025, 1, 31), 7)
    due = first_due(rule, Decimal("0"))
    assert due == Due(D(2025, 1, 31), Decimal("500"))
    # The meter triggered it first (520 h on 10 Jan): the date stays on its calendar.
    done = next_due(rule, due, D(2025, 1, 10), Decimal("520"))
    assert done == Due(D(2025, 4, 30), Decimal("1000"))


# ------------------------------------------------------------------ buckets


WED = D(2025, 3, 12)  # a Wednesday; its ISO week ends on Sunday 16 March
SUN = D(2025, 3, 16)


@pytest.mark.parametrize(
    ("due_date", "today", "lead", "expected"),
    [
        (D(2025, 3, 11), WED, 7, Bucket.OVERDUE),
        (D(2024, 3, 12), WED, 0, Bucket.OVERDUE),
        (WED, WED, 0, Bucket.TODAY),
        (D(2025, 3, 13), WED, 0, Bucket.THIS_WEEK),  # this week shows whatever the lead time
        (SUN, WED, 0, Bucket.THIS_WEEK),  # Sunday still belongs to this week
        (D(2025, 3, 17), WED, 7, Bucket.UPCOMING),  # Monday: next week, inside the lead time
        (D(2025, 3, 17), WED, 0, Bucket.NOT_YET),
        (D(2025, 3, 17), WED, 4, Bucket.NOT_YET),  # lead window ends on the 16th
        (D(2025, 3, 17), WED, 5, Bucket.UPCOMING),  # ... on the 17th
        (D(2025, 3, 19), WED, 7, Bucket.UPCOMING),  # today + 7 exactly
        (D(2025, 3, 20), WED, 7, Bucket.NOT_YET),
        (D(2025, 6, 1), WED, 365, Bucket.UPCOMING),
        (SUN, SUN, 0, Bucket.TODAY),  # on a Sunday the week is today only
        (D(2025, 3, 17), SUN, 0, Bucket.NOT_YET),  # Monday after a Sunday is next week
        (D(2025, 3, 17), SUN, 1, Bucket.UPCOMING),
        (D(2025, 3, 15), SUN, 0, Bucket.OVERDUE),
        (D(2025, 3, 16), D(2025, 3, 10), 0, Bucket.THIS_WEEK),  # Monday to Sunday
    ],
)
def test_bucket_by_date(due_date, today, lead, expected):
    assert bucket(Due(due_date), today, None, lead) is expected


def test_bucket_with_a_week_ending_on_saturday():
    saturday = D(2025, 3, 15)
    assert bucket(Due(saturday), WED, None, 0, week_end=saturday) is Bucket.THIS_WEEK
    assert bucket(Due(SUN), WED, None, 0, week_end=saturday) is Bucket.NOT_YET
    assert bucket(Due(SUN), WED, None, 7, week_end=saturday) is Bucket.UPCOMING


@pytest.mark.parametrize(
    ("meter_now", "expected"),
    [
        (None, Bucket.NOT_YET),  # no reading yet
        ("0", Bucket.NOT_YET),
        ("499.9", Bucket.NOT_YET),  # meters have no "due soon": readings come irregularly
        ("500", Bucket.OVERDUE),  # reached
        ("731", Bucket.OVERDUE),
    ],
)
def test_bucket_by_meter(meter_now, expected):
    meter_now = None if meter_now is None else Decimal(meter_now)
    assert bucket(Due(None, Decimal("500")), WED, meter_now, 30) is expected


def test_the_more_urgent_bucket_wins_when_both_rules_apply():
    due = Due(D(2025, 3, 13), Decimal("500"))
    assert bucket(due, WED, Decimal("100"), 0) is Bucket.THIS_WEEK
    assert bucket(due, WED, Decimal("500"), 0) is Bucket.OVERDUE
    far = Due(D(2025, 9, 1), Decimal("500"))
    assert bucket(far, WED, Decimal("100"), 7) is Bucket.NOT_YET
    assert bucket(far, WED, Decimal("501"), 7) is Bucket.OVERDUE


def test_a_due_with_no_rule_is_never_on_the_list():
    assert bucket(Due(), WED, Decimal("10"), 365) is Bucket.NOT_YET


def test_buckets_sort_by_urgency():
    ranked = sorted(Bucket, key=lambda b: b.urgency)
    assert ranked == [
        Bucket.OVERDUE,
        Bucket.TODAY,
        Bucket.THIS_WEEK,
        Bucket.UPCOMING,
        Bucket.NOT_YET,
    ]
    assert Bucket("this_week") is Bucket.THIS_WEEK


def test_due_helpers():
    due = Due(D(2025, 3, 20), Decimal("500"))
    assert due.shows_from(7) == D(2025, 3, 13)
    assert due.days_left(WED) == 8
    assert due.days_left(D(2025, 3, 22)) == -2
    assert due.meter_left(Decimal("420.5")) == Decimal("79.5")
    assert due.meter_left(None) is None
    assert not due.reached(D(2025, 3, 19), Decimal("499"))
    assert due.reached(D(2025, 3, 20), None)
    assert due.reached(D(2025, 3, 1), Decimal("500"))
    assert Due().shows_from(7) is None and Due().days_left(WED) is None
    assert not Due().reached(WED, Decimal("1"))


# ------------------------------------------------------------------ compliance


@pytest.mark.parametrize(
    ("due_date", "done_on", "grace", "expected"),
    [
        (D(2025, 3, 12), D(2025, 3, 1), 0, True),  # early
        (D(2025, 3, 12), D(2025, 3, 12), 0, True),  # on the day
        (D(2025, 3, 12), D(2025, 3, 13), 0, False),  # a day late
        (D(2025, 3, 12), D(2025, 3, 13), 1, True),  # within a day's grace
        (D(2025, 3, 12), D(2025, 3, 15), 2, False),
        (None, D(2025, 3, 15), 0, True),  # no due date: cannot be late
    ],
)
def test_on_time(due_date, done_on, grace, expected):
    assert on_time(due_date, done_on, grace) is expected


def test_compliance_share_of_tasks_done_on_time():
    assert compliance([]) is None
    assert compliance([(None, D(2025, 3, 1))]) is None  # meter-only work is left out
    on, late = (D(2025, 3, 12), D(2025, 3, 12)), (D(2025, 3, 12), D(2025, 3, 14))
    assert compliance([on, on, late]) == Decimal("0.667")
    assert compliance([on, late, late]) == Decimal("0.333")
    assert compliance([on, on, late, (None, D(2025, 3, 20))]) == Decimal("0.667")
    assert compliance([on]) == Decimal("1.000")
    assert compliance([late]) == Decimal("0.000")
    assert compliance([on, late], grace_days=2) == Decimal("1.000")
    assert compliance(iter([on, late])) == Decimal("0.500")  # any iterable, read once
    assert compliance([on] * 1 + [late] * 1999) == Decimal("0.001")  # 0.0005 rounds up


# ------------------------------------------------------------------ calendar


def test_occurrences_of_a_monthly_schedule_in_a_range():
    rule = monthly(D(2025, 1, 31))
    assert occurrences(rule, D(2025, 2, 1), D(2025, 4, 30)) == [
        D(2025, 2, 28),
        D(2025, 3, 31),
        D(2025, 4, 30),
    ]
    assert occurrences(rule, D(2025, 1, 1), D(2025, 1, 31)) == [D(2025, 1, 31)]
    assert occurrences(rule, D(2024, 1, 1), D(2024, 12, 31)) == []  # before the plan starts
    assert occurrences(rule, D(2025, 3, 1), D(2025, 3, 30)) == []


def test_occurrences_of_a_weekly_schedule_in_a_month():
    rule = PlanRule(1, WEEK, None, Anchor.SCHEDULE, D(2025, 1, 6), 0)
    assert occurrences(rule, D(2025, 3, 1), D(2025, 3, 31)) == [
        D(2025, 3, 3),
        D(2025, 3, 10),
        D(2025, 3, 17),
        D(2025, 3, 24),
        D(2025, 3, 31),
    ]


def test_occurrences_start_at_the_plans_current_due():
    rule = monthly(D(2025, 1, 31))
    # Done late in May: the stored due is 31 May; the missed dates are not shown again.
    current = Due(D(2025, 5, 31))
    assert occurrences(rule, D(2025, 1, 1), D(2025, 6, 30), current) == [
        D(2025, 5, 31),
        D(2025, 6, 30),
    ]
    # An overdue current due before the range is not repeated inside it.
    assert occurrences(rule, D(2025, 7, 1), D(2025, 7, 31), current) == [D(2025, 7, 31)]


def test_occurrences_of_a_completion_plan_are_its_current_due_only():
    rule = monthly(D(2025, 1, 31), Anchor.COMPLETION)
    assert occurrences(rule, D(2025, 1, 1), D(2025, 12, 31)) == [D(2025, 1, 31)]
    current = Due(D(2025, 3, 10))
    assert occurrences(rule, D(2025, 3, 1), D(2025, 3, 31), current) == [D(2025, 3, 10)]
    assert occurrences(rule, D(2025, 4, 1), D(2025, 4, 30), current) == []


def test_meter_plans_and_empty_ranges_have_no_occurrences():
    assert occurrences(every_hours("500"), D(2025, 1, 1), D(2025, 12, 31)) == []
    assert occurrences(monthly(D(2025, 1, 31)), D(2025, 3, 1), D(2025, 2, 1)) == []


# ------------------------------------------------------------------ validation


GOOD = {
    "interval_count": 1,
    "interval_unit": MONTH,
    "meter_interval": None,
    "anchor": Anchor.SCHEDULE,
    "start": D(2025, 1, 31),
    "lead_days": 7,
}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"interval_count": 0}, "Interval"),
        ({"interval_count": -3}, "Interval"),
        ({"interval_count": 1001}, "Interval"),
        ({"interval_count": True}, "Interval"),
        ({"interval_count": 1.5}, "Interval"),
        ({"interval_count": "2"}, "Interval"),
        ({"interval_unit": None}, "Interval unit"),
        ({"interval_unit": "fortnight"}, "Interval unit"),
        ({"interval_count": None}, "Interval"),  # a unit but no count
        ({"interval_count": None, "interval_unit": None}, "Interval"),  # no rule at all
        ({"meter_interval": Decimal("0")}, "Meter interval"),
        ({"meter_interval": Decimal("-500")}, "Meter interval"),
        ({"meter_interval": Decimal("10000000.01")}, "Meter interval"),
        ({"meter_interval": Decimal("NaN")}, "Meter interval"),
        ({"meter_interval": Decimal("Infinity")}, "Meter interval"),
        ({"meter_interval": 1.5}, "Meter interval"),
        ({"meter_interval": "500"}, "Meter interval"),
        ({"meter_interval": True}, "Meter interval"),
        ({"lead_days": -1}, "Lead time (days before due)"),
        ({"lead_days": 366}, "Lead time (days before due)"),
        ({"lead_days": None}, "Lead time (days before due)"),
        ({"anchor": "whenever"}, "Next due counted from"),
        ({"anchor": None}, "Next due counted from"),
    ],
)
def test_a_bad_rule_is_refused_naming_the_field(changes, field):
    with pytest.raises(ValidationError) as err:
        PlanRule(**{**GOOD, **changes})
    assert err.value.field == field
    assert str(err.value).startswith(f"{field}: ")


def test_the_first_wrong_field_is_named():
    with pytest.raises(ValidationError) as err:
        PlanRule(0, None, Decimal("-1"), Anchor.SCHEDULE, D(2025, 1, 1), -1)
    assert err.value.field == "Interval"


def test_range_messages_give_the_limits():
    with pytest.raises(ValidationError) as err:
        PlanRule(**{**GOOD, "interval_count": 1001})
    assert str(err.value) == "Interval: must be between 1 and 1000."
    with pytest.raises(ValidationError) as err:
        PlanRule(**{**GOOD, "meter_interval": Decimal("20000000")})
    assert str(err.value) == "Meter interval: must be at most 10000000."


@pytest.mark.parametrize(
    "changes",
    [
        {"interval_count": 1000},
        {"lead_days": 0},
        {"lead_days": 365},
        {"meter_interval": Decimal("0.1")},
        {"meter_interval": Decimal("10000000")},
        {"interval_count": None, "interval_unit": None, "meter_interval": Decimal("500")},
    ],
)
def test_boundary_rules_are_accepted(changes):
    PlanRule(**{**GOOD, **changes})


def test_stored_text_and_whole_numbers_are_normalised():
    rule = PlanRule(3, "month", 250, "completion", D(2025, 1, 1), 0)
    assert rule.interval_unit is IntervalUnit.MONTH
    assert rule.anchor is Anchor.COMPLETION
    assert rule.meter_interval == Decimal("250") and isinstance(rule.meter_interval, Decimal)
    assert rule.has_time_rule and rule.has_meter_rule


def test_a_date_and_time_is_not_a_start_date():
    from datetime import datetime

    with pytest.raises(TypeError):
        PlanRule(**{**GOOD, "start": datetime(2025, 1, 31, 9, 0)})


# ------------------------------------------------------------------ properties

ANY_DATE = st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31))
UNITS = st.sampled_from(list(IntervalUnit))


@given(ANY_DATE, st.integers(1, 60), st.integers(0, 1000))  # up to year 7200: date ends at 9999
def test_nth_month_keeps_the_anchor_day_or_the_month_end(anchor, count, n):
    due = nth_due(anchor, count, MONTH, n)
    months = anchor.year * 12 + anchor.month - 1 + count * n
    assert (due.year, due.month) == (months // 12, months % 12 + 1)
    assert due.day == min(anchor.day, calendar.monthrange(due.year, due.month)[1])


@given(ANY_DATE, st.integers(1, 12), UNITS, st.integers(0, 300))
def test_nth_due_grows_with_n(anchor, count, unit, n):
    assert nth_due(anchor, count, unit, n) < nth_due(anchor, count, unit, n + 1)


@given(ANY_DATE, st.integers(-1000, 1000), UNITS)
def test_add_interval_never_raises_for_dates_of_three_centuries(start, count, unit):
    result = add_interval(start, count, unit)
    assert (result > start) == (count > 0) and (result == start) == (count == 0)


@given(ANY_DATE, st.integers(-5000, 5000), st.sampled_from([DAY, WEEK]))
def test_days_and_weeks_go_back_where_they_came_from(start, count, unit):
    assert add_interval(add_interval(start, count, unit), -count, unit) == start


@given(ANY_DATE, st.integers(1, 24), UNITS, st.integers(-400, 5000))
def test_first_occurrence_after_is_the_first_grid_date_past_the_day(anchor, count, unit, offset):
    after = anchor + timedelta(days=offset)
    found = first_occurrence_after(anchor, count, unit, after)
    assert found > after
    # It is on the grid, and the grid date before it (if any) is not past the day.
    n = 0
    while nth_due(anchor, count, unit, n) < found:
        n += 1
    assert nth_due(anchor, count, unit, n) == found
    assert n == 0 or nth_due(anchor, count, unit, n - 1) <= after


@given(
    ANY_DATE,
    st.integers(1, 12),
    UNITS,
    st.integers(0, 40),
    st.integers(-400, 2000),
)
def test_schedule_next_due_is_on_the_calendar_and_after_both_dates(start, count, unit, k, late):
    rule = PlanRule(count, unit, None, Anchor.SCHEDULE, start, 0)
    previous = nth_due(start, count, unit, k)
    done_on = previous + timedelta(days=late)
    got = next_due(rule, Due(previous), done_on, None).date
    assert got is not None and got > previous and got > done_on
    assert got == first_occurrence_after(start, count, unit, max(previous, done_on))


@given(ANY_DATE, st.integers(1, 12), UNITS, ANY_DATE)
def test_completion_next_due_is_one_interval_after_the_work(start, count, unit, done_on):
    rule = PlanRule(count, unit, None, Anchor.COMPLETION, start, 0)
    assert next_due(rule, Due(start), done_on, None).date == add_interval(done_on, count, unit)


@given(
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal("10000"), places=1),
    st.decimals(min_value=Decimal("0"), max_value=Decimal("100000"), places=1),
    st.decimals(min_value=Decimal("0"), max_value=Decimal("200000"), places=1),
)
def test_schedule_meter_stays_on_its_grid_above_the_reading(interval, previous, reading):
    rule = PlanRule(None, None, interval, Anchor.SCHEDULE, D(2025, 1, 1), 0)
    got = next_due(rule, Due(None, previous), D(2025, 1, 1), reading).meter
    assert got is not None and got > previous and got > reading
    steps = (got - previous) / interval
    assert steps == steps.to_integral_value() and steps >= 1
    assert steps == 1 or got - interval <= reading  # the first grid value above both


@given(
    ANY_DATE,
    st.integers(1, 6),
    UNITS,
    st.sampled_from(list(Anchor)),
    st.integers(-400, 4000),
    st.integers(0, 400),
)
def test_occurrences_are_the_grid_dates_in_the_range(start, count, unit, anchor, offset, span):
    rule = PlanRule(count, unit, None, anchor, start, 0)
    first = start + timedelta(days=offset)
    last = first + timedelta(days=span)
    got = occurrences(rule, first, last)
    assert all(first <= d <= last for d in got)
    assert got == sorted(set(got))
    if anchor is Anchor.COMPLETION:
        assert got == ([start] if first <= start <= last else [])
    else:
        n, expected = 0, []
        while (d := nth_due(start, count, unit, n)) <= last:
            if d >= first:
                expected.append(d)
            n += 1
        assert got == expected
