"""Each action's part of an export has a bounded size: a long agenda item does not repeat
all its decisions and notes under every one of its actions (exports stay linear)."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from pathlib import Path

from icalendar import Calendar

from reviewtui.domain.capture import ItemKind
from reviewtui.exporters.export import export_meeting
from reviewtui.exporters.record import CONTEXT_SHOWN
from reviewtui.services.session import Capture, MeetingSession
from reviewtui.store.repository import Store


def long_discussion(store: Store, meeting_id: str) -> None:
    """Ten decisions, an action, then six notes, all on one measure."""
    session = MeetingSession(store, meeting_id, by="champion")
    session.start()
    session.agenda.go_to(1)
    for n in range(10):
        session.captures.capture(Capture(ItemKind.DECISION, f"Decision number {n}"))
    session.captures.capture(Capture(ItemKind.ACTION, "Act on it", "priya", dt.date(2026, 11, 30)))
    for n in range(6):
        session.captures.capture(Capture(ItemKind.NOTE, f"Note number {n}"))
    session.closing.finalize()


def test_an_action_shows_the_nearest_decisions_and_says_how_many_more(
    store: Store, demo_meeting: str, tmp_path: Path
) -> None:
    long_discussion(store, demo_meeting)
    out = tmp_path / "out"
    export_meeting(store, demo_meeting, out)
    message = email.message_from_bytes(
        (out / "email" / "priya-raman.eml").read_bytes(), policy=policy.default
    )
    plain = message.get_body(("plain",))
    assert plain is not None
    text = plain.get_content()
    shown = [f"Decision: Decision number {n}" for n in (7, 8, 9)]  # captured just before
    assert all(line in text for line in shown) and len(shown) == CONTEXT_SHOWN
    assert "Decision number 6" not in text and "Note number" not in text
    assert "(and 13 more on this agenda item in the minutes)" in text
    calendar = Calendar.from_ical((out / "actions.ics").read_bytes())
    [todo] = [t for t in calendar.walk("VTODO") if "Act on it" in str(t["summary"])]
    description = str(todo["description"])
    assert all(line in description for line in shown) and "13 more" in description
    minutes = (out / "minutes.md").read_text()
    assert all(f"Decision number {n}" in minutes for n in range(10))  # the minutes keep all
