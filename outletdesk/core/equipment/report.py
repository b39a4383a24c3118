"""The maintenance report of one asset (设备维护报告), A4: what it is, its meters, how reliable it
was over the last year, every plan that applies with the results of its last run and when it is
next due, recent repairs and breakdowns, and its history.

Every printed word is an English source marked for Qt's translation tools; the window passes the
translations as `texts` (source -> translation, as for the Excel logs), the command line prints
English. reportlab loads only when a report is built.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select

from ...models import AssetStatus, CheckKind, MaintenanceRecord, PlanDue, RecordKind
from ...printing.document import OutletHeader
from ...progress import Progress
from ..auth import Actor, Permission
from ..i18n import QT_TRANSLATE_NOOP
from ..services import Services
from .export import (
    ANCHOR_WORDS,
    KIND_WORDS,
    RULE_WORDS,
    downtime_hours,
    rule_text,
)
from .maintenance import Compliance, RecordDTO, ResultDTO
from .register import (
    ACCEPTANCE_WORDS,
    F_PURCHASE_DATE,
    STATUS_LABELS,
    HistoryEntry,
    shown_cause,
)

if TYPE_CHECKING:
    from ...printing.maintenance_report import MaintenanceReportDocument, Part

STATUS_WORDS = {status.value: word for status, word in STATUS_LABELS.items()}
HISTORY_ROWS = 60
RECENT_REPAIRS = 15
RELIABILITY_DAYS = 365
NONE = "—"

REPORT_WORDS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "Maintenance report"),
    QT_TRANSLATE_NOOP("core", "Generated at {at} by {by}"),
    QT_TRANSLATE_NOOP("core", "Asset details"),
    QT_TRANSLATE_NOOP("core", "Asset tag"),
    QT_TRANSLATE_NOOP("core", "Category"),
    QT_TRANSLATE_NOOP("core", "Make"),
    QT_TRANSLATE_NOOP("core", "Model"),
    QT_TRANSLATE_NOOP("core", "Serial number"),
    QT_TRANSLATE_NOOP("core", "Outlet"),
    QT_TRANSLATE_NOOP("core", "Location"),
    QT_TRANSLATE_NOOP("core", "Owner"),
    QT_TRANSLATE_NOOP("core", "Status"),
    F_PURCHASE_DATE,  # an asset's: 购置日期
    QT_TRANSLATE_NOOP("core", "Purchase cost"),
    QT_TRANSLATE_NOOP("core", "Warranty end"),
    QT_TRANSLATE_NOOP("core", "Accepted on"),
    QT_TRANSLATE_NOOP("core", "Accepted by"),
    QT_TRANSLATE_NOOP("core", "Acceptance result"),
    QT_TRANSLATE_NOOP("core", "Retired on"),
    QT_TRANSLATE_NOOP("core", "Retirement reason"),
    QT_TRANSLATE_NOOP("core", "Meters"),
    QT_TRANSLATE_NOOP("core", "Meter"),
    QT_TRANSLATE_NOOP("core", "Last reading"),
    QT_TRANSLATE_NOOP("core", "Read at"),
    QT_TRANSLATE_NOOP("core", "No meters."),
    QT_TRANSLATE_NOOP("core", "Reliability {start} – {end}"),
    QT_TRANSLATE_NOOP("core", "Breakdowns"),
    QT_TRANSLATE_NOOP("core", "Downtime (hours)"),
    QT_TRANSLATE_NOOP("core", "MTBF (hours)"),
    QT_TRANSLATE_NOOP("core", "MTTR (hours)"),
    QT_TRANSLATE_NOOP("core", "Availability"),
    # The Figures tab's compliance (on time of all due), of this asset and of each plan.
    QT_TRANSLATE_NOOP("core", "Compliance: {share} ({on_time} of {due} on time)"),
    QT_TRANSLATE_NOOP("core", "Compliance"),
    QT_TRANSLATE_NOOP("core", "{share} ({on_time} of {due} on time)"),
    QT_TRANSLATE_NOOP("core", "Maintenance plans"),
    QT_TRANSLATE_NOOP("core", "Interval"),
    QT_TRANSLATE_NOOP("core", "Next due counted from"),
    QT_TRANSLATE_NOOP("core", "Next due"),
    QT_TRANSLATE_NOOP("core", "Next due at meter"),
    QT_TRANSLATE_NOOP("core", "Last done"),
    QT_TRANSLATE_NOOP("core", "Not done yet."),
    QT_TRANSLATE_NOOP("core", "No plans apply to this asset."),
    QT_TRANSLATE_NOOP("core", "Last results: {number}, {at}, {by}"),
    QT_TRANSLATE_NOOP("core", "Checklist item"),
    QT_TRANSLATE_NOOP("core", "Found"),
    QT_TRANSLATE_NOOP("core", "Acceptable"),
    QT_TRANSLATE_NOOP("core", "Result"),
    QT_TRANSLATE_NOOP("core", "OK"),
    QT_TRANSLATE_NOOP("core", "Not OK"),
    QT_TRANSLATE_NOOP("core", "Parts used"),
    QT_TRANSLATE_NOOP("core", "SKU"),
    QT_TRANSLATE_NOOP("core", "Part name"),
    QT_TRANSLATE_NOOP("core", "Quantity"),
    QT_TRANSLATE_NOOP("core", "Repairs and breakdowns"),
    QT_TRANSLATE_NOOP("core", "None recorded."),
    QT_TRANSLATE_NOOP("core", "Record no."),
    QT_TRANSLATE_NOOP("core", "Done at"),
    QT_TRANSLATE_NOOP("core", "Type of work"),
    QT_TRANSLATE_NOOP("core", "Component"),
    QT_TRANSLATE_NOOP("core", "Failure cause"),
    QT_TRANSLATE_NOOP("core", "Minutes"),
    QT_TRANSLATE_NOOP("core", "Done by"),
    QT_TRANSLATE_NOOP("core", "History"),
    QT_TRANSLATE_NOOP("core", "Date and time"),
    QT_TRANSLATE_NOOP("core", "Event"),
    QT_TRANSLATE_NOOP("core", "Detail"),
    QT_TRANSLATE_NOOP("core", "By"),
    QT_TRANSLATE_NOOP("core", "Status: {status}"),
    QT_TRANSLATE_NOOP("core", "Reading: {meter}"),
    QT_TRANSLATE_NOOP("core", "Still down"),
    QT_TRANSLATE_NOOP("core", "down {hours} h"),
    QT_TRANSLATE_NOOP("core", "still down since {since}"),
)
# A check's answer as it is stored, and as the log dialog shows it (合格, not "ok").
CHECK_WORDS = {
    "ok": QT_TRANSLATE_NOOP("core", "ok"),
    "not ok": QT_TRANSLATE_NOOP("core", "not ok"),
}
# Every word the report may print, for the window to translate into `texts`.
TEXTS: tuple[str, ...] = tuple(
    dict.fromkeys(
        [
            *REPORT_WORDS, *STATUS_LABELS.values(), *KIND_WORDS.values(),
            *ACCEPTANCE_WORDS.values(), *ANCHOR_WORDS.values(), *RULE_WORDS.values(),
            *CHECK_WORDS.values(),
        ]
    )
)  # fmt: skip


class _Words:
    def __init__(self, texts: Mapping[str, str] | None) -> None:
        self._texts = dict(texts or {})

    def __call__(self, word: str, **params: object) -> str:
        text = self._texts.get(word, word)
        return text.format(**params) if params else text


def _day(value: date | None) -> str:
    return f"{value:%Y-%m-%d}" if value else NONE


def _stamp(value: datetime | None) -> str:
    return f"{value.astimezone():%Y-%m-%d %H:%M}" if value else NONE


def _number(value: Decimal | None) -> str:
    if value is None:
        return NONE
    return f"{value.normalize():f}"


def _compliance(figure: Compliance, t: _Words, template: str) -> str:
    """As the Figures tab says it: "50.0 % (1 of 2 on time)", "—" when nothing was due."""
    share = NONE if figure.share is None else f"{figure.share * 100:.1f} %"
    return t(template, share=share, on_time=figure.on_time, due=figure.due)


def _limits(r: ResultDTO) -> str:
    unit = f" {r.unit}" if r.unit else ""
    if r.kind is not CheckKind.NUMBER or (r.minimum is None and r.maximum is None):
        return ""
    if r.minimum is not None and r.maximum is not None:
        return f"{_number(r.minimum)} – {_number(r.maximum)}{unit}"
    if r.minimum is not None:
        return f"≥ {_number(r.minimum)}{unit}"
    return f"≤ {_number(r.maximum)}{unit}"


def _found(r: ResultDTO, t: _Words) -> str:
    """What was found: a check's answer as the window words it, a number with its unit."""
    if r.kind is CheckKind.CHECK and r.value in CHECK_WORDS:
        return t(CHECK_WORDS[r.value])
    return f"{r.value} {r.unit}".strip() if r.kind is CheckKind.NUMBER else r.value


