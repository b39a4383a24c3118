"""English and Simplified Chinese ship together: every visible string is translated and compiled.
English is the source language; its own file holds only the counts' singular and plural forms."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "outletdesk_zh_CN.ts"
QM = TS.with_suffix(".qm")
EN_TS = TS.with_name("outletdesk_en.ts")
EN_QM = EN_TS.with_suffix(".qm")
TOOLS = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = TOOLS / name
    if found.exists():
        return str(found)
    on_path = shutil.which(name)
    if on_path is None:
        pytest.skip(f"{name} is not installed with PySide6 here")
    return on_path


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (ctx.findtext("name"), m.findtext("source")): m.find("translation")
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    }


def _texts(translation: ET.Element) -> list[str]:
    """The translation's text, or each of its forms for a count (one in Chinese, two in English)."""
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms or [translation.text or ""]


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[^}]*\}|%n", text))


@pytest.mark.parametrize(("ts", "least"), [(TS, 200), (EN_TS, 40)], ids=["zh_CN", "en"])
def test_every_shipped_string_is_translated_with_its_placeholders(ts, least):
    messages = _messages(ts)
    assert len(messages) > least
    problems = []
    for (context, source), translation in messages.items():
        texts = _texts(translation)
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
            text.strip() for text in texts
        ):
            problems.append(f"{context}: {source!r} is not translated")
        for text in texts:
            if _placeholders(source) != _placeholders(text):
                problems.append(f"{context}: {source!r} lost a placeholder in {text!r}")
            elif re.search(r"&\w", source.replace("&&", "")) and not re.search(r"&\w", text):
                problems.append(f"{context}: {source!r} lost its keyboard shortcut in {text!r}")
    assert not problems, "\n".join(problems)


def test_english_holds_exactly_the_counts_of_the_chinese_file():
    """Every count (a source with %n) has its English singular and plural; nothing else."""
    counts = {key for key, tr in _messages(TS).items() if "%n" in (key[1] or "")}
    assert counts and set(_messages(EN_TS)) == counts
    for translation in _messages(EN_TS).values():
        assert len(_texts(translation)) == 2
    for translation in (tr for key, tr in _messages(TS).items() if key in counts):
        assert len(_texts(translation)) == 1  # Chinese says a count one way


@pytest.mark.parametrize(
    ("ts", "options"),
    [(TS, []), (EN_TS, ["-pluralonly", "-source-language", "en", "-target-language", "en"])],
    ids=["zh_CN", "en"],
)
def test_the_ts_file_holds_every_string_in_the_code(tmp_path, ts, options):
    """lupdate over today's sources finds nothing the shipped .ts lacks."""
    fresh = tmp_path / ts.name
    shutil.copy(ts, fresh)
    sources = sorted(
        str(p) for p in (ROOT / "outletdesk").rglob("*.py") if "migrations" not in p.parts
    )
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            *options,
            *sources,
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )
    new = [key for key, tr in _messages(fresh).items() if tr.get("type") == "unfinished"]
    assert not new, f"run scripts/update-translations.sh and translate: {new}"
    assert set(_messages(fresh)) == set(_messages(ts)), (
        "strings removed from the code are still in the .ts"
    )


@pytest.mark.parametrize("ts", [TS, EN_TS], ids=["zh_CN", "en"])
def test_the_compiled_qm_matches_the_ts(tmp_path, ts):
    compiled = tmp_path / "check.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert ts.with_suffix(".qm").read_bytes() == compiled.read_bytes(), (
        "run scripts/update-translations.sh to rebuild the .qm"
    )


def test_the_translation_loads_and_translates(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "Customers") == "客户"
        assert (
            QCoreApplication.translate("core", "Wrong user name or password.")
            == "用户名或密码错误。"
        )
    finally:
        qapp.removeTranslator(translator)


def test_english_counts_say_one_in_the_singular(qapp):
    translator = QTranslator()
    assert translator.load(str(EN_QM))
    qapp.installTranslator(translator)
    try:
        said = [QCoreApplication.translate("PartsPage", "%n parts", None, n) for n in (0, 1, 2)]
        assert said == ["0 parts", "1 part", "2 parts"]
    finally:
        qapp.removeTranslator(translator)
