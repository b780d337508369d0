"""Small dialogs: a question with a typed answer, a yes/no, and a type chooser."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from reviewtui.domain.capture import ItemKind
from reviewtui.tui.markup import answer_preview, safe
from reviewtui.tui.widgets.captured_list import KIND_LABEL
from reviewtui.tui.widgets.key_footer import KeyFooter

T = TypeVar("T")


class PromptScreen(ModalScreen[T | None], Generic[T]):
    """Ask for one value; ``read`` turns the text into a value or raises ValueError."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(
        self,
        question: str,
        read: Callable[[str], T],
        describe: Callable[[T], str] = str,
        placeholder: str = "",
        value: str = "",
        suggestions: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.question = question
        self.read = read
        self.describe = describe
        self.placeholder = placeholder
        self.value = value
        self.suggestions = suggestions

    def compose(self) -> ComposeResult:
        """The question, the field and a preview of what was understood."""
        suggester = (
            SuggestFromList(self.suggestions, case_sensitive=False) if self.suggestions else None
        )
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title")
            # Not selected on focus: the first key typed must not replace the text shown.
            yield Input(
                self.value,
                placeholder=self.placeholder,
                id="prompt-input",
                suggester=suggester,
                select_on_focus=False,
            )
            yield Static(id="prompt-preview")
            yield Static("Enter confirms · Esc cancels", classes="dialog-hint")
        yield KeyFooter()  # the dialog's keys, not those of the screen beneath

    def on_mount(self) -> None:
        """Focus the field."""
        field = self.query_one(Input)
        field.cursor_blink = getattr(self.app, "cursor_blink", True)
        field.focus()
        field.cursor_position = len(field.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Show what the typed text means."""
        preview = answer_preview(event.value, self.read, self.describe)
        self.query_one("#prompt-preview", Static).update(preview)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Accept a readable value; otherwise stay and say why."""
        try:
            value = self.read(event.value)
        except ValueError as error:
            self.query_one("#prompt-preview", Static).update(f"[bold $error]✖ {safe(error)}[/]")
            self.app.bell()
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question answered with ``y`` or ``n``."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        """The question and the keys."""
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-title")
            yield Static("[b]y[/b] yes · [b]n[/b] no", classes="dialog-hint")
        yield KeyFooter()

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)


class KindScreen(ModalScreen[ItemKind | None]):
    """Choose a captured item's new type with one key."""

    BINDINGS = [
        Binding("a", "choose('action')", "Action", id="kind.action"),
        Binding("d", "choose('decision')", "Decision", id="kind.decision"),
        Binding("i", "choose('issue')", "Issue", id="kind.issue"),
        Binding("n", "choose('note')", "Note", id="kind.note"),
        Binding("escape", "choose('')", "Cancel", id="kind.cancel"),
    ]

    def __init__(self, ref: str) -> None:
        super().__init__()
        self.ref = ref

    def compose(self) -> ComposeResult:
        """The choices."""
        choices = " · ".join(f"[b]{k.value[0]}[/b] {KIND_LABEL[k]}" for k in ItemKind)
        with Vertical(classes="dialog"):
            yield Static(f"Change {safe(self.ref)} into:", classes="dialog-title")
            yield Static(choices)
            yield Static("Esc cancels", classes="dialog-hint")
        yield KeyFooter()

    def action_choose(self, kind: str) -> None:
        """Close with the chosen type."""
        self.dismiss(ItemKind(kind) if kind else None)


class StoryScreen(ModalScreen[None]):
    """An action's story, one line per event; any of Esc, Enter or q closes it."""

    BINDINGS = [Binding("escape,enter,q", "close", "Close", id="story.close")]

    def __init__(self, title: str, lines: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.lines = lines

    def compose(self) -> ComposeResult:
        """The title and the story."""
        with VerticalScroll(classes="dialog", id="story-box"):
            yield Static(self.title_text, classes="dialog-title")
            yield Static("\n".join(f"• {safe(line)}" for line in self.lines) or "No history.")
            yield Static("Esc closes", classes="dialog-hint")
        yield KeyFooter()

    def action_close(self) -> None:
        """Close the story."""
        self.dismiss(None)
