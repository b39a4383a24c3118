"""Command line: `outletdesk` opens the window; `outletdesk COMMAND` runs the same services headless."""

from __future__ import annotations

import argparse
import gc
import getpass
import os
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import __version__
from .paths import default_database_url

if TYPE_CHECKING:
    from .core.auth import Actor
    from .core.equipment.importer import EquipmentImportReport
    from .core.parts.importer import ImportReport as CatalogueImportReport
    from .core.services import Services
    from .models import MovementKind, WorkOrderStatus


DEMO_WORK_ORDERS = 300
# The commands that may make a new database where --db names none: the demo fills one, and a
# restore puts a backup in a new place. Every other command reads or copies data, so a missing
# SQLite file is a mistyped path, refused before anything is created.
CREATES_DATABASE = ("demo", "restore")
# What the window calls each printout (ui.work_orders.printouts.kind_title).
PRINTOUT_NAMES = {
    "intake": "Intake receipt",
    "handback": "Hand-back receipt",
    "quote": "Quote",
    "label": "Device label",
}


def _n(count: int, noun: str, nouns: str) -> str:
    """A count with its noun in the singular or the plural: "1 part", "2 parts"."""
    return f"{count} {noun if count == 1 else nouns}"


class _Parser(argparse.ArgumentParser):
    """An argument error in one line, as every other error is; the usage is what --help is for."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"outletdesk: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="outletdesk",
        description="OutletDesk for repair and service outlets. With no command, opens the window.",
    )
    p.add_argument("--version", action="version", version=f"OutletDesk {__version__}")
    p.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: $OUTLETDESK_DB, else the SQLite file in the user data folder); "
        "e.g. postgresql://user:pass@host/outletdesk",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="create or fill a demo database (outlets, users, customers)")
    demo.add_argument(
        "--customers", type=int, default=240, metavar="N", help="customers to have (default 240)"
    )
    demo.add_argument(
        "--work-orders",
        type=int,
        default=None,
        metavar="N",
        help="demo work orders to add over several years at every outlet "
        f"(default: {DEMO_WORK_ORDERS} when the database has none yet)",
    )

    demo.add_argument(
        "--no-parts",
        action="store_true",
        help="leave the spare-parts catalogue empty (to try an import of your own)",
    )

    backup = sub.add_parser(
        "backup", help="write a consistent copy of the database (works while the app runs)"
    )
    backup.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    backup.add_argument("--force", action="store_true", help="replace FILE if it exists")

    restore = sub.add_parser("restore", help="replace the database with a verified backup file")
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument(
        "--force", action="store_true", help="overwrite a database that already holds data"
    )

    export = sub.add_parser("export", help="write an Excel log")
    export_sub = export.add_subparsers(dest="what", metavar="WHAT", required=True)
    customers = export_sub.add_parser("customers", help="the customer list")
    customers.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    customers.add_argument(
        "--search", default="", metavar="TEXT", help="only customers matching this name or phone"
    )

    work_orders = export_sub.add_parser(
        "work-orders", help="the work-order log (one row per order, and a sheet of lines)"
    )
    work_orders.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    work_orders.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="received on or after this day"
    )
    work_orders.add_argument(
        "--to", dest="date_to", metavar="YYYY-MM-DD", help="received on or before this day"
    )
    work_orders.add_argument("--outlet", metavar="CODE", help="only this outlet's orders")
    work_orders.add_argument(
        "--status",
        action="append",
        default=[],
        metavar="S",
        help="only orders in this status, e.g. delivered (repeat or separate by commas)",
    )

    parts = export_sub.add_parser(
        "parts", help="the parts catalogue, in the columns `import parts` reads"
    )
    parts.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    parts.add_argument(
        "--outlet", metavar="CODE", help="add this outlet's bin, minimum level and reorder quantity"
    )
    levels = export_sub.add_parser("stock", help="stock levels per outlet and location")
    levels.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    levels.add_argument("--outlet", metavar="CODE", help="only this outlet")
    moves = export_sub.add_parser("stock-movements", help="the stock movement log")
    moves.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    moves.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="on or after this day"
    )
    moves.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="on or before this day")
    moves.add_argument("--outlet", metavar="CODE", help="only this outlet's movements")
    moves.add_argument("--part", metavar="SKU", help="only this part (SKU or barcode)")
    moves.add_argument(
        "--kind", metavar="K", help="only this kind: " + ", ".join(k.value for k in _kinds())
    )
    low = export_sub.add_parser(
        "low-stock", help="parts below their minimum level, with how many to order"
    )
    low.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    low.add_argument("--outlet", metavar="CODE", help="only this outlet (default: every outlet)")
    value = export_sub.add_parser(
        "stock-value", help="stock value at average cost, per outlet and per part"
    )
    value.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    value.add_argument("--outlet", metavar="CODE", help="only this outlet")
    equipment = export_sub.add_parser("equipment", help="the equipment register")
    equipment.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    equipment.add_argument("--outlet", metavar="CODE", help="only this outlet's equipment")
    upkeep = export_sub.add_parser(
        "maintenance-log", help="maintenance done, repairs and breakdowns"
    )
    upkeep.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    upkeep.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="done on or after this day"
    )
    upkeep.add_argument(
        "--to", dest="date_to", metavar="YYYY-MM-DD", help="done on or before this day"
    )
    upkeep.add_argument("--outlet", metavar="CODE", help="only this outlet's records")
    upkeep.add_argument("--asset", metavar="TAG", help="only this asset")
    upkeep.add_argument("--category", metavar="NAME", help="only assets of this category")
    due = export_sub.add_parser(
        "equipment-due", help="maintenance overdue, due today, this week and upcoming"
    )
    due.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    due.add_argument("--outlet", metavar="CODE", help="only this outlet (default: every outlet)")
    due.add_argument("--category", metavar="NAME", help="only assets of this category")
    due.add_argument("--today", metavar="YYYY-MM-DD", help="as seen on this day (default: today)")
    plans = export_sub.add_parser(
        "maintenance-plans", help="every plan, with the next due of each asset it covers"
    )
    plans.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    plans.add_argument("--outlet", metavar="CODE", help="only assets at this outlet")
    plans.add_argument("--inactive", action="store_true", help="include plans no longer in use")

    imports = sub.add_parser("import", help="read a spreadsheet into the database")
    import_sub = imports.add_subparsers(dest="what", metavar="WHAT", required=True)
    parts_in = import_sub.add_parser(
        "parts",
        help="the parts catalogue from .xlsx or .csv; existing SKUs are updated. Any invalid "
        "row: nothing is imported, the rows are listed, exit status 2",
    )
    parts_in.add_argument("file", type=Path, metavar="FILE")
    parts_in.add_argument(
        "--dry-run", action="store_true", help="check every row and report, import nothing"
    )
    parts_in.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows, skip the invalid ones"
    )
    parts_in.add_argument(
        "--outlet",
        metavar="CODE",
        help="the outlet whose bin, minimum level and reorder quantity the file sets",
    )
    equipment_in = import_sub.add_parser(
        "equipment",
        help="the equipment register from .xlsx or .csv; a row with a known tag updates that "
        "asset, a row without a tag adds one. Any invalid row: nothing is imported, exit status 2",
    )
    equipment_in.add_argument("file", type=Path, metavar="FILE")
    equipment_in.add_argument(
        "--dry-run", action="store_true", help="check every row and report, import nothing"
    )
    equipment_in.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows, skip the invalid ones"
    )
    equipment_in.add_argument(
        "--outlet", metavar="CODE", help="the outlet of new assets whose Outlet cell is empty"
    )
    equipment_in.add_argument(
        "--new-categories",
        action="store_true",
        help="create the categories the file names that the register does not have (without "
        "it such a row is invalid)",
    )
    history_in = import_sub.add_parser(
        "maintenance-history",
        help="machines, failures and replacements from PdM_machines.csv, PdM_failures.csv and "
        "PdM_maint.csv in DIR; what is already there is matched, not added again. Any malformed "
        "line: nothing is imported, exit status 2",
    )
    history_in.add_argument("directory", type=Path, metavar="DIR")
    history_in.add_argument(
        "--outlet", metavar="CODE", help="the outlet of new machines (default: the first outlet)"
    )
    history_in.add_argument(
        "--dry-run", action="store_true", help="check every line and count, import nothing"
    )

    receipt = sub.add_parser("receipt", help="print a work order's receipt or label to a PDF")
    receipt.add_argument("number", metavar="NUMBER", help="work order number, e.g. N-000123")
    receipt.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    receipt.add_argument(
        "--kind", choices=["intake", "handback", "quote", "label"], default="intake"
    )
    receipt.add_argument(
        "--format",
        dest="paper",
        metavar="FORMAT",
        help="receipts: 80mm (default), 58mm or a4; labels: 62x29 (default) or 40x20",
    )

    users = sub.add_parser("users", help="manage users")
    users_sub = users.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = users_sub.add_parser(
        "add", help="add a user (asks for the password, or reads it from stdin)"
    )
    add.add_argument("name", metavar="NAME", help="user name used to sign in")
    add.add_argument(
        "--role", required=True, choices=["admin", "manager", "clerk", "technician", "maintenance"]
    )
    add.add_argument("--full-name", default="", help="name shown on screen and receipts")
    add.add_argument("--outlet", metavar="CODE", help="home outlet code")
    users_sub.add_parser("list", help="list users and their roles")

    stock = sub.add_parser("stock", help="spare-parts stock")
    stock_sub = stock.add_subparsers(dest="action", metavar="ACTION", required=True)
    stock_sub.add_parser(
        "check", help="prove every cached on-hand equals the sum of its ledger movements"
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    url = args.db or default_database_url()
    if args.command is None:
        # Start-up makes a few hundred thousand objects (Qt, SQLAlchemy, the models) that live as
        # long as the window, and the cyclic collector would walk them over and over while they are
        # made. It stays off until the main window stands; open_main_window freezes what start-up
        # made and turns it back on.
        gc.disable()
        from .app import run_app

        return run_app(url)
    from .core.errors import OutletDeskError

    try:
        code = _run(args, url)
        sys.stdout.flush()  # a reader gone shows here, where it is handled, rather than at exit
        return code
    except OutletDeskError as exc:
        print(f"outletdesk: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return _reader_gone()
    except OSError as exc:  # a file that cannot be written or read: name it, no traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"outletdesk: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("outletdesk: interrupted", file=sys.stderr)
        return 130


def _reader_gone() -> int:
    """Whoever read our output stopped (`outletdesk users list | head -3`): stop quietly, as
    other tools do. What is still buffered goes nowhere instead of failing again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout to replace (already closed, or captured)
        pass
    return 141  # 128 + SIGPIPE: what a shell reports for a tool stopped by a closed pipe


