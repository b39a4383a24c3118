"""Maintenance history import from the public predictive-maintenance (PdM) sample files: the
machine list becomes assets, failures become breakdowns, component replacements become planned
upkeep (scheduled) or repairs (unscheduled without a failure). Matched by source reference, so
importing the same files again adds nothing; any malformed row is named by file and line and
nothing is written (unless told to skip such rows).

The files' times carry no zone: they are what the outlet's clock read, so they are taken in this
machine's local time zone (the one the window shows times in) and stored timezone-aware in UTC.
A record's source reference keeps the time as written in the file, so importing the same files
again matches it whatever the zone. A machine's purchase date is its age in whole years before
2015-01-01 (the data set's year), on 1 January.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from ...models import (
    Asset,
    AuditEntry,
    EquipmentCategory,
    MaintenanceRecord,
    Outlet,
    RecordKind,
    utcnow,
)
from ...progress import Progress
from .. import validation as v
from ..audit import record
from ..auth import Actor, Permission
from ..database import Database
from ..errors import DomainError, Items, Translate, ValidationError
from ..i18n import QT_TRANSLATE_NOOP
from ..numbering import next_numbers
from ..parts.table_file import ImportFileError, Row, read_rows

if TYPE_CHECKING:
    from ..services import Services

MACHINES = "PdM_machines.csv"
FAILURES = "PdM_failures.csv"
MAINTENANCE = "PdM_maint.csv"
CATEGORY = "Machines 机器"
AGE_BEFORE = date(2015, 1, 1)  # the data covers 2015; ages are counted back from its start
DONE_BY = "PdM import"
BATCH = 500
EARLIEST = datetime(1950, 1, 1)  # local, like the files' times
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}")
_ID = re.compile(r"\d{1,9}")
_COLUMNS = {
    MACHINES: ("machineID", "model", "age"),
    FAILURES: ("datetime", "machineID", "failure"),
    MAINTENANCE: ("datetime", "machineID", "comp", "type"),
}
_TYPES = ("scheduled", "unscheduled")


@dataclass(frozen=True)
class Problem:
    """One malformed cell or row: the file, its line (1 = the header), the column, and what is
    wrong (a core template and its values, translated when shown)."""

    file: str
    line: int
    column: str
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, translate: Translate | None = None) -> str:
        tr: Translate = translate or str
        return tr(self.template).format(**self.params)

    def describe(self, translate: Translate | None = None) -> str:
        tr: Translate = translate or str
        return tr(QT_TRANSLATE_NOOP("core", "{file} line {line}, {column}: {problem}")).format(
            file=self.file, line=self.line, column=self.column, problem=self.message(translate)
        )


@dataclass(frozen=True)
class HistoryReport:
    """What the import added and found already there (or, in a dry run, would add), by kind,
    and every malformed row; `written` says whether anything went into the database."""

    assets_added: int
    assets_matched: int
    records_added: int
    records_matched: int
    problems: tuple[Problem, ...]
    planned: int = 0  # of records_added, by kind
    repairs: int = 0
    breakdowns: int = 0
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class _Machine:
    id: int
    model: str
    age: int


@dataclass
class _Record:
    machine: int
    at: datetime  # aware, UTC
    day: date  # the local day it was done
    kind: RecordKind
    component: str
    source_ref: str
    failure_cause: str = ""
    notes: str = ""


def import_maintenance_history(
    services_or_db: Services | Database,
    actor: Actor,
    directory: Path,
    outlet_id: int | None = None,
    dry_run: bool = False,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> HistoryReport:
    """Load PdM_machines.csv, PdM_failures.csv and PdM_maint.csv from `directory` in one
    transaction: new machines at the outlet given (else the first outlet), records at their
    asset's outlet. Any malformed row: nothing written, unless `skip_invalid`. Cancelling
    writes nothing."""
    actor.require(Permission.MANAGE_EQUIPMENT)
    actor.require(Permission.LOG_MAINTENANCE)
    db = services_or_db if isinstance(services_or_db, Database) else services_or_db.db
    if progress is not None:
        progress.start(None, QT_TRANSLATE_NOOP("core", "Reading the maintenance history"))
    machines, records, problems = _read(Path(directory))
    if progress is not None:
        progress.check()
    if dry_run or (problems and not skip_invalid):
        with db.read(actor) as s:
            report = _apply(s, actor, machines, records, problems, outlet_id, write=False)
        return report
    with db.write(actor) as s:
        if s.get_bind().dialect.name == "postgresql":
            # Two imports at once would both find a record missing; one waits for the other.
            s.execute(text("LOCK TABLE assets, maintenance_records IN SHARE ROW EXCLUSIVE MODE"))
        if progress is not None:
            progress.start(None, QT_TRANSLATE_NOOP("core", "Writing the maintenance records"))
        report = _apply(s, actor, machines, records, problems, outlet_id, write=True)
        if progress is not None:
            progress.check()  # the last moment Cancel still undoes everything
        return report


# ---------------------------------------------------------------- reading the files


def _read(directory: Path) -> tuple[dict[int, _Machine], list[_Record], list[Problem]]:
    if not directory.is_dir():
        raise ImportFileError(
            QT_TRANSLATE_NOOP("core", "{path} is not a folder."), path=str(directory)
        )
    for name in _COLUMNS:
        if not (directory / name).is_file():
            raise ImportFileError(
                QT_TRANSLATE_NOOP(
                    "core", "{name} is not in {path}; the maintenance history needs {files}."
                ),
                name=name,
                path=str(directory),
                files=Items(_COLUMNS),
            )
    problems: list[Problem] = []
    machines = _machines(_table(directory, MACHINES, problems), problems)
    failures = _events(_table(directory, FAILURES, problems), machines, problems)
    replacements = _events(_table(directory, MAINTENANCE, problems), machines, problems)
    records = _records(failures, replacements)
    problems.sort(key=lambda p: (list(_COLUMNS).index(p.file), p.line))
    return machines, records, problems


class Cells:
    """One line of a file by column name; a bad cell becomes a Problem and None."""

    def __init__(self, file: str, line: int, cells: dict[str, str | None]) -> None:
        self.file, self.line, self.cells = file, line, cells

    def problem(self, column: str, template: str, **params: Any) -> Problem:
        return Problem(self.file, self.line, column, template, params)


def _table(directory: Path, name: str, problems: list[Problem]) -> list[Cells]:
    """The rows of one file as {column: text}, after checking the header and each row's width."""
    rows = read_rows(directory / name)
    header_line, header = rows[0]
    titles = [str(t).strip() if t is not None else "" for t in header]
    wanted = _COLUMNS[name]
    index = {t.casefold(): i for i, t in reversed(list(enumerate(titles)))}
    missing = [c for c in wanted if c.casefold() not in index]
    for column in missing:
        problems.append(
            Problem(
                name,
                header_line,
                column,
                QT_TRANSLATE_NOOP("core", "the column is missing (the header reads {header})."),
                {"header": ",".join(titles)[:120]},
            )
        )
    if missing:
        return []
    found: list[Cells] = []
    for line, row in rows[1:]:
        if len(row) != len(titles):
            problems.append(
                Problem(
                    name,
                    line,
                    titles[min(len(row), len(titles) - 1)],  # the first missing, or the last
                    QT_TRANSLATE_NOOP("core", "the line has {count} values; the header has {n}."),
                    {"count": len(row), "n": len(titles)},
                )
            )
            continue
        found.append(Cells(name, line, {c: _text(row, index[c.casefold()]) for c in wanted}))
    return found


