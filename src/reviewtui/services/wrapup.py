"""The wrap-up: what the meeting produced and what it left unresolved."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from reviewtui.domain.agenda import is_worst
from reviewtui.domain.agenda_terms import AgendaKind, ItemProgress
from reviewtui.domain.capture import ActionStatus, CapturedItem, ItemKind
from reviewtui.services.session import MeetingSession


@dataclass
class WrapUp:
    """Counts, owners, warnings and attendance at the end of a meeting."""

    by_kind: Counter[ItemKind] = field(default_factory=Counter)
    actions_by_owner: dict[str, list[CapturedItem]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    carried_outcomes: Counter[str] = field(default_factory=Counter)
    present: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)
    """Everyone expected, in order (present or absent)."""
    will_carry: list[str] = field(default_factory=list)
    """What the next meeting will pick up: measures not reached or skipped, open issues."""
    captured_here: list[CapturedItem] = field(default_factory=list)
    """Decisions, notes and the rest captured while on the wrap-up itself."""
    rating: int | None = None
    read_only: bool = False
    today: dt.date = dt.date.min


def wrap_up(session: MeetingSession) -> WrapUp:
    """Summarise the meeting as it stands."""
    summary = WrapUp(
        present=session.meeting.present,
        absent=list(session.meeting.absent),
        attendees=list(session.meeting.attendees),
        rating=session.meeting.rating,
        read_only=session.read_only,
        today=session.store.clock.today(),
    )
    for item in session.items:
        summary.by_kind[item.kind] += 1
        if item.kind is ItemKind.ACTION:
            if item.status is ActionStatus.OPEN:
                owner = item.owner or "(no owner)"
                summary.actions_by_owner.setdefault(owner, []).append(item)
            if item.due is None:
                summary.warnings.append(f"{item.ref} {item.text!r} has no due date")
            if not item.owner:
                summary.warnings.append(f"{item.ref} {item.text!r} has no owner")
    for item in session.carried:
        summary.carried_outcomes[session.review.outcome(item)] += 1
        if item.status is ActionStatus.OPEN:  # they leave the meeting with their owner too
            summary.actions_by_owner.setdefault(item.owner or "(no owner)", []).append(item)
    summary.will_carry = will_carry(session)
    wrap = next((a for a in session.meeting.agenda if a.kind is AgendaKind.WRAP_UP), None)
    summary.captured_here = session.state.items_on(wrap) if wrap else []
    acted_on = session.state.open_actions_by_measure()
    for _, _, measure in session.scorecard.measures():
        level = session.state.level(measure)
        if not is_worst(level, session.scorecard.scheme_for(measure)):
            continue
        if not measure.owner:
            summary.warnings.append(f"{measure.id} {measure.name}: {level.name}, nobody owns it")
        if not acted_on.get(measure.id):
            summary.warnings.append(f"{measure.id} {measure.name}: {level.name}, no action")
    summary.actions_by_owner = dict(sorted(summary.actions_by_owner.items()))
    return summary


def will_carry(session: MeetingSession) -> list[str]:
    """What the next meeting of this scorecard will pick up from this one."""
    current = session.current.key
    missed = [
        item
        for item in session.meeting.agenda
        if item.kind is AgendaKind.MEASURE
        and item.progress is not ItemProgress.DONE
        and item.key != current
    ]
    lines = [
        f"{item.measure_id} {item.title}: "
        + ("skipped" if item.progress is ItemProgress.SKIPPED else "not reached")
        for item in missed
    ]
    open_issues = [
        item
        for item in [*session.state.carried_issues, *session.items]
        if item.kind is ItemKind.ISSUE and item.status is ActionStatus.OPEN
    ]
    lines += [f"{item.ref} {item.text}: parking-lot issue still open" for item in open_issues]
    return lines
