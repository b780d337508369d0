"""The wide layout: one row per measure, one column per period (EOS/Level 10 scorecards,
most KPI trackers), unfolded into the long layout's rows so both are read by one reader.

A header is wide when it has no ``period`` column and at least one column named like a
period: ``2026-10``, ``Oct 2026``, ``2026-W42``, ``Q3 2026``, ``Week 42``, a date. The
cells under those columns are actuals. The target comes from a ``target`` (or ``goal``)
column, the same every period, or from a target row: a second row for the measure whose
``values`` column says ``target`` (or ``target_low`` / ``target_high``). Only ``measure``
is required; perspective and objective default to one group, so a bare EOS sheet
(Who, Measurable, Goal, Week 1, Week 2...) reads as it is.
"""

from __future__ import annotations

from reviewtui.domain.periods import looks_like_period
from reviewtui.importers.columns import Cell, normalise_header

ROW_KIND = "values"
"""The column saying what a row's period cells hold: actual (the default) or target."""
ROW_KINDS = {
    "actual": "actual", "actuals": "actual", "result": "actual", "results": "actual",
    "target": "target", "targets": "target", "goal": "target", "plan": "target",
    "budget": "target",
    "target_low": "target_low", "min": "target_low", "minimum": "target_low",
    "target_high": "target_high", "max": "target_high", "maximum": "target_high",
}  # fmt: skip
ROW_KIND_HEADERS = ("values", "row", "row_type", "figures", "line")
DEFAULTS = {"perspective": "Scorecard", "objective": "Measurables", "owner": "", "unit": "",
            "polarity": "", "kind": ""}  # fmt: skip
"""Cells a wide sheet may leave out; polarity and kind then take the reader's defaults."""


def is_wide(header: list[Cell]) -> bool:
    """Whether a header row is the wide layout's: periods as columns, no period column."""
    names = {normalise_header(cell) for cell in header}
    return "period" not in names and any(_is_period_column(cell) for cell in header)


def _is_period_column(cell: Cell) -> bool:
    return cell is not None and looks_like_period(str(cell).strip())


Unfolded = tuple[list[tuple[int, list[Cell]]], list[tuple[int, str, str]]]


def unfold(rows: list[tuple[int, list[Cell]]]) -> Unfolded:
    """The long layout's rows for a wide sheet, one per measure and period, numbered by the
    row they came from (target rows fill in their measure's targets); and the problems
    only the wide layout can have, as (row, column, message)."""
    (header_row, header), body = rows[0], rows[1:]
    periods = {i: str(cell).strip() for i, cell in enumerate(header) if _is_period_column(cell)}
    fixed = {
        normalise_header(cell): i
        for i, cell in enumerate(header)
        if i not in periods and normalise_header(cell)
    }
    kind_column = next((fixed.pop(h) for h in ROW_KIND_HEADERS if h in fixed), None)
    names = list(dict.fromkeys([*DEFAULTS, *fixed, "period", "actual", "target",
                                "target_low", "target_high"]))  # fmt: skip
    extra: dict[str, dict[str, dict[str, Cell]]] = {}
    actual_rows: list[tuple[int, dict[str, Cell], dict[str, Cell]]] = []
    problems: list[tuple[int, str, str]] = []
    for row, cells in body:
        values = {name: cells[i] if i < len(cells) else None for name, i in fixed.items()}
        by_period = {label: cells[i] if i < len(cells) else None for i, label in periods.items()}
        written = _cell(cells, kind_column)
        kind = ROW_KINDS.get(normalise_header(written)) if written else "actual"
        if kind is None:
            problems.append((row, ROW_KIND, f"expected actual or target; got {written!r}"))
        elif kind == "actual":
            actual_rows.append((row, values, by_period))
        else:
            for label, cell in by_period.items():
                extra.setdefault(_measure_key(values), {}).setdefault(label, {})[kind] = cell
    unfolded: list[tuple[int, list[Cell]]] = [(header_row, list(names))]
    for row, values, by_period in actual_rows:
        for label, actual in by_period.items():
            record: dict[str, Cell] = {**DEFAULTS, **values, "period": label, "actual": actual}
            record.update(extra.get(_measure_key(values), {}).get(label, {}))
            unfolded.append((row, [record.get(name) for name in names]))
    return unfolded, problems


def _cell(cells: list[Cell], index: int | None) -> str:
    if index is None or index >= len(cells) or cells[index] is None:
        return ""
    return str(cells[index]).strip()


def _measure_key(values: dict[str, Cell]) -> str:
    return str(values.get("measure_id") or values.get("measure") or "").strip()
