"""Customers: validation names the field and writes nothing; search by name or any phone; versions."""

from __future__ import annotations

import pytest
from conftest import audit_count
from hypothesis import given, settings
from hypothesis import strategies as st

from outletdesk.core import validation
from outletdesk.core.customers import CustomerInput
from outletdesk.core.errors import PermissionDenied, StaleRecord, ValidationError
from outletdesk.models import Role


def _count(services, actor):
    return services.customers.search(actor).total


def test_create_and_find_by_name_fragment_and_any_phone(services, clerk):
    created, changes = services.customers.create(
        clerk,
        CustomerInput("张伟 Zhang Wei", ["138 0013-8000", "+86 10 6255 0101"], "zw@example.com"),
    )
    assert changes.customers
    # +86 in front of a Chinese number is dropped: the number as dialled at home
    assert created.phones == ("13800138000", "01062550101")
    services.customers.create(clerk, CustomerInput("Maria Lopez", ["0612345678"]))
    assert [c.name for c in services.customers.search(clerk, "张").rows] == ["张伟 Zhang Wei"]
    assert [c.name for c in services.customers.search(clerk, "zhang").rows] == ["张伟 Zhang Wei"]
    assert [c.name for c in services.customers.search(clerk, "LOPEZ").rows] == ["Maria Lopez"]
    # any of the phones, typed with or without separators
    assert [c.name for c in services.customers.search(clerk, "0013 8000").rows] == [
        "张伟 Zhang Wei"
    ]
    assert [c.name for c in services.customers.search(clerk, "62550101").rows] == ["张伟 Zhang Wei"]
    assert services.customers.search(clerk, "999999").total == 0
    # LIKE wildcards typed by a user are literal
    assert services.customers.search(clerk, "%").total == 0
    assert services.customers.search(clerk, "_").total == 0


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (CustomerInput("", ["13800138000"]), "Name"),
        (CustomerInput("   ", ["13800138000"]), "Name"),
        (CustomerInput("x" * 121, ["13800138000"]), "Name"),
        (CustomerInput("=cmd|' /C calc'!A0", ["13800138000"]), "Name"),
        (CustomerInput("@SUM(A1)", ["13800138000"]), "Name"),
        (CustomerInput("Bad\x00Name", ["13800138000"]), "Name"),
        (CustomerInput("Bob\r=1+1", ["13800138000"]), "Name"),
        (CustomerInput("Bob\u2066 Li", ["13800138000"]), "Name"),
        (CustomerInput("Anna", ["13800138000"], email="a\u202e@b.cn"), "E-mail"),
        (CustomerInput("Anna", []), "Phone"),
        (CustomerInput("Anna", ["call me"]), "Phone"),
        (CustomerInput("Anna", ["123"]), "Phone"),
        (CustomerInput("Anna", ["1" * 16]), "Phone"),
        (CustomerInput("Anna", ["13800138000"], email="not-an-email"), "E-mail"),
        (CustomerInput("Anna", ["13800138000"], notes="n" * 4001), "Notes"),
        (CustomerInput("Anna", ["13800138000"], outlet_id=999), "Outlet"),
        (CustomerInput(123, ["13800138000"]), "Name"),  # type: ignore[arg-type]
        (CustomerInput("Anna", "13800138000"), "Phone"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(services, clerk, data, field):
    before = audit_count(services)
    with pytest.raises(ValidationError) as err:
        services.customers.create(clerk, data)
    assert err.value.field == field
    assert str(err.value).startswith(field + ":")
    assert _count(services, clerk) == 0
    assert audit_count(services) == before


def test_notes_keep_their_lines_and_a_pasted_crlf_becomes_lf(services, clerk):
    created, _ = services.customers.create(
        clerk, CustomerInput("Anna", ["13800138000"], notes="first\r\nsecond\rthird\tx")
    )
    assert created.notes == "first\nsecond\nthird\tx"
    with pytest.raises(ValidationError) as err:
        services.customers.create(
            clerk, CustomerInput("Anna", ["13800138000"], notes="paid\u202e00.01")
        )
    assert str(err.value) == "Notes: contains control characters."
    assert _count(services, clerk) == 1


def test_update_refuses_stale_version_and_keeps_the_first_save(services, clerk):
    created, _ = services.customers.create(clerk, CustomerInput("Olivia Brown", ["0612345678"]))
    first, _ = services.customers.update(
        clerk, created.id, created.version, CustomerInput("Olivia Brown-Smith", ["0612345678"])
    )
    assert first.version == created.version + 1
    with pytest.raises(StaleRecord, match="changed by someone else"):
        services.customers.update(
            clerk, created.id, created.version, CustomerInput("Olivia B.", ["0699999999"])
        )
    again = services.customers.get(clerk, created.id)
    assert again.name == "Olivia Brown-Smith"
    assert again.phones == ("0612345678",)


def test_update_is_audited_with_before_and_after(services, clerk, cli_actor):
    created, _ = services.customers.create(clerk, CustomerInput("Ahmed Khan", ["0612345678"]))
    services.customers.update(
        clerk, created.id, created.version, CustomerInput("Ahmed Khan", ["0611111111"], notes="VIP")
    )
    entries = services.audit.entries(cli_actor, "customer", created.id)
    assert [e.action for e in entries] == ["update", "create"]
    assert entries[0].before["phones"] == ["0612345678"]
    assert entries[0].after["phones"] == ["0611111111"]
    assert entries[0].username == clerk.username


def test_maintenance_staff_may_not_edit_customers(services, outlet):
    from conftest import make_actor

    staff = make_actor(services, outlet.id, Role.MAINTENANCE)
    with pytest.raises(PermissionDenied):
        services.customers.create(staff, CustomerInput("Anna", ["13800138000"]))
    assert services.customers.search(staff).total == 0


def test_search_pages_and_counts(services, clerk):
    for i in range(7):
        services.customers.create(clerk, CustomerInput(f"Customer {i}", [f"0612345{i:03d}"]))
    page = services.customers.search(clerk, "customer", limit=3, offset=3)
    assert page.total == 7
    assert [c.name for c in page.rows] == ["Customer 3", "Customer 4", "Customer 5"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_phone_validation_either_normalises_or_names_the_field(raw):
    try:
        result = validation.phone("Phone", raw)
    except ValidationError as err:
        assert err.field == "Phone"
    else:
        assert result.lstrip("+").isdigit()
        assert 5 <= len(result.lstrip("+")) <= 15
