"""Spare parts (备件) and their stock: catalogue, suppliers, stock per location, the movement ledger.

On-hand is what the ledger says. `PartStock.on_hand` is a cache kept in the same transaction as
every movement (and never below zero: a CHECK constraint backs the service's rule); the stock
check command proves the two agree. Movements are append-only (the database refuses changes).
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Money, UTCDateTime, utcnow


class MovementKind(enum.StrEnum):
    RECEIVE = "receive"  # from a supplier, with unit cost
    ISSUE = "issue"  # to a work order
    RETURN = "return"  # back from a work order
    ADJUST = "adjust"  # a correction with a reason
    TRANSFER_OUT = "transfer_out"
    TRANSFER_IN = "transfer_in"
    STOCKTAKE = "stocktake"  # a counted difference posted
    SCRAP = "scrap"


class Supplier(Base):
    __tablename__ = "suppliers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    contact: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    lead_time_days: Mapped[int] = mapped_column(Integer, default=7)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class Part(Base):
    __tablename__ = "parts"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), index=True)  # for search and sort
    category: Mapped[str] = mapped_column(String(60), default="")
    unit: Mapped[str] = mapped_column(String(12), default="pcs")
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"), default=None)
    cost_price: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    sale_price: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class PartBarcode(Base):
    """A part may carry several barcodes (maker's EAN, our own label); each names one part."""

    __tablename__ = "part_barcodes"

    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id", ondelete="CASCADE"), index=True)


class PartModel(Base):
    """A device model the part fits ("which parts fit an iPhone 12?")."""

    __tablename__ = "part_models"

    part_id: Mapped[int] = mapped_column(
        ForeignKey("parts.id", ondelete="CASCADE"), primary_key=True
    )
    model_key: Mapped[str] = mapped_column(String(80), primary_key=True, index=True)
    model: Mapped[str] = mapped_column(String(80))


class StockLocation(Base):
    """Where stock is kept: each outlet has its main store; a van or second room may be added."""

    __tablename__ = "stock_locations"

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (UniqueConstraint("outlet_id", "code"),)


class PartStock(Base):
    """A part at a location: the cached on-hand, its weighted average cost, shelf and reorder."""

    __tablename__ = "part_stock"

    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"), primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"), primary_key=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    avg_cost: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0.00"))
    bin: Mapped[str] = mapped_column(String(40), default="")
    min_level: Mapped[int] = mapped_column(Integer, default=0)
    reorder_qty: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        CheckConstraint("on_hand >= 0", name="on_hand_not_negative"),
        Index("ix_part_stock_location", "location_id", "part_id"),
    )


class StockMovement(Base):
    """One change of stock: who, when, why, how many (signed), at what cost, from what source."""

    __tablename__ = "stock_movements"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    username: Mapped[str] = mapped_column(String(120))
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"))
    location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    kind: Mapped[str] = mapped_column(String(16))
    quantity: Mapped[int] = mapped_column(Integer)  # + in, - out
    unit_cost: Mapped[Decimal] = mapped_column(Money())
    balance: Mapped[int] = mapped_column(Integer)  # on hand at the location after this movement
    reason: Mapped[str] = mapped_column(Text, default="")
    work_order_id: Mapped[int | None] = mapped_column(ForeignKey("work_orders.id"), default=None)
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"), default=None)
    transfer_id: Mapped[int | None] = mapped_column(Integer, default=None)
    purchase_order_id: Mapped[int | None] = mapped_column(
        ForeignKey("purchase_orders.id"), default=None
    )
    stocktake_id: Mapped[int | None] = mapped_column(ForeignKey("stocktakes.id"), default=None)
    # Parts used on equipment upkeep (models/equipment.py).
    maintenance_record_id: Mapped[int | None] = mapped_column(
        ForeignKey("maintenance_records.id"), default=None
    )

    __table_args__ = (
        Index("ix_stock_movements_part_location", "part_id", "location_id", "id"),
        Index("ix_stock_movements_at", "at"),
        Index("ix_stock_movements_work_order", "work_order_id"),
        Index("ix_stock_movements_purchase_order", "purchase_order_id"),
        Index("ix_stock_movements_stocktake", "stocktake_id"),
        Index("ix_stock_movements_maintenance_record", "maintenance_record_id"),
    )


