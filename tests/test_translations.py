"""English and Simplified Chinese ship together: every visible string is translated and compiled."""

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


def test_every_shipped_string_is_translated_with_its_placeholders():
    messages = _messages(TS)
    assert len(messages) > 200
    problems = []
    for (context, source), translation in messages.items():
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
            problems.append(f"{context}: {source!r} is not translated")
        elif sorted(re.findall(r"\{[^}]*\}", source)) != sorted(re.findall(r"\{[^}]*\}", text)):
            problems.append(f"{context}: {source!r} lost a placeholder in {text!r}")
        elif re.search(r"&\w", source.replace("&&", "")) and not re.search(r"&\w", text):
            problems.append(f"{context}: {source!r} lost its keyboard shortcut in {text!r}")
    assert not problems, "\n".join(problems)


def test_the_ts_file_holds_every_string_in_the_code(tmp_path):
    """lupdate over today's sources finds nothing the shipped .ts lacks."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(
        str(p) for p in (ROOT / "outletdesk").rglob("*.py") if "migrations" not in p.parts
    )
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            *sources,
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )
    new = [key for key, tr in _messages(fresh).items() if tr.get("type") == "unfinished"]
    assert not new, f"run scripts/update-translations.sh and translate: {new}"
    assert set(_messages(fresh)) == set(_messages(TS)), (
        "strings removed from the code are still in the .ts"
    )


def test_the_compiled_qm_matches_the_ts(tmp_path):
    compiled = tmp_path / "check.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True
    )
    assert QM.read_bytes() == compiled.read_bytes(), (
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
