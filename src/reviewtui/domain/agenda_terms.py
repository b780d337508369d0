"""The agenda's plain vocabulary: what an item is, where it and the meeting stand, how
time reads.

Kept apart from :mod:`reviewtui.domain.agenda` (the pydantic models) so that the app's
first frame, drawn before pydantic is imported, speaks the same words and symbols.
"""

from __future__ import annotations

from enum import StrEnum


class AgendaKind(StrEnum):
    """What an agenda item is about."""

    OPEN_ACTIONS = "open_actions"
    MEASURE = "measure"
    PARKING_LOT = "parking_lot"
    WRAP_UP = "wrap_up"


class MeetingState(StrEnum):
    """A meeting's life: planned, under way, finalized (read-only unless reopened)."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    FINALIZED = "finalized"


class AgendaOrder(StrEnum):
    """How measures are ordered: the exceptions first, or as the scorecard lists them."""

    EXCEPTIONS_FIRST = "exceptions"
    SCORECARD = "scorecard"


class ItemProgress(StrEnum):
    """Where an agenda item stands, shown with a symbol and a word."""

    PENDING = "pending"
    DONE = "done"
    SKIPPED = "skipped"

    @property
    def symbol(self) -> str:
        """A symbol beside the word, never colour alone."""
        return {"pending": "○", "done": "✔", "skipped": "↷"}[self.value]


KIND_SYMBOL = {AgendaKind.OPEN_ACTIONS: "↺", AgendaKind.PARKING_LOT: "◧", AgendaKind.WRAP_UP: "⚑"}
"""The symbol an agenda row shows for an item that is not a measure (a measure shows its
status)."""


def format_seconds(seconds: float) -> str:
    """``754`` -> ``12:34``; an hour or more -> ``1:02:34``."""
    whole = int(max(0, seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
