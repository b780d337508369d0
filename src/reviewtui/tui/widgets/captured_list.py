"""What was captured on the current agenda item: edit, change type, delete."""

from __future__ import annotations

import datetime as dt

from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reviewtui.domain.capture import CapturedItem, ItemKind, outcome_label
from reviewtui.domain.display import due_text
from reviewtui.tui.markup import safe
from reviewtui.tui.widgets.now import send_now

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
        Binding("c", "resolve", "Resolved", id="captured.resolve"),
    ]

    class Chosen(Message):
        """An item was chosen for ``edit``, ``retype``, ``delete`` or ``resolve``."""

        def __init__(self, number: int, what: str) -> None:
            super().__init__()
            self.number = number
            self.what = what

    def show(
        self,
        items: list[CapturedItem],
        today: dt.date,
        here: str | None = None,
        changed: int | None = None,
    ) -> None:
        """Redraw the list (items from another meeting than ``here`` say which). The cursor
        stays on the item ``changed`` (or on the one it was on), so the next ``e`` or ``x``
        hits the item the champion is looking at; else it goes to the newest."""
        keep = changed if changed is not None else self.highlighted_number()
        options = []
        for item in items:
            line = item_line(item, today)
            if here is not None and item.meeting_id not in (here, None):
                line += f" · [dim]from {safe(item.meeting_id)}[/dim]"
            if item.status.value != "open":
                line += f" · {outcome_label(item.status.value)}"
            options.append((f"✔ {line}", str(item.number)))
        numbers = [item.number for item in items]
        target = numbers.index(keep) if keep in numbers else len(items) - 1 if items else None
        if options == getattr(self, "_drawn", None):
            if target is not None and self.highlighted != target:
                self.highlighted = target
            return  # the same lines: redrawing them would cost a layout for nothing
        self._drawn = options
        self.clear_options()
        self.add_options([Option(prompt, id=number) for prompt, number in options])
        if target is not None:
            self.highlighted = target

    def highlighted_number(self) -> int | None:
        """The number of the item under the cursor, if any."""
        if self.highlighted is None or self.highlighted >= self.option_count:
            return None
        option = self.get_option_at_index(self.highlighted)
        return int(option.id) if option.id else None

    def _chosen(self, what: str) -> None:
        if self.highlighted is None:
            self.notify("Nothing selected", severity="warning")
            return
        option = self.get_option_at_index(self.highlighted)
        if option.id:
            send_now(self, self.Chosen(int(option.id), what))

    def action_edit(self) -> None:
        """Edit the highlighted item."""
        self._chosen("edit")

    def action_retype(self) -> None:
        """Change the highlighted item's type (note -> action...)."""
        self._chosen("retype")

    def action_delete(self) -> None:
        """Delete the highlighted item."""
        self._chosen("delete")

    def action_resolve(self) -> None:
        """Mark the highlighted issue resolved (or an action done)."""
        self._chosen("resolve")
