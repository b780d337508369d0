"""A line of fields docked under the item on screen, mounted from the start.

Opening it is synchronous (shown and focused inside the key's own handler), so the first
key typed after ``a`` already lands in it, and the measure, its status and its numbers
stay in view while the champion types: the room sees what the action is about.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.containers import Vertical

from reviewtui.tui.widgets.dock_input import DockInput


class DockedLine(Vertical):
    """Base of the capture line and the question line: open, close, move between fields."""

    can_focus = False

    def __init__(self, id: str | None = None) -> None:  # noqa: A002 - Textual's name for it
        super().__init__(id=id)
        self.display = False
        self.after_close: Callable[[], None] | None = None
        """Puts the focus back where it belongs (set by the screen), run as the line hides."""

    @property
    def is_open(self) -> bool:
        """Whether the line is shown and takes the keys."""
        return bool(self.display)

    def fields(self) -> list[DockInput]:
        """The fields shown, in Tab order."""
        return [field for field in self.query(DockInput) if field.display]

    def show_line(self, first: DockInput) -> None:
        """Show the line and put the cursor at the end of ``first``, now."""
        self.display = True
        blink = getattr(self.app, "cursor_blink", True)
        for field in self.query(DockInput):
            field.cursor_blink = blink
        self.screen.set_focus(first, scroll_visible=False)
        first.cursor_position = len(first.value)
        self.screen.refresh_bindings()

    def hide_line(self) -> None:
        """Hide the line and give the focus back, now: the next key goes where it should."""
        self.display = False
        if self.after_close is not None:
            self.after_close()
        self.screen.refresh_bindings()

    def on_line_key(self, field: DockInput, key: str) -> None:
        """Enter, Esc, Tab and Shift+Tab, from whichever field has them."""
        if key == "enter":
            self.submit()
        elif key == "escape":
            self.cancel()
        elif key == "tab" and field.names is not None and field.accept():
            return
        else:
            self.move_focus(field, -1 if key == "shift+tab" else 1)

    def move_focus(self, field: DockInput, step: int) -> None:
        """Go to the next (or previous) field, round the line."""
        fields = self.fields()
        if field not in fields:
            return
        target = fields[(fields.index(field) + step) % len(fields)]
        self.screen.set_focus(target, scroll_visible=False)
        target.cursor_position = len(target.value)

    def submit(self) -> None:
        """Enter: save or answer (the subclass says how)."""
        raise NotImplementedError

    def cancel(self) -> None:
        """Esc: close without saving (the subclass says what is kept)."""
        raise NotImplementedError

    def action_submit(self) -> None:
        """Save (from the command palette)."""
        self.submit()

    def action_cancel(self) -> None:
        """Close (from the command palette)."""
        self.cancel()
