"""The maintenance report gives the compliance the Figures tab gives (on time of all due), for
the asset and for each of its plans over the report's year, read back from the PDF in English
and Chinese. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from conftest import make_actor, needs_poppler
from test_equipment_export import zh_texts
from test_equipment_register import soldering
from test_maintenance import calibration
from test_maintenance_report import pdf_text

from outletdesk.core.equipment.maintenance import LogInput
from outletdesk.core.equipment.report import (
    TEXTS,
    maintenance_report_document,
    maintenance_report_pdf,
)
from outletdesk.models import Role
from outletdesk.printing.maintenance_report import FieldGrid, Note, Subsection

TODAY = date.today()


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def station(services, manager, outlet):
    """A monthly calibration due 70, about 40 and about 10 days ago, done only the first time
    (two days early); a weekly clean due 20, 13 and 6 days ago, never done: 1 of 6 on time. A
    second asset's plan, never done, is not this asset's."""
    tools = services.equipment.categories(manager)[0]
    asset, _ = services.equipment.create(manager, soldering(outlet.id, tools.id))
    other, _ = services.equipment.create(
        manager, soldering(outlet.id, tools.id, name="Spare station", serial="QK-2")
    )
    monthly, _ = services.maintenance.create_plan(
        manager, calibration(asset.id, start_date=TODAY - timedelta(days=70), items=())
    )
    weekly, _ = services.maintenance.create_plan(
        manager, calibration(asset.id, name="Weekly clean 每周清洁", interval_unit="week",
                             start_date=TODAY - timedelta(days=20), items=())
    )  # fmt: skip
    services.maintenance.create_plan(
        manager, calibration(other.id, name="Other's check", interval_unit="week",
                             start_date=TODAY - timedelta(days=60), items=())
    )  # fmt: skip
    done_at = datetime.combine(TODAY - timedelta(days=72), time(10)).astimezone(UTC)
    services.maintenance.log(manager, LogInput(asset.id, "planned", monthly.id, done_at=done_at))
    return asset, monthly, weekly


def plan_compliance(doc, plan_name):
    at = next(n for n, p in enumerate(doc.parts) if isinstance(p, Subsection)
              and p.title == plan_name)  # fmt: skip
    grid = doc.parts[at + 1]
    assert isinstance(grid, FieldGrid)
    return dict(grid.fields)["Compliance"]


def test_the_report_gives_the_assets_and_each_plans_compliance(services, manager, station):
    asset, monthly, weekly = station
    figure = services.maintenance.compliance(
        manager, TODAY - timedelta(days=364), TODAY, asset_id=asset.id
    )
    assert (figure.done, figure.on_time, figure.missed, figure.due) == (1, 1, 5, 6)
    doc = maintenance_report_document(services, manager, asset.id, today=TODAY)
    notes = [p.text for p in doc.parts if isinstance(p, Note)]
    assert "Compliance: 16.7 % (1 of 6 on time)" in notes
    assert plan_compliance(doc, monthly.name) == "33.3 % (1 of 3 on time)"
    assert plan_compliance(doc, weekly.name) == "0.0 % (0 of 3 on time)"


def test_an_asset_with_nothing_due_says_so(services, manager, outlet):
    tools = services.equipment.categories(manager)[0]
    bare, _ = services.equipment.create(manager, soldering(outlet.id, tools.id))
    plan, _ = services.maintenance.create_plan(
        manager, calibration(bare.id, start_date=TODAY + timedelta(days=3), items=())
    )
    doc = maintenance_report_document(services, manager, bare.id, today=TODAY)
    assert "Compliance: — (0 of 0 on time)" in [p.text for p in doc.parts if isinstance(p, Note)]
    assert plan_compliance(doc, plan.name) == "— (0 of 0 on time)"


@needs_poppler
def test_the_pdf_prints_compliance_in_english_and_chinese(services, manager, station, tmp_path):
    asset, monthly, _weekly = station
    text = pdf_text(maintenance_report_pdf(services, manager, asset.id), tmp_path)
    assert "Compliance: 16.7 % (1 of 6 on time)" in text
    assert "33.3 % (1 of 3 on time)" in text and "0.0 % (0 of 3 on time)" in text
    texts = zh_texts(TEXTS)
    assert all(word in texts for word in TEXTS)
    text = pdf_text(maintenance_report_pdf(services, manager, asset.id, texts=texts), tmp_path)
    assert "按时完成率：16.7 %（6 项中 1 项按时）" in text.replace("\n", "")
    assert "33.3 %（3 项中 1 项按时）" in text and "Compliance" not in text
