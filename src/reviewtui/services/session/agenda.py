"""Moving through the agenda: step, jump, skip, reorder, and what holds the room on a red.

The rule the product is built on: a measure at its scheme's worst level with nobody who
owns it, or no action on it, holds the meeting for a moment before it moves on.
"""

from __future__ import annotations

from reviewtui.domain.agenda import AgendaItem, is_worst
from reviewtui.domain.agenda_terms import AgendaKind, ItemProgress
from reviewtui.services.session.clock import MeetingClock
from reviewtui.services.session.history import Change, History
from reviewtui.services.session.state import SessionState

UNFUNDED = "Nothing is funded to move this: no initiative with a budget"


class AgendaNavigator:
    """Where the meeting is on its agenda."""

    def __init__(self, state: SessionState, clock: MeetingClock, history: History) -> None:
        self.state = state
        self.clock = clock
        self.history = history

    def go_to(self, index: int) -> AgendaItem:
        """Make agenda item ``index`` current, marking the one left as done."""
        state = self.state
        index = max(0, min(index, len(state.meeting.agenda) - 1))
        if state.read_only:
            state.meeting.current = index
            return state.current
        left = state.current
        self.clock.fold()  # the time used is true whether or not the step is saved
        with state.saved_or_undone(left):
            if left.progress is ItemProgress.PENDING and index != state.meeting.current:
                left.progress = ItemProgress.DONE
            state.commit(touched=[left], current=index)
        return state.current

    def step(self, delta: int) -> AgendaItem:
        """The next (+1) or previous (-1) item."""
        return self.go_to(self.state.meeting.current + delta)

    def skip(self) -> AgendaItem:
        """Skip the current item and go on to the next."""
        state = self.state
        state.require_writable()
        self.clock.fold()
        with state.saved_or_undone(state.current):
            state.current.progress = ItemProgress.SKIPPED
            state.commit(touched=[state.current])
        return self.go_to(state.meeting.current + 1)

    def move(self, index: int, delta: int) -> int:
        """Move agenda item ``index`` up (-1) or down (+1); returns its new index."""
        state = self.state
        state.require_writable()
        agenda = state.meeting.agenda
        target = index + delta
        if not 0 <= target < len(agenda) or index == target:
            return index
        current_key = state.current.key
        reordered = list(agenda)
        reordered[index], reordered[target] = reordered[target], reordered[index]
        current = next(i for i, a in enumerate(reordered) if a.key == current_key)
        fields = {"agenda", "current"}
        before = state.meeting.model_dump(mode="json", include=fields)
        after = {"agenda": [a.model_dump(mode="json") for a in reordered], "current": current}
        self.history.record(
            Change("agenda order restored", "agenda reordered again", before=before, after=after)
        )
        return target

    def warnings(self, item: AgendaItem) -> list[str]:
        """Warnings for a measure item: off track with no owner, no action, no funding."""
        state = self.state
        measure = state.measure(item)
        if measure is None:
            return []
        level = state.level(measure)
        if not is_worst(level, state.scorecard.scheme_for(measure)):
            return []
        found = []
        if not measure.owner:
            found.append(f"{level.name} and nobody owns it: who is responsible?")
        if not state.actions_on(measure.id):
            found.append(f"{level.name} with no action: what will we do about it?")
        funded = [
            i
            for i in state.scorecard.initiatives_for(measure.id)
            if i.budget and i.budget.amount > 0
        ]
        if not funded and state.scorecard.initiatives:  # a team that tracks initiatives
            found.append(UNFUNDED)
        return found

    def leave_warnings(self, item: AgendaItem | None = None) -> list[str]:
        """What must be said before moving on from an item (default: the current one)."""
        item = item or self.state.current
        if item.kind is not AgendaKind.MEASURE or self.state.read_only:
            return []
        return [w for w in self.warnings(item) if w != UNFUNDED]
