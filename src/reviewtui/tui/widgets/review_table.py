"""The review of open actions from earlier meetings: done, slipped or dropped."""

from __future__ import annotations

import textwrap

from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from reviewtui.services.views import ReviewRow
from reviewtui.tui.widgets.now import send_now

COLUMNS = (("Id", 5), ("Now", 12), ("Action", 0), ("Owner", 15), ("Due", 16))
"""Column widths; the action takes what is left (0)."""


class ReviewTable(DataTable[str]):
    """One row per carried-over action."""

    BINDINGS = [
        Binding("c", "outcome('done')", "Done", id="review.done"),
        Binding("r", "outcome('slip')", "Slipped", id="review.slip"),
        Binding("x", "outcome('drop')", "Dropped", id="review.drop"),
        Binding("b", "outcome('reopen')", "Bring back", id="review.reopen"),
        Binding("p", "outcome('reassign')", "Reassign", id="review.reassign"),
        Binding("e", "outcome('reword')", "Reword", id="review.reword"),
        Binding("enter", "outcome('story')", "Story", id="review.story"),
    ]

    review_rows: list[ReviewRow] = []

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
        self.show(self.review_rows)

    def show(self, rows: list[ReviewRow]) -> None:
        """Redraw, keeping the cursor on the same row."""
        self.review_rows = rows
        cursor = self.cursor_row
        room = max(16, (self.size.width or 100) - 61)
        self.clear(columns=True)
        for label, width in COLUMNS:
            self.add_column(label, width=width or room)
        for row in rows:
            self.add_row(
                row.ref,
                row.outcome,
                "\n".join(textwrap.wrap(row.text, room, max_lines=2, placeholder="…")),
                row.owner,
                row.due,
                key=str(row.number),
                height=2,
            )
        if rows:
            self.move_cursor(row=min(cursor, len(rows) - 1))

    def action_outcome(self, outcome: str) -> None:
        """Record an outcome for the action under the cursor."""
        if not self.row_count:
            self.notify("No open actions to review", severity="warning")
            return
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        if key is not None:
            send_now(self, self.Outcome(int(key), outcome))
