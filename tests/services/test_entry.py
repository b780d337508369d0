"""What the capture line's preview says before saving: problems, did-you-mean, past dates."""

from __future__ import annotations

import datetime as dt

from reviewtui.domain.capture import ItemKind
from reviewtui.domain.meeting import Draft
from reviewtui.domain.people import KnownPerson
from reviewtui.services.session import MeetingSession
from reviewtui.services.session.entry import Context, read_fields
from reviewtui.store.repository import Store

MONDAY = dt.date(2026, 11, 23)
CONTEXT = Context(MONDAY, [KnownPerson("Maria Gonzalez"), KnownPerson("Priya Raman")])


def test_a_misspelt_owner_is_questioned_before_saving() -> None:
    reading = read_fields(ItemKind.ACTION, Draft(text="Brief the agency @mria fri"), CONTEXT)
    assert reading.problems == []
    assert reading.notes == ["'mria' is a new name; did you mean Maria Gonzalez?"]


def test_a_date_in_the_past_is_pointed_out() -> None:
    reading = read_fields(
        ItemKind.ACTION, Draft(text="Fix it", owner="priya", due="2026-11-20"), CONTEXT
    )
    assert reading.entry.owner == "priya" and reading.entry.due == dt.date(2026, 11, 20)
    assert reading.notes == ["the due date is in the past: Fri 20 Nov (3 days overdue)"]


def test_what_stops_an_action_is_listed() -> None:
    reading = read_fields(ItemKind.ACTION, Draft(text="", due="someday"), CONTEXT)
    assert len(reading.problems) == 3
    assert "cannot read the date 'someday'" in reading.problems[0]
    assert "type what will be done" in reading.problems[1]
    assert "needs an owner" in reading.problems[2]


def test_a_note_reads_its_text_as_typed() -> None:
    reading = read_fields(ItemKind.NOTE, Draft(text="Maria @ fri stays text"), CONTEXT)
    assert (reading.entry.text, reading.entry.owner, reading.problems) == (
        "Maria @ fri stays text",
        None,
        [],
    )


def test_finalizing_names_what_is_left(store: Store, demo_meeting: str) -> None:
    session = MeetingSession(store, demo_meeting)
    session.start()
    left = session.closing.leftovers()
    assert left[0].startswith("20 measure(s) never opened: Revenue, Cash conversion cycle,")
    assert left[0].endswith("and 17 more")
    assert any("Off track with no action" in line for line in left)
