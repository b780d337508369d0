"""Status evaluation: actual vs target mapped onto ordered, configurable levels.

A :class:`StatusScheme` has a *basis* that turns a period's numbers into one score, and
ordered *levels* (best first), each owning an interval of that score:

- ``percent_of_target``: 100 x actual / target for higher-is-better measures, and
  100 x target / actual for lower-is-better ones, so above 100 is always better.
- ``absolute``: the actual value itself (bands are then per measure: "NPS >= 40").
- ``range``: 0 inside the target range, otherwise the distance outside it as a percent of
  the nearer bound (so "within 10% of the range" is the band ``>0..10``).

Intervals are written the way a published scheme is: ``>125``, ``>=100``, ``<95``,
``100..125`` (both ends included), ``95..<100`` (upper end excluded), or two clauses such as
``>=95 and <100``. A scheme must cover every score exactly once, so what happens exactly
at a boundary is always stated, never guessed. Scores are computed in decimal arithmetic
so that 0.7 / 0.56 is exactly 125%, as a person expects.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum

from pydantic import ConfigDict, Field, model_validator

from reviewtui.domain.model import Model
from reviewtui.domain.revise import revised

INFINITY = Decimal("Infinity")


class ForgivingEnum(StrEnum):
    """A string enum that accepts the spellings people type: any case, spaces, aliases."""

    @classmethod
    def aliases(cls) -> dict[str, str]:
        """Extra spellings mapped to member values."""
        return {}

    @classmethod
    def _missing_(cls, value: object) -> ForgivingEnum | None:
        if not isinstance(value, str):
            return None
        key = re.sub(r"[\s\-]+", "_", value.strip().casefold())
        key = cls.aliases().get(key, key)
        return next((member for member in cls if member.value == key), None)

    @classmethod
    def choices(cls) -> str:
        """The values as people write them, for error messages: ``higher, lower or range``."""
        words = [cls.spelling(member) for member in cls]
        return ", ".join(words[:-1]) + f" or {words[-1]}" if len(words) > 1 else words[0]

    @classmethod
    def spelling(cls, member: ForgivingEnum) -> str:
        """The short form the docs use for a member (its value unless an alias is shorter)."""
        return member.value


class Basis(ForgivingEnum):
    """How a period's actual and target become the score that bands are defined on."""

    PERCENT_OF_TARGET = "percent_of_target"
    ABSOLUTE = "absolute"
    RANGE = "range"

    @classmethod
    def aliases(cls) -> dict[str, str]:
        """``percent`` and ``%`` for percent of target, ``value`` for absolute."""
        return {"percent": "percent_of_target", "%": "percent_of_target", "value": "absolute"}

    @classmethod
    def spelling(cls, member: ForgivingEnum) -> str:
        """``percent``, ``absolute``, ``range``."""
        return "percent" if member is cls.PERCENT_OF_TARGET else member.value


class Polarity(ForgivingEnum):
    """Which direction is good for a measure."""

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    WITHIN_RANGE = "within_range"

    @classmethod
    def aliases(cls) -> dict[str, str]:
        """``higher``, ``up``, ``max``, ``lower``, ``down``, ``range``... as people write them."""
        higher = ("higher", "up", "max", "maximise", "maximize", "increase", "↑", "+")
        lower = ("lower", "down", "min", "minimise", "minimize", "decrease", "↓", "-")
        ranged = ("range", "within", "within_a_range", "in_range", "band", "↔")
        return {
            **dict.fromkeys(higher, "higher_is_better"),
            **dict.fromkeys(lower, "lower_is_better"),
            **dict.fromkeys(ranged, "within_range"),
        }

    @classmethod
    def spelling(cls, member: ForgivingEnum) -> str:
        """``higher``, ``lower``, ``range``: what the docs and the sample files write."""
        return {"higher_is_better": "higher", "lower_is_better": "lower"}.get(member.value, "range")


