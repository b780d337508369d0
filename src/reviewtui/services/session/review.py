"""The review of open actions from earlier meetings: done, slipped (a new date), dropped."""

from __future__ import annotations

import datetime as dt
from types import EllipsisType

from reviewtui.domain.capture import ActionStatus, CapturedItem
from reviewtui.services import actions
from reviewtui.services.carried import actions_under_review, review_outcome
from reviewtui.services.session.state import SessionState


class Review:
    """What the meeting does to the actions it reviews."""

    def __init__(self, state: SessionState) -> None:
        self.state = state

    def refresh(self, save: bool = True) -> None:
        """Reload the actions under review (the shell may have changed them); with ``save``,
        remember the list in the meeting."""
        state = self.state
        found = actions_under_review(state.store, state.meeting)
        state.carried, state.review_since = found.actions, found.since
        numbers = sorted(item.number for item in found.actions)
        if save and not state.read_only and numbers != sorted(state.meeting.carried):
            state.commit(carried=numbers)

    def close(self, number: int, outcome: ActionStatus, note: str = "") -> CapturedItem:
        """Mark a carried-over action done or dropped."""
        state = self.state
        state.require_writable()
        updated = actions.set_status(
            state.store, str(number), outcome, state.by, note, self._home(number)
        )
        state.replace(updated)
        return updated

    def slip(self, number: int, due: dt.date, note: str = "") -> CapturedItem:
        """Give a carried-over action a new due date; the old one stays in its history."""
        state = self.state
        state.require_writable()
        updated = actions.redate(state.store, str(number), due, state.by, note, self._home(number))
        state.replace(updated)
        return updated

    def outcome(self, item: CapturedItem) -> str:
        """What the review did to an action (as frozen at finalize, if it was)."""
        state = self.state
        frozen = state.meeting.outcomes.get(str(item.number))
        if state.read_only and frozen:
            return frozen
        return review_outcome(item, state.review_since, state.by)

    def outcomes(self) -> dict[str, str]:
        """Each reviewed action's outcome, by number (what finalizing freezes)."""
        return {str(item.number): self.outcome(item) for item in self.state.carried}

    def _home(self, number: int) -> str | None | EllipsisType:
        """The meeting file a carried action is kept in (``...``: not known, search)."""
        found = next((i for i in self.state.carried if i.number == number), None)
        return found.meeting_id if found is not None else ...
