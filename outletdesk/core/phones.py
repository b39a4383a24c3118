"""How a phone number is stored, searched and compared, so that one number typed several ways
("+86 139 1234 5678", "0086 139…", "(+86) 139…", "139-1234-5678") is one number.

The outlets are in China: +86 or 0086 in front of a Chinese mobile or landline number is dropped
and the number is kept as dialled at home (13912345678, 01062550188). A number with another
country code keeps it, written with "+" (00 is the international prefix dialled from China).
Numbers stored by earlier versions as "+8613912345678" are not rewritten; `stored_forms` lists
them for an exact comparison and `search_digits` gives a fragment that is inside them too.
"""

from __future__ import annotations

import re

# What may be typed: digits and separators, with one "+" in front, also inside a bracket "(+86)".
TYPED = re.compile(r"(?:\+|\(\s*\+)?[0-9 ()./-]+")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")  # 139 1234 5678
# An area code without its leading 0 (10, 21, 755, 9xx) and a 7- or 8-digit local number.
_LANDLINE = re.compile(r"[1-9][0-9]{8,10}")
_SERVICE = re.compile(r"[48]00[0-9]{7}")  # 400 / 800 numbers, dialled without a 0
CHINA = "86"


def _digits(typed: str) -> str:
    return re.sub(r"[^0-9]", "", typed)


def _after_country_code(typed: str, *, part: bool = False) -> str | None:
    """The digits after an international prefix ("+", "(+", "00"), or None if there is none.

    `part`: a search box, where "000151" is part of an order number, not a call abroad: there
    00 counts only before 86 or in front of what is long enough to be a whole number."""
    digits = _digits(typed)
    if typed.lstrip("( \t").startswith("+"):
        return digits
    if digits.startswith("00") and (not part or digits.startswith("0086") or len(digits) >= 9):
        return digits[2:]
    return None


def _chinese(significant: str) -> str | None:
    """The number as dialled inside China for the digits after +86, or None if they are not the
    shape of a Chinese number (then they are kept as typed, with +86)."""
    if _MOBILE.fullmatch(significant) or _SERVICE.fullmatch(significant):
        return significant
    national = significant[1:] if significant.startswith("0") else significant  # "+86 010 …"
    if _MOBILE.fullmatch(national):  # "+86 0139 …": the trunk 0 kept by mistake
        return national
    if _LANDLINE.fullmatch(national):
        return "0" + national
    return None


def normalised(typed: str) -> str:
    """Digits only, "+" and the country code kept for a foreign number, +86/0086 dropped.

    `typed` is expected to match TYPED; the caller checks the digit count of the result."""
    international = _after_country_code(typed)
    if international is None:
        digits = _digits(typed)
        # "86 139 1234 5678" without the "+": no Chinese number starts with 86, so it is +86.
        if digits.startswith(CHINA) and _MOBILE.fullmatch(digits[2:]):
            return digits[2:]
        return digits
    if international.startswith(CHINA):
        national = _chinese(international[2:])
        if national is not None:
            return national
    return "+" + international


def significant(number: str) -> str | None:
    """A stored Chinese number without its trunk 0 (the digits that follow +86), or None."""
    if _MOBILE.fullmatch(number) or _SERVICE.fullmatch(number):
        return number
    if number.startswith("0") and _LANDLINE.fullmatch(number[1:]):
        return number[1:]
    return None


def stored_forms(number: str) -> set[str]:
    """Every way this normalised number may already be stored, earlier versions included:
    13912345678 was kept as "+8613912345678" (or "8613912345678", "008613912345678") when typed
    with a country code; a foreign "+44…" as "0044…" or, without its "+", as "44…"."""
    if number.startswith("+"):
        bare = number[1:]
        return {number, bare, "00" + bare}
    forms = {number, "+" + number}
    rest = significant(number)
    if rest is not None:
        for kept in {rest, number}:  # "+86 010 …" was stored with the trunk 0
            forms |= {"+" + CHINA + kept, CHINA + kept, "00" + CHINA + kept}
    return forms


def search_digits(typed: str) -> str:
    """The digits to look for inside stored numbers when a phone (or part of one) is searched.

    +86/0086 and a landline's trunk 0 are left out, so both 01062550188 and an older stored
    "+861062550188" contain what is looked for; another country code is kept. What is looked for
    is always part of the digits typed, so nothing found before is missed."""
    international = _after_country_code(typed, part=True)
    if international is None:
        digits = _digits(typed)
        if digits.startswith(CHINA) and _MOBILE.fullmatch(digits[2:]):
            return digits[2:]
        rest = significant(digits)
        return rest if rest is not None else digits
    if international.startswith(CHINA):
        after = international[2:]
        return after[1:] if after.startswith("0") else after
    return international
