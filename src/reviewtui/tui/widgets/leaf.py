"""A block of text whose new size, given by a layout, does not ask for another layout.

Textual lays the screen out again whenever a widget's virtual size changes, even for a
widget that cannot scroll and got that size from the layout that just ran. On an agenda
step the measure's text, numbers and big figure change size every time: that second
pass was a sixth of a step's CPU (~2.5 ms of ~16). A :class:`Leaf` takes its new size
without it; it is repainted by the first pass, as every widget that moved or resized is.
Screens drawn with and without this were compared at every step of the Northwind agenda
(forward and back, at 80x24, 120x36 and 160x45): identical. Not done for the trend line
(a Sparkline: the screens differed) nor for the measure view itself (it scrolls: a step
from the last measure to the parking lot took 31 ms instead of 22).
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Static


class Leaf(Static):
    """A Static that holds no widgets and does not scroll (see the module's docstring)."""

    auto_links = Reactive(False)
    """Our text holds no links (user text is escaped), so Textual need not look for them:
    it copies every line drawn to style its links, ~5% of drawing a step."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # Private in Textual (pinned in pyproject): the size is the layout's own result.
        return super()._size_updated(size, virtual_size, container_size, layout=False)
