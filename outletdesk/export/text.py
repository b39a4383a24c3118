"""Text clean-up shared by the exports: XML-illegal characters, spreadsheet limits, formula prefixes."""

from __future__ import annotations

import re
import unicodedata

# openpyxl's ILLEGAL_CHARACTERS_RE plus what lxml also rejects (lone surrogates, U+FFFE, U+FFFF);
# every one of them is non-printable, so str.isprintable() is a cheap pre-check.
ILLEGAL_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Excel's cell limit counts UTF-16 code units, not Python code points.
MAX_CELL_UTF16 = 32767

# What spreadsheet programs read as the start of a formula (OWASP CSV injection list); the
# full-width forms are included because East Asian input methods produce them.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")

SHEET_NAME_MAX = 31
_SHEET_NAME_BAD_RE = re.compile(r"[\[\]:*?/\\]")
# Excel reserves this name for its change tracking and refuses to open a workbook using it.
_RESERVED_SHEET_NAMES = {"history"}


def clean_text(text: str) -> str:
    """Remove characters XML cannot carry and cut to the length one Excel cell holds."""
    if not text.isprintable():
        text = ILLEGAL_XML_RE.sub("", text)
    # Only a string this long can exceed the limit even if every character takes two code units.
    if len(text) > MAX_CELL_UTF16 // 2:
        text = _truncate_utf16(text, MAX_CELL_UTF16)
    return text


def _truncate_utf16(text: str, limit: int) -> str:
    """Cut to at most `limit` UTF-16 code units without splitting a surrogate pair."""
    encoded = text.encode("utf-16-le")
    if len(encoded) <= limit * 2:
        return text
    # errors="ignore" drops a half pair left at the cut.
    return encoded[: limit * 2].decode("utf-16-le", errors="ignore")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet program could take the text for a formula once edited."""
    return text.startswith(FORMULA_PREFIXES)


def sheet_name(name: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A valid, unique Excel sheet name close to `name`; `taken` holds lower-cased names in use."""
    cleaned = _SHEET_NAME_BAD_RE.sub("_", ILLEGAL_XML_RE.sub("", name))
    # Excel rejects names that start or end with an apostrophe.
    cleaned = cleaned.strip().strip("'").strip() or "Sheet"
    if cleaned.lower() in _RESERVED_SHEET_NAMES:
        cleaned += "_"
    cleaned = cleaned[:SHEET_NAME_MAX].rstrip().rstrip("'") or "Sheet"
    candidate, n = cleaned, 1
    # Excel compares sheet names case-insensitively.
    while candidate.lower() in taken:
        n += 1
        suffix = f" ({n})"
        candidate = cleaned[: SHEET_NAME_MAX - len(suffix)].rstrip() + suffix
    return candidate


def display_width(text: str) -> int:
    """Approximate width in Excel character units: wide East Asian characters take two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
