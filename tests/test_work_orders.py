"""Work orders through the services, on SQLite and PostgreSQL: intake to hand-back and follow-up."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from conftest import audit_count, make_actor
from sqlalchemy import func, select, update

from outletdesk.core.customers import CustomerInput
from outletdesk.core.errors import DomainError, PermissionDenied, StaleRecord, ValidationError
from outletdesk.core.work_orders.dto import DeviceInput, IntakeInput, LineInput
from outletdesk.models import (
    Customer,
    Device,
    PaymentKind,
    Role,
    Warranty,
    WorkOrder,
    WorkOrderStatus,
    utcnow,
)

S = WorkOrderStatus
IMEI = "490154203237518"


@pytest.fixture
def tech(services, outlet):
    return make_actor(services, outlet.id, Role.TECHNICIAN, "tech")


def intake(services, actor, **changes):
    data = {
        "device": DeviceInput("phone", "Apple", "iPhone 12", serial="F2LXK0ABC", imei=IMEI),
        "reported_fault": "Screen cracked, touch dead in the top half",
        "new_customer": CustomerInput("王芳", ["138 0013 8000"]),
        "passcode": "1234",
        "estimate": "650.00",
        "deposit": "100.00",
    } | changes
    return services.intake.take_in(actor, IntakeInput(**data))


def count(services, model):
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_intake_to_hand_back_and_follow_up(services, clerk, tech, outlet):
    order, changes = intake(services, clerk, technician_id=tech.user_id)
    assert changes.work_orders and changes.customers
    assert order.number == "N-000001" and order.status is S.RECEIVED
    assert (order.deposit, order.paid, order.balance) == (
        Decimal("100.00"),
        Decimal("100.00"),
        Decimal("-100.00"),
    )
    assert order.next_due_kind == "judge"
    assert order.next_due_at == order.received_at + timedelta(hours=2)
    assert order.passcode is None and order.has_passcode  # a clerk does not see it
    assert services.work_orders.get(tech, order.id).passcode == "1234"

    order, _ = services.work_orders.move(tech, order.id, order.version, S.DIAGNOSING)
    order, _ = services.work_orders.move(
        tech, order.id, order.version, S.AWAITING_APPROVAL, "Quote sent: screen 560 + labour"
    )
    assert order.next_due_at is None  # the execution clock waits with the customer
    order, _ = services.work_orders.move(
        clerk, order.id, order.version, S.IN_REPAIR, "Customer approved by phone"
    )
    assert order.next_due_kind == "execute" and order.judged_at is not None
    lines = [
        LineInput("part", "Screen assembly 屏幕总成", 1, "560.00"),
        LineInput("labour", "Replace screen", 45, "80.00"),
        LineInput("fee", "Cleaning", 1, "10.00"),
    ]
    order, _ = services.work_orders.set_lines(
        tech, order.id, order.version, lines, discount="20.00", discount_reason="Loyal customer"
    )
    assert [line.amount for line in order.lines] == [
        Decimal("560.00"),
        Decimal("60.00"),
        Decimal("10.00"),
    ]
    assert (order.subtotal, order.discount, order.total) == (
        Decimal("630.00"),
        Decimal("20.00"),
        Decimal("610.00"),
    )
    order, _ = services.work_orders.move(tech, order.id, order.version, S.READY)
    assert order.ready_at is not None

    with pytest.raises(DomainError, match="still due"):
        services.work_orders.hand_back(clerk, order.id, order.version, "王芳", payment="100.00")
    assert services.work_orders.get(clerk, order.id).status is S.READY  # nothing saved
    order, _ = services.work_orders.hand_back(
        clerk, order.id, order.version, "王芳 (owner)", payment="510.00", method="card"
    )
    assert order.status is S.DELIVERED and order.balance == 0
    assert order.repair_warranty_until == utcnow().astimezone().date() + timedelta(days=90)
    assert not services.work_orders.get(tech, order.id).has_passcode  # erased on delivery
    assert order.next_due_kind == "follow_up" and order.follow_up is not None
    assert order.follow_up.due_at == order.delivered_at + timedelta(hours=48)
    assert [t.number for t in services.work_orders.follow_ups(clerk, outlet.id)] == ["N-000001"]

    order, _ = services.work_orders.record_follow_up(
        clerk,
        order.id,
        reached=True,
        attitude=5,
        efficiency=2,
        solved=4,
        overall=3,
        comment="Took too long",
    )
    assert order.follow_up.flagged and order.next_due_at is None
    assert services.work_orders.follow_ups(clerk, outlet.id) == []
    with pytest.raises(PermissionDenied):
        services.work_orders.follow_ups(clerk, outlet.id, flagged_only=True)
    manager = make_actor(services, outlet.id, Role.MANAGER)
    assert [
        t.number for t in services.work_orders.follow_ups(manager, outlet.id, flagged_only=True)
    ] == ["N-000001"]
    history = [(e.kind, e.to_status) for e in order.events]
    assert history[:3] == [
        ("status", S.RECEIVED),
        ("status", S.DIAGNOSING),
        ("status", S.AWAITING_APPROVAL),
    ]
    assert ("status", S.DELIVERED) in history and history[-1][0] == "follow_up"


def test_a_device_back_within_the_repair_warranty_is_a_free_rework(services, clerk, tech):
    first, _ = intake(services, clerk, deposit="0")
    for step in (S.IN_REPAIR, S.READY):
        first, _ = services.work_orders.move(tech, first.id, first.version, step)
    services.work_orders.hand_back(clerk, first.id, first.version, "王芳")
    second, _ = intake(
        services,
        clerk,
        new_customer=None,
        customer_id=first.customer_id,
        deposit="0",
        device=DeviceInput("phone", imei="4901 5420 3237 518"),
    )
    assert second.device.id == first.device.id  # recognised by IMEI
    assert second.device.model == "iPhone 12"  # earlier details kept
    assert (second.warranty, second.is_rework) == (Warranty.REPAIR, True)
    second, _ = services.work_orders.set_lines(
        tech,
        second.id,
        second.version,
        [LineInput("part", "Screen", 1, "560"), LineInput("labour", "Refit", 30, "80")],
    )
    assert second.total == Decimal("0.00")
    devices, orders = services.intake.device_history(clerk, imei=IMEI)
    assert devices.id == first.device.id and [o.number for o in orders] == [
        second.number,
        first.number,
    ]


def test_manufacturer_warranty_from_the_purchase_date(services, clerk):
    bought = (utcnow().astimezone().date() - timedelta(days=100)).isoformat()
    preview = services.intake.preview_warranty(
        clerk, clerk.outlet_id, DeviceInput("phone", purchase_date=bought)
    )
    assert preview.kind is Warranty.MANUFACTURER
    order, _ = intake(
        services,
        clerk,
        device=DeviceInput(
            "phone", "Huawei", "P60", purchase_date=bought, proof_of_purchase="INV-2026-0042"
        ),
    )
    assert order.warranty is Warranty.MANUFACTURER and not order.is_rework
    old = (utcnow().astimezone().date() - timedelta(days=800)).isoformat()
    assert (
        services.intake.preview_warranty(
            clerk, clerk.outlet_id, DeviceInput("phone", purchase_date=old)
        ).kind
        is Warranty.NONE
    )


def test_cancelling_refunds_the_deposit_and_erases_the_passcode(services, clerk, tech):
    order, _ = intake(services, clerk)
    order, _ = services.work_orders.cancel(
        clerk, order.id, order.version, "Customer changed their mind", "cash"
    )
    assert order.status is S.CANCELLED and order.paid == Decimal("0.00")
    assert [(p.kind, p.amount) for p in order.payments] == [
        (PaymentKind.DEPOSIT, Decimal("100.00")),
        (PaymentKind.REFUND, Decimal("100.00")),
    ]
    assert not services.work_orders.get(tech, order.id).has_passcode
    assert order.next_due_at is None
    with pytest.raises(DomainError, match="cannot go from Cancelled"):
        services.work_orders.move(tech, order.id, order.version, S.IN_REPAIR)


def test_only_sensible_transitions(services, clerk, tech):
    order, _ = intake(services, clerk)
    with pytest.raises(DomainError, match="possible next steps"):
        services.work_orders.move(tech, order.id, order.version, S.READY)
    with pytest.raises(DomainError, match="Hand back or Cancel"):
        services.work_orders.move(tech, order.id, order.version, S.DELIVERED)
    with pytest.raises(DomainError, match="not ready for pickup"):
        services.work_orders.hand_back(clerk, order.id, order.version, "X")


def test_the_second_save_of_a_stale_order_is_refused(services, clerk, tech):
    order, _ = intake(services, clerk)
    services.work_orders.move(tech, order.id, order.version, S.DIAGNOSING)
    with pytest.raises(StaleRecord, match="changed by someone else"):
        services.work_orders.set_lines(
            clerk, order.id, order.version, [LineInput("fee", "Check", 1, "30")]
        )
    fresh = services.work_orders.get(clerk, order.id)
    assert fresh.status is S.DIAGNOSING and fresh.lines == ()


def test_waiting_time_is_kept_apart_and_added_to_the_limit(services, clerk, tech):
    order, _ = intake(services, clerk, deposit="0")
    order, _ = services.work_orders.move(tech, order.id, order.version, S.AWAITING_PARTS)
    with services.db.write() as s:  # three hours pass while the part is on its way
        s.execute(
            update(WorkOrder.__table__)
            .where(WorkOrder.__table__.c.id == order.id)
            .values(waiting_since=utcnow() - timedelta(hours=3))
        )
    order, _ = services.work_orders.move(tech, order.id, order.version, S.IN_REPAIR)
    assert 3 * 3600 - 5 <= order.waiting_parts_seconds <= 3 * 3600 + 60
    expected = order.received_at + timedelta(hours=24, seconds=order.waiting_parts_seconds)
    assert order.next_due_kind == "execute" and order.next_due_at == expected


def test_urgent_intake_halves_the_judgement_limit(services, clerk):
    order, _ = intake(services, clerk, priority="urgent")
    assert order.next_due_at == order.received_at + timedelta(hours=1)


def test_numbers_per_outlet_are_sequential_and_never_reused(services, clerk, admin):
    from outletdesk.core.outlets import OutletInput

    a, _ = intake(services, clerk, device=DeviceInput("phone", serial="A1"))
    b, _ = intake(services, clerk, device=DeviceInput("phone", serial="B2"))
    with pytest.raises(ValidationError):
        intake(services, clerk, reported_fault="")
    c, _ = intake(services, clerk, device=DeviceInput("phone", serial="C3"))
    assert [a.number, b.number, c.number] == ["N-000001", "N-000002", "N-000003"]
    south, _ = services.outlets.create(admin, OutletInput("S", "South"))
    other, _ = intake(
        services, clerk.at_outlet(south.id), device=DeviceInput("tablet", serial="D4")
    )
    assert other.number == "S-000001"
    assert services.work_orders.by_number(clerk, " s-000001 ").id == other.id


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"reported_fault": ""}, "Reported fault"),
        ({"reported_fault": "x" * 2001}, "Reported fault"),
        ({"device": DeviceInput("phone", imei="490154203237517")}, "IMEI"),
        ({"device": DeviceInput("phone", imei="12345")}, "IMEI"),
        ({"device": DeviceInput("spaceship")}, "Device type"),
        ({"device": DeviceInput("phone", purchase_date="2026-13-01")}, "Purchase date"),
        ({"device": DeviceInput("phone", purchase_date="2999-01-01")}, "Purchase date"),
        ({"device": DeviceInput("phone", brand="=cmd|' /C calc'!A0")}, "Brand"),
        ({"device": DeviceInput("phone", serial="<script>")}, "Serial number"),
        ({"estimate": "abc"}, "Estimate"),
        ({"deposit": "-5"}, "Deposit"),
        ({"deposit": "12.345"}, "Deposit"),
        ({"channel": "pigeon"}, "Channel"),
        ({"priority": "asap"}, "Priority"),
        ({"deposit_method": "bitcoin"}, "Payment method"),
        ({"new_customer": CustomerInput("", ["13800138000"])}, "Name"),
        ({"new_customer": None}, "Customer"),
        ({"new_customer": None, "customer_id": 4242}, "Customer"),
        ({"technician_id": 4242}, "Technician"),
        ({"condition": (("Screen intact", True),)}, "Condition on arrival"),
    ],
)
def test_bad_intake_names_the_field_and_writes_nothing(services, clerk, changes, field):
    before = (
        audit_count(services),
        count(services, WorkOrder),
        count(services, Customer),
        count(services, Device),
    )
    with pytest.raises(ValidationError) as err:
        intake(services, clerk, **changes)
    assert err.value.field == field, err.value
    assert (
        audit_count(services),
        count(services, WorkOrder),
        count(services, Customer),
        count(services, Device),
    ) == before


def test_mandatory_checklist(services, admin, clerk, outlet):
    from dataclasses import replace

    settings = services.work_order_settings.get(outlet.id)
    services.work_order_settings.save(
        admin,
        outlet.id,
        replace(settings, checklist=("Screen intact", "Powers on"), checklist_mandatory=True),
    )
    with pytest.raises(ValidationError, match="missing: Powers on"):
        intake(services, clerk, condition=(("Screen intact", False, "cracked"),))
    order, _ = intake(
        services, clerk, condition=(("Screen intact", False, "cracked"), ("Powers on", True, ""))
    )
    assert order.condition == (("Screen intact", False, "cracked"), ("Powers on", True, ""))


def test_bad_lines_and_payments(services, clerk, tech):
    order, _ = intake(services, clerk, deposit="0")
    for lines, field in [
        ([LineInput("labour", "Fix", "ten", "80")], "Minutes"),
        ([LineInput("part", "", 1, "80")], "Description"),
        ([LineInput("part", "Screen", 1, "1.005")], "Price"),
        ([LineInput("gift", "Screen", 1, "5")], "Line kind"),
    ]:
        with pytest.raises(ValidationError) as err:
            services.work_orders.set_lines(tech, order.id, order.version, lines)
        assert err.value.field == field
    with pytest.raises(ValidationError, match="Discount reason"):
        services.work_orders.set_lines(
            tech, order.id, order.version, [LineInput("fee", "Check", 1, "30")], discount="5"
        )
    with pytest.raises(ValidationError, match="Discount"):
        services.work_orders.set_lines(
            tech,
            order.id,
            order.version,
            [LineInput("fee", "Check", 1, "30")],
            discount="50",
            discount_reason="x",
        )
    assert services.work_orders.get(clerk, order.id).lines == ()
    with pytest.raises(ValidationError, match="more than zero"):
        services.work_orders.add_payment(clerk, order.id, "0", "cash")


def test_maintenance_staff_only_look(services, outlet, clerk):
    order, _ = intake(services, clerk)
    staff = make_actor(services, outlet.id, Role.MAINTENANCE)
    assert services.work_orders.get(staff, order.id).number == order.number
    with pytest.raises(PermissionDenied):
        services.work_orders.move(staff, order.id, order.version, S.DIAGNOSING)
    with pytest.raises(PermissionDenied):
        intake(services, staff)


def test_renaming_the_customer_keeps_order_search_in_step(services, clerk):
    order, _ = intake(services, clerk)
    customer = services.customers.get(clerk, order.customer_id)
    services.customers.update(
        clerk, customer.id, customer.version, CustomerInput("王芳芳", ["13900001111"])
    )
    with services.db.read() as s:
        row = s.get(WorkOrder, order.id)
        assert "王芳芳" in row.search_text and "13900001111" in row.search_text
        assert row.customer_phone == "13900001111"
    assert services.work_orders.get(clerk, order.id).version == order.version  # no false conflict


def test_purchase_date_must_be_a_date(services, clerk):
    with pytest.raises(ValidationError, match="Purchase date"):
        intake(services, clerk, device=DeviceInput("phone", purchase_date=date(1980, 1, 1)))


def test_the_technician_who_starts_an_unassigned_job_owns_it(services, clerk, tech):
    order, _ = intake(services, clerk)
    assert order.technician_id is None
    order, _ = services.work_orders.move(tech, order.id, order.version, S.DIAGNOSING)
    assert order.technician_id is None  # looking is not taking it on
    order, _ = services.work_orders.move(tech, order.id, order.version, S.IN_REPAIR)
    assert order.technician_id == tech.user_id
    order, _ = services.work_orders.move(tech, order.id, order.version, S.READY)
    order, _ = services.work_orders.move(
        tech, order.id, order.version, S.IN_REPAIR, "Failed the final test"
    )
    assert order.next_due_kind == "execute"  # reopened work is timed again


def test_warranty_work_with_a_deposit_hands_back_with_the_deposit_given_back(services, clerk, tech):
    bought = (utcnow().astimezone().date() - timedelta(days=30)).isoformat()
    order, _ = intake(
        services,
        clerk,
        device=DeviceInput("phone", "Xiaomi", "14", purchase_date=bought),
        deposit="100.00",
    )
    assert order.warranty is Warranty.MANUFACTURER
    for step in (S.IN_REPAIR, S.READY):
        order, _ = services.work_orders.move(tech, order.id, order.version, step)
    order, _ = services.work_orders.set_lines(
        tech, order.id, order.version, [LineInput("part", "Battery", 1, "180")]
    )
    assert order.total == Decimal("0.00") and order.balance == Decimal("-100.00")
    order, _ = services.work_orders.hand_back(
        clerk, order.id, order.version, "Owner", method="cash"
    )
    assert order.status is S.DELIVERED and order.paid == Decimal("0.00") and order.balance == 0
    # Handed straight back at the counter: change, not a refund of charged work (no approver).
    assert [(p.kind, p.amount, p.approved_by) for p in order.payments][-1] == (
        PaymentKind.CHANGE,
        Decimal("100.00"),
        "",
    )


def test_an_unrepairable_device_goes_back_without_repair_warranty(services, clerk, tech):
    order, _ = intake(services, clerk, deposit="50.00")
    order, _ = services.work_orders.move(tech, order.id, order.version, S.DIAGNOSING)
    order, _ = services.work_orders.move(
        tech, order.id, order.version, S.UNREPAIRABLE, "Board corroded"
    )
    order, _ = services.work_orders.set_lines(
        tech, order.id, order.version, [LineInput("fee", "Diagnosis", 1, "30")]
    )
    order, _ = services.work_orders.hand_back(clerk, order.id, order.version, "Owner")
    assert order.status is S.DELIVERED and order.repair_warranty_until is None
    assert order.paid == Decimal("30.00") and order.balance == 0  # 20.00 of the deposit returned


def test_a_cancelled_job_owes_nothing(services, clerk, tech):
    order, _ = intake(services, clerk, deposit="0")
    order, _ = services.work_orders.set_lines(
        tech, order.id, order.version, [LineInput("part", "Screen", 1, "300")]
    )
    order, _ = services.work_orders.cancel(clerk, order.id, order.version, "Too expensive")
    assert order.total == Decimal("0.00") and order.balance == 0 and len(order.lines) == 1


def test_a_returning_device_keeps_its_purchase_date_and_serials_match_only_the_same_type(
    services, clerk
):
    bought = (utcnow().astimezone().date() - timedelta(days=60)).isoformat()
    first, _ = intake(
        services,
        clerk,
        device=DeviceInput("laptop", "Lenovo", "X1", serial="SN-1", purchase_date=bought),
        deposit="0",
    )
    again = services.intake.preview_warranty(
        clerk, clerk.outlet_id, DeviceInput("laptop", serial="SN-1")
    )
    assert again.kind is Warranty.MANUFACTURER  # the date typed last time still counts
    other, _ = intake(services, clerk, device=DeviceInput("watch", serial="SN-1"), deposit="0")
    assert (
        other.device.id != first.device.id
    )  # same serial on another kind of device: not the same one


def test_an_outlets_code_is_fixed_once_its_numbers_are_printed(services, admin, clerk, outlet):
    from outletdesk.core.outlets import OutletInput

    intake(services, clerk)
    current = services.outlets.get(outlet.id)
    with pytest.raises(ValidationError, match="Outlet code"):
        services.outlets.update(admin, outlet.id, current.version, OutletInput("NO", current.name))
    services.outlets.update(admin, outlet.id, current.version, OutletInput("N", "Renamed is fine"))


def test_a_line_beyond_the_money_range_is_refused(services, clerk, tech):
    order, _ = intake(services, clerk, deposit="0")
    with pytest.raises(ValidationError, match="largest amount"):
        services.work_orders.set_lines(
            tech, order.id, order.version, [LineInput("part", "Gold", 10000, "9999999.99")]
        )


def test_judgement_can_take_away_the_warranty_and_reprices_the_lines(services, clerk, tech):
    bought = (utcnow().astimezone().date() - timedelta(days=30)).isoformat()
    order, _ = intake(
        services,
        clerk,
        device=DeviceInput("phone", "Vivo", "X100", purchase_date=bought),
        deposit="0",
    )
    assert order.warranty is Warranty.MANUFACTURER and order.warranty_until is not None
    order, _ = services.work_orders.set_lines(
        tech, order.id, order.version, [LineInput("part", "Board", 1, "400")]
    )
    assert order.total == Decimal("0.00")
    with pytest.raises(ValidationError, match="Reason"):  # taking warranty away needs a reason
        services.work_orders.judge(tech, order.id, order.version, "misuse", "none")
    order, _ = services.work_orders.judge(
        tech, order.id, order.version, "misuse", "none", "Liquid damage inside 进水"
    )
    assert (order.warranty, order.total, order.warranty_note) == (
        Warranty.NONE,
        Decimal("400.00"),
        "Liquid damage inside 进水",
    )
    assert order.judged_at is not None and order.next_due_kind == "execute"
    assert order.events[-1].kind == "judgement"
    with pytest.raises(ValidationError, match="Judgement"):
        services.work_orders.judge(tech, order.id, order.version, "gremlins", "none", "x")


def test_a_rework_names_the_order_it_reworks(services, clerk, tech):
    first, _ = intake(services, clerk, deposit="0")
    for step in (S.IN_REPAIR, S.READY):
        first, _ = services.work_orders.move(tech, first.id, first.version, step)
    services.work_orders.hand_back(clerk, first.id, first.version, "Owner")
    second, _ = intake(
        services,
        clerk,
        new_customer=None,
        customer_id=first.customer_id,
        deposit="0",
        device=DeviceInput("phone", imei=IMEI),
    )
    assert second.rework_of == first.number and second.warranty_until is not None


def test_expediting_after_intake_halves_the_limits_from_then_on(services, clerk, tech):
    order, _ = intake(services, clerk)
    assert order.next_due_at == order.received_at + timedelta(hours=2)
    order, changes = services.work_orders.set_priority(
        clerk, order.id, order.version, "urgent", "Customer flies tomorrow"
    )
    assert changes.work_orders and order.priority.value == "urgent"
    assert order.next_due_at == order.received_at + timedelta(hours=1)
    assert order.events[-1].kind == "priority"
    with pytest.raises(ValidationError, match="Priority"):
        services.work_orders.set_priority(clerk, order.id, order.version, "asap")
    order, changes = services.work_orders.set_priority(clerk, order.id, order.version, "urgent")
    assert not changes.any()  # already urgent: nothing written


def test_the_list_names_a_device_without_brand_or_model_by_its_type(services, clerk):
    from outletdesk.core.work_orders.queries import WorkOrderQueries

    order, _ = intake(services, clerk, device=DeviceInput("watch"), deposit="0")
    (row,) = WorkOrderQueries(services.db).rows(clerk, [order.id])
    assert row.device == "watch" == order.device.label
