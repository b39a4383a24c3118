"""Fill unfinished zh_CN translations from JSON files of {"English source": "中文"}, or from
other .ts files (e.g. a branch's copy when merging), then print what is still missing.

    python scripts/fill-translations.py NEW.json [OTHER.ts ...]
    VENV_BIN=... bash scripts/update-translations.sh   # afterwards: re-canonicalise and compile
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources/translations/outletdesk_zh_CN.ts"


def _known(paths: list[str]) -> dict[str, str]:
    known: dict[str, str] = {}
    for name in paths:
        if name.endswith(".json"):
            known.update(json.loads(Path(name).read_text(encoding="utf-8")))
            continue
        for m in ET.parse(name).getroot().iter("message"):
            tr, src = m.find("translation"), m.find("source")
            if tr is not None and src is not None and tr.get("type") is None and tr.text:
                known.setdefault(src.text or "", tr.text)
    return known


def main(paths: list[str]) -> int:
    known = _known(paths)
    tree = ET.parse(TS)
    missing = []
    for m in tree.getroot().iter("message"):
        tr, src = m.find("translation"), m.find("source")
        if tr is None or src is None or tr.get("type") != "unfinished":
            continue
        if (src.text or "") in known:
            tr.text = known[src.text or ""]
            del tr.attrib["type"]
        else:
            missing.append(src.text)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for text in missing:
        print("missing:", text)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
