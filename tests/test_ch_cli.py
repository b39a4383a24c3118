"""Tester round 3: printouts an order does not have are refused (core, so window and command line
agree); exports name a missing folder and write .xlsx; restore leaves its source alone."""

from __future__ import annotations

import hashlib
import sqlite3

import openpyxl
import pytest
from conftest import make_actor
from test_work_order_receipts import intake

from outletdesk.cli import main
from outletdesk.core.backup import create_backup, restore_backup, verify_backup
from outletdesk.core.customers import CustomerInput
from outletdesk.core.database import sqlite_online_copy
from outletdesk.core.errors import DomainError
from outletdesk.core.work_orders import receipts, rules
from outletdesk.core.work_orders.dto import LineInput
from outletdesk.models import Role, WorkOrderStatus

S = WorkOrderStatus

# ---------------------------------------------------------------- which printouts an order has


@pytest.mark.parametrize(
    ("status", "lines", "expected"),
    [
        (S.RECEIVED, False, {"intake", "label"}),
        (S.DIAGNOSING, True, {"intake", "label", "quote"}),
        (S.IN_REPAIR, True, {"intake", "label", "quote"}),
        (S.READY, True, {"intake", "label"}),
        (S.UNREPAIRABLE, True, {"intake", "label"}),
        (S.DELIVERED, True, {"intake", "label", "handback"}),
        (S.CANCELLED, True, {"intake", "label"}),
    ],
)
def test_printouts_follow_the_status(status, lines, expected):
    kinds = {k for k in receipts.KINDS if rules.printout_allowed(k, status, lines)}
    assert kinds == expected


@pytest.fixture
def tech(services, outlet):
    return make_actor(services, outlet.id, Role.TECHNICIAN, "tech")


def test_open_order_has_no_hand_back_receipt(services, clerk, tech):
    order = intake(services, clerk)
    order, _ = services.work_orders.move(tech, order.id, order.version, "diagnosing")
    for paper in ("80mm", "58mm", "a4"):
        with pytest.raises(DomainError) as caught:
            receipts.receipt_pdf(services, clerk, order.id, "handback", paper)
        message = caught.value.message()
        assert order.number in message and "Diagnosing" in message  # a word, not "diagnosing"
        assert "not been handed back" in message
    with pytest.raises(DomainError):
        receipts.receipt_document(services, clerk, order.id, "handback")
    # what an open order does have still prints
    assert receipts.receipt_pdf(services, clerk, order.id, "intake").startswith(b"%PDF")
    assert receipts.receipt_pdf(services, clerk, order.id, "label").startswith(b"%PDF")


def test_quote_needs_lines_and_work_still_to_do(services, clerk, tech):
    order = intake(services, clerk, technician_id=tech.user_id)
    with pytest.raises(DomainError, match="no work or parts to quote"):
        receipts.receipt_pdf(services, clerk, order.id, "quote")
    order, _ = services.work_orders.move(tech, order.id, order.version, "diagnosing")
    order, _ = services.work_orders.set_lines(
        tech, order.id, order.version, [LineInput("part", "Battery 电池", 1, "180.00")]
    )
    assert receipts.receipt_pdf(services, clerk, order.id, "quote").startswith(b"%PDF")
    order, _ = services.work_orders.move(tech, order.id, order.version, "in_repair")
    order, _ = services.work_orders.move(tech, order.id, order.version, "ready")
    with pytest.raises(DomainError, match="Ready for pickup: a quote is only for work still"):
        receipts.receipt_pdf(services, clerk, order.id, "quote")
    order, _ = services.work_orders.hand_back(
        clerk, order.id, order.version, "王芳", payment=str(order.balance)
    )
    assert receipts.receipt_pdf(services, clerk, order.id, "handback").startswith(b"%PDF")


