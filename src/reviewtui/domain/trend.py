"""Trend of a measure over its recent periods: improving, worsening or flat."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from reviewtui.domain.scorecard import Measure, PeriodValue
from reviewtui.domain.status import Polarity


class Trend(StrEnum):
    """Direction of recent results, already corrected for the measure's polarity."""

    IMPROVING = "improving"
    WORSENING = "worsening"
    FLAT = "flat"
    UNKNOWN = "unknown"

    @property
    def symbol(self) -> str:
        """An arrow shown beside the word."""
        return {"improving": "↗", "worsening": "↘", "flat": "→", "unknown": "·"}[self.value]


FLAT_TOLERANCE = Decimal("0.02")
"""A fitted change smaller than 2% of the average level counts as flat."""
TREND_PERIODS = 12
"""How many reported periods the trend (and the sparkline beside it) looks at."""


def trend_values(measure: Measure, until: str | None = None) -> list[PeriodValue]:
    """The periods a trend is drawn and judged on: the last ``TREND_PERIODS`` with an
    actual, up to and including ``until`` (the review period), in calendar order."""
    return [v for v in measure.in_order(until) if v.actual is not None][-TREND_PERIODS:]


def trend(measure: Measure, until: str | None = None) -> Trend:
    """The direction of the line through the periods shown, corrected for polarity.

    A least-squares line through every actual of :func:`trend_values` (each at its place
    in the calendar, so a gap is a gap), compared with the average level: the word agrees
    with the sparkline beside it, not with the last two points alone. For within-range
    measures the distance outside the range is fitted, so moving back towards the range
    counts as improving.
    """
    ordered = measure.in_order(until)
    shown = {id(v) for v in trend_values(measure, until)}
    points: list[tuple[Decimal, Decimal]] = []
    for position, value in enumerate(ordered):
        if id(value) not in shown or value.actual is None:
            continue
        y = value.actual
        if measure.polarity is Polarity.WITHIN_RANGE:
            y = _distance(value.actual, value.target_low, value.target_high)
        points.append((Decimal(position), y))
    if len(points) < 2:
        return Trend.UNKNOWN
    count = Decimal(len(points))
    mean_x = sum((x for x, _ in points), Decimal(0)) / count
    mean_y = sum((y for _, y in points), Decimal(0)) / count
    spread = sum(((x - mean_x) ** 2 for x, _ in points), Decimal(0))
    slope = sum(((x - mean_x) * (y - mean_y) for x, y in points), Decimal(0)) / spread
    change = slope * (points[-1][0] - points[0][0])
    if abs(change) <= FLAT_TOLERANCE * max(abs(mean_y), Decimal("1e-9")):
        return Trend.FLAT
    better_when_up = measure.polarity is Polarity.HIGHER_IS_BETTER
    return Trend.IMPROVING if (change > 0) == better_when_up else Trend.WORSENING


def _distance(actual: Decimal, low: Decimal | None, high: Decimal | None) -> Decimal:
    if low is not None and actual < low:
        return low - actual
    if high is not None and actual > high:
        return actual - high
    return Decimal(0)
