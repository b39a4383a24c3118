"""Outlets, users, roles, sign-in, settings and the audit log."""

from __future__ import annotations

import pytest
from conftest import audit_count, make_actor
from sqlalchemy import text

from outletdesk.core.auth import Actor, hash_password, verify_password
from outletdesk.core.errors import DomainError, PermissionDenied, StaleRecord, ValidationError
from outletdesk.core.outlets import OutletInput
from outletdesk.core.settings import ReceiptSettings
from outletdesk.core.setup import set_up_first_run
from outletdesk.models import Role


def test_password_hash_is_salted_scrypt_and_verifies():
    first, second = hash_password("geheim"), hash_password("geheim")
    assert first != second and first.startswith("scrypt$")
    assert verify_password("geheim", first)
    assert not verify_password("Geheim", first)
    assert not verify_password("geheim", "garbage")


def test_sign_in(services, outlet, clerk):
    assert services.auth.sign_in("CLERK", "secret-pw").role is Role.CLERK
    with pytest.raises(DomainError, match="Wrong user name or password"):
        services.auth.sign_in("clerk", "nope")
    with pytest.raises(DomainError, match="Wrong user name or password"):
        services.auth.sign_in("nobody", "secret-pw")


def test_only_admins_manage_users_and_one_admin_remains(services, outlet, admin, clerk):
    manager = make_actor(services, outlet.id, Role.MANAGER)
    with pytest.raises(PermissionDenied):
        services.users.create(manager, "newbie", "New", "clerk", "pw-1234")
    with pytest.raises(PermissionDenied):
        services.users.create(clerk, "newbie", "New", "admin", "pw-1234")
    me = next(u for u in services.users.list(admin) if u.username == "admin")
    with pytest.raises(DomainError, match="administrator must remain"):
        services.users.update(
            admin,
            me.id,
            me.version,
            display_name="A",
            role="clerk",
            active=True,
            home_outlet_id=None,
        )
    assert next(u for u in services.users.list(admin) if u.username == "admin").role is Role.ADMIN


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"username": "bad name"}, "User name"),
        ({"username": ""}, "User name"),
        ({"role": "boss"}, "Role"),
        ({"password": "abc"}, "Password"),
        ({"home_outlet_id": 4242}, "Outlet"),
        ({"display_name": "=HYPERLINK(1)"}, "Full name"),
    ],
)
def test_user_bad_input(services, admin, kwargs, field):
    args = {
        "username": "newbie",
        "display_name": "New Bie",
        "role": "clerk",
        "password": "pw-1234",
        "home_outlet_id": None,
    } | kwargs
    before = audit_count(services)
    with pytest.raises(ValidationError) as err:
        services.users.create(admin, **args)
    assert err.value.field == field
    assert audit_count(services) == before


def test_duplicate_user_name(services, admin):
    services.users.create(admin, "li", "Li", "clerk", "pw-1234")
    with pytest.raises(ValidationError, match="already taken"):
        services.users.create(admin, "LI", "Li again", "clerk", "pw-1234")


def test_outlet_rules(services, admin, outlet):
    with pytest.raises(ValidationError, match="Outlet code"):
        services.outlets.create(admin, OutletInput("n", "Duplicate"))
    with pytest.raises(ValidationError, match="Outlet code"):
        services.outlets.create(admin, OutletInput("N 1", "Spaces"))
    with pytest.raises(ValidationError, match="Phone"):
        services.outlets.create(admin, OutletInput("S", "South", phone="ring ring"))
    updated, _ = services.outlets.update(
        admin, outlet.id, outlet.version, OutletInput("N", "North 北", tax_number="T-9")
    )
    assert (updated.name, updated.tax_number) == ("North 北", "T-9")
    with pytest.raises(StaleRecord):
        services.outlets.update(admin, outlet.id, outlet.version, OutletInput("N", "Old view"))
    assert services.outlets.by_code("n").name == "North 北"


def test_receipt_settings_round_trip_and_permissions(services, admin, clerk):
    assert "90" in services.settings.receipt().terms  # the default terms
    services.settings.save_receipt(admin, ReceiptSettings("Open daily", "谢谢", "No refunds"))
    assert services.settings.receipt() == ReceiptSettings("Open daily", "谢谢", "No refunds")
    with pytest.raises(PermissionDenied):
        services.settings.save_receipt(clerk, ReceiptSettings("x", "y", "z"))
    with pytest.raises(ValidationError, match="Terms"):
        services.settings.save_receipt(admin, ReceiptSettings("x", "y", "t" * 2001))
    assert services.settings.receipt().terms == "No refunds"


