"""Stocktake (盘点): count a location's shelf and post the differences as STOCKTAKE movements.

Starting a count snapshots what the ledger expects of every part stocked or shelved there (the
parts with stock, a bin or a minimum level; optionally one category or one bin aisle). Counts
are entered by part or by scanning (a scan adds one, a typed number sets the count). The review
shows each difference valued at the average cost; posting writes every correction in one
transaction.

Stock that moves while the shelf is being counted: a count is only right if nothing moved
between the snapshot and the moment that part was counted, and the software cannot know when
a sheet was filled in. So a part that moved since its snapshot (a repair took one, a delivery
came in) is not guessed at: posting is refused, naming those parts, and a manager asks for them
to be recounted (`recount` takes a fresh snapshot of just those parts). Everything else posts
as counted - expected, which then equals counted - on hand: the stock never goes below zero.
Only one count may be open per location.

A count limited to some bins or one category covers only those parts: a part from elsewhere
(a unit lying on the wrong shelf) is refused, since its count would replace the stock of the
whole location and write off the units in its own bin.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Select, and_, func, insert, literal, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...models import (
    MovementKind,
    Outlet,
    Part,
    PartBarcode,
    PartStock,
    StockLocation,
    StockMovement,
    Stocktake,
    StocktakeLine,
    StocktakeStatus,
    utcnow,
)
from .. import validation as v
from ..audit import record
from ..auth import Actor, Permission
from ..changes import Changes
from ..database import Database
from ..errors import DomainError, Items, NotFound, StaleRecord, ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from ..numbering import next_number
from .ledger import place_name
from .stock import CENT, MAX_QUANTITY, stock_location, stock_row, write_movement

F_CATEGORY = QT_TRANSLATE_NOOP("core", "Category")
F_BIN_PREFIX = QT_TRANSLATE_NOOP("core", "Bin location")
F_NOTE = QT_TRANSLATE_NOOP("core", "Note")
F_REASON = QT_TRANSLATE_NOOP("core", "Reason")
F_COUNTED = QT_TRANSLATE_NOOP("core", "Counted")
F_PART = QT_TRANSLATE_NOOP("core", "Part")
SERIES = "stocktake"
SHOWN_IN_MESSAGE = 10  # parts named in a refusal; the review lists them all


@dataclass(frozen=True)
class StocktakeDTO:
    id: int
    number: str
    outlet_id: int
    outlet_code: str
    location_id: int
    location_code: str
    status: StocktakeStatus
    category: str
    bin_prefix: str
    note: str
    started_at: datetime
    started_by: str
    last_count_at: datetime | None
    closed_at: datetime | None
    closed_by: str
    cancel_reason: str
    lines: int
    counted_lines: int
    version: int


@dataclass(frozen=True)
class CountLine:
    """One part of a count as the review shows it."""

    part_id: int
    sku: str
    name: str
    unit: str
    bin: str
    expected: int  # what the ledger said at the snapshot
    counted: int | None  # None: not counted yet (not corrected when posting)
    on_hand: int  # what the ledger says now
    avg_cost: Decimal
    moved: bool  # an open count's part moved since its snapshot: recount before posting

    @property
    def difference(self) -> int | None:
        return None if self.counted is None else self.counted - self.expected

    @property
    def value(self) -> Decimal:
        """The difference at the average cost (negative for stock missing)."""
        diff = self.difference or 0
        return (self.avg_cost * diff).quantize(CENT)


@dataclass(frozen=True)
class CountReview:
    stocktake: StocktakeDTO
    lines: tuple[CountLine, ...]  # by bin, then SKU
    moved: tuple[int, ...]  # part ids to recount (moved since their snapshot)
    # counted part ids the count's filter does not cover (left by an older version): posting is
    # refused until a recount clears them
    outside: tuple[int, ...] = ()

    @property
    def counted(self) -> int:
        return sum(1 for line in self.lines if line.counted is not None)

    @property
    def not_counted(self) -> int:
        return len(self.lines) - self.counted

    @property
    def differences(self) -> int:
        return sum(1 for line in self.lines if line.difference)

    @property
    def value_found(self) -> Decimal:
        return sum((ln.value for ln in self.lines if ln.value > 0), Decimal("0.00"))

    @property
    def value_missing(self) -> Decimal:
        return sum((ln.value for ln in self.lines if ln.value < 0), Decimal("0.00"))

    @property
    def value_difference(self) -> Decimal:
        return self.value_found + self.value_missing


class StocktakeService:
    """Managers start, recount, post and cancel counts (they change stock); anyone who may see
    stock enters counts, as the clerk with the scanner walking the shelf usually does."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def start(
        self,
        actor: Actor,
        *,
        outlet_id: int | None = None,
        location_id: int | None = None,
        category: str = "",
        bin_prefix: str = "",
        note: str = "",
    ) -> tuple[StocktakeDTO, Changes]:
        """Open a count of a location (the outlet's main store unless a van or other room is
        named), with the expected quantities as they are now."""
        actor.require(Permission.MANAGE_STOCK)
        category = v.text(F_CATEGORY, category, max_len=60, required=False)
        bin_prefix = v.text(F_BIN_PREFIX, bin_prefix, max_len=40, required=False)
        note = v.text(F_NOTE, note, max_len=1000, required=False, multiline=True)
        with self._db.write(actor) as s:
            location = stock_location(s, actor, outlet_id, location_id)
            _refuse_second_open(s, location)
            shelf = _shelf(s, location, category, bin_prefix)
            if s.scalar(select(shelf.exists())) is not True:  # refused before a number is taken
                raise _nothing_to_count(s, location, category, bin_prefix)
            outlet = s.get(Outlet, location.outlet_id)
            assert outlet is not None
            take = Stocktake(
                number=next_number(s, outlet, SERIES, "ST"),
                location_id=location.id,
                status=StocktakeStatus.OPEN.value,
                category=category,
                bin_prefix=bin_prefix,
                note=note,
                started_at=utcnow(),
                started_by=actor.display_name or actor.username,
            )
            s.add(take)
            try:
                s.flush()
            except IntegrityError:  # another manager opened one at this moment
                raise _second_open(location) from None
            base = _last_movement_id(s)
            query = shelf.with_only_columns(
                literal(take.id),
                PartStock.part_id,
                PartStock.bin,
                PartStock.on_hand,
                literal(base),
                literal(""),
            )
            # One statement, however big the catalogue: the snapshot never leaves the database.
            s.execute(
                insert(StocktakeLine).from_select(
                    ["stocktake_id", "part_id", "bin", "expected", "base_movement_id",
                     "counted_by"],
                    query,
                )
            )  # fmt: skip
            record(
                s, actor, "start", "stocktake", take.id,
                after={"number": take.number, "location": location.id, "category": category,
                       "bin_prefix": bin_prefix},
            )  # fmt: skip
            return _dto(s, take), Changes(parts=True)

    def count(
        self,
        actor: Actor,
        stocktake_id: int,
        part: int | str,
        quantity: int | str | None = None,
    ) -> tuple[CountLine, Changes]:
        """Enter a count for a part (its id, or a scanned SKU or barcode): without a quantity a
        scan adds one to what was counted; a quantity sets the count. A part not in the snapshot
        (found on the shelf) joins the count with what the ledger says now, if the count covers
        it: a count of some bins or one category refuses a part kept elsewhere."""
        actor.require(Permission.VIEW_STOCK)
        qty = None
        if quantity is not None and str(quantity).strip() != "":
            qty = v.integer(F_COUNTED, quantity, minimum=0, maximum=MAX_QUANTITY)
        with self._db.write(actor) as s:
            take = _locked(s, stocktake_id, None)
            _require_open(take)
            found = _find_part(s, part)
            line = s.get(StocktakeLine, (take.id, found.id))
            if line is None:
                stock = s.get(PartStock, (found.id, take.location_id))
                # A count of some bins or one category must not take a part kept elsewhere:
                # its count would overwrite the stock of the whole location.
                outside = _outside(s, take, found, stock.bin if stock else "")
                if outside is not None:
                    raise outside
                line = StocktakeLine(
                    stocktake_id=take.id,
                    part_id=found.id,
                    bin=stock.bin if stock else "",
                    expected=stock.on_hand if stock else 0,
                    base_movement_id=_last_movement_id(s),
                )
                s.add(line)
            if qty is None:
                counted = (line.counted or 0) + 1
                if counted > MAX_QUANTITY:
                    raise ValidationError(
                        F_COUNTED,
                        QT_TRANSLATE_NOOP("core", "must be between {minimum} and {maximum}."),
                        minimum=0,
                        maximum=MAX_QUANTITY,
                    )
                line.counted = counted
            else:
                line.counted = qty
            line.counted_at = take.last_count_at = utcnow()
            line.counted_by = actor.display_name or actor.username
            s.flush()
            (counted_line,) = _count_lines(s, take, [found.id])
            return counted_line, Changes(parts=True)

    def recount(
        self, actor: Actor, stocktake_id: int, part_ids: Sequence[int]
    ) -> tuple[StocktakeDTO, Changes]:
        """Fresh snapshot of some parts (those that moved during the count): their counts are
        cleared and they are counted again against what the ledger says now."""
        actor.require(Permission.MANAGE_STOCK)
        with self._db.write(actor) as s:
            take = _locked(s, stocktake_id, None)
            _require_open(take)
            base = _last_movement_id(s)
            for part_id in sorted(set(part_ids)):
                line = s.get(StocktakeLine, (take.id, part_id))
                if line is None:
                    raise ValidationError(
                        F_PART,
                        QT_TRANSLATE_NOOP("core", "part {id} is not in count {number}."),
                        id=part_id,
                        number=take.number,
                    )
                stock = s.get(PartStock, (part_id, take.location_id))
                line.expected = stock.on_hand if stock else 0
                line.base_movement_id = base
                line.counted, line.counted_at, line.counted_by = None, None, ""
            take.last_count_at = utcnow()
            s.flush()
            record(
                s, actor, "recount", "stocktake", take.id, after={"parts": sorted(set(part_ids))}
            )
            return _dto(s, take), Changes(parts=True)

    def post(self, actor: Actor, stocktake_id: int, version: int) -> tuple[StocktakeDTO, Changes]:
        """Every counted difference becomes a STOCKTAKE movement, all in this one transaction;
        refused (nothing written) if a counted part moved since its snapshot, or if the count
        changed since the review it was posted from (`version`)."""
        actor.require(Permission.MANAGE_STOCK)
        with self._db.write(actor) as s:
            take = _locked(s, stocktake_id, version)
            _require_open(take)
            location = s.get(StockLocation, take.location_id)
            assert location is not None
            lines = list(
                s.scalars(
                    select(StocktakeLine)
                    .where(
                        StocktakeLine.stocktake_id == take.id, StocktakeLine.counted.is_not(None)
                    )
                    .order_by(StocktakeLine.part_id)  # one lock order for every writer
                )
            )
            if not lines:
                raise DomainError(
                    QT_TRANSLATE_NOOP("core", "Nothing was counted in {number}; nothing to post."),
                    number=take.number,
                )
            parts = {
                p.id: p
                for p in s.scalars(select(Part).where(Part.id.in_([ln.part_id for ln in lines])))
            }
            # Lines outside the filter come only from counts started before the filter was
            # enforced; posting them would write off stock kept in other bins, so nothing posts.
            outside = [
                f"{parts[ln.part_id].sku} ({ln.bin or '—'})"
                for ln in lines
                if _outside(s, take, parts[ln.part_id], ln.bin) is not None
            ]
            if outside:
                raise DomainError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "{count} counted part(s) are outside what {number} covers ({filter}): "
                        "{skus}. Nothing was posted: their counts would overwrite stock kept "
                        "elsewhere. Recount them (this clears their counts), then post again.",
                    ),
                    count=len(outside),
                    number=take.number,
                    filter=_filter_text(take),
                    skus=Items(
                        [
                            *outside[:SHOWN_IN_MESSAGE],
                            *(["…"] if len(outside) > SHOWN_IN_MESSAGE else []),
                        ]
                    ),
                )
            moved = []
            for line in lines:
                # Lock the stock row now, so nothing moves it between this check and the post.
                stock = stock_row(s, parts[line.part_id], location)
                if stock.on_hand != line.expected or _moved_since(s, line, location.id):
                    moved.append(parts[line.part_id].sku)
            if moved:
                raise DomainError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Stock of {count} counted part(s) moved after the count started: {skus}. "
                        "Nothing was posted; recount them, then post again.",
                    ),
                    count=len(moved),
                    skus=Items(
                        [
                            *moved[:SHOWN_IN_MESSAGE],
                            *(["…"] if len(moved) > SHOWN_IN_MESSAGE else []),
                        ]
                    ),
                )
            changed = 0
            for line in lines:
                assert line.counted is not None
                diff = line.counted - line.expected
                if diff:
                    write_movement(
                        s, actor, parts[line.part_id], location, MovementKind.STOCKTAKE, diff,
                        None, take.number, stocktake_id=take.id,
                    )  # fmt: skip
                    changed += 1
            take.status = StocktakeStatus.POSTED.value
            take.closed_at = utcnow()
            take.closed_by = actor.display_name or actor.username
            s.flush()
            record(
                s, actor, "post", "stocktake", take.id,
                after={"number": take.number, "counted": len(lines), "corrected": changed},
            )  # fmt: skip
            return _dto(s, take), Changes(parts=True)

    def cancel(
        self, actor: Actor, stocktake_id: int, version: int, reason: str = ""
    ) -> tuple[StocktakeDTO, Changes]:
        """Abandon an open count; its counts are kept for the record, nothing is posted."""
        actor.require(Permission.MANAGE_STOCK)
        reason = v.text(F_REASON, reason, max_len=500, required=False, multiline=True)
        with self._db.write(actor) as s:
            take = _locked(s, stocktake_id, version)
            _require_open(take)
            take.status = StocktakeStatus.CANCELLED.value
            take.closed_at = utcnow()
            take.closed_by = actor.display_name or actor.username
            take.cancel_reason = reason
            s.flush()
            record(s, actor, "cancel", "stocktake", take.id, after={"reason": reason})
            return _dto(s, take), Changes(parts=True)

    # ------------------------------------------------------------ reading

    def get(self, actor: Actor, stocktake_id: int) -> StocktakeDTO:
        actor.require(Permission.VIEW_STOCK)
        with self._db.read(actor) as s:
            return _dto(s, _stocktake(s, stocktake_id))

    def open_count(
        self, actor: Actor, outlet_id: int | None = None, *, location_id: int | None = None
    ) -> StocktakeDTO | None:
        """The count open at the location (the outlet's main store by default), if any."""
        actor.require(Permission.VIEW_STOCK)
        with self._db.read(actor) as s:
            location = stock_location(s, actor, outlet_id, location_id, writing=False)
            take = s.scalar(
                select(Stocktake).where(
                    Stocktake.location_id == location.id,
                    Stocktake.status == StocktakeStatus.OPEN.value,
                )
            )
            return _dto(s, take) if take else None

    def list(
        self,
        actor: Actor,
        outlet_id: int | None = None,
        limit: int = 200,
        *,
        location_id: int | None = None,
    ) -> list[StocktakeDTO]:
        actor.require(Permission.VIEW_STOCK)
        with self._db.read(actor) as s:
            location = stock_location(s, actor, outlet_id, location_id, writing=False)
            takes = list(
                s.scalars(
                    select(Stocktake)
                    .where(Stocktake.location_id == location.id)
                    .order_by(Stocktake.id.desc())
                    .limit(limit)
                )
            )
            return [_dto(s, t) for t in takes]

    def review(self, actor: Actor, stocktake_id: int) -> CountReview:
        """Every line with expected, counted, difference and its value at the average cost."""
        actor.require(Permission.VIEW_STOCK)
        with self._db.read(actor) as s:
            take = _stocktake(s, stocktake_id)
            lines = tuple(_count_lines(s, take, None))
            moved = tuple(
                ln.part_id
                for ln in lines
                if take.status == StocktakeStatus.OPEN.value and ln.counted is not None and ln.moved
            )
            outside: tuple[int, ...] = ()
            if take.status == StocktakeStatus.OPEN.value and (take.category or take.bin_prefix):
                counted = {ln.part_id: ln.bin for ln in lines if ln.counted is not None}
                parts = s.scalars(select(Part).where(Part.id.in_(counted)))
                outside = tuple(
                    sorted(p.id for p in parts if _outside(s, take, p, counted[p.id]) is not None)
                )
            return CountReview(_dto(s, take), lines, moved, outside)


