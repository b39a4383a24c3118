"""The work-order list's filters, sorting and search, and the demo generator, on both backends."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from conftest import make_actor
from sqlalchemy import func, select, text

from outletdesk.core.customers import name_key
from outletdesk.core.demo import fill_demo
from outletdesk.core.errors import PermissionDenied
from outletdesk.core.outlets import OutletInput
from outletdesk.core.work_orders import rules
from outletdesk.core.work_orders.demo import generate_work_orders
from outletdesk.core.work_orders.queries import (
    STATUS_ORDER,
    SortKey,
    WorkOrderFilter,
    WorkOrderQueries,
)
from outletdesk.models import (
    Customer,
    CustomerPhone,
    Device,
    NumberSequence,
    Payment,
    Priority,
    Role,
    WorkOrder,
    WorkOrderLine,
    WorkOrderStatus,
)

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
S = WorkOrderStatus


def add_order(
    s,
    *,
    outlet_id: int,
    outlet_code: str,
    n: int,
    customer: str,
    phone: str,
    brand: str,
    model: str,
    serial: str = "",
    imei: str = "",
    status: S = S.RECEIVED,
    received: datetime = NOW,
    technician_id: int | None = None,
    urgent: bool = False,
    total: str = "0.00",
    paid: str = "0.00",
) -> int:
    """One order with every denormalised column filled the way the services fill them."""
    c = Customer(name=customer, name_key=name_key(customer))
    c.phones = [CustomerPhone(number=phone, position=0)]
    s.add(c)
    s.flush()
    d = Device(customer_id=c.id, device_type="phone", brand=brand, model=model)
    d.serial, d.imei = serial, imei
    s.add(d)
    s.flush()
    number = rules.format_number(outlet_code, n)
    priority = Priority.URGENT if urgent else Priority.NORMAL
    clock = rules.Clock(status, priority, received, None, None, None, timedelta(0), None, False)
    kind, due = rules.next_deadline(clock, rules.TimeLimits())
    device = f"{brand} {model}"
    wo = WorkOrder(
        outlet_id=outlet_id,
        number=number,
        customer_id=c.id,
        device_id=d.id,
        status=status.value,
        priority=priority.value,
        reported_fault="fault",
        technician_id=technician_id,
        received_at=received,
        next_due_at=due,
        next_due_kind=kind,
        total=Decimal(total),
        paid=Decimal(paid),
        customer_name_key=name_key(customer),
        customer_phone=phone,
        device_model_key=device.casefold(),
        serial=serial,
        imei=imei,
        search_text=rules.search_text(number, customer, [phone], serial, imei, device),
    )
    s.add(wo)
    s.flush()
    return wo.id


@pytest.fixture
def shop(services, admin, outlet, cli_actor):
    """Five orders at two outlets whose values exercise every filter, sort and search."""
    south, _ = services.outlets.create(cli_actor, OutletInput("S", "South 南", "", "", ""))
    t1 = make_actor(services, outlet.id, Role.TECHNICIAN, "alice")
    t2 = make_actor(services, outlet.id, Role.TECHNICIAN, "bob")
    n, s_ = (outlet.id, "N"), (south.id, "S")
    orders = [
        # (outlet, n, customer, phone, brand, model, serial, imei, status, received, tech, urgent, total)
        (n, 1, "王芳", "13800138000", "Apple", "iPhone 13", "SN-ABC123", "356938035643809",
         S.DELIVERED, datetime(2026, 1, 5, 10, tzinfo=UTC), t1, False, "100.00"),
        (n, 2, "张伟", "13911112222", "Huawei", "Mate 40", "HW55%_X", "",
         S.RECEIVED, datetime(2026, 3, 10, 9, 30, tzinfo=UTC), t1, True, "0.00"),
        (s_, 1, "James O'Brien", "01062550101", "Lenovo", "ThinkPad T14", 'PF"Q OR 1', "",
         S.DIAGNOSING, datetime(2026, 3, 10, 11, tzinfo=UTC), t2, False, "35.50"),
        (n, 10, "王芳芳", "13800999999", "Xiaomi", "Redmi Note 12", "NEAR(x)*", "",
         S.READY, datetime(2025, 12, 31, 23, 30, tzinfo=UTC), None, False, "250.00"),
        (n, 100, "Maria Lopez", "15012345678", "Samsung", "Galaxy S21", "", "",
         S.CANCELLED, datetime(2026, 2, 1, 8, tzinfo=UTC), None, False, "0.00"),
    ]  # fmt: skip
    ids = {}
    with services.db.write() as s:
        for (
            oid,
            code,
        ), num, cust, phone, brand, model, serial, imei, st, rec, tech, urg, tot in orders:
            ids[rules.format_number(code, num)] = add_order(
                s,
                outlet_id=oid,
                outlet_code=code,
                n=num,
                customer=cust,
                phone=phone,
                brand=brand,
                model=model,
                serial=serial,
                imei=imei,
                status=st,
                received=rec,
                technician_id=tech.user_id if tech else None,
                urgent=urg,
                total=tot,
                paid=tot if st is S.DELIVERED else "0.00",
            )
    queries = WorkOrderQueries(services.db, now=lambda: NOW, local_zone=UTC)
    return queries, admin, ids, {"south": south.id, "north": outlet.id, "t1": t1, "t2": t2}


def numbers(shop, **kwargs) -> list[str]:
    queries, actor, ids, _ = shop
    by_id = {v: k for k, v in ids.items()}
    return [by_id[i] for i in queries.ids(actor, WorkOrderFilter(**kwargs))]


def test_the_whole_list_is_counted_and_newest_first(shop):
    queries, actor, ids, _ = shop
    assert queries.count(actor, WorkOrderFilter()) == 5
    assert numbers(shop) == ["S-000001", "N-000002", "N-000100", "N-000001", "N-000010"]
    assert queries.ids(actor, WorkOrderFilter(), offset=1, limit=2) == [
        ids["N-000002"],
        ids["N-000100"],
    ]


def test_each_filter(shop):
    _, _, _, ref = shop
    assert set(numbers(shop, statuses=(S.RECEIVED, S.DIAGNOSING))) == {"N-000002", "S-000001"}
    assert set(numbers(shop, technician_id=ref["t1"].user_id)) == {"N-000001", "N-000002"}
    assert numbers(shop, outlet_id=ref["south"]) == ["S-000001"]
    assert set(numbers(shop, received_from=date(2026, 2, 1))) == {
        "N-000100",
        "N-000002",
        "S-000001",
    }
    assert set(numbers(shop, received_to=date(2026, 1, 5))) == {"N-000001", "N-000010"}
    # Due at 09:30 + 1 h (urgent: half of 2 h) is past at noon; S-000001's 13:00 is not yet.
    assert numbers(shop, overdue=True) == ["N-000002"]
    assert set(numbers(shop, due_today=True)) == {"N-000002", "S-000001"}


def test_filters_combine(shop):
    _, _, _, ref = shop
    assert numbers(shop, due_today=True, outlet_id=ref["north"]) == ["N-000002"]
    assert numbers(shop, text="王芳", statuses=(S.READY,)) == ["N-000010"]
    assert numbers(
        shop,
        technician_id=ref["t1"].user_id,
        received_from=date(2026, 1, 1),
        received_to=date(2026, 1, 31),
        statuses=(S.DELIVERED,),
        text="iphone",
    ) == ["N-000001"]
    assert numbers(shop, overdue=True, outlet_id=ref["south"]) == []


def test_the_date_range_is_the_local_day(services, shop):
    queries, actor, ids, _ = shop
    # 2025-12-31 23:30 UTC is New Year's morning in Shanghai.
    shanghai = WorkOrderQueries(services.db, now=lambda: NOW, local_zone=ZoneInfo("Asia/Shanghai"))
    new_year = WorkOrderFilter(received_from=date(2026, 1, 1), received_to=date(2026, 1, 1))
    assert shanghai.ids(actor, new_year) == [ids["N-000010"]]
    assert queries.ids(actor, new_year) == []


SORT_VALUES = {
    SortKey.NUMBER: lambda r: r.number,
    SortKey.RECEIVED: lambda r: r.received_at,
    SortKey.CUSTOMER: lambda r: r.customer_name.casefold(),
    SortKey.PHONE: lambda r: r.customer_phone,
    SortKey.DEVICE: lambda r: r.device.casefold(),
    SortKey.STATUS: lambda r: STATUS_ORDER.index(r.status),
    SortKey.PRIORITY: lambda r: r.priority,
    SortKey.TECHNICIAN: lambda r: r.technician,
    SortKey.TOTAL: lambda r: r.total,
}


@pytest.mark.parametrize("key", list(SortKey))
def test_every_column_sorts_both_ways(shop, key):
    queries, actor, _, _ = shop
    up = queries.ids(actor, WorkOrderFilter(sort=key, descending=False))
    down = queries.ids(actor, WorkOrderFilter(sort=key, descending=True))
    rows = queries.rows(actor, up)
    assert [r.id for r in rows] == up
    if key is SortKey.NEXT_DUE:
        # Orders with nothing due stay at the end both ways.
        due = [r for r in rows if r.next_due_at is not None]
        assert [r.next_due_at for r in due] == sorted(r.next_due_at for r in due)
        assert len(due) == 2 and down[:2] == [r.id for r in reversed(due)]
        assert set(up[2:]) == set(down[2:])
        return
    values = [(SORT_VALUES[key](r), r.id) for r in rows]
    assert values == sorted(values)
    assert down == list(reversed(up))  # the id breaks ties the same way


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("N-000002", ["N-000002"]),  # scanned number
        ("n-000002", ["N-000002"]),
        ("  N-000002 ", ["N-000002"]),
        ("0013800", ["N-000001"]),  # phone fragment
        ("138 0013 8000", ["N-000001"]),  # phone typed with spaces
        ("138-0013-8000", ["N-000001"]),
        ("sn-abc", ["N-000001"]),  # serial, any case
        ("ABC123", ["N-000001"]),
        ("3569380356", ["N-000001"]),  # IMEI
        ("王芳芳", ["N-000010"]),
        ("王芳", ["N-000001", "N-000010"]),  # two characters: name prefix
        ("芳芳", ["N-000010"]),  # a Chinese given name inside the full name
        ("张", ["N-000002"]),
        ("o'brien", ["S-000001"]),
        ("MATE 40", ["N-000002"]),
        ("galaxy", ["N-000100"]),
        ("lopez galaxy", ["N-000100"]),  # words may come from different fields
        ("ja", ["S-000001"]),
    ],
)
def test_search(shop, query, expected):
    assert sorted(numbers(shop, text=query)) == sorted(expected)


def test_a_number_prefix_ranks_its_orders_first(shop):
    queries, actor, ids, _ = shop
    found = numbers(shop, text="N-00001")
    assert found[0] == "N-000010"
    # Within the number matches and the rest, the chosen sort still holds.
    found = numbers(shop, text="n-0000", sort=SortKey.RECEIVED, descending=True)
    assert found == ["N-000002", "N-000001", "N-000010"]
    assert queries.count(actor, WorkOrderFilter(text="N-000002")) == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("%", []),
        ("_", []),
        ("%_", []),
        ("55%_x", ["N-000002"]),  # % and _ are literal characters
        ("o%n", []),
        ("o_b", []),
        ('pf"q', ["S-000001"]),  # a double quote inside the FTS phrase
        ("q or 1", ["S-000001"]),  # FTS operators are plain words
        ("OR", []),
        ("AND", []),
        ("NEAR(", ["N-000010"]),
        ("x)*", ["N-000010"]),
        ("*", []),
        ('"', []),
        ('"" OR ""', []),
        ("'; DROP TABLE work_orders; --", []),
        ("\\", []),
        ("a\\%", []),
        ("^王", []),
        ("-", []),
        ("x" * 500, []),
    ],
)
def test_hostile_search_text_matches_literally(shop, query, expected):
    queries, actor, _, _ = shop
    assert sorted(numbers(shop, text=query)) == expected
    assert queries.count(actor, WorkOrderFilter(text=query)) == len(expected)


def test_rows_keep_the_order_asked_and_skip_vanished_ids(shop):
    queries, actor, ids, ref = shop
    asked = [ids["N-000010"], 999_999, ids["N-000001"]]
    rows = queries.rows(actor, asked)
    assert [r.number for r in rows] == ["N-000010", "N-000001"]
    first = rows[1]
    assert (first.customer_name, first.customer_phone, first.device) == (
        "王芳",
        "13800138000",
        "Apple iPhone 13",
    )
    assert first.status is S.DELIVERED and first.outlet_code == "N"
    assert first.technician == ref["t1"].display_name
    assert first.total == Decimal("100.00") and isinstance(first.total, Decimal)
    assert rows[0].technician == ""
    urgent = queries.rows(actor, [ids["N-000002"]])[0]
    assert urgent.priority == "urgent" and urgent.next_due_kind == "judge"
    assert urgent.next_due_at == datetime(2026, 3, 10, 10, 30, tzinfo=UTC)
    assert queries.rows(actor, []) == []
    with pytest.raises(AttributeError):
        first.total = Decimal("1.00")  # type: ignore[misc]


def _change_account(services, admin, username: str, **change) -> None:
    record = next(u for u in services.users.list(admin) if u.username == username)
    fields = {"display_name": record.display_name, "role": record.role, "active": True}
    services.users.update(
        admin, record.id, record.version, home_outlet_id=None, **{**fields, **change}
    )


@pytest.mark.parametrize("change", [{"active": False}, {"role": "maintenance"}])
def test_every_read_of_the_list_checks_the_account_is_still_as_signed_in(services, shop, change):
    queries, admin, ids, ref = shop
    technician = ref["t1"]
    everything = WorkOrderFilter()
    page = queries.ids(technician, everything, limit=2)
    assert queries.count(technician, everything) == 5
    assert [r.id for r in queries.rows(technician, page)] == page  # reads pass before ...
    _change_account(services, admin, "alice", **change)
    for read in (
        lambda: queries.count(technician, everything),
        lambda: queries.ids(technician, everything),
        lambda: queries.rows(technician, page),  # ... and the very next page is refused
    ):
        with pytest.raises(PermissionDenied, match="sign in again"):
            read()
    assert queries.rows(admin, page)  # others read on


def test_a_filter_is_a_value(shop):
    f = WorkOrderFilter(text="x")
    assert replace(f, sort=SortKey.TOTAL) == WorkOrderFilter(text="x", sort=SortKey.TOTAL)
    with pytest.raises(AttributeError):
        f.text = "y"  # type: ignore[misc]


# ---------------------------------------------------------------- the demo generator


def test_generated_orders_are_consistent_and_numbering_continues(services):
    fill_demo(services.db, customers=40)
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    assert generate_work_orders(services.db, 300, seed=3, now=lambda: now) == 300
    limits = rules.TimeLimits()
    with services.db.read() as s:
        orders = list(s.scalars(select(WorkOrder)))
        assert len(orders) == 300
        customers = {c.id: c for c in s.scalars(select(Customer))}
        phones: dict[int, list[str]] = {}
        for p in s.scalars(select(CustomerPhone).order_by(CustomerPhone.position)):
            phones.setdefault(p.customer_id, []).append(p.number)
        devices = {d.id: d for d in s.scalars(select(Device))}
        line_sums = dict(
            s.execute(
                select(WorkOrderLine.work_order_id, func.sum(WorkOrderLine.amount)).group_by(
                    WorkOrderLine.work_order_id
                )
            ).all()
        )
        paid: dict[int, Decimal] = {}
        for p in s.scalars(select(Payment)):
            paid[p.work_order_id] = paid.get(p.work_order_id, Decimal(0)) + rules.signed(
                p.kind, p.amount
            )
        sequences = {
            q.outlet_id: q.last_value
            for q in s.scalars(select(NumberSequence).where(NumberSequence.series == "work_order"))
        }
    statuses = {o.status for o in orders}
    assert "delivered" in statuses and statuses & {s.value for s in rules.OPEN}
    assert sum(o.status == "delivered" for o in orders) > 150
    assert 10 <= sum(o.priority == "urgent" for o in orders) <= 60
    assert len({o.outlet_id for o in orders}) == 2
    assert min(o.received_at for o in orders) < now - timedelta(days=3 * 365)
    for o in orders:
        c, d = customers[o.customer_id], devices[o.device_id]
        assert d.customer_id == c.id
        device = f"{d.brand} {d.model}"
        assert o.customer_name_key == name_key(c.name)
        assert o.customer_phone == phones[c.id][0]
        assert o.device_model_key == device.casefold()
        assert (o.serial, o.imei) == (d.serial, d.imei)
        assert o.search_text == rules.search_text(
            o.number, c.name, phones[c.id], d.serial, d.imei, device
        )
        assert not o.imei or (len(o.imei) == 15 and rules.luhn_ok(o.imei))
        judge, execute, follow = limits.for_priority(o.priority)
        expected_due = {
            None: None,
            "judge": o.received_at + judge,
            "execute": o.received_at + execute,
            "follow_up": o.delivered_at + follow if o.delivered_at else None,
        }[o.next_due_kind]
        assert o.next_due_at == expected_due
        assert (o.next_due_kind == "judge") == (o.status in ("received", "diagnosing"))
        assert line_sums[o.id] == o.subtotal
        assert (
            o.total
            == o.subtotal + o.tax
            == rules.totals([o.subtotal], o.discount, o.tax_rate).total
        )
        assert paid.get(o.id, Decimal("0.00")) == o.paid
        assert o.paid == (o.total if o.status == "delivered" else o.paid)
    for outlet_id, last in sequences.items():
        mine = sorted(int(o.number.split("-")[1]) for o in orders if o.outlet_id == outlet_id)
        assert mine == list(range(1, last + 1))

    # A second run continues each outlet's numbers; ids and numbers are never reused.
    generate_work_orders(services.db, 10, seed=4, now=lambda: now)
    with services.db.read() as s:
        numbers_now = list(s.scalars(select(WorkOrder.number)))
        after = dict(s.execute(select(NumberSequence.outlet_id, NumberSequence.last_value)).all())
    assert len(numbers_now) == len(set(numbers_now)) == 310
    assert sum(after.values()) == sum(sequences.values()) + 10


def test_generated_orders_are_searchable_and_later_orders_too(services):
    fill_demo(services.db, customers=20)
    admin = services.auth.sign_in("admin", "demo")
    generate_work_orders(services.db, 50, seed=5)
    queries = WorkOrderQueries(services.db)
    with services.db.read() as s:
        some = s.execute(select(WorkOrder.id, WorkOrder.serial).limit(1)).one()
        if services.db.kind == "sqlite":
            # The search index trigger is back in place after the bulk load.
            assert s.scalar(
                text("SELECT count(*) FROM sqlite_master WHERE name = 'work_orders_fts_insert'")
            )
    assert some.id in queries.ids(admin, WorkOrderFilter(text=some.serial))
    # An order added the ordinary way afterwards gets a fresh id and is found by search.
    with services.db.write() as s:
        outlet_id = s.scalar(text("SELECT min(id) FROM outlets"))
        new_id = add_order(
            s,
            outlet_id=outlet_id,
            outlet_code="N",
            n=999_999,
            customer="Later Customer",
            phone="13700000001",
            brand="Apple",
            model="iPad 9",
            serial="LATER-SERIAL-1",
        )
    assert queries.ids(admin, WorkOrderFilter(text="later-serial")) == [new_id]
    assert queries.count(admin, WorkOrderFilter()) == 51


def test_demo_follow_ups_can_be_recorded(services):
    """Review finding: demo orders showed a follow-up deadline with no follow-up to record."""
    from outletdesk.core.demo import fill_demo
    from outletdesk.core.work_orders.demo import generate_work_orders

    fill_demo(services.db, customers=30)
    admin = services.auth.sign_in("admin", "demo")
    generate_work_orders(services.db, 300)
    with services.db.read() as s:
        due = list(s.scalars(select(WorkOrder).where(WorkOrder.next_due_kind == "follow_up")))
    tasks = services.work_orders.follow_ups(admin, None)
    assert tasks and {t.work_order_id for t in tasks} == {o.id for o in due}
    if tasks:
        order, _ = services.work_orders.record_follow_up(
            admin,
            tasks[0].work_order_id,
            reached=True,
            attitude=5,
            efficiency=5,
            solved=5,
            overall=5,
        )
        assert order.next_due_at is None


def test_open_orders_at_an_outlet_are_found_by_status_not_by_walking_every_date(
    services, clerk, outlet
):
    """SQLite has no value statistics: without the hint it walks the outlet's whole date index
    to avoid sorting (0.4 s at a million orders). The plan must start from the status."""
    from sqlalchemy import event

    if services.db.kind != "sqlite":
        pytest.skip("PostgreSQL plans from its own statistics")
    seen: list[tuple[str, object]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _many):  # noqa: ANN001
        seen.append((statement, parameters))

    f = WorkOrderFilter(statuses=tuple(rules.OPEN), outlet_id=outlet.id, sort=SortKey.RECEIVED)
    queries = WorkOrderQueries(services.db)
    event.listen(services.db.engine, "before_cursor_execute", capture)
    try:
        queries.count(clerk, f)
        queries.ids(clerk, f)
    finally:
        event.remove(services.db.engine, "before_cursor_execute", capture)
    plans = []
    with services.db.engine.connect() as conn:
        for statement, parameters in [x for x in seen if "FROM work_orders" in x[0]][-2:]:
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
            plans.append(" ".join(str(r[-1]) for r in rows))
    assert len(plans) == 2 and all("status=?" in plan for plan in plans), (plans, seen)
    assert not any("ix_work_orders_outlet_received" in plan for plan in plans), plans


def test_matches_hidden_by_the_status_filter_are_counted(shop):
    """Searching the open orders for a delivered job says how many more match in other
    statuses (tester's report item 8), with every other filter still applied."""
    queries, actor, _, ref = shop
    open_orders = tuple(s for s in S if s in rules.OPEN)
    more = queries.more_in_other_statuses

    def f(**kwargs):
        return WorkOrderFilter(statuses=open_orders, **kwargs)

    assert more(actor, f(text="356938035643809")) == 1  # N-000001's IMEI, delivered
    assert more(actor, f(text="王芳")) == 1  # N-000001 delivered; N-000010 ready is shown
    assert more(actor, f(text="Maria")) == 1  # cancelled
    assert more(actor, f(text="张伟")) == 0  # received: shown, nothing hidden
    assert more(actor, f(text="王芳", outlet_id=ref["south"])) == 0  # the outlet still filters
    # A typed number is shown whatever its status: it is not "more" as well.
    assert queries.ids(actor, f(text="N-000001")) != []
    assert more(actor, f(text="N-000001")) == 0
    # No search text, or no status filter: nothing to tell, and nothing counted.
    assert more(actor, f()) == 0
    assert more(actor, f(text="  ")) == 0
    assert more(actor, WorkOrderFilter(text="王芳")) == 0
    assert more(actor, WorkOrderFilter(text="王芳", statuses=(S.READY,))) == 1
