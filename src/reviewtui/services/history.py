"""Looking back: one measure across meetings, and the leadership team's report.

Which measures have been red for several meetings running, which actions keep slipping,
whose actions get done by their due date.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from reviewtui.domain.capture import ActionStatus, CapturedItem, ItemKind
from reviewtui.domain.checks import suggest
from reviewtui.domain.dates import local_date
from reviewtui.domain.meeting import Meeting, MeetingState, StatusSnapshot
from reviewtui.domain.rules import counts_as_redating
from reviewtui.errors import NotFoundError
from reviewtui.store.repository import Store


@dataclass
class MeasureAtMeeting:
    """A measure's status at one meeting, and what that meeting captured on it."""

    meeting: Meeting
    status: StatusSnapshot | None
    items: list[CapturedItem]


@dataclass
class MeasureHistory:
    """A measure across all meetings, plus actions on it added from the shell."""

    measure_id: str
    name: str
    meetings: list[MeasureAtMeeting]
    loose: list[CapturedItem]


def held(meetings: list[Meeting], since: dt.date | None = None) -> list[Meeting]:
    """Meetings that took place (started or finalized), oldest first, from ``since``."""
    return [
        m
        for m in meetings
        if m.state is not MeetingState.PLANNED and (since is None or m.date >= since)
    ]


def measure_history(store: Store, measure_id: str) -> MeasureHistory:
    """The measure's status at each meeting that reviewed it, and the items on it."""
    meetings = store.meetings()
    items = list(store.all_items())
    names = {m.id: m.name for card in store.scorecards() for _, _, m in card.measures()}
    reviewed = [m for m in meetings if measure_id in m.statuses]
    known = set(names) | {key for m in meetings for key in m.statuses}
    if measure_id not in known:
        hint = suggest(measure_id, sorted(known))
        raise NotFoundError(f"no measure {measure_id!r} in any scorecard or meeting{hint}")
    on_measure = [i for i in items if i.measure_id == measure_id]
    entries = [
        MeasureAtMeeting(
            meeting,
            meeting.statuses.get(measure_id),
            [i for i in on_measure if i.meeting_id == meeting.id],
        )
        for meeting in reviewed
    ]
    name = names.get(measure_id) or next(
        (i.title for m in reviewed for i in m.agenda if i.measure_id == measure_id), measure_id
    )
    return MeasureHistory(
        measure_id, name, entries, [i for i in on_measure if i.meeting_id is None]
    )


@dataclass
class OffTrackRun:
    """A measure off track at the latest ``count`` meetings that reviewed it."""

    measure_id: str
    name: str
    count: int
    since_meeting: str


@dataclass
class OwnerCompletion:
    """Of an owner's actions that fell due, how many were done by their due date."""

    owner: str
    due: int = 0
    done_on_time: int = 0
    done_late: int = 0
    still_open: int = 0

    @property
    def rate(self) -> float | None:
        """Done by due date / all due, or None when nothing fell due."""
        return self.done_on_time / self.due if self.due else None


@dataclass
class Report:
    """The leadership team's look back."""

    since: dt.date | None
    meetings: int
    off_track_runs: list[OffTrackRun] = field(default_factory=list)
    slipping: list[tuple[CapturedItem, int]] = field(default_factory=list)
    completion: list[OwnerCompletion] = field(default_factory=list)


def report(
    store: Store, today: dt.date, since: dt.date | None = None, runs: int = 3, slips: int = 2
) -> Report:
    """Measures off track ``runs`` meetings running, actions re-dated ``slips`` times or
    more, and each owner's completion rate, over the meetings since ``since``."""
    meetings = held(store.meetings(), since)
    result = Report(since=since, meetings=len(meetings))
    result.off_track_runs = _off_track_runs(meetings, runs)
    actions = [
        i
        for i in store.all_items()
        if i.kind is ItemKind.ACTION
        and (
            since is None or i.created_at.date() >= since or (i.due is not None and i.due >= since)
        )
    ]
    for item in actions:
        count = sum(1 for c in item.history if counts_as_redating(c.field, c.old))
        if count >= slips:
            result.slipping.append((item, count))
    result.slipping.sort(key=lambda pair: (-pair[1], pair[0].number))
    result.completion = _completion(actions, today, since)
    return result


def _off_track_runs(meetings: list[Meeting], runs: int) -> list[OffTrackRun]:
    streaks: dict[str, list[Meeting]] = defaultdict(list)
    names: dict[str, str] = {}
    for meeting in meetings:  # oldest first: a green meeting ends the run
        for measure_id, status in meeting.statuses.items():
            if status.off_track:
                streaks[measure_id].append(meeting)
            else:
                streaks[measure_id] = []
        for agenda_item in meeting.agenda:
            if agenda_item.measure_id:
                names[agenda_item.measure_id] = agenda_item.title
    found = [
        OffTrackRun(measure_id, names.get(measure_id, measure_id), len(run), run[0].id)
        for measure_id, run in streaks.items()
        if len(run) >= runs
    ]
    return sorted(found, key=lambda r: (-r.count, r.measure_id))


def _completion(
    actions: list[CapturedItem], today: dt.date, since: dt.date | None
) -> list[OwnerCompletion]:
    owners: dict[str, OwnerCompletion] = {}
    for item in actions:
        if item.due is None or item.due > today or item.status is ActionStatus.DROPPED:
            continue
        if since is not None and item.due < since:
            continue
        name = item.owner or "(no owner)"
        owner = owners.setdefault(name, OwnerCompletion(name))
        owner.due += 1
        if item.status is ActionStatus.DONE:
            finished = _done_on(item)
            if finished is None or finished <= item.due:
                owner.done_on_time += 1
            else:
                owner.done_late += 1
        else:
            owner.still_open += 1
    return sorted(owners.values(), key=lambda o: (o.rate if o.rate is not None else 2, o.owner))


def _done_on(item: CapturedItem) -> dt.date | None:
    for change in reversed(item.history):
        if change.field == "status" and change.new == ActionStatus.DONE:
            return local_date(change.at)
    return None
