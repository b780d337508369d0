"""What the meeting screen shows, as plain data: the widgets only draw it.

Everything a widget would otherwise work out (time used, which status, how late, the
trend window, what holds the room) is decided here, once, and tested without a screen.
The same data serves the read-only watch view.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reviewtui.domain.agenda_terms import KIND_SYMBOL
from reviewtui.domain.capture import ActionStatus, CapturedItem, ItemKind, outcome_label
from reviewtui.domain.dates import day_month
from reviewtui.domain.display import due_text, format_value, target_text, variance_text
from reviewtui.domain.freshness import stale_since
from reviewtui.domain.meeting import MeetingState
from reviewtui.domain.status import StatusLevel
from reviewtui.domain.trend import Trend, trend, trend_values
from reviewtui.services.agenda_view import AgendaRow
from reviewtui.services.session import MeetingSession

HISTORY_PERIODS = 6
LINES_SHOWN = 6
"""Open actions and last time's items listed under a measure (the rest are counted: a
measure with 1,000 open actions must not become 1,000 lines on the wall)."""


@dataclass(frozen=True)
class ClockFigures:
    """Time used on the item and the meeting, against their timeboxes, and the clock's state."""

    item_used: float
    item_box: int
    meeting_used: float
    meeting_box: int
    paused: bool
    read_only: bool
    not_started: bool = False
    """Watched before the champion opened it: nothing is running yet."""
    silent_since: str | None = None
    """Watched, and the champion's app has not saved since this time (``09:41``)."""

    @property
    def item_over(self) -> int:
        """Whole seconds beyond the item's timebox (0 within it): the clock shows whole
        seconds, so half a second over is still ``2:30 / 2:30``, not "over by 0:00"."""
        return max(0, int(self.item_used) - self.item_box)

    @property
    def meeting_over(self) -> int:
        """Whole seconds beyond the meeting's length (0 within it)."""
        return max(0, int(self.meeting_used) - self.meeting_box)


@dataclass(frozen=True)
class Line:
    """A short line of a card: an action, an initiative, a period."""

    text: str
    warning: bool = False


@dataclass(frozen=True)
class PeriodRow:
    """One recent period of a measure."""

    period: str
    actual: str
    target: str
    status: StatusLevel


@dataclass
class LastTime:
    """What the previous meeting of this scorecard said and did about a measure."""

    meeting: str
    """``M-3 (23 Oct)``."""
    status: str
    """Its status then, as shown then (``✖ Off track``)."""
    lines: list[Line] = field(default_factory=list)
    """Decisions taken and actions captured on it then, each action as it stands now (the
    first :data:`LINES_SHOWN`)."""
    more: int = 0
    """How many more there were."""
    meeting_id: str = ""


@dataclass
class MeasureCard:
    """Everything the measure view shows about one measure in the period under review."""

    id: str
    name: str
    period: str
    actual: str
    status: StatusLevel
    target: str
    variance: str
    series: list[float]
    trend: Trend
    series_from: str
    series_to: str
    owner: str | None
    facts: str
    analysis: str = ""
    recommendation: str = ""
    warnings: list[str] = field(default_factory=list)
    initiatives: list[Line] = field(default_factory=list)
    open_actions: list[Line] = field(default_factory=list)
    """The soonest due of its open actions (the first :data:`LINES_SHOWN`)."""
    open_actions_total: int = 0
    history: list[PeriodRow] = field(default_factory=list)
    last_time: LastTime | None = None
    carried_from: str | None = None
    """The earlier meeting that skipped this measure or did not reach it."""
    stale_since: str | None = None
    """The period of its latest actual, when that is older than its frequency allows."""


@dataclass(frozen=True)
class ReviewRow:
    """One action under review: what it is and what the review did to it."""

    number: int
    ref: str
    outcome: str
    text: str
    owner: str
    due: str


def clock_figures(session: MeetingSession) -> ClockFigures:
    """The clock line's figures."""
    item = session.current
    silent = session.clock.silent_since
    return ClockFigures(
        item_used=session.clock.used(item),
        item_box=item.timebox_seconds,
        meeting_used=session.clock.meeting_used(),
        meeting_box=session.meeting.length_minutes * 60,
        paused=session.clock.paused,
        read_only=session.meeting.read_only,  # finalized; a watcher's clock runs or pauses
        not_started=session.state.watching and session.meeting.state is MeetingState.PLANNED,
        silent_since=f"{silent.astimezone():%H:%M}" if silent else None,
    )


def agenda_rows(session: MeetingSession) -> list[AgendaRow]:
    """Every agenda item with its progress, status and time."""
    return [agenda_row(session, index) for index in range(len(session.meeting.agenda))]


def agenda_row(session: MeetingSession, index: int) -> AgendaRow:
    """One agenda item with its progress, status and time."""
    item = session.meeting.agenda[index]
    current = index == session.meeting.current
    measure = session.state.measure(item)
    return AgendaRow(
        key=item.key,
        title=item.title,
        marker="▶" if current else item.progress.symbol,
        status=session.state.level(measure) if measure is not None else None,
        kind_symbol=KIND_SYMBOL.get(item.kind, " "),
        used=session.clock.used(item),
        timebox=item.timebox_seconds,
        current=current,
        carried=item.carried_from is not None,
    )


