"""Prices, costs and counts of parts as people type them or a spreadsheet holds them: the
general checks of validation.py, except that a value below zero is refused as negative (a cost
of -5 "cannot be negative", not "out of range" or "between 0 and 1000000")."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from .. import validation as v
from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP

NEGATIVE = QT_TRANSLATE_NOOP("core", "cannot be negative.")


def money(field: str, value: Any) -> Decimal:
    """validation.money from zero up."""
    try:
        return v.money(field, value)
    except ValidationError:
        if _below_zero(value, Decimal):
            raise ValidationError(field, NEGATIVE) from None
        raise


def count(field: str, value: Any, *, maximum: int) -> int:
    """validation.integer from zero to `maximum`."""
    try:
        return v.integer(field, value, minimum=0, maximum=maximum)
    except ValidationError:
        if _below_zero(value, int):
            raise ValidationError(field, NEGATIVE) from None
        raise


def _below_zero(value: Any, kind: type[Decimal] | type[int]) -> bool:
    """Whether the value reads as a number below zero, the way validation.py reads it; a float
    or a bool is refused there for what it is, not for its sign."""
    if isinstance(value, bool | float) or value is None:
        return False
    try:
        if kind is int:
            return int(str(value).strip()) < 0
        number = Decimal(str(value).strip().replace(",", ""))
        return number.is_finite() and number < 0
    except (ValueError, InvalidOperation):
        return False
