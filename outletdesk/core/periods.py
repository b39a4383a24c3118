"""A period of local days, as the logs' filters take it (from and to both inclusive)."""

from __future__ import annotations

from datetime import date, datetime, time


def local_midnight(day: date) -> datetime:
    """The start of the day in this machine's time zone, aware (compared with UTC columns)."""
    return datetime.combine(day, time.min).astimezone()


def period_text(date_from: date | None, date_to: date | None) -> str | None:
    """ "2026-01-01 – 2026-01-31" for a report's header ("…" for an open end); None if neither."""
    if date_from is None and date_to is None:
        return None
    start = f"{date_from:%Y-%m-%d}" if date_from else "…"
    end = f"{date_to:%Y-%m-%d}" if date_to else "…"
    return f"{start} – {end}"
