"""One undo/redo history for the meeting: every change can be taken back, durably."""

from __future__ import annotations

import datetime as dt

import pytest

from reviewtui.domain.agenda_terms import AgendaKind
from reviewtui.domain.capture import ActionStatus, ItemKind
from reviewtui.domain.meeting import Draft
from reviewtui.errors import ReviewError
from reviewtui.services import lifecycle
from reviewtui.services.lifecycle import Actor
from reviewtui.services.session import Capture, MeetingSession
from reviewtui.services.session.drafts import new_draft_key
from reviewtui.store.repository import Store

FRIDAY = dt.date(2026, 11, 27)


def opened(store: Store, meeting_id: str) -> MeetingSession:
    session = MeetingSession(store, meeting_id)
    session.start()
    measure = next(i for i, a in enumerate(session.meeting.agenda) if a.kind is AgendaKind.MEASURE)
    session.agenda.go_to(measure)
    return session


def texts(store: Store, meeting_id: str) -> list[str]:
    return [item.text for item in Store(store.data.root).items(meeting_id)]


def test_an_edit_is_undone_to_the_text_before_it_not_deleted(
    store: Store, demo_meeting: str
) -> None:
    session = opened(store, demo_meeting)
    item = session.captures.capture(Capture(ItemKind.NOTE, "Wholesale re-order timing")).item
    session.captures.edit(item.number, Capture(ItemKind.NOTE, "Wholesale re-order timing (James)"))
    assert session.undo() == f"↶ {item.ref} text restored"
    assert texts(store, demo_meeting) == ["Wholesale re-order timing"]
    assert session.redo() == f"↷ {item.ref} text edited again"
    assert texts(store, demo_meeting) == ["Wholesale re-order timing (James)"]


def test_capture_and_delete_undo_and_redo(store: Store, demo_meeting: str) -> None:
    session = opened(store, demo_meeting)
    first = session.captures.capture(Capture(ItemKind.NOTE, "first")).item
    session.captures.capture(Capture(ItemKind.DECISION, "second"))
    session.captures.delete(first.number)
    assert texts(store, demo_meeting) == ["second"]
    assert session.undo() == f"↶ {first.ref} restored"
    assert texts(store, demo_meeting) == ["first", "second"]
    session.undo()
    session.undo()
    assert texts(store, demo_meeting) == []
    with pytest.raises(ReviewError, match="nothing to undo"):
        session.undo()
    session.redo()
    assert texts(store, demo_meeting) == ["first"]


def test_a_new_change_ends_the_redo(store: Store, demo_meeting: str) -> None:
    session = opened(store, demo_meeting)
    session.captures.capture(Capture(ItemKind.NOTE, "first"))
    session.undo()
    session.captures.capture(Capture(ItemKind.NOTE, "other"))
    assert not session.history.can_redo
    with pytest.raises(ReviewError, match="nothing to redo"):
        session.redo()


def test_the_history_survives_a_restart(store: Store, demo_meeting: str) -> None:
    session = opened(store, demo_meeting)
    item = session.captures.capture(Capture(ItemKind.NOTE, "before")).item
    session.captures.edit(item.number, Capture(ItemKind.NOTE, "after"))
    again = MeetingSession(Store(store.data.root, clock=store.clock), demo_meeting)
    again.start()
    assert again.undo().startswith(f"↶ {item.ref} text restored")
    assert texts(store, demo_meeting) == ["before"]
    assert again.redo().startswith(f"↷ {item.ref}")
    assert texts(store, demo_meeting) == ["after"]


def test_undo_says_where_a_change_off_screen_was(store: Store, demo_meeting: str) -> None:
    session = opened(store, demo_meeting)
    item = session.captures.capture(Capture(ItemKind.NOTE, "on the first measure")).item
    title = session.current.title
    session.agenda.step(1)
    assert session.undo() == f"↶ {item.ref} removed (its capture undone) (on {title})"


def test_review_outcomes_are_undone_in_the_earlier_meetings_file(
    store: Store, demo_meeting: str
) -> None:
    session = MeetingSession(store, demo_meeting)
    session.start()
    session.review.close(1, ActionStatus.DONE)
    session.review.slip(3, dt.date(2026, 12, 4), "waiting on IT")
    session.review.reassign(2, "maria")
    session.undo()
    session.undo()
    session.undo()
    by_ref = {i.ref: i for i in Store(store.data.root).all_items()}
    assert by_ref["A-1"].status is ActionStatus.OPEN
    assert by_ref["A-3"].due == dt.date(2026, 11, 22)
    assert session.redo() == "↷ A-1 done again"
    assert Store(store.data.root).item(1, "M-1").status is ActionStatus.DONE  # type: ignore[union-attr]


def test_undo_refuses_to_overwrite_a_change_made_since(store: Store, demo_meeting: str) -> None:
    session = MeetingSession(store, demo_meeting)
    session.start()
    session.review.close(1, ActionStatus.DONE)
    # Someone reopens A-1 from the shell, then the champion presses u.
    lifecycle.set_status(store, "A-1", ActionStatus.OPEN, Actor("maria"), note="not really done")
    with pytest.raises(ReviewError, match="changed since"):
        session.undo()
    assert Store(store.data.root).item(1, "M-1").history[-1].by == "maria"  # type: ignore[union-attr]


def test_rating_attendance_order_and_finalize_are_undone(store: Store, demo_meeting: str) -> None:
    session = opened(store, demo_meeting)
    order = [a.key for a in session.meeting.agenda]
    session.agenda.move(session.meeting.current, 1)
    session.closing.set_rating(8)
    name = session.scorecard.people[0].name
    session.closing.toggle_absent(name)
    session.closing.finalize()
    assert store.meeting(demo_meeting).read_only
    assert session.undo() == "↶ meeting open again (finalize undone)"
    assert not store.meeting(demo_meeting).read_only and not session.clock.paused
    assert session.undo().startswith(f"↶ {name} present again")
    assert session.undo().startswith("↶ rating back to none")
    assert session.undo().startswith("↶ agenda order restored")
    stored = store.meeting(demo_meeting)
    assert (stored.rating, stored.absent) == (None, [])
    assert [a.key for a in stored.agenda] == order
    session.redo(), session.redo(), session.redo(), session.redo()
    assert store.meeting(demo_meeting).read_only and session.clock.paused


def test_drafts_are_kept_on_flush_and_let_go_of_by_the_capture(
    store: Store, demo_meeting: str
) -> None:
    session = opened(store, demo_meeting)
    key = new_draft_key(session.current.key, ItemKind.NOTE)
    session.drafts.keep(key, Draft(text="half a thought"))
    assert store.meeting(demo_meeting).drafts == {}  # memory only until the flush
    session.drafts.flush()
    assert store.meeting(demo_meeting).drafts[key].text == "half a thought"
    session.captures.capture(Capture(ItemKind.NOTE, "half a thought, finished"), key)
    assert store.meeting(demo_meeting).drafts == {}
    session.undo()  # the capture is undone; the draft stays used up
    assert store.meeting(demo_meeting).drafts == {}
