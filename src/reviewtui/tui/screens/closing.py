"""The meeting screen's end: the team's rating, finalizing (after saying what is left),
exporting off the UI thread, and reopening a finalized meeting.

Split from :mod:`reviewtui.tui.screens.meeting` (which subclasses this).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message

from reviewtui.errors import ReviewError
from reviewtui.tui.markup import safe
from reviewtui.tui.screens.dialogs import ConfirmScreen
from reviewtui.tui.screens.reviewing import ReviewingScreen
from reviewtui.tui.widgets.ask_dock import Question

if TYPE_CHECKING:  # the exporters (jinja2, icalendar) load when exporting, not at start
    from reviewtui.exporters.export import ExportResult

SHOWN_LEFTOVERS = 8
"""Lines of "what is left" the finalize question lists before "and N more"."""


class ClosingScreen(ReviewingScreen):
    """A meeting screen's wrap-up actions."""

    def action_rate(self) -> None:
        """Ask the team's 1-10 rating of the meeting (in the line under the item)."""

        def read(text: str) -> int:
            if not text.strip().isdigit() or not 1 <= int(text) <= 10:
                raise ValueError("type a whole number from 1 to 10")
            return int(text)

        def rated(value: int) -> None:
            self._save(
                lambda: self.session.closing.set_rating(value),
                self.refresh_all,
                f"the rating {value}/10",
            )

        rating = self.session.meeting.rating
        self.ask(
            Question(
                "Rate this meeting, 1 (poor) to 10 (excellent)",
                read,
                rated,
                lambda value: f"{value}/10",
                value=str(rating) if rating else "",
            )
        )

    def action_finalize(self) -> None:
        """End the meeting, after a yes that knows what is left undone."""

        def finalized() -> None:
            self.notify("■ Meeting finalized; it is now read-only (u undoes)", timeout=6)
            self.refresh_all()

        def answered(yes: bool | None) -> None:
            if yes:
                self._save(self.session.closing.finalize, finalized, "finalizing")

        left = self.session.closing.leftovers()
        question = "Finalize this meeting? It becomes read-only (O reopens it)."
        if left:
            lines = [f"▲ {safe(line)}" for line in left[:SHOWN_LEFTOVERS]]
            if len(left) > SHOWN_LEFTOVERS:
                lines.append(f"… and {len(left) - SHOWN_LEFTOVERS} more")
            question = "[b]Still open:[/b]\n" + "\n".join(lines) + "\n\nFinalize anyway?"
        self.app.push_screen(ConfirmScreen(question), answered)

    class Exported(Message):
        """An export finished (in a worker): what was written, or why nothing was."""

        def __init__(self, result: ExportResult | None, error: str = "") -> None:
            super().__init__()
            self.result = result
            self.error = error

    def action_export(self) -> None:
        """Write the minutes, follow-ups, calendar items and emails next to the champion."""
        self.notify("Exporting…", timeout=3)
        self._export(self.session.meeting.id)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, meeting_id: str) -> None:
        """Export off the UI thread (a dozen fsynced files): the screen never freezes."""
        try:
            from reviewtui.exporters.export import default_folder, export_meeting

            result = export_meeting(self.session.store, meeting_id, default_folder(meeting_id))
        except ReviewError as error:
            self.post_message(self.Exported(None, str(error)))
            return
        self.post_message(self.Exported(result))

    @on(Exported)
    def _exported(self, event: Exported) -> None:
        result = event.result
        if result is None:
            self.notify(event.error, title="Not exported", severity="error", timeout=10)
            return
        self.notify(
            f"{len(result.files)} files in {result.folder}: minutes.md/.html, followups.csv, "
            "actions.ics, email/*.eml, meeting.json",
            title="✔ Exported",
            timeout=10,
        )
        if result.without_address:
            names = ", ".join(result.without_address)
            self.notify(f"No email address for {names}", severity="warning", timeout=10)

    def action_reopen(self) -> None:
        """Reopen a finalized meeting, after a yes."""

        def reopened() -> None:
            self.notify("Meeting reopened", timeout=4)
            self.refresh_all()

        def answered(yes: bool | None) -> None:
            if yes:
                self._save(self.session.closing.reopen, reopened, "reopening")

        self.app.push_screen(ConfirmScreen("Reopen this finalized meeting for changes?"), answered)
