"""MeetingSession: moving, the clock, capturing, reviewing, warnings, finalizing."""

from __future__ import annotations

import datetime as dt

import pytest

from reviewtui.domain.agenda_terms import AgendaKind, ItemProgress
from reviewtui.domain.capture import ActionStatus, ItemKind
from reviewtui.domain.clock import FixedClock
from reviewtui.domain.meeting import MeetingState
from reviewtui.errors import ReviewError
from reviewtui.services import actions, lifecycle
from reviewtui.services.lifecycle import Actor
from reviewtui.services.session import Capture, MeetingSession
from reviewtui.services.wrapup import wrap_up
from reviewtui.store.repository import Store

FRIDAY = dt.date(2026, 11, 27)


def first_measure(session: MeetingSession) -> int:
    return next(i for i, a in enumerate(session.meeting.agenda) if a.kind is AgendaKind.MEASURE)


def test_a_new_session_starts_on_the_open_actions_review(store: Store, demo_meeting: str) -> None:
    session = MeetingSession(store, demo_meeting)
    session.start()
    assert session.current.kind is AgendaKind.OPEN_ACTIONS
    assert [a.ref for a in session.carried] == ["A-1", "A-3", "A-2", "A-4"]  # by due date
    assert store.meeting(demo_meeting).state is MeetingState.IN_PROGRESS


def test_capture_is_on_disk_when_it_returns(store: Store, demo_meeting: str) -> None:
    session = MeetingSession(store, demo_meeting)
    session.start()
    session.agenda.go_to(first_measure(session))
    saved = session.captures.capture(Capture(ItemKind.ACTION, "Fix the forecast", "maria", FRIDAY))
    on_disk = Store(store.data.root).items(demo_meeting)
    assert [(i.ref, i.owner, i.due, i.measure_id) for i in on_disk] == [
        (saved.item.ref, "Maria Gonzalez", FRIDAY, "FIN-01")
    ]
    assert on_disk[0].agenda_item == "measure:FIN-01"


def test_an_action_needs_an_owner_and_a_due_date(store: Store, demo_meeting: str) -> None:
    session = MeetingSession(store, demo_meeting)
    with pytest.raises(ReviewError, match="needs an owner"):
        session.captures.capture(Capture(ItemKind.ACTION, "Fix it", None, FRIDAY))
    with pytest.raises(ReviewError, match="needs a due date"):
        session.captures.capture(Capture(ItemKind.ACTION, "Fix it", "maria", None))
    assert store.items(demo_meeting) == []


def test_a_new_owner_name_is_accepted_with_a_warning(store: Store, demo_meeting: str) -> None:
    session = MeetingSession(store, demo_meeting)
    saved = session.captures.capture(Capture(ItemKind.ACTION, "Brief the agency", "Marla", FRIDAY))
    assert saved.item.owner == "Marla"
    assert saved.warnings and "did you mean 'Maria Gonzalez'" in saved.warnings[0]


def test_edit_and_change_of_type_keep_history(store: Store, demo_meeting: str) -> None:
    session = MeetingSession(store, demo_meeting, by="champion")
    note = session.captures.capture(Capture(ItemKind.NOTE, "Maria to look at the forecast")).item
    edited = session.captures.edit(
        note.number, Capture(ItemKind.ACTION, "Re-phase the forecast", "maria", FRIDAY)
    ).item
    assert edited.ref == f"A-{note.number}"
    stored = store.items(demo_meeting)[0]
    assert stored.kind is ItemKind.ACTION and stored.owner == "Maria Gonzalez"
    changed = {(c.field, c.old, c.new, c.by) for c in stored.history}
    assert ("kind", "note", "action", "champion") in changed
    assert ("text", "Maria to look at the forecast", "Re-phase the forecast", "champion") in changed
    assert ("due", None, "2026-11-27", "champion") in changed


def test_reviewing_carried_actions(store: Store, demo_meeting: str) -> None:
    session = MeetingSession(store, demo_meeting)
    session.review.close(1, ActionStatus.DONE)
    session.review.slip(3, dt.date(2026, 12, 4))
    session.review.close(4, ActionStatus.DROPPED)
    by_ref = {i.ref: i for i in store.all_items()}
    assert by_ref["A-1"].status is ActionStatus.DONE
    assert by_ref["A-3"].due == dt.date(2026, 12, 4)
    assert by_ref["A-3"].history[-1].old == "2026-11-22"  # the old date is kept
    assert by_ref["A-4"].status is ActionStatus.DROPPED
    assert wrap_up(session).carried_outcomes == {"done": 1, "slipped": 1, "dropped": 1, "open": 1}


