"""The whole scorecard at a glance: every measure of the meeting's scorecard, grouped by
perspective, with its status, actual against target, trend, owner and open actions.

A review often opens on this before it drills into the red ones; Enter on a row goes to
that measure's agenda item.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reviewtui.domain.display import format_value, spark, target_text
from reviewtui.domain.status import StatusLevel
from reviewtui.domain.trend import Trend, trend, trend_values
from reviewtui.services.session import MeetingSession


@dataclass(frozen=True)
class OverviewRow:
    """One measure on the overview."""

    perspective: str
    measure_id: str
    name: str
    status: StatusLevel
    actual: str
    target: str
    trend: Trend
    spark: str
    owner: str
    open_actions: int
    agenda_index: int | None
    """Where the measure is on the agenda (None if the agenda left it out)."""


def overview_rows(session: MeetingSession) -> list[OverviewRow]:
    """Every measure in scorecard order (perspective by perspective)."""
    state = session.state
    period = session.meeting.period or None
    on_agenda = {
        item.measure_id: index
        for index, item in enumerate(session.meeting.agenda)
        if item.measure_id is not None
    }
    rows = []
    for perspective, _, measure in state.scorecard.measures():
        value = measure.period(period) if period else None
        shown = trend_values(measure, period)
        rows.append(
            OverviewRow(
                perspective=perspective.name,
                measure_id=measure.id,
                name=measure.name,
                status=state.level(measure),
                actual=format_value(value.actual if value else None, measure.unit, compact=True),
                target=target_text(measure, value) if value else "–",
                trend=trend(measure, period),
                spark=spark([v.actual for v in shown if v.actual is not None]),
                owner=measure.owner or "",
                open_actions=len(state.actions_on(measure.id)),
                agenda_index=on_agenda.get(measure.id),
            )
        )
    return rows


def status_counts(rows: list[OverviewRow]) -> list[tuple[StatusLevel, int]]:
    """How many measures have each status, most common first."""
    levels = {row.status.key: row.status for row in rows}
    counts = Counter(row.status.key for row in rows)
    return [(levels[key], count) for key, count in counts.most_common()]
