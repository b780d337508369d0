"""Handing a widget's message to its screen at once, so keys typed right after stay in order.

A posted message is handled later, after keys already on their way have gone to the
widget that sent it: ``r`` (slipped) followed at typing speed by ``fri`` would give the
table ``f``, ``r``, ``i`` and open the date question twice. A screen that can take a
message now says so by implementing :class:`TakesMessagesNow`.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.message import Message
from textual.widget import Widget


@runtime_checkable
class TakesMessagesNow(Protocol):
    """A screen that handles some messages synchronously."""

    def take_now(self, message: Message) -> bool:
        """Handle ``message`` now; False if it is not one this screen takes."""


def send_now(widget: Widget, message: Message) -> None:
    """Give ``message`` to the widget's screen now if it takes it, else post it."""
    screen = widget.screen
    if isinstance(screen, TakesMessagesNow) and screen.take_now(message):
        return
    widget.post_message(message)
