"""Excel log export: our streaming writer against plain openpyxl write-only, and its peak memory."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from common import Figure, best_of, ratio_figure

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ROWS = 100_000
MAX_RATIO = 1.2
MAX_MB = 150.0

_NAMES = ["Anna Müller", "王小明", "José García", "李娜", "Ólafur Jónsson", "佐藤 健", "Chen Wei"]
_STATUSES = ["open", "waiting for parts", "in repair", "ready", "delivered", "cancelled"]
_DEVICES = [
    "iPhone 13 screen",
    "Bosch washer pump",
    "ThinkPad keyboard",
    "咖啡机 加热器",
    "Dyson V11",
]


def columns() -> list:
    """The 12 columns of a work-order log."""
    from outletdesk.export.xlsx import Column

    return [
        Column("ID", "int"),
        Column("Order no.", "text"),
        Column("Customer", "text"),
        Column("Device", "text"),
        Column("Received", "date"),
        Column("Created at", "datetime"),
        Column("Updated at", "datetime"),
        Column("Parts", "money"),
        Column("Labour", "money"),
        Column("Hours", "decimal"),
        Column("Warranty", "bool"),
        Column("Status", "text"),
    ]


def iter_rows(n: int = ROWS) -> Iterator[tuple]:
    """Deterministic, realistic work-order rows (a few hostile texts among them), made lazily."""
    base = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
    for i in range(n):
        created = base + timedelta(minutes=7 * i)
        name = _NAMES[i % len(_NAMES)]
        if i % 997 == 0:
            name = '=HYPERLINK("http://x")'
        yield (
            i + 1,
            f"WO-{2024_000000 + i}",
            name,
            _DEVICES[i % len(_DEVICES)],
            date(2024, 1, 1) + timedelta(days=i // 200),
            created,
            created + timedelta(hours=3, minutes=i % 60),
            Decimal(i % 50_000) / 100,
            Decimal(1000 + i % 9000) / 100 * 3,
            Decimal(i % 17) / 4,
            i % 3 == 0,
            _STATUSES[i % len(_STATUSES)],
        )


def write_ours(path: Path, rows: Iterable[tuple]) -> int:
    from outletdesk.export.xlsx import ReportHeader, XlsxLogWriter
    from outletdesk.progress import Progress

    header = ReportHeader(
        "Work orders",
        "Main street",
        "2024",
        datetime(2024, 12, 31, 17, 0, tzinfo=UTC),
        "bench",
    )
    with XlsxLogWriter(path) as writer:
        return writer.add_sheet(
            "Work orders", columns(), rows, header=header, total=ROWS, progress=Progress()
        )


def write_plain(path: Path, rows: list[tuple]) -> None:
    """The floor: the same values straight into openpyxl, datetimes only made naive."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Work orders")
    ws.append([c.title for c in columns()])
    for r in rows:
        ws.append(
            (r[0], r[1], r[2], r[3], r[4], r[5].replace(tzinfo=None), r[6].replace(tzinfo=None),
             r[7], r[8], r[9], r[10], r[11])
        )  # fmt: skip
    wb.save(path)


_MEMORY_PROBE = """
import json, resource, sys
from pathlib import Path
sys.path[:0] = [sys.argv[1], sys.argv[2]]
import openpyxl, outletdesk.export.xlsx, bench_xlsx

def peak_kib():
    # Linux: VmHWM belongs to this process's own memory map, while ru_maxrss also carries the
    # parent's peak across fork+exec; elsewhere fall back to ru_maxrss.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

base = peak_kib()
# Rows come from a generator, as they do from a database cursor in the app.
n = bench_xlsx.write_ours(Path(sys.argv[3]), bench_xlsx.iter_rows())
print(json.dumps({"base": base, "peak": peak_kib(), "rows": n}))
"""


def peak_memory_mb(path: Path) -> tuple[float, float]:
    """(peak, baseline of the interpreter with openpyxl imported) in MB, from a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(ROOT), str(Path(__file__).parent), str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    kb = json.loads(out)
    assert kb["rows"] == ROWS, kb
    # KiB on Linux (macOS ru_maxrss is in bytes; the bench runs on Linux).
    return kb["peak"] / 1024, kb["base"] / 1024


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        # Memory first, in a fresh process, before this one holds the 100,000 rows.
        peak, base = peak_memory_mb(Path(tmp, "memory.xlsx"))
        rows = list(iter_rows())
        ours_path, plain_path = Path(tmp, "ours.xlsx"), Path(tmp, "plain.xlsx")
        plain = best_of(lambda: write_plain(plain_path, rows))
        ours = best_of(lambda: write_ours(ours_path, rows))
    export_mb = peak - base
    return [
        ratio_figure(f"xlsx export {ROWS:,} rows x 12 cols (s)", ours, plain, "s", MAX_RATIO),
        Figure(
            f"xlsx export peak RSS above interpreter+openpyxl baseline ({ROWS:,} rows)",
            export_mb,
            base,
            "MB",
            f"<= {MAX_MB:g} MB",
            export_mb <= MAX_MB,
        ),
    ]


if __name__ == "__main__":
    for fig in run():
        status = "ok" if fig.met else "MISSED"
        print(
            f"{fig.name}: {fig.value:.2f} {fig.unit} (floor {fig.floor:.2f} {fig.unit}, "
            f"ratio {fig.ratio:.2f}; goal {fig.goal}) {status}"
        )