def _run(args: argparse.Namespace, url: str) -> int:
    from .core.auth import Actor
    from .core.services import Services

    output = getattr(args, "output", None)
    if output is not None and args.command in ("export", "receipt"):
        args.output = _output_file(args.output, ".xlsx" if args.command == "export" else None)
    actor = Actor.command_line()
    if args.command == "restore":
        from .core.backup import verify_backup
        from .core.database import missing_sqlite_file

        if missing_sqlite_file(url) is not None:  # a new place: make it only for a sound backup
            verify_backup(args.file)
    services = Services.open(url, create=args.command in CREATES_DATABASE)
    try:
        if args.command == "demo":
            return _demo(services, args)
        if args.command == "backup":
            from .core.backup import create_backup

            info = create_backup(services.db, actor, args.output, replace=args.force)
            print(
                f"Backup written to {info.path} ({_n(info.outlets, 'outlet', 'outlets')}, "
                f"{_n(info.users, 'user', 'users')}, {_n(info.customers, 'customer', 'customers')})"
            )
            return 0
        if args.command == "restore":
            from .core.backup import restore_backup

            info, _ = restore_backup(services.db, actor, args.file, force=args.force)
            print(
                f"Restored {services.db.describe()} from {args.file} "
                f"({_n(info.customers, 'customer', 'customers')})"
            )
            return 0
        if args.command == "export" and args.what == "work-orders":
            return _export_work_orders(services, actor, args)
        if args.command == "export" and args.what in PARTS_EXPORTS:
            return _export_parts(services, actor, args)
        if args.command == "import" and args.what in ("equipment", "maintenance-history"):
            return _import_equipment(services, actor, args)
        if args.command == "export" and args.what in EQUIPMENT_EXPORTS:
            return _export_equipment(services, actor, args)
        if args.command == "import":
            return _import_parts(services, actor, args)
        if args.command == "receipt":
            return _receipt(services, actor, args)
        if args.command == "export":
            from .core.customer_export import export_customers

            count = export_customers(services, actor, args.output, query=args.search)
            print(f"{_n(count, 'customer', 'customers')} written to {args.output}")
            return 0
        if args.command == "users":
            return _users(services, actor, args)
        if args.command == "stock":
            return _stock_check(services, actor)
    finally:
        services.db.dispose()
    raise AssertionError(args.command)


