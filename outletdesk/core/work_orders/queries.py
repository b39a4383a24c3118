"""The work-order list: filter, sort and search in SQL, ids first, rows by the page.

The list stays fast at a million orders because every filter is served by an index and text
search by the full-text index the migration made (SQLite FTS5 trigram; PostgreSQL pg_trgm).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from functools import cache
from typing import Any, NamedTuple, cast

from sqlalchemy import (
    ARRAY,
    JSON,
    ColumnElement,
    Integer,
    Select,
    and_,
    any_,
    bindparam,
    case,
    func,
    literal_column,
    or_,
    select,
    text,
)

from ...models import (
    Customer,
    Device,
    Outlet,
    StockLocation,
    User,
    WorkOrder,
    WorkOrderStatus,
    utcnow,
)
from .. import phones
from ..auth import Actor, Permission
from ..database import Database
from ..parts.reservations import MAIN, ready_orders
from .rules import OPEN, device_label

MAX_QUERY_LENGTH = 100
# Statuses in lifecycle order: sorting by status follows the counter's day, not the alphabet.
STATUS_ORDER = tuple(WorkOrderStatus)
_NUMBER_LIKE = re.compile(r"[^\s-]+-\d*")
# A whole work-order number as printed on receipts and labels (N-000123): typed or scanned, it
# finds that order whatever the list's other filters (a delivered order back under warranty).
_ORDER_NUMBER = re.compile(r"[A-Za-z0-9]{1,10}-\d{3,}")


def looks_like_order_number(code: str) -> bool:
    """A work-order number as printed on receipts and labels, e.g. N-000123."""
    return bool(_ORDER_NUMBER.fullmatch(code.strip()))


class SortKey(enum.StrEnum):
    """The list's columns, each sortable both ways (the id breaks ties)."""

    NUMBER = "number"
    RECEIVED = "received"
    CUSTOMER = "customer"
    PHONE = "phone"
    DEVICE = "device"
    STATUS = "status"
    PRIORITY = "priority"
    TECHNICIAN = "technician"
    NEXT_DUE = "next_due"
    TOTAL = "total"


@dataclass(frozen=True)
class WorkOrderFilter:
    """What the list shows; every field combines with every other (all must hold)."""

    text: str = ""
    statuses: tuple[WorkOrderStatus, ...] = ()
    technician_id: int | None = None
    outlet_id: int | None = None
    received_from: date | None = None  # local dates, both inclusive
    received_to: date | None = None
    overdue: bool = False  # the next deadline has passed
    due_today: bool = False  # the next deadline falls on today's local date
    sort: SortKey = SortKey.RECEIVED
    descending: bool = True


class WorkOrderRow(NamedTuple):
    """One line of the list, with everything its columns show (no lazy loading on the UI thread).

    An immutable named tuple rather than a frozen dataclass: the list builds one per row, a page
    at a time, and a tuple is built five times faster.
    """

    id: int
    number: str
    received_at: datetime
    customer_name: str
    customer_phone: str
    device: str
    status: WorkOrderStatus
    priority: str
    technician: str
    outlet_code: str
    total: Decimal
    next_due_at: datetime | None
    next_due_kind: str | None


_ROW_COLUMNS = (
    WorkOrder.id,
    WorkOrder.number,
    WorkOrder.received_at,
    Customer.name,
    WorkOrder.customer_phone,
    Device.brand,
    Device.model,
    Device.device_type,
    WorkOrder.status,
    WorkOrder.priority,
    User.display_name,
    Outlet.code,
    WorkOrder.total,
    WorkOrder.next_due_at,
    WorkOrder.next_due_kind,
)
_STATUSES = {s.value: s for s in WorkOrderStatus}


