"""What a meeting under way holds in memory, shared by its parts, and the one way to save it.

The parts of a session (clock, agenda, captures, review, closing) each change some of this
state; every change goes through :meth:`SessionState.commit` (the meeting record) or the
store (items), one write each, fsynced before the call returns.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from reviewtui.domain.agenda import AgendaItem
from reviewtui.domain.capture import ActionStatus, CapturedItem, ItemKind
from reviewtui.domain.meeting import Meeting
from reviewtui.domain.people import KnownPerson
from reviewtui.domain.scorecard import Measure, Scorecard
from reviewtui.domain.status import StatusLevel
from reviewtui.errors import ReviewError
from reviewtui.store.repository import Store


@dataclass(frozen=True)
class _ByMeasure:
    """Open actions by measure, and the lists they were found in."""

    items: list[CapturedItem]
    items_count: int
    carried: list[CapturedItem]
    carried_count: int
    found: dict[str, list[CapturedItem]]


@dataclass
class SessionState:
    """One meeting, its scorecard as reviewed, its items and the actions under review."""

    store: Store
    meeting: Meeting
    scorecard: Scorecard
    by: str
    """Who is making the changes (for the items' history)."""
    items: list[CapturedItem] = field(default_factory=list)
    carried: list[CapturedItem] = field(default_factory=list)
    """Actions from earlier meetings (and the shell) that this meeting reviews."""
    carried_issues: list[CapturedItem] = field(default_factory=list)
    """Unresolved parking-lot issues from earlier meetings of this scorecard."""
    people: list[KnownPerson] = field(default_factory=list)
    previous: Meeting | None = None
    """The previous meeting of this scorecard: changes after it was held are what is new."""
    running_since: dt.datetime | None = None
    """When the clock started on the current item, None while paused (see the clock)."""
    watching: bool = False
    """Opened to follow a meeting someone else runs (``reviewtui watch``): nothing is
    changed from here, and the clock is the one the meeting file says."""
    contributing: bool = False
    """A watcher who may add items (``watch --capture``): only that, nothing else."""
    previous_items: list[CapturedItem] = field(default_factory=list)
    """What the previous meeting captured (as each stands now): "last time" on a measure."""
    _measures: dict[str, Measure] = field(default_factory=dict, repr=False)
    _levels: dict[str, StatusLevel] = field(default_factory=dict, repr=False)
    _open_by_measure: _ByMeasure | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._measures = {m.id: m for _, _, m in self.scorecard.measures()}

    @property
    def read_only(self) -> bool:
        """A finalized meeting (or one being watched) is shown, not changed."""
        return self.watching or self.meeting.read_only

    @property
    def adds_items(self) -> bool:
        """A watcher who may add items now (``watch --capture``, and not yet finalized)."""
        return self.watching and self.contributing and not self.meeting.read_only

    @property
    def current(self) -> AgendaItem:
        """The agenda item on screen."""
        return self.meeting.agenda[self.meeting.current]

    def require_writable(self) -> None:
        """Refuse a change to a finalized meeting."""
        if self.watching:
            raise ReviewError(
                f"{self.meeting.id} is being watched here: changes are made where it is run"
            )
        if self.read_only:
            raise ReviewError(f"{self.meeting.id} is finalized (read-only); reopen it to change it")

    # -- reading ---------------------------------------------------------------------

    def measure(self, item: AgendaItem) -> Measure | None:
        """The measure an agenda item is about, if any."""
        return self._measures.get(item.measure_id) if item.measure_id else None

    def level(self, measure: Measure) -> StatusLevel:
        """A measure's status in the period under review (worked out once)."""
        level = self._levels.get(measure.id)
        if level is None:
            level = self._levels[measure.id] = self.scorecard.status_of(
                measure, self.meeting.period
            )
        return level

    def actions_on(self, measure_id: str) -> list[CapturedItem]:
        """Open actions on a measure: carried over and captured today."""
        return self.open_actions_by_measure().get(measure_id, [])

    def open_actions_by_measure(self) -> dict[str, list[CapturedItem]]:
        """Open actions (carried over and captured today) by measure id, in one pass, kept
        until the items change (each step asks: 1 ms with 10,000 actions). Do not change
        what it returns."""
        # A change replaces a list (``replace``, ``take``) or appends to one: the lists
        # themselves (held, so never another list at the same address) and their lengths.
        kept = self._open_by_measure
        if (
            kept is not None
            and kept.items is self.items
            and kept.carried is self.carried
            and (kept.items_count, kept.carried_count) == (len(self.items), len(self.carried))
        ):
            return kept.found
        found: dict[str, list[CapturedItem]] = {}
        for item in [*self.carried, *self.items]:
            if (
                item.kind is ItemKind.ACTION
                and item.measure_id is not None
                and item.status is ActionStatus.OPEN
            ):
                found.setdefault(item.measure_id, []).append(item)
        self._open_by_measure = _ByMeasure(
            self.items, len(self.items), self.carried, len(self.carried), found
        )
        return found

    def items_on(self, agenda_item: AgendaItem) -> list[CapturedItem]:
        """Items captured on one agenda item, in the order they were captured."""
        return [i for i in self.items if i.agenda_item == agenda_item.key]

    # -- changing --------------------------------------------------------------------

    def commit(self, touched: list[AgendaItem] | None = None, **changes: Any) -> None:
        """Set meeting fields (validated) and save them, with the fields of the agenda items
        ``touched`` (time used, progress), as one small write."""
        changes = {**changes, "updated_at": self.store.clock.now()}
        changes.setdefault("clock_since", self.running_since)
        with self.saved_or_undone():
            for name, value in changes.items():
                setattr(self.meeting, name, value)  # the models validate assignment
            fields = self.meeting.model_dump(mode="json", include=set(changes))
            agenda = {
                item.key: item.model_dump(mode="json", include={"used_seconds", "progress"})
                for item in touched or []
            }
            self.store.change_meeting(self.meeting.id, fields, agenda)

    @contextlib.contextmanager
    def saved_or_undone(self, *items: AgendaItem) -> Iterator[None]:
        """What is changed inside, in the meeting record, in ``items`` and the clock, is
        taken back if saving it fails (another process holding the lock, a full disk):
        the screen never shows a step, a pause or a field that the disk does not hold."""
        fields = dict(self.meeting.__dict__)  # each value is replaced, never changed in place
        kept = [(item, dict(item.__dict__)) for item in items]
        running_since = self.running_since
        try:
            yield
        except Exception:
            self.meeting.__dict__.update(fields)  # as they were: valid, no need to check
            for item, values in kept:
                item.__dict__.update(values)
            self.running_since = running_since
            raise

    @property
    def since(self) -> dt.datetime | None:
        """When the previous meeting of this scorecard was held (None for a first one)."""
        return self.previous.held_at if self.previous else None

    def replace(self, updated: CapturedItem) -> None:
        """Show the saved version of an item wherever the session holds it."""
        self.items = [updated if i.number == updated.number else i for i in self.items]
        self.carried = [updated if i.number == updated.number else i for i in self.carried]
        self.carried_issues = [
            updated if i.number == updated.number else i for i in self.carried_issues
        ]

    def find(self, number: int) -> CapturedItem | None:
        """An item this session holds (captured here, or carried in), by number."""
        return next(
            (i for i in [*self.items, *self.carried, *self.carried_issues] if i.number == number),
            None,
        )

    def know_person(self, name: str) -> None:
        """Remember a new owner's name, so it completes next time."""
        if all(p.name.casefold() != name.casefold() for p in self.people):
            self.people.append(KnownPerson(name))

    def gather_people(self) -> None:
        """The scorecard's people, then owners of the items at hand."""
        people = {
            p.name.casefold(): KnownPerson(p.name, p.email, tuple(p.aliases))
            for p in self.scorecard.people
        }
        for item in [*self.carried, *self.items]:
            if item.owner and item.owner.casefold() not in people:
                people[item.owner.casefold()] = KnownPerson(item.owner)
        self.people = list(people.values())
