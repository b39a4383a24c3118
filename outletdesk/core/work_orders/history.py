"""How an order's history (its events) reads: what happened and its details, in words.

Events keep language-neutral codes in their text ("misuse / none: reason", "urgent"), so a
history reads the same whoever wrote it; these functions put the words back, translated by the
caller's `tr` (English when none is given), and leave what a person typed as typed.
"""

from __future__ import annotations

from collections.abc import Callable

from ...models import ContactMethod, Judgement, Priority, Warranty
from ..i18n import QT_TRANSLATE_NOOP
from .dto import EventDTO
from .rules import STATUS_LABELS

Translate = Callable[[str], str]

EVENT_KINDS: dict[str, str] = {
    "status": QT_TRANSLATE_NOOP("core", "Status"),
    "judgement": QT_TRANSLATE_NOOP("core", "Judgement"),
    "priority": QT_TRANSLATE_NOOP("core", "Priority"),
    "internal_note": QT_TRANSLATE_NOOP("core", "Internal note"),
    "customer_note": QT_TRANSLATE_NOOP("core", "Customer note"),
    "escalation": QT_TRANSLATE_NOOP("core", "Escalation"),
    "assignment": QT_TRANSLATE_NOOP("core", "Assignment"),
    "follow_up": QT_TRANSLATE_NOOP("core", "Follow-up"),
    "follow_up_attempt": QT_TRANSLATE_NOOP("core", "Follow-up: customer not reached"),
    "follow_up_given_up": QT_TRANSLATE_NOOP("core", "Follow-up closed: customer not reachable"),
    "refund_requested": QT_TRANSLATE_NOOP("core", "Refund requested"),
    "refund_approved": QT_TRANSLATE_NOOP("core", "Refund approved"),
    "refund_rejected": QT_TRANSLATE_NOOP("core", "Refund declined"),
}
# The judgement dialog's words, so the history says what the technician chose.
JUDGEMENT_LABELS: dict[Judgement, str] = {
    Judgement.QUALITY_DEFECT: QT_TRANSLATE_NOOP("core", "Quality defect"),
    Judgement.TRANSPORT_DAMAGE: QT_TRANSLATE_NOOP("core", "Transport damage"),
    Judgement.MISUSE: QT_TRANSLATE_NOOP("core", "Misuse or accident"),
    Judgement.WEAR: QT_TRANSLATE_NOOP("core", "Normal wear"),
}
WARRANTY_LABELS: dict[Warranty, str] = {
    Warranty.NONE: QT_TRANSLATE_NOOP("core", "Not under warranty"),
    Warranty.MANUFACTURER: QT_TRANSLATE_NOOP("core", "Manufacturer warranty"),
    Warranty.REPAIR: QT_TRANSLATE_NOOP("core", "Repair warranty (rework)"),
}
PRIORITY_LABELS: dict[Priority, str] = {
    Priority.NORMAL: QT_TRANSLATE_NOOP("core", "Normal"),
    Priority.URGENT: QT_TRANSLATE_NOOP("core", "Urgent"),
}

# How a follow-up contacted the customer (DOMAIN: phone follow-up, in-person, online).
CONTACT_LABELS: dict[ContactMethod, str] = {
    ContactMethod.PHONE: QT_TRANSLATE_NOOP("core", "Phone call"),
    ContactMethod.IN_PERSON: QT_TRANSLATE_NOOP("core", "In person"),
    ContactMethod.ONLINE: QT_TRANSLATE_NOOP("core", "Online"),
}
_METHOD_AND_COMMENT = QT_TRANSLATE_NOOP("core", "{method}: {comment}")
FOLLOW_UP_KINDS = frozenset(("follow_up", "follow_up_attempt", "follow_up_given_up"))


def _plain(text: str) -> str:
    return text


def judgement_text(judgement: Judgement | str, tr: Translate = _plain) -> str:
    return tr(JUDGEMENT_LABELS[Judgement(judgement)])


def contact_text(method: ContactMethod | str, tr: Translate = _plain) -> str:
    return tr(CONTACT_LABELS[ContactMethod(method)])


def event_what(event: EventDTO, tr: Translate = _plain) -> str:
    """The kind of entry; a status change names both statuses ("Received → Diagnosing")."""
    if event.kind == "status" and event.to_status is not None:
        after = tr(STATUS_LABELS[event.to_status])
        if event.from_status is None:
            return after
        return f"{tr(STATUS_LABELS[event.from_status])} → {after}"
    english = EVENT_KINDS.get(event.kind)
    return tr(english) if english else event.kind


def event_details(event: EventDTO, tr: Translate = _plain) -> str:
    """The entry's text, its codes in words: "misuse / none: reason" reads "Misuse or accident /
    Not under warranty: reason", "urgent" reads "Urgent", a follow-up's "phone: note" reads
    "Phone call: note". Anything else is shown as written."""
    if event.kind == "judgement":
        codes, colon, reason = event.text.partition(": ")
        judgement, slash, warranty = codes.partition(" / ")
        if slash and judgement in _JUDGEMENTS and warranty in _WARRANTIES:
            words = f"{judgement_text(judgement, tr)} / {tr(WARRANTY_LABELS[Warranty(warranty)])}"
            return words + colon + reason
    elif event.kind in FOLLOW_UP_KINDS:
        code, colon, comment = event.text.partition(": ")
        if code in _CONTACTS:
            method = contact_text(code, tr)
            if not colon:
                return method
            # Chinese joins with a full-width colon: the template is translated, not the ": ".
            return tr(_METHOD_AND_COMMENT).format(method=method, comment=comment)
    elif event.kind == "priority":
        code, colon, reason = event.text.partition(": ")
        if code in _PRIORITIES:
            return tr(PRIORITY_LABELS[Priority(code)]) + colon + reason
    return event.text


_JUDGEMENTS = frozenset(j.value for j in Judgement)
_WARRANTIES = frozenset(w.value for w in Warranty)
_PRIORITIES = frozenset(p.value for p in Priority)
_CONTACTS = frozenset(c.value for c in ContactMethod)
