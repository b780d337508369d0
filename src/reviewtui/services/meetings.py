"""Planning, finding, finalizing and reopening meetings."""

from __future__ import annotations

import datetime as dt
import math

from reviewtui.domain.agenda import (
    AgendaItem,
    build_agenda,
    is_worst,
    length_timing_every_measure,
    untimed_measures,
)
from reviewtui.domain.agenda_terms import AgendaKind, AgendaOrder, ItemProgress
from reviewtui.domain.meeting import (
    LONGEST,
    Meeting,
    MeetingState,
    StatusSnapshot,
    length_problem,
)
from reviewtui.domain.revise import revised
from reviewtui.domain.scorecard import Scorecard
from reviewtui.errors import InvalidInputError, NotFoundError, Problem, ReviewError
from reviewtui.services.carried import actions_under_review
from reviewtui.store.repository import Store


def plan_meeting(
    store: Store,
    scorecard: Scorecard,
    title: str | None = None,
    date: dt.date | None = None,
    length_minutes: int = 60,
    order: AgendaOrder = AgendaOrder.EXCEPTIONS_FIRST,
    period: str | None = None,
) -> Meeting:
    """Store a planned meeting of ``scorecard``: agenda, timeboxes, statuses as reviewed.

    ``period`` reviews another period than the latest. Measures the previous meeting of
    this scorecard skipped or never reached are marked as carried from it.
    """
    problem = length_problem(length_minutes)
    if problem:
        raise InvalidInputError([Problem("", "", "length", problem)])
    period = _chosen_period(scorecard, period)
    when = date or store.clock.today()
    draft = Meeting(
        id="M-0", title="draft", scorecard_id=scorecard.id, date=when, created_at=store.clock.now()
    )
    review = actions_under_review(store, draft)
    agenda = build_agenda(scorecard, length_minutes, len(review.actions), order, period)
    if review.previous is not None:
        _mark_carried(agenda, review.previous)
    default_title = f"{scorecard.name} review, {period or when.isoformat()}"

    def build(meeting_id: str) -> Meeting:
        return Meeting(
            id=meeting_id,
            title=(title or "").strip() or default_title,
            scorecard_id=scorecard.id,
            period=period,
            date=when,
            length_minutes=length_minutes,
            attendees=[person.name for person in scorecard.people],
            created_at=store.clock.now(),
            statuses=status_snapshots(scorecard, period),
            agenda=agenda,
            order=order,
            carried=[item.number for item in review.actions],
            carried_issues=[item.number for item in review.issues],
        )

    return store.create_meeting(build, scorecard)


def timing_advice(scorecard: Scorecard, meeting: Meeting) -> str | None:
    """What to tell the champion when the meeting is too short for its measures (some get
    no time of their own) and which length would give every one some; None when all do."""
    untimed = untimed_measures(meeting.agenda)
    if not untimed:
        return None
    measures = sum(1 for item in meeting.agenda if item.kind is AgendaKind.MEASURE)
    quarter_hours = range(math.ceil(meeting.length_minutes / 15) * 15, LONGEST + 1, 15)
    longer = length_timing_every_measure(
        scorecard, meeting.order, meeting.period, len(meeting.carried), quarter_hours
    )
    remedy = (
        f"plan {longer} minutes to give every one some"
        if longer
        else f"even {LONGEST} minutes is too short for them all"
    )
    return (
        f"⚠ {untimed:,} of {measures:,} measures get no time of their own in "
        f"{meeting.length_minutes} minutes (timeboxes are whole 15-second slots): {remedy}, "
        "or review fewer measures"
    )


def _chosen_period(scorecard: Scorecard, period: str | None) -> str | None:
    if period is None:
        return scorecard.review_period()
    periods = scorecard.periods()
    if period not in periods:
        shown = ", ".join(periods[-6:]) or "none"
        raise InvalidInputError(
            [
                Problem(
                    "",
                    "",
                    "period",
                    f"{scorecard.name} has no period {period!r}; its latest: {shown}",
                )
            ]
        )
    return period


def status_snapshots(scorecard: Scorecard, period: str | None) -> dict[str, StatusSnapshot]:
    """Each measure's status in the period, as the meeting will show it (kept for history)."""
    statuses = {}
    for _, _, measure in scorecard.measures():
        level = scorecard.status_of(measure, period)
        statuses[measure.id] = StatusSnapshot(
            key=level.key,
            name=level.name,
            symbol=level.symbol,
            period=period,
            worst=is_worst(level, scorecard.scheme_for(measure)),
        )
    return statuses


def _mark_carried(agenda: list[AgendaItem], previous: Meeting) -> None:
    """Measures the previous meeting skipped or did not reach come back marked."""
    missed = {
        item.measure_id
        for item in previous.agenda
        if item.kind is AgendaKind.MEASURE and item.progress is not ItemProgress.DONE
    }
    for item in agenda:
        if item.measure_id in missed:
            item.carried_from = previous.id


def latest_unfinished(store: Store) -> Meeting:
    """The newest meeting that is planned or under way; NotFoundError if none."""
    unfinished = [m for m in store.meetings() if m.state is not MeetingState.FINALIZED]
    if not unfinished:
        raise NotFoundError(
            "no unfinished meeting; plan one with `reviewtui meeting new SCORECARD`"
        )
    return unfinished[-1]


def finalize(store: Store, meeting: Meeting, **frozen: object) -> Meeting:
    """Close a meeting: it becomes read-only until reopened (one write, with ``frozen``
    fields such as the review's outcomes), and its journal is folded into its file."""
    changes = {"state": MeetingState.FINALIZED, "finalized_at": store.clock.now(), **frozen}
    done = revised(meeting, **changes)
    store.change_meeting(meeting.id, done.model_dump(mode="json", include=set(changes)))
    store.compact(meeting.id)
    return done


def reopen(store: Store, meeting: Meeting) -> Meeting:
    """Deliberately reopen a finalized meeting for changes."""
    if meeting.state is not MeetingState.FINALIZED:
        raise ReviewError(f"{meeting.id} is not finalized; nothing to reopen")
    reopened = revised(meeting, state=MeetingState.IN_PROGRESS)
    store.change_meeting(meeting.id, {"state": reopened.state.value})
    return reopened
