"""Tester round 4, the command line: a mistyped database path is refused, not made; backup keeps
an existing file; argument errors, export names and a closed pipe behave as one-line tools do."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from outletdesk.cli import main

READING_COMMANDS = [
    ["users", "list"],
    ["stock", "check"],
    ["export", "customers", "-o", "{tmp}/c.xlsx"],
    ["export", "work-orders", "-o", "{tmp}/w.xlsx"],
    ["export", "parts", "-o", "{tmp}/p.xlsx"],
    ["backup", "-o", "{tmp}/b.sqlite3"],
    ["receipt", "N-000001", "-o", "{tmp}/r.pdf"],
    ["import", "parts", "{tmp}/parts.csv", "--dry-run"],
    ["users", "add", "first", "--role", "admin"],
]


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_missing_sqlite_file_is_refused_and_nothing_is_made(
    tmp_path, monkeypatch, capsys, command
):
    (tmp_path / "parts.csv").write_text("SKU,Name\nA-1,Cable\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO("pw-secret-1\n"))
    before = _files(tmp_path)
    typo = tmp_path / "typo" / "shop.sqlite3"
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    assert main(["--db", f"sqlite:///{typo}", *args]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("outletdesk: ")
    assert str(typo) in err and "outletdesk demo" in err
    assert _files(tmp_path) == before  # no database, no folder, no output


def test_outletdesk_db_naming_a_missing_file_is_refused_too(tmp_path):
    typo = tmp_path / "nowhere" / "x.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "outletdesk", "users", "list"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"OUTLETDESK_DB": f"sqlite:///{typo}", "OUTLETDESK_HOME": str(tmp_path / "home")},
    )
    assert result.returncode == 1
    assert result.stderr.startswith("outletdesk: There is no database at ")
    assert str(typo) in result.stderr and result.stderr.count("\n") == 1
    assert _files(tmp_path) == []  # neither the database nor the data folder


def test_the_default_database_is_refused_by_commands_but_made_by_the_window(
    tmp_path, monkeypatch, capsys
):
    home = tmp_path / "fresh home"
    monkeypatch.setenv("OUTLETDESK_HOME", str(home))
    monkeypatch.delenv("OUTLETDESK_DB", raising=False)
    assert main(["users", "list"]) == 1
    assert str(home / "outletdesk.sqlite3") in capsys.readouterr().err
    assert not home.exists()

    from outletdesk.app import open_shop
    from outletdesk.paths import default_database_url

    shop = open_shop(default_database_url())  # what the window opens at its first start
    try:
        assert not shop.set_up  # the first-run set-up follows
    finally:
        shop.services.db.dispose()
    assert (home / "outletdesk.sqlite3").is_file()


def test_demo_and_restore_make_a_new_database(tmp_path, capsys):
    shop = tmp_path / "new" / "shop.sqlite3"
    assert (
        main(["--db", f"sqlite:///{shop}", "demo", "--customers", "3", "--work-orders", "0"]) == 0
    )
    backup = tmp_path / "bk.sqlite3"
    assert main(["--db", f"sqlite:///{shop}", "backup", "-o", str(backup)]) == 0
    elsewhere = tmp_path / "other" / "restored.sqlite3"
    assert main(["--db", f"sqlite:///{elsewhere}", "restore", str(backup)]) == 0
    capsys.readouterr()
    export = ["export", "customers", "-o", str(tmp_path / "c")]
    assert main(["--db", f"sqlite:///{elsewhere}", *export]) == 0
    assert "3 customers written" in capsys.readouterr().out
    assert main(["--db", f"sqlite:///{elsewhere}", "users", "list"]) == 0
    assert "clerk" in capsys.readouterr().out


def test_restore_of_a_bad_backup_into_a_new_place_makes_nothing(tmp_path, capsys):
    target = tmp_path / "new" / "shop.sqlite3"
    not_a_backup = tmp_path / "notes.sqlite3"
    not_a_backup.write_text("hello", encoding="utf-8")
    for source in (tmp_path / "missing.sqlite3", not_a_backup):
        assert main(["--db", f"sqlite:///{target}", "restore", str(source)]) == 1
        assert str(source) in capsys.readouterr().err
    assert not (tmp_path / "new").exists()


def test_backup_keeps_an_existing_file_unless_forced(db_url, tmp_path, capsys):
    main(["--db", db_url, "demo", "--customers", "2", "--work-orders", "0"])
    target = tmp_path / "bk" / "od.sqlite3"
    assert main(["--db", db_url, "backup", "-o", str(target)]) == 0
    first = target.read_bytes()
    main(["--db", db_url, "demo", "--customers", "5", "--work-orders", "0"])
    capsys.readouterr()
    assert main(["--db", db_url, "backup", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(target) in err and "--force" in err
    assert target.read_bytes() == first
    assert sorted(p.name for p in target.parent.iterdir()) == ["od.sqlite3"]  # no temporary left
    assert main(["--db", db_url, "backup", "-o", str(target), "--force"]) == 0
    assert "5 customers" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "error", "command"),
    [
        (
            ["users", "add", "bob", "--role", "wizard"],
            "argument --role: invalid choice: 'wizard'",
            "outletdesk users add",
        ),
        (
            ["demo", "--customers", "abc"],
            "argument --customers: invalid int value",
            "outletdesk demo",
        ),
        (["export"], "the following arguments are required: WHAT", "outletdesk export"),
        (["frobnicate"], "argument COMMAND: invalid choice: 'frobnicate'", "outletdesk"),
    ],
)
def test_argument_errors_are_one_line(args, error, command):
    result = subprocess.run(
        [sys.executable, "-m", "outletdesk", *args], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("outletdesk: " + error)
    assert result.stderr.endswith(f" (see {command} --help)\n")
    assert result.stderr.count("\n") == 1 and "usage:" not in result.stderr


@pytest.mark.parametrize("name", ["c.csv", "log.xls", "list.txt"])
def test_export_refuses_a_name_that_is_not_a_workbook(db_url, tmp_path, capsys, name):
    before = _files(tmp_path)
    assert main(["--db", db_url, "export", "customers", "-o", str(tmp_path / name)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"outletdesk: --output: “{name}” does not end in .xlsx: exports write Excel workbooks "
        "only; nothing was written.\n"
    )
    assert _files(tmp_path) == before


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("c.xlsx", "c.xlsx"),
        ("C.XLSX", "C.XLSX"),
        ("c", "c.xlsx"),
        ("orders 23.11.2026", "orders 23.11.2026.xlsx"),  # a dot in the name, not a file type
    ],
)
def test_export_writes_the_workbook_name_asked(db_url, tmp_path, capsys, name, written):
    assert main(["--db", db_url, "export", "customers", "-o", str(tmp_path / name)]) == 0
    assert f"written to {tmp_path / written}\n" in capsys.readouterr().out
    assert openpyxl.load_workbook(tmp_path / written).worksheets
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".sqlite3") == [written]


def test_a_closed_pipe_ends_quietly(tmp_path):
    shop = tmp_path / "shop.sqlite3"
    assert (
        main(["--db", f"sqlite:///{shop}", "demo", "--customers", "0", "--work-orders", "0"]) == 0
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "outletdesk", "--db", f"sqlite:///{shop}", "users", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before a line is written, as `| head` can be
    with proc.stderr:
        err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert err == ""


def test_receipt_names_the_printout_as_the_window_does(db_url, tmp_path, capsys):
    main(["--db", db_url, "demo", "--customers", "3", "--work-orders", "5"])
    capsys.readouterr()
    from outletdesk.core.database import Database

    db = Database(db_url)
    try:
        from sqlalchemy import select

        from outletdesk.models import WorkOrder

        with db.read() as s:
            number = s.scalars(select(WorkOrder.number).order_by(WorkOrder.id)).first()
    finally:
        db.dispose()
    for kind, words in (("intake", "Intake receipt"), ("label", "Device label")):
        out = tmp_path / f"{kind}.pdf"
        assert main(["--db", db_url, "receipt", number, "--kind", kind, "-o", str(out)]) == 0
        assert capsys.readouterr().out == f"{words} of {number} written to {out}\n"
