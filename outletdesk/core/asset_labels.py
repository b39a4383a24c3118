"""Asset tag labels (设备标签): the tag as a QR code and as a Code128 barcode, the tag, the
asset's name and its outlet; scanning either code gives the tag, which opens the asset.

Built like the part labels, on the same paper (40 x 20 mm, 62 x 29 mm label stock, or 24 to an
A4 sheet) and the same label drawing; each asset may be printed several times, in the order asked.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from ..models import Asset, Outlet
from ..printing.document import Label
from ..progress import Progress
from . import validation as v
from .auth import Actor, Permission
from .errors import Items, ValidationError
from .i18n import QT_TRANSLATE_NOOP
from .part_labels import DEFAULT_PAPER, MAX_COPIES, MAX_LABELS, label_paper
from .services import Services

F_ASSET = QT_TRANSLATE_NOOP("core", "Asset")
F_COPIES = QT_TRANSLATE_NOOP("core", "Copies")


def asset_labels(
    services: Services, actor: Actor, asset_ids: Sequence[int], copies: int | str = 1
) -> list[Label]:
    """The labels to print: `copies` of each asset, in the order given (an id given twice
    prints twice as many)."""
    actor.require(Permission.VIEW_EQUIPMENT)
    ids = _asset_ids(asset_ids)
    n = v.integer(F_COPIES, copies, minimum=1, maximum=MAX_COPIES)
    if len(ids) * n > MAX_LABELS:
        raise ValidationError(
            F_COPIES,
            QT_TRANSLATE_NOOP("core", "{count} labels in one print is too many; at most {max}."),
            count=len(ids) * n,
            max=MAX_LABELS,
        )
    with services.db.read(actor) as s:
        found = {
            asset_id: Label(lines=(tag, name, outlet), barcode=tag, qr=tag)
            for asset_id, tag, name, outlet in s.execute(
                select(Asset.id, Asset.tag, Asset.name, Outlet.name)
                .join(Outlet, Outlet.id == Asset.outlet_id)
                .where(Asset.id.in_(sorted(set(ids))))
            ).tuples()
        }
    missing = sorted({asset_id for asset_id in ids if asset_id not in found})
    if len(missing) == 1:
        raise ValidationError(
            F_ASSET, QT_TRANSLATE_NOOP("core", "Asset {id} does not exist."), id=missing[0]
        )
    if missing:
        raise ValidationError(
            F_ASSET,
            QT_TRANSLATE_NOOP("core", "Assets {ids} do not exist."),
            ids=Items([*map(str, missing[:10]), *(["…"] if len(missing) > 10 else [])]),
        )
    return [found[asset_id] for asset_id in ids for _ in range(n)]


def asset_labels_pdf(
    services: Services,
    actor: Actor,
    asset_ids: Sequence[int],
    size: str | None = None,
    copies: int | str = 1,
    *,
    progress: Progress | None = None,
) -> bytes:
    """The labels as a PDF: one per page on "label-40x20" (default) or "label-62x29" ("40x20",
    "62x29" also accepted), or 24 to an A4 sheet ("a4")."""
    fmt = label_paper(size or DEFAULT_PAPER)
    labels = asset_labels(services, actor, asset_ids, copies)
    if progress is not None:
        progress.check()
    # reportlab loads only when something is printed, not when the window starts.
    from ..printing.render import render_labels_bytes

    return render_labels_bytes(labels, fmt, progress)


def _asset_ids(values: Sequence[int]) -> list[int]:
    if isinstance(values, str | bytes) or not isinstance(values, Sequence):
        values = ()
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(
                F_ASSET,
                QT_TRANSLATE_NOOP("core", "“{value}” is not an asset id."),
                value=str(value)[:40],
            )
    if not values:
        raise ValidationError(
            F_ASSET, QT_TRANSLATE_NOOP("core", "choose at least one asset to print labels for.")
        )
    return list(values)
