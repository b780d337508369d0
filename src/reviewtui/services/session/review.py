"""The review of open actions from earlier meetings: done, slipped (a new date), dropped."""

from __future__ import annotations

import datetime as dt
from types import EllipsisType

from reviewtui.domain.capture import ActionStatus, CapturedItem
from reviewtui.domain.review import review_outcome
from reviewtui.services import lifecycle
from reviewtui.services.actions import resolve_owner
from reviewtui.services.carried import actions_under_review
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
        state.carried, state.carried_issues = found.actions, found.issues
        state.previous = found.previous
        state.previous_items = state.store.items(found.previous.id) if found.previous else []
        numbers = sorted(item.number for item in found.actions)
        issues = sorted(item.number for item in found.issues)
        changed = numbers != sorted(state.meeting.carried) or issues != sorted(
            state.meeting.carried_issues
        )
        if save and not state.read_only and changed:
            state.commit(carried=numbers, carried_issues=issues)

    def close(self, number: int, outcome: ActionStatus, note: str = "") -> CapturedItem:
        """Mark a carried-over action done or dropped."""
        state = self.state
        state.require_writable()
        updated = lifecycle.set_status(
            state.store, str(number), outcome, self._actor(), note, self._home(number)
        )
        state.replace(updated)
        return updated

    def slip(self, number: int, due: dt.date, note: str = "") -> CapturedItem:
        """Give a carried-over action a new due date; the old one stays in its history."""
        state = self.state
        state.require_writable()
        updated = lifecycle.redate(
            state.store, str(number), due, self._actor(), note, self._home(number)
        )
        state.replace(updated)
        return updated

    def reopen(self, number: int, note: str = "") -> CapturedItem:
        """Open a closed action again (a wrong key in the review is corrected this way)."""
        return self.close(number, ActionStatus.OPEN, note)

    def reassign(self, number: int, typed: str, note: str = "") -> tuple[CapturedItem, list[str]]:
        """Give an action to someone else; a name nobody knows comes with a warning."""
        state = self.state
        state.require_writable()
        choice = resolve_owner(typed, state.people)
        updated = lifecycle.reassign(
            state.store, str(number), choice.name, self._actor(), note, self._home(number)
        )
        state.replace(updated)
        state.know_person(choice.name)
        return updated, [choice.warning] if choice.warning else []

    def reword(self, number: int, text: str, note: str = "") -> CapturedItem:
        """Change what an action says."""
        state = self.state
        state.require_writable()
        updated = lifecycle.reword(
            state.store, str(number), text, self._actor(), note, self._home(number)
        )
        state.replace(updated)
        return updated

    def outcome(self, item: CapturedItem) -> str:
        """What the review did to an action (as frozen at finalize, if it was)."""
        state = self.state
        frozen = state.meeting.outcomes.get(str(item.number))
        if state.read_only and frozen:
            return frozen
        return review_outcome(item, state.since, state.meeting.id)

    def outcomes(self) -> dict[str, str]:
        """Each reviewed action's outcome, by number (what finalizing freezes)."""
        return {str(item.number): self.outcome(item) for item in self.state.carried}

    def _actor(self) -> lifecycle.Actor:
        return lifecycle.Actor(self.state.by, self.state.meeting.id)

    def _home(self, number: int) -> str | None | EllipsisType:
        """The meeting file a carried item is kept in (``...``: not known, search)."""
        found = self.state.find(number)
        return found.meeting_id if found is not None else ...
