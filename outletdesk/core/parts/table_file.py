"""Reading a spreadsheet someone made: the first sheet of an .xlsx, or a .csv in UTF-8 (with or
without BOM) separated by commas, semicolons or tabs. Every way a file can be unreadable ends in
one ImportFileError a person can act on."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.etree.ElementTree import ParseError

from ..errors import DomainError
from ..i18n import QT_TRANSLATE_NOOP

# More rows than a catalogue import should ever hold; beyond it the file is split, not swallowed.
MAX_ROWS = 200_000
MAX_COLUMNS = 200
_DELIMITERS = (",", ";", "\t")

Cell = object
Row = tuple[Cell, ...]


class ImportFileError(DomainError):
    """The file as a whole cannot be imported (unreadable, empty, no header, a required column
    missing); nothing was written."""


def read_rows(path: Path) -> list[tuple[int, Row]]:
    """Every row with its number as the spreadsheet shows it (1 = the first row), blank rows
    left out; cell values as the file holds them (text, numbers, booleans, dates; None if empty)."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv"):
        raise ImportFileError(
            QT_TRANSLATE_NOOP(
                "core",
                "{name} is not an .xlsx or .csv file. Save it from the spreadsheet as Excel "
                "workbook (.xlsx) or CSV UTF-8 and import that.",
            ),
            name=path.name,
        )
    if path.stat().st_size == 0:
        raise ImportFileError(QT_TRANSLATE_NOOP("core", "{name} is empty."), name=path.name)
    rows = _read_xlsx(path) if suffix != ".csv" else _read_csv(path)
    kept = [(number, row) for number, row in rows if not _blank(row)]
    if not kept:
        raise ImportFileError(QT_TRANSLATE_NOOP("core", "{name} holds no rows."), name=path.name)
    return kept


def _blank(row: Sequence[Cell]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


def _too_many(path: Path) -> ImportFileError:
    return ImportFileError(
        QT_TRANSLATE_NOOP("core", "{name} has more than {max} rows; split it into smaller files."),
        name=path.name,
        max=MAX_ROWS,
    )


def _read_xlsx(path: Path) -> list[tuple[int, Row]]:
    # openpyxl loads only when a file is imported, not when the window starts.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    damaged = ImportFileError(
        QT_TRANSLATE_NOOP(
            "core",
            "{name} is not an Excel workbook or it is damaged. Open it in the spreadsheet and "
            "save it again as .xlsx.",
        ),
        name=path.name,
    )
    if not zipfile.is_zipfile(path):
        raise damaged
    try:
        # data_only=False: a formula cell reads as its formula text, which the checks refuse.
        wb = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ParseError, ValueError) as exc:
        raise damaged from exc
    rows: list[tuple[int, Row]] = []
    try:
        if not wb.worksheets:
            raise damaged
        ws = wb.worksheets[0]
        reset = getattr(ws, "reset_dimensions", None)
        if reset is not None:  # some programs write a wrong sheet size; read what is there
            reset()
        for number, values in enumerate(ws.iter_rows(values_only=True), 1):
            if number > MAX_ROWS + 1:
                raise _too_many(path)
            rows.append((number, tuple(values[:MAX_COLUMNS])))
    except (zipfile.BadZipFile, KeyError, ParseError, ValueError, TypeError) as exc:
        raise damaged from exc
    finally:
        wb.close()
    return rows


def _read_csv(path: Path) -> list[tuple[int, Row]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            QT_TRANSLATE_NOOP(
                "core",
                "{name} is not UTF-8 text. Save it from the spreadsheet as CSV UTF-8 (or as "
                ".xlsx) and import that.",
            ),
            name=path.name,
        ) from None
    if "\x00" in text:
        raise ImportFileError(
            QT_TRANSLATE_NOOP("core", "{name} is not a text file."), name=path.name
        )
    first = next((line for line in text.splitlines() if line.strip()), "")
    # The header line decides: whichever separator it uses most (commas when there is a tie).
    delimiter = max(_DELIMITERS, key=lambda d: (first.count(d), -_DELIMITERS.index(d)))
    rows: list[tuple[int, Row]] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for number, values in enumerate(reader, 1):
            if number > MAX_ROWS + 1:
                raise _too_many(path)
            rows.append((number, tuple(v if v.strip() else None for v in values[:MAX_COLUMNS])))
    except csv.Error as exc:
        raise ImportFileError(
            QT_TRANSLATE_NOOP("core", "{name} cannot be read as CSV: {detail}"),
            name=path.name,
            detail=str(exc),
        ) from exc
    return rows
