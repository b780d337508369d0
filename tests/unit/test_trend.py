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


def test_the_trend_agrees_with_a_long_slide_whose_last_points_are_flat() -> None:
    # Customer retention: down over a year, level over the last three months. The line
    # beside the word slides; the word said "flat" when it compared only the last three.
    retention = [92.0, 91.6, 91.1, 90.8, 90.2, 89.9, 89.5, 89.0, 88.6, 88.4, 88.4, 88.4]
    assert trend(measure(retention)) is Trend.WORSENING


def test_the_trend_stops_at_the_review_period_and_places_gaps_in_the_calendar() -> None:
    rising_then_crash = [10, 11, 12, 13, 1]
    assert trend(measure(rising_then_crash), until="2026-04") is Trend.IMPROVING
    # 10, (nothing for three months), 10.1, 10.1: flat, gaps or not
    assert trend(measure([10, None, None, None, 10.1, 10.1])) is Trend.FLAT
