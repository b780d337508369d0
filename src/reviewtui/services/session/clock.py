"""The meeting clock: time used on each agenda item, running or paused.

The running stretch lives in memory and is folded into the current item's saved time at
each step, on pause, and at a checkpoint every :data:`CHECKPOINT_SECONDS`; a killed app
loses at most that much of the clock, never a capture.
"""

from __future__ import annotations

import datetime as dt

from reviewtui.domain.agenda import AgendaItem
from reviewtui.services.session.state import SessionState

CHECKPOINT_SECONDS = 15
"""How often the app folds the running clock into the saved meeting."""
SILENT_SECONDS = 3 * CHECKPOINT_SECONDS
"""A running meeting not saved for this long has lost its champion's app (killed, or its
machine asleep): a watcher stops counting at its last save."""


class MeetingClock:
    """Time used against each item's timebox and the meeting's length."""

    def __init__(self, state: SessionState) -> None:
        self.state = state

    @property
    def running_since(self) -> dt.datetime | None:
        """When the clock started on the current item; None while paused. A watcher reads
        it from the meeting file, which every write of the running meeting brings along."""
        if self.state.watching:
            return self.state.meeting.clock_since
        return self.state.running_since

    @running_since.setter
    def running_since(self, value: dt.datetime | None) -> None:
        """Start (a time) or stop (None) the running stretch; the next write saves it."""
        self.state.running_since = value

    @property
    def silent_since(self) -> dt.datetime | None:
        """For a watcher: when the champion's app last saved, if its clock runs but it has
        not saved for :data:`SILENT_SECONDS` (it checkpoints every 15 s while running)."""
        meeting = self.state.meeting
        if not self.state.watching or meeting.clock_since is None or meeting.updated_at is None:
            return None
        quiet = (self.state.store.clock.now() - meeting.updated_at).total_seconds()
        return meeting.updated_at if quiet > SILENT_SECONDS else None

    @property
    def paused(self) -> bool:
        """Whether the clock is stopped."""
        return self.running_since is None

    def start(self) -> None:
        """Start counting on the current item."""
        self.running_since = self.state.store.clock.now()

    def stop(self) -> None:
        """Stop counting (the meeting is finalized)."""
        self.running_since = None

    def used(self, item: AgendaItem) -> float:
        """Seconds used on an item so far, the running stretch included."""
        running = 0.0
        if self.running_since is not None and item is self.state.current:
            until = self.silent_since or self.state.store.clock.now()
            running = (until - self.running_since).total_seconds()
        return item.used_seconds + max(0.0, running)

    def meeting_used(self) -> float:
        """Seconds used on the whole meeting so far (the saved times, plus the running
        stretch of the current item: one pass, as it runs every second and every step)."""
        current = self.state.current
        saved = sum(item.used_seconds for item in self.state.meeting.agenda)
        return saved - current.used_seconds + self.used(current)

    def fold(self) -> None:
        """Add the running stretch to the current item (in memory; the caller saves)."""
        if self.running_since is not None:
            now = self.state.store.clock.now()
            self.state.current.used_seconds = self.used(self.state.current)
            self.running_since = now

    def checkpoint(self) -> None:
        """Fold the running stretch into the current item and save it."""
        if self.running_since is None or self.state.read_only:
            return
        self.fold()
        self.state.commit(touched=[self.state.current])

    def toggle_pause(self) -> bool:
        """Pause or resume the clock; returns True when it is now paused."""
        if self.state.read_only:
            return True
        if self.running_since is None:
            with self.state.saved_or_undone():
                self.start()
                self.state.commit()  # running again, for anyone watching
            return False
        self.pause()
        return True

    def pause(self) -> None:
        """Stop the clock and save the time used (the pause key, and leaving the meeting
        screen: a watcher's clock stops with the champion's; opening it starts it again)."""
        if self.running_since is None or self.state.read_only:
            return
        self.fold()  # the time used is true whether or not the pause is saved
        with self.state.saved_or_undone():
            self.running_since = None
            self.state.commit(touched=[self.state.current])  # time used, "paused": one write
