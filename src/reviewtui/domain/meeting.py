"""A meeting: one review of one scorecard period, and where it stands."""

from __future__ import annotations

import datetime as dt

from pydantic import ConfigDict, Field

from reviewtui.domain.agenda import AgendaItem
from reviewtui.domain.agenda_terms import AgendaOrder
from reviewtui.domain.agenda_terms import MeetingState as MeetingState  # it lived here
from reviewtui.domain.model import Model
from reviewtui.domain.text import Title

SHORTEST, LONGEST = 5, 600
"""A meeting lasts 5 minutes to 10 hours; the timeboxes are cut from this length."""


def length_problem(minutes: object) -> str | None:
    """What is wrong with a meeting length as typed, or None if it is fine."""
    text = str(minutes).strip()
    if not text.isdigit() or not SHORTEST <= int(text) <= LONGEST:
        return f"a meeting lasts {SHORTEST} to {LONGEST} whole minutes; got {text!r}"
    return None


class StatusSnapshot(Model):
    """A measure's status at one moment, kept as shown so history never changes."""

    key: str
    name: str
    symbol: str
    period: str | None = None
    worst: bool | None = None
    """Whether this was its scheme's worst level (off track, red...); None in old data."""

    @property
    def off_track(self) -> bool:
        """The worst level of its scheme (guessed from the key for data saved before)."""
        if self.worst is not None:
            return self.worst
        return self.key in {"off_track", "red", "not_met"}


class Draft(Model):
    """A capture typed but not saved: what, owner and due, as typed."""

    text: str = ""
    owner: str = ""
    due: str = ""

    @property
    def empty(self) -> bool:
        """Nothing was typed."""
        return not (self.text.strip() or self.owner.strip() or self.due.strip())


class MeetingHeader(Model):
    """What relates meetings to each other, without their agenda: which scorecard, when,
    where it stands, what it reviews. Reading only this finds the previous meeting among a
    hundred 1,000-measure meetings in a tenth of the time (fields not named are ignored)."""

    model_config = ConfigDict(validate_assignment=True)

    id: str = Field(pattern=r"^M-\d+$")
    scorecard_id: str
    date: dt.date
    state: MeetingState = MeetingState.PLANNED
    created_at: dt.datetime
    carried: list[int] = Field(default_factory=list)
    """Numbers of the actions from earlier meetings this meeting reviews."""
    carried_issues: list[int] = Field(default_factory=list)
    """Numbers of unresolved parking-lot issues from earlier meetings it offers."""
    started_at: dt.datetime | None = None
    finalized_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    """The last change to the meeting (a step, a checkpoint): when an unfinalized meeting
    was last held."""

    @property
    def held_at(self) -> dt.datetime:
        """When the meeting was held: finalized, else its last activity."""
        return self.finalized_at or self.updated_at or self.started_at or self.created_at

    @property
    def read_only(self) -> bool:
        """Finalized meetings are read-only until deliberately reopened."""
        return self.state is MeetingState.FINALIZED


class Meeting(MeetingHeader):
    """One review meeting of one scorecard period."""

    title: Title
    period: str | None = None
    length_minutes: int = Field(default=60, ge=SHORTEST, le=LONGEST)
    attendees: list[str] = Field(default_factory=list)
    snapshot: str | None = None
    """The file in ``snapshots/`` holding the scorecard exactly as this meeting reviewed it."""
    statuses: dict[str, StatusSnapshot] = Field(default_factory=dict)
    """Each measure's status as reviewed in this meeting, by measure id (for history)."""
    agenda: list[AgendaItem] = Field(default_factory=list)
    order: AgendaOrder = AgendaOrder.EXCEPTIONS_FIRST
    current: int = Field(default=0, ge=0)
    """Index of the agenda item on screen; saved on every step so a restart resumes there."""
    clock_since: dt.datetime | None = None
    """When the clock started running on the current item (its saved time excludes the
    stretch since); None while paused. Saved with every write, so a watcher
    (``reviewtui watch``) shows the champion's clock live, paused or running."""
    outcomes: dict[str, str] = Field(default_factory=dict)
    """What the review did to each of them (by number: done, dropped, slipped, open),
    frozen when the meeting is finalized, so its minutes stay true to the meeting."""
    absent: list[str] = Field(default_factory=list)
    """Attendees marked absent at the wrap-up (the others were present)."""
    rating: int | None = Field(default=None, ge=1, le=10)
    """The team's 1-10 rating of the meeting itself."""
    undo_at: int = Field(default=0, ge=0)
    """How many changes of the undo history are in effect (the next undo takes this one)."""
    undo_top: int = Field(default=0, ge=0)
    """The newest change of the undo history (above ``undo_at``: what redo makes again)."""
    drafts: dict[str, Draft] = Field(default_factory=dict)
    """Text typed in a capture and not saved yet, per agenda item and kind: it comes back
    when the capture opens again, after a restart too."""

    @property
    def present(self) -> list[str]:
        """Attendees not marked absent."""
        return [name for name in self.attendees if name not in self.absent]