# ---------------------------------------------------------------- helpers


def _count_lines(s: Session, take: Stocktake, part_ids: Sequence[int] | None) -> list[CountLine]:
    """Lines sorted as the shelf is walked: by bin (parts without a bin last), then SKU."""
    moved = (
        select(StockMovement.id)
        .where(
            StockMovement.part_id == StocktakeLine.part_id,
            StockMovement.location_id == take.location_id,
            StockMovement.id > StocktakeLine.base_movement_id,
        )
        .exists()
    )
    query = (
        select(
            StocktakeLine,
            Part.sku,
            Part.name,
            Part.unit,
            PartStock.on_hand,
            PartStock.avg_cost,
            Part.cost_price,
            moved,
        )
        .join(Part, Part.id == StocktakeLine.part_id)
        .outerjoin(
            PartStock,
            (PartStock.part_id == StocktakeLine.part_id)
            & (PartStock.location_id == take.location_id),
        )
        .where(StocktakeLine.stocktake_id == take.id)
    )
    if part_ids is not None:
        query = query.where(StocktakeLine.part_id.in_(part_ids))
    is_open = take.status == StocktakeStatus.OPEN.value
    rows = s.execute(query).tuples().all()  # fmt: skip
    lines = [
        CountLine(
            line.part_id,
            sku,
            name,
            unit,
            line.bin,
            line.expected,
            line.counted,
            on_hand if on_hand is not None else 0,
            avg_cost if avg_cost is not None else cost_price,
            is_open and (bool(has_moved) or (on_hand or 0) != line.expected),
        )  # fmt: skip
        for line, sku, name, unit, on_hand, avg_cost, cost_price, has_moved in rows
    ]
    lines.sort(key=lambda ln: (ln.bin == "", ln.bin.casefold(), ln.sku))
    return lines


