"""The clock: time used on this item and the whole meeting, against their timeboxes."""

from __future__ import annotations

from textual.widgets import Static

from reviewtui.domain.agenda import format_seconds
from reviewtui.services.session import MeetingSession


class ClockBar(Static):
    """One line: ``⏱ Item 1:12 / 4:00 · Meeting 12:40 / 60:00 · ▶ running``."""

    def show(self, session: MeetingSession) -> None:
        """Redraw from the session's clock."""
        meeting = session.meeting
        item = session.current
        used, box = session.clock.used(item), item.timebox_seconds
        total_used, total = session.clock.meeting_used(), meeting.length_minutes * 60
        parts = [f"◷ Item [b]{format_seconds(used)}[/b] / {format_seconds(box)}"]
        if used > box:
            parts.append(f"[bold $error]⚠ OVER by {format_seconds(used - box)}[/]")
        parts.append(f"Meeting [b]{format_seconds(total_used)}[/b] / {format_seconds(total)}")
        if total_used > total:
            parts.append(f"[bold $error]⚠ meeting OVER by {format_seconds(total_used - total)}[/]")
        if session.read_only:
            parts.append("■ finalized, read-only")
        elif session.clock.paused:
            parts.append("[bold $warning]⏸ PAUSED[/]")
        else:
            parts.append("▶ running")
        self.set_class(used > box, "-over")
        self.update(" · ".join(parts))
