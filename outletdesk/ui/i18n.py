"""Loads the shipped translation for the seat's language (English is the source language)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ..core import i18n as core
from ..paths import resources_dir

LANGUAGE_KEY = "ui/language"
LANGUAGES = ("en", "zh_CN")


def seat_language(seat: QSettings) -> str:
    chosen = str(seat.value(LANGUAGE_KEY, "") or "")
    if chosen in LANGUAGES:
        return chosen
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install OutletDesk's and Qt's own translations; returns them so they stay alive."""
    installed: list[QTranslator] = []
    # Calendars and date pickers name months and weekdays in the language chosen, whatever the
    # machine's own locale is.
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if language == "zh_CN"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    # English is the source language; its file holds only the counts' singular and plural
    # ("1 part", "2 parts"), which the code cannot say with one source text.
    ours = QTranslator(app)
    if ours.load(f"outletdesk_{language}", str(resources_dir() / "translations")):
        app.installTranslator(ours)
        installed.append(ours)
    if language == "en":
        return installed
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


_UNTRANSLATED = "OutletDesk: no such context"


def tr_up_the_classes(
    self: object, text: str, disambiguation: str | None = None, n: int = -1
) -> str:
    """self.tr for a class others subclass: the text is looked up under each class up from the
    object's own, counts ("%n rows") too.

    PySide's own tr takes the subclass's lookup of a count as found, since the number filled in
    makes it differ from the source text, so the base class's translation was never reached.
    A base class says ``tr = tr_up_the_classes`` in its body."""
    untranslated = QCoreApplication.translate(_UNTRANSLATED, text, disambiguation, n)
    for cls in type(self).__mro__:
        if cls.__module__.split(".")[0] in ("PySide6", "shiboken6", "builtins"):
            break
        found = QCoreApplication.translate(cls.__name__, text, disambiguation, n)
        if found != untranslated:
            return found
    return untranslated


def _core(text: str) -> str:
    return QCoreApplication.translate("core", text, core.disambiguation(text))


def core_word(text: str) -> str:
    """A word the core marked (QT_TRANSLATE_NOOP("core", ...)) in the window's language."""
    return _core(text)


def labelled(label: str, value: str) -> str:
    """The label and its value in the window's language ("数量：3" in Chinese)."""
    return core.labelled(label, value, _core)


def sentences(*texts: str) -> str:
    """Sentences one after the other: a space after an English full stop, none after a Chinese
    one (。！？), which carries its own room. Empty texts are left out."""
    joined = ""
    for text in texts:
        if not text:
            continue
        if joined and not joined.endswith(("。", "！", "？", "：", "；")):
            joined += " "
        joined += text
    return joined


def listed(items: Iterable[str]) -> str:
    """The items joined as the window's language lists them ("A、B" in Chinese)."""
    return core.listed(items, _core)
