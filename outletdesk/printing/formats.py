"""Paper and label formats the printing engine knows, in millimetres, looked up by a stable name."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm

# Kinds of format; the renderer picks its layout strategy from this.
ROLL = "roll"  # continuous thermal roll: page height follows the content
PAGE = "page"  # fixed sheet that flows over several pages
LABEL = "label"  # one label per page (label printer, die-cut labels)
SHEET = "sheet"  # a fixed sheet carrying a grid of labels (office printer)


@dataclass(frozen=True)
class PaperFormat:
    """One paper format; lengths are millimetres, height is None for a continuous roll."""

    name: str
    kind: str
    width_mm: float
    height_mm: float | None
    margin_left_mm: float
    margin_right_mm: float
    margin_top_mm: float
    margin_bottom_mm: float
    # Label grid on a SHEET; zero elsewhere.
    columns: int = 0
    rows: int = 0
    label_width_mm: float = 0.0
    label_height_mm: float = 0.0
    column_gap_mm: float = 0.0
    row_gap_mm: float = 0.0

    @property
    def is_roll(self) -> bool:
        return self.kind == ROLL

    @property
    def printable_width_mm(self) -> float:
        return self.width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def width_pt(self) -> float:
        return self.width_mm * mm

    @property
    def printable_width_pt(self) -> float:
        return self.printable_width_mm * mm

    @property
    def height_pt(self) -> float | None:
        return None if self.height_mm is None else self.height_mm * mm

    @property
    def labels_per_sheet(self) -> int:
        return self.columns * self.rows


# Thermal rolls: the print head is narrower than the paper (72 of 80 mm, 48 of 58 mm), so the
# side margins are what the head cannot reach; a little top room and more bottom room for the
# cutter, which sits a few millimetres above the print line.
_FORMATS: dict[str, PaperFormat] = {
    f.name: f
    for f in (
        PaperFormat("80mm", ROLL, 80, None, 4, 4, 3, 8),
        PaperFormat("58mm", ROLL, 58, None, 5, 5, 3, 8),
        PaperFormat("a4", PAGE, 210, 297, 20, 20, 18, 20),
        # Brother DK-11209 / DK-22205 width and a common small shelf label.
        PaperFormat("label-62x29", LABEL, 62, 29, 2, 2, 1.5, 1.5),
        PaperFormat("label-40x20", LABEL, 40, 20, 1.5, 1.5, 1, 1),
        # A4 sheet of 24 labels, 3 x 8 of 70 x 37 mm without gaps (Avery 3474 / Herma 4453
        # layout): the grid fills 210 x 296 mm, leaving half a millimetre top and bottom.
        PaperFormat(
            "a4-labels-3x8",
            SHEET,
            210,
            297,
            0,
            0,
            0.5,
            0.5,
            columns=3,
            rows=8,
            label_width_mm=70,
            label_height_mm=37,
        ),
    )
}


def format_names() -> tuple[str, ...]:
    return tuple(_FORMATS)


def paper_format(name: str | PaperFormat) -> PaperFormat:
    """The format called `name` (a PaperFormat passes through); ValueError names the valid ones."""
    if isinstance(name, PaperFormat):
        return name
    try:
        return _FORMATS[name.strip().lower()]
    except (KeyError, AttributeError):
        valid = ", ".join(_FORMATS)
        raise ValueError(f"Unknown paper format {name!r}; valid formats: {valid}") from None
