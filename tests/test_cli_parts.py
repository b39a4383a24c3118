"""`outletdesk import parts` and the parts exports end to end through main(): exit codes, the
printed report, and the files read back."""

from __future__ import annotations

import openpyxl
import pytest
from sqlalchemy import func, select

from outletdesk.cli import main
from outletdesk.core.database import Database
from outletdesk.core.services import Services
from outletdesk.models import Part, StockMovement

GOOD = (
    "SKU,Part name,Category,Cost price,Sale price,Supplier,Barcodes,Fits models\n"
    "SCR-IP12,Screen iPhone 12 屏幕,Screens,300,560,Shenzhen Parts,6901234567892,iPhone 12\n"
    "BAT-IP12,Battery iPhone 12 电池,Batteries,40,98,Shenzhen Parts,,iPhone 12; iPhone 12 Pro\n"
)


@pytest.fixture
def shop_db(db_url, capsys):
    assert (
        main(["--db", db_url, "demo", "--customers", "0", "--work-orders", "0", "--no-parts"]) == 0
    )
    capsys.readouterr()
    return db_url


def parts_and_movements(url):
    services = Services.for_database(Database(url))
    try:
        with services.db.read() as s:
            return (
                s.scalar(select(func.count()).select_from(Part)),
                s.scalar(select(func.count()).select_from(StockMovement)),
            )
    finally:
        services.db.dispose()


def rows_of(path, sheet=0):
    return list(openpyxl.load_workbook(path).worksheets[sheet].iter_rows(values_only=True))


def test_import_then_export_every_parts_log(shop_db, tmp_path, capsys):
    source = tmp_path / "parts.csv"
    source.write_text(GOOD, encoding="utf-8")
    assert main(["--db", shop_db, "import", "parts", str(source), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert (
        "2 rows: 2 new, 0 updated, 0 unchanged, 0 invalid" in out and "Nothing was imported" in out
    )
    assert "new suppliers: Shenzhen Parts" in out
    assert parts_and_movements(shop_db) == (0, 0)

    assert main(["--db", shop_db, "import", "parts", str(source)]) == 0
    assert "Imported" in capsys.readouterr().out
    assert main(["--db", shop_db, "import", "parts", str(source)]) == 0
    assert "0 new, 0 updated, 2 unchanged" in capsys.readouterr().out

    catalogue = tmp_path / "catalogue.xlsx"
    assert main(["--db", shop_db, "export", "parts", "-o", str(catalogue), "--outlet", "N"]) == 0
    assert "2 parts written" in capsys.readouterr().out
    header, *data = rows_of(catalogue)
    assert header[:2] == ("SKU", "Part name") and header[-3:] == (
        "Bin location", "Minimum level", "Reorder quantity",
    )  # fmt: skip
    assert [r[0] for r in data] == ["BAT-IP12", "SCR-IP12"]
    assert data[0][8] == "iPhone 12; iPhone 12 Pro" and data[0][9] is True
    # The export is an import file: importing it back changes nothing. Its shelf columns are
    # one outlet's: without --outlet the command line asks for it by its option.
    assert main(["--db", shop_db, "import", "parts", str(catalogue), "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("outletdesk: --outlet: ") and "--outlet CODE" in err
    assert "sign in" not in err and err.count("\n") == 1
    assert main(["--db", shop_db, "import", "parts", str(catalogue), "--outlet", "N"]) == 0
    assert "0 new, 0 updated, 2 unchanged" in capsys.readouterr().out

    for what, expected in (
        ("stock", "0 stock rows written"),
        ("stock-movements", "0 stock movements written"),
        ("low-stock", "0 parts to reorder written"),
        ("stock-value", "Stock value of 0 parts written"),
    ):
        path = tmp_path / f"{what}.xlsx"
        assert main(["--db", shop_db, "export", what, "-o", str(path)]) == 0, what
        assert expected in capsys.readouterr().out
        assert rows_of(path)[0][0]  # a title block, readable by openpyxl

    args = ["export", "stock-movements", "-o", str(tmp_path / "m.xlsx"), "--from", "2024-01-01"]
    args += ["--to", "2024-12-31", "--outlet", "s", "--part", "6901234567892", "--kind", "issue"]
    assert main(["--db", shop_db, *args]) == 0
    period = [r[:2] for r in rows_of(tmp_path / "m.xlsx")[:5]]
    assert ("Period", "2024-01-01 – 2024-12-31") in period


def test_an_invalid_row_imports_nothing_unless_skipped(shop_db, tmp_path, capsys):
    source = tmp_path / "bad.csv"
    source.write_text(GOOD + "BAD 1,=cmd|' /C calc'!A0,,abc\n", encoding="utf-8")
    assert main(["--db", shop_db, "import", "parts", str(source)]) == 2
    captured = capsys.readouterr()
    assert "Row 4, SKU: “BAD 1”: letters, digits and . _ / - only." in captured.out
    assert "Row 4, Part name: is a formula" in captured.out
    assert "Row 4, Cost price: “abc” is not an amount." in captured.out
    assert "nothing was imported" in captured.err and captured.err.count("\n") == 1
    assert parts_and_movements(shop_db) == (0, 0)
    assert main(["--db", shop_db, "import", "parts", str(source), "--dry-run"]) == 2
    capsys.readouterr()
    assert parts_and_movements(shop_db) == (0, 0)

    assert main(["--db", shop_db, "import", "parts", str(source), "--skip-invalid"]) == 0
    out = capsys.readouterr().out
    assert "invalid rows skipped" in out and "2 new" in out and "1 invalid" in out
    assert parts_and_movements(shop_db) == (2, 0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", "parts", "{tmp}/missing.csv"], "missing.csv"),
        (["import", "parts", "{tmp}/empty.xlsx"], "empty.xlsx is empty"),
        (["import", "parts", "{tmp}/parts.csv", "--outlet", "ZZ"], "--outlet"),
        (["export", "stock", "-o", "{tmp}/x.xlsx", "--outlet", "ZZ"], "no outlet with code"),
        (["export", "stock-movements", "-o", "{tmp}/x.xlsx", "--kind", "theft"], "--kind"),
        (["export", "stock-movements", "-o", "{tmp}/x.xlsx", "--part", "NOPE"], "--part"),
        (["export", "stock-movements", "-o", "{tmp}/x.xlsx", "--from", "2024-13-01"], "--from"),
        (
            [
                "export",
                "stock-movements",
                "-o",
                "{tmp}/x.xlsx",
                "--from",
                "2024-02-01",
                "--to",
                "2024-01-01",
            ],
            "--to",
        ),  # fmt: skip
        (["export", "parts", "-o", "{tmp}/no-such-folder/x.xlsx"], "no-such-folder"),
    ],
)
def test_errors_are_one_line_and_exit_1(shop_db, tmp_path, capsys, args, message):
    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "parts.csv").write_text(GOOD, encoding="utf-8")
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert main(["--db", shop_db, *argv]) == 1
    err = capsys.readouterr().err
    assert message in err and err.startswith("outletdesk: ") and err.count("\n") == 1
    assert parts_and_movements(shop_db) == (0, 0)
