"""Recognising a scanned asset tag (kept light: the main window imports it at start)."""

from __future__ import annotations

import re

_ASSET_TAG = re.compile(r"^EQ-[A-Za-z0-9]{1,10}-\d{3,}$", re.IGNORECASE)


def looks_like_asset_tag(code: str) -> bool:
    """An asset tag as printed on its label, e.g. EQ-N-000012."""
    return bool(_ASSET_TAG.match(code.strip()))