def _text(row: Row, i: int) -> str | None:
    value = row[i]
    return None if value is None else str(value).strip()


def _machines(rows: list[Cells], problems: list[Problem]) -> dict[int, _Machine]:
    machines: dict[int, _Machine] = {}
    first_line: dict[int, int] = {}
    for row in rows:
        bad = len(problems)
        machine = _machine_id(row, problems)
        model = _checked(row, "model", problems, _name)
        age = _checked(row, "age", problems, lambda f, x: v.integer(f, x, minimum=0, maximum=60))
        if machine is not None and machine in first_line:
            problems.append(
                row.problem(
                    "machineID",
                    QT_TRANSLATE_NOOP("core", "machine {id} is already on line {line}."),
                    id=machine,
                    line=first_line[machine],
                )
            )
        if len(problems) > bad or machine is None or model is None or age is None:
            continue
        first_line[machine] = row.line
        machines[machine] = _Machine(machine, model, age)
    return machines


def _machine_id(row: Cells, problems: list[Problem]) -> int | None:
    value = row.cells["machineID"] or ""
    if not _ID.fullmatch(value) or int(value) < 1:
        problems.append(
            row.problem(
                "machineID",
                QT_TRANSLATE_NOOP("core", "“{value}” is not a machine number (1 or more)."),
                value=value[:20],
            )
        )
        return None
    return int(value)


