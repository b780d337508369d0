"""The review of earlier actions: done, dropped, slipped, reopened, reassigned, reworded.

Every outcome goes into the meeting's undo history, so a wrong key costs one ``u``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from reviewtui.domain.capture import ActionStatus, CapturedItem
from reviewtui.domain.dates import day_month
from reviewtui.domain.meeting import Meeting
from reviewtui.domain.review import review_outcome
from reviewtui.errors import ReviewError
from reviewtui.services import lifecycle
from reviewtui.services.actions import resolve_owner
from reviewtui.services.carried import UnderReview, actions_under_review
from reviewtui.services.session.history import Change, History, Swap
from reviewtui.services.session.state import SessionState
from reviewtui.store.repository import Store


def read_under_review(store: Store, meeting: Meeting) -> tuple[UnderReview, list[CapturedItem]]:
    """What ``meeting`` reviews, and what the meeting before it captured (reads only)."""
    found = actions_under_review(store, meeting)
    return found, store.items(found.previous.id) if found.previous else []


class Review:
    """What the meeting does to the actions (and parking-lot issues) it reviews."""

    def __init__(self, state: SessionState, history: History) -> None:
        self.state = state
        self.history = history

    def refresh(self, save: bool = True) -> None:
        """Reload what is under review (the shell may have changed it); with ``save``,
        remember the lists in the meeting."""
        self.take(*read_under_review(self.state.store, self.state.meeting))
        if save:
            self.remember()

    def take(self, found: UnderReview, previous_items: list[CapturedItem]) -> None:
        """Show what :func:`read_under_review` found."""
        state = self.state
        state.carried, state.carried_issues = found.actions, found.issues
        state.previous = found.previous
        state.previous_items = previous_items

    def remember(self) -> None:
        """Save the lists under review in the meeting, if they changed (one small write)."""
        state = self.state
        numbers = sorted(item.number for item in state.carried)
        issues = sorted(item.number for item in state.carried_issues)
        changed = numbers != sorted(state.meeting.carried) or issues != sorted(
            state.meeting.carried_issues
        )
        if not state.read_only and changed:
            state.commit(carried=numbers, carried_issues=issues)

    def close(self, number: int, outcome: ActionStatus, note: str = "") -> CapturedItem:
        """Mark an action done, dropped, or open again."""
        return self._change(
            number,
            lifecycle.status_edit(outcome),
            note,
            lambda before, after: (
                f"{after.ref} back to {before.status.value}",
                f"{after.ref} {after.status.value} again",
            ),
        )

    def reopen(self, number: int, note: str = "") -> CapturedItem:
        """Open a closed action again."""
        return self.close(number, ActionStatus.OPEN, note)

    def slip(self, number: int, due: dt.date, note: str = "") -> CapturedItem:
        """Give an action a new due date; the old one and the reason stay in its history."""
        return self._change(
            number,
            lifecycle.due_edit(due),
            note,
            lambda before, after: (
                f"{after.ref} due date back to {_day(before.due)}",
                f"{after.ref} re-dated to {_day(after.due)} again",
            ),
        )

    def reassign(self, number: int, typed: str, note: str = "") -> tuple[CapturedItem, list[str]]:
        """Give an action to someone else; a name nobody knows comes with a warning."""
        choice = resolve_owner(typed, self.state.people)
        updated = self._change(
            number,
            lifecycle.owner_edit(choice.name),
            note,
            lambda before, after: (
                f"{after.ref} back to {before.owner or 'nobody'}",
                f"{after.ref} given to {after.owner} again",
            ),
        )
        self.state.know_person(choice.name)
        return updated, [choice.warning] if choice.warning else []

    def reword(self, number: int, text: str, note: str = "") -> CapturedItem:
        """Change what an action says."""
        return self._change(
            number,
            lifecycle.text_edit(text),
            note,
            lambda before, after: (f"{after.ref} wording restored", f"{after.ref} reworded again"),
        )

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

    def _change(
        self,
        number: int,
        edit: lifecycle.Edit,
        note: str,
        says: Callable[[CapturedItem, CapturedItem], tuple[str, str]],
    ) -> CapturedItem:
        state = self.state
        state.require_writable()
        held = state.find(number)
        if held is None:
            raise ReviewError(f"A-{number} is not under review in {state.meeting.id}")
        before = state.store.item(number, held.meeting_id)
        if before is None:
            raise ReviewError(f"{held.ref} is no longer there (deleted elsewhere?)")
        actor = lifecycle.Actor(state.by, state.meeting.id)
        after = lifecycle.changed(before, edit, actor, state.store.clock.now(), note)
        undo_says, redo_says = says(before, after)
        self.history.record(
            Change(undo_says, redo_says, [Swap(number, held.meeting_id, before, after)])
        )
        return after


def _day(day: dt.date | None) -> str:
    return day_month(day) if day else "no date"