def test_command_line_refuses_a_hand_back_receipt_of_an_open_order(
    db_url, services, clerk, tmp_path, capsys
):
    order = intake(services, clerk)
    out = tmp_path / "x.pdf"
    args = ["--db", db_url, "receipt", order.number, "-o", str(out), "--kind", "handback"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("outletdesk: ") and err.count("\n") == 1
    assert order.number in err and "Received" in err
    assert not out.exists()


# ---------------------------------------------------------------- export files

EXPORTS = [
    ["customers"],
    ["work-orders"],
    ["parts"],
    ["stock"],
    ["stock-movements"],
    ["low-stock"],
    ["stock-value"],
    ["equipment"],
    ["maintenance-log"],
    ["equipment-due"],
    ["maintenance-plans"],
]


@pytest.mark.parametrize("what", EXPORTS, ids=lambda w: w[0])
def test_export_to_a_missing_folder_names_it(db_url, tmp_path, capsys, what):
    folder = tmp_path / "nodir"
    args = ["--db", db_url, "export", *what, "-o", str(folder / "x.xlsx")]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert (
        err == f"outletdesk: --output: the folder {folder} does not exist; nothing was written.\n"
    )
    assert not folder.exists()  # not made either: one behaviour for every export
    assert ".tmp" not in err


@pytest.mark.parametrize("what", EXPORTS, ids=lambda w: w[0])
def test_export_name_gets_xlsx_as_in_the_window(db_url, tmp_path, capsys, what):
    args = ["--db", db_url, "export", *what, "-o", str(tmp_path / "log")]
    assert main(args) == 0
    written = tmp_path / "log.xlsx"
    assert str(written) in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".sqlite3") == ["log.xlsx"]
    assert openpyxl.load_workbook(written).worksheets  # a real workbook


def test_receipt_to_a_missing_folder_names_it(db_url, services, clerk, tmp_path, capsys):
    order = intake(services, clerk)
    folder = tmp_path / "nodir"
    assert main(["--db", db_url, "receipt", order.number, "-o", str(folder / "r.pdf")]) == 1
    assert f"the folder {folder} does not exist" in capsys.readouterr().err
    assert not folder.exists()


def test_writer_error_names_the_folder_not_its_temporary_file(tmp_path):
    from outletdesk.export.xlsx import Column, XlsxLogWriter

    writer = XlsxLogWriter(tmp_path / "gone" / "x.xlsx")
    writer.add_sheet("S", [Column("A", "text")], [("a",)])
    with pytest.raises(FileNotFoundError) as caught:
        writer.save()
    assert caught.value.filename == str(tmp_path / "gone")


# ---------------------------------------------------------------- backup and restore files


def _snapshot(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_backup_leaves_one_file_and_restore_leaves_it_untouched(services, admin, clerk, tmp_path):
    services.customers.create(clerk, CustomerInput("王芳", ["13800138000"]))
    folder = tmp_path / "backups"
    folder.mkdir()
    target = folder / "bk1.sqlite3"
    create_backup(services.db, admin, target)
    assert sorted(p.name for p in folder.iterdir()) == ["bk1.sqlite3"]
    before = _snapshot(folder)
    verify_backup(target)
    restore_backup(services.db, admin, target, force=True)
    assert _snapshot(folder) == before  # no -wal, no -shm, the same bytes
    assert [c.name for c in services.customers.search(clerk).rows] == ["王芳"]


def test_restore_of_an_older_wal_mode_backup_leaves_it_untouched(services, admin, clerk, tmp_path):
    """Backups made before this fix carry the live database's WAL mode in their header."""
    services.customers.create(clerk, CustomerInput("Anna", ["0612345678"]))
    folder = tmp_path / "old"
    folder.mkdir()
    target = folder / "bk1.sqlite3"
    create_backup(services.db, admin, tmp_path / "fresh.sqlite3")
    sqlite_online_copy(tmp_path / "fresh.sqlite3", target)
    # make it a WAL-mode file, as the old create_backup left them
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    assert target.read_bytes()[18:20] == b"\x02\x02"
    before = _snapshot(folder)
    restore_backup(services.db, admin, target, force=True)
    assert _snapshot(folder) == before
    assert [c.name for c in services.customers.search(clerk).rows] == ["Anna"]


def test_command_line_restore_leaves_the_backup_folder_as_it_was(
    db_url, services, admin, clerk, tmp_path, capsys
):
    services.customers.create(clerk, CustomerInput("王芳", ["13800138000"]))
    folder = tmp_path / "b"
    assert main(["--db", db_url, "backup", "-o", str(folder / "bk1.sqlite3")]) == 0
    before = _snapshot(folder)
    assert list(before) == ["bk1.sqlite3"]
    assert main(["--db", db_url, "restore", str(folder / "bk1.sqlite3"), "--force"]) == 0
    assert _snapshot(folder) == before
