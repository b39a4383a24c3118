"""The maintenance report gives the compliance the Figures tab gives (on time of all due), for
the asset and for each of its plans over the report's year, read back from the PDF in English
and Chinese. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
from conftest import make_actor, needs_poppler, ui_context
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
from outletdesk.printing.maintenance_report import FieldGrid, Note, ReportTable, Subsection
from outletdesk.ui.equipment.page import EquipmentPage

TODAY = date.today()


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


def with_plans(services, manager, outlet):
    """A monthly calibration due 70, about 40 and about 10 days ago, done only the first time
    (two days early); a weekly clean due 20, 13 and 6 days ago, never done: 1 of 6 on time."""
    tools = services.equipment.categories(manager)[0]
    asset, _ = services.equipment.create(manager, soldering(outlet.id, tools.id))
    monthly, _ = services.maintenance.create_plan(
        manager, calibration(asset.id, start_date=TODAY - timedelta(days=70), items=())
    )
    weekly, _ = services.maintenance.create_plan(
        manager, calibration(asset.id, name="Weekly clean 每周清洁", interval_unit="week",
                             start_date=TODAY - timedelta(days=20), items=())
    )  # fmt: skip
    done_at = datetime.combine(TODAY - timedelta(days=72), time(10)).astimezone(UTC)
    services.maintenance.log(manager, LogInput(asset.id, "planned", monthly.id, done_at=done_at))
    return asset, monthly, weekly


@pytest.fixture
def station(services, manager, outlet):
    """The asset with its plans, and a second asset whose plan, never done, is not its own."""
    found = with_plans(services, manager, outlet)
    tools = services.equipment.categories(manager)[0]
    other, _ = services.equipment.create(
        manager, soldering(outlet.id, tools.id, name="Spare station", serial="QK-2")
    )
    services.maintenance.create_plan(
        manager, calibration(other.id, name="Other's check", interval_unit="week",
                             start_date=TODAY - timedelta(days=60), items=())
    )  # fmt: skip
    return found


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


# ---------------------------------------------------------------- the Figures tab agrees


def test_the_figures_tab_and_the_report_give_the_same_figures(
    services, manager, outlet, tmp_path, qtbot
):
    """The asset alone in its outlet, two breakdowns (one repaired in 6 h, one still down): the
    tab for the report's year, by asset, shows the numbers the report prints (to the tab's
    places), and the same compliance."""
    asset, _monthly, _weekly = with_plans(services, manager, outlet)
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    services.maintenance.log(
        manager,
        LogInput(asset.id, "breakdown", done_at=now - timedelta(days=30), failure_cause="no heat",
                 down_from=now - timedelta(days=30, hours=6), down_to=now - timedelta(days=30)),
    )  # fmt: skip
    services.maintenance.log(
        manager,
        LogInput(asset.id, "breakdown", done_at=now - timedelta(hours=3), failure_cause="fan",
                 down_from=now - timedelta(hours=3), put_under_repair=True),
    )  # fmt: skip
    doc = maintenance_report_document(services, manager, asset.id, today=TODAY)
    table = next(p for p in doc.parts if isinstance(p, ReportTable) and p.columns[0] ==
                 "Breakdowns")  # fmt: skip
    ((failures, downtime, mtbf, mttr, availability),) = table.rows
    compliance = next(p.text for p in doc.parts if isinstance(p, Note)
                      and p.text.startswith("Compliance"))  # fmt: skip

    page = EquipmentPage(ui_context(services, manager, tmp_path))
    qtbot.addWidget(page)
    page.tabs.setCurrentWidget(page.figures_tab)
    tab = page.figures_tab
    tab.group.setCurrentIndex(tab.group.findData("asset"))
    tab.start.setDate(TODAY - timedelta(days=364))
    tab.end.setDate(TODAY)
    tab.load()
    (row,) = [n for n, r in enumerate(tab.model.rows) if r.key == asset.tag]
    shown = [tab.model.data(tab.model.index(row, column)) for column in range(8)]
    assert shown[1] == "1" and shown[2] == failures == "2"

    def number(text):
        return Decimal(text.replace(",", "").replace("%", "").strip())

    # Downtime, MTBF and MTTR: the tab rounds to one place; the open downtime grows meanwhile.
    for tab_text, report_text in zip(shown[4:7], (downtime, mtbf, mttr), strict=True):
        assert abs(number(tab_text) - number(report_text)) <= Decimal("0.06"), shown
    assert abs(number(shown[7]) - number(availability)) <= Decimal("0.01")
    assert number(mttr) == 6  # the repaired one; the open one waits
    assert tab.compliance_label.text() == compliance == "Compliance: 16.7 % (1 of 6 on time)"
    # The note says what the figure is since compliance counts missed tasks: on time of all due.
    assert "out of all due" in tab.note.text() and "(missed)" in tab.note.text()
    assert "done by their due date" not in tab.note.text()


def test_the_figures_tabs_note_in_chinese(services, manager, tmp_path, qtbot, qapp):
    from pathlib import Path

    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    qm = Path(__file__).resolve().parents[1] / "resources/translations/outletdesk_zh_CN.qm"
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        page = EquipmentPage(ui_context(services, manager, tmp_path))
        qtbot.addWidget(page)
        note = page.figures_tab.note.text()
    finally:
        qapp.removeTranslator(translator)
    assert "全部应做任务" in note and "漏做" in note and "在到期日前完成的比例" not in note