def test_off_track_measure_warnings(store: Store, demo_meeting: str) -> None:
    session = MeetingSession(store, demo_meeting)
    index = next(
        i for i, a in enumerate(session.meeting.agenda) if a.measure_id == "FIN-05"
    )  # cash conversion cycle: off track, no action, no initiative
    session.agenda.go_to(index)
    warnings = session.agenda.warnings(session.current)
    assert any("no action" in w for w in warnings)
    assert any("Nothing is funded" in w for w in warnings)
    assert session.agenda.leave_warnings() == [w for w in warnings if "no action" in w]
    session.captures.capture(Capture(ItemKind.ACTION, "Weekly collections calls", "maria", FRIDAY))
    assert session.agenda.leave_warnings() == []


def test_the_open_actions_on_a_measure_follow_every_change(store: Store, demo_meeting: str) -> None:
    """Kept between steps (each step asks), and never stale: captured, closed, undone,
    redone, deleted, and changed by another process."""
    session = MeetingSession(store, demo_meeting)
    state = session.state
    index = next(i for i, a in enumerate(session.meeting.agenda) if a.measure_id == "FIN-05")
    session.agenda.go_to(index)

    def open_on() -> list[str]:
        return [item.text for item in state.actions_on("FIN-05")]

    assert open_on() == [] and state.open_actions_by_measure() is state.open_actions_by_measure()
    saved = session.captures.capture(Capture(ItemKind.ACTION, "Collections calls", "maria", FRIDAY))
    assert open_on() == ["Collections calls"]
    session.review.close(saved.item.number, ActionStatus.DONE)
    assert open_on() == []
    session.undo()
    assert open_on() == ["Collections calls"]
    session.undo()  # the capture itself
    assert open_on() == []
    session.redo()
    assert open_on() == ["Collections calls"]
    session.captures.delete(saved.item.number)
    assert open_on() == []
    shell = Store(store.data.root, store.clock)  # another process, as the shell is
    actions.add_action(shell, "Chase the top ten", "maria", FRIDAY, "FIN-05")
    assert session.poll()
    assert open_on() == ["Chase the top ten"]


def test_the_clock_counts_time_on_the_current_item_and_pauses(
    store: Store, clock: FixedClock, demo_meeting: str
) -> None:
    session = MeetingSession(store, demo_meeting)
    session.start()
    clock.advance(seconds=90)
    assert session.clock.used(session.current) == 90
    assert session.clock.toggle_pause() is True
    clock.advance(seconds=600)  # paused: not counted
    assert session.clock.used(session.current) == 90
    session.clock.toggle_pause()
    clock.advance(seconds=30)
    session.agenda.go_to(1)
    clock.advance(seconds=5)
    assert session.meeting.agenda[0].used_seconds == 120
    assert session.meeting.agenda[0].progress is ItemProgress.DONE
    assert session.clock.meeting_used() == 125
    clock.advance(seconds=session.current.timebox_seconds + 10)
    assert session.current.overrun_seconds == 0  # the running stretch is not folded in yet
    session.clock.checkpoint()
    assert session.current.overrun_seconds == 15
    assert store.meeting(demo_meeting).agenda[1].used_seconds == session.clock.used(session.current)


def test_a_restarted_session_resumes_where_the_meeting_was(
    store: Store, clock: FixedClock, demo_meeting: str
) -> None:
    session = MeetingSession(store, demo_meeting)
    session.start()
    session.agenda.go_to(3)
    session.captures.capture(Capture(ItemKind.DECISION, "Keep the price"))
    clock.advance(seconds=40)
    session.clock.checkpoint()
    # The process dies here: nothing else is saved. A new session reads the disk.
    again = MeetingSession(Store(store.data.root, clock), demo_meeting)
    assert again.meeting.current == 3
    assert [i.text for i in again.state.items_on(again.current)] == ["Keep the price"]
    assert again.clock.used(again.current) == 40


