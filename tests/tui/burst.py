"""Keys sent the way a fast typist or a paste sends them: all at once, no pause between.

``pilot.press`` waits for the app to go idle after every key, which hides exactly the
races a real terminal shows (a key handled before the one typed ahead of it).
"""

from __future__ import annotations

import re
from typing import Any

from textual import events
from textual.app import App
from textual.keys import _character_to_key

CHARACTERS = {"enter": "\r", "tab": "\t", "backspace": "\x7f", "escape": "\x1b"}
NAMED = {"enter", "escape", "tab", "backspace", "left", "right", "up", "down"}
MODIFIED = re.compile(r"(?:(?:ctrl|alt|shift|meta)\+)+\S+")
"""A key with modifiers (``ctrl+u``); other text with a ``+`` in it (``+1w``) is typed."""


def key_event(key: str) -> events.Key:
    """The event the terminal driver makes for one key (a character or a key name)."""
    if len(key) == 1:
        return events.Key(key if key.isalnum() else _character_to_key(key), key)
    return events.Key(key, CHARACTERS.get(key))


def burst(app: App[Any], *parts: str) -> None:
    """Send every key of ``parts`` now: a part is a key name (``enter``) or typed text."""
    driver = app._driver
    assert driver is not None
    for part in parts:
        for key in [part] if part in NAMED or MODIFIED.fullmatch(part) else list(part):
            event = key_event(key)
            event.set_sender(app)
            driver.send_message(event)