def _shelf(
    s: Session, location: StockLocation, category: str, bin_prefix: str
) -> Select[tuple[int]]:
    """The parts a count of the location takes in: stocked or shelved there (stock, a bin or a
    minimum level), of the category and in the bins asked for. The category is matched without
    regard to case in Python (casefold): SQLite's lower() folds only ASCII letters, so "Écrans"
    typed as stored would match nothing there."""
    query = (
        select(PartStock.part_id)
        .join(Part, Part.id == PartStock.part_id)
        .where(
            PartStock.location_id == location.id,
            or_(
                PartStock.on_hand != 0,
                and_(Part.active, or_(PartStock.bin != "", PartStock.min_level > 0)),
            ),
        )
    )
    if category:
        wanted = category.casefold()
        spellings = [
            c for c in s.scalars(select(Part.category).distinct()) if c.casefold() == wanted
        ]
        query = query.where(Part.category.in_(spellings))
    if bin_prefix:
        query = query.where(PartStock.bin.startswith(bin_prefix, autoescape=True))
    return query


def _nothing_to_count(
    s: Session, location: StockLocation, category: str, bin_prefix: str
) -> DomainError:
    """A count that would have no line is not started: the refusal names the filter."""
    where = place_name(s, location)
    if category and bin_prefix:
        return ValidationError(
            F_CATEGORY,
            QT_TRANSLATE_NOOP(
                "core",
                "no part of “{category}” at {location} is in a bin starting with “{bin}”, so "
                "there is nothing to count. No count was started.",
            ),
            category=category,
            location=where,
            bin=bin_prefix,
        )
    if category:
        return ValidationError(
            F_CATEGORY,
            QT_TRANSLATE_NOOP(
                "core",
                "no part of “{category}” is stocked or shelved at {location}, so there is "
                "nothing to count. No count was started.",
            ),
            category=category,
            location=where,
        )
    if bin_prefix:
        return ValidationError(
            F_BIN_PREFIX,
            QT_TRANSLATE_NOOP(
                "core",
                "no part at {location} is in a bin starting with “{bin}”, so there is nothing "
                "to count. No count was started.",
            ),
            location=where,
            bin=bin_prefix,
        )
    return DomainError(
        QT_TRANSLATE_NOOP(
            "core",
            "No part is stocked or shelved at {location}, so there is nothing to count. No count "
            "was started.",
        ),
        location=where,
    )


