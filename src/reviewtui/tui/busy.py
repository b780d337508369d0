"""Saves that wait for another process's write without stopping the screen.

A write the champion asked for (a capture, a step) that finds another reviewtui process
holding the data dir's lock is not waited for on the screen's thread, which could not
redraw meanwhile: it is tried again every :data:`RETRY_SECONDS`, the screen going on, for
as long as a command would wait. Nothing is shown as done until it is on disk.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer

RETRY_SECONDS = 0.1
WAIT_SECONDS = 15.0
"""How long a save keeps trying while another process writes: a command's wait."""


class WhileBusy:
    """One save at a time, tried again while the lock is held by another process."""

    def __init__(self, owner: MessagePump) -> None:
        self.owner = owner
        self.since: float | None = None
        """When the save first found the lock held (None: not waiting)."""
        self._timer: Timer | None = None

    @property
    def waiting(self) -> bool:
        """Whether a save is waiting to be tried again."""
        return self.since is not None

    def again(self, retry: Callable[[], None]) -> bool:
        """The save found the lock held: try ``retry`` in a moment (only the latest,
        once); False once the wait has run out (the caller says it was not saved)."""
        now = time.monotonic()
        if self.since is None:
            self.since = now
        if now - self.since >= WAIT_SECONDS:
            self.done()
            return False
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.owner.set_timer(RETRY_SECONDS, retry)
        return True

    def done(self) -> None:
        """Saved, given up or called off: nothing waits any more."""
        self.since = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
