"""The end of a meeting: attendance, the team's rating, finalizing and reopening."""

from __future__ import annotations

from reviewtui.domain.agenda_terms import AgendaKind, ItemProgress
from reviewtui.domain.capture import ItemKind
from reviewtui.domain.meeting import MeetingState
from reviewtui.errors import ReviewError
from reviewtui.services.meetings import reopen
from reviewtui.services.session.agenda import AgendaNavigator
from reviewtui.services.session.clock import MeetingClock
from reviewtui.services.session.history import Change, History
from reviewtui.services.session.review import Review
from reviewtui.services.session.state import SessionState

NAMED_UNSEEN = 3
"""Measures never opened that the finalize question names (then "and N more")."""


class Closing:
    """Wrap-up actions that change the meeting itself."""

    def __init__(
        self,
        state: SessionState,
        clock: MeetingClock,
        review: Review,
        history: History,
        agenda: AgendaNavigator,
    ) -> None:
        self.state = state
        self.clock = clock
        self.review = review
        self.history = history
        self.agenda = agenda

    def leftovers(self) -> list[str]:
        """What finalizing now leaves behind, one line each: measures never opened,
        warnings still open, actions without an owner or a due date."""
        state = self.state
        found = []
        measures = [a for a in state.meeting.agenda if a.kind is AgendaKind.MEASURE]
        unseen = [
            a.title
            for a in measures
            if a.progress is ItemProgress.PENDING
            and self.clock.used(a) < 1
            and a is not state.current
        ]
        if unseen:
            named = ", ".join(unseen[:NAMED_UNSEEN])
            more = f" and {len(unseen) - NAMED_UNSEEN} more" if len(unseen) > NAMED_UNSEEN else ""
            found.append(f"{len(unseen)} measure(s) never opened: {named}{more}")
        for item in measures:
            found += [f"{item.title}: {w}" for w in self.agenda.leave_warnings(item)]
        for action in state.items:
            if action.kind is ItemKind.ACTION and (action.owner is None or action.due is None):
                lacking = " and ".join(
                    what
                    for what, missing in (
                        ("owner", action.owner is None),
                        ("due date", action.due is None),
                    )
                    if missing
                )
                found.append(f"{action.ref} {action.text}: no {lacking}")
        return found

    def set_rating(self, rating: int) -> None:
        """The team's 1-10 rating of the meeting."""
        if not 1 <= rating <= 10:
            raise ReviewError(f"a rating is 1 to 10; got {rating}")
        old = self.state.meeting.rating
        self._set(
            "rating", old, rating, f"rating back to {old or 'none'}", f"rating {rating} again"
        )

    def toggle_absent(self, name: str) -> None:
        """Mark an attendee absent, or present again."""
        was = list(self.state.meeting.absent)
        absent = [n for n in was if n != name] if name in was else [*was, name]
        now, then = ("absent", "present") if name in absent else ("present", "absent")
        self._set("absent", was, absent, f"{name} {then} again", f"{name} {now} again")

    def _set(self, name: str, old: object, new: object, undo_says: str, redo_says: str) -> None:
        """Change one meeting field, undoably."""
        self.state.require_writable()
        self.history.record(Change(undo_says, redo_says, before={name: old}, after={name: new}))

    def finalize(self) -> None:
        """End the meeting: the clock stops, the review's outcomes are frozen, and the
        meeting becomes read-only (one write; undo reopens it as it was)."""
        state = self.state
        state.require_writable()
        self.clock.fold()
        if state.current.progress is ItemProgress.PENDING:
            state.current.progress = ItemProgress.DONE
        state.commit(touched=[state.current])
        self.review.refresh(save=False)
        self.clock.stop()
        meeting = state.meeting
        frozen = ("state", "finalized_at", "carried", "carried_issues", "outcomes")
        before = meeting.model_dump(mode="json", include=set(frozen))
        after = {
            "state": MeetingState.FINALIZED.value,
            "finalized_at": state.store.clock.now().isoformat(),
            "carried": sorted(item.number for item in state.carried),
            "carried_issues": sorted(item.number for item in state.carried_issues),
            "outcomes": self.review.outcomes(),
        }
        self.history.record(
            Change("meeting open again (finalize undone)", "meeting finalized again",
                   before=before, after=after)
        )  # fmt: skip
        state.store.compact(meeting.id)

    def reopen(self) -> None:
        """Deliberately reopen a finalized meeting."""
        self.state.meeting = reopen(self.state.store, self.state.meeting)
        self.clock.start()
