"""The review of earlier actions: what changed on an action since a moment, and its outcome.

Everything is decided by the changes' own timestamps, never by dates: an action closed at
10:05 is not "closed since" a meeting held until 10:30 on the same day.
"""

from __future__ import annotations

import datetime as dt

from reviewtui.domain.capture import ActionStatus, CapturedItem, Change
from reviewtui.domain.rules import counts_as_redating

REVIEWED_FIELDS = frozenset({"status", "due", "owner", "text", "measure_id"})
"""Changes that bring an action back to the next review (closed, re-dated, reassigned,
reworded, linked to another measure)."""


def changes_since(item: CapturedItem, since: dt.datetime | None) -> list[Change]:
    """The reviewed changes made to an action after ``since`` (none when since is None)."""
    if since is None:
        return []
    return [c for c in item.history if c.field in REVIEWED_FIELDS and c.at > since]


def review_outcome(item: CapturedItem, since: dt.datetime | None, meeting_id: str = "") -> str:
    """What happened to an action since the previous meeting (or in this one).

    ``done`` or ``dropped`` if it is closed; ``slipped`` if its due date moved; else
    ``reopened``, ``reassigned`` or ``reworded``; ``open`` if nothing changed. Changes made
    in ``meeting_id`` count whatever the time.
    """
    if item.status is not ActionStatus.OPEN:
        return item.status.value
    recent = [
        c
        for c in item.history
        if c.field in REVIEWED_FIELDS
        and ((since is not None and c.at > since) or (meeting_id and c.meeting_id == meeting_id))
    ]
    if any(counts_as_redating(c.field, c.old) for c in recent):
        return "slipped"
    if any(c.field == "status" and c.new == ActionStatus.OPEN for c in recent):
        return "reopened"
    if any(c.field == "owner" for c in recent):
        return "reassigned"
    if any(c.field == "text" for c in recent):
        return "reworded"
    return "open"


def is_overdue(item: CapturedItem, today: dt.date) -> bool:
    """Open and past its due date: shown beside the outcome, never instead of it."""
    return item.status is ActionStatus.OPEN and item.due is not None and item.due < today