def _name(column: str, value: str) -> str:
    return v.text(column, value, max_len=40, name_like=True)


def _checked(
    row: Cells, column: str, problems: list[Problem], check: Callable[[str, str], Any]
) -> Any:
    """The cell through a validation check; its failure reported under the file's column."""
    try:
        return check(column, row.cells[column] or "")
    except ValidationError as exc:
        params = {k: val for k, val in exc.params.items() if k != "field"}
        problems.append(row.problem(column, exc.template.removeprefix("{field}: "), **params))
        return None


@dataclass(frozen=True)
class _Event:
    line: int
    at: datetime  # aware, UTC
    written: datetime  # as the file has it: naive, local
    machine: int
    component: str
    scheduled: bool | None  # None: a failure


def _events(
    rows: list[Cells], machines: Mapping[int, _Machine], problems: list[Problem]
) -> list[_Event]:
    """Failures or replacements: time, a machine of the machine list, component (and type)."""
    events: list[_Event] = []
    first_line: dict[tuple[datetime, int, str], int] = {}
    for row in rows:
        bad = len(problems)
        stamp = _stamp(row, problems)
        machine = _machine_id(row, problems)
        if machine is not None and machine not in machines:
            problems.append(
                row.problem(
                    "machineID",
                    QT_TRANSLATE_NOOP("core", "machine {id} is not in {file}."),
                    id=machine,
                    file=MACHINES,
                )
            )
        column = "failure" if "failure" in row.cells else "comp"
        component = _checked(row, column, problems, _name)
        scheduled = None
        if "type" in row.cells:
            kind = _checked(row, "type", problems, lambda f, x: v.choice(f, x.casefold(), _TYPES))
            scheduled = kind == "scheduled"
        if len(problems) > bad or stamp is None or machine is None or component is None:
            continue
        written, at = stamp
        key = (at, machine, component)
        if key in first_line:
            problems.append(
                row.problem(
                    "datetime",
                    QT_TRANSLATE_NOOP("core", "the same as line {line}."),
                    line=first_line[key],
                )
            )
            continue
        first_line[key] = row.line
        events.append(_Event(row.line, at, written, machine, component, scheduled))
    return events


def _stamp(row: Cells, problems: list[Problem]) -> tuple[datetime, datetime] | None:
    """The time as written (naive: the outlet's local time) and as stored (aware, UTC)."""
    value = row.cells["datetime"] or ""
    try:
        if not _STAMP.fullmatch(value):
            raise ValueError(value)
        written = datetime.fromisoformat(value)
    except ValueError:
        problems.append(
            row.problem(
                "datetime",
                QT_TRANSLATE_NOOP(
                    "core", "“{value}” is not a date and time (YYYY-MM-DD HH:MM:SS)."
                ),
                value=value[:30],
            )
        )
        return None
    at = _local_to_utc(written) if written >= EARLIEST else None
    if at is None or at > utcnow():
        problems.append(
            row.problem(
                "datetime",
                QT_TRANSLATE_NOOP("core", "{value} is not between 1950 and today."),
                value=value,
            )
        )
        return None
    return written, at


def _local_to_utc(written: datetime) -> datetime:
    """A wall-clock time of this machine's zone (with the summer time it had then) in UTC."""
    try:
        return written.astimezone(UTC)
    except (OverflowError, OSError):  # before 1970 where the C library knows no history
        return written.replace(tzinfo=datetime.now().astimezone().tzinfo).astimezone(UTC)


