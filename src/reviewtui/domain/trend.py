"""Trend of a measure over its recent periods: improving, worsening or flat."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from reviewtui.domain.scorecard import Measure
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
"""Changes smaller than 2% of the earlier average count as flat."""


def trend(measure: Measure, until: str | None = None, window: int = 3) -> Trend:
    """Compare the latest actual with the average of the ``window - 1`` before it.

    For within-range measures the distance outside the range is compared instead, so
    moving back towards the range counts as improving.
    """
    values: list[Decimal] = []
    for value in measure.in_order(until):
        if value.actual is not None:
            badness = _distance(value.actual, value.target_low, value.target_high)
            values.append(badness if measure.polarity is Polarity.WITHIN_RANGE else value.actual)
    recent = values[-window:]
    if len(recent) < 2:
        return Trend.UNKNOWN
    latest, earlier = recent[-1], sum(recent[:-1], Decimal(0)) / (len(recent) - 1)
    change = latest - earlier
    if abs(change) <= FLAT_TOLERANCE * max(abs(earlier), Decimal("1e-9")):
        return Trend.FLAT
    better_when_up = measure.polarity is Polarity.HIGHER_IS_BETTER
    return Trend.IMPROVING if (change > 0) == better_when_up else Trend.WORSENING


def _distance(actual: Decimal, low: Decimal | None, high: Decimal | None) -> Decimal:
    if low is not None and actual < low:
        return low - actual
    if high is not None and actual > high:
        return actual - high
    return Decimal(0)
