"""Scorecard importers: CSV, XLSX, YAML and JSON files -> a validated :class:`Scorecard`.

Every importer collects all problems it finds (row or line, field, what was expected)
and raises one :class:`~reviewtui.errors.InvalidInputError`, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reviewtui.domain.scorecard import Scorecard
from reviewtui.errors import InvalidInputError, Problem

SUPPORTED_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xlsm", ".yaml", ".yml", ".json")


Progress = Callable[[int, int], None]
"""Called with (rows read, rows in all) while a large table is read."""


def load_scorecard(
    path: Path, sheet: str | None = None, progress: Progress | None = None
) -> Scorecard:
    """Read and validate a scorecard file of any supported format.

    ``sheet`` picks a worksheet of an XLSX file (the first one by default); ``progress``
    hears how far a CSV or XLSX table has been read.
    """
    suffix = path.suffix.lower()
    source = str(path)
    if not path.is_file():
        raise InvalidInputError([Problem(source, "", "", "no such file")])
    if suffix in (".csv", ".tsv"):
        from reviewtui.importers.csv_source import read_csv

        return read_csv(path, progress)
    if suffix in (".xlsx", ".xlsm"):
        from reviewtui.importers.xlsx_source import read_xlsx

        return read_xlsx(path, sheet, progress)
    if suffix in (".yaml", ".yml", ".json"):
        from reviewtui.importers.structured import read_structured

        return read_structured(path)
    raise InvalidInputError(
        [
            Problem(
                source,
                "",
                "",
                f"unsupported file type {suffix or '(none)'!r}; "
                f"expected one of {', '.join(SUPPORTED_SUFFIXES)}",
            )
        ]
    )
