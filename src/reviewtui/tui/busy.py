"""Saves that wait for another process's write without stopping the screen.

A write the champion asked for (a capture, a step, a review outcome, an undo...) that
finds another reviewtui process holding the data dir's lock is not waited for on the
screen's thread, which could not redraw meanwhile: it is tried again every
:data:`RETRY_SECONDS`, the screen going on, for as long as a command would wait. Nothing
is shown as done until it is on disk. The capture line waits with its own text
(:class:`WhileBusy`); every other write waits in :class:`PendingWrites`, in order.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

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


@dataclass
class Pending:
    """A write the champion asked for, not on disk yet."""

    work: Callable[[], object]
    """The write (a session call); run again until the lock is free."""
    saved: Callable[[], None]
    """What the screen does once it is on disk (say so, redraw)."""
    what: str
    """What it is, in words ("C-3 done"), for when it is given up."""
    replaces: str | None = None
    """A later write with the same name takes this one's place (a step: only the last)."""


class Attempt(Enum):
    """How one try of a pending write went."""

    SAVED = "saved"
    REFUSED = "refused"
    """It could not be made (said by whoever tried it): dropped, the rest go on."""
    LOCKED = "locked"


class PendingWrites:
    """Writes that found another process holding the lock, kept in the order they were
    asked for and tried again every :data:`RETRY_SECONDS`, the screen going on.

    A write asked for while others wait goes behind them, so that the disk sees every
    change in the order the champion made them (an undo after a "done" undoes it). The
    queue gives up, saying what was not saved, after :data:`WAIT_SECONDS` without one
    of them getting through."""

    def __init__(
        self,
        owner: MessagePump,
        attempt: Callable[[Pending], Attempt],
        changed: Callable[[list[Pending]], None],
        gave_up: Callable[[list[Pending]], None],
    ) -> None:
        self.queue: list[Pending] = []
        self._attempt = attempt
        self._changed = changed
        self._gave_up = gave_up
        self._busy = WhileBusy(owner)

    def add(self, pending: Pending) -> Attempt:
        """Try ``pending`` now, unless others wait (then it waits behind them); LOCKED
        when it waits."""
        if not self.queue:
            tried = self._attempt(pending)
            if tried is not Attempt.LOCKED:
                return tried
        elif pending.replaces is not None:
            self.queue = [p for p in self.queue if p.replaces != pending.replaces]
        self.queue.append(pending)
        self._busy.again(self.drain)  # an empty queue has no wait running: one starts
        self._changed(self.queue)
        return Attempt.LOCKED

    def drain(self) -> None:
        """Try the waiting writes in order; stop at the first that still finds the lock
        held (tried again in a moment, or given up once the wait has run out)."""
        while self.queue:
            if self._attempt(self.queue[0]) is Attempt.LOCKED:
                if not self._busy.again(self.drain):
                    given_up, self.queue = self.queue, []
                    self._changed(self.queue)
                    self._gave_up(given_up)
                return
            self.queue.pop(0)
            self._busy.done()  # one got through: a wait for the next starts afresh
            self._changed(self.queue)
        self._busy.done()

    def take_all(self) -> list[Pending]:
        """Every waiting write, in order, no longer tried here (quitting makes them)."""
        self._busy.done()
        waiting, self.queue = self.queue, []
        return waiting
