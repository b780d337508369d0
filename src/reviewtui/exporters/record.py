"""Everything an export needs about one meeting, gathered once and read-only."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from reviewtui.domain.agenda import AgendaItem
from reviewtui.domain.agenda_terms import AgendaKind
from reviewtui.domain.capture import OUTCOMES, ActionStatus, CapturedItem, ItemKind
from reviewtui.domain.display import format_value, target_text, variance_text
from reviewtui.domain.freshness import stale_since
from reviewtui.domain.meeting import Meeting
from reviewtui.domain.scorecard import Measure, Scorecard
from reviewtui.services.session import MeetingSession
from reviewtui.services.wrapup import WrapUp, wrap_up
from reviewtui.store.repository import Store


@dataclass
class MeasureRow:
    """One measure as reviewed: status, actual, target."""

    id: str
    name: str
    perspective: str
    owner: str
    symbol: str
    status: str
    status_key: str
    actual: str
    target: str
    tone: str
    """``success``, ``warning``, ``error``, ``accent`` or ``muted``: a colour hint only."""
    stale_since: str | None = None
    """The period of its latest actual, when that is older than its frequency allows."""
    variance: str = ""
    """Actual against target in words: ``$6,500 (32.5%) over target · worse``."""


@dataclass
class ItemSection:
    """One agenda item and what was captured on it."""

    item: AgendaItem
    status_symbol: str = ""
    status_word: str = ""
    decisions: list[CapturedItem] = field(default_factory=list)
    actions: list[CapturedItem] = field(default_factory=list)
    issues: list[CapturedItem] = field(default_factory=list)
    notes: list[CapturedItem] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing was captured here."""
        return not (self.decisions or self.actions or self.issues or self.notes)


@dataclass
class CarriedRow:
    """An action from an earlier meeting and what the review did to it."""

    item: CapturedItem
    symbol: str
    outcome: str


@dataclass
class MeetingRecord:
    """A meeting with its scorecard, items, carried actions and follow-ups."""

    meeting: Meeting
    scorecard: Scorecard
    items: list[CapturedItem]
    measures: list[MeasureRow]
    sections: list[ItemSection]
    carried: list[CarriedRow]
    followups: list[CapturedItem]
    """Open actions leaving the meeting (captured here or still open from before),
    sorted by owner then due date."""
    summary: WrapUp
    emails: dict[str, str | None]
    """Each known person's email (None when the people list has none)."""
    generated_at: dt.datetime
    _measures: dict[str, MeasureRow] = field(default_factory=dict, repr=False)
    _context: dict[tuple[str, ItemKind], list[CapturedItem]] = field(
        default_factory=dict, repr=False
    )

    def __post_init__(self) -> None:
        # Looked up once per action in every export format: dictionaries keep exports linear.
        self._measures = {row.id: row for row in self.measures}
        for item in sorted(self.items, key=lambda each: each.number):
            if item.agenda_item is not None and item.kind in (ItemKind.DECISION, ItemKind.NOTE):
                self._context.setdefault((item.agenda_item, item.kind), []).append(item)

    def email_of(self, name: str | None) -> str | None:
        """The email address of an owner, if the people list has one."""
        return self.emails.get(name or "")

    def measure_of(self, item: CapturedItem) -> MeasureRow | None:
        """The measure an item is linked to, as reviewed."""
        return self._measures.get(item.measure_id or "")

    def context_of(self, item: CapturedItem) -> list[CapturedItem]:
        """Why an action exists: up to :data:`CONTEXT_SHOWN` decisions and notes captured on
        its agenda item, decisions first, the ones captured nearest to it, in capture order.

        Capped so that each action's part of an export has a bounded size: a long agenda
        item would otherwise repeat all its decisions under every one of its actions, and
        exports would grow with the square of the meeting (the minutes list them all).
        """
        chosen: list[CapturedItem] = []
        for kind in (ItemKind.DECISION, ItemKind.NOTE):
            found = self._context.get((item.agenda_item or "", kind), [])
            chosen += _nearest(found, item.number, CONTEXT_SHOWN - len(chosen))
        return sorted(chosen, key=lambda each: each.number)

    def more_context_of(self, item: CapturedItem) -> int:
        """How many decisions and notes of the action's agenda item :meth:`context_of` leaves
        out (the minutes have them all)."""
        total = sum(
            len(self._context.get((item.agenda_item or "", kind), []))
            for kind in (ItemKind.DECISION, ItemKind.NOTE)
        )
        return max(0, total - CONTEXT_SHOWN)  # context_of always fills up to CONTEXT_SHOWN


