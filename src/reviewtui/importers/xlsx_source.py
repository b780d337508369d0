"""XLSX scorecards: the same columns as CSV, on the first or a named sheet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reviewtui.domain.periods import without_period
from reviewtui.domain.scorecard import Scorecard
from reviewtui.errors import InvalidInputError, Problem
from reviewtui.importers.columns import Cell
from reviewtui.importers.schemes import companion_schemes, is_scheme_sheet, schemes_from_rows
from reviewtui.importers.table import rows_to_scorecard


def read_xlsx(
    path: Path, sheet: str | None = None, progress: Callable[[int, int], None] | None = None
) -> Scorecard:
    """Parse a workbook's sheet; cells formatted as percentages become 95 rather than 0.95."""
    from openpyxl import load_workbook

    source = str(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises a dozen types on a damaged file
        raise unreadable(source, error) from None
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise InvalidInputError(
                [
                    Problem(
                        source,
                        "",
                        "",
                        f"no sheet named {sheet!r}; sheets: {', '.join(workbook.sheetnames)}",
                    )
                ]
            )
        data_sheets = [ws for ws in workbook.worksheets if not is_scheme_sheet(ws.title)]
        worksheet = workbook[sheet] if sheet else (data_sheets or workbook.worksheets)[0]
        rows = _sheet_rows(worksheet, source)
        scheme_sheet = next((ws for ws in workbook.worksheets if is_scheme_sheet(ws.title)), None)
        schemes = (
            schemes_from_rows(f"{source}[{scheme_sheet.title}]", _sheet_rows(scheme_sheet, source))
            if scheme_sheet is not None and scheme_sheet is not worksheet
            else companion_schemes(path)
        )
    finally:
        workbook.close()
    stem = without_period(path.stem)
    name = f"{stem} {sheet}" if sheet else stem
    return rows_to_scorecard(f"{source}[{worksheet.title}]", name, rows, schemes, progress)


def _sheet_rows(worksheet: Any, source: str) -> list[tuple[int, list[Cell]]]:
    """The sheet's non-blank rows, numbered as the spreadsheet shows them."""
    rows: list[tuple[int, list[Cell]]] = []
    try:
        for index, row in enumerate(worksheet.iter_rows(), start=1):
            cells = [_cell_value(cell) for cell in row]
            if any(cell not in (None, "") for cell in cells):
                rows.append((index, cells))
    except Exception as error:  # damaged sheet XML or compressed data
        raise unreadable(source, error) from None
    return rows


def unreadable(source: str, error: Exception) -> InvalidInputError:
    """The error for a workbook openpyxl cannot read, whatever it raised."""
    detail = str(error).splitlines()[0][:120] if str(error) else type(error).__name__
    return InvalidInputError(
        [
            Problem(
                source,
                "",
                "",
                f"not a readable XLSX file ({detail}); open it in your spreadsheet and "
                "save it again as .xlsx",
            )
        ]
    )


def _cell_value(cell: object) -> Cell:
    value = getattr(cell, "value", None)
    number_format = str(getattr(cell, "number_format", "") or "")
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float) and "%" in number_format:
        return round(float(value) * 100, 10)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m") if value.day == 1 else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float | str) or value is None:
        return value
    return str(value)
