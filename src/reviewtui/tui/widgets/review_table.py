"""The review of open actions from earlier meetings: done, slipped or dropped."""

from __future__ import annotations

import datetime as dt
import textwrap

from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from reviewtui.domain.capture import outcome_label
from reviewtui.domain.display import day_month
from reviewtui.services.session import MeetingSession

COLUMNS = (("Id", 5), ("Now", 9), ("Action", 0), ("Owner", 15), ("Due", 16))
"""Column widths; the action takes what is left (0)."""


class ReviewTable(DataTable[str]):
    """One row per carried-over action."""

    BINDINGS = [
        Binding("c", "outcome('done')", "Done", id="review.done"),
        Binding("r", "outcome('slip')", "Slipped", id="review.slip"),
        Binding("x", "outcome('drop')", "Dropped", id="review.drop"),
    ]

    _session: MeetingSession | None = None

    class Outcome(Message):
        """The team said what happened to an action."""

        def __init__(self, number: int, outcome: str) -> None:
            super().__init__()
            self.number = number
            self.outcome = outcome

    def on_mount(self) -> None:
        """Columns and a row cursor."""
        self.cursor_type = "row"
        self.zebra_stripes = True

    def on_resize(self) -> None:
        """Fit the action column to the width."""
        if self._session is not None:
            self.show(self._session)

    def show(self, session: MeetingSession) -> None:
        """Redraw, keeping the cursor on the same row."""
        self._session = session
        row = self.cursor_row
        room = max(16, (self.size.width or 100) - 58)
        self.clear(columns=True)
        for label, width in COLUMNS:
            self.add_column(label, width=width or room)
        today = session.store.clock.today()
        for item in session.carried:
            self.add_row(
                item.ref,
                outcome_label(session.review.outcome(item)),
                "\n".join(textwrap.wrap(item.text, room, max_lines=2, placeholder="…")),
                item.owner or "–",
                _due(item.due, today) if item.status.value == "open" else _due(item.due, None),
                key=str(item.number),
                height=2,
            )
        if session.carried:
            self.move_cursor(row=min(row, len(session.carried) - 1))

    def action_outcome(self, outcome: str) -> None:
        """Record an outcome for the action under the cursor."""
        if not self.row_count:
            self.notify("No open actions to review", severity="warning")
            return
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        if key is not None:
            self.post_message(self.Outcome(int(key), outcome))


def _due(due: dt.date | None, today: dt.date | None) -> str:
    """``17 Nov ⚠ 6d late`` (lateness only for open actions, when ``today`` is given)."""
    if due is None:
        return "no date"
    late = (today - due).days if today else 0
    return day_month(due) + (f" ⚠ {late}d late" if late > 0 else "")
