"""`outletdesk import equipment` and `outletdesk import maintenance-history` end to end through
main(): exit codes, the printed report, and what is in the database afterwards."""

from __future__ import annotations

import shutil

import pytest
from conftest import SHARED_DATA
from sqlalchemy import func, select

from outletdesk.cli import main
from outletdesk.core.database import Database
from outletdesk.models import Asset, MaintenanceRecord

PDM = SHARED_DATA / "pdm"
needs_pdm = pytest.mark.skipif(
    not (PDM / "PdM_maint.csv").is_file(),
    reason=f"the public PdM sample data is not at {PDM} (../shared/data/pdm next to the repo)",
)
GOOD = (
    "Tag,Name,Category,Make,Model,Outlet,Purchase date,Purchase cost,Status\n"
    ",Soldering station 焊台,Tools 工具,Quick,TS1200A,N,2023-03-01,1200.50,In service\n"
    ",Label printer 标签机,IT 信息设备,Brother,QL-820,S,,,\n"
)


@pytest.fixture
def shop_db(db_url, capsys):
    args = ["--db", db_url, "demo", "--customers", "0", "--work-orders", "0", "--no-parts"]
    assert main(args) == 0
    capsys.readouterr()
    return db_url


def counts(url):
    db = Database(url)
    try:
        with db.read() as s:
            return (
                s.scalar(select(func.count()).select_from(Asset)),
                s.scalar(select(func.count()).select_from(MaintenanceRecord)),
            )
    finally:
        db.dispose()


@needs_pdm
def test_maintenance_history_loads_once_and_a_bad_line_stops_it(shop_db, tmp_path, capsys):
    base = counts(shop_db)  # the demo's own equipment
    args = ["--db", shop_db, "import", "maintenance-history"]
    assert main([*args, str(PDM), "--dry-run"]) == 0
    assert "Dry run of" in capsys.readouterr().out and counts(shop_db) == base

    assert main([*args, str(PDM), "--outlet", "S"]) == 0
    out = capsys.readouterr().out
    assert "100 assets added, 0 already there; 2062 records added (400 planned, 0 repairs, " in out
    assert "1662 breakdowns), 0 already there." in out
    assert main([*args, str(PDM)]) == 0
    assert "0 assets added, 100 already there; 0 records added" in capsys.readouterr().out
    assert counts(shop_db) == (base[0] + 100, base[1] + 2062)

    folder = tmp_path / "pdm"
    shutil.copytree(PDM, folder)
    lines = (folder / "PdM_failures.csv").read_text().split("\n")
    lines[2] = "yesterday,59,comp4"
    (folder / "PdM_failures.csv").write_text("\n".join(lines) + "\n")
    assert main([*args, str(folder)]) == 2
    captured = capsys.readouterr()
    assert (
        "PdM_failures.csv line 3, datetime: “yesterday” is not a date and time "
        "(YYYY-MM-DD HH:MM:SS)." in captured.out
    )
    assert captured.err == "outletdesk: 1 malformed line; nothing was imported\n"
    assert counts(shop_db) == (base[0] + 100, base[1] + 2062)

    assert main([*args, str(tmp_path / "nowhere")]) == 1
    assert "nowhere is not a folder" in capsys.readouterr().err
    assert main([*args, str(PDM), "--outlet", "ZZ"]) == 1
    assert "--outlet" in capsys.readouterr().err


def test_equipment_register_import(shop_db, tmp_path, capsys):
    base = counts(shop_db)  # the demo's own equipment
    source = tmp_path / "register.csv"
    source.write_text(GOOD, encoding="utf-8")
    args = ["--db", shop_db, "import", "equipment", str(source)]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "2 rows: 2 new, 0 updated, 0 unchanged, 0 invalid" in out
    assert "Nothing was imported" in out and counts(shop_db) == base
    assert main(args) == 0
    assert "Imported" in capsys.readouterr().out and counts(shop_db) == (base[0] + 2, base[1] + 0)

    bad = tmp_path / "bad.csv"
    bad.write_text(GOOD + ",=cmd|' /C calc'!A0,Tools 工具,,,N,2023-13-01,abc,\n", encoding="utf-8")
    args = ["--db", shop_db, "import", "equipment", str(bad)]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert "Row 4, Name: is a formula" in captured.out
    assert "Row 4, Purchase date: “2023-13-01” is not a date (YYYY-MM-DD)." in captured.out
    assert "Row 4, Purchase cost: “abc” is not an amount." in captured.out
    assert "nothing was imported" in captured.err and captured.err.count("\n") == 1
    assert counts(shop_db) == (base[0] + 2, base[1] + 0)
    assert main([*args, "--dry-run"]) == 2
    capsys.readouterr()
    assert main([*args, "--skip-invalid"]) == 0
    assert "invalid rows skipped" in capsys.readouterr().out and counts(shop_db) == (
        base[0] + 4,
        base[1] + 0,
    )

    assert main([*args[:-1], str(tmp_path / "missing.csv")]) == 1
    assert "missing.csv" in capsys.readouterr().err


def test_equipment_import_twice_and_new_categories_only_with_the_flag(shop_db, tmp_path, capsys):
    base = counts(shop_db)
    source = tmp_path / "serials.csv"
    source.write_text(
        "Tag,Name,Category,Make,Serial number,Outlet\n"
        ",Heat gun 热风枪,Tools,Quick,HG-1,N\n"
        ",Label printer,工具,Brother,LP-9,N\n",
        encoding="utf-8",
    )
    args = ["--db", shop_db, "import", "equipment", str(source)]
    assert main(args) == 0
    assert "2 rows: 2 new, 0 updated, 0 unchanged, 0 invalid." in capsys.readouterr().out
    assert main(args) == 0
    assert "2 rows: 0 new, 0 updated, 2 unchanged, 0 invalid." in capsys.readouterr().out
    assert counts(shop_db) == (base[0] + 2, base[1])

    odd = tmp_path / "odd.csv"
    odd.write_text("Tag,Name,Category,Outlet\n,Mystery,NoSuchCategory,N\n", encoding="utf-8")
    args = ["--db", shop_db, "import", "equipment", str(odd)]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert (
        "Row 2, Category: “NoSuchCategory” is not a category in OutletDesk; use an existing "
        "category, or allow the new categories to be created." in captured.out
    )
    assert counts(shop_db) == (base[0] + 2, base[1])
    assert main([*args, "--new-categories"]) == 0
    assert "1 new, 0 updated, 0 unchanged, 0 invalid; new categories: NoSuchCategory." in (
        capsys.readouterr().out
    )
    assert counts(shop_db) == (base[0] + 3, base[1])
