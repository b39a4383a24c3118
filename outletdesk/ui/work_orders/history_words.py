"""The History & notes tab's cells and the judgement's name, in the window's language (the
wording itself is core's: core.work_orders.history)."""

from __future__ import annotations

from ...core.work_orders import history
from ...core.work_orders.dto import EventDTO
from ...models import Judgement
from ..errors import translate_core
from ..formats import local_datetime


def history_cells(event: EventDTO) -> tuple[str, str, str, str]:
    """When, who, what and details of one history entry, codes shown as translated words."""
    return (
        local_datetime(event.at),
        event.username,
        history.event_what(event, translate_core),
        history.event_details(event, translate_core),
    )


def judgement_text(judgement: Judgement | str | None) -> str:
    """The judgement as the judgement dialog names it; "" before the first judgement."""
    return history.judgement_text(judgement, translate_core) if judgement else ""
