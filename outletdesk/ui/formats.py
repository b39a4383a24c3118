"""How the window shows values: one date-time format and one money format for every screen."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

DATETIME_FORMAT = "%Y-%m-%d %H:%M"


def local_datetime(moment: datetime | None) -> str:
    """An aware UTC moment from the core, shown in this computer's time zone."""
    return moment.astimezone().strftime(DATETIME_FORMAT) if moment is not None else ""


def money_text(amount: Decimal) -> str:
    """Money on screen, in lists, forms and totals alike (and as receipts print it): two decimals
    and thousands separators, "1,005.19". Typed back into a field, the core reads it as written."""
    return f"{amount:,.2f}"
