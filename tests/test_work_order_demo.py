"""The demo generator's bulk load: all or nothing, and safe beside an intake, on both backends."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select, text
from test_work_order_queries import add_order

from outletdesk.core.demo import fill_demo
from outletdesk.core.work_orders import demo
from outletdesk.core.work_orders.intake import next_number
from outletdesk.core.work_orders.queries import WorkOrderFilter, WorkOrderQueries
from outletdesk.models import (
    Device,
    FollowUp,
    NumberSequence,
    Outlet,
    Payment,
    WorkOrder,
    WorkOrderEvent,
    WorkOrderLine,
)
from outletdesk.progress import Cancelled, Progress


class _StopAt(Progress):
    """Cancels, or fails as a full disk would, once `at` units of work are reached."""

    def __init__(self, at: int, error: BaseException | None = None) -> None:
        super().__init__()
        self.at, self.error = at, error

    def advance(self, step: int = 1) -> None:
        if self.snapshot()[0] + step >= self.at:
            if self.error is not None:
                raise self.error
            self.cancel()
        super().advance(step)


def _state(services) -> dict[str, object]:
    """Row counts, numbering and the schema objects a bulk load drops and builds again."""
    models = (Device, WorkOrder, WorkOrderLine, WorkOrderEvent, Payment, FollowUp)
    with services.db.read() as s:
        state: dict[str, object] = {
            m.__tablename__: s.scalar(select(func.count()).select_from(m)) for m in models
        }
        state["numbers"] = sorted(
            s.execute(select(NumberSequence.outlet_id, NumberSequence.last_value)).all()
        )
        if services.db.kind == "sqlite":
            state["schema"] = sorted(
                s.execute(text("SELECT type, name, sql FROM sqlite_master")).all()
            )
            # The full-text index holds exactly the orders' search texts.
            s.execute(
                text(
                    "INSERT INTO work_orders_fts(work_orders_fts, rank) VALUES ('integrity-check', 1)"
                )
            )
        else:
            state["schema"] = sorted(
                s.execute(
                    text(
                        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                    )
                ).all()
            )
    return state


@pytest.mark.parametrize(
    "stop",
    [
        pytest.param(lambda count: _StopAt(count // 2), id="cancel-while-loading"),
        pytest.param(lambda count: _StopAt(count + 1), id="cancel-while-indexing"),
        pytest.param(lambda count: _StopAt(count + 1, OSError("disk full")), id="error"),
    ],
)
def test_a_stopped_generation_leaves_the_database_as_it_was(services, monkeypatch, stop):
    fill_demo(services.db, customers=30)
    demo.generate_work_orders(services.db, 40, seed=1)
    before = _state(services)
    monkeypatch.setattr(demo, "CHUNK", 25)  # several transactions' worth of chunks
    progress = stop(120)
    with pytest.raises((Cancelled, OSError)):
        demo.generate_work_orders(services.db, 120, seed=2, progress=progress)
    assert _state(services) == before
    # Still whole: a later run works, and its orders are found by search.
    assert demo.generate_work_orders(services.db, 120, seed=2) == 120
    after = _state(services)
    assert after["work_orders"] == 160 and after["schema"] == before["schema"]
    admin = services.auth.sign_in("admin", "demo")
    with services.db.read() as s:
        newest = s.execute(
            select(WorkOrder.id, WorkOrder.serial).order_by(WorkOrder.id.desc())
        ).first()
    assert newest.id in WorkOrderQueries(services.db).ids(
        admin, WorkOrderFilter(text=newest.serial)
    )


def test_an_intake_meanwhile_gets_its_own_id_and_number(services, monkeypatch):
    """Review finding: ids were reserved by max(id) + 1 before the load, so an intake between
    two of its transactions took an id the generator then wrote again."""
    fill_demo(services.db, customers=30)
    monkeypatch.setattr(demo, "CHUNK", 25)
    done: list[int] = []
    failed: list[BaseException] = []

    def intake() -> None:
        try:
            with services.db.write() as s:
                outlet = s.scalars(select(Outlet).order_by(Outlet.id)).first()
                number = next_number(s, outlet)
                done.append(
                    add_order(
                        s,
                        outlet_id=outlet.id,
                        outlet_code=outlet.code,
                        n=int(number.split("-")[1]),
                        customer="Counter Customer",
                        phone="13700000002",
                        brand="Apple",
                        model="iPhone 15",
                        serial="MEANWHILE-1",
                    )
                )
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            failed.append(exc)

    counter = threading.Thread(target=intake)

    class IntakeMeanwhile(Progress):
        def advance(self, step: int = 1) -> None:
            if not counter.is_alive() and not done and not failed:
                counter.start()
                counter.join(0.3)  # let it reach its write while the load is under way
            super().advance(step)

    assert demo.generate_work_orders(services.db, 100, progress=IntakeMeanwhile()) == 100
    counter.join()
    assert not failed and len(done) == 1
    with services.db.read() as s:
        numbers = list(s.scalars(select(WorkOrder.number)))
        last = dict(s.execute(select(NumberSequence.outlet_id, NumberSequence.last_value)).all())
        highest = dict(
            s.execute(
                select(WorkOrder.outlet_id, func.max(WorkOrder.number)).group_by(
                    WorkOrder.outlet_id
                )
            ).all()
        )
    assert len(numbers) == len(set(numbers)) == 101
    for outlet_id, number in highest.items():
        assert last[outlet_id] == int(number.split("-")[1])
    admin = services.auth.sign_in("admin", "demo")
    assert WorkOrderQueries(services.db).ids(admin, WorkOrderFilter(text="meanwhile-1")) == done
