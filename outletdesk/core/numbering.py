"""Document numbers (PO-N-000001, ST-N-000001, EQ-N-000001, MR-N-000001): one sequence row per
outlet and series, taken in the caller's transaction, so a number is never reused or given twice."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from ..models import NumberSequence, Outlet
from .database import dialect_insert


def next_number(s: Session, outlet: Outlet, series: str, prefix: str) -> str:
    """The next number of a series for the outlet, taken in the caller's transaction (the same
    sequence row mechanism as work orders): never reused, never given twice."""
    insert = dialect_insert(s.get_bind().dialect.name)
    s.execute(
        insert(NumberSequence)
        .values(outlet_id=outlet.id, series=series, last_value=0)
        .on_conflict_do_nothing()
    )
    value = s.scalar(
        update(NumberSequence)
        .where(NumberSequence.outlet_id == outlet.id, NumberSequence.series == series)
        .values(last_value=NumberSequence.last_value + 1)
        .returning(NumberSequence.last_value)
    )
    assert value is not None
    return f"{prefix}-{outlet.code}-{value:06d}"


def next_numbers(s: Session, outlet: Outlet, series: str, prefix: str, count: int) -> list[str]:
    """`count` numbers of a series in one step: next_number takes the first (making the
    sequence row if need be) and the sequence moves on by the rest at once."""
    if count < 1:
        return []
    first = next_number(s, outlet, series, prefix)
    last = s.scalar(
        update(NumberSequence)
        .where(NumberSequence.outlet_id == outlet.id, NumberSequence.series == series)
        .values(last_value=NumberSequence.last_value + (count - 1))
        .returning(NumberSequence.last_value)
    )
    assert last is not None
    rest = range(last - count + 2, last + 1)
    return [first, *(f"{prefix}-{outlet.code}-{value:06d}" for value in rest)]
