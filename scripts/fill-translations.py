"""Fill unfinished translations from JSON files of {"English source": "中文"}, or from other .ts
files (e.g. a branch's copy when merging), then print what is still missing.

    python scripts/fill-translations.py [--language en] NEW.json [OTHER.ts ...]
    VENV_BIN=... bash scripts/update-translations.sh   # afterwards: re-canonicalise and compile

The language is zh_CN unless told. A count (source with %n, e.g. "%n parts") takes a list of
forms in JSON: ["%n part", "%n parts"] in English, one form (or a plain string) in Chinese.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "resources/translations"

Known = dict[str, str | list[str]]


def _known(paths: list[str]) -> Known:
    known: Known = {}
    for name in paths:
        if name.endswith(".json"):
            known.update(json.loads(Path(name).read_text(encoding="utf-8")))
            continue
        for m in ET.parse(name).getroot().iter("message"):
            tr, src = m.find("translation"), m.find("source")
            if tr is None or src is None or tr.get("type") is not None:
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")]
            if m.get("numerus") == "yes" and all(forms):
                known.setdefault(src.text or "", forms)
            elif tr.text and not forms:
                known.setdefault(src.text or "", tr.text)
    return known


def _fill(message: ET.Element, tr: ET.Element, value: str | list[str]) -> bool:
    forms = list(tr.iter("numerusform"))
    if message.get("numerus") != "yes":
        if not isinstance(value, str):
            return False
        tr.text = value
        return True
    values = [value] * len(forms) if isinstance(value, str) else value
    if len(values) != len(forms):
        return False
    for form, text in zip(forms, values, strict=True):
        form.text = text
    return True


def main(args: list[str]) -> int:
    language = "zh_CN"
    if args[:1] == ["--language"]:
        language, args = args[1], args[2:]
    ts = FOLDER / f"outletdesk_{language}.ts"
    known = _known(args)
    tree = ET.parse(ts)
    missing = []
    for m in tree.getroot().iter("message"):
        tr, src = m.find("translation"), m.find("source")
        if tr is None or src is None or tr.get("type") != "unfinished":
            continue
        source = src.text or ""
        if source in known and _fill(m, tr, known[source]):
            del tr.attrib["type"]
        else:
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    for text in missing:
        print("missing:", text)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
