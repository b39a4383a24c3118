"""The command line runs the same services as the window; errors give one line and a non-zero exit."""

from __future__ import annotations

import io
import subprocess
import sys

import openpyxl
import pytest

from outletdesk.cli import main


def test_demo_then_export_backup_restore(db_url, tmp_path, capsys):
    assert main(["--db", db_url, "demo", "--customers", "50"]) == 0
    out = capsys.readouterr().out
    assert "2 outlets, 5 users, 50 customers" in out
    assert "Demo spare parts and stock added." in out
    # running it again adds nothing
    assert main(["--db", db_url, "demo", "--customers", "50"]) == 0
    out = capsys.readouterr().out
    assert "50 customers" in out and "spare parts" not in out
    assert main(["--db", db_url, "stock", "check"]) == 0  # the demo stock went through the ledger

    xlsx = tmp_path / "customers.xlsx"
    assert main(["--db", db_url, "export", "customers", "-o", str(xlsx)]) == 0
    assert "50 customers written" in capsys.readouterr().out
    sheet = openpyxl.load_workbook(xlsx).active
    data = [r for r in sheet.iter_rows(values_only=True) if r and isinstance(r[0], int)]
    assert len(data) == 50
    assert all(isinstance(r[2], str) and r[2].isdigit() for r in data)

    backup = tmp_path / "backup.sqlite3"
    assert main(["--db", db_url, "backup", "-o", str(backup)]) == 0
    assert backup.exists()
    assert main(["--db", db_url, "restore", str(backup)]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["--db", db_url, "restore", str(backup), "--force"]) == 0


def test_users_add_reads_the_password_from_stdin(db_url, monkeypatch, capsys):
    main(["--db", db_url, "demo", "--customers", "0"])
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO("pw-secret\n"))
    assert (
        main(["--db", db_url, "users", "add", "Ming", "--role", "technician", "--outlet", "S"]) == 0
    )
    assert "User ming (technician) added." in capsys.readouterr().out
    assert main(["--db", db_url, "users", "list"]) == 0
    assert "ming" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["users", "add", "bad name", "--role", "clerk"], "pw-secret\n", "User name"),
        (["users", "add", "ok", "--role", "clerk"], "abc\n", "Password"),
        (["users", "add", "ok", "--role", "clerk", "--outlet", "ZZ"], "pw-secret\n", "no outlet"),
        (["restore", "/nonexistent/file.sqlite3"], "", "does not exist"),
    ],
)
def test_errors_are_one_line_and_non_zero(db_url, monkeypatch, capsys, args, stdin, message):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    assert main(["--db", db_url, *args]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("outletdesk: ")


def test_bad_arguments_exit_non_zero(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["demo", "--customers", "many"])
    assert exit_.value.code != 0
    with pytest.raises(SystemExit) as exit_:
        main(["users", "add", "x", "--role", "emperor"])
    assert exit_.value.code != 0


def test_installed_command_and_environment_variable(tmp_path):
    env = {
        "OUTLETDESK_DB": f"sqlite:///{tmp_path / 'env.sqlite3'}",
        "OUTLETDESK_HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-m", "outletdesk.cli", "demo", "--customers", "3", "--work-orders", "10"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env.sqlite3").exists()
    assert "10 demo work orders added." in result.stdout
    helps = subprocess.run(
        [sys.executable, "-m", "outletdesk.cli", "export", "customers", "--help"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert helps.returncode == 0 and "-o" in helps.stdout


def test_file_problems_are_one_line_too(db_url, tmp_path, capsys):
    main(["--db", db_url, "demo", "--customers", "1"])
    capsys.readouterr()
    assert main(["--db", db_url, "export", "customers", "-o", "/nonexistent/dir/x.xlsx"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("outletdesk: ") and err.count("\n") == 1


def test_demo_refuses_a_working_outlets_database(db_url, capsys):
    from outletdesk.core.database import Database
    from outletdesk.core.outlets import OutletInput
    from outletdesk.core.setup import set_up_first_run

    db = Database(db_url)
    set_up_first_run(db, OutletInput("HQ", "Real Shop"), "owner", "Owner", "pw-1234")
    db.dispose()
    assert main(["--db", db_url, "demo"]) == 1
    assert "working outlet" in capsys.readouterr().err
    assert main(["--db", db_url, "users", "list"]) == 0
    assert "clerk" not in capsys.readouterr().out
