"""The maintenance report of an asset read back from the PDF (pdftotext) on SQLite and PostgreSQL:
the asset's details and tag barcode, meters, MTBF/MTTR, each plan's last results with the failed
lines marked and its next due, repairs and breakdowns with their parts, the history; in English
and in the shipped Chinese."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta

import pytest
from conftest import make_actor, needs_poppler
from test_equipment_export import zh_texts
from test_equipment_register import soldering
from test_maintenance import calibration
from test_part_labels import pages

from outletdesk.core.equipment.maintenance import LogInput
from outletdesk.core.equipment.report import (
    TEXTS,
    maintenance_report_document,
    maintenance_report_pdf,
)
from outletdesk.core.errors import NotFound
from outletdesk.core.parts.catalogue import PartInput
from outletdesk.core.periods import local_midnight
from outletdesk.models import Role
from outletdesk.printing.maintenance_report import ReportTable, Section

TODAY = date.today()


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def station(services, manager, outlet):
    """The rework station with an hours meter, a monthly calibration done twice (the last run
    failed two lines), a breakdown repaired with a new heater from stock."""
    instruments = next(
        c for c in services.equipment.categories(manager) if c.name.startswith("Test")
    )
    asset, _ = services.equipment.create(manager, soldering(outlet.id, instruments.id))
    meter, _ = services.equipment.add_meter(manager, asset.id, "Operating hours", "h")
    heater, _ = services.catalogue.create_part(
        manager, PartInput("HTR-861", "Heater element 发热芯", cost_price="85")
    )
    services.stock.receive(manager, heater.id, 3, "85")
    plan, _ = services.maintenance.create_plan(
        manager, calibration(asset.id, start_date=TODAY - timedelta(days=50))
    )
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    services.maintenance.log(
        manager,
        LogInput(asset.id, "planned", plan.id, done_at=now - timedelta(days=45), minutes=25,
                 results=((1, "ok"), (2, "350"), (3, "")), readings=((meter.id, "100"),)),
    )  # fmt: skip
    services.maintenance.log(
        manager,
        LogInput(asset.id, "planned", plan.id, done_at=now - timedelta(days=12), minutes=30,
                 results=((1, "not ok"), (2, "371.5"), (3, "烙铁头氧化")),
                 readings=((meter.id, "412.5"),)),
    )  # fmt: skip
    services.maintenance.log(
        manager,
        LogInput(asset.id, "breakdown", done_at=now - timedelta(days=3), minutes=95,
                 down_from=now - timedelta(days=3, hours=6), down_to=now - timedelta(days=3),
                 failure_cause="Heater element open 发热芯断路", component="Heater",
                 parts=((heater.id, 1),), put_under_repair=True),
    )  # fmt: skip
    return {"asset": asset, "plan": plan, "now": now}


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return re.sub(r"[ \t]+", " ", out)


def test_the_report_is_built_from_the_register_and_the_log(services, manager, station):
    doc = maintenance_report_document(services, manager, station["asset"].id)
    sections = [p.title for p in doc.parts if isinstance(p, Section)]
    assert sections == [
        "Asset details", "Meters", f"Reliability {TODAY - timedelta(days=364)} – {TODAY}",
        "Maintenance plans", "Repairs and breakdowns", "History",
    ]  # fmt: skip
    tables = [p for p in doc.parts if isinstance(p, ReportTable)]
    checklist = next(t for t in tables if t.columns[0] == "Checklist item")
    assert checklist.rows == (
        ("Tip clean 烙铁头清洁", "not ok", "", "Not OK"),
        ("Tip temperature at 350 set", "371.5 °C", "340 – 360 °C", "Not OK"),
        ("Remarks", "烙铁头氧化", "", "OK"),
    )
    assert checklist.flagged == (0, 1)  # the two failed lines are marked, the remark is not
    reliability = next(t for t in tables if t.columns[0] == "Breakdowns")
    (figures,) = reliability.rows
    assert figures[:2] == ("1", "6")  # one breakdown, six hours down
    assert figures[3] == "6"  # MTTR: six hours for the one repair
    # MTBF: time up per failure. The period ends today, and hours still to come are not in
    # service yet: the year counts from its first local midnight up to now.
    served = datetime.now(UTC) - local_midnight(TODAY - timedelta(days=364))
    assert float(figures[2]) == pytest.approx(served.total_seconds() / 3600 - 6, abs=0.1)
    repairs = next(t for t in tables if t.columns[0] == "Record no.")
    assert len(repairs.rows) == 1 and repairs.flagged == (0,)
    assert repairs.rows[0][2:6] == ("Breakdown", "Heater", "Heater element open 发热芯断路", "6")


@needs_poppler
def test_the_pdf_shows_details_results_next_due_and_history(services, manager, station, tmp_path):
    asset = station["asset"]
    pdf = maintenance_report_pdf(services, manager, asset.id)
    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf, tmp_path)
    for expected in (
        "North Station 北站店", "Maintenance report", "Hot-air rework station 热风拆焊台",
        asset.tag, "Quick", "861DW", "QK-2024-0042", "Bench 2", "Under repair", "2024-03-01",
        "1,280.00", "2026-02-28", "Chen Jie", "Passed",
        "Operating hours", "412.5 h",
        "MTBF (hours)", "MTTR (hours)", "Availability",
        "Monthly calibration 月度校准", "every month", "Last results", "371.5 °C",
        "340 – 360 °C", "Not OK", "Next due",
        "Heater element open 发热芯断路", "HTR-861", "Heater element 发热芯",
        "History", "Status: Under repair", "Reading: Operating",
    ):  # fmt: skip
        assert expected in text, expected
    next_due = services.maintenance.plans(manager, asset_id=asset.id)[0]
    assert next_due.name == "Monthly calibration 月度校准"
    assert pages(pdf, tmp_path) >= 1
    if shutil.which("zbarimg"):  # the tag under the title scans
        subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", "-singlefile",
                        str(tmp_path / "report.pdf"), str(tmp_path / "page")], check=True)  # fmt: skip
        scan = subprocess.run(["zbarimg", "-q", str(tmp_path / "page.png")],
                              capture_output=True, text=True).stdout  # fmt: skip
        assert f"CODE-128:{asset.tag}" in scan


@needs_poppler
def test_the_report_in_chinese(services, manager, station, tmp_path):
    texts = zh_texts(TEXTS)
    missing = [word for word in TEXTS if word not in texts]
    assert not missing  # every printed word has its shipped translation
    pdf = maintenance_report_pdf(services, manager, station["asset"].id, texts=texts)
    text = pdf_text(pdf, tmp_path)
    for word in ("Maintenance report", "Asset details", "Not OK", "Under repair", "History"):
        assert texts[word] in text, word
    assert "Maintenance report" not in text and "Not OK" not in text


def test_an_asset_with_nothing_logged_and_no_plan(services, manager, outlet):
    category = services.equipment.categories(manager)[0]
    bare, _ = services.equipment.create(manager, soldering(outlet.id, category.id, make=""))
    doc = maintenance_report_document(services, manager, bare.id)
    notes = [p.text for p in doc.parts if hasattr(p, "text")]
    assert {"No meters.", "No plans apply to this asset.", "None recorded."} <= set(notes)
    with pytest.raises(NotFound):
        maintenance_report_document(services, manager, 4242)


def test_a_breakdown_still_down_and_plans_by_a_meter_it_lacks(services, manager, outlet):
    """The repairs table and the history say "Still down" rather than leave the downtime
    empty; a category's meter-only plan is not listed for an asset without that meter."""
    category = services.equipment.categories(manager)[0]
    bare, _ = services.equipment.create(manager, soldering(outlet.id, category.id))
    for name, rule in (("Hours only", {}), ("Month or hours", {"interval_count": 1,
                                                                "interval_unit": "month"})):  # fmt: skip
        services.maintenance.create_plan(
            manager,
            calibration(category_id=category.id, name=name, meter_name="Operating hours",
                        meter_interval="500", items=(), **{"interval_count": None,
                        "interval_unit": None, **rule}),
        )  # fmt: skip
    since = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=4)
    services.maintenance.log(
        manager,
        LogInput(bare.id, "breakdown", done_at=since, down_from=since, failure_cause="no heat",
                 put_under_repair=True),
    )  # fmt: skip
    doc = maintenance_report_document(services, manager, bare.id)
    titles = [getattr(p, "title", "") for p in doc.parts]
    assert "Month or hours" in titles and "Hours only" not in titles
    grids = [p for p in doc.parts if p.__class__.__name__ == "FieldGrid"]
    assert not any(label == "Next due at meter" for g in grids for label, _v in g.fields)
    tables = [p for p in doc.parts if isinstance(p, ReportTable)]
    repairs = next(t for t in tables if t.columns[0] == "Record no.")
    assert repairs.rows[0][5] == "Still down"
    history = next(t for t in tables if t.columns[0] == "Date and time")
    down = next(row for row in history.rows if row[1] == "Breakdown")
    assert f"still down since {since.astimezone():%Y-%m-%d %H:%M}" in down[2]
    # Back in service: the history gives the hours it was down.
    asset = services.equipment.get(manager, bare.id)
    services.equipment.set_status(manager, asset.id, asset.version, "in_service")
    doc = maintenance_report_document(services, manager, bare.id)
    history = next(
        p for p in doc.parts if isinstance(p, ReportTable) and p.columns[0] == "Date and time"
    )
    down = next(row for row in history.rows if row[1] == "Breakdown")
    assert re.search(r"down 4(\.0\d?)? h", down[2]), down[2]