def _output_file(path: Path, suffix: str | None) -> Path:
    """Where an export or a printout goes: in a folder that exists (a missing one is named, not
    made, so a mistyped path writes nothing). A workbook's name ends in .xlsx, added when the
    name has no suffix as the window's save dialog does; another suffix ("log.csv") is refused
    rather than written as "log.csv.xlsx"."""
    from .core.errors import ValidationError

    if suffix is not None:
        from .export.xlsx import with_xlsx_suffix

        # Another file type's suffix (.csv, .xls, .pdf), not a dot inside a name such as
        # "orders 23.11.2026", which gets .xlsx added.
        kind = path.suffix.lower()
        if kind != suffix and re.fullmatch(r"\.[a-z][a-z0-9]{0,4}", kind):
            raise ValidationError(
                "--output",
                "“{name}” does not end in {suffix}: exports write Excel workbooks only; "
                "nothing was written.",
                name=path.name,
                suffix=suffix,
            )
        path = with_xlsx_suffix(path)
    folder = path.parent
    if not folder.is_dir():
        raise ValidationError(
            "--output",
            "the folder {folder} does not exist; nothing was written.",
            folder=str(folder.absolute()),
        )
    return path


PARTS_EXPORTS = ("parts", "stock", "stock-movements", "low-stock", "stock-value")


