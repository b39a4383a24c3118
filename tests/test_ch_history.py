"""Tester round 3: an order's history shows words, never codes, for the judgement, the warranty
and the priority, in English and in the Chinese window (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_actor
from PySide6.QtCore import QTranslator
from test_work_order_receipts import intake

from outletdesk.core.work_orders import history
from outletdesk.core.work_orders.dto import EventDTO
from outletdesk.models import Judgement, Role, utcnow

QM = Path(__file__).resolve().parents[1] / "resources" / "translations" / "outletdesk_zh_CN.qm"


@pytest.fixture
def tech(services, outlet):
    return make_actor(services, outlet.id, Role.TECHNICIAN, "tech")


@pytest.fixture
def chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def judged(services, clerk, tech):
    """Judged as misuse, out of warranty (with a reason typed in), then expedited."""
    order = intake(services, clerk)
    order, _ = services.work_orders.judge(
        tech, order.id, order.version, "misuse", "none", "water inside: 进水"
    )
    order, _ = services.work_orders.set_priority(
        clerk, order.id, order.version, "urgent", "customer leaves: 出差"
    )
    return order


def rows(order, tr=lambda t: t):
    return [(history.event_what(e, tr), history.event_details(e, tr)) for e in order.events]


def test_history_names_judgement_warranty_and_priority(services, clerk, tech):
    order = judged(services, clerk, tech)
    shown = rows(order)
    assert ("Judgement", "Misuse or accident / Not under warranty: water inside: 进水") in shown
    assert ("Priority", "Urgent: customer leaves: 出差") in shown
    assert shown[0] == ("Received", "")
    for what, details in shown:
        assert what not in ("judgement", "priority")
        assert "misuse" not in details and "none" not in details and "urgent" not in details


def test_history_words_go_through_the_translation(services, clerk, tech):
    order = judged(services, clerk, tech)
    words = {"Judgement": "初步判断", "Misuse or accident": "使用不当或意外", "Urgent": "加急"}
    shown = rows(order, lambda t: words.get(t, t))
    assert ("初步判断", "使用不当或意外 / Not under warranty: water inside: 进水") in shown
    assert ("Priority", "加急: customer leaves: 出差") in shown


def test_text_that_is_not_codes_is_shown_as_written():
    def event(kind, text):
        return EventDTO(utcnow(), "x", kind, None, None, text)

    assert history.event_details(event("judgement", "checked by hand")) == "checked by hand"
    assert history.event_details(event("priority", "soon: today")) == "soon: today"
    assert history.event_what(event("something_new", "")) == "something_new"
    every = set(history.EVENT_KINDS) | {"status"}
    assert {"judgement", "priority", "internal_note", "refund_requested"} <= every
    assert set(history.JUDGEMENT_LABELS) == set(Judgement)


def test_history_tab_cells_in_chinese(chinese, services, clerk, tech):
    from outletdesk.ui.work_orders.history_words import history_cells, judgement_text

    order = judged(services, clerk, tech)
    cells = [history_cells(e) for e in order.events]
    assert [c[2:] for c in cells] == [
        ("已接收", ""),
        ("初步判断", "使用不当或意外 / 不在保修期内: water inside: 进水"),
        ("优先级", "加急: customer leaves: 出差"),
    ]
    assert judgement_text(order.judgement) == "使用不当或意外"
    assert judgement_text(None) == ""
