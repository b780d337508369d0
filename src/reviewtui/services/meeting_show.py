"""One meeting as data: its agenda, the actions it reviews and what changed on each, the
issues it carries in, and what it captured. ``reviewtui meeting show`` prints it; its
``--json`` is this, as is (``schema_version`` marks the shape).
"""

from __future__ import annotations

from typing import Any

from reviewtui.domain.agenda_terms import AgendaKind, format_seconds
from reviewtui.domain.review import changes_since, is_overdue
from reviewtui.services.item_json import item_json
from reviewtui.services.session import MeetingSession
from reviewtui.services.stories import story
from reviewtui.store.repository import Store

SCHEMA_VERSION = 1


def meeting_show(store: Store, meeting_id: str) -> dict[str, Any]:
    """Everything about one meeting, as plain data (nothing is written)."""
    session = MeetingSession(store, meeting_id)
    meeting, state = session.meeting, session.state
    today = store.clock.today()
    return {
        "schema_version": SCHEMA_VERSION,
        "meeting": {
            "id": meeting.id,
            "title": meeting.title,
            "date": meeting.date.isoformat(),
            "state": meeting.state.value,
            "scorecard_id": meeting.scorecard_id,
            "period": meeting.period,
            "length_minutes": meeting.length_minutes,
            "previous": state.previous.id if state.previous else None,
        },
        "agenda": [
            {
                "key": item.key,
                "title": item.title,
                "kind": item.kind.value,
                "measure_id": item.measure_id,
                "status": _status(session, item.measure_id),
                "progress": item.progress.value,
                "current": index == meeting.current,
                "timebox": format_seconds(item.timebox_seconds),
                "used": format_seconds(item.used_seconds),
                "carried_from": item.carried_from,
            }
            for index, item in enumerate(meeting.agenda)
        ],
        "review": [
            {
                **item_json(item),
                "outcome": session.review.outcome(item),
                "overdue": is_overdue(item, today),
                "changed_since_previous": [c.field for c in changes_since(item, state.since)],
                "story": story(item),
            }
            for item in state.carried
        ],
        "carried_issues": [item_json(item) for item in state.carried_issues],
        "captured": [item_json(item) for item in state.items],
    }


def _status(session: MeetingSession, measure_id: str | None) -> str | None:
    snapshot = session.meeting.statuses.get(measure_id or "")
    return f"{snapshot.symbol} {snapshot.name}" if snapshot else None


def agenda_kinds() -> dict[str, str]:
    """The symbol shown before each kind of agenda item."""
    return {
        AgendaKind.OPEN_ACTIONS.value: "↺",
        AgendaKind.PARKING_LOT.value: "◧",
        AgendaKind.WRAP_UP.value: "⚑",
    }
