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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from reviewtui.domain.capture import ActionStatus, CapturedItem, ItemKind
from reviewtui.domain.meeting import Meeting, MeetingHeader, MeetingState
from reviewtui.domain.review import REVIEWED_FIELDS, changes_since
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
    # Each file read once (or its cached records); the agendas are not needed to relate
    # meetings, and only the items that might be reviewed are validated.
    now = store.clock.now()
    meetings, items = store.everything(lambda headers: _maybe_reviewed(headers, meeting, now))
    owners = ownership(store, meetings)
    previous = previous_meeting(meetings, meeting, now)
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


def _maybe_reviewed(
    headers: list[MeetingHeader], meeting: MeetingHeader, now: dt.datetime
) -> Callable[[dict[str, Any]], bool]:
    """Which raw item records :func:`_reviewed` or :func:`_offered` could take: a
    superset (when in doubt, kept), checked before paying to validate 10,000 items."""
    previous = previous_meeting(headers, meeting, now)
    since = previous.held_at if previous else None
    carried = {*meeting.carried, *meeting.carried_issues}
    read_only, own = meeting.read_only, meeting.id  # asked of 10,000 rows: read once

    def wanted(row: dict[str, Any]) -> bool:
        kind = row.get("kind")
        if kind not in (ItemKind.ACTION, ItemKind.ISSUE) or row.get("meeting_id") == own:
            return False
        if (
            row.get("number") in carried
            or not read_only
            and row.get("status") in (ActionStatus.OPEN, None)
        ):
            return True
        return kind == ItemKind.ACTION and not read_only and _changed_after(row, since)

    return wanted


def _changed_after(row: dict[str, Any], since: dt.datetime | None) -> bool:
    """Whether a raw action record has a reviewed change after ``since`` (or might)."""
    if since is None:
        return False
    history = row.get("history")
    if not isinstance(history, list):
        return True  # validation will say what is wrong with it
    for change in history:
        if not isinstance(change, dict) or change.get("field") not in REVIEWED_FIELDS:
            continue
        try:
            if dt.datetime.fromisoformat(change["at"]) > since:
                return True
        except (KeyError, TypeError, ValueError):
            return True
    return False


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
