"""Marks core messages for Qt's translation tools without importing Qt.

pyside6-lupdate collects every `QT_TRANSLATE_NOOP("core", "...")` call into the .ts file; the
window translates the template in context "core" before filling in its parameters.

A word meaning two things gets a third argument, a disambiguation lupdate keeps beside the
source (a customer's "Name" is 姓名, an asset's "Name" is 名称): the text is then a `Term`,
equal to the English word wherever it is compared or looked up, that tells the window which
of the two translations to take.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


class Term(str):
    """An English source text and its disambiguation (None for the plain word); made from
    another Term it keeps that one's."""

    disambiguation: str | None

    def __new__(cls, text: str, disambiguation: str | None = None) -> Term:
        term = super().__new__(cls, text)
        term.disambiguation = disambiguation if disambiguation is not None else _of(text)
        return term


def _of(text: str) -> str | None:
    return text.disambiguation if isinstance(text, Term) else None


def QT_TRANSLATE_NOOP(context: str, text: str, disambiguation: str | None = None) -> str:  # noqa: N802 - the name lupdate looks for
    return text if disambiguation is None else Term(text, disambiguation)


def disambiguation(text: str) -> str | None:
    """What the window passes to translate() beside `text`: its Term's disambiguation."""
    return _of(text)


# How a message puts a name before what it says of it, and how it lists words: the separators
# are translated too (Chinese writes "数量：不能为负" and "在用、停用", not ": " and ", ").
LABELLED = QT_TRANSLATE_NOOP("core", "{label}: {value}")
LIST_SEPARATOR = QT_TRANSLATE_NOOP("core", ", ", "between the items of a list")


def labelled(label: str, value: str, translate: Callable[[str], str] = str) -> str:
    """`label: value` in the language of `translate` (its separator translated)."""
    return translate(LABELLED).format(label=label, value=value)


def listed(items: Iterable[str], translate: Callable[[str], str] = str) -> str:
    """The items joined by the list separator of the language of `translate`."""
    return translate(LIST_SEPARATOR).join(items)