@cache
def _rows_query(dialect: str) -> Select[Any]:
    """The page query, built once: the list runs it for every page it shows.

    The page's ids go as one parameter (a JSON array on SQLite, an array on PostgreSQL), not
    as one parameter each: expanding 200 of them cost more than the query itself.
    """
    wanted: ColumnElement[bool]
    if dialect == "sqlite":
        listed = func.json_each(bindparam("ids", type_=JSON)).table_valued("value")
        wanted = WorkOrder.id.in_(select(listed.c.value))
    else:
        wanted = WorkOrder.id == any_(bindparam("ids", type_=ARRAY(Integer)))
    return (
        select(*_ROW_COLUMNS)
        .join(Customer, Customer.id == WorkOrder.customer_id)
        .join(Device, Device.id == WorkOrder.device_id)
        .join(Outlet, Outlet.id == WorkOrder.outlet_id)
        .outerjoin(User, User.id == WorkOrder.technician_id)
        .where(wanted)
    )


def _escape_like(fragment: str) -> str:
    return fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fts_phrase(term: str) -> str:
    """An FTS5 string literal: operators, stars and brackets inside quotes are plain text."""
    return '"' + term.replace('"', '""') + '"'


def search_terms(query: str) -> list[str]:
    """The case-folded words to find; a phone number typed with spaces or dashes is one word."""
    cleaned = " ".join(query.split())[:MAX_QUERY_LENGTH]
    if not cleaned:
        return []
    digits = phones.search_digits(cleaned)  # "+86 139…": 13912345678 and "+8613912345678"
    if phones.TYPED.fullmatch(cleaned) and len(digits) >= 3:
        return [digits]
    return [cleaned.casefold()] if len(cleaned) < 3 else cleaned.casefold().split()


