"""A text field whose keys land in the order they were typed, however fast.

Textual hands a key to the focused field through the field's own queue, but runs key
*bindings* (Backspace, Enter, ←) only when the key has bubbled back up to the app; in a
burst, "1 0 BSpace BSpace 8" can therefore arrive as "108" and then lose two characters,
and keys typed after Enter reach a line that is closing. So the app gives every key meant
for a :class:`DockInput` to :meth:`DockInput.take` itself, one at a time, as it reads
them (see :meth:`reviewtui.tui.app.ReviewApp.on_event`): text, editing keys, Enter, Esc
and Tab are applied in the order typed, and the key after Enter already goes wherever
the closed line put the focus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from textual import events
from textual.binding import Binding
from textual.suggester import SuggestFromList
from textual.widgets import Input


@runtime_checkable
class Line(Protocol):
    """What holds the fields (a docked line): it takes Enter, Esc and Tab."""

    def on_line_key(self, field: DockInput, key: str) -> None:
        """Enter, Esc, Tab or Shift+Tab was pressed in ``field``."""


EDITING: dict[str, Callable[[Input], None]] = {
    "backspace": Input.action_delete_left,
    "ctrl+h": Input.action_delete_left,
    "delete": Input.action_delete_right,
    "left": Input.action_cursor_left,
    "home": Input.action_home,
    "end": Input.action_end,
    "ctrl+a": Input.action_home,
    "ctrl+e": Input.action_end,
    "ctrl+w": Input.action_delete_left_word,
    "ctrl+u": Input.action_delete_left_all,
    "ctrl+k": Input.action_delete_right_all,
    "ctrl+left": Input.action_cursor_left_word,
    "ctrl+right": Input.action_cursor_right_word,
}


class DockInput(Input, inherit_bindings=False):
    """One field of a :class:`~reviewtui.tui.widgets.docked_line.DockedLine`."""

    # Enter is the line's (Save / Confirm, shown in the footer), not the field's.
    BINDINGS = [
        binding
        for binding in Input.BINDINGS
        if isinstance(binding, Binding) and "enter" not in binding.key.split(",")
    ]

    def __init__(
        self,
        *,
        names: list[str] | None = None,
        placeholder: str = "",
        id: str | None = None,  # noqa: A002 - Textual's name for it
    ) -> None:
        super().__init__(placeholder=placeholder, id=id, select_on_focus=False)
        self._names: list[str] | None = None
        self.names = names

    @property
    def names(self) -> list[str] | None:
        """Names that Tab and → complete (an owner field); None for plain text."""
        return self._names

    @names.setter
    def names(self, names: list[str] | None) -> None:
        """Set the names to complete (None: none)."""
        self._names = names
        # The suggester draws the rest of the name, dimmed, as the champion types.
        self.suggester = SuggestFromList(names, case_sensitive=False) if names else None

    @property
    def line(self) -> Line:
        """The docked line this field belongs to."""
        for node in self.ancestors:
            if isinstance(node, Line):
                return node
        raise LookupError("a DockInput lives in a docked line")

    def completion(self) -> str | None:
        """The known name the typed start completes to, if any (what Tab would take)."""
        typed = self.value.casefold()
        if not self.names or not typed:
            return None
        return next(
            (n for n in self.names if n.casefold().startswith(typed) and len(n) > len(typed)),
            None,
        )

    async def _on_key(self, event: events.Key) -> None:
        # Keys normally come through take(), from the app; this is for any sent here.
        if self.take(event):
            event.prevent_default()
            event.stop()

    def take(self, event: events.Key) -> bool:
        """Apply one key now; False when it is not the field's (ctrl+q, ctrl+p...)."""
        key = event.key
        if key in ("enter", "escape", "tab", "shift+tab"):
            self.line.on_line_key(self, key)
            return True
        if key == "right":
            self.accept_or_right()
            return True
        if key in EDITING:
            EDITING[key](self)
            return True
        if event.is_printable and event.character:
            if self.selection.is_empty:
                self.insert_text_at_cursor(event.character)
            else:
                self.replace(event.character, *self.selection)
            return True
        return False

    def accept_or_right(self) -> None:
        """→ at the end takes the suggested name; elsewhere it moves the cursor."""
        name = self.completion() if self.cursor_at_end else None
        if name:
            self.value = name
            self.cursor_position = len(name)
        else:
            self.action_cursor_right()

    def accept(self) -> bool:
        """Tab on a name: take the suggested name (True), or say there is none (False)."""
        name = self.completion()
        if not name:
            return False
        self.value = name
        self.cursor_position = len(name)
        return True
