"""The footer of keys: one line of text, drawn again only when the keys change.

Textual's Footer is a widget per key, rebuilt (removed and mounted again) whenever the
bindings may have changed: 5-6 ms a focus change and most of a 60 ms agenda step that
changes the kind of item, and its keys' watchers leaked (0.6 MB a capture). It also cut
``^p palette`` into ``^p palet te`` when the keys did not fit. This footer is one line of
text: the keys that fit, in the screen's order, and the palette key always at the right.
A click on a key runs it, as with Textual's.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

from reviewtui.tui.markup import safe

GAP = "  "
PIN_FROM = 100
"""From this width the screen's priority keys are shown first."""


@dataclass(frozen=True)
class Key:
    """One key as shown, and what pressing (or clicking) it does."""

    shown: str
    description: str
    action: str
    node: DOMNode
    enabled: bool

    @property
    def width(self) -> int:
        """Cells it takes: ``key description``."""
        return cell_len(self.shown) + 1 + cell_len(self.description)

    def markup(self) -> str:
        """``[b]key[/b] description``, dimmed when the key does nothing here."""
        text = f"[bold $footer-key-foreground]{safe(self.shown)}[/] {safe(self.description)}"
        return text if self.enabled else f"[dim]{text}[/dim]"


class KeyFooter(Static):
    """The keys of the focused widget and its screen, then the app's; ``^p palette``."""

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        padding: 0 1;
        color: $footer-description-foreground;
        background: $footer-background;
    }
    """

    def __init__(self, compact: bool = True) -> None:
        super().__init__()
        self.compact = compact
        self._keys: list[Key] = []
        self._spans: list[tuple[int, int, Key]] = []
        self._drawn = ""

    def on_mount(self) -> None:
        """Follow the screen's bindings."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self._draw)

    def on_unmount(self) -> None:
        """Stop following them."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self, _: events.Resize) -> None:
        """What fits depends on the width."""
        self._draw()

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self._draw()

    def keys(self) -> list[Key]:
        """The keys to show, one per action, in binding order; from ``PIN_FROM`` columns
        the screen's priority keys come first (they work whatever has the focus: next,
        back, overview, wrap-up), so a focused list's own keys never push them off. On
        a narrow screen the binding order stands: moving, capturing and undo first."""
        found: dict[str, Key] = {}
        pinned: list[str] = []
        for active in self.screen.active_bindings.values():
            binding = active.binding
            palette = binding.action == "command_palette"  # hidden, but always shown here
            if not (binding.show or palette) or not binding.description:
                continue
            if binding.action in found:
                continue
            shown = binding.key_display or self.app.get_key_display(binding)
            found[binding.action] = Key(
                shown, binding.description, binding.action, active.node, active.enabled
            )
            if binding.priority and active.node is self.screen and self.size.width >= PIN_FROM:
                pinned.append(binding.action)
        first = [found[action] for action in pinned]
        return first + [key for key in found.values() if key.action not in pinned]

    def _draw(self) -> None:
        keys = self.keys()
        palette = next((k for k in keys if k.action == "command_palette"), None)
        others = [k for k in keys if k is not palette]
        room = self.size.width - 2 - (palette.width + len(GAP) if palette else 0)
        shown: list[Key] = []
        used = 0
        for key in others:
            need = key.width + (len(GAP) if shown else 0)
            if used + need > room:
                break  # the rest are in ? and the palette; never a key cut in half
            shown.append(key)
            used += need
        self._spans = []
        position = 1
        for key in shown:
            self._spans.append((position, position + key.width, key))
            position += key.width + len(GAP)
        line = GAP.join(key.markup() for key in shown)
        if palette is not None:
            pad = max(len(GAP), self.size.width - 2 - used - palette.width)
            start = 1 + used + pad
            self._spans.append((start, start + palette.width, palette))
            line += " " * pad + palette.markup()
        if line != self._drawn:
            self._drawn = line
            self.update(line)

    async def on_click(self, event: events.Click) -> None:
        """Run the key clicked."""
        for start, end, key in self._spans:
            if start <= event.x < end and key.enabled:
                await self.app.run_action(key.action, key.node)
                return