class WorkOrderQueries:
    """Counts, ordered ids and page rows of the work-order list for one filter."""

    def __init__(
        self,
        db: Database,
        *,
        now: Callable[[], datetime] = utcnow,
        local_zone: tzinfo | None = None,
    ) -> None:
        self._db = db
        self._now = now
        self._zone = local_zone  # None: this computer's zone

    def count(self, actor: Actor, f: WorkOrderFilter) -> int:
        actor.require(Permission.VIEW_WORK_ORDERS)
        stmt = self._where(select(func.count()).select_from(WorkOrder), f)
        with self._db.read_rows(actor) as conn:
            return int(conn.scalar(stmt) or 0)

    def more_in_other_statuses(self, actor: Actor, f: WorkOrderFilter) -> int:
        """How many orders match the search text and the other filters but are left out by the
        status filter: a clerk looking up a customer's earlier, delivered job among the open
        ones is told it is there. 0 without search text or status filter (nothing is hidden by
        it then) and nothing is counted: browsing the open orders costs no extra query."""
        actor.require(Permission.VIEW_WORK_ORDERS)
        if not f.statuses or not f.text.strip():
            return 0
        every_status = self._where(
            select(func.count()).select_from(WorkOrder), replace(f, statuses=())
        )
        # Every status less those shown, not the other statuses counted: a typed order number
        # is shown whatever its status, and would be counted again among the others.
        shown = self._where(select(func.count()).select_from(WorkOrder), f)
        with self._db.read_rows(actor) as conn:
            return max(int(conn.scalar(every_status) or 0) - int(conn.scalar(shown) or 0), 0)

    def ids(
        self, actor: Actor, f: WorkOrderFilter, *, offset: int = 0, limit: int | None = None
    ) -> list[int]:
        """Ids in the filter's sort order; all of them when `limit` is None.

        Offset paging serves a jump to any row before all ids are known; the list then loads
        every id once (one sort in SQL) and slices.
        """
        actor.require(Permission.VIEW_WORK_ORDERS)
        stmt = self._ordered(self._where(select(WorkOrder.id), f), f)
        if offset:
            stmt = stmt.offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._db.read_rows(actor) as conn:
            return list(conn.scalars(stmt))

    def rows(self, actor: Actor, ids: Sequence[int]) -> list[WorkOrderRow]:
        """The rows for these ids, in the same order; ids deleted meanwhile are left out."""
        actor.require(Permission.VIEW_WORK_ORDERS)
        if not ids:
            return []
        with self._db.read_rows(actor) as conn:
            found = {
                id_: WorkOrderRow(
                    id_,
                    number,
                    received_at,
                    customer,
                    phone,
                    device_label(brand, model, device_type),
                    _STATUSES[status],
                    priority,
                    technician or "",
                    outlet,
                    total,
                    next_due_at,
                    next_due_kind,
                )
                for (
                    id_,
                    number,
                    received_at,
                    customer,
                    phone,
                    brand,
                    model,
                    device_type,
                    status,
                    priority,
                    technician,
                    outlet,
                    total,
                    next_due_at,
                    next_due_kind,
                ) in conn.execute(_rows_query(self._db.kind), {"ids": list(ids)}).all()
            }
        return [found[i] for i in ids if i in found]

    def orders_ready_to_continue(self, actor: Actor, outlet_id: int | None) -> list[int]:
        """Orders awaiting parts whose parts have all come in (held for them on the shelf),
        oldest waiting first: the Counter's "ready to continue". All outlets when None."""
        actor.require(Permission.VIEW_WORK_ORDERS)
        with self._db.read(actor) as s:
            location = None
            if outlet_id is not None:
                location = s.scalar(
                    select(StockLocation.id).where(
                        StockLocation.outlet_id == outlet_id, StockLocation.code == MAIN
                    )
                )
                if location is None:
                    return []
            return [w.work_order_id for w in ready_orders(s, location)]

    def count_ready_to_continue(self, actor: Actor, outlet_id: int | None) -> int:
        return len(self.orders_ready_to_continue(actor, outlet_id))

    # ------------------------------------------------------------ SQL

    def _local_midnight(self, day: date) -> datetime:
        start = datetime.combine(day, time.min)
        return start.replace(tzinfo=self._zone) if self._zone else start.astimezone()

    def _where(self, stmt: Select[tuple[int]], f: WorkOrderFilter) -> Select[tuple[int]]:
        conditions: list[ColumnElement[bool]] = []
        if f.statuses:
            status: ColumnElement[bool] = WorkOrder.status.in_(
                [WorkOrderStatus(x).value for x in f.statuses]
            )
            if self._db.kind == "sqlite" and all(WorkOrderStatus(x) in OPEN for x in f.statuses):
                # Jobs still open are a small share of an outlet's history. SQLite keeps no
                # statistics of values, so it would walk the received-date index to skip a sort
                # (0.4 s at a million orders); told they are rare it takes the status index and
                # sorts the few (2 ms). PostgreSQL's statistics already know.
                # Untyped: a Boolean-typed function would be rendered "likelihood(...) = 1",
                # which no index serves.
                status = cast(ColumnElement[bool], func.likelihood(status, literal_column("0.01")))
            conditions.append(status)
        if f.technician_id is not None:
            conditions.append(WorkOrder.technician_id == f.technician_id)
        if f.outlet_id is not None:
            conditions.append(WorkOrder.outlet_id == f.outlet_id)
        if f.received_from is not None:
            conditions.append(WorkOrder.received_at >= self._local_midnight(f.received_from))
        if f.received_to is not None:
            end = self._local_midnight(f.received_to + timedelta(days=1))
            conditions.append(WorkOrder.received_at < end)
        now = self._now()
        if f.overdue:
            conditions.append(WorkOrder.next_due_at < now)
        if f.due_today:
            today = now.astimezone(self._zone).date() if self._zone else now.astimezone().date()
            conditions.append(WorkOrder.next_due_at >= self._local_midnight(today))
            conditions.append(
                WorkOrder.next_due_at < self._local_midnight(today + timedelta(days=1))
            )
        found = self._text_condition(f.text)
        if found is None:
            return stmt.where(and_(*conditions)) if conditions else stmt
        typed = f.text.strip()
        if conditions and looks_like_order_number(typed):
            # The order itself passes every filter; other matches of the text still obey them.
            exact_number = WorkOrder.number.in_({typed, typed.upper()})
            return stmt.where(found, or_(and_(*conditions), exact_number))
        return stmt.where(found, *conditions)

    def _text_condition(self, query: str) -> ColumnElement[bool] | None:
        """Number, phone, serial, IMEI, name or model; 1-2 characters: a name prefix or a number."""
        terms = search_terms(query)
        if not terms:
            return None
        typed = query.strip()
        exact_number = WorkOrder.number.in_({typed, typed.upper()})
        if len(terms) == 1 and len(terms[0]) < 3:
            prefix = terms[0]
            if self._db.kind == "sqlite":
                # A range on the index; LIKE would not use it (SQLite's LIKE ignores ASCII case).
                by_name = and_(
                    WorkOrder.customer_name_key >= prefix,
                    WorkOrder.customer_name_key < prefix + "\U0010ffff",
                )
            else:
                by_name = WorkOrder.customer_name_key.like(_escape_like(prefix) + "%", escape="\\")
            if len(prefix) == 2 and _is_cjk(prefix):
                # A Chinese given name (秀英 in 李秀英) is two characters inside the full name:
                # look through the customers (tens of thousands, not the million orders), then
                # take their orders by the customer index.
                named = select(Customer.id).where(
                    Customer.name_key.like(f"%{_escape_like(prefix)}%", escape="\\")
                )
                by_name = or_(by_name, WorkOrder.customer_id.in_(named))
            return or_(by_name, exact_number)
        long_terms = [t for t in terms if len(t) >= 3]
        short_terms = [t for t in terms if len(t) < 3]
        if not long_terms:  # "ab cd": the whole phrase, spaces included, is long enough
            long_terms, short_terms = [" ".join(terms)], []
        conditions: list[ColumnElement[bool]] = []
        if self._db.kind == "sqlite":
            match = " ".join(_fts_phrase(t) for t in long_terms)
            conditions.append(
                WorkOrder.id.in_(
                    select(literal_column("rowid"))
                    .select_from(text("work_orders_fts"))
                    .where(text("work_orders_fts MATCH :fts_query").bindparams(fts_query=match))
                )
            )
        else:
            conditions.extend(
                WorkOrder.search_text.ilike(f"%{_escape_like(t)}%", escape="\\") for t in long_terms
            )
        conditions.extend(
            WorkOrder.search_text.like(f"%{_escape_like(t)}%", escape="\\") for t in short_terms
        )
        return and_(*conditions)

    @staticmethod
    def _ordered(stmt: Select[tuple[int]], f: WorkOrderFilter) -> Select[tuple[int]]:
        key = SortKey(f.sort)
        order: list[Any] = []
        typed = " ".join(f.text.split()).casefold()
        if _NUMBER_LIKE.fullmatch(typed):
            # An order number (or the start of one) typed or scanned: that order comes first.
            number = func.lower(WorkOrder.number)
            order.append(
                case(
                    (number == typed, 0),
                    (number.like(_escape_like(typed) + "%", escape="\\"), 1),
                    else_=2,
                )
            )
        column: Any
        if key is SortKey.TECHNICIAN:
            stmt = stmt.outerjoin(User, User.id == WorkOrder.technician_id)
            column = func.coalesce(User.display_name, "")
        elif key is SortKey.STATUS:
            column = case(
                {s.value: i for i, s in enumerate(STATUS_ORDER)}, value=WorkOrder.status, else_=99
            )
        elif key is SortKey.NEXT_DUE:
            # Orders with nothing due go last both ways: they need no attention.
            order.append(case((WorkOrder.next_due_at.is_(None), 1), else_=0))
            column = WorkOrder.next_due_at
        else:
            column = {
                SortKey.NUMBER: WorkOrder.number,
                SortKey.RECEIVED: WorkOrder.received_at,
                SortKey.CUSTOMER: WorkOrder.customer_name_key,
                SortKey.PHONE: WorkOrder.customer_phone,
                SortKey.DEVICE: WorkOrder.device_model_key,
                SortKey.PRIORITY: WorkOrder.priority,
                SortKey.TOTAL: WorkOrder.total,
            }[key]
        if f.descending:
            order += [column.desc(), WorkOrder.id.desc()]
        else:
            order += [column.asc(), WorkOrder.id.asc()]
        return stmt.order_by(*order)


def _is_cjk(text: str) -> bool:
    """Chinese, Japanese or Korean script (names written without spaces between parts)."""
    return any("\u2e80" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in text)