def _kinds() -> tuple[MovementKind, ...]:
    from .models import MovementKind

    return tuple(MovementKind)


def _outlet(services: Services, code: str | None) -> int | None:
    from .core.errors import NotFound, ValidationError

    if not code:
        return None
    try:
        return services.outlets.by_code(code).id
    except NotFound:
        raise ValidationError(
            "--outlet", "there is no outlet with code “{code}”.", code=code[:20]
        ) from None


def _export_parts(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    from .core.errors import NotFound, ValidationError
    from .core.parts import export as x

    outlet_id = _outlet(services, args.outlet)
    out = args.output
    if args.what == "parts":
        count = x.export_catalogue(services, actor, out, outlet_id=outlet_id)
        print(f"{_n(count, 'part', 'parts')} written to {out}")
    elif args.what == "stock":
        count = x.export_stock_levels(services, actor, out, outlet_id=outlet_id)
        print(f"{_n(count, 'stock row', 'stock rows')} written to {out}")
    elif args.what == "low-stock":
        count = x.export_low_stock(services, actor, out, outlet_id=outlet_id)
        print(f"{_n(count, 'part', 'parts')} to reorder written to {out}")
    elif args.what == "stock-value":
        count = x.export_stock_value(services, actor, out, outlet_id=outlet_id)
        print(f"Stock value of {_n(count, 'part', 'parts')} written to {out}")
    else:
        date_from, date_to = _day("--from", args.date_from), _day("--to", args.date_to)
        if date_from and date_to and date_from > date_to:
            raise ValidationError(
                "--to", "{to} is before --from {start}.", to=date_to, start=date_from
            )
        part_id = None
        if args.part:
            try:
                part_id = services.catalogue.find(actor, args.part).id
            except NotFound:
                raise ValidationError(
                    "--part", "no part has the SKU or barcode “{code}”.", code=args.part[:40]
                ) from None
        kinds = {k.value: k for k in _kinds()}
        kind = None
        if args.kind:
            kind = kinds.get(args.kind.strip().lower())
            if kind is None:
                raise ValidationError(
                    "--kind",
                    "“{value}” is not a movement kind; use one of: {allowed}.",
                    value=args.kind[:30],
                    allowed=", ".join(kinds),
                )
        f = x.MovementFilter(date_from, date_to, outlet_id, part_id, kind)
        count = x.export_movements(services, actor, out, f)
        print(f"{_n(count, 'stock movement', 'stock movements')} written to {out}")
    return 0


EQUIPMENT_EXPORTS = ("equipment", "maintenance-log", "equipment-due", "maintenance-plans")


def _export_equipment(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    from .core.equipment import export as x
    from .core.errors import ValidationError

    outlet_id = _outlet(services, args.outlet)
    out = args.output
    if args.what == "equipment":
        count = x.export_equipment(services, actor, out, outlet_id=outlet_id)
        print(f"{_n(count, 'asset', 'assets')} written to {out}")
        return 0
    if args.what == "maintenance-plans":
        count = x.export_plans(
            services, actor, out, outlet_id=outlet_id, include_inactive=args.inactive
        )
        print(f"{_n(count, 'plan row', 'plan rows')} written to {out}")
        return 0
    category_id = _category(services, actor, args.category)
    if args.what == "equipment-due":
        count = x.export_due_list(
            services, actor, out, outlet_id=outlet_id, category_id=category_id,
            today=_day("--today", args.today),
        )  # fmt: skip
        print(f"{_n(count, 'maintenance task', 'maintenance tasks')} written to {out}")
        return 0
    date_from, date_to = _day("--from", args.date_from), _day("--to", args.date_to)
    if date_from and date_to and date_from > date_to:
        raise ValidationError("--to", "{to} is before --from {start}.", to=date_to, start=date_from)
    asset_id = None
    if args.asset:
        asset = services.equipment.by_tag(actor, args.asset)
        if asset is None:
            raise ValidationError("--asset", "no asset has the tag “{tag}”.", tag=args.asset[:30])
        asset_id = asset.id
    f = x.RecordFilter(date_from, date_to, outlet_id, asset_id, category_id)
    count = x.export_maintenance_log(services, actor, out, f)
    print(f"{_n(count, 'maintenance record', 'maintenance records')} written to {out}")
    return 0


def _category(services: Services, actor: Actor, name: str | None) -> int | None:
    """The category a name (or the start of one, any case) picks out."""
    from .core.errors import ValidationError

    if not name:
        return None
    wanted = name.strip().casefold()
    categories = services.equipment.categories(actor, include_retired=True)
    found = [c for c in categories if c.name.casefold() == wanted] or [
        c for c in categories if c.name.casefold().startswith(wanted)
    ]
    if len(found) != 1:
        raise ValidationError(
            "--category",
            "“{value}” names no single category; use one of: {allowed}.",
            value=name[:40],
            allowed=", ".join(c.name for c in categories),
        )
    return found[0].id


def _import_parts(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    """Exit 0 when imported (or a clean dry run), 2 when rows are invalid and nothing was
    imported; the report lists each bad cell."""
    from .core.errors import DomainError, ValidationError
    from .core.parts.importer import CatalogueImporter
    from .core.parts.ledger import NO_OUTLET

    importer = CatalogueImporter(services.db)
    outlet_id = _outlet(services, args.outlet)
    try:
        if args.dry_run:
            report = importer.dry_run(actor, args.file, outlet_id=outlet_id)
        else:
            report, _ = importer.run(
                actor, args.file, outlet_id=outlet_id, skip_invalid=args.skip_invalid
            )
    except DomainError as exc:
        if exc.template != NO_OUTLET:
            raise
        raise ValidationError(
            "--outlet",
            "the file has bin, minimum level or reorder quantity columns: name the outlet "
            "whose main store they are for with --outlet CODE.",
        ) from exc
    added = "; new suppliers: " + ", ".join(report.new_suppliers) if report.new_suppliers else ""
    return _import_report(args, report, added)


def _import_equipment(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    """`import equipment` and `import maintenance-history`: exit 0 when imported (or a clean
    dry run), 2 when rows are invalid and nothing was imported."""
    outlet_id = _outlet(services, args.outlet)
    if args.what == "maintenance-history":
        from .core.equipment.pdm import import_maintenance_history

        history = import_maintenance_history(
            services, actor, args.directory, outlet_id, dry_run=args.dry_run
        )
        for line in history.problems:
            print(line.describe())
        counts = (
            f"{_n(history.assets_added, 'asset', 'assets')} added, "
            f"{history.assets_matched} already there; "
            f"{_n(history.records_added, 'record', 'records')} added ({history.planned} planned, "
            f"{_n(history.repairs, 'repair', 'repairs')}, "
            f"{_n(history.breakdowns, 'breakdown', 'breakdowns')}), "
            f"{history.records_matched} already there"
        )
        bad = len({(p.file, p.line) for p in history.problems})
        if history.problems:
            print(f"{args.directory}: {counts}.")
            print(
                f"outletdesk: {_n(bad, 'malformed line', 'malformed lines')}; nothing was imported",
                file=sys.stderr,
            )
            return 2
        print(f"{'Dry run of' if args.dry_run else 'Imported'} {args.directory}: {counts}.")
        return 0
    from .core.equipment.importer import EquipmentImporter

    importer = EquipmentImporter(services.db)
    allow = args.new_categories
    if args.dry_run:
        report = importer.dry_run(actor, args.file, outlet_id=outlet_id, new_categories=allow)
    else:
        report, _ = importer.run(
            actor, args.file, outlet_id=outlet_id, skip_invalid=args.skip_invalid,
            new_categories=allow,
        )  # fmt: skip
    if report.new_categories and not allow:  # the rows naming them are invalid: say the way out
        unknown = ", ".join(f"“{name}”" for name in report.new_categories)
        return _import_report(
            args, report, "", f"; to create the categories {unknown}, add --new-categories"
        )
    added = "; new categories: " + ", ".join(report.new_categories) if report.new_categories else ""
    return _import_report(args, report, added)


def _import_report(
    args: argparse.Namespace,
    report: CatalogueImportReport | EquipmentImportReport,
    added: str,
    remedy: str = "",
) -> int:
    """Print an import's bad cells and counts (`added`: what it creates besides rows; `remedy`:
    another way to make invalid rows good). Exit 2 when rows are invalid and nothing was
    imported (a dry run imports nothing), else 0."""
    for problem in report.problems:
        print(problem.line())
    counts = (
        f"{_n(report.rows, 'row', 'rows')}: {report.new} new, {report.updated} updated, "
        f"{report.unchanged} unchanged, {report.invalid_rows} invalid{added}"
    )
    if args.dry_run:
        print(f"Dry run of {args.file}: {counts}. Nothing was imported{remedy}.")
        return 2 if report.problems else 0
    if report.problems and not args.skip_invalid:
        print(f"{args.file}: {counts}.")
        print(
            f"outletdesk: {_n(report.invalid_rows, 'invalid row', 'invalid rows')}; nothing was imported "
            f"(fix them, or import the valid rows with --skip-invalid){remedy}",
            file=sys.stderr,
        )
        return 2
    skipped = " (invalid rows skipped)" if report.problems else ""
    print(f"Imported {args.file}{skipped}: {counts}{remedy}.")
    return 0


def _stock_check(services: Services, actor: Actor) -> int:
    """Exit 0 when the ledger explains every on-hand; else list the rows that disagree, exit 2."""
    wrong = services.stock.check(actor)
    if not wrong:
        print("Stock agrees with the ledger: every on-hand is the sum of its movements.")
        return 0
    for m in wrong:
        print(
            f"part {m.part_id} at location {m.location_id}: on hand {m.cached}, "
            f"ledger says {m.ledger}"
        )
    print(
        f"{_n(len(wrong), 'stock row disagrees', 'stock rows disagree')} with the ledger.",
        file=sys.stderr,
    )
    return 2


def _demo(services: Services, args: argparse.Namespace) -> int:
    from .core.demo import DEMO_PASSWORD, DEMO_USERS, fill_demo
    from .core.errors import ValidationError

    if args.customers < 0 or args.customers > 5_000_000:
        raise ValidationError(
            "--customers", "must be between {minimum} and {maximum}.", minimum=0, maximum=5_000_000
        )
    if args.work_orders is not None and not 0 <= args.work_orders <= 5_000_000:
        raise ValidationError(
            "--work-orders",
            "must be between {minimum} and {maximum}.",
            minimum=0,
            maximum=5_000_000,
        )
    report = fill_demo(services.db, customers=args.customers)
    print(
        f"Demo database {services.db.describe()}: {_n(report.outlets, 'outlet', 'outlets')}, "
        f"{_n(report.users, 'user', 'users')}, {_n(report.customers, 'customer', 'customers')}."
    )
    print(
        "Sign in as "
        + ", ".join(u for u, _, _ in DEMO_USERS)
        + f" with password '{DEMO_PASSWORD}'."
    )
    from .core.parts.demo import add_demo_parts

    if not args.no_parts and add_demo_parts(services.db):
        print("Demo spare parts and stock added.")
    from .core.equipment.demo import add_demo_equipment

    if add_demo_equipment(services.db):
        print("Demo equipment added.")
    wanted = args.work_orders
    if wanted is None:  # a first demo shows a living counter; later runs add nothing unasked
        from sqlalchemy import func, select

        from .models import WorkOrder

        with services.db.read() as s:
            none_yet = not s.scalar(select(func.count()).select_from(WorkOrder))
        wanted = DEMO_WORK_ORDERS if none_yet and report.customers else 0
    if wanted:
        from .core.work_orders.demo import generate_work_orders

        made = generate_work_orders(services.db, wanted)
        print(f"{_n(made, 'demo work order', 'demo work orders')} added.")
    return 0


def _statuses() -> tuple[WorkOrderStatus, ...]:
    from .models import WorkOrderStatus

    return tuple(WorkOrderStatus)


def _day(option: str, value: str | None) -> date | None:
    from .core.errors import ValidationError

    if value is None:
        return None
    try:
        if len(value.strip()) != 10:
            raise ValueError(value)
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(
            option, "“{value}” is not a date; write it as YYYY-MM-DD.", value=value[:20]
        ) from None


def _export_work_orders(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    from .core.errors import NotFound, ValidationError
    from .core.work_orders.export import export_work_orders
    from .core.work_orders.queries import WorkOrderFilter

    date_from, date_to = _day("--from", args.date_from), _day("--to", args.date_to)
    if date_from and date_to and date_from > date_to:
        raise ValidationError("--to", "{to} is before --from {start}.", to=date_to, start=date_from)
    outlet_id = None
    if args.outlet:
        try:
            outlet_id = services.outlets.by_code(args.outlet).id
        except NotFound:
            raise ValidationError(
                "--outlet", "there is no outlet with code “{code}”.", code=args.outlet[:20]
            ) from None
    known = {s.value: s for s in _statuses()}
    statuses = []
    for given in (part.strip().lower() for item in args.status for part in item.split(",")):
        if given not in known:
            raise ValidationError(
                "--status",
                "“{value}” is not a status; use one of: {allowed}.",
                value=given[:30],
                allowed=", ".join(known),
            )
        statuses.append(known[given])
    f = WorkOrderFilter(
        statuses=tuple(dict.fromkeys(statuses)),
        outlet_id=outlet_id,
        received_from=date_from,
        received_to=date_to,
    )
    count = export_work_orders(services, actor, args.output, f)
    print(f"{_n(count, 'work order', 'work orders')} written to {args.output}")
    return 0


RECEIPT_FORMATS = ("80mm", "58mm", "a4")
LABEL_FORMATS = ("62x29", "40x20")


def _receipt(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    from .core.errors import ValidationError
    from .core.work_orders.receipts import receipt_pdf

    label = args.kind == "label"
    allowed = LABEL_FORMATS if label else RECEIPT_FORMATS
    paper = (args.paper or allowed[0]).strip().lower().removeprefix("label-")
    if paper not in allowed:
        raise ValidationError(
            "--format",
            "“{value}” does not fit --kind {kind}; use one of: {allowed}.",
            value=args.paper[:20],
            kind=args.kind,
            allowed=", ".join(allowed),
        )
    order = services.work_orders.by_number(actor, args.number)
    pdf = receipt_pdf(services, actor, order.id, args.kind, "label-" + paper if label else paper)
    args.output.write_bytes(pdf)
    print(f"{PRINTOUT_NAMES[args.kind]} of {order.number} written to {args.output}")
    return 0


def _users(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    if args.action == "list":
        for user in services.users.list(actor):
            state = "" if user.active else "  (disabled)"
            print(f"{user.username:<20} {user.role.value:<12} {user.display_name}{state}")
        return 0
    outlet_id = services.outlets.by_code(args.outlet).id if args.outlet else None
    password = _read_password()
    user, _ = services.users.create(
        actor, args.name, args.full_name or args.name, args.role, password, outlet_id
    )
    print(f"User {user.username} ({user.role.value}) added.")
    return 0


def _read_password() -> str:
    from .core.errors import ValidationError

    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat password: ") != first:
        raise ValidationError("Password", "the two entries differ.")
    return first


if __name__ == "__main__":
    sys.exit(main())
