"""Captured items: the actions, decisions, issues and notes a meeting produces."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from reviewtui.domain.model import Model
from reviewtui.domain.rules import ITEM_PREFIX
from reviewtui.domain.text import Owner, Title


class ItemKind(StrEnum):
    """What was captured."""

    ACTION = "action"
    DECISION = "decision"
    ISSUE = "issue"
    NOTE = "note"

    @property
    def prefix(self) -> str:
        """The letter before an item's number: ``A-142`` is an action."""
        return ITEM_PREFIX[self.value]


class ActionStatus(StrEnum):
    """Where an action stands."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class Change(Model):
    """One change to an item, kept forever: who, when, which field, old and new value."""

    at: dt.datetime
    by: str = ""
    field: str
    """``created``, ``status``, ``due``, ``owner``, ``text``, ``measure_id``, ``kind``..."""
    old: str | None = None
    new: str | None = None
    note: str = ""
    """Why (a re-dating's reason, a note from the shell)."""
    meeting_id: str | None = None
    """The meeting the change was made in (None: from the shell)."""


class CapturedItem(Model):
    """An action, decision, issue (parking lot) or note, linked to where it was raised."""

    uid: str = Field(min_length=8)
    """Globally unique and stable (calendar UIDs, message ids are derived from it)."""
    number: int = Field(ge=1)
    """Short number, unique across all meetings; shown as ``A-142``."""
    kind: ItemKind
    text: Title
    owner: Owner = None
    due: dt.date | None = None
    measure_id: str | None = None
    scorecard_id: str | None = None
    """The scorecard (the team) the item belongs to: its meeting's, or its measure's."""
    agenda_item: str | None = None
    """Key of the agenda item it was captured on."""
    meeting_id: str | None = None
    status: ActionStatus = ActionStatus.OPEN
    created_at: dt.datetime
    history: list[Change] = Field(default_factory=list)
    source_id: str | None = None
    """Where an imported action came from (``taskwarrior:<uuid>``); importing again skips it."""
    project: str | None = None
    """A taskwarrior project, kept on import."""
    tags: list[str] = Field(default_factory=list)
    """Taskwarrior tags, kept on import."""

    @property
    def ref(self) -> str:
        """The typeable id, e.g. ``A-142``."""
        return f"{self.kind.prefix}-{self.number}"


OUTCOMES: dict[str, tuple[str, str]] = {
    "open": ("○", "open"),
    "done": ("✔", "done"),
    "dropped": ("✖", "dropped"),
    "slipped": ("↻", "slipped"),
    "reopened": ("↺", "reopened"),
    "reassigned": ("⇄", "reassigned"),
    "reworded": ("✎", "reworded"),
}
"""What a review did to an action, as a symbol and a word (never colour alone)."""


def outcome_label(outcome: str) -> str:
    """``✔ done``, ``↻ slipped``..."""
    symbol, word = OUTCOMES.get(outcome, ("?", outcome))
    return f"{symbol} {word}"
