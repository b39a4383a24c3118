"""Field validators: every refusal names the field; accepted values come back normalised."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outletdesk.core import validation as v
from outletdesk.core.errors import ValidationError


@pytest.mark.parametrize(
    "raw", ["12.345", "abc", "", None, "1e400", "NaN", 1.5, True, "-1", "10000000000"]
)
def test_money_refuses_what_is_not_an_exact_amount(raw):
    with pytest.raises(ValidationError) as err:
        v.money("Deposit", raw)
    assert err.value.field == "Deposit" and str(err.value).startswith("Deposit:")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12.5", Decimal("12.50")),
        (" 1,250.00 ", Decimal("1250.00")),
        (3, Decimal("3.00")),
        (Decimal("0.1"), Decimal("0.10")),
    ],
)
def test_money_accepts_text_ints_and_decimals(raw, expected):
    assert v.money("Deposit", raw) == expected


@given(
    st.decimals(
        min_value=0,
        max_value=Decimal("9999999999.99"),
        places=2,
        allow_nan=False,
        allow_infinity=False,
    )
)
def test_money_round_trips_any_two_place_amount(amount):
    assert v.money("Price", str(amount)) == amount


@pytest.mark.parametrize("raw", ["ten", "1.5", "", None, True, "999"])
def test_integer_refuses_text_fractions_and_out_of_range(raw):
    with pytest.raises(ValidationError) as err:
        v.integer("Quantity", raw, minimum=0, maximum=100)
    assert err.value.field == "Quantity"


def test_text_rules():
    assert v.text("Name", "  Li Na  ", max_len=10) == "Li Na"
    assert (
        v.text("Name", "\tx", max_len=10, name_like=True) == "x"
    )  # surrounding blanks are trimmed
    for bad in ("", "x" * 11, "a\nb", "=1+1", "+86", "-x", "@x", "\x07bell"):
        with pytest.raises(ValidationError):
            v.text("Name", bad, max_len=10, name_like=True)
    assert v.text("Notes", "line 1\nline 2", max_len=50, multiline=True) == "line 1\nline 2"
    assert v.text("Notes", "=not a name", max_len=50, required=False) == "=not a name"


# C0 (CR included), DEL, C1, line/paragraph separators, bidi embeddings, overrides and isolates
HIDING = list("\r\x00\x1b\x7f\x85\x9b\u2028\u2029\u202a\u202b\u202e\u2066\u2069")
# Invisible paste junk, dropped: zero-width space, word joiner, byte order mark, soft hyphen
JUNK = list("\u200b\u2060\ufeff\u00ad")
# Real text: the joiners of emoji and scripts, the LRM/RLM and Arabic letter marks
KEPT = ["👨\u200d👩\u200d👧", "می\u200cخواهم", "abc\u200e", "abc\u200f", "x\u061cy"]


@pytest.mark.parametrize("char", HIDING)
def test_a_character_that_hides_text_is_refused_in_a_one_line_field(char):
    with pytest.raises(ValidationError) as err:
        v.text("Name", f"Bob{char}=1+1", max_len=20, name_like=True)
    assert str(err.value) == "Name: contains control characters."


@pytest.mark.parametrize("char", [c for c in HIDING if c not in "\r\u2028\u2029"])
def test_a_multi_line_field_refuses_them_too_but_keeps_its_lines(char):
    with pytest.raises(ValidationError):
        v.text("Notes", f"a\nb{char}c", max_len=20, multiline=True)


@pytest.mark.parametrize("char", JUNK)
def test_invisible_paste_junk_is_dropped_not_refused(char):
    assert v.text("Name", f"Bo{char}b Li", max_len=20, name_like=True) == "Bob Li"
    assert v.text("Notes", f"{char}a\nb{char}", max_len=20, multiline=True) == "a\nb"


@pytest.mark.parametrize("typed", KEPT)
def test_joiners_and_direction_marks_are_text(typed):
    assert v.text("Name", typed, max_len=20) == typed
    assert v.text("Notes", typed, max_len=20, multiline=True) == typed


def test_line_breaks_of_a_multi_line_field_become_line_feeds():
    typed = "line 1\r\nline 2\rline 3\u2028line 4\tend"
    assert v.text("Notes", typed, max_len=50, multiline=True) == (
        "line 1\nline 2\nline 3\nline 4\tend"
    )


def test_codes_usernames_and_email():
    assert v.code("Outlet code", " sh-01 ") == "SH-01"
    assert v.username("User name", "Li.Na") == "li.na"
    assert v.email("E-mail", "") == ""
    for func, bad in ((v.code, "北"), (v.username, "li na"), (v.email, "a@b")):
        with pytest.raises(ValidationError):
            func("Field", bad)


def test_messages_translate_field_and_problem():
    err = ValidationError("Name", "is required.")
    table = {"Name": "姓名", "is required.": "为必填项。"}
    assert err.message(lambda s: table.get(s, s)) == "姓名: 为必填项。"


@pytest.mark.parametrize("raw", ["-5", "-0.01", Decimal("-1"), -3])
def test_a_negative_amount_or_count_is_said_to_be_negative(raw):
    with pytest.raises(ValidationError, match="^Deposit: cannot be negative.$"):
        v.money("Deposit", raw)
    if not isinstance(raw, Decimal) and "." not in str(raw):
        with pytest.raises(ValidationError, match="^Quantity: cannot be negative.$"):
            v.integer("Quantity", raw, minimum=0, maximum=10)
    # A range that does not start at zero keeps its own message.
    with pytest.raises(ValidationError, match="out of range"):
        v.money("Discount", "-20000000000", minimum=Decimal("-10000000000"))
    with pytest.raises(ValidationError, match="between 1 and 10"):
        v.integer("Quantity", "0", minimum=1, maximum=10)
    with pytest.raises(ValidationError, match="between 1 and 10"):
        v.integer("Copies", "-1", minimum=1, maximum=10)
