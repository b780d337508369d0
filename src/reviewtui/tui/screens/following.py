"""The meeting screen's following of other processes: the shell marking an action done,
a second app capturing, a watcher's view of the champion's meeting.

Split from :mod:`reviewtui.tui.screens.meeting` (which subclasses this and looks every
:data:`WATCH_SECONDS`). Looking is one folder scan; what changed is read again off the
screen's thread and shown once read.
"""

from __future__ import annotations

from textual import on, work
from textual.message import Message

from reviewtui.errors import ReviewError
from reviewtui.services.session import Reread
from reviewtui.services.workspace import Store
from reviewtui.tui.screens.drawing import DrawingScreen

WATCH_SECONDS = 0.5
"""How often the screen looks for changes made by other processes."""


class FollowingScreen(DrawingScreen):
    """Shows what other processes change in the meeting and what it reviews."""

    _rereading = False
    """A reading of what changed elsewhere is under way (one at a time)."""
    _reread_again = False
    """The last reading missed a save of ours: read again at the next look."""

    class ChangesRead(Message):
        """What another process changed, read off the screen's thread."""

        def __init__(self, reread: Reread | None, writes_before: int, error: str) -> None:
            super().__init__()
            self.reread = reread
            self.writes_before = writes_before
            self.error = error

    def _watch(self) -> None:
        """Show what the shell or another app changed (an action done, a new capture).
        Looking is one folder scan; reading it all again is done off the screen's thread
        (~150 ms with 1,000 measures and 10,000 actions: the screen would stall)."""
        if self._rereading:
            return
        changed: list[bool] = []
        if not self._safely(lambda: changed.append(self.session.changed_elsewhere())):
            return
        if changed[0] or self._reread_again:
            self._rereading, self._reread_again = True, False
            self._reread(self.session.store.documents.writes)

    @work(thread=True, exclusive=True, group="reread", exit_on_error=False)
    def _reread(self, writes_before: int) -> None:
        """Read the meeting and what it reviews through a store of this thread's own."""
        store = self.session.store
        reread, error = None, "could not read what was changed elsewhere"
        try:
            reread = self.session.reread(Store(store.data.root, store.clock))
        except ReviewError as problem:
            error = str(problem)
        finally:
            self.post_message(self.ChangesRead(reread, writes_before, error))

    @on(ChangesRead)
    def _changes_read(self, event: ChangesRead) -> None:
        self._rereading = False
        if event.reread is None:
            self.notify(event.error, title="Not updated", severity="error", timeout=10)
        elif self.session.store.documents.writes != event.writes_before:
            self._reread_again = True  # we saved meanwhile: read again, our save with it
        else:
            self.session.take(event.reread)
            self._agenda_drawn = []  # statuses may have changed too: every row again
            self.refresh_all()
