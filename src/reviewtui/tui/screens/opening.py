"""The meeting's first frame: its title, where it stands and its agenda, read raw from its
file, on screen while the meeting itself is loaded.

Loading the meeting (pydantic, the models, the actions under review) takes as long again
as Textual's own start. Meanwhile the room sees the meeting on the wall, laid out as the
meeting screen will be; that screen replaces this one as soon as it is ready, and the
keys pressed in between are applied to it, in order (see ``ReviewApp``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Static

from reviewtui.domain.dates import day_month
from reviewtui.services.agenda_view import MeetingGlance
from reviewtui.tui.markup import safe
from reviewtui.tui.widgets.agenda_list import AgendaList
from reviewtui.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from reviewtui.services.workspace import Store

NARROW = 100
"""Below this width the agenda is one key (g) away instead of always shown."""
FINALIZED_NOTE = " · [b]■ FINALIZED, read-only (O reopens)[/b]"


def watching_note(adds_items: bool) -> str:
    """The title line's ending for someone following the meeting (``reviewtui watch``)."""
    return " · [b]◉ WATCHING[/b] " + ("(may add items)" if adds_items else "(read-only)")


def meeting_heading(title: str, meeting_id: str, date: dt.date, position: str, note: str) -> str:
    """The meeting screen's title line: meeting, id, date, ``item 3/23``, then ``note``."""
    return (
        f"[b]{safe(title)}[/b] · {safe(meeting_id)} · {day_month(date)} {date.year} "
        f"· item {position}{note}"
    )


@dataclass(frozen=True)
class Opening:
    """What the app needs to open a meeting in two steps: the meeting as its file says
    (drawn at once) and how to open the store (done after the first frame)."""

    glance: MeetingGlance
    open_store: Callable[[], Store]


class OpeningScreen(Screen[None]):
    """The meeting as stored, drawn before it is loaded; nothing here takes a key."""

    AUTO_FOCUS = None

    def __init__(self, glance: MeetingGlance, watching: bool = False, adds: bool = False) -> None:
        super().__init__()
        self.glance = glance
        self.note = watching_note(adds) if watching else FINALIZED_NOTE if glance.finalized else ""

    def compose(self) -> ComposeResult:
        """The meeting screen's layout: header, clock line, agenda beside the item, footer."""
        seen = self.glance
        position = f"{seen.current + 1}/{len(seen.rows)}"
        yield Static(
            meeting_heading(seen.title, seen.id, seen.date, position, self.note),
            id="meeting-header",
        )
        yield Static("◷ Opening the meeting…", id="clock")
        with Horizontal(id="body"):
            agenda = AgendaList(id="agenda")
            agenda.can_focus = False
            yield agenda
            with Vertical(id="item-pane"):
                row = seen.current_row
                symbol = row.status.symbol if row.status is not None else row.kind_symbol
                yield Static(f"[b]{safe(symbol)} {safe(row.title)}[/b]", id="review-title")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        """Draw the agenda (once it has its width)."""
        self.query_one(AgendaList).show(self.glance.rows)

    def on_resize(self, event: Resize) -> None:
        """Hide the agenda on small terminals, as the meeting screen does."""
        self.set_class(event.size.width < NARROW, "-narrow")
