"""How the window shows values: one date-time format for every screen, in local time."""

from __future__ import annotations

from datetime import datetime

DATETIME_FORMAT = "%Y-%m-%d %H:%M"


def local_datetime(moment: datetime | None) -> str:
    """An aware UTC moment from the core, shown in this computer's time zone."""
    return moment.astimezone().strftime(DATETIME_FORMAT) if moment is not None else ""
