"""Which actions a meeting reviews: open ones from elsewhere, and those closed since.

Open actions from earlier meetings and from the shell all come up; so do actions closed
(done or dropped) from the shell since the previous meeting, so the team sees them done.
A finalized meeting keeps exactly the list it reviewed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reviewtui.domain.capture import ActionStatus, CapturedItem, ItemKind
from reviewtui.domain.meeting import Meeting, MeetingState
from reviewtui.store.repository import Store


@dataclass
class UnderReview:
    """The actions under review, soonest due first, and the date changes count from."""

    actions: list[CapturedItem]
    since: dt.date | None
    """The previous meeting's date (None for a first meeting)."""


def previous_meeting_date(store: Store, meeting: Meeting) -> dt.date | None:
    """The date of the latest other meeting that took place on or before this one."""
    earlier = [
        m.date
        for m in store.meetings()
        if m.id != meeting.id and m.state is not MeetingState.PLANNED and m.date <= meeting.date
    ]
    return max(earlier) if earlier else None


def actions_under_review(store: Store, meeting: Meeting) -> UnderReview:
    """What the meeting's open-actions review shows, as of now."""
    since = previous_meeting_date(store, meeting)
    wanted = set(meeting.carried)
    everything = list(store.all_items())
    if not meeting.read_only:
        for item in everything:
            if item.kind is not ItemKind.ACTION or item.meeting_id == meeting.id:
                continue
            if item.status is ActionStatus.OPEN or closed_since(item, since):
                wanted.add(item.number)
    found = [i for i in everything if i.number in wanted and i.meeting_id != meeting.id]
    return UnderReview(sorted(found, key=lambda i: (i.due or dt.date.max, i.number)), since)


def closed_since(item: CapturedItem, since: dt.date | None) -> bool:
    """Done or dropped on or after ``since`` (never, when there was no earlier meeting)."""
    if since is None or item.status is ActionStatus.OPEN:
        return False
    closed = [c.at.date() for c in item.history if c.field == "status"]
    return bool(closed) and closed[-1] >= since


def review_outcome(item: CapturedItem, since: dt.date | None, by: str) -> str:
    """What a review did to a carried action: ``done``, ``dropped``, ``slipped``, ``open``.

    Slipped means re-dated during the meeting (``by`` it) or since the previous one.
    """
    if item.status is not ActionStatus.OPEN:
        return item.status.value
    slipped = any(
        c.field == "due"
        and c.old is not None
        and (c.by == by or (since is not None and c.at.date() >= since))
        for c in item.history
    )
    return "slipped" if slipped else "open"
