"""Planning, finding, finalizing and reopening meetings."""

from __future__ import annotations

import datetime as dt

from reviewtui.domain.agenda import AgendaOrder, build_agenda, is_worst
from reviewtui.domain.capture import ActionStatus, CapturedItem, ItemKind
from reviewtui.domain.meeting import Meeting, MeetingState, StatusSnapshot, length_problem
from reviewtui.domain.revise import revised
from reviewtui.domain.scorecard import Scorecard
from reviewtui.errors import InvalidInputError, NotFoundError, Problem, ReviewError
from reviewtui.store.repository import Store


def open_actions_elsewhere(store: Store, meeting_id: str | None) -> list[CapturedItem]:
    """Open actions from every other meeting and from the shell, oldest first."""
    return [
        item
        for item in store.all_items()
        if item.kind is ItemKind.ACTION
        and item.status is ActionStatus.OPEN
        and item.meeting_id != meeting_id
    ]


def plan_meeting(
    store: Store,
    scorecard: Scorecard,
    title: str | None = None,
    date: dt.date | None = None,
    length_minutes: int = 60,
    order: AgendaOrder = AgendaOrder.EXCEPTIONS_FIRST,
) -> Meeting:
    """Store a planned meeting of ``scorecard``: agenda, timeboxes, statuses as reviewed."""
    problem = length_problem(length_minutes)
    if problem:
        raise InvalidInputError([Problem("", "", "length", problem)])
    period = scorecard.review_period()
    carried = open_actions_elsewhere(store, None)
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
    agenda = build_agenda(scorecard, length_minutes, len(carried), order, period)
    when = date or store.clock.today()
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
            statuses=statuses,
            agenda=agenda,
            order=order,
            carried=[item.number for item in carried],
        )

    return store.create_meeting(build, scorecard)


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