def _results_table(record: RecordDTO, t: _Words) -> list[Part]:
    from ...printing.maintenance_report import ReportTable, Subsection

    out: list[Part] = [
        Subsection(t("Last results: {number}, {at}, {by}", number=record.number,
                     at=_stamp(record.done_at), by=record.done_by)),
    ]  # fmt: skip
    if record.results:
        rows = tuple(
            (
                r.label,
                _found(r, t),
                _limits(r),
                t("OK") if r.ok else t("Not OK"),
            )
            for r in record.results
        )
        flagged = tuple(n for n, r in enumerate(record.results) if not r.ok)
        out.append(
            ReportTable(
                (t("Checklist item"), t("Found"), t("Acceptable"), t("Result")),
                rows,
                widths=(5, 2.5, 2.5, 1.5),
                flagged=flagged,
            )
        )
    out += _parts_table(record, t)
    return out


def _parts_table(record: RecordDTO, t: _Words) -> list[Part]:
    from ...printing.maintenance_report import ReportTable

    if not record.parts:
        return []
    return [
        ReportTable(
            (t("Parts used"), t("Part name"), t("Quantity")),
            tuple((sku, name, str(qty)) for _pid, sku, name, qty in record.parts),
            widths=(2, 6, 1.2),
            numeric=(2,),
        )
    ]