def agenda_signature(session: MeetingSession) -> list[tuple[object, ...]]:
    """What each agenda row shows, cheaply: a row is drawn again only when its part of
    this changes (a step changes two rows of a thousand)."""
    agenda, current = session.meeting.agenda, session.meeting.current
    # Only the current item's time runs: the others' is what is saved.
    rows: list[tuple[object, ...]] = [
        (item.key, item.progress, int(item.used_seconds), False, item.carried_from)
        for item in agenda
    ]
    item = agenda[current]
    rows[current] = (
        item.key,
        item.progress,
        int(session.clock.used(item)),
        True,
        item.carried_from,
    )
    return rows


def measure_card(session: MeetingSession) -> MeasureCard | None:
    """The current item's measure, ready to show; None when the item is not a measure."""
    state, item = session.state, session.current
    measure = state.measure(item)
    if measure is None:
        return None
    period = session.meeting.period or ""
    value = measure.period(period) if period else None
    values = trend_values(measure, period or None)
    card = MeasureCard(
        id=measure.id,
        name=measure.name,
        period=period,
        actual=format_value(value.actual if value else None, measure.unit, compact=True),
        status=state.level(measure),
        target=target_text(measure, value) if value else "no data for this period",
        variance=variance_text(measure, value) if value else "",
        series=[float(v.actual) for v in values if v.actual is not None],
        trend=trend(measure, session.meeting.period),
        series_from=values[0].period if values else "",
        series_to=values[-1].period if values else "",
        owner=measure.owner,
        facts=f"{measure.kind.value} · {measure.polarity.value.replace('_', ' ')}",
        analysis=value.analysis if value else "",
        recommendation=value.recommendation if value else "",
        warnings=session.agenda.warnings(item),
        carried_from=item.carried_from,
        stale_since=stale_since(measure, period or None, state.scorecard.frequency),
        last_time=last_time(session, measure.id),
    )
    for initiative in state.scorecard.initiatives_for(measure.id):
        budget = f"budget {initiative.budget}" if initiative.budget else "no budget"
        text = f"◆ {initiative.name} · {initiative.owner or 'no owner'} · {budget}"
        card.initiatives.append(Line(text, warning=not initiative.budget))
    today = state.store.clock.today()
    open_actions = sorted(
        state.actions_on(measure.id), key=lambda a: (a.due or dt.date.max, a.number)
    )
    card.open_actions_total = len(open_actions)
    card.open_actions = [
        Line(f"{a.ref} {a.text} · {a.owner or '?'} · {due_text(a.due, today)}")
        for a in open_actions[:LINES_SHOWN]
    ]
    for past in reversed(measure.in_order(period or None)[-HISTORY_PERIODS:]):
        card.history.append(
            PeriodRow(
                past.period,
                format_value(past.actual, measure.unit),
                target_text(measure, past),
                state.scorecard.status_of(measure, past.period),
            )
        )
    return card


def last_time(session: MeetingSession, measure_id: str) -> LastTime | None:
    """The measure at the previous meeting of this scorecard, and what was done about it."""
    previous = session.state.previous
    if previous is None:
        return None
    snapshot = previous.statuses.get(measure_id)
    status = f"{snapshot.symbol} {snapshot.name}" if snapshot else "not reviewed"
    found = LastTime(f"{previous.id} ({day_month(previous.date)})", status, meeting_id=previous.id)
    for item in session.state.previous_items:
        if item.measure_id != measure_id:
            continue
        if item.kind not in (ItemKind.ACTION, ItemKind.DECISION):
            continue
        if len(found.lines) == LINES_SHOWN:
            found.more += 1
        elif item.kind is ItemKind.ACTION:
            now = outcome_label(item.status.value)
            found.lines.append(Line(f"{item.ref} {item.text} · {item.owner or '?'} · {now}"))
        else:
            found.lines.append(Line(f"{item.ref} decided: {item.text}"))
    return found


def review_rows(session: MeetingSession) -> list[ReviewRow]:
    """The actions under review, soonest due first, with the review's outcome so far."""
    today = session.store.clock.today()
    return [
        ReviewRow(
            number=item.number,
            ref=item.ref,
            outcome=outcome_label(session.review.outcome(item)),
            text=item.text,
            owner=item.owner or "–",
            due=late_due(item, today),
        )
        for item in session.carried
    ]


def late_due(item: CapturedItem, today: dt.date) -> str:
    """``17 Nov ⚠ 6d late`` (lateness only for open actions)."""
    if item.due is None:
        return "no date"
    late = (today - item.due).days if item.status is ActionStatus.OPEN else 0
    return day_month(item.due) + (f" ⚠ {late}d late" if late > 0 else "")
