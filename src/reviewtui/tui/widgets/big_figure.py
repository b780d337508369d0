"""The headline number in a block font that grows with the screen, for the back of the room.

Textual's ``Digits`` is three rows tall at any size; on a projected 160x45 terminal that is
a small number in a big empty space. This draws the figure from a 3x5 pixel font (a
full stop one pixel wide), each pixel ``2 x scale`` cells wide and ``scale`` rows tall:
five rows at 120x36, ten at 160x45.
A unit written after the number (``46 points``) stays plain text on the last row.
"""

from __future__ import annotations

import re

from rich.text import Text

from reviewtui.tui.widgets.leaf import Leaf

FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", ".#.", ".#.", ".#."),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ".": (".", ".", ".", ".", "#"),
    ",": (".", ".", ".", "#", "#"),
    "-": ("...", "...", "###", "...", "..."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "%": ("#.#", "..#", ".#.", "#..", "#.#"),
    "$": (".##", "##.", ".#.", ".##", "##."),
    "€": (".##", "#..", "##.", "#..", ".##"),
    "£": (".##", ".#.", "###", ".#.", "###"),
    "¥": ("#.#", "#.#", "###", ".#.", "###"),
    "₹": ("###", ".##", "###", ".#.", "..#"),
    "k": ("#..", "#.#", "##.", "#.#", "#.#"),
    "M": ("#.#", "###", "###", "#.#", "#.#"),
    "B": ("##.", "#.#", "##.", "#.#", "##."),
    "–": ("...", "...", "###", "...", "..."),
    " ": ("...", "...", "...", "...", "..."),
}
"""Every character :func:`reviewtui.domain.display.format_value` puts in a figure."""
ROWS = 5
_FIGURE = re.compile(r"^([-+–]?[$€£¥₹]?[\d.,]*\d[kMB%]?|–)(.*)$")


def split_figure(text: str) -> tuple[str, str]:
    """``46 points`` -> (``46``, ``points``); ``$4.12M`` -> (``$4.12M``, ``""``)."""
    match = _FIGURE.match(text.strip())
    if match is None:
        return "", text
    return match.group(1), match.group(2).strip()


def render_figure(text: str, scale: int) -> list[str]:
    """The rows of ``text`` drawn in the block font at ``scale`` (1: five rows tall)."""
    rows = []
    for pixel_row in range(ROWS):
        line = ("  " * scale).join(
            "".join(("█" if px == "#" else " ") * 2 * scale for px in FONT[ch][pixel_row])
            for ch in text
            if ch in FONT
        )
        rows += [line] * scale
    return rows


class BigFigure(Leaf):
    """A figure in the block font; ``scale`` 0 hides it (the caller shows ``Digits``)."""

    DEFAULT_CSS = """
    BigFigure { width: auto; height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.figure = ""
        self.scale = 1

    def show(self, text: str, scale: int) -> None:
        """Draw ``text`` (a formatted value, maybe with a unit) at ``scale``."""
        self.figure, self.scale = text, scale
        number, unit = split_figure(text)
        lines = render_figure(number, scale) if number else [text]
        drawn = Text("\n".join(lines), style="bold")
        if unit:
            drawn.append(f"  {unit}", style="not bold")
        self.update(drawn)
