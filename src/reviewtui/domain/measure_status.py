"""A measure's status for one period: its scheme's bands, and the rules bands cannot say.

- No actual: *no data*.
- An actual but nothing numeric to score it against (the target blank or written in words,
  such as "Maintain"): *baseline* in the measure's first reported period or when the
  target says "baseline", otherwise *no numeric target*. A measure that scores on
  absolute bands needs no target, so this never applies to it.
- A scheme with a *progress* level (published as "made progress"): a result short of its
  target but better than the period before it (the last one with an actual) gets that
  level instead of the band it falls in.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol

from reviewtui.domain.status import (
    Polarity,
    StatusLevel,
    StatusScheme,
    evaluate,
    percent_of_target,
    score,
)


class PeriodValue(Protocol):
    """What a status needs of one period (the scorecard's ``PeriodValue``)."""

    period: str
    actual: Decimal | None
    target: Decimal | None
    target_label: str
    target_low: Decimal | None
    target_high: Decimal | None


class Measure(Protocol):
    """What a status needs of a measure (the scorecard's ``Measure``); a protocol keeps
    this module below the scorecard, which asks it for statuses."""

    polarity: Polarity

    def in_order(self, until: str | None = None) -> Sequence[PeriodValue]:
        """The series in calendar order, up to and including ``until``."""
        ...


def status_for(measure: Measure, value: PeriodValue | None, scheme: StatusScheme) -> StatusLevel:
    """The level of ``value`` (one period of ``measure``) under ``scheme``."""
    if value is None or value.actual is None:
        return scheme.no_data
    scored = score(
        value.actual,
        value.target,
        measure.polarity,
        scheme.basis,
        value.target_low,
        value.target_high,
    )
    if scored is None:
        first = previous_actual(measure, value) is None
        if first or "baseline" in value.target_label.casefold():
            return scheme.baseline
        return scheme.no_target
    if scheme.progress and short_of_target(measure, value) and improved(measure, value):
        return scheme.progress
    return evaluate(scheme, scored)


def previous_actual(measure: Measure, value: PeriodValue) -> Decimal | None:
    """The actual of the last period before ``value`` that has one, in calendar order."""
    earlier = measure.in_order(value.period)[:-1]
    return next((v.actual for v in reversed(earlier) if v.actual is not None), None)


def short_of_target(measure: Measure, value: PeriodValue) -> bool:
    """Whether the actual misses its numeric target (or lies outside its target range)."""
    if value.actual is None:
        return False
    if measure.polarity is Polarity.WITHIN_RANGE:
        return distance_outside(measure, value, value.actual) > 0
    if value.target is None:
        return False
    return percent_of_target(value.actual, value.target, measure.polarity) < 100


def improved(measure: Measure, value: PeriodValue) -> bool:
    """Whether the actual is better than the previous period's, for this polarity."""
    before = previous_actual(measure, value)
    if before is None or value.actual is None:
        return False
    if measure.polarity is Polarity.WITHIN_RANGE:
        return distance_outside(measure, value, value.actual) < distance_outside(
            measure, value, before
        )
    if measure.polarity is Polarity.LOWER_IS_BETTER:
        return value.actual < before
    return value.actual > before


def distance_outside(measure: Measure, value: PeriodValue, actual: Decimal) -> Decimal:
    """How far ``actual`` lies outside this period's target range (0 inside it)."""
    if value.target_low is not None and actual < value.target_low:
        return value.target_low - actual
    if value.target_high is not None and actual > value.target_high:
        return actual - value.target_high
    return Decimal(0)
