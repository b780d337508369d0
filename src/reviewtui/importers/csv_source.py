"""CSV (and TSV) scorecards: one row per measure-period, as any spreadsheet exports them."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from reviewtui.domain.periods import without_period
from reviewtui.domain.scorecard import Scorecard
from reviewtui.errors import InvalidInputError, Problem
from reviewtui.importers.columns import Cell
from reviewtui.importers.schemes import companion_schemes
from reviewtui.importers.table import rows_to_scorecard


def read_csv(path: Path, progress: Callable[[int, int], None] | None = None) -> Scorecard:
    """Parse a CSV/TSV file (UTF-8, with or without BOM; comma, semicolon or tab separated)."""
    source = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInputError(
            [
                Problem(
                    source,
                    f"byte {error.start}",
                    "",
                    "the file is not UTF-8 text; in your spreadsheet choose "
                    "'CSV UTF-8' when saving",
                )
            ]
        ) from None
    except OSError as error:
        raise InvalidInputError(
            [Problem(source, "", "", f"cannot read: {error.strerror}")]
        ) from None
    if "\x00" in text:
        raise InvalidInputError(
            [Problem(source, "", "", "the file contains NUL bytes: it is not a CSV text file")]
        )
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[Cell]]] = []
    try:
        for record in reader:
            rows.append((reader.line_num, list(record)))
    except csv.Error as error:
        raise InvalidInputError(
            [
                Problem(
                    source,
                    f"row {len(rows) + 1} (line {reader.line_num})",
                    "",
                    f'broken CSV: {error}; check for an unclosed quote (")',
                )
            ]
        ) from None
    schemes = companion_schemes(path)
    return rows_to_scorecard(
        source, without_period(path.stem), _spreadsheet_rows(rows), schemes, progress
    )


def _spreadsheet_rows(rows: list[tuple[int, list[Cell]]]) -> list[tuple[int, list[Cell]]]:
    """Number records as a spreadsheet shows them (header is row 1), skipping blank lines."""
    numbered: list[tuple[int, list[Cell]]] = []
    for index, (_line, record) in enumerate(rows, start=1):
        if any(str(cell).strip() for cell in record):
            numbered.append((index, record))
    return numbered


def _sniff_delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