def maintenance_report_document(
    services: Services,
    actor: Actor,
    asset_id: int,
    *,
    today: date | None = None,
    texts: Mapping[str, str] | None = None,
) -> MaintenanceReportDocument:
    """The report as printable parts, in the words given (else English)."""
    from ...printing.maintenance_report import (
        FieldGrid,
        MaintenanceReportDocument,
        Note,
        ReportTable,
        Section,
        Subsection,
    )

    actor.require(Permission.VIEW_EQUIPMENT)
    t = _Words(texts)
    day = today or date.today()
    asset = services.equipment.get(actor, asset_id)
    outlet = services.outlets.get(asset.outlet_id)
    status = t(STATUS_LABELS[asset.status])
    owner = asset.customer_name or outlet.name
    fields = [
        (t("Asset tag"), asset.tag),
        (t("Category"), asset.category),
        (t("Make"), asset.make or NONE),
        (t("Model"), asset.model or NONE),
        (t("Serial number"), asset.serial or NONE),
        (t("Outlet"), f"{outlet.name} ({outlet.code})"),
        (t("Location"), asset.location or NONE),
        (t("Owner"), owner),
        (t("Status"), status),
        (t(F_PURCHASE_DATE), _day(asset.purchase_date)),
        (t("Purchase cost"), f"{asset.purchase_cost:,.2f}" if asset.purchase_cost else NONE),
        (t("Warranty end"), _day(asset.warranty_end)),
        (t("Accepted on"), _day(asset.accepted_on)),
        (t("Accepted by"), asset.accepted_by or NONE),
        (
            t("Acceptance result"),
            t(ACCEPTANCE_WORDS[asset.acceptance_result])
            if asset.acceptance_result in ACCEPTANCE_WORDS
            else NONE,
        ),
    ]
    if asset.status is AssetStatus.RETIRED:
        fields += [
            (t("Retired on"), _day(asset.retired_on)),
            (t("Retirement reason"), asset.retire_reason),
        ]
    parts: list[Part] = [Section(t("Asset details")), FieldGrid(tuple(fields))]

    parts.append(Section(t("Meters")))
    if asset.meters:
        parts.append(
            ReportTable(
                (t("Meter"), t("Last reading"), t("Read at")),
                tuple(
                    (m.name, f"{_number(m.value)} {m.unit}".strip(), _stamp(m.read_at))
                    for m in asset.meters
                ),
                widths=(4, 3, 3),
                numeric=(1,),
            )
        )
    else:
        parts.append(Note(t("No meters.")))

    start = day - timedelta(days=RELIABILITY_DAYS - 1)
    figures = services.maintenance.reliability(actor, start, day, asset_id=asset_id)
    compliance = services.maintenance.compliance(actor, start, day, today=day, asset_id=asset_id)
    if figures or compliance.due:
        parts.append(Section(t("Reliability {start} – {end}", start=_day(start), end=_day(day))))
    if figures:
        (r,) = figures
        parts += [
            ReportTable(
                (t("Breakdowns"), t("Downtime (hours)"), t("MTBF (hours)"), t("MTTR (hours)"),
                 t("Availability")),
                ((str(r.failures), _number(r.downtime_hours), _number(r.mtbf_hours),
                  _number(r.mttr_hours),
                  f"{r.availability * 100:.2f} %" if r.availability is not None else NONE),),
                numeric=(0, 1, 2, 3, 4),
            ),
        ]  # fmt: skip
    if figures or compliance.due:
        parts.append(
            Note(_compliance(compliance, t, "Compliance: {share} ({on_time} of {due} on time)"))
        )

    parts.append(Section(t("Maintenance plans")))
    metered = {m.name for m in asset.meters}
    plans = services.maintenance.plans(actor, asset_id=asset_id)  # those that apply to it
    with services.db.read(actor) as s:
        dues = {
            plan_id: (due_on, due_meter)
            for plan_id, due_on, due_meter in s.execute(
                select(PlanDue.plan_id, PlanDue.due_on, PlanDue.due_meter).where(
                    PlanDue.asset_id == asset_id
                )
            ).tuples()
        }
        last_ids = {
            plan.id: s.scalar(
                select(MaintenanceRecord.id)
                .where(
                    MaintenanceRecord.asset_id == asset_id,
                    MaintenanceRecord.plan_id == plan.id,
                )
                .order_by(MaintenanceRecord.done_at.desc(), MaintenanceRecord.id.desc())
                .limit(1)
            )
            for plan in plans
        }
    if not plans:
        parts.append(Note(t("No plans apply to this asset.")))
    for plan in plans:
        due_on, due_meter = dues.get(plan.id, (None, None))
        last_id = last_ids.get(plan.id)
        last = services.maintenance.record(actor, last_id) if last_id else None
        plan_fields = [
            (t("Interval"), rule_text(t, plan.interval_count, plan.interval_unit,
                                      plan.meter_interval, plan.meter_name) or NONE),
            (t("Next due counted from"), t(ANCHOR_WORDS.get(plan.anchor, plan.anchor))),
            (t("Next due"), _day(due_on)),
            (t("Last done"), _stamp(last.done_at) if last else t("Not done yet.")),
            (t("Compliance"), _compliance(
                services.maintenance.compliance(actor, start, day, today=day, asset_id=asset_id,
                                                plan_id=plan.id),
                t, "{share} ({on_time} of {due} on time)")),
        ]  # fmt: skip
        if due_meter is not None and plan.meter_name in metered:
            plan_fields.insert(
                3, (t("Next due at meter"), f"{_number(due_meter)} {plan.meter_name}")
            )
        parts += [Subsection(plan.name), FieldGrid(tuple(plan_fields))]
        if last is not None:
            parts += _results_table(last, t)

    parts.append(Section(t("Repairs and breakdowns")))
    unplanned = [
        row
        for row in services.maintenance.records(actor, asset_id=asset_id, limit=None)
        if row.kind is not RecordKind.PLANNED
    ][:RECENT_REPAIRS]
    if unplanned:
        parts.append(
            ReportTable(
                (t("Record no."), t("Done at"), t("Type of work"), t("Component"),
                 t("Failure cause"), t("Downtime (hours)"), t("Minutes"), t("Done by")),
                tuple(
                    (row.number, _stamp(row.done_at), t(KIND_WORDS[row.kind.value]),
                     row.component, shown_cause(row.failure_cause, t),
                     t("Still down") if row.still_down else _number(row.downtime_hours),
                     str(row.minutes), row.done_by)
                    for row in unplanned
                ),
                widths=(2.2, 2.4, 1.8, 1.6, 3, 1.9, 1.2, 1.6),
                numeric=(5, 6),
                flagged=tuple(
                    n for n, row in enumerate(unplanned) if row.kind is RecordKind.BREAKDOWN
                ),
            )
        )  # fmt: skip
        for row in unplanned:
            used = _parts_table(services.maintenance.record(actor, row.id), t)
            if used:
                parts += [Subsection(row.number), *used]
    else:
        parts.append(Note(t("None recorded.")))

    parts.append(Section(t("History")))
    history = services.equipment.history(actor, asset_id, limit=HISTORY_ROWS)
    if history:

        def event(kind: str, title: str) -> str:
            if kind == "record":
                return t(KIND_WORDS.get(title, title))
            if kind == "status":
                label = STATUS_WORDS.get(title)
                return t("Status: {status}", status=t(label) if label else title)
            return t("Reading: {meter}", meter=title)

        def detail(h: HistoryEntry) -> str:
            if h.still_down:
                down = t("still down since {since}", since=_stamp(h.down_from))
            elif h.down_from is not None and h.down_to is not None:
                down = t("down {hours} h", hours=_number(downtime_hours(h.down_from, h.down_to)))
            else:
                return h.shown_detail(t)
            return " · ".join(p for p in (h.shown_detail(t), down) if p)

        parts.append(
            ReportTable(
                (t("Date and time"), t("Event"), t("Detail"), t("By")),
                tuple((_stamp(h.at), event(h.kind, h.title), detail(h), h.by) for h in history),
                widths=(2.4, 2.6, 6, 2),
            )
        )
    else:
        parts.append(Note(t("None recorded.")))

    subtitle = f"{asset.tag} · {asset.category} · {status}"
    return MaintenanceReportDocument(
        title=t("Maintenance report"),
        header=OutletHeader(outlet.name, outlet.address, outlet.phone, outlet.tax_number),
        asset_name=asset.name,
        tag=asset.tag,
        subtitle=subtitle,
        generated=t("Generated at {at} by {by}", at=_stamp(datetime.now(UTC)),
                    by=actor.display_name or actor.username),
        parts=tuple(parts),
    )  # fmt: skip


def maintenance_report_pdf(
    services: Services,
    actor: Actor,
    asset_id: int,
    *,
    today: date | None = None,
    texts: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The maintenance report of one asset as an A4 PDF."""
    import io

    from ...printing.maintenance_report import render_maintenance_report

    doc = maintenance_report_document(services, actor, asset_id, today=today, texts=texts)
    if progress is not None:
        progress.check()
    buffer = io.BytesIO()
    render_maintenance_report(doc, buffer, progress)
    return buffer.getvalue()