def test_skip_and_reorder(store: Store, demo_meeting: str) -> None:
    session = MeetingSession(store, demo_meeting)
    keys = [a.key for a in session.meeting.agenda]
    session.agenda.skip()
    assert session.meeting.agenda[0].progress is ItemProgress.SKIPPED
    assert session.meeting.current == 1
    assert session.agenda.move(2, -1) == 1
    reordered = [a.key for a in store.meeting(demo_meeting).agenda]
    assert reordered[1:3] == [keys[2], keys[1]]
    assert store.meeting(demo_meeting).agenda[2].key == keys[1]
    assert session.current.key == keys[1]  # the item on screen stays on screen


def test_finalize_makes_the_meeting_read_only_until_reopened(
    store: Store, demo_meeting: str
) -> None:
    session = MeetingSession(store, demo_meeting)
    session.start()
    session.closing.set_rating(8)
    session.closing.toggle_absent("Lena Fischer")
    session.closing.finalize()
    stored = store.meeting(demo_meeting)
    assert stored.state is MeetingState.FINALIZED and stored.rating == 8
    assert stored.absent == ["Lena Fischer"]
    read = MeetingSession(store, demo_meeting)
    with pytest.raises(ReviewError, match="read-only"):
        read.captures.capture(Capture(ItemKind.NOTE, "too late"))
    read.closing.reopen()
    read.captures.capture(Capture(ItemKind.NOTE, "added after reopening"))
    assert store.meeting(demo_meeting).state is MeetingState.IN_PROGRESS


def test_wrap_up_lists_what_is_left(store: Store, demo_meeting: str) -> None:
    session = MeetingSession(store, demo_meeting)
    session.captures.capture(Capture(ItemKind.ISSUE, "Catalogue timing"))
    session.agenda.go_to(first_measure(session))
    session.captures.capture(Capture(ItemKind.ACTION, "Fix the forecast", "maria", FRIDAY))
    summary = wrap_up(session)
    assert summary.by_kind == {ItemKind.ISSUE: 1, ItemKind.ACTION: 1}
    # Every open action leaving the meeting, by owner: captured here and carried in.
    leaving = {owner: [i.ref for i in items] for owner, items in summary.actions_by_owner.items()}
    captured = session.items[-1].ref
    assert leaving == {
        "James Okafor": ["A-2"],
        "Maria Gonzalez": [captured, "A-1"],
        "Priya Raman": ["A-3"],
        "Tom Becker": ["A-4"],
    }
    assert any("FIN-05" in w and "no action" in w for w in summary.warnings)
    assert not any("FIN-01" in w for w in summary.warnings)
    assert len(summary.present) == 6
    assert "I-" in " ".join(summary.will_carry) and "not reached" in " ".join(summary.will_carry)


def test_changes_made_from_the_shell_show_in_the_next_review(
    store: Store, demo_meeting: str
) -> None:
    lifecycle.set_status(store, "A-2", ActionStatus.DONE, Actor("James Okafor"), "called all ten")
    lifecycle.redate(store, "A-4", dt.date(2026, 12, 18), Actor("Tom Becker"))
    added, _ = actions.add_action(store, "Book the auditors", "maria", FRIDAY, "FIN-02")
    session = MeetingSession(store, demo_meeting)
    by_ref = {i.ref: i for i in session.carried}
    assert by_ref["A-2"].status is ActionStatus.DONE  # closed since M-1: shown as done
    assert by_ref["A-4"].due == dt.date(2026, 12, 18)
    assert added.ref in by_ref  # added from the shell: reviewed too
    assert "A-5" not in by_ref  # done before the previous meeting: not reviewed again


def test_an_edit_cannot_empty_an_item(store: Store, demo_meeting: str) -> None:
    session = MeetingSession(store, demo_meeting)
    note = session.captures.capture(Capture(ItemKind.NOTE, "keep me")).item
    with pytest.raises(ReviewError, match="nothing to save"):
        session.captures.edit(note.number, Capture(ItemKind.NOTE, "   "))
    assert store.items(demo_meeting)[0].text == "keep me"


def test_minutes_keep_what_the_review_did_after_later_changes(
    store: Store, demo_meeting: str
) -> None:
    session = MeetingSession(store, demo_meeting)
    session.review.close(1, ActionStatus.DONE)
    session.closing.finalize()
    # after the meeting:
    lifecycle.set_status(store, "A-2", ActionStatus.DONE, Actor("James Okafor"))
    lifecycle.redate(store, "A-4", dt.date(2027, 1, 15), Actor("Tom Becker"))
    read = MeetingSession(store, demo_meeting)
    outcomes = wrap_up(read).carried_outcomes
    assert outcomes == {"done": 1, "open": 3}  # as it was when the meeting ended