def test_audit_log_is_append_only_in_the_database(services, admin):
    assert audit_count(services) > 0
    for statement in ("UPDATE audit_log SET action = 'forged'", "DELETE FROM audit_log"):
        with pytest.raises(Exception, match="append-only"), services.db.write() as s:
            s.execute(text(statement))
    assert audit_count(services) > 0


def test_first_run_creates_outlet_and_admin_once(services):
    actor, _ = set_up_first_run(
        services.db, OutletInput("HQ", "Head Office 总店"), "boss", "The Boss", "pw-1234"
    )
    assert actor.role is Role.ADMIN and actor.outlet_id is not None
    assert services.auth.sign_in("boss", "pw-1234").user_id == actor.user_id
    with pytest.raises(DomainError, match="already set up"):
        set_up_first_run(services.db, OutletInput("X", "Again"), "boss2", "B", "pw-1234")


def test_bad_first_run_writes_nothing(services):
    with pytest.raises(ValidationError, match="Outlet name"):
        set_up_first_run(services.db, OutletInput("HQ", ""), "boss", "The Boss", "pw-1234")
    assert services.outlets.list() == []
    assert not services.auth.has_users()


def test_a_demoted_or_disabled_user_loses_rights_at_once(services, outlet, admin):
    from outletdesk.core.customers import CustomerInput

    manager = make_actor(services, outlet.id, Role.MANAGER)
    record = next(u for u in services.users.list(admin) if u.username == "manager")
    services.users.update(
        admin,
        record.id,
        record.version,
        display_name="M",
        role="clerk",
        active=True,
        home_outlet_id=None,
    )
    with pytest.raises(PermissionDenied, match="sign in again"):
        services.settings.save_receipt(manager, ReceiptSettings("x", "y", "z"))
    clerk = make_actor(services, outlet.id, Role.CLERK, "li")
    li = next(u for u in services.users.list(admin) if u.username == "li")
    services.users.update(
        admin, li.id, li.version, display_name="Li", role="clerk", active=False, home_outlet_id=None
    )
    with pytest.raises(PermissionDenied, match="sign in again"):
        services.customers.create(clerk, CustomerInput("Anna", ["0612345678"]))
    with pytest.raises(DomainError, match="disabled"):
        services.auth.sign_in("li", "secret-pw")


def test_failed_sign_in_is_audited(services, outlet, clerk):
    with pytest.raises(DomainError):
        services.auth.sign_in("clerk", "guess")
    entry = services.audit.entries(Actor.command_line(), "user")[0]
    assert (entry.action, entry.username) == ("sign_in_failed", "clerk")


def test_saving_unchanged_receipt_texts_writes_no_audit_entry(services, admin):
    services.settings.save_receipt(admin, ReceiptSettings("a", "b", "c"))
    before = audit_count(services)
    assert not services.settings.save_receipt(admin, ReceiptSettings("a", "b", "c")).any()
    assert audit_count(services) == before


def test_money_is_exact_in_sql_sums_on_both_backends(services):
    from decimal import Decimal

    from sqlalchemy import Column, Integer, MetaData, Table, func, insert, select

    from outletdesk.models import Money

    table = Table(
        "money_probe",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("amount", Money()),
    )
    table.create(services.db.engine)
    amounts = [Decimal("0.10"), Decimal("0.20"), Decimal("1250.05"), Decimal("99999999.99")]
    with services.db.write() as s:
        s.execute(insert(table), [{"amount": a} for a in amounts])
    with services.db.read() as s:
        assert s.scalar(select(func.sum(table.c.amount))) == sum(amounts)
        assert list(s.scalars(select(table.c.amount).order_by(table.c.amount))) == sorted(amounts)
        assert s.scalar(select(func.count()).where(table.c.amount > Decimal("100"))) == 2


def test_only_managers_and_admins_read_the_audit_log(services, admin, clerk):
    assert services.audit.entries(admin)
    with pytest.raises(PermissionDenied):
        services.audit.entries(clerk)