def _filter_text(take: Stocktake) -> str:
    """The count's filter as data (“Screens”, “A-0…”), for messages."""
    return ", ".join(
        f"“{value}”"
        for value in (take.category, take.bin_prefix and take.bin_prefix + "…")
        if value
    )


def _outside(s: Session, take: Stocktake, part: Part, bin_location: str) -> DomainError | None:
    """Why a part may not be counted in (or posted from) a count limited by category or bins,
    or None when the count covers it. A count of a whole location covers every part."""
    location = s.get(StockLocation, take.location_id)
    assert location is not None
    where = place_name(s, location)
    if take.category and part.category.casefold() != take.category.casefold():
        return ValidationError(
            F_PART,
            QT_TRANSLATE_NOOP(
                "core",
                "{sku} is not in this count: its category is “{category}”, and the count "
                "covers only “{covered}”. Nothing was counted; count it in a count of its own "
                "category or of all of {location}.",
            ),
            sku=part.sku,
            category=part.category or "—",
            covered=take.category,
            location=where,
        )
    if take.bin_prefix and not bin_location.casefold().startswith(take.bin_prefix.casefold()):
        if not bin_location:
            return ValidationError(
                F_PART,
                QT_TRANSLATE_NOOP(
                    "core",
                    "{sku} is not in this count: it has no bin at {location}, and the count "
                    "covers only bins starting with {prefix}. Nothing was counted; count it in "
                    "a count of all of {location}.",
                ),
                sku=part.sku,
                location=where,
                prefix=take.bin_prefix,
            )
        return ValidationError(
            F_PART,
            QT_TRANSLATE_NOOP(
                "core",
                "{sku} is not in this count: its bin is {bin}, and the count covers only bins "
                "starting with {prefix}. Nothing was counted; count it in a count of its own "
                "bin or of all of {location}.",
            ),
            sku=part.sku,
            bin=bin_location,
            prefix=take.bin_prefix,
            location=where,
        )
    return None