class Interval(Model):
    """A set of scores: optional lower and upper bounds, each inclusive or not."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    low: Decimal | None = None
    low_inclusive: bool = True
    high: Decimal | None = None
    high_inclusive: bool = True

    def contains(self, score: Decimal) -> bool:
        """Whether ``score`` lies in this interval."""
        if self.low is not None and (
            score < self.low or (score == self.low and not self.low_inclusive)
        ):
            return False
        return not (
            self.high is not None
            and (score > self.high or (score == self.high and not self.high_inclusive))
        )

    def __str__(self) -> str:
        if self.low is not None and self.high is not None:
            if self.low_inclusive and self.high_inclusive:
                return f"{self.low}..{self.high}"
            if self.low_inclusive:
                return f"{self.low}..<{self.high}"
            return f">{self.low} and {'<=' if self.high_inclusive else '<'}{self.high}"
        if self.low is not None:
            return f"{'>=' if self.low_inclusive else '>'}{self.low}"
        if self.high is not None:
            return f"{'<=' if self.high_inclusive else '<'}{self.high}"
        return "any"


_NUM = r"[-+]?\d+(?:\.\d+)?"
_RANGE = re.compile(rf"^({_NUM})\s*\.\.\s*(<)?\s*({_NUM})$")
_CLAUSE = re.compile(rf"^(>=|<=|>|<|≥|≤)\s*({_NUM})\s*%?$")
BAND_SYNTAX = "'>125', '>=100', '<95', '100..125', '95..<100' or '>=95 and <100'"


def parse_interval(text: str) -> Interval:
    """Parse a band condition such as ``>=95 and <100``; raise ValueError with the syntax."""
    cleaned = text.strip().replace("%", "")
    if cleaned.lower() in ("any", "*"):
        return Interval()
    ranged = _RANGE.match(cleaned)
    if ranged:
        low, high = Decimal(ranged.group(1)), Decimal(ranged.group(3))
        if low > high:
            raise ValueError(f"band {text!r} runs backwards: {low} is above {high}")
        return Interval(low=low, high=high, high_inclusive=ranged.group(2) is None)
    bounds: dict[str, object] = {}
    for clause in re.split(r"\s+and\s+|\s*,\s*|\s*&\s*", cleaned):
        match = _CLAUSE.match(clause.strip())
        if not match:
            raise ValueError(f"cannot read band {text!r}: expected {BAND_SYNTAX}")
        op, value = match.group(1).replace("≥", ">=").replace("≤", "<="), Decimal(match.group(2))
        side = "low" if op.startswith(">") else "high"
        if side in bounds:
            raise ValueError(
                f"band {text!r} gives two {'lower' if side == 'low' else 'upper'} bounds"
            )
        bounds[side] = value
        bounds[f"{side}_inclusive"] = op.endswith("=")
    interval = Interval.model_validate(bounds)
    if interval.low is not None and interval.high is not None and interval.low > interval.high:
        raise ValueError(f"band {text!r} is empty: nothing is both {interval}")
    return interval


class StatusLevel(Model):
    """One status a measure can have: shown as a colour, a symbol and a word."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    """Stable identifier used in files and code, e.g. ``off_track``."""
    name: str = Field(min_length=1)
    """The word shown to people, e.g. ``Off track``."""
    symbol: str = Field(min_length=1, max_length=2)
    """A symbol shown beside the word so status never relies on colour alone."""
    color: str = "muted"
    """A theme token (``success``, ``warning``, ``error``, ``accent``, ``muted``) or a hex."""
    when: Interval | None = None
    """The scores that give this level; ``None`` only on the no-data level."""

    @model_validator(mode="before")
    @classmethod
    def _parse_when(cls, values: object) -> object:
        if isinstance(values, dict) and "colour" in values and "color" not in values:
            values = {("color" if k == "colour" else k): v for k, v in values.items()}
        if isinstance(values, dict) and isinstance(values.get("when"), str):
            values = {**values, "when": parse_interval(values["when"])}
        return values


NO_DATA = StatusLevel(key="no_data", name="No data", symbol="○", color="muted")
NO_TARGET = StatusLevel(key="no_target", name="No numeric target", symbol="◇", color="muted")
"""An actual against a target written in words ("Maintain") or none, on the percent basis."""
BASELINE = StatusLevel(key="baseline", name="Baseline", symbol="◎", color="accent")
"""A measure's first reported period with no numeric target: it sets the baseline."""


