"""An agenda row as the meeting screen draws it, and a meeting read straight from its file
for the app's first frame.

The first frame is drawn before pydantic and the meeting's models are loaded (a good part
of a second's start-up on a small machine): :func:`glance` reads the meeting's file and
journal as stored (:mod:`reviewtui.store.layout`, orjson), validates nothing, and gives
up (None) on anything unexpected. The full load that follows is what checks the data and
says what is wrong with it; a glance never writes and never waits for the lock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from reviewtui.domain.agenda_terms import KIND_SYMBOL, AgendaKind, ItemProgress, MeetingState
from reviewtui.errors import ReviewError
from reviewtui.store import layout
from reviewtui.store.files import read_json_document


class Mark(Protocol):
    """What an agenda row needs of a status: its symbol, and its colour (a theme token or
    a hex; ``domain.status.StatusLevel`` is one)."""

    @property
    def symbol(self) -> str:
        """Shown beside the title: status is never colour alone."""
        ...

    @property
    def color(self) -> str:
        """``success``, ``warning``, ``error``, ``muted``... or ``#rrggbb``."""
        ...


@dataclass(frozen=True)
class StoredMark:
    """A measure's status as its meeting stored it: the symbol (the colour is the
    scorecard's, drawn once the meeting is loaded)."""

    symbol: str
    color: str = "muted"


@dataclass(frozen=True)
class AgendaRow:
    """One agenda item as the agenda list shows it."""

    key: str
    title: str
    marker: str
    """``▶`` on the current item, else its progress symbol (``○ ✔ ↷``)."""
    status: Mark | None
    """The measure's status, for measure items."""
    kind_symbol: str
    used: float
    timebox: int
    current: bool
    carried: bool = False
    """Skipped or not reached at the previous meeting."""

    @property
    def over(self) -> bool:
        """Whether this item used more than its timebox, in the whole seconds shown."""
        return int(self.used) > self.timebox


@dataclass(frozen=True)
class MeetingGlance:
    """What the first frame shows of a meeting: its title, where it stands, its agenda."""

    id: str
    title: str
    date: dt.date
    current: int
    rows: list[AgendaRow]
    finalized: bool

    @property
    def current_row(self) -> AgendaRow:
        """The agenda item the meeting is on."""
        return self.rows[self.current]


def glance(root: Path, meeting_id: str | None) -> MeetingGlance | None:
    """Meeting ``meeting_id`` (None: the newest one not finalized, as ``meeting run``
    picks) as stored in data dir ``root``, read raw; None if anything on the way is
    missing, unreadable or not as this version writes it (the full load then says why)."""
    try:
        meta = read_json_document(root / layout.META_FILE)
        if meta is None or meta.get("schema_version") != layout.SCHEMA_VERSION:
            return None
        if meeting_id is not None:
            return _glance_at(layout.meeting_file(root, meeting_id))
        for path in reversed(layout.meeting_files(root)):
            seen = _glance_at(path)
            if seen is None or not seen.finalized:
                return seen
        return None
    except (ReviewError, OSError):
        return None


def _glance_at(path: Path) -> MeetingGlance | None:
    stored = layout.record(layout.read_document(path), layout.MEETING_TABLE)
    return _glance_of(stored) if stored is not None else None


def _glance_of(stored: dict[str, Any]) -> MeetingGlance | None:
    try:
        current = stored["current"]
        agenda = stored["agenda"]
        statuses = stored.get("statuses") or {}
        rows = [_row(item, index == current, statuses) for index, item in enumerate(agenda)]
        if not isinstance(current, int) or not 0 <= current < len(rows):
            return None
        return MeetingGlance(
            id=str(stored["id"]),
            title=str(stored["title"]),
            date=dt.date.fromisoformat(stored["date"]),
            current=current,
            rows=rows,
            finalized=stored.get("state") == MeetingState.FINALIZED,
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _row(item: dict[str, Any], current: bool, statuses: dict[str, Any]) -> AgendaRow:
    kind = AgendaKind(item["kind"])
    measure_id = item.get("measure_id")
    status = statuses.get(measure_id) if measure_id else None
    used, timebox = float(item.get("used_seconds", 0)), int(item["timebox_seconds"])
    return AgendaRow(
        key=str(item["key"]),
        title=str(item["title"]),
        marker="▶" if current else ItemProgress(item.get("progress", "pending")).symbol,
        status=StoredMark(str(status["symbol"])) if status else None,
        kind_symbol=KIND_SYMBOL.get(kind, " "),
        used=used,
        timebox=timebox,
        current=current,
        carried=item.get("carried_from") is not None,
    )
