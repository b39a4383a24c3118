"""Stock between outlets (a transfer: in transit until the other outlet receives it) and between
the locations of one outlet (a move: received as it is sent), at the average cost it left with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import (
    MovementKind,
    Outlet,
    Part,
    StockLocation,
    StockTransfer,
    TransferStatus,
    utcnow,
)
from .. import validation as v
from ..auth import Actor, Permission
from ..changes import Changes
from ..database import Database
from ..errors import DomainError, NotFound, StaleRecord
from ..i18n import QT_TRANSLATE_NOOP
from .held import HELD_NOT_MOVED, HELD_NOT_SENT, leave_held
from .ledger import (
    F_REASON,
    StockLevel,
    _part,
    _quantity,
    main_location,
    stock_location,
    stock_row,
    write_movement,
)


@dataclass(frozen=True)
class TransferDTO:
    id: int
    part_id: int
    sku: str
    from_outlet: str
    to_outlet: str
    quantity: int
    unit_cost: Decimal
    status: TransferStatus
    sent_at: datetime
    sent_by: str
    received_at: datetime | None
    received_by: str
    note: str
    version: int


class StockTransfers:
    """StockService's transfers: between outlets (in transit until received) and between the
    locations of one outlet (moved at once)."""

    _db: Database

    # ------------------------------------------------------------ transfers between outlets

    def send_transfer(
        self,
        actor: Actor,
        part_id: int,
        quantity: int | str,
        to_outlet_id: int,
        *,
        from_outlet_id: int | None = None,
        from_location_id: int | None = None,
        note: str = "",
    ) -> tuple[TransferDTO, Changes]:
        """Parts leave the sender's shelf now (refused when short, and for what orders awaiting
        parts there hold) and are in transit until the other outlet receives them."""
        actor.require(Permission.MANAGE_STOCK)
        qty = _quantity(quantity)
        note = v.text(F_REASON, note, max_len=500, required=False, multiline=True)
        with self._db.write(actor) as s:
            part = _part(s, part_id)
            source = stock_location(s, actor, from_outlet_id, from_location_id)
            target = main_location(s, actor, to_outlet_id)
            if source.outlet_id == target.outlet_id:
                raise DomainError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "A transfer goes to another outlet; to move stock between the locations "
                        "of one outlet, use Move.",
                    )
                )
            leave_held(s, part, source, qty, HELD_NOT_SENT)
            transfer = StockTransfer(
                part_id=part.id,
                from_location_id=source.id,
                to_location_id=target.id,
                quantity=qty,
                unit_cost=Decimal("0.00"),
                sent_at=utcnow(),
                sent_by=actor.display_name or actor.username,
                note=note,
            )
            s.add(transfer)
            s.flush()
            level = write_movement(
                s, actor, part, source, MovementKind.TRANSFER_OUT, -qty, None, note,
                transfer_id=transfer.id,
            )  # fmt: skip
            transfer.unit_cost = level.avg_cost  # it travels at the sender's average cost
            s.flush()
            return _transfer_dto(s, transfer), Changes(parts=True)

    def receive_transfer(
        self, actor: Actor, transfer_id: int, version: int
    ) -> tuple[TransferDTO, Changes]:
        """The other end books the parts in, at the cost they left with."""
        actor.require(Permission.MANAGE_STOCK)
        with self._db.write(actor) as s:
            transfer = s.scalar(
                select(StockTransfer).where(StockTransfer.id == transfer_id).with_for_update()
            )
            if transfer is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP("core", "Transfer {id} does not exist."), id=transfer_id
                )
            if transfer.version != version or transfer.status != TransferStatus.IN_TRANSIT.value:
                raise StaleRecord(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Transfer {id} was received or changed by someone else; nothing was "
                        "booked twice.",
                    ),
                    id=transfer_id,
                )
            target = s.get(StockLocation, transfer.to_location_id)
            assert target is not None
            write_movement(
                s, actor, _part(s, transfer.part_id), target, MovementKind.TRANSFER_IN,
                transfer.quantity, transfer.unit_cost, transfer.note, transfer_id=transfer.id,
            )  # fmt: skip
            transfer.status = TransferStatus.RECEIVED.value
            transfer.received_at = utcnow()
            transfer.received_by = actor.display_name or actor.username
            s.flush()
            return _transfer_dto(s, transfer), Changes(parts=True)

    def move(
        self,
        actor: Actor,
        part_id: int,
        quantity: int | str,
        from_location_id: int,
        to_location_id: int,
        note: str = "",
    ) -> tuple[tuple[StockLevel, StockLevel], Changes]:
        """Between two locations of one outlet (main store to van and back): out of one and into
        the other at once, at the average cost it left with, recorded as a transfer that is
        received as it is sent. What orders awaiting parts hold at the source stays there."""
        actor.require(Permission.MANAGE_STOCK)
        qty = _quantity(quantity)
        note = v.text(F_REASON, note, max_len=500, required=False, multiline=True)
        with self._db.write(actor) as s:
            part = _part(s, part_id)
            source = stock_location(s, actor, None, from_location_id)
            target = stock_location(s, actor, source.outlet_id, to_location_id)
            if source.id == target.id:
                raise DomainError(
                    QT_TRANSLATE_NOOP("core", "Choose another location to move the stock to.")
                )
            for location in sorted((source, target), key=lambda loc: loc.id):  # one lock order
                stock_row(s, part, location)
            leave_held(s, part, source, qty, HELD_NOT_MOVED)
            now, by = utcnow(), actor.display_name or actor.username
            transfer = StockTransfer(
                part_id=part.id,
                from_location_id=source.id,
                to_location_id=target.id,
                quantity=qty,
                unit_cost=Decimal("0.00"),
                status=TransferStatus.RECEIVED.value,
                sent_at=now,
                sent_by=by,
                received_at=now,
                received_by=by,
                note=note,
            )
            s.add(transfer)
            s.flush()
            out = write_movement(
                s, actor, part, source, MovementKind.TRANSFER_OUT, -qty, None, note,
                transfer_id=transfer.id,
            )  # fmt: skip
            transfer.unit_cost = out.avg_cost
            moved_in = write_movement(
                s, actor, part, target, MovementKind.TRANSFER_IN, qty, out.avg_cost, note,
                transfer_id=transfer.id,
            )  # fmt: skip
            return (out, moved_in), Changes(parts=True)

    def in_transit(self, actor: Actor, to_outlet_id: int | None = None) -> list[TransferDTO]:
        """Transfers sent and not yet received (to one outlet, or anywhere), oldest first."""
        actor.require(Permission.VIEW_STOCK)
        with self._db.read(actor) as s:
            query = select(StockTransfer).where(
                StockTransfer.status == TransferStatus.IN_TRANSIT.value
            )
            if to_outlet_id is not None:
                query = query.where(
                    StockTransfer.to_location_id == main_location(s, actor, to_outlet_id).id
                )
            transfers = list(s.scalars(query.order_by(StockTransfer.sent_at, StockTransfer.id)))
            return [_transfer_dto(s, t) for t in transfers]


def _transfer_dto(s: Session, t: StockTransfer) -> TransferDTO:
    def outlet_code(location_id: int) -> str:
        return (
            s.scalar(
                select(Outlet.code)
                .join(StockLocation, StockLocation.outlet_id == Outlet.id)
                .where(StockLocation.id == location_id)
            )
            or ""
        )

    return TransferDTO(
        t.id,
        t.part_id,
        s.scalar(select(Part.sku).where(Part.id == t.part_id)) or "",
        outlet_code(t.from_location_id),
        outlet_code(t.to_location_id),
        t.quantity,
        t.unit_cost,
        TransferStatus(t.status),
        t.sent_at,
        t.sent_by,
        t.received_at,
        t.received_by,
        t.note,
        t.version,
    )
