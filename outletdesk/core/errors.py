"""Errors a person can act on (domain) kept apart from errors of the environment (database down)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .i18n import Term, labelled, listed

Translate = Callable[[str], str]


class OutletDeskError(Exception):
    """Base: a message template (translatable in context "core") and its parameters."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.message())

    def message(self, translate: Translate | None = None) -> str:
        """The message, optionally through a translate(template) -> template function."""
        tr: Translate = translate or str
        return tr(self.template).format(**shown_params(self.params, tr))


class Word(Term):
    """One of core's words inside a message, translated when the message is shown (with its
    Term's disambiguation): a status, a priority, a role ("状态：检测中" in the Chinese window,
    never the code "diagnosing")."""


class FieldLabel(Word):
    """A field name that is itself translated when the message is shown (with its Term's
    disambiguation, e.g. an asset's Name)."""


class Words(tuple[str, ...]):
    """Words shown joined by commas, each translated when the message is shown: the choices a
    field allows, e.g. the statuses an import accepts (在用、停用、… in the Chinese window)."""

    def __str__(self) -> str:
        return ", ".join(self)


class Items(tuple[str, ...]):
    """Data shown as a list, untranslated but joined as the window's language lists things:
    order numbers, checklist items ("N-000001、N-000002" in the Chinese window)."""

    def __str__(self) -> str:
        return ", ".join(self)


def shown_params(params: dict[str, Any], tr: Translate) -> dict[str, Any]:
    """The parameters as the message shows them: field names and word lists translated, lists
    joined in the window's language."""

    def one(value: Any) -> Any:
        if isinstance(value, Word):
            return tr(value)
        if isinstance(value, Words):
            return listed((tr(word) for word in value), tr)
        if isinstance(value, Items):
            return listed(value, tr)
        return value

    return {key: one(value) for key, value in params.items()}


class DomainError(OutletDeskError):
    """The request breaks a rule of the shop; nothing was written."""


class ValidationError(DomainError):
    """One field's value is not acceptable; `field` names it for the form to highlight."""

    def __init__(self, field: str, template: str, **params: Any) -> None:
        self.field = field
        super().__init__("{field}: " + template, field=FieldLabel(field), **params)

    def message(self, translate: Translate | None = None) -> str:
        tr: Translate = translate or str
        problem = self.template.removeprefix("{field}: ")
        params = shown_params({k: v for k, v in self.params.items() if k != "field"}, tr)
        return labelled(tr(self.field), tr(problem).format(**params), tr)


class NotFound(DomainError):
    """The record asked for does not exist (or no longer exists)."""


class PermissionDenied(DomainError):
    """The signed-in user's role does not allow this."""


class StaleRecord(DomainError):
    """Someone else saved this record since it was opened; the save was refused."""


class StorageUnavailable(OutletDeskError):
    """The database cannot be reached or is locked: an environment problem, not a rule."""