def _last_movement_id(s: Session) -> int:
    return int(s.scalar(select(func.max(StockMovement.id))) or 0)


def _moved_since(s: Session, line: StocktakeLine, location_id: int) -> bool:
    """Movements in and out that cancel out still mean the count may be of another shelf."""
    return (
        s.scalar(
            select(StockMovement.id)
            .where(
                StockMovement.part_id == line.part_id,
                StockMovement.location_id == location_id,
                StockMovement.id > line.base_movement_id,
            )
            .limit(1)
        )
        is not None
    )


def _find_part(s: Session, part: int | str) -> Part:
    if isinstance(part, int) and not isinstance(part, bool):
        found = s.get(Part, part)
        if found is None:
            raise NotFound(QT_TRANSLATE_NOOP("core", "Part {id} does not exist."), id=part)
        return found
    # A code longer than any SKU or barcode is refused whole, never cut to one that may match.
    code = v.text(F_PART, part, max_len=60, required=False) if isinstance(part, str) else ""
    found = s.scalar(select(Part).where(Part.sku == code.upper())) if code else None
    if found is None and code:
        found = s.scalar(select(Part).join(PartBarcode).where(PartBarcode.code == code))
    if found is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("core", "No part has the SKU or barcode “{code}”."), code=code
        )
    return found