def _ref(kind: str, e: _Event) -> str:
    """Built from the time as written, as it always was: the same row matches in any zone."""
    return f"pdm:{kind}:{e.written:%Y-%m-%dT%H:%M:%S}:{e.machine}:{e.component}"


def _records(failures: list[_Event], replacements: list[_Event]) -> list[_Record]:
    """Failures as breakdowns; a scheduled replacement as planned upkeep; an unscheduled one
    at the very time, machine and component of a failure is that breakdown's repair (not a
    record of its own); any other unscheduled replacement as a repair."""
    breakdowns: dict[tuple[datetime, int, str], _Record] = {}
    for e in failures:
        breakdowns[(e.at, e.machine, e.component)] = _Record(
            e.machine, e.at, e.written.date(), RecordKind.BREAKDOWN, e.component, _ref("fail", e),
            failure_cause=f"{e.component} failure",
        )  # fmt: skip
    records = list(breakdowns.values())
    for e in replacements:
        found = breakdowns.get((e.at, e.machine, e.component))
        if not e.scheduled and found is not None and not found.notes:
            found.notes = f"{e.component} replaced"
            continue
        kind = RecordKind.PLANNED if e.scheduled else RecordKind.REPAIR
        records.append(
            _Record(
                e.machine, e.at, e.written.date(), kind, e.component, _ref("maint", e),
                notes=f"{e.component} replaced" + (" (scheduled)" if e.scheduled else ""),
            )
        )  # fmt: skip
    records.sort(key=lambda r: (r.at, r.machine, r.source_ref))
    return records


# ---------------------------------------------------------------- against the database


def _apply(
    s: Session,
    actor: Actor,
    machines: Mapping[int, _Machine],
    records: list[_Record],
    problems: list[Problem],
    outlet_id: int | None,
    *,
    write: bool,
) -> HistoryReport:
    """Count what is there and what is new; write the new (when `write` and allowed)."""
    outlet = _outlet(s, outlet_id)
    refs = {m: f"pdm:machine:{m}" for m in machines}
    assets: dict[int, tuple[int, int]] = {}  # machine -> (asset id, outlet id)
    by_ref = {ref: m for m, ref in refs.items()}
    for chunk in _chunks(list(by_ref)):
        for asset_id, ref, at in s.execute(
            select(Asset.id, Asset.source_ref, Asset.outlet_id).where(Asset.source_ref.in_(chunk))
        ).tuples():
            assets[by_ref[ref or ""]] = (asset_id, at)
    there: set[str] = set()
    wanted = [r.source_ref for r in records]
    for chunk in _chunks(wanted):
        there.update(
            ref or ""
            for ref in s.scalars(
                select(MaintenanceRecord.source_ref).where(MaintenanceRecord.source_ref.in_(chunk))
            )
        )
    new_machines = [m for m in machines.values() if m.id not in assets]
    new_records = [r for r in records if r.source_ref not in there]
    kinds = {kind: sum(1 for r in new_records if r.kind is kind) for kind in RecordKind}
    report = HistoryReport(
        assets_added=len(new_machines),
        assets_matched=len(machines) - len(new_machines),
        records_added=len(new_records),
        records_matched=len(records) - len(new_records),
        problems=tuple(problems),
        planned=kinds[RecordKind.PLANNED],
        repairs=kinds[RecordKind.REPAIR],
        breakdowns=kinds[RecordKind.BREAKDOWN],
    )
    if not write or not (report.assets_added or report.records_added):
        return report
    if new_machines:
        category_id = _category(s, actor)
        assets.update(_add_assets(s, actor, outlet, category_id, new_machines))
    _add_records(s, actor, assets, new_records)
    record(
        s,
        actor,
        "import",
        "maintenance_history",
        after={
            "source": "pdm",
            "assets_added": report.assets_added,
            "records_added": report.records_added,
            "records_matched": report.records_matched,
            "skipped_lines": len({(p.file, p.line) for p in problems}),
        },
    )
    return HistoryReport(**{**report.__dict__, "written": True})


