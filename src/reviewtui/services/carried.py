"""What a meeting reviews from before: actions, and parking-lot issues still unresolved.

A meeting of one scorecard reviews exactly:

- every action of this scorecard still open, and
- every action of this scorecard closed, re-dated, reassigned, reworded or linked to
  another measure after the previous meeting of this scorecard was held (its
  finalization, or its last activity if it was never finalized), once.

"After" is decided by each change's own timestamp, so what a held meeting already
reviewed closed never comes back, whatever the dates of the meetings. A finalized
meeting keeps exactly the list it reviewed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from reviewtui.domain.capture import ActionStatus, CapturedItem, ItemKind
from reviewtui.domain.meeting import Meeting, MeetingHeader, MeetingState
from reviewtui.domain.review import changes_since
from reviewtui.services.ownership import Ownership, ownership
from reviewtui.store.repository import Store

HeaderT = TypeVar("HeaderT", bound=MeetingHeader)


@dataclass
class UnderReview:
    """The actions and issues a meeting reviews, and the meeting before it."""

    actions: list[CapturedItem] = field(default_factory=list)
    """Soonest due first."""
    issues: list[CapturedItem] = field(default_factory=list)
    """Unresolved parking-lot issues from earlier meetings of this scorecard."""
    previous: Meeting | None = None
    """The previous meeting of this scorecard (None for its first)."""

    @property
    def since(self) -> dt.datetime | None:
        """When the previous meeting was held: changes after this are what is new."""
        return self.previous.held_at if self.previous else None


def previous_meeting(
    meetings: Sequence[HeaderT], meeting: MeetingHeader, now: dt.datetime
) -> HeaderT | None:
    """The latest other meeting of the same scorecard held before this one started."""
    start = meeting.started_at or now
    held = [
        m
        for m in meetings
        if m.id != meeting.id
        and m.scorecard_id == meeting.scorecard_id
        and m.state is not MeetingState.PLANNED
        and m.held_at <= start
    ]
    # Ties (meetings held in the same second, as a script or a test runs them) go to the
    # later date, then the later-created meeting.
    return max(held, key=lambda m: (m.held_at, m.date, m.created_at, len(m.id), m.id), default=None)


def actions_under_review(store: Store, meeting: Meeting) -> UnderReview:
    """What the meeting's open-actions review shows, as of now."""
    # Each file read once; the agendas are not needed to relate meetings.
    meetings, items = store.everything()
    owners = ownership(store, meetings)
    previous = previous_meeting(meetings, meeting, store.clock.now())
    found = UnderReview(previous=store.meeting(previous.id) if previous else None)
    for item in items:
        if item.meeting_id == meeting.id:
            continue
        if item.kind is ItemKind.ACTION and _reviewed(item, meeting, found, owners):
            found.actions.append(item)
        elif item.kind is ItemKind.ISSUE and _offered(item, meeting, owners):
            found.issues.append(item)
    found.actions.sort(key=lambda i: (i.due or dt.date.max, i.number))
    return found


def _reviewed(
    item: CapturedItem, meeting: MeetingHeader, found: UnderReview, owners: Ownership
) -> bool:
    if meeting.read_only:
        return item.number in meeting.carried
    if owners.scorecard_of(item) != meeting.scorecard_id:
        return False
    return (
        item.number in meeting.carried
        or item.status is ActionStatus.OPEN
        or bool(changes_since(item, found.since))
    )


def _offered(item: CapturedItem, meeting: MeetingHeader, owners: Ownership) -> bool:
    if meeting.read_only:
        return item.number in meeting.carried_issues
    if owners.scorecard_of(item) != meeting.scorecard_id:
        return False
    return item.number in meeting.carried_issues or item.status is ActionStatus.OPEN
