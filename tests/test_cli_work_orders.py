"""`outletdesk demo --work-orders`, `export work-orders` and `receipt` end to end through main()."""

from __future__ import annotations

import openpyxl
import pytest
from conftest import needs_poppler
from test_printouts import pdf_text

from outletdesk.cli import main


@pytest.fixture
def demo_db(db_url, capsys):
    assert main(["--db", db_url, "demo", "--customers", "20", "--work-orders", "30"]) == 0
    assert "30 demo work orders added." in capsys.readouterr().out
    return db_url


def log_rows(path):
    rows = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r and r[0] == "Work order no.")
    return rows[start], [r for r in rows[start + 1 :] if r and r[0]]


def test_export_work_orders_with_filters(demo_db, tmp_path, capsys):
    path = tmp_path / "all.xlsx"
    assert main(["--db", demo_db, "export", "work-orders", "-o", str(path)]) == 0
    assert "30 work orders written" in capsys.readouterr().out
    header, rows = log_rows(path)
    assert len(rows) == 30
    status, outlet = header.index("Status"), header.index("Outlet")

    path = tmp_path / "some.xlsx"
    args = ["export", "work-orders", "-o", str(path), "--outlet", "n", "--status", "delivered"]
    assert main(["--db", demo_db, *args, "--status", "cancelled,ready"]) == 0
    _, some = log_rows(path)
    assert 0 < len(some) < 30
    assert {r[status] for r in some} <= {"Delivered", "Cancelled", "Ready for pickup"}
    assert len({r[outlet] for r in some}) == 1

    path = tmp_path / "none.xlsx"
    args = ["export", "work-orders", "-o", str(path), "--from", "2000-01-01", "--to", "2000-12-31"]
    assert main(["--db", demo_db, *args]) == 0
    assert "0 work orders written" in capsys.readouterr().out


@needs_poppler
@pytest.mark.parametrize(
    ("kind", "paper", "expected"),
    [
        ("intake", None, "Repair intake receipt"),
        ("handback", "a4", "Hand-back receipt"),
        ("quote", "58mm", "Repair quote"),
        ("label", None, ""),
        ("label", "40x20", ""),
    ],
)
def test_receipt_command_writes_the_pdf(demo_db, tmp_path, capsys, kind, paper, expected):
    path = tmp_path / "out.pdf"
    number = "N-000015" if kind == "quote" else "N-000001"  # a quote: the one order still open
    args = ["receipt", number.lower(), "-o", str(path), "--kind", kind]
    assert main(["--db", demo_db, *args, *(["--format", paper] if paper else [])]) == 0
    assert number in capsys.readouterr().out
    text = pdf_text(path.read_bytes(), tmp_path)
    assert number in text and expected in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "work-orders", "-o", "{tmp}/x.xlsx", "--from", "2024-13-01"], "--from"),
        (["export", "work-orders", "-o", "{tmp}/x.xlsx", "--to", "1/2/2024"], "--to"),
        (
            [
                "export",
                "work-orders",
                "-o",
                "{tmp}/x.xlsx",
                "--from",
                "2024-02-01",
                "--to",
                "2024-01-01",
            ],
            "--to",
        ),
        (["export", "work-orders", "-o", "{tmp}/x.xlsx", "--outlet", "ZZ"], "--outlet"),
        (["export", "work-orders", "-o", "{tmp}/x.xlsx", "--status", "done"], "--status"),
        (["export", "work-orders", "-o", "/nonexistent/dir/x.xlsx"], "/nonexistent"),
        (["receipt", "N-999999", "-o", "{tmp}/x.pdf"], "N-999999"),
        (["receipt", "N-000001", "-o", "{tmp}/x.pdf", "--format", "62x29"], "--format"),
        (
            ["receipt", "N-000001", "-o", "{tmp}/x.pdf", "--kind", "label", "--format", "a4"],
            "--format",
        ),
        (["receipt", "N-000001", "-o", "/nonexistent/dir/x.pdf"], "/nonexistent"),
        (["demo", "--work-orders", "-5"], "--work-orders"),
    ],
)
def test_errors_are_one_line_naming_the_option(demo_db, tmp_path, capsys, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert main(["--db", demo_db, *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("outletdesk: ") and err.count("\n") == 1
    assert message in err
    assert not list(tmp_path.glob("x.*"))


def test_bad_kind_is_refused_by_the_parser(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["receipt", "N-000001", "-o", "x.pdf", "--kind", "invoice"])
    assert exit_.value.code != 0