def _outlet(s: Session, outlet_id: int | None) -> Outlet:
    if outlet_id is not None:
        found = s.get(Outlet, outlet_id)
        if found is None:
            raise DomainError(
                QT_TRANSLATE_NOOP("core", "Outlet {id} does not exist."), id=outlet_id
            )
        return found
    first = s.scalar(select(Outlet).order_by(Outlet.id).limit(1))
    if first is None:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "core", "There is no outlet yet; set one up before importing equipment."
            )
        )
    return first


def _category(s: Session, actor: Actor) -> int:
    found = s.scalar(select(EquipmentCategory.id).where(EquipmentCategory.name == CATEGORY))
    if found is not None:
        return found
    category = EquipmentCategory(name=CATEGORY)
    s.add(category)
    s.flush()
    record(s, actor, "save", "equipment_category", category.id, after={"name": CATEGORY})
    return category.id


def _add_assets(
    s: Session, actor: Actor, outlet: Outlet, category_id: int, machines: Sequence[_Machine]
) -> dict[int, tuple[int, int]]:
    now = utcnow()
    rows = []
    tags = next_numbers(s, outlet, "asset", "EQ", len(machines))
    for m, tag in zip(sorted(machines, key=lambda m: m.id), tags, strict=True):
        name = f"Machine {m.id}"
        rows.append(
            {
                "tag": tag,
                "name": name,
                "name_key": name.casefold(),
                "category_id": category_id,
                "make": "",
                "model": m.model,
                "outlet_id": outlet.id,
                "purchase_date": AGE_BEFORE.replace(year=AGE_BEFORE.year - m.age),
                "notes": f"PdM machine {m.id}, {m.age} years old on {AGE_BEFORE.isoformat()}",
                "source_ref": f"pdm:machine:{m.id}",
                "created_at": now,
                "version": 1,
            }
        )
    added: dict[int, tuple[int, int]] = {}
    for chunk in _chunks(rows):
        for asset_id, ref in s.execute(
            insert(Asset).returning(Asset.id, Asset.source_ref), chunk
        ).tuples():
            added[int((ref or "").rsplit(":", 1)[1])] = (asset_id, outlet.id)
    _audit_rows(
        s, actor, "asset", ((a, {"source_ref": f"pdm:machine:{m}"}) for m, (a, _) in added.items())
    )
    return added


def _add_records(
    s: Session, actor: Actor, assets: Mapping[int, tuple[int, int]], records: Sequence[_Record]
) -> None:
    outlets = {o.id: o for o in s.scalars(select(Outlet))}
    kept = [r for r in records if r.machine in assets]  # else its machine's row was malformed
    numbers: dict[int, Iterator[str]] = {}
    for outlet_id in sorted({assets[r.machine][1] for r in kept}):
        count = sum(1 for r in kept if assets[r.machine][1] == outlet_id)
        numbers[outlet_id] = iter(next_numbers(s, outlets[outlet_id], "maintenance", "MR", count))
    now = utcnow()
    rows = []
    for r in kept:
        asset_id, outlet_id = assets[r.machine]
        rows.append(
            {
                "number": next(numbers[outlet_id]),
                "asset_id": asset_id,
                "outlet_id": outlet_id,
                "kind": r.kind.value,
                "due_on": r.day if r.kind is RecordKind.PLANNED else None,
                "done_at": r.at,
                "done_by": DONE_BY,
                "failure_cause": r.failure_cause,
                "component": r.component,
                "notes": r.notes,
                "source_ref": r.source_ref,
                "created_at": now,
            }
        )
    for chunk in _chunks(rows):
        s.execute(insert(MaintenanceRecord), chunk)


def _audit_rows(
    s: Session, actor: Actor, entity: str, items: Iterable[tuple[int, dict[str, Any]]]
) -> None:
    now = utcnow()
    rows = [
        {
            "at": now,
            "user_id": actor.user_id,
            "username": actor.username,
            "outlet_id": actor.outlet_id,
            "action": "import_create",
            "entity": entity,
            "entity_id": str(entity_id),
            "before": None,
            "after": json.dumps(after, ensure_ascii=False, sort_keys=True),
        }
        for entity_id, after in items
    ]
    for chunk in _chunks(rows):
        s.execute(insert(AuditEntry), chunk)


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]
