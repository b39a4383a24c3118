"""A follow-up call that does not reach the customer is an attempt: the call stays due, the
history shows each try, and only a call that reached the customer (in time) meets the limit.
Giving up closes it as not reachable, counted as not met. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from conftest import audit_count, make_actor
from sqlalchemy import select, text, update

from outletdesk.core.customers import CustomerInput
from outletdesk.core.errors import DomainError, ValidationError
from outletdesk.core.work_orders.dto import DeviceInput, IntakeInput
from outletdesk.core.work_orders.history import event_details, event_what
from outletdesk.models import FollowUp, Role, WorkOrder, WorkOrderStatus, utcnow

S = WorkOrderStatus


def delivered(services, clerk, name="王芳"):
    order, _ = services.intake.take_in(
        clerk,
        IntakeInput(
            device=DeviceInput("phone", "Apple", "iPhone 12"),
            reported_fault="No power",
            new_customer=CustomerInput(name, ["138 0013 8000"]),
        ),
    )
    tech = make_actor(services, order.outlet_id, Role.TECHNICIAN, f"tech{order.id}")
    for step in (S.IN_REPAIR, S.READY):
        order, _ = services.work_orders.move(tech, order.id, order.version, step)
    order, _ = services.work_orders.hand_back(clerk, order.id, order.version, name)
    return order


def stored(services, order_id):
    with services.db.read() as s:
        follow = s.scalar(select(FollowUp).where(FollowUp.work_order_id == order_id))
        order = s.get(WorkOrder, order_id)
        return follow, order.follow_up_met, order.satisfaction, order.next_due_kind


def test_an_unanswered_call_is_an_attempt_and_the_call_stays_due(services, clerk, outlet):
    order = delivered(services, clerk)
    audits = audit_count(services)
    order, changes = services.work_orders.record_follow_up(
        clerk, order.id, reached=False, comment="No answer, voicemail"
    )
    assert changes.work_orders
    follow, met, satisfaction, due_kind = stored(services, order.id)
    assert follow.done_at is None and follow.attempts == 1 and follow.reached is None
    assert met is None and satisfaction is None and due_kind == "follow_up"
    assert order.follow_up.done_at is None and order.follow_up.attempts == 1
    tasks = services.work_orders.follow_ups(clerk, outlet.id)
    assert [(t.number, t.attempts) for t in tasks] == [(order.number, 1)]
    assert audit_count(services) == audits + 1

    # A second try, in person at the shop this time; then the call that reaches the customer.
    services.work_orders.record_follow_up(clerk, order.id, reached=False, method="in_person")
    order, _ = services.work_orders.record_follow_up(
        clerk,
        order.id,
        reached=True,
        method="online",
        attitude=5,
        efficiency=5,
        solved=4,
        overall=5,
        comment="Happy",
    )
    follow, met, satisfaction, due_kind = stored(services, order.id)
    assert follow.done_at is not None and follow.reached and follow.attempts == 2
    assert (follow.method, follow.overall) == ("online", 5)
    assert met is True and satisfaction == 5 and due_kind is None
    assert services.work_orders.follow_ups(clerk, outlet.id) == []
    tries = [(event_what(e), event_details(e)) for e in order.events if "follow" in e.kind]
    assert tries == [
        ("Follow-up: customer not reached", "Phone call: No answer, voicemail"),
        ("Follow-up: customer not reached", "In person"),
        ("Follow-up", "Online: Happy"),
    ]
    assert [e.username for e in order.events][-3:] == ["Clerk"] * 3
    with pytest.raises(DomainError, match="already recorded"):
        services.work_orders.record_follow_up(clerk, order.id, reached=False)


def test_a_late_call_that_reaches_the_customer_is_not_in_time(services, clerk):
    order = delivered(services, clerk)
    services.work_orders.record_follow_up(clerk, order.id, reached=False)
    with services.db.write() as s:
        s.execute(
            update(FollowUp).where(FollowUp.work_order_id == order.id).values(due_at=utcnow())
        )
    services.work_orders.record_follow_up(
        clerk, order.id, reached=True, attitude=4, efficiency=4, solved=4, overall=4
    )
    follow, met, satisfaction, _ = stored(services, order.id)
    assert met is False and satisfaction == 4 and follow.attempts == 1


def test_giving_up_closes_it_as_not_reachable_and_not_met(services, clerk, outlet):
    order = delivered(services, clerk)
    services.work_orders.record_follow_up(clerk, order.id, reached=False)
    order, _ = services.work_orders.record_follow_up(
        clerk, order.id, reached=False, give_up=True, comment="Number out of service"
    )
    follow, met, satisfaction, due_kind = stored(services, order.id)
    assert follow.done_at is not None and follow.reached is False and follow.attempts == 2
    assert met is False and satisfaction is None and due_kind is None
    assert services.work_orders.follow_ups(clerk, outlet.id) == []
    last = order.events[-1]
    assert event_what(last) == "Follow-up closed: customer not reachable"
    assert event_details(last) == "Phone call: Number out of service"


def test_a_bad_contact_method_names_the_field_and_writes_nothing(services, clerk):
    order = delivered(services, clerk)
    audits = audit_count(services)
    with pytest.raises(ValidationError) as caught:
        services.work_orders.record_follow_up(clerk, order.id, reached=False, method="pigeon")
    assert caught.value.field == "Contact method"
    follow, *_ = stored(services, order.id)
    assert follow.attempts == 0 and follow.method is None and audit_count(services) == audits


# ---------------------------------------------------------------- the migration


def test_not_reached_follow_ups_from_before_0012_stay_closed_but_not_met(db_url, request, tmp_path):
    from alembic import command
    from test_van_parts import _database_at_0009

    from outletdesk.core.auth import Actor
    from outletdesk.core.database import _alembic_config, migrate, migration_connection
    from outletdesk.core.outlets import OutletInput
    from outletdesk.core.services import Services

    db, cleanup = _database_at_0009(request, tmp_path)
    try:
        migrate(db, backup_dir=tmp_path / "backups")
        old = Services.for_database(db)
        outlet, _ = old.outlets.create(
            Actor.command_line(), OutletInput("N", "North", "1 Rd", "010 6255 0101")
        )
        clerk = make_actor(old, outlet.id, Role.CLERK, "clerk")
        unreached = delivered(old, clerk, "Not Reached")
        reached = delivered(old, clerk, "Reached")
        due = delivered(old, clerk, "Still Due")
        old.work_orders.record_follow_up(
            clerk, reached.id, reached=True, attitude=5, efficiency=5, solved=5, overall=5
        )
        with migration_connection(db) as conn:
            command.downgrade(_alembic_config(conn), "0011")
        with db.engine.begin() as conn:  # what 0011's "customer not reached" wrote
            conn.execute(
                text(
                    "UPDATE follow_ups SET done_at = due_at, reached = :no, comment = 'no answer' "
                    "WHERE work_order_id = :id"
                ),
                {"no": False, "id": unreached.id},
            )
            conn.execute(
                text("UPDATE work_orders SET follow_up_met = :yes WHERE id = :id"),
                {"yes": True, "id": unreached.id},
            )
        migrate(db, backup_dir=tmp_path / "backups")
        new = Services.for_database(db)
        gone, met, satisfaction, _ = stored(new, unreached.id)
        assert gone.done_at is not None and gone.reached is False and gone.comment == "no answer"
        assert gone.attempts == 1 and gone.method is None
        assert met is False and satisfaction is None
        ok, met, satisfaction, _ = stored(new, reached.id)
        assert ok.attempts == 0 and met is True and satisfaction == 5
        still, met, _, due_kind = stored(new, due.id)
        assert still.done_at is None and still.attempts == 0 and met is None
        assert due_kind == "follow_up"
        # The one still due can be tried and recorded as before.
        new.work_orders.record_follow_up(clerk, due.id, reached=False)
        assert stored(new, due.id)[0].attempts == 1
    finally:
        db.dispose()
        if cleanup:
            server, name = cleanup
            server.admin_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
