"""A live meeting, without any screen: the app calls it and redraws.

:class:`MeetingSession` opens a meeting and holds its parts, each small and tested on
its own: the :attr:`~MeetingSession.clock`, the :attr:`~MeetingSession.agenda`, the
:attr:`~MeetingSession.captures`, the :attr:`~MeetingSession.review` of earlier actions
and the :attr:`~MeetingSession.closing`. Every change is on disk (fsynced) before the
method returns, so what the screen then shows as saved is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reviewtui.domain.agenda import AgendaItem
from reviewtui.domain.capture import CapturedItem
from reviewtui.domain.meeting import Meeting, MeetingState
from reviewtui.domain.people import KnownPerson
from reviewtui.domain.scorecard import Scorecard
from reviewtui.services.carried import UnderReview
from reviewtui.services.session.agenda import AgendaNavigator
from reviewtui.services.session.captures import Capture, Captures, Checked, Saved, check_capture
from reviewtui.services.session.clock import CHECKPOINT_SECONDS, MeetingClock
from reviewtui.services.session.closing import Closing
from reviewtui.services.session.drafts import Drafts
from reviewtui.services.session.history import History
from reviewtui.services.session.review import Review, read_under_review
from reviewtui.services.session.state import SessionState
from reviewtui.store.documents import Signature
from reviewtui.store.repository import Store

__all__ = [
    "CHECKPOINT_SECONDS",
    "Capture",
    "Checked",
    "MeetingSession",
    "Reread",
    "Saved",
    "check_capture",
]


class MeetingSession:
    """One meeting being run (or read, when finalized)."""

    def __init__(
        self,
        store: Store,
        meeting_id: str,
        by: str = "",
        watching: bool = False,
        contributing: bool = False,
    ) -> None:
        meeting = store.meeting(meeting_id)
        self.state = SessionState(
            store, meeting, store.meeting_scorecard(meeting), by or f"{meeting_id} review"
        )
        self.state.watching = watching
        self.state.contributing = watching and contributing
        self.state.items = store.items(meeting_id)
        self.clock = MeetingClock(self.state)
        self.history = History(self.state)
        self.agenda = AgendaNavigator(self.state, self.clock, self.history)
        self.drafts = Drafts(self.state)
        self.captures = Captures(self.state, self.history, self.drafts)
        self.review = Review(self.state, self.history)
        self.closing = Closing(self.state, self.clock, self.review, self.history, self.agenda)
        self.review.refresh(save=False)
        self.state.gather_people()
        self._seen = store.stamp()
        self._external = store.documents.external_writes

    # -- what the screen reads -------------------------------------------------------

    @property
    def store(self) -> Store:
        """The data dir the meeting lives in."""
        return self.state.store

    @property
    def meeting(self) -> Meeting:
        """The meeting record as saved."""
        return self.state.meeting

    @property
    def scorecard(self) -> Scorecard:
        """The scorecard as this meeting reviews it."""
        return self.state.scorecard

    @property
    def items(self) -> list[CapturedItem]:
        """Items captured in this meeting."""
        return self.state.items

    @property
    def carried(self) -> list[CapturedItem]:
        """Actions under review from earlier meetings and the shell."""
        return self.state.carried

    @property
    def people(self) -> list[KnownPerson]:
        """Names that complete when typing an owner."""
        return self.state.people

    @property
    def current(self) -> AgendaItem:
        """The agenda item on screen."""
        return self.state.current

    @property
    def read_only(self) -> bool:
        """A finalized meeting is shown, not changed."""
        return self.state.read_only

    # -- undo and redo ---------------------------------------------------------------

    def undo(self) -> str:
        """Take back the last change (saved); returns what was undone, and where."""
        was_read_only = self.state.read_only
        said = self.history.undo()
        self._after_history(was_read_only)
        return said

    def redo(self) -> str:
        """Make the last undone change again (saved); returns what was redone."""
        was_read_only = self.state.read_only
        said = self.history.redo()
        self._after_history(was_read_only)
        return said

    def _after_history(self, was_read_only: bool) -> None:
        """An undone finalize opens the meeting again (its clock runs); a redone one
        stops the clock."""
        if self.state.read_only:
            self.clock.stop()
        elif was_read_only:
            self.clock.start()

    # -- opening and following other processes ---------------------------------------

    def start(self) -> None:
        """Open the meeting for running: mark it under way and start the clock."""
        state = self.state
        if state.read_only:
            return
        # Fold the journal of the last run into the file: opening stays quick.
        state.store.compact(state.meeting.id)
        with state.saved_or_undone():  # not saved (the lock held too long): not started
            self.clock.start()
            if state.meeting.state is MeetingState.PLANNED:
                state.commit(state=MeetingState.IN_PROGRESS, started_at=state.store.clock.now())
            else:
                state.commit()  # the clock runs again: anyone watching sees it
        # What is under review was read when the session opened, a moment ago.
        self.review.remember()

    def poll(self) -> bool:
        """Reload if another process (the shell, a second app) changed the data since we
        last looked; True when it did. Cheap when nothing changed: one folder scan."""
        if not self.changed_elsewhere():
            return False
        self.take(self.reread())
        return True

    def changed_elsewhere(self) -> bool:
        """Whether another process wrote the data since we last looked (one folder scan);
        what it saw counts as seen, so the next look reports only newer writes."""
        store = self.state.store
        now = store.stamp()
        documents = store.documents
        if now == self._seen and documents.external_writes == self._external:
            return False
        changed = {p for p in now.keys() | self._seen.keys() if now.get(p) != self._seen.get(p)}
        external = documents.external_writes != self._external or any(
            now.get(path) != documents.known(path) for path in changed
        )
        self._seen, self._external = now, documents.external_writes
        return external

    def reread(self, store: Store | None = None) -> Reread:
        """The meeting, its items and what it reviews, read again from disk; changes
        nothing. With a ``store`` of its own (same folder) it can run off the screen's
        thread, and :meth:`take` shows the result."""
        store = store or self.state.store
        seen = store.stamp()  # before reading: a write during the read is seen next time
        meeting = store.meeting(self.state.meeting.id)
        found, previous_items = read_under_review(store, meeting)
        return Reread(meeting, store.items(meeting.id), found, previous_items, seen)

    def reload(self) -> None:
        """Read the meeting, its items and the actions under review again from disk."""
        self.take(self.reread())

    def take(self, reread: Reread) -> None:
        """Hold what :meth:`reread` read (the caller knows no write of ours came after)."""
        state = self.state
        state.meeting = reread.meeting
        state.items = reread.items
        self.review.take(reread.under_review, reread.previous_items)
        state.gather_people()
        self._seen = reread.seen
        self._external = state.store.documents.external_writes


@dataclass(frozen=True)
class Reread:
    """A meeting and what it reviews as read from disk (see :meth:`MeetingSession.reread`)."""

    meeting: Meeting
    items: list[CapturedItem]
    under_review: UnderReview
    previous_items: list[CapturedItem]
    seen: dict[Path, Signature]
    """The files' signatures just before they were read."""
