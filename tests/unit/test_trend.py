"""Trend over recent periods, corrected for polarity."""

from __future__ import annotations

from reviewtui.domain.scorecard import Measure, PeriodValue
from reviewtui.domain.status import Polarity
from reviewtui.domain.trend import Trend, trend


def measure(
    actuals: list[float | None], polarity: Polarity = Polarity.HIGHER_IS_BETTER, **extra: float
) -> Measure:
    series = [
        PeriodValue(period=f"2026-{i + 1:02d}", actual=a, **extra) for i, a in enumerate(actuals)
    ]
    return Measure(id="m", name="M", polarity=polarity, series=series)


def test_trend_follows_polarity() -> None:
    assert trend(measure([10, 11, 13])) is Trend.IMPROVING
    assert trend(measure([10, 11, 13], Polarity.LOWER_IS_BETTER)) is Trend.WORSENING
    assert trend(measure([10, 10.1, 10])) is Trend.FLAT


def test_trend_skips_missing_periods_and_needs_two_values() -> None:
    assert trend(measure([None, 5])) is Trend.UNKNOWN
    assert trend(measure([8, None, 5])) is Trend.WORSENING


def test_trend_until_a_period_and_within_range() -> None:
    assert trend(measure([1, 2, 3, 1]), until="2026-03") is Trend.IMPROVING
    back_towards_range = measure([60, 55, 50], Polarity.WITHIN_RANGE, target_low=30, target_high=45)
    assert trend(back_towards_range) is Trend.IMPROVING
