"""The end of a meeting: attendance, the team's rating, finalizing and reopening."""

from __future__ import annotations

from reviewtui.domain.agenda import ItemProgress
from reviewtui.errors import ReviewError
from reviewtui.services.meetings import finalize, reopen
from reviewtui.services.session.clock import MeetingClock
from reviewtui.services.session.review import Review
from reviewtui.services.session.state import SessionState


class Closing:
    """Wrap-up actions that change the meeting itself."""

    def __init__(self, state: SessionState, clock: MeetingClock, review: Review) -> None:
        self.state = state
        self.clock = clock
        self.review = review

    def set_rating(self, rating: int) -> None:
        """The team's 1-10 rating of the meeting."""
        self.state.require_writable()
        if not 1 <= rating <= 10:
            raise ReviewError(f"a rating is 1 to 10; got {rating}")
        self.state.commit(rating=rating)

    def toggle_absent(self, name: str) -> None:
        """Mark an attendee absent, or present again."""
        state = self.state
        state.require_writable()
        absent = list(state.meeting.absent)
        absent = [n for n in absent if n != name] if name in absent else [*absent, name]
        state.commit(absent=absent)

    def finalize(self) -> None:
        """End the meeting: the clock stops, the review's outcomes are frozen, and the
        meeting becomes read-only (one write)."""
        state = self.state
        state.require_writable()
        self.clock.fold()
        if state.current.progress is ItemProgress.PENDING:
            state.current.progress = ItemProgress.DONE
        state.commit(touched=[state.current])
        self.review.refresh(save=False)
        self.clock.stop()
        state.meeting = finalize(
            state.store,
            state.meeting,
            carried=sorted(item.number for item in state.carried),
            carried_issues=sorted(item.number for item in state.carried_issues),
            outcomes=self.review.outcomes(),
        )

    def reopen(self) -> None:
        """Deliberately reopen a finalized meeting."""
        self.state.meeting = reopen(self.state.store, self.state.meeting)
        self.clock.start()
