"""Status schemes for table scorecards: a ``status_levels`` sheet in the workbook, or a
``<name>.schemes.yaml`` file beside the CSV or XLSX file.

A scheme sheet has one row per level, best first, grouped by the ``scheme`` column (a
blank scheme cell continues the scheme above, as merged cells export): ``scheme, key,
name, symbol, color, when, basis``. A ``when`` of ``progress``, ``baseline``, ``no data``
or ``no target`` defines that special level instead of a band (see docs/status-rules.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from reviewtui.domain.presets import DEFAULT_SCHEME
from reviewtui.domain.status import StatusScheme
from reviewtui.errors import InvalidInputError, Problem
from reviewtui.importers.columns import Cell

SCHEME_SHEETS = ("status_levels", "status_schemes", "schemes")
"""Workbook sheet names (any case, spaces or underscores) that hold status schemes."""
COMPANION_SUFFIX = ".schemes.yaml"
HEADER_SYNONYMS = {"level": "key", "colour": "color", "band": "when", "condition": "when"}
SPECIAL = {
    "progress": "progress",
    "made_progress": "progress",
    "baseline": "baseline",
    "no_data": "no_data",
    "no_target": "no_target",
    "no_numeric_target": "no_target",
}


@dataclass
class TableSchemes:
    """Schemes a table scorecard defines, and the one its measures use by default."""

    schemes: dict[str, StatusScheme] = field(default_factory=dict)
    default: str = DEFAULT_SCHEME


def _key(text: object) -> str:
    """``No data`` -> ``no_data``: a header, level key or special word as written any way."""
    return re.sub(r"[\s\-./]+", "_", str(text or "").strip().casefold()).strip("_")


def companion_file(path: Path) -> Path:
    """Where a table scorecard's schemes file would be: ``card.csv`` -> ``card.schemes.yaml``."""
    return path.with_name(path.stem + COMPANION_SUFFIX)


def companion_schemes(path: Path) -> TableSchemes | None:
    """The schemes in the file beside ``path``, if there is one."""
    from reviewtui.importers.structured import read_scheme_file

    companion = companion_file(path)
    if not companion.is_file():
        return None
    read = read_scheme_file(companion)
    return TableSchemes(read.status_schemes, read.default_scheme or next(iter(read.status_schemes)))


def is_scheme_sheet(title: str) -> bool:
    """Whether a worksheet's title names a status scheme sheet."""
    return _key(title) in SCHEME_SHEETS


def schemes_from_rows(source: str, rows: list[tuple[int, list[Cell]]]) -> TableSchemes:
    """Fold a scheme sheet's numbered rows (header first) into schemes, or raise every
    problem with its row. The first scheme is the scorecard's default."""
    if not rows:
        raise InvalidInputError([Problem(source, "", "", "the scheme sheet is empty")])
    header_row, header = rows[0]
    names = [_key(cell) for cell in header]
    columns = {HEADER_SYNONYMS.get(n, n): i for i, n in enumerate(names) if n}
    missing = [c for c in ("key", "when") if c not in columns]
    if missing or "scheme" not in columns:
        needed = ", ".join(sorted({"scheme", *missing}))
        raise InvalidInputError(
            [
                Problem(
                    source,
                    f"row {header_row}",
                    needed,
                    f"a scheme sheet needs the columns {needed} "
                    "(and may have name, symbol, color and basis)",
                )
            ]
        )
    drafts: dict[str, list[tuple[int, dict[str, str]]]] = {}
    scheme = ""
    for row, cells in rows[1:]:
        values = {
            c: str(cells[i]).strip() if i < len(cells) and cells[i] is not None else ""
            for c, i in columns.items()
        }
        scheme = values.get("scheme") or scheme
        drafts.setdefault(scheme or "unnamed", []).append((row, values))
    problems: list[Problem] = []
    schemes = {}
    for name, levels in drafts.items():
        try:
            schemes[name] = _scheme(name, levels)
        except ValidationError as error:
            for detail in error.errors():
                row = _row_of(detail["loc"], levels)
                column = next((str(p) for p in reversed(detail["loc"]) if isinstance(p, str)), "")
                message = str(detail["msg"]).removeprefix("Value error, ")
                problems.append(
                    Problem(source, f"row {row}", column, f"scheme {name!r}: {message}")
                )
    if problems:
        raise InvalidInputError(problems)
    return TableSchemes(schemes, next(iter(schemes)))


def _scheme(name: str, levels: list[tuple[int, dict[str, str]]]) -> StatusScheme:
    document: dict[str, object] = {"name": name.replace("_", " ")}
    banded: list[dict[str, str]] = []
    for _row, values in levels:
        level = {k: v for k, v in values.items() if v and k not in ("scheme", "basis")}
        if values.get("basis") and "basis" not in document:
            document["basis"] = values["basis"]
        if "key" not in level and "name" in level:
            level["key"] = _key(level["name"])
        level.setdefault("name", level.get("key", "").replace("_", " ").capitalize())
        special = SPECIAL.get(_key(level.get("when", "")))
        if special:
            level.pop("when")
            document[special] = level
        else:
            banded.append(level)
    document["levels"] = banded
    return StatusScheme.model_validate(document)


def _row_of(loc: tuple[object, ...], levels: list[tuple[int, dict[str, str]]]) -> int:
    if len(loc) >= 2 and loc[0] == "levels" and isinstance(loc[1], int):
        banded = [row for row, values in levels if _key(values.get("when", "")) not in SPECIAL]
        if loc[1] < len(banded):
            return banded[loc[1]]
    return levels[0][0]