def _second_open(location: StockLocation) -> DomainError:
    return DomainError(
        QT_TRANSLATE_NOOP(
            "core",
            "A count of {location} is already open; post or cancel it before starting another.",
        ),
        location=location.name,
    )


def _refuse_second_open(s: Session, location: StockLocation) -> None:
    open_one = s.scalar(
        select(Stocktake.number).where(
            Stocktake.location_id == location.id, Stocktake.status == StocktakeStatus.OPEN.value
        )
    )
    if open_one is not None:
        raise _second_open(location)


def _stocktake(s: Session, stocktake_id: int) -> Stocktake:
    take = s.get(Stocktake, stocktake_id)
    if take is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "Count {id} does not exist."), id=stocktake_id)
    return take


def _locked(s: Session, stocktake_id: int, version: int | None) -> Stocktake:
    take = s.scalar(
        select(Stocktake)
        .where(Stocktake.id == stocktake_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if take is None:
        raise NotFound(QT_TRANSLATE_NOOP("core", "Count {id} does not exist."), id=stocktake_id)
    if version is not None and take.version != version:
        raise StaleRecord(
            QT_TRANSLATE_NOOP(
                "core",
                "Count {number} changed after you reviewed it (new counts, or posted). Nothing "
                "was done; review it again.",
            ),
            number=take.number,
        )
    return take


def _require_open(take: Stocktake) -> None:
    if take.status != StocktakeStatus.OPEN.value:
        raise DomainError(
            QT_TRANSLATE_NOOP("core", "Count {number} is closed (posted or cancelled)."),
            number=take.number,
        )


def _dto(s: Session, take: Stocktake) -> StocktakeDTO:
    location = s.get(StockLocation, take.location_id)
    assert location is not None
    outlet_code = s.scalar(select(Outlet.code).where(Outlet.id == location.outlet_id)) or ""
    total, counted = s.execute(
        select(func.count(), func.count(StocktakeLine.counted)).where(
            StocktakeLine.stocktake_id == take.id
        )
    ).one()
    return StocktakeDTO(
        take.id,
        take.number,
        location.outlet_id,
        outlet_code,
        location.id,
        location.code,
        StocktakeStatus(take.status),
        take.category,
        take.bin_prefix,
        take.note,
        take.started_at,
        take.started_by,
        take.last_count_at,
        take.closed_at,
        take.closed_by,
        take.cancel_reason,
        int(total),
        int(counted),
        take.version,
    )
