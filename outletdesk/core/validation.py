"""Checks for values typed by people: each failure names the field and nothing gets written."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from . import phones
from .errors import Items, ValidationError
from .i18n import QT_TRANSLATE_NOOP

# Unicode categories of characters a one-line field refuses: controls (Cc: C0, DEL, C1),
# surrogates (Cs), line and paragraph separators (Zl, Zp); and the bidi controls that reorder
# what is shown (embeddings, overrides, isolates), which make "paid 10.00" read as another text.
# A multi-line field allows line feeds and tabs. Other format characters are real text: the
# zero-width joiner inside emoji (👨‍👩‍👧) and non-joiner of some scripts, the LRM/RLM marks.
_HIDING = frozenset({"Cc", "Cs", "Zl", "Zp"})
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Invisible characters that come along with copied text and mean nothing in a field (zero-width
# space, word joiner, byte order mark, soft hyphen): dropped, so "Bo\u200bb" is "Bob" for search
# and duplicate checks, and a paste is not refused for what nobody can see.
_PASTE_JUNK = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))
_LINE_BREAK = re.compile("\r\n|[\r\u2028\u2029]")
# Text a spreadsheet would run as a formula if it were pasted or exported carelessly.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def _as_text(field: str, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(field, QT_TRANSLATE_NOOP("core", "must be text."))
    return value


def _hides_text(ch: str) -> bool:
    """Control (C0, C1, DEL), bidi control, line and paragraph separator characters: invisible
    or moving text on screen, on receipts and in exports."""
    return ch in _BIDI_CONTROLS or unicodedata.category(ch) in _HIDING


def text(
    field: str,
    value: Any,
    *,
    max_len: int,
    required: bool = True,
    multiline: bool = False,
    name_like: bool = False,
) -> str:
    """Trimmed text within max_len with no character that hides text (invisible paste junk such
    as a zero-width space is dropped); a multi-line text keeps its line feeds and tabs (CR LF and
    the other line breaks become LF); names may not look like spreadsheet formulas."""
    typed = _as_text(field, value).translate(_PASTE_JUNK)
    if multiline:
        typed = _LINE_BREAK.sub("\n", typed)
    value = cleaned = typed.strip()
    if required and not value:
        raise ValidationError(field, QT_TRANSLATE_NOOP("core", "is required."))
    if len(value) > max_len:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("core", "is too long ({length} characters; at most {max})."),
            length=len(value),
            max=max_len,
        )
    allowed = "\n\t" if multiline else ""
    if any(_hides_text(ch) and ch not in allowed for ch in value):
        raise ValidationError(field, QT_TRANSLATE_NOOP("core", "contains control characters."))
    if name_like and value.startswith(_FORMULA_START):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP(
                "core", "may not start with “{char}” (it would read as a spreadsheet formula)."
            ),
            char=value[0],
        )
    return cleaned


def phone(field: str, value: Any, *, required: bool = True) -> str:
    """A phone number normalised by phones.normalised: digits, "+" only before a foreign country
    code (+86 and 0086 before a Chinese number are dropped), 5 to 15 digits."""
    raw = _as_text(field, value).strip()
    if not raw:
        if required:
            raise ValidationError(field, QT_TRANSLATE_NOOP("core", "is required."))
        return ""
    if not phones.TYPED.fullmatch(raw):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP(
                "core", "“{value}” is not a phone number (digits, spaces, + - ( ) only)."
            ),
            value=raw[:40],
        )
    number = phones.normalised(raw)
    if not 5 <= len(number.lstrip("+")) <= 15:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("core", "“{value}” must have 5 to 15 digits."),
            value=raw[:40],
        )
    return number


def phone_fragment(value: str) -> str:
    """Digits typed into a search box, for matching stored normalised numbers (phones.search_digits)."""
    return phones.search_digits(value)


def email(field: str, value: Any, *, max_len: int = 254) -> str:
    """An e-mail address within max_len (254, the longest an address can be, unless the column
    keeps fewer)."""
    value = checked = text(field, value, max_len=max_len, required=False)
    if value and not _EMAIL.match(value):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("core", "“{value}” is not an e-mail address."),
            value=value[:60],
        )
    return checked


def code(field: str, value: Any, *, max_len: int = 10) -> str:
    """Short upper-case code such as an outlet code ("N", "SH-01")."""
    value = checked = text(field, value, max_len=max_len).upper()
    if not _CODE.match(value):
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("core", "may use only letters A-Z, digits and '-'.")
        )
    return checked


def username(field: str, value: Any) -> str:
    value = checked = text(field, value, max_len=40).lower()
    if not _USERNAME.match(value):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("core", "may use only letters a-z, digits, '.', '_' and '-'."),
        )
    return checked


def choice(field: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("core", "“{value}” is not one of: {allowed}."),
            value=str(value)[:40],
            allowed=Items(allowed),
        )
    return str(value)


# A price, cost or count below a range that starts at zero: said as it is, not as "out of range"
# or "between 0 and …" (a range from 1 keeps saying "between 1 and …").
NEGATIVE = QT_TRANSLATE_NOOP("core", "cannot be negative.")


# Typed by shops on a Chinese keyboard: full-width digits, comma, point, minus and yen sign.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９，．－￥", "0123456789,.-¥")
_PLAIN = re.compile(r"[0-9]+\.?[0-9]*|\.[0-9]+")  # 1250, 1250.5, .50
_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?")  # 1,250.00  12,345
_DECIMAL_COMMA = re.compile(r"[0-9]+,[0-9]{1,2}")  # 12,50  12,5
_WHOLE = re.compile(r"-?[0-9]+")
_PLUS_WHOLE = re.compile(r"[+＋][0-9０-９]+")


def amount_text(typed: str) -> Decimal | None:
    """The amount a person or a file wrote as text, or None if it cannot be read for sure.

    The one rule for money typed in a form and read from an imported file: an optional ¥ or ￥
    in front; commas only as thousands separators in their places ("1,250.00", "12,345") or as
    a decimal comma before one or two digits with no point ("12,50" is 12.50); anything else
    with a comma ("1,2,3", "12,5000", "1.250,00") is refused rather than guessed."""
    found = typed.translate(_FULL_WIDTH).strip()
    if found.startswith("¥"):
        found = found[1:].lstrip()
    return number_text(found)


def number_text(typed: str) -> Decimal | None:
    """A decimal number written as text (a reading, a measured value) by amount_text's rule,
    without a currency sign; None if it cannot be read for sure."""
    found = typed.translate(_FULL_WIDTH).strip()
    sign = "-" if found.startswith("-") else ""
    digits = found[len(sign) :]
    if _DECIMAL_COMMA.fullmatch(digits):
        digits = digits.replace(",", ".")
    elif _THOUSANDS.fullmatch(digits):
        digits = digits.replace(",", "")
    elif not _PLAIN.fullmatch(digits):
        return None
    return Decimal(sign + digits)


def money(field: str, value: Any, *, minimum: Decimal = Decimal("0")) -> Decimal:
    """A money amount with at most 2 decimals, from Decimal, int or text (never float); text is
    read by amount_text, the same rule for forms and imports."""
    if isinstance(value, bool | float):
        raise ValidationError(field, QT_TRANSLATE_NOOP("core", "must be an exact amount."))
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError(field, QT_TRANSLATE_NOOP("core", "is required."))
    if isinstance(value, str):
        amount = amount_text(value)
    elif isinstance(value, Decimal | int):
        amount = Decimal(value)
    else:
        amount = None
    if amount is None or not amount.is_finite():
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("core", "“{value}” is not an amount."), value=str(value)[:40]
        )
    # Range first: quantizing an enormous exponent such as 1e400 would itself fail.
    if minimum == 0 and amount < 0:
        raise ValidationError(field, NEGATIVE)
    if amount < minimum or amount >= Decimal("10000000000"):
        raise ValidationError(field, QT_TRANSLATE_NOOP("core", "is out of range."))
    cents = amount.quantize(Decimal("0.01"))
    if amount != cents:
        raise ValidationError(field, QT_TRANSLATE_NOOP("core", "has more than 2 decimals."))
    return cents


def whole_text(typed: str) -> int | None:
    """A whole number written as text: digits with an optional leading minus (full-width
    digits read), never Python's extras such as "1_0" or "+5"; None if it is not one."""
    found = typed.translate(_FULL_WIDTH).strip()
    return int(found) if _WHOLE.fullmatch(found) else None


