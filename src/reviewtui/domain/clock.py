"""The one source of "now" and "today", injectable so tests and snapshots are stable."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    """Tells the current time; the app, services and CLI all ask one of these."""

    def now(self) -> dt.datetime:
        """The current time, timezone-aware."""
        ...

    def today(self) -> dt.date:
        """The current local date."""
        ...


class SystemClock:
    """The real clock, in the machine's local timezone."""

    def now(self) -> dt.datetime:
        """The current local time, timezone-aware."""
        return dt.datetime.now().astimezone()

    def today(self) -> dt.date:
        """Today's local date."""
        return self.now().date()


class FixedClock:
    """A clock that stays where it is put (and moves only when told), for tests."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)

    def now(self) -> dt.datetime:
        """The fixed time."""
        return self.at

    def today(self) -> dt.date:
        """The fixed date."""
        return self.at.date()

    def advance(self, **delta: float) -> None:
        """Move the clock forward, e.g. ``advance(minutes=5)``."""
        self.at += dt.timedelta(**delta)
