"""A live meeting: where the agenda stands, the clock, and what is captured.

:class:`MeetingSession` is everything the meeting screen does, without any screen: the
app calls it and redraws. Every change goes through the store (fsynced under the lock)
before the method returns, so what the screen then shows as saved is on disk.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from types import EllipsisType

from reviewtui.domain.agenda import AgendaItem, AgendaKind, ItemProgress, is_worst
from reviewtui.domain.capture import ActionStatus, CapturedItem, Change, ItemKind
from reviewtui.domain.meeting import MeetingState
from reviewtui.domain.people import KnownPerson
from reviewtui.domain.revise import revised
from reviewtui.domain.scorecard import Measure, Scorecard
from reviewtui.domain.status import StatusLevel
from reviewtui.errors import ReviewError
from reviewtui.services import actions
from reviewtui.services.carried import actions_under_review, review_outcome
from reviewtui.services.meetings import finalize, reopen
from reviewtui.store.repository import Store

CHECKPOINT_SECONDS = 15
"""How often the app folds the running clock into the saved meeting."""


@dataclass
class Capture:
    """What the capture form hands over: typed text, owner and due date."""

    kind: ItemKind
    text: str
    owner: str | None = None
    due: dt.date | None = None


@dataclass
class Saved:
    """A saved item and any warnings to show with it (new owner name, and so on)."""

    item: CapturedItem
    warnings: list[str] = field(default_factory=list)


class MeetingSession:
    """One meeting being run (or read, when finalized)."""

    def __init__(self, store: Store, meeting_id: str, by: str = "") -> None:
        self.store = store
        self.meeting = store.meeting(meeting_id)
        self.scorecard: Scorecard = store.meeting_scorecard(self.meeting)
        self.by = by or f"{meeting_id} review"
        self.items: list[CapturedItem] = store.items(meeting_id)
        self.carried: list[CapturedItem] = []
        self._undo: list[int] = []
        self.review_since: dt.date | None = None
        """The previous meeting's date: changes since then are what the review shows."""
        self._running_since: dt.datetime | None = None
        self.refresh_carried(save=False)
        self.people = self._people()
        self._seen = store.stamp()
        self._external = store.documents.external_writes

    def poll(self) -> bool:
        """Reload if another process (the shell, a second app) changed the data since we
        last looked; True when it did. Cheap when nothing changed: one folder scan."""
        now = self.store.stamp()
        documents = self.store.documents
        if now == self._seen and documents.external_writes == self._external:
            return False
        changed = {
            path for path in now.keys() | self._seen.keys() if now.get(path) != self._seen.get(path)
        }
        external = documents.external_writes != self._external or any(
            now.get(path) != documents.known(path) for path in changed
        )
        self._seen, self._external = now, documents.external_writes
        if external:
            self.reload()
        return external

    def reload(self) -> None:
        """Read the meeting, its items and the actions under review again from disk."""
        self.meeting = self.store.meeting(self.meeting.id)
        self.items = self.store.items(self.meeting.id)
        self.refresh_carried(save=False)
        self.people = self._people()
        self._seen = self.store.stamp()
        self._external = self.store.documents.external_writes

    # -- state -----------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """A finalized meeting is shown, not changed."""
        return self.meeting.read_only

    @property
    def current(self) -> AgendaItem:
        """The agenda item on screen."""
        return self.meeting.agenda[self.meeting.current]

    def start(self) -> None:
        """Open the meeting for running: mark it under way and start the clock."""
        if self.read_only:
            return
        # Fold the journal of the last run into the file: opening stays quick.
        self.store.compact(self.meeting.id)
        if self.meeting.state is MeetingState.PLANNED:
            self._commit(state=MeetingState.IN_PROGRESS, started_at=self.store.clock.now())
        self.refresh_carried()
        self._running_since = self.store.clock.now()

    def refresh_carried(self, save: bool = True) -> None:
        """Reload the actions under review (the shell may have changed them)."""
        review = actions_under_review(self.store, self.meeting)
        self.carried, self.review_since = review.actions, review.since
        numbers = sorted(item.number for item in review.actions)
        if save and not self.read_only and numbers != sorted(self.meeting.carried):
            self._commit(carried=numbers)

    # -- the clock -------------------------------------------------------------------

    @property
    def paused(self) -> bool:
        """Whether the clock is stopped."""
        return self._running_since is None

    def used(self, item: AgendaItem) -> float:
        """Seconds used on an item so far, the running stretch included."""
        running = 0.0
        if self._running_since is not None and item is self.current:
            running = (self.store.clock.now() - self._running_since).total_seconds()
        return item.used_seconds + max(0.0, running)

    def meeting_used(self) -> float:
        """Seconds used on the whole meeting so far."""
        return sum(self.used(item) for item in self.meeting.agenda)

    def toggle_pause(self) -> bool:
        """Pause or resume the clock; returns True when it is now paused."""
        if self.read_only:
            return True
        if self._running_since is None:
            self._running_since = self.store.clock.now()
            return False
        self.checkpoint()
        self._running_since = None
        return True

    def checkpoint(self) -> None:
        """Fold the running stretch into the current item and save the meeting."""
        if self._running_since is None or self.read_only:
            return
        now = self.store.clock.now()
        self.current.used_seconds = self.used(self.current)
        self._running_since = now
        self._commit(touched=[self.current])

    # -- moving through the agenda ---------------------------------------------------

    def go_to(self, index: int) -> AgendaItem:
        """Make agenda item ``index`` current, marking the one left as done."""
        index = max(0, min(index, len(self.meeting.agenda) - 1))
        if self.read_only:
            self.meeting.current = index
            return self.current
        left = self.current
        self._fold_clock()
        if left.progress is ItemProgress.PENDING and index != self.meeting.current:
            left.progress = ItemProgress.DONE
        self._commit(touched=[left], current=index)
        return self.current

    def skip(self) -> AgendaItem:
        """Skip the current item and go on to the next."""
        self._require_writable()
        self._fold_clock()
        self.current.progress = ItemProgress.SKIPPED
        self._commit(touched=[self.current])
        return self.go_to(self.meeting.current + 1)

    def move(self, index: int, delta: int) -> int:
        """Move agenda item ``index`` up (-1) or down (+1); returns its new index."""
        self._require_writable()
        agenda = self.meeting.agenda
        target = index + delta
        if not 0 <= target < len(agenda) or index == target:
            return index
        current_key = self.current.key
        reordered = list(agenda)
        reordered[index], reordered[target] = reordered[target], reordered[index]
        current = next(i for i, a in enumerate(reordered) if a.key == current_key)
        self._commit(agenda=reordered, current=current)
        return target

    def leave_warnings(self) -> list[str]:
        """What must be said before moving on from the current item (may be none)."""
        return self.leave_warnings_for(self.current)

    def leave_warnings_for(self, item: AgendaItem) -> list[str]:
        """The warnings that hold the meeting on ``item``: an unowned or unactioned red."""
        if item.kind is not AgendaKind.MEASURE or self.read_only:
            return []
        return [w for w in self.warnings(item) if not w.startswith("Nothing is funded")]

    # -- measures --------------------------------------------------------------------

    def measure(self, item: AgendaItem) -> Measure | None:
        """The measure an agenda item is about, if any."""
        return self.scorecard.measure(item.measure_id) if item.measure_id else None

    def level(self, measure: Measure) -> StatusLevel:
        """A measure's status in the period under review."""
        return self.scorecard.status_of(measure, self.meeting.period)

    def actions_on(self, measure_id: str) -> list[CapturedItem]:
        """Open actions on a measure: carried over and captured today."""
        return [
            item
            for item in [*self.carried, *self.items]
            if item.kind is ItemKind.ACTION
            and item.measure_id == measure_id
            and item.status is ActionStatus.OPEN
        ]

    def warnings(self, item: AgendaItem) -> list[str]:
        """Warnings for a measure item: off track with no owner, no action, no funding."""
        measure = self.measure(item)
        if measure is None:
            return []
        level = self.level(measure)
        if not is_worst(level, self.scorecard.scheme_for(measure)):
            return []
        found = []
        if not measure.owner:
            found.append(f"{level.name} and nobody owns it: who is responsible?")
        if not self.actions_on(measure.id):
            found.append(f"{level.name} with no action: what will we do about it?")
        funded = [
            i
            for i in self.scorecard.initiatives_for(measure.id)
            if i.budget and i.budget.amount > 0
        ]
        if not funded:
            found.append("Nothing is funded to move this: no initiative with a budget")
        return found

    # -- capturing -------------------------------------------------------------------

    def _checked(self, entry: Capture) -> tuple[str, str | None, list[str]]:
        """The entry's text and owner's full name, and warnings; ReviewError if unusable."""
        self._require_writable()
        text = " ".join(entry.text.split())
        if not text:
            raise ReviewError("nothing to save: type what was said")
        owner, warnings = None, []
        if entry.owner and entry.owner.strip():
            choice = actions.resolve_owner(entry.owner, self.people)
            owner, warnings = choice.name, [choice.warning] if choice.warning else []
        if entry.kind is ItemKind.ACTION and (owner is None or entry.due is None):
            raise ReviewError("an action needs an owner and a due date")
        return text, owner, warnings

    def capture(self, entry: Capture) -> Saved:
        """Durably save a new item linked to the current agenda item."""
        text, owner, warnings = self._checked(entry)
        item = self.store.capture(
            entry.kind,
            text,
            self.meeting.id,
            owner=owner,
            due=entry.due,
            measure_id=self.current.measure_id,
            agenda_item=self.current.key,
            history=[Change(at=self.store.clock.now(), by=self.by, field="created", new=text)],
        )
        self.items.append(item)
        self._undo.append(item.number)
        if owner and all(p.name != owner for p in self.people):
            self.people.append(KnownPerson(owner))
        return Saved(item, warnings)

    def edit(self, number: int, entry: Capture) -> Saved:
        """Change an item's text, owner, due date or kind, keeping the old values."""
        text, owner, warnings = self._checked(entry)
        new = {"kind": entry.kind, "text": text, "owner": owner, "due": entry.due}

        def change(item: CapturedItem) -> CapturedItem:
            now = self.store.clock.now()
            history = list(item.history)
            for name, value in new.items():
                old = getattr(item, name)
                if old != value:
                    history.append(
                        Change(at=now, by=self.by, field=name, old=_text(old), new=_text(value))
                    )
            return revised(item, **new, history=history)

        updated = self.store.update_item(number, change, self.meeting.id)
        self._replace(updated)
        return Saved(updated, warnings)

    def delete(self, number: int) -> CapturedItem:
        """Remove an item captured in this meeting."""
        self._require_writable()
        if not any(item.number == number for item in self.items):
            raise ReviewError("only items captured in this meeting can be deleted here")
        removed = self.store.delete_item(number, self.meeting.id)
        self.items = [item for item in self.items if item.number != number]
        self._undo = [n for n in self._undo if n != number]
        return removed

    def undo_last(self) -> CapturedItem:
        """Remove the last item captured (this session's, else this meeting's newest)."""
        self._require_writable()
        candidates = self._undo or [item.number for item in self.items]
        if not candidates:
            raise ReviewError("nothing captured yet: nothing to undo")
        return self.delete(max(candidates) if not self._undo else candidates[-1])

    def items_on(self, item: AgendaItem) -> list[CapturedItem]:
        """Items captured on one agenda item, in the order they were captured."""
        return [i for i in self.items if i.agenda_item == item.key]

    # -- reviewing open actions ------------------------------------------------------

    def review(self, number: int, outcome: ActionStatus, note: str = "") -> CapturedItem:
        """Mark a carried-over action done or dropped."""
        self._require_writable()
        where = self._carried_home(number)
        updated = actions.set_status(self.store, str(number), outcome, self.by, note, where)
        self._replace(updated)
        return updated

    def slip(self, number: int, due: dt.date, note: str = "") -> CapturedItem:
        """Give a carried-over action a new due date; the old one stays in its history."""
        self._require_writable()
        updated = actions.redate(
            self.store, str(number), due, self.by, note, self._carried_home(number)
        )
        self._replace(updated)
        return updated

    # -- wrap-up ---------------------------------------------------------------------

    def set_rating(self, rating: int) -> None:
        """The team's 1-10 rating of the meeting."""
        self._require_writable()
        if not 1 <= rating <= 10:
            raise ReviewError(f"a rating is 1 to 10; got {rating}")
        self._commit(rating=rating)

    def toggle_absent(self, name: str) -> None:
        """Mark an attendee absent, or present again."""
        self._require_writable()
        absent = list(self.meeting.absent)
        absent = [n for n in absent if n != name] if name in absent else [*absent, name]
        self._commit(absent=absent)

    def finalize(self) -> None:
        """End the meeting: the clock stops and the meeting becomes read-only."""
        self._require_writable()
        self._fold_clock()
        if self.current.progress is ItemProgress.PENDING:
            self.current.progress = ItemProgress.DONE
        self.refresh_carried(save=False)
        outcomes = {
            str(item.number): review_outcome(item, self.review_since, self.by)
            for item in self.carried
        }
        self._running_since = None
        self.meeting = finalize(
            self.store,
            self.meeting,
            carried=sorted(item.number for item in self.carried),
            outcomes=outcomes,
        )

    def reopen(self) -> None:
        """Deliberately reopen a finalized meeting."""
        self.meeting = reopen(self.store, self.meeting)
        self._running_since = self.store.clock.now()

    # -- helpers ---------------------------------------------------------------------

    def _fold_clock(self) -> None:
        if self._running_since is not None:
            now = self.store.clock.now()
            self.current.used_seconds = self.used(self.current)
            self._running_since = now

    def _commit(self, touched: list[AgendaItem] | None = None, **changes: object) -> None:
        """Validate changes on the meeting in memory and save them as one small write."""
        for name, value in changes.items():
            setattr(self.meeting, name, value)  # validated: the models validate assignment
        fields = self.meeting.model_dump(mode="json", include=set(changes)) if changes else {}
        agenda = {
            item.key: item.model_dump(mode="json", include={"used_seconds", "progress"})
            for item in touched or []
        }
        self.store.change_meeting(self.meeting.id, fields, agenda)

    def _replace(self, updated: CapturedItem) -> None:
        self.items = [updated if i.number == updated.number else i for i in self.items]
        self.carried = [updated if i.number == updated.number else i for i in self.carried]

    def _carried_home(self, number: int) -> str | None | EllipsisType:
        """The meeting file a carried action is kept in (``...``: not known, search)."""
        found = next((i for i in self.carried if i.number == number), None)
        return found.meeting_id if found is not None else ...

    def _require_writable(self) -> None:
        if self.read_only:
            raise ReviewError(f"{self.meeting.id} is finalized (read-only); reopen it to change it")

    def _people(self) -> list[KnownPerson]:
        people = {
            p.name.casefold(): KnownPerson(p.name, p.email, tuple(p.aliases))
            for p in self.scorecard.people
        }
        for item in [*self.carried, *self.items]:
            if item.owner and item.owner.casefold() not in people:
                people[item.owner.casefold()] = KnownPerson(item.owner)
        return list(people.values())


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