def integer(field: str, value: Any, *, minimum: int, maximum: int) -> int:
    if isinstance(value, bool):
        raise ValidationError(field, QT_TRANSLATE_NOOP("core", "must be a whole number."))
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError(field, QT_TRANSLATE_NOOP("core", "is required."))
    text = str(value).strip()
    if minimum < 0 and _PLUS_WHOLE.fullmatch(text):
        text = text[1:]  # a change up or down (an adjustment) may say "+5" as well as "-3"
    found = value if isinstance(value, int) else whole_text(text)
    if found is None:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("core", "“{value}” is not a whole number."),
            value=str(value)[:40],
        )
    number = found
    if minimum == 0 and number < 0:
        raise ValidationError(field, NEGATIVE)
    if not minimum <= number <= maximum:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("core", "must be between {minimum} and {maximum}."),
            minimum=minimum,
            maximum=maximum,
        )
    return number


def day(
    field: str,
    value: Any,
    *,
    required: bool = False,
    earliest: date = date(1950, 1, 1),
    latest: date = date(2200, 12, 31),
) -> date | None:
    """A calendar date, from a date or "YYYY-MM-DD" text; empty is None unless required."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(field, QT_TRANSLATE_NOOP("core", "is required."))
        return None
    if isinstance(value, datetime):
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("core", "must be a date, not a date and time.")
        )
    if isinstance(value, date):
        found = value
    else:
        typed = text(field, value, max_len=10)
        try:
            found = date.fromisoformat(typed)
        except ValueError:
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP("core", "“{value}” is not a date (YYYY-MM-DD)."),
                value=typed,
            ) from None
    if not earliest <= found <= latest:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("core", "must be between {earliest} and {latest}."),
            earliest=earliest.isoformat(),
            latest=latest.isoformat(),
        )
    return found


def number(
    field: str, value: Any, *, minimum: Decimal, maximum: Decimal, places: int = 2
) -> Decimal:
    """An exact decimal number (a meter reading, a measured value), never a float."""
    found = _exact(field, value, QT_TRANSLATE_NOOP("core", "“{value}” is not a number."))
    return _in_range(field, found, minimum, maximum, places)


def _exact(field: str, value: Any, not_one: str) -> Decimal:
    """An exact decimal from Decimal, int or text (number_text's rule); `not_one` is the message
    for anything else ("“{value}” is not …")."""
    if isinstance(value, bool | float):
        raise ValidationError(field, QT_TRANSLATE_NOOP("core", "must be an exact number."))
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError(field, QT_TRANSLATE_NOOP("core", "is required."))
    found = number_text(value) if isinstance(value, str) else None
    if isinstance(value, Decimal | int):
        found = Decimal(value)
    if found is None or not found.is_finite():
        raise ValidationError(field, not_one, value=str(value).strip()[:40])
    return found


def _in_range(
    field: str, found: Decimal, minimum: Decimal, maximum: Decimal, places: int = 2
) -> Decimal:
    if not minimum <= found <= maximum:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("core", "must be between {minimum} and {maximum}."),
            minimum=str(minimum),
            maximum=str(maximum),
        )
    step = Decimal(1).scaleb(-places)
    if found != found.quantize(step):
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("core", "has more than {places} decimals."),
            places=places,
        )
    return found.quantize(step)


def hours(field: str, value: Any, *, minimum: Decimal, maximum: Decimal) -> Decimal:
    """A number of hours (a time limit), up to 2 decimals; said as hours, not as an amount."""
    found = _exact(field, value, QT_TRANSLATE_NOOP("core", "“{value}” is not a number of hours."))
    return _in_range(field, found, minimum, maximum)


def percent(field: str, value: Any) -> Decimal:
    """A percentage from 0 to 100 with up to 2 decimals; a trailing % sign (also the
    full-width ％ a Chinese input method types) is what people write and is accepted."""
    if isinstance(value, str):
        value = value.strip().removesuffix("%").removesuffix("\uff05")
    found = _exact(field, value, QT_TRANSLATE_NOOP("core", "“{value}” is not a percentage."))
    return _in_range(field, found, Decimal(0), Decimal(100))