class StatusScheme(Model):
    """Ordered status levels (best first) over one basis, plus the no-data level."""

    model_config = ConfigDict(extra="forbid")

    name: str = ""
    basis: Basis = Basis.PERCENT_OF_TARGET
    levels: list[StatusLevel] = Field(min_length=2)
    no_data: StatusLevel = NO_DATA
    no_target: StatusLevel = NO_TARGET
    baseline: StatusLevel = BASELINE
    progress: StatusLevel | None = None
    """When given, a result short of its target but better than the period before gets
    this level ("made progress") instead of the band it falls in."""

    @model_validator(mode="after")
    def _check_cover(self) -> StatusScheme:
        keys = [level.key for level in self.levels]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        if duplicates:
            raise ValueError(f"level key(s) used twice: {', '.join(duplicates)}")
        for special in self.special_levels():
            if special.key in keys:
                raise ValueError(f"level key {special.key!r} is reserved for {special.name!r}")
        missing = [level.key for level in self.levels if level.when is None]
        if missing:
            raise ValueError(f"level(s) {', '.join(missing)} have no 'when' band")
        check_coverage({level.key: level.when for level in self.levels if level.when})
        return self

    def special_levels(self) -> list[StatusLevel]:
        """The levels no band gives: no data, no numeric target, baseline, made progress."""
        extra = [self.progress] if self.progress else []
        return [self.no_data, self.no_target, self.baseline, *extra]

    def level(self, key: str) -> StatusLevel:
        """The level with this key (the special levels included)."""
        for level in [*self.levels, *self.special_levels()]:
            if level.key == key:
                return level
        raise KeyError(key)

    def with_bands(self, bands: dict[str, Interval], basis: Basis | None = None) -> StatusScheme:
        """A copy with each level's band replaced; every level must get one."""
        unknown = sorted(set(bands) - {level.key for level in self.levels})
        if unknown:
            raise ValueError(
                f"unknown level(s) {', '.join(unknown)}; this scheme has "
                + ", ".join(level.key for level in self.levels)
            )
        missing = [level.key for level in self.levels if level.key not in bands]
        if missing:
            raise ValueError(f"no band given for level(s) {', '.join(missing)}")
        levels = [revised(level, when=bands[level.key]) for level in self.levels]
        return revised(self, basis=basis or self.basis, levels=levels)


def check_coverage(bands: dict[str, Interval]) -> None:
    """Raise ValueError unless every score falls in exactly one band.

    Membership only changes at a boundary, so testing each boundary, the midpoint between
    neighbours and one point beyond each end (plus infinity) tests every score there is.
    """
    points = sorted(
        {b for interval in bands.values() for b in (interval.low, interval.high) if b is not None}
    )
    probes = [*points, INFINITY, -INFINITY]
    probes += [(a + b) / 2 for a, b in zip(points, points[1:], strict=False)]
    if points:
        probes += [points[0] - 1, points[-1] + 1]
    else:
        probes.append(Decimal(0))
    for score in sorted(probes):
        matching = [key for key, interval in bands.items() if interval.contains(score)]
        if len(matching) > 1:
            raise ValueError(f"bands overlap at {score}: {', '.join(matching)}")
        if not matching:
            raise ValueError(f"no band covers a score of {score}; every score needs a level")


def score(
    actual: Decimal | float | None,
    target: Decimal | float | None,
    polarity: Polarity,
    basis: Basis,
    target_low: Decimal | float | None = None,
    target_high: Decimal | float | None = None,
) -> Decimal | None:
    """The score the bands apply to, or ``None`` when there is not enough data."""
    if actual is None:
        return None
    a = _exact(actual)
    if basis is Basis.ABSOLUTE:
        return a
    if basis is Basis.RANGE:
        low = _exact(target_low) if target_low is not None else None
        high = _exact(target_high) if target_high is not None else None
        if low is None and high is None:
            return None
        if low is not None and a < low:
            return _distance_percent(low - a, low)
        if high is not None and a > high:
            return _distance_percent(a - high, high)
        return Decimal(0)
    if target is None:
        return None
    return percent_of_target(a, _exact(target), polarity)


def percent_of_target(actual: Decimal, target: Decimal, polarity: Polarity) -> Decimal:
    """Actual as a percent of target, read the way a person reads it: a better actual never
    scores lower, and an actual at or beyond its target always scores 100 or more.

    - Positive target: 100 x actual / target (higher is better) or 100 x target / actual
      (lower is better); on a lower-is-better measure an actual of 0 or below beats any
      positive target (a day early on "days late") and scores infinity.
    - Target 0: meeting it exactly scores 100, beating it infinity, missing it 0.
    - Negative target: 100 plus how far the actual is beyond the target as a percent of
      the target's size (a loss of 50 against a limit of -100 scores 150).
    """
    lower = polarity is Polarity.LOWER_IS_BETTER
    if target > 0:
        if not lower:
            return Decimal(100) * actual / target
        return INFINITY if actual <= 0 else Decimal(100) * target / actual
    better = target - actual if lower else actual - target
    if target == 0:
        return Decimal(100) if better == 0 else (INFINITY if better > 0 else Decimal(0))
    return Decimal(100) + Decimal(100) * better / abs(target)


def _exact(value: Decimal | float) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(repr(value))


def _distance_percent(distance: Decimal, bound: Decimal) -> Decimal:
    if bound == 0:
        return INFINITY if distance else Decimal(0)
    return Decimal(100) * distance / abs(bound)


def evaluate(scheme: StatusScheme, value: Decimal | None) -> StatusLevel:
    """The level for a score: the first level whose band holds it, or no data."""
    if value is None:
        return scheme.no_data
    for level in scheme.levels:
        if level.when is not None and level.when.contains(value):
            return level
    return scheme.no_data  # unreachable for a validated scheme, kept total for safety
