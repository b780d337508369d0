"""An action's story, told from its history: created where and by whom, every change.

Shown when the champion presses Enter on an action in the review, and by
``reviewtui meeting show``; the words are decided here so every view tells it alike.
"""

from __future__ import annotations

import datetime as dt

from reviewtui.domain.capture import CapturedItem, Change
from reviewtui.domain.display import long_date

FIELD_WORDS = {
    "due": "due date",
    "owner": "owner",
    "text": "wording",
    "measure_id": "measure",
    "kind": "type",
}


def story(item: CapturedItem) -> list[str]:
    """One line per event in the item's life, oldest first."""
    return [_line(change, item) for change in item.history]


def _line(change: Change, item: CapturedItem) -> str:
    # Older data did not record the meeting of a change; an item's creation is its own.
    meeting = change.meeting_id or (item.meeting_id if change.field == "created" else None)
    where = f"in {meeting}" if meeting else "from the shell"
    who = f" by {change.by}" if change.by else ""
    when = _moment(change.at)
    why = f": {change.note}" if change.note else ""
    if change.field == "created":
        return f"{when} created {where}{who}{why}"
    if change.field == "status":
        return f"{when} {change.old} → {change.new} {where}{who}{why}"
    if change.field == "due":
        old = _date(change.old) if change.old else "no date"
        return f"{when} re-dated {old} → {_date(change.new)} {where}{who}{why}"
    word = FIELD_WORDS.get(change.field, change.field)
    return f"{when} {word}: {change.old or '–'} → {change.new or '–'} {where}{who}{why}"


def _moment(at: dt.datetime) -> str:
    return f"{at.astimezone():%Y-%m-%d %H:%M}"


def _date(text: str | None) -> str:
    try:
        return long_date(dt.date.fromisoformat(text or ""))
    except ValueError:
        return text or "–"
