"""The clock: time used on this item and the whole meeting, against their timeboxes."""

from __future__ import annotations

from textual.widgets import Static

from reviewtui.domain.agenda_terms import format_seconds
from reviewtui.services.views import ClockFigures
from reviewtui.tui.markup import set_text


class ClockBar(Static):
    """One line: ``◷ Item 1:12 / 4:00 · Meeting 12:40 / 60:00 · ▶ running``."""

    watchers = 0
    """How many follow the meeting in a browser (``reviewtui serve``); said when some do."""

    pending = 0
    """How many of the champion's changes wait for another process's write."""

    def show(self, clock: ClockFigures) -> None:
        """Draw the figures."""
        parts = [
            f"◷ Item [b]{format_seconds(clock.item_used)}[/b] / {format_seconds(clock.item_box)}"
        ]
        if clock.item_over:
            parts.append(f"[bold $error]⚠ OVER by {format_seconds(clock.item_over)}[/]")
        parts.append(
            f"Meeting [b]{format_seconds(clock.meeting_used)}[/b] / "
            f"{format_seconds(clock.meeting_box)}"
        )
        if clock.meeting_over:
            parts.append(f"[bold $error]⚠ meeting OVER by {format_seconds(clock.meeting_over)}[/]")
        if clock.read_only:
            parts.append("■ finalized, read-only")
        elif clock.not_started:
            parts.append("[b]○ NOT STARTED[/b] (waiting for the champion)")
        elif clock.silent_since:
            parts.append(
                f"[bold $warning]⚠ NO WORD[/] from the champion since {clock.silent_since}"
            )
        elif clock.paused:
            parts.append("[bold $warning]⏸ PAUSED[/]")
        else:
            parts.append("▶ running")
        if self.pending:
            changes = "change waits" if self.pending == 1 else "changes wait"
            parts.append(f"[bold $warning]⧗ {self.pending} {changes} to be saved[/]")
        if self.watchers:
            parts.append(f"◎ {self.watchers} watching")
        self.set_class(bool(clock.item_over), "-over")
        # One line (height 1 in app.tcss) whatever it says: a tick repaints it and does not
        # lay the screen out again (1.5 ms each second with 1,000 measures).
        set_text(self, " · ".join(parts), layout=False)
