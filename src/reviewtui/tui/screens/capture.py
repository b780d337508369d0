"""The capture dialog: one line (``Fix churn report @maria fri``) or the form's fields.

The dialog stays open until the store has the item on disk: if saving fails (a full disk,
a locked data dir) the error is shown here and nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from reviewtui.domain.capture import CapturedItem, ItemKind
from reviewtui.domain.dates import DateFormatError, parse_due
from reviewtui.domain.display import due_text
from reviewtui.domain.people import KnownPerson, match_person
from reviewtui.domain.quick_entry import parse_quick_entry
from reviewtui.errors import ReviewError
from reviewtui.services.session import Capture, Saved
from reviewtui.tui.markup import safe
from reviewtui.tui.widgets.captured_list import KIND_LABEL

PLACEHOLDER = {
    ItemKind.ACTION: "What will be done?  e.g. Fix churn report @maria fri",
    ItemKind.DECISION: "What was decided?",
    ItemKind.ISSUE: "What should the parking lot hold?",
    ItemKind.NOTE: "What should the minutes say?",
}


class CaptureScreen(ModalScreen[Saved | None]):
    """Capture (or edit) an action, decision, issue or note."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="capture.cancel"),
        Binding("ctrl+s", "submit", "Save", id="capture.save"),
    ]

    def __init__(
        self,
        kind: ItemKind,
        context: str,
        people: list[KnownPerson],
        today: dt.date,
        save: Callable[[Capture], Saved],
        editing: CapturedItem | None = None,
    ) -> None:
        super().__init__()
        self.kind = kind
        self.context = context
        self.people = people
        self.today = today
        self.save = save
        self.editing = editing

    def compose(self) -> ComposeResult:
        """Title, the quick-entry line, owner and due fields, the live preview."""
        verb = f"Edit {self.editing.ref}" if self.editing else "New"
        names = sorted({n for p in self.people for n in (p.name, *p.aliases)})
        with Vertical(id="capture-box"):
            yield Label(f"{verb} {KIND_LABEL[self.kind]} · on {self.context}", id="capture-title")
            yield Input(
                self.editing.text if self.editing else "",
                placeholder=PLACEHOLDER[self.kind],
                id="entry",
            )
            if self.kind in (ItemKind.ACTION, ItemKind.ISSUE):
                yield Input(
                    (self.editing.owner or "") if self.editing else "",
                    placeholder="Owner (Tab completes a known name)"
                    + ("" if self.kind is ItemKind.ACTION else ", optional"),
                    suggester=SuggestFromList(names, case_sensitive=False),
                    id="owner",
                )
            if self.kind is ItemKind.ACTION:
                due = self.editing.due.isoformat() if self.editing and self.editing.due else ""
                yield Input(due, placeholder="Due: fri, +2w, end of month, 2026-12-01", id="due")
            yield Static(id="preview")
            yield Static("Enter saves · Tab next field · Esc cancels", id="capture-hint")

    def on_mount(self) -> None:
        """Start typing at once."""
        titles = {"entry": "What", "owner": "Owner", "due": "Due"}
        for field in self.query(Input):
            field.cursor_blink = getattr(self.app, "cursor_blink", True)
            field.border_title = titles.get(field.id or "", "")
        self.query_one("#entry", Input).focus()
        self._preview()

    def on_input_changed(self, _: Input.Changed) -> None:
        """Show what will be saved as the champion types."""
        self._preview()

    def on_input_submitted(self, _: Input.Submitted) -> None:
        """Enter in any field saves."""
        self.action_submit()

    def _value(self, selector: str) -> str:
        found = self.query(selector)
        return found.first(Input).value if found else ""

    def _entry(self) -> tuple[Capture, list[str]]:
        """What the fields say, and what is missing or unreadable."""
        line = self._value("#entry")
        problems: list[str] = []
        if self.kind is not ItemKind.ACTION:
            owner_typed = self._value("#owner").strip() or None
            return Capture(self.kind, line, owner_typed), problems
        quick = parse_quick_entry(line, self.today, self.people)
        problems += quick.problems
        owner = self._value("#owner").strip() or quick.owner
        due = quick.due
        due_typed = self._value("#due").strip()
        if due_typed:
            try:
                due = parse_due(due_typed, self.today)
            except DateFormatError as error:
                problems.append(str(error))
        if not quick.text:
            problems.append("type what will be done")
        if not owner:
            problems.append("needs an owner: @name in the line or the Owner field")
        if due is None and not due_typed:
            problems.append("needs a due date: 'fri', '+2w'... at the end of the line or in Due")
        return Capture(self.kind, quick.text, owner, due), problems

    def _preview(self) -> None:
        entry, problems = self._entry()
        lines = []
        if entry.text.strip():
            lines.append(f"→ {KIND_LABEL[self.kind]}: [b]{safe(entry.text)}[/b]")
        if entry.owner:
            person = match_person(entry.owner, self.people)
            who = (
                safe(person.name) if person else f"{safe(entry.owner)} [bold $warning]▲ new name[/]"
            )
            lines.append(f"  Owner: {who}")
        if self.kind is ItemKind.ACTION and entry.due:
            lines.append(f"  Due: [b]{safe(due_text(entry.due, self.today))}[/b]")
        lines += [f"[bold $error]✖ {safe(p)}[/]" for p in problems]
        self.query_one("#preview", Static).update("\n".join(lines))

    def action_submit(self) -> None:
        """Save to disk, then close; on any problem stay open and say why."""
        entry, problems = self._entry()
        if not entry.text.strip():
            problems = ["type something to save", *problems]
        if problems:
            self.query_one("#preview", Static).update(
                "\n".join(f"[bold $error]✖ {safe(p)}[/]" for p in problems)
            )
            self.app.bell()
            return
        try:
            saved = self.save(entry)
        except ReviewError as error:
            self.query_one("#preview", Static).update(f"[bold $error]✖ Not saved: {safe(error)}[/]")
            return
        self.dismiss(saved)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