class TransferStatus(enum.StrEnum):
    IN_TRANSIT = "in_transit"
    RECEIVED = "received"


class StockTransfer(Base):
    """Parts sent from one location to another: out of the sender's stock when sent, in transit
    until the other end receives them (then into its stock at the cost they left with)."""

    __tablename__ = "stock_transfers"

    id: Mapped[int] = mapped_column(primary_key=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"))
    from_location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    to_location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_cost: Mapped[Decimal] = mapped_column(Money())
    status: Mapped[str] = mapped_column(String(12), default=TransferStatus.IN_TRANSIT.value)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_by: Mapped[str] = mapped_column(String(120))
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    received_by: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        Index("ix_stock_transfers_status", "status", "to_location_id"),
    )


class PurchaseOrderStatus(enum.StrEnum):
    DRAFT = "draft"
    ORDERED = "ordered"
    PARTLY_RECEIVED = "partly_received"
    RECEIVED = "received"
    CANCELLED = "cancelled"


class PurchaseOrder(Base):
    """An order to one supplier for one outlet's store (采购单): drafted, placed, received in one
    or more deliveries. The number is never reused (NumberSequence, series "purchase_order")."""

    __tablename__ = "purchase_orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id"))
    location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=PurchaseOrderStatus.DRAFT.value)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(120))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    ordered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    ordered_by: Mapped[str] = mapped_column(String(120), default="")
    expected_on: Mapped[date | None] = mapped_column(Date, default=None)  # local date
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_purchase_orders_status", "status", "location_id"),)


class PurchaseOrderLine(Base):
    """A part on a purchase order (one line per part): ordered, received so far, at what cost."""

    __tablename__ = "purchase_order_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    purchase_order_id: Mapped[int] = mapped_column(
        ForeignKey("purchase_orders.id", ondelete="CASCADE")
    )
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    unit_cost: Mapped[Decimal] = mapped_column(Money())
    received: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        UniqueConstraint("purchase_order_id", "part_id"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        # Over-receiving is refused by the service; the database backs the rule.
        CheckConstraint("received >= 0 AND received <= quantity", name="received_in_range"),
    )


class StocktakeStatus(enum.StrEnum):
    OPEN = "open"
    POSTED = "posted"
    CANCELLED = "cancelled"


class Stocktake(Base):
    """A count of one location's shelf (盘点): expected quantities snapshotted when it starts,
    counts entered, differences posted as STOCKTAKE movements in one transaction."""

    __tablename__ = "stocktakes"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("stock_locations.id"))
    status: Mapped[str] = mapped_column(String(12), default=StocktakeStatus.OPEN.value)
    category: Mapped[str] = mapped_column(String(60), default="")  # filter used at the start
    bin_prefix: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    started_by: Mapped[str] = mapped_column(String(120))
    last_count_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    closed_by: Mapped[str] = mapped_column(String(120), default="")
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    # Only one open count per location, also when two managers start one at once: the partial
    # unique index ix_stocktakes_one_open (migration 0008; migrations make the schema). It is not
    # declared here because its sqlite_where/postgresql_where options make SQLAlchemy import both
    # dialects at every start, about 50 ms of the window's start-up for a dialect not in use.


class StocktakeLine(Base):
    """One part in a count: what the ledger said (`expected`, as of movement `base_movement_id`)
    and what was counted (None until counted)."""

    __tablename__ = "stocktake_lines"

    stocktake_id: Mapped[int] = mapped_column(
        ForeignKey("stocktakes.id", ondelete="CASCADE"), primary_key=True
    )
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"), primary_key=True)
    bin: Mapped[str] = mapped_column(String(40), default="")
    expected: Mapped[int] = mapped_column(Integer)
    base_movement_id: Mapped[int] = mapped_column(Integer, default=0)
    counted: Mapped[int | None] = mapped_column(Integer, default=None)
    counted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    counted_by: Mapped[str] = mapped_column(String(120), default="")

    __table_args__ = (CheckConstraint("counted >= 0", name="counted_not_negative"),)