CONTEXT_SHOWN = 3
"""Decisions and notes shown with each action in emails and calendar items."""


def _nearest(found: list[CapturedItem], number: int, wanted: int) -> list[CapturedItem]:
    """The ``wanted`` items of ``found`` (in number order) captured nearest to ``number``."""
    if wanted <= 0 or not found:
        return []
    at = bisect.bisect_left(found, number, key=lambda each: each.number)
    window = found[max(0, at - wanted) : at + wanted]  # the nearest are always in here
    return sorted(window, key=lambda each: (abs(each.number - number), each.number))[:wanted]


def _tone(card: Scorecard, measure: Measure, key: str) -> str:
    try:
        color = card.scheme_for(measure).level(key).color
    except KeyError:
        return "muted"
    return color if color in {"success", "warning", "error", "accent"} else "muted"


def build_record(store: Store, meeting_id: str) -> MeetingRecord:
    """Gather a meeting for export (the store's clock dates the export)."""
    session = MeetingSession(store, meeting_id)
    measures = measure_rows(session)
    carried = [
        CarriedRow(item, *OUTCOMES[session.review.outcome(item)]) for item in session.carried
    ]
    open_actions = [
        item
        for item in [*session.items, *session.carried]
        if item.kind is ItemKind.ACTION and item.status is ActionStatus.OPEN
    ]
    followups = sorted(
        open_actions, key=lambda i: ((i.owner or "").casefold(), i.due or dt.date.max, i.number)
    )
    return MeetingRecord(
        meeting=session.meeting,
        scorecard=session.scorecard,
        items=session.items,
        measures=measures,
        sections=item_sections(session, {row.id: row for row in measures}),
        carried=carried,
        followups=followups,
        summary=wrap_up(session),
        emails={p.name: p.email for p in session.scorecard.people},
        generated_at=store.clock.now(),
    )


def measure_rows(session: MeetingSession) -> list[MeasureRow]:
    """Every measure as the meeting reviewed it (its status as shown then)."""
    meeting, card = session.meeting, session.scorecard
    rows = []
    for perspective, _, measure in card.measures():
        snapshot = meeting.statuses.get(measure.id)
        level = session.state.level(measure)
        value = measure.period(meeting.period) if meeting.period else None
        rows.append(
            MeasureRow(
                id=measure.id,
                name=measure.name,
                perspective=perspective.name,
                owner=measure.owner or "",
                symbol=snapshot.symbol if snapshot else level.symbol,
                status=snapshot.name if snapshot else level.name,
                status_key=snapshot.key if snapshot else level.key,
                actual=format_value(value.actual if value else None, measure.unit),
                target=target_text(measure, value) if value else "–",
                tone=_tone(card, measure, snapshot.key if snapshot else level.key),
                stale_since=stale_since(measure, meeting.period, card.frequency),
                variance=variance_text(measure, value) if value else "",
            )
        )
    return rows


def item_sections(session: MeetingSession, measures: dict[str, MeasureRow]) -> list[ItemSection]:
    """Each agenda item with what was captured on it (an empty wrap-up is left out)."""
    captured: dict[str, list[CapturedItem]] = {}
    for item in session.items:
        captured.setdefault(item.agenda_item or "", []).append(item)
    sections = []
    for agenda_item in session.meeting.agenda:
        section = ItemSection(agenda_item)
        row = measures.get(agenda_item.measure_id or "")
        if row is not None:
            section.status_symbol, section.status_word = row.symbol, row.status
        for item in captured.get(agenda_item.key, []):
            {
                ItemKind.DECISION: section.decisions,
                ItemKind.ACTION: section.actions,
                ItemKind.ISSUE: section.issues,
                ItemKind.NOTE: section.notes,
            }[item.kind].append(item)
        if agenda_item.kind is not AgendaKind.WRAP_UP or not section.empty:
            sections.append(section)
    return sections
