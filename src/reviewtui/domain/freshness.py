"""Stale data: a measure whose latest actual is older than its frequency allows.

A monthly measure reviewed for October whose last actual is August has no new data for
two periods; the screen and the minutes say so rather than show August as current.
"""

from __future__ import annotations

from reviewtui.domain.periods import period_start
from reviewtui.domain.scorecard import Frequency, Measure

SPAN_DAYS = {
    Frequency.WEEKLY: 7,
    Frequency.MONTHLY: 31,
    Frequency.QUARTERLY: 92,
    Frequency.YEARLY: 366,
}
"""The longest one period of each frequency lasts."""


def stale_since(measure: Measure, review_period: str | None, default: Frequency) -> str | None:
    """The period of the measure's latest actual, if that is more than one period before
    the review period; None when the data is current (or periods cannot be read)."""
    if review_period is None:
        return None
    actuals = [v.period for v in measure.in_order(review_period) if v.actual is not None]
    if not actuals:
        return None
    latest, review = period_start(actuals[-1]), period_start(review_period)
    if latest is None or review is None:
        return None
    span = SPAN_DAYS[measure.frequency or default]
    return actuals[-1] if (review - latest).days > span else None
