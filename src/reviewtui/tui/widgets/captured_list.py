"""What was captured on the current agenda item: edit, change type, delete."""

from __future__ import annotations

import datetime as dt

from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reviewtui.domain.capture import CapturedItem, ItemKind
from reviewtui.domain.display import due_text
from reviewtui.tui.markup import safe

KIND_LABEL = {
    ItemKind.ACTION: "☐ Action",
    ItemKind.DECISION: "◆ Decision",
    ItemKind.ISSUE: "? Issue",
    ItemKind.NOTE: "✎ Note",
}


def item_line(item: CapturedItem, today: dt.date) -> str:
    """``A-143 ☐ Action  Fix churn report · Maria Gonzalez · due Fri 27 Nov (in 4 days)``."""
    parts = [f"[b]{safe(item.ref)}[/b] {KIND_LABEL[item.kind]}  {safe(item.text)}"]
    if item.owner:
        parts.append(safe(item.owner))
    if item.kind is ItemKind.ACTION:
        parts.append(f"due {safe(due_text(item.due, today))}")
    return " · ".join(parts)


class CapturedList(OptionList):
    """Items captured here, newest last; each is already saved to disk."""

    BINDINGS = [
        Binding("e", "edit", "Edit", id="captured.edit"),
        Binding("t", "retype", "Change type", id="captured.retype"),
        Binding("x", "delete", "Delete", id="captured.delete"),
    ]

    class Chosen(Message):
        """An item was chosen for ``edit``, ``retype`` or ``delete``."""

        def __init__(self, number: int, what: str) -> None:
            super().__init__()
            self.number = number
            self.what = what

    def show(self, items: list[CapturedItem], today: dt.date) -> None:
        """Redraw the list."""
        self.clear_options()
        self.add_options(
            [Option(f"✔ {item_line(item, today)}", id=str(item.number)) for item in items]
        )
        if items:
            self.highlighted = len(items) - 1

    def _chosen(self, what: str) -> None:
        if self.highlighted is None:
            self.notify("Nothing selected", severity="warning")
            return
        option = self.get_option_at_index(self.highlighted)
        if option.id:
            self.post_message(self.Chosen(int(option.id), what))

    def action_edit(self) -> None:
        """Edit the highlighted item."""
        self._chosen("edit")

    def action_retype(self) -> None:
        """Change the highlighted item's type (note -> action...)."""
        self._chosen("retype")

    def action_delete(self) -> None:
        """Delete the highlighted item."""
        self._chosen("delete")
