"""A question answered in a line under the item: a new due date, a reason, a name, a rating.

Like the capture line it is mounted from the start and opened inside the key's handler,
so an answer typed in one burst (``R 8 Enter``) lands whole, and the meeting stays in
view behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, Static

from reviewtui.tui.markup import answer_preview, safe
from reviewtui.tui.widgets.dock_input import DockInput
from reviewtui.tui.widgets.docked_line import DockedLine


@dataclass
class Question:
    """What to ask, how to read the answer, and what to do with it.

    ``read`` turns the typed text into a value or raises ValueError (shown, and the line
    stays open); ``answered`` gets the value.
    """

    text: str
    read: Callable[[str], Any]
    answered: Callable[[Any], None]
    describe: Callable[[Any], str] = str
    placeholder: str = ""
    value: str = ""
    names: list[str] | None = None
    """Names that Tab and → complete."""


class AskDock(DockedLine):
    """One question, one field, a preview of what the answer means."""

    BINDINGS = [
        Binding("enter", "submit", "Confirm", key_display="⏎", id="ask.confirm"),
        Binding("escape", "cancel", "Cancel", key_display="esc", id="ask.cancel"),
    ]

    def __init__(self, id: str | None = None) -> None:  # noqa: A002 - Textual's name for it
        super().__init__(id=id)
        self.question: Question | None = None

    def compose(self) -> ComposeResult:
        """The question, the field, the preview."""
        yield Label(id="ask-title")
        yield DockInput(id="ask-input")
        yield Static(id="ask-preview")

    def ask(self, question: Question) -> None:
        """Show the question, its field holding ``question.value`` with the cursor at the end."""
        self.question = question
        self.query_one("#ask-title", Label).update(f"[b]{safe(question.text)}[/b]")
        field = self.query_one(DockInput)
        field.value = question.value
        field.placeholder = question.placeholder
        field.names = question.names
        self.query_one("#ask-preview", Static).update("")
        self.show_line(field)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Show what the typed text means."""
        event.stop()
        question = self.question
        if question is not None:
            preview = answer_preview(event.value, question.read, question.describe)
            self.query_one("#ask-preview", Static).update(preview)

    def submit(self) -> None:
        """Accept a readable answer; otherwise stay and say why."""
        question = self.question
        if question is None:
            return
        try:
            value = question.read(self.query_one(DockInput).value)
        except ValueError as error:
            self.query_one("#ask-preview", Static).update(f"[bold $error]✖ {safe(error)}[/]")
            self.app.bell()
            return
        self.question = None
        self.hide_line()
        question.answered(value)

    def cancel(self) -> None:
        """Close without an answer."""
        self.question = None
        self.hide_line()
