"""Marks core messages for Qt's translation tools without importing Qt.

pyside6-lupdate collects every `QT_TRANSLATE_NOOP("core", "...")` call into the .ts file; the
window translates the template in context "core" before filling in its parameters.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text
