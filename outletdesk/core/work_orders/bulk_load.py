"""Many rows in one guarded transaction: the writer behind the demo work orders.

Everything happens in one write transaction, so an intake meanwhile waits for it instead of
colliding (on SQLite it gives up after the busy timeout, with the usual "database busy"
message), and a failure, a cancel or a killed process leaves the database as it was:

- ids and numbers are taken under the writer's lock (SQLite's BEGIN IMMEDIATE; on PostgreSQL
  the tables are locked against other writers, readers go on);
- on SQLite the secondary indexes and the search-index trigger are dropped for the load and
  built again before the commit (DDL is transactional there, so a rollback brings them back);
  the full-text index gets each batch of orders in one statement (`fill_search`);
- rows go to the driver as tuples in storage form: `executemany` on SQLite, COPY on PostgreSQL.

Values are given as SQLite stores them: text times in UTC ("YYYY-MM-DD HH:MM:SS.ffffff"),
money as integer cents. On PostgreSQL the transaction's time zone is UTC, so the same text is
read as UTC, and cents become Decimal for the Money columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, column, insert, table, text, update
from sqlalchemy.orm import Session

from ...models import (
    Device,
    FollowUp,
    NumberSequence,
    Payment,
    WorkOrder,
    WorkOrderEvent,
    WorkOrderLine,
)
from ...models.base import Money
from ..database import Database, dialect_insert

# Written in this order (each row's foreign keys point to rows already written).
MODELS: tuple[Any, ...] = (Device, WorkOrder, WorkOrderLine, WorkOrderEvent, Payment, FollowUp)
# Tables whose ids the caller gives; follow-ups take the database's own.
ID_MODELS: tuple[Any, ...] = (Device, WorkOrder, WorkOrderLine, WorkOrderEvent, Payment)
FTS_TABLE = "work_orders_fts"
FTS_TRIGGER = "work_orders_fts_insert"
# A large page cache keeps the load's pages and the index builds' sorts in memory.
LOAD_CACHE_KIB = 262_144


class BulkLoad:
    """The open load: where ids and numbers start, and a writer per table."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._conn: Connection = session.connection()
        self.sqlite = self._conn.dialect.name == "sqlite"
        self._statements: dict[tuple[str, tuple[str, ...]], str] = {}

    def first_ids(self) -> dict[str, int]:
        """The first free id per table (ID_MODELS); nobody else can take one before the commit."""
        return {
            m.__tablename__: self._conn.exec_driver_sql(
                f"SELECT coalesce(max(id), 0) + 1 FROM {m.__tablename__}"
            ).scalar_one()
            for m in ID_MODELS
        }

    def take_numbers(self, series: str, wanted: dict[int, int]) -> dict[int, int]:
        """Advance each outlet's sequence by `wanted[outlet_id]`, as an intake takes one number
        (row lock on PostgreSQL); returns the first number of each outlet's block."""
        upsert = dialect_insert("sqlite" if self.sqlite else "postgresql")
        first: dict[int, int] = {}
        for outlet_id, n in wanted.items():
            self._conn.execute(
                upsert(NumberSequence)
                .values(outlet_id=outlet_id, series=series, last_value=0)
                .on_conflict_do_nothing()
            )
            last = self._conn.execute(
                update(NumberSequence)
                .where(NumberSequence.outlet_id == outlet_id, NumberSequence.series == series)
                .values(last_value=NumberSequence.last_value + n)
                .returning(NumberSequence.last_value)
            ).scalar_one()
            first[outlet_id] = last - n + 1
        return first

    def write(self, model: Any, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        """Rows as tuples in the order of `columns`, in storage form (see the module's docstring)."""
        if not rows:
            return
        name: str = model.__tablename__
        if self.sqlite:
            key = (name, tuple(columns))
            sql = self._statements.get(key)
            if sql is None:
                plain = table(name, *(column(c) for c in columns))
                sql = str(insert(plain).compile(dialect=self._conn.dialect))
                self._statements[key] = sql
            # Positional tuples straight to the driver: no per-row conversion at all.
            self._conn.exec_driver_sql(sql, rows)
            return
        money = [i for i, c in enumerate(columns) if isinstance(model.__table__.c[c].type, Money)]
        quote = self._conn.dialect.identifier_preparer.quote
        copy = f"COPY {quote(name)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
        raw: Any = self._conn.connection.dbapi_connection
        with raw.cursor() as cursor, cursor.copy(copy) as target:
            for row in rows:
                if money:
                    values = list(row)
                    for i in money:
                        if values[i] is not None:
                            values[i] = Decimal(values[i]).scaleb(-2)
                    row = tuple(values)
                target.write_row(row)

    def fill_search(self, first_id: int, last_id: int) -> None:
        """Orders first_id..last_id into SQLite's full-text index, in place of the dropped
        per-row trigger. One statement that runs without the GIL: another thread can make the
        next rows meanwhile. (PostgreSQL's trigram index keeps itself up to date.)"""
        if self.sqlite:
            self._conn.exec_driver_sql(
                f"INSERT INTO {FTS_TABLE}(rowid, search_text) "
                "SELECT id, search_text FROM work_orders WHERE id BETWEEN ? AND ?",
                (first_id, last_id),
            )


def finishing_steps(db: Database) -> int:
    """How many times `bulk_load` calls its `step` while it finishes (for a progress bar)."""
    if db.kind != "sqlite":
        return 1
    with db.read() as s:
        return len(_secondary_indexes(s.connection()))


@contextmanager
def bulk_load(db: Database, step: Callable[[], None] = lambda: None) -> Iterator[BulkLoad]:
    """One write transaction for the whole load; commits only with every index in place.

    `step` is called after each finishing step (an index built again on SQLite); it
    may raise (a cancel) and the whole load is rolled back.
    """
    with db.write() as s:
        load = BulkLoad(s)
        conn = s.connection()
        if not load.sqlite:
            conn.exec_driver_sql("SET LOCAL TIME ZONE 'UTC'")
            names = ", ".join(m.__tablename__ for m in ID_MODELS)
            # Other writers wait (their ids would collide with ours); readers go on.
            conn.exec_driver_sql(f"LOCK TABLE {names} IN SHARE ROW EXCLUSIVE MODE")
            yield load
            for m in ID_MODELS:
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{m.__tablename__}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {m.__tablename__}))"
                )
            step()
            return
        cache = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
        conn.exec_driver_sql(f"PRAGMA cache_size=-{LOAD_CACHE_KIB}")
        try:
            indexes = _secondary_indexes(conn)
            trigger = conn.execute(
                text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
                {"name": FTS_TRIGGER},
            ).scalar_one()
            for name, _sql in indexes:
                conn.exec_driver_sql(f'DROP INDEX "{name}"')
            conn.exec_driver_sql(f"DROP TRIGGER {FTS_TRIGGER}")
            yield load
            for _name, sql in indexes:
                conn.exec_driver_sql(sql)
                step()
            conn.exec_driver_sql(trigger)
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size={int(cache)}")


def _secondary_indexes(conn: Connection) -> list[tuple[str, str]]:
    """The indexes the load drops and builds again: every one created by name (not the
    automatic ones behind UNIQUE, which SQLite cannot drop) on the loaded tables."""
    names = ", ".join(f"'{m.__tablename__}'" for m in MODELS)
    return [
        (r.name, r.sql)
        for r in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master "
            f"WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({names}) ORDER BY name"
        )
    ]
