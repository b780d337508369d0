"""The review of open actions from earlier meetings: done, slipped or dropped."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import NamedTuple

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from reviewtui.services.views import ReviewRow
from reviewtui.tui.widgets.now import send_now

LABELS = ("Id", "Now", "Action", "Owner", "Due")
FEW_CHANGES = 20
"""Actions added or gone past which the table is drawn again whole (each removal moves
every row below it)."""


class Widths(NamedTuple):
    """The columns' widths at one table width."""

    ref: int
    now: int
    action: int
    owner: int
    due: int


SPARE = 30
"""Columns the Id and Now columns, each cell's padding and the scroll bar take."""


ONE_LINE = (15, 16)
"""Owner and due widths when each fits on one line ("Maria Gonzalez", "18 Nov ⚠ 6d late")."""
TWO_LINES = (10, 10)
"""Owner and due widths when each wraps onto the row's second line."""


def fit(width: int) -> Widths:
    """Owner and due dates on one line, the action in what is left; when that leaves
    the action under 16 columns (an agenda beside a 100-column terminal), owner and due
    wrap onto the row's second line instead, so no column is cut off the right edge."""
    action = width - SPARE - sum(ONE_LINE)
    if action >= 16:
        return Widths(5, 12, action, *ONE_LINE)
    return Widths(5, 12, max(12, width - SPARE - sum(TWO_LINES)), *TWO_LINES)


def _cells(row: ReviewRow, widths: Widths) -> tuple[Text, ...]:
    """One action's cells, wrapped to their widths. Text, not str: a str cell is read as
    markup, so "[draft]" typed in an action would vanish from the table."""
    return (Text(row.ref), Text(row.outcome), _two_lines(row.text, widths.action),
            _two_lines(row.owner, widths.owner), _two_lines(row.due, widths.due))  # fmt: skip


def _two_lines(text: str, width: int) -> Text:
    """``text`` wrapped to ``width``, two lines at most (the rest cut with …)."""
    return Text("\n".join(textwrap.wrap(text, width, max_lines=2, placeholder="…")))


class ReviewTable(DataTable[Text]):
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
    _drawn: list[ReviewRow] = []
    _drawn_widths: Widths | None = None

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
        """Fit the action column to a new width (a resize to the same width changes
        nothing: redrawing 1,000 actions is not free)."""
        if fit(self.size.width) != self._drawn_widths:
            self.show(self.review_rows)

    def show(self, rows: list[ReviewRow]) -> None:
        """Redraw, keeping the cursor on the same row. Before the table has a width
        nothing is drawn: its first resize draws it, once, at the right width. At the
        same width, a few actions added, gone or changed (an outcome, an action added in
        the shell) are redrawn alone, not the whole table (1,000 actions: ~45 ms)."""
        self.review_rows = rows
        if not self.size.width:
            return
        widths = fit(self.size.width)
        if widths == self._drawn_widths and self._changed_in_place(rows, widths):
            self._drawn = rows
            return
        cursor = self.cursor_row
        self._drawn_widths, self._drawn = widths, rows
        self.clear(columns=True)
        for label, width in zip(LABELS, widths, strict=True):
            self.add_column(label, width=width, key=label)
        for row in rows:
            self._add(row, widths)
        if rows:
            self.move_cursor(row=min(cursor, len(rows) - 1))

    def _changed_in_place(self, rows: list[ReviewRow], widths: Widths) -> bool:
        """Bring the drawn table to ``rows`` by removing, adding and updating only the
        actions that differ, then putting them in order; False (nothing done) when too
        many differ for that to be cheaper than drawing them all again."""
        drawn = {row.number: row for row in self._drawn}
        wanted = {row.number for row in rows}
        gone = [number for number in drawn if number not in wanted]
        added = [row for row in rows if row.number not in drawn]
        if len(gone) + len(added) > FEW_CHANGES:
            return False
        for number in gone:
            self.remove_row(str(number))
        for row in rows:
            before = drawn.get(row.number)
            if before is None:
                self._add(row, widths)
            elif before != row:
                self._update_row(before, row, widths)
        if [row.number for row in self._drawn if row.number in wanted] + [
            row.number for row in added
        ] != [row.number for row in rows]:
            place = {row.ref: index for index, row in enumerate(rows)}
            self.sort("Id", key=lambda ref: place[ref.plain])
        return True

    def _add(self, row: ReviewRow, widths: Widths) -> None:
        """One action as a new row at the end (two lines tall, keyed by its number)."""
        self.add_row(*_cells(row, widths), key=str(row.number), height=2)

    def _update_row(self, old: ReviewRow, new: ReviewRow, widths: Widths) -> None:
        """Redraw the cells of one action that changed."""
        for label, before, after in zip(
            LABELS, _cells(old, widths), _cells(new, widths), strict=True
        ):
            if before != after:
                self.update_cell(str(new.number), label, after)

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """The table's scrollable size. Every column here has a set width and every row
        a set height, so nothing needs measuring: Textual's measures every cell of every
        new row to fit auto-width columns (5,000 cells for 1,000 actions, ~150 ms
        before the first frame). (Textual 8's private hook; pinned in pyproject.)"""
        header = self.header_height if self.show_header else 0
        width = sum(column.get_render_width(self) for column in self.columns.values())
        self.virtual_size = Size(
            width + self._row_label_column_width, self._total_row_height + header
        )

    def action_outcome(self, outcome: str) -> None:
        """Record an outcome for the action under the cursor."""
        if not self.row_count:
            self.notify("No open actions to review", severity="warning")
            return
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        if key is not None:
            send_now(self, self.Outcome(int(key), outcome))
