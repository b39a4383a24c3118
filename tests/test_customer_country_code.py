"""A Chinese number typed with +86 or 0086 in front is the number on file: stored as dialled at
home, warned about as the same phone, found by the Customers and the counter search, also where
an earlier version stored it as "+8613912345678" (SQLite and PostgreSQL). Foreign numbers keep
their country code."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from outletdesk.core import phones, validation
from outletdesk.core.customers import CustomerInput
from outletdesk.core.work_orders.queries import search_terms
from outletdesk.models import CustomerPhone

OUYANG = CustomerInput("欧阳娜娜", ["13912345678", "010 6255 0188"])
TYPED_WITH_86 = [
    "+86 139 1234 5678",
    "0086 139 1234 5678",
    "+86-139-1234-5678",
    "(+86) 139 1234 5678",
    "+86 (139) 1234-5678",
    "8613912345678",
    "+86 0139 1234 5678",  # the trunk 0 kept after the country code by mistake
]


@pytest.mark.parametrize("typed", TYPED_WITH_86)
def test_plus_86_before_a_chinese_mobile_is_stored_as_dialled_at_home(typed):
    assert validation.phone("Phone", typed) == "13912345678"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("+86 10 6255 0188", "01062550188"),  # Beijing, trunk 0 put back
        ("+86 010 6255 0188", "01062550188"),  # typed with the trunk 0 as well
        ("0086 755 8765 4321", "075587654321"),
        ("+86 400 123 4567", "4001234567"),  # a 400 number has no trunk 0
        ("+44 20 7946 0958", "+442079460958"),  # foreign: kept, with its +
        ("0044 20 7946 0958", "+442079460958"),  # 00 is the international prefix
        ("+1 (555) 010-9999", "+15550109999"),
        ("+86 12345", "+8612345"),  # not the shape of a Chinese number: kept as typed
        ("010 6255 0188", "01062550188"),
        ("0612345678", "0612345678"),
    ],
)
def test_landlines_service_and_foreign_numbers(typed, stored):
    assert validation.phone("Phone", typed) == stored


def test_a_new_customer_typed_with_plus_86_is_the_customer_on_file(services, clerk):
    on_file, _ = services.customers.create(clerk, OUYANG)
    for typed in TYPED_WITH_86:
        found = services.customers.with_same_phone(clerk, CustomerInput("Plus86 Person", [typed]))
        assert [c.id for c in found] == [on_file.id], typed
    landline = CustomerInput("Plus86 Person", ["+86 10 6255 0188"])
    assert [c.id for c in services.customers.with_same_phone(clerk, landline)] == [on_file.id]
    created, _ = services.customers.create(
        clerk, CustomerInput("Plus86 Person", [TYPED_WITH_86[0]])
    )
    assert created.phones == ("13912345678",)


def _store_as_before(services, customer_id: int, number: str) -> None:
    """The row as an earlier version wrote it for "+86 …" (no migration rewrites it)."""
    with services.db.write() as s:
        s.execute(
            update(CustomerPhone)
            .where(CustomerPhone.customer_id == customer_id)
            .values(number=number)
        )


@pytest.mark.parametrize("stored_before", ["+8613912345678", "8613912345678", "008613912345678"])
def test_a_number_stored_with_86_by_an_earlier_version_is_matched_and_found(
    services, clerk, stored_before
):
    old, _ = services.customers.create(clerk, CustomerInput("Old Row", ["13912345678"]))
    _store_as_before(services, old.id, stored_before)
    for typed in ["139 1234 5678", *TYPED_WITH_86]:
        found = services.customers.with_same_phone(clerk, CustomerInput("New", [typed]))
        assert [c.id for c in found] == [old.id], typed
        assert [c.id for c in services.customers.search(clerk, typed).rows] == [old.id], typed
    # a fragment, with or without the country code
    for fragment in ["1391234", "1234 5678", "+86 139", "0086 139-1234"]:
        assert [c.id for c in services.customers.search(clerk, fragment).rows] == [old.id], fragment
    # editing that customer: their own number, in either form, names nobody
    assert (
        services.customers.with_same_phone(clerk, CustomerInput("Old Row", [stored_before]), old.id)
        == []
    )


def test_an_old_plus_86_landline_is_matched_and_found(services, clerk):
    old, _ = services.customers.create(clerk, CustomerInput("Old Landline", ["01062550188"]))
    _store_as_before(services, old.id, "+861062550188")
    for typed in ["010 6255 0188", "+86 10 6255 0188", "0086 10 62550188"]:
        found = services.customers.with_same_phone(clerk, CustomerInput("New", [typed]))
        assert [c.id for c in found] == [old.id], typed
        assert [c.id for c in services.customers.search(clerk, typed).rows] == [old.id], typed


def test_the_customers_search_finds_plus_86_by_number_and_fragment(services, clerk):
    on_file, _ = services.customers.create(clerk, OUYANG)
    services.customers.create(clerk, CustomerInput("Foreign", ["+44 20 7946 0958"]))
    for typed in [
        "+86 139-1234-5678",
        "(+86) 139 1234 5678",
        "+86 139",
        "0086 1391234",
        "+86 10 6255",
    ]:
        assert [c.id for c in services.customers.search(clerk, typed).rows] == [on_file.id], typed
    for typed in ["+44 20 7946 0958", "0044 20 7946 0958", "2079460958"]:
        assert [c.name for c in services.customers.search(clerk, typed).rows] == ["Foreign"], typed


def test_a_foreign_number_is_not_taken_for_a_chinese_one(services, clerk):
    services.customers.create(clerk, OUYANG)
    # +1 139 1234 5678 is not 139 1234 5678
    assert services.customers.with_same_phone(clerk, CustomerInput("X", ["+1 139 1234 5678"])) == []


@pytest.mark.parametrize(
    ("typed", "term"),
    [
        ("+86 139-1234-5678", "13912345678"),
        ("(+86) 139 1234", "1391234"),
        ("000151", "000151"),  # part of an order number, not a call abroad
        ("0044 20 7946 0958", "442079460958"),
    ],
)
def test_the_counter_search_looks_for_the_number_without_86(typed, term):
    assert search_terms(typed) == [term]


def test_what_the_search_looks_for_is_part_of_what_was_typed():
    """Nothing found by the digits as typed is missed after +86 or a trunk 0 is left out."""
    for typed in [*TYPED_WITH_86, "000151", "010 6255 0188", "0044 20 7946 0958", "+86 12"]:
        assert phones.search_digits(typed) in "".join(ch for ch in typed if ch.isdigit())
