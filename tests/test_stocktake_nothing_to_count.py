"""A count that would have no line (a category or bins that match no part on the shelf, or an
empty van) is refused before a number is taken, naming the filter, in the core (so the window
and the command line both get it) and in the Stocktake tab, in English and Chinese; on SQLite
and PostgreSQL."""

from __future__ import annotations

import pytest
from conftest import audit_count, make_actor
from sqlalchemy import select
from test_message_words import chinese  # noqa: F401 - the fixture
from test_ui_stocktake import _page

from outletdesk.core.errors import DomainError, ValidationError
from outletdesk.core.parts.catalogue import PartInput
from outletdesk.models import NumberSequence, Role


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def screens(services, manager):
    """Four screens in bin B-02 of the main store; nothing in a van."""
    made, _ = services.catalogue.create_part(
        manager, PartInput("SCR-IP12", "Screen 屏幕", category="Screens", cost_price="300")
    )
    services.stock.receive(manager, made.id, 4, "300")
    services.stock.set_levels(manager, made.id, min_level=0, reorder_qty=0, bin_location="B-02")
    return made


def _numbers_taken(services):
    with services.db.read() as s:
        return s.scalar(
            select(NumberSequence.last_value).where(NumberSequence.series == "stocktake")
        )


@pytest.mark.parametrize(
    ("filters", "field", "words"),
    [
        ({"category": "Batteries"}, "Category", "no part of “Batteries” is stocked or shelved"),
        ({"bin_prefix": "Z-"}, "Bin location", "is in a bin starting with “Z-”"),
        (
            {"category": "Screens", "bin_prefix": "A-"},
            "Category",
            "no part of “Screens” at North Station 北站店 is in a bin starting with “A-”",
        ),
    ],
)
def test_a_filter_that_matches_no_part_is_refused_before_a_number_is_taken(
    services, manager, screens, filters, field, words
):
    audited = audit_count(services)
    with pytest.raises(ValidationError) as refused:
        services.stocktake.start(manager, **filters)
    assert refused.value.field == field
    assert words in str(refused.value) and "No count was started." in str(refused.value)
    assert services.stocktake.list(manager) == []
    assert (_numbers_taken(services), audit_count(services)) == (None, audited)
    # The filter that matches starts the first number of the series.
    take, _ = services.stocktake.start(manager, category="screens")
    assert (take.number, take.lines) == ("ST-N-000001", 1)


def test_an_empty_van_is_refused_naming_the_van(services, manager, screens):
    van, _ = services.locations.add(manager, manager.outlet_id, "VAN-1", "Van 1 流动车")
    with pytest.raises(DomainError) as refused:
        services.stocktake.start(manager, location_id=van.id)
    assert str(refused.value) == (
        "No part is stocked or shelved at North Station 北站店 – Van 1 流动车, so there is "
        "nothing to count. No count was started."
    )
    assert services.stocktake.list(manager) == [] and _numbers_taken(services) is None


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_tab_shows_the_refusal_and_opens_no_count(
    services, manager, screens, tmp_path, qtbot, request, language
):
    if language == "zh_CN":
        request.getfixturevalue("chinese")
    _, tab = _page(services, manager, tmp_path, qtbot)
    tab.category.setText("Batteries")
    tab.start()
    shown = tab.start_error.text()
    assert "Batteries" in shown
    if language == "zh_CN":
        assert "No count" not in shown and "：" in shown
    else:
        assert shown.startswith("Category: no part of “Batteries”")
    assert tab.take is None and services.stocktake.list(manager) == []
    assert tab.start_button.isEnabled()


@pytest.mark.parametrize("typed", ["Écrans 屏幕", "écrans 屏幕", "ÉCRANS 屏幕"])
def test_a_category_with_letters_beyond_ascii_is_counted_whatever_its_case(
    services, manager, typed
):
    """SQLite's lower() folds only ASCII letters: "Écrans" must still find its parts."""
    made, _ = services.catalogue.create_part(
        manager, PartInput("SCR-1", "Écran", category="Écrans 屏幕", cost_price="10")
    )
    services.stock.receive(manager, made.id, 4, "10")
    take, _ = services.stocktake.start(manager, category=typed)
    assert take.lines == 1
