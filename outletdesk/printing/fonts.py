"""Registers the bundled CJK font with reportlab once, so Chinese and Latin text print alike."""

from __future__ import annotations

import copy
import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from outletdesk.paths import resources_dir

FONT = "OutletSans"
FONT_BOLD = "OutletSans-Bold"

_lock = threading.Lock()
_registered = False


def font_path() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def register_fonts() -> None:
    """Register FONT and FONT_BOLD; later calls do nothing (renders may run on worker threads)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        path = font_path()
        if not path.is_file():
            raise FileNotFoundError(f"Bundled font missing: {path}")
        # Reading the 5 MB collection takes a noticeable moment, so it is done once; reportlab
        # embeds only the glyphs used (a subset) in each PDF.
        regular = TTFont(FONT, str(path), subfontIndex=0)
        pdfmetrics.registerFont(regular)
        # WenQuanYi Micro Hei has no bold face. A shallow copy under the bold name shares the
        # parsed face: reportlab maps a second registration of the same face to the first font
        # object, so bold text uses the same embedded subset instead of a second copy.
        bold = copy.copy(regular)
        bold.fontName = FONT_BOLD
        pdfmetrics.registerFont(bold)
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
        )
        _registered = True
