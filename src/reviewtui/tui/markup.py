"""Small helpers that turn domain values into Textual content markup, escaped."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.markup import escape
from textual.widgets import Static

if TYPE_CHECKING:  # the first frame draws agenda rows before pydantic is imported
    from reviewtui.domain.status import StatusLevel
    from reviewtui.services.agenda_view import Mark

TOKENS = {"success", "warning", "error", "accent", "primary", "secondary"}


def colour_of(level: Mark) -> str:
    """The theme variable (or hex) a status level is drawn in."""
    if level.color in TOKENS:
        return f"${level.color}"
    if level.color.startswith("#"):
        return level.color
    return "$text-muted"


def status_badge(level: StatusLevel) -> str:
    """``✖ Off track`` in the level's colour: symbol and word, never colour alone."""
    return f"[bold {colour_of(level)}]{escape(level.symbol)} {escape(level.name)}[/]"


def safe(text: object) -> str:
    """User text, escaped so ``[brackets]`` typed in a meeting are shown, not parsed."""
    return escape(str(text))


def answer_preview(typed: str, read: Callable[[str], Any], describe: Callable[[Any], str]) -> str:
    """What a typed answer means (``→ Fri 27 Nov``), or why it cannot be read; empty while
    nothing is typed."""
    if not typed.strip():
        return ""
    try:
        return f"→ [b]{safe(describe(read(typed)))}[/b]"
    except ValueError as error:
        return f"[bold $error]✖ {safe(error)}[/]"


def set_text(widget: Static, markup: str, layout: bool = True) -> None:
    """Show ``markup`` in ``widget`` unless it already shows exactly that: an update costs a
    layout of the screen, and most of a step's texts (the header, titles) are unchanged.
    ``layout=False`` for a widget whose size its text never changes (a one-line bar): it
    is only repainted."""
    if getattr(widget, "_reviewtui_markup", None) != markup:
        widget._reviewtui_markup = markup  # type: ignore[attr-defined]
        widget.update(markup, layout=layout)
