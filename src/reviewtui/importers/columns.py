"""The columns of a scorecard table: names, synonyms, and the cells that need parsing.

See docs/scorecard-formats.md for the user-facing description of every column.
"""

from __future__ import annotations

import re

from reviewtui.domain.scorecard import Frequency, PeriodValue
from reviewtui.domain.status import Interval, parse_interval

Cell = str | float | int | None

REQUIRED = (
    "perspective", "objective", "measure", "owner", "unit",
    "polarity", "kind", "period", "actual", "target",
)  # fmt: skip
OPTIONAL = (
    "measure_id", "owner_email", "frequency", "description", "target_low", "target_high",
    "analysis", "recommendation", "status_scheme", "status_basis", "status_bands",
    "initiative", "initiative_id", "initiative_owner", "initiative_budget",
)  # fmt: skip
SYNONYMS = {
    "kpi": "measure", "measurable": "measure", "metric": "measure", "who": "owner",
    "measure_name": "measure", "kpi_name": "measure", "id": "measure_id",
    "kpi_id": "measure_id", "email": "owner_email", "owner_mail": "owner_email",
    "direction": "polarity", "type": "kind", "indicator_type": "kind", "value": "actual",
    "actual_value": "actual", "goal": "target", "target_value": "target", "month": "period",
    "week": "period", "quarter": "period", "bands": "status_bands", "status_band": "status_bands",
    "scheme": "status_scheme", "budget": "initiative_budget", "commentary": "analysis",
    "comment": "analysis", "min_target": "target_low", "max_target": "target_high",
}  # fmt: skip
MEASURE_FIELDS = ("perspective", "objective", "owner", "unit", "polarity", "kind", "frequency",
                  "description", "status_scheme", "status_basis", "status_bands")  # fmt: skip


def normalise_header(text: Cell) -> str:
    """``Owner Email`` -> ``owner_email``; synonyms (``KPI`` -> ``measure``) resolved."""
    key = re.sub(r"[\s\-./]+", "_", str(text or "").strip().casefold()).strip("_")
    return SYNONYMS.get(key, key)


BANDS_SYNTAX = "'on_track: >=40; at_risk: 30..<40; off_track: <30'"


def parse_bands(text: str) -> dict[str, Interval]:
    """Parse ``level: condition; level: condition`` into band intervals per level key."""
    bands: dict[str, Interval] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        if ":" not in part:
            raise ValueError(
                f"cannot read band {part!r}: expected level: condition, as in {BANDS_SYNTAX}"
            )
        level, condition = part.split(":", 1)
        key = re.sub(r"[\s\-]+", "_", level.strip().casefold())
        if key in bands:
            raise ValueError(f"level {key!r} is given two bands")
        bands[key] = parse_interval(condition)
    if not bands:
        raise ValueError(f"no bands given; expected for example {BANDS_SYNTAX}")
    return bands


_GOAL = re.compile(r"^\s*(>=|=>|≥|>|<=|=<|≤|<)\s*(\S.*)$")


def split_goal(cell: Cell) -> tuple[str | None, Cell]:
    """``>= 50`` -> ``("higher", "50")``, ``≤ 5%`` -> ``("lower", "5%")``; any other cell
    -> ``(None, cell)``. EOS scorecards write their goals this way."""
    match = _GOAL.match(cell) if isinstance(cell, str) else None
    if match is None:
        return None, cell
    direction = "higher" if match.group(1) in (">=", "=>", "≥", ">") else "lower"
    return direction, match.group(2).strip()


def guess_frequency(series: list[PeriodValue]) -> Frequency | None:
    """How often a measure reports, guessed from its first period's label (``2026-W42``)."""
    label = series[0].period if series else ""
    weekly = re.search(r"(?:^|\b|\d)w(?:ee)?k?[- ]?\d{1,2}$", label, re.IGNORECASE)
    if weekly or re.fullmatch(r"\d{4}-\d{2}-\d{2}", label):
        return Frequency.WEEKLY
    if re.search(r"Q[1-4]", label, re.IGNORECASE):
        return Frequency.QUARTERLY
    if re.fullmatch(r"\d{4}-\d{2}", label):
        return Frequency.MONTHLY
    if re.fullmatch(r"\d{4}", label):
        return Frequency.YEARLY
    return None


def most_common_frequency(frequencies: list[Frequency | None]) -> Frequency:
    """The scorecard's frequency: the one most of its measures report at (monthly if none)."""
    known = [f for f in frequencies if f]
    return max(set(known), key=known.count) if known else Frequency.MONTHLY
