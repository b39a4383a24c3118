"""Bin and part labels (货位标签): SKU barcode, SKU, name, the shelf at an outlet and the price.

Built like the work-order device label: plain Label data from the catalogue, rendered by the
printing engine on 40 x 20 mm or 62 x 29 mm label stock, or on an A4 sheet of labels. Each part
may be printed several times (one label per unit received), in the order asked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, select

from ..models import Part, PartStock, StockLocation
from ..printing.document import Label
from ..progress import Progress
from . import validation as v
from .auth import Actor, Permission
from .errors import DomainError, Items, ValidationError
from .i18n import QT_TRANSLATE_NOOP
from .parts.stock import MAIN
from .printouts import F_PAPER
from .services import Services

F_PART = QT_TRANSLATE_NOOP("core", "Part")
F_COPIES = QT_TRANSLATE_NOOP("core", "Copies")
LABEL_PAPERS = ("label-40x20", "label-62x29", "a4-labels-3x8")
DEFAULT_PAPER = LABEL_PAPERS[0]
# Short names a person or the command line may type for the same formats.
PAPER_ALIASES = {
    "40x20": "label-40x20",
    "62x29": "label-62x29",
    "a4": "a4-labels-3x8",
    "a4-labels": "a4-labels-3x8",
    "sheet": "a4-labels-3x8",
}
MAX_COPIES = 1000  # of one part: a large delivery labelled unit by unit
MAX_LABELS = 2400  # in one print: a hundred A4 sheets

# Keys are stable; values are the English sources (templates with {braces}).
LABEL_WORDS: dict[str, str] = {
    "bin": QT_TRANSLATE_NOOP("core", "Bin {bin}"),
    "price": QT_TRANSLATE_NOOP("core", "Price {price}"),
}


@dataclass(frozen=True)
class PartLabelData:
    """What one part's label shows; `bin` is its shelf at the chosen outlet ("" if none)."""

    part_id: int
    sku: str
    name: str
    bin: str
    sale_price: str


Copies = Mapping[int, int | str] | Sequence[int]


def label_paper(paper: str | None) -> str:
    """A part-label format name, normalised ("40x20" -> "label-40x20", "a4" -> the sheet)."""
    name = paper.strip().lower() if isinstance(paper, str) else ""
    name = PAPER_ALIASES.get(name, name)
    if name not in LABEL_PAPERS:
        raise ValidationError(
            F_PAPER,
            QT_TRANSLATE_NOOP(
                "core", "“{value}” is not a paper size for this printout; use one of: {allowed}."
            ),
            value=str(paper)[:40],
            allowed=Items(LABEL_PAPERS),
        )
    return name


def wanted_copies(copies: Copies) -> list[tuple[int, int]]:
    """(part id, copies) in the order given: a mapping {part_id: copies}, or a list of ids (one
    label each; an id listed twice prints twice). Refuses empty, zero, negative and huge counts."""
    if isinstance(copies, Mapping):
        pairs = [
            (_part_id(pid), v.integer(F_COPIES, n, minimum=1, maximum=MAX_COPIES))
            for pid, n in copies.items()
        ]
    elif isinstance(copies, Sequence) and not isinstance(copies, str | bytes):
        pairs = [(_part_id(pid), 1) for pid in copies]
    else:
        pairs = []
    if not pairs:
        raise ValidationError(
            F_PART, QT_TRANSLATE_NOOP("core", "choose at least one part to print labels for.")
        )
    total = sum(n for _pid, n in pairs)
    if total > MAX_LABELS:
        raise ValidationError(
            F_COPIES,
            QT_TRANSLATE_NOOP("core", "{count} labels in one print is too many; at most {max}."),
            count=total,
            max=MAX_LABELS,
        )
    return pairs


def part_label_data(
    services: Services, actor: Actor, part_ids: Sequence[int], outlet_id: int | None = None
) -> dict[int, PartLabelData]:
    """SKU, name, price and the shelf at the outlet's main store of each part, read at once."""
    actor.require(Permission.VIEW_STOCK)
    outlet = outlet_id if outlet_id is not None else actor.outlet_id
    if outlet is None:
        raise DomainError(
            QT_TRANSLATE_NOOP("core", "Choose the outlet whose stock this is (sign in at one).")
        )
    services.outlets.get(outlet)  # NotFound names the outlet
    ids = sorted(set(part_ids))
    with services.db.read(actor) as s:
        main = (
            select(StockLocation.id)
            .where(StockLocation.outlet_id == outlet, StockLocation.code == MAIN)
            .scalar_subquery()
        )
        rows = s.execute(
            select(Part.id, Part.sku, Part.name, Part.sale_price, PartStock.bin)
            .outerjoin(PartStock, and_(PartStock.part_id == Part.id, PartStock.location_id == main))
            .where(Part.id.in_(ids))
        ).all()
    found = {
        pid: PartLabelData(pid, sku, name, shelf or "", f"{price:,.2f}")
        for pid, sku, name, price, shelf in rows
    }
    missing = [pid for pid in ids if pid not in found]
    if len(missing) == 1:
        raise ValidationError(
            F_PART, QT_TRANSLATE_NOOP("core", "Part {id} does not exist."), id=missing[0]
        )
    if missing:
        raise ValidationError(
            F_PART,
            QT_TRANSLATE_NOOP("core", "Parts {ids} do not exist."),
            ids=Items([*map(str, missing[:10]), *(["…"] if len(missing) > 10 else [])]),
        )
    return found


def part_label(
    data: PartLabelData, *, price: bool = False, texts: Mapping[str, str] | None = None
) -> Label:
    """One part's label: SKU (bold, and as the barcode), the name, then shelf and price."""
    words = {**LABEL_WORDS, **(texts or {})}
    extra = []
    if data.bin:
        extra.append(words["bin"].format(bin=data.bin))
    if price:
        extra.append(words["price"].format(price=data.sale_price))
    lines = (data.sku, data.name, *(["  ".join(extra)] if extra else []))
    return Label(lines=lines, barcode=data.sku)


def part_labels(
    services: Services,
    actor: Actor,
    copies: Copies,
    outlet_id: int | None = None,
    *,
    price: bool = False,
    texts: Mapping[str, str] | None = None,
) -> list[Label]:
    """The labels to print, each part as many times as asked, in the order asked."""
    pairs = wanted_copies(copies)
    data = part_label_data(services, actor, [pid for pid, _n in pairs], outlet_id)
    labels: list[Label] = []
    for pid, n in pairs:
        labels += [part_label(data[pid], price=price, texts=texts)] * n
    return labels


def part_labels_pdf(
    services: Services,
    actor: Actor,
    copies: Copies,
    outlet_id: int | None = None,
    paper: str | None = None,
    *,
    price: bool = False,
    texts: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The labels as a PDF: one per page on "label-40x20" (default) or "label-62x29", or 24 to an
    A4 sheet ("a4-labels-3x8"), filled in order."""
    fmt = label_paper(paper or DEFAULT_PAPER)
    labels = part_labels(services, actor, copies, outlet_id, price=price, texts=texts)
    if progress is not None:
        progress.check()
    # reportlab loads only when something is printed, not when the window starts.
    from ..printing.render import render_labels_bytes

    return render_labels_bytes(labels, fmt, progress)


def _part_id(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            F_PART, QT_TRANSLATE_NOOP("core", "“{value}” is not a part id."), value=str(value)[:40]
        )
    return value
