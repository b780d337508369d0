"""Another process writing (holding the data folder's lock) never freezes the meeting
screen for long, and nothing the champion did is shown as saved unless it is on disk."""

from __future__ import annotations

import contextlib
import subprocess
import threading
import time
from collections.abc import AsyncIterator

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from reviewtui.domain.agenda_terms import ItemProgress
from reviewtui.domain.capture import ActionStatus
from reviewtui.domain.meeting import MeetingState
from reviewtui.errors import LockTimeoutError
from reviewtui.store.repository import Store
from reviewtui.tui import busy
from reviewtui.tui.app import LOCK_WAIT_SECONDS
from reviewtui.tui.screens.meeting import MeetingScreen
from reviewtui.tui.widgets.dock_input import DockInput
from tests.locking import let_go, lock_held
from tests.tui.meeting_app import SIZE, app_for, screen_of
from tests.tui.notes import Note, record_notes


def saved_texts(store: Store, meeting_id: str) -> list[str]:
    return [item.text for item in Store(store.data.root).items(meeting_id)]


@contextlib.asynccontextmanager
async def open_then_locked(
    store: Store, meeting_id: str
) -> AsyncIterator[tuple[Pilot[None], MeetingScreen, subprocess.Popen[str], list[Note]]]:
    """The meeting on screen, then another process taking the lock; what the app said."""
    app = app_for(store, meeting_id)
    notes = record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        with lock_held(store) as holder:
            await pilot.pause()
            yield pilot, screen_of(app), holder, notes


async def test_a_capture_while_another_process_writes_waits_on_its_line_not_the_screen(
    store: Store, demo_meeting: str
) -> None:
    """Enter says it will save once the other process has written, the screen goes on,
    and the item is saved (and only then shown as saved) as soon as the lock is free."""
    async with open_then_locked(store, demo_meeting) as (pilot, screen, lock_holder, notes):
        assert screen.session.store.data.lock_wait == LOCK_WAIT_SECONDS  # not a command's 15 s
        await pilot.press("n", *"Ring buyers")
        started = time.monotonic()
        await pilot.press("enter")
        assert time.monotonic() - started < 0.9  # nothing waited for the lock (1 s)
        preview = str(screen.query_one("#capture-preview", Static).render())
        assert "Saving as soon as another reviewtui process has written" in preview
        assert screen.capture_line.is_open
        await pilot.pause(0.3)  # still held: still waiting, the line still open
        assert screen.capture_line.is_open and "Not saved" not in [n.title for n in notes]
        let_go(lock_holder)
        for _ in range(20):
            await pilot.pause(0.05)
            if not screen.capture_line.is_open:
                break
        assert saved_texts(store, demo_meeting) == ["Ring buyers"]
        assert [n.title for n in notes][-1] == "Saved to disk"


async def test_a_capture_waits_as_long_as_a_command_then_says_why(
    store: Store, demo_meeting: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(busy, "WAIT_SECONDS", 0.3)
    async with open_then_locked(store, demo_meeting) as (pilot, screen, lock_holder, _):
        await pilot.press("n", *"Ring buyers", "enter")
        await pilot.pause(0.6)
        preview = str(screen.query_one("#capture-preview", Static).render())
        assert "Not saved" in preview and "another reviewtui process is writing" in preview
        assert screen.query_one("#capture-entry", DockInput).value == "Ring buyers"
        let_go(lock_holder)
        await pilot.pause(0.3)
        assert saved_texts(store, demo_meeting) == []  # gave up: nothing behind the screen
        await pilot.press("enter")  # the same line, tried again
        await pilot.pause()
        assert saved_texts(store, demo_meeting) == ["Ring buyers"]


async def test_esc_while_a_capture_waits_keeps_it_as_a_draft(
    store: Store, demo_meeting: str
) -> None:
    async with open_then_locked(store, demo_meeting) as (pilot, screen, lock_holder, _):
        await pilot.press("n", *"Ring buyers", "enter", "enter", "escape")
        assert not screen.capture_line.is_open
        let_go(lock_holder)
        await pilot.pause(0.4)
        assert saved_texts(store, demo_meeting) == []  # no retry saved it behind Esc
        screen._tick()  # the drafts' save, now the lock is free
        drafts = Store(store.data.root).meeting(demo_meeting).drafts
        assert [d.text for d in drafts.values()] == ["Ring buyers"]


async def test_a_step_while_another_process_writes_is_made_once_it_is_done(
    store: Store, demo_meeting: str
) -> None:
    """The screen stays where the disk is (and says why) until the step is saved; then it
    moves on by itself. Nothing waits on the screen's thread meanwhile."""
    async with open_then_locked(store, demo_meeting) as (pilot, screen, lock_holder, notes):
        session = screen.session
        started = time.monotonic()
        await pilot.press("right")
        assert time.monotonic() - started < 0.9  # nothing waited for the lock (1 s)
        assert session.meeting.current == 0  # still on the item shown
        assert session.current.progress is ItemProgress.PENDING  # not marked done either
        assert [n.title for n in notes] == ["Not moved yet"]
        await pilot.pause(0.3)
        assert session.meeting.current == 0 and len(notes) == 1  # said once
        let_go(lock_holder)
        for _ in range(20):
            await pilot.pause(0.05)
            if session.meeting.current == 1:
                break
        assert session.meeting.current == 1
        on_disk = Store(store.data.root).meeting(demo_meeting)
        assert on_disk.current == 1 and on_disk.agenda[0].progress is ItemProgress.DONE


async def test_a_step_waits_as_long_as_a_command_then_is_not_made(
    store: Store, demo_meeting: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(busy, "WAIT_SECONDS", 0.3)
    async with open_then_locked(store, demo_meeting) as (pilot, screen, lock_holder, notes):
        await pilot.press("right")
        await pilot.pause(0.6)
        assert [n.title for n in notes] == ["Not moved yet", "Not saved"]
        assert "another reviewtui process is writing" in notes[1].message
        let_go(lock_holder)
        await pilot.pause(0.3)
        assert screen.session.meeting.current == 0  # given up: not made behind the screen
        await pilot.press("right")
        assert screen.session.meeting.current == 1


async def test_saves_nobody_asked_for_say_once_that_they_wait(
    store: Store, demo_meeting: str
) -> None:
    """Drafts each second and the clock: tried without waiting, one warning while the
    other process writes (not one a second), and typed text stays in memory until the
    lock is let go."""
    async with open_then_locked(store, demo_meeting) as (pilot, screen, lock_holder, notes):
        await pilot.press("a", *"Half")
        for _ in range(3):
            screen._tick()  # the one-second tick
        assert [n.title for n in notes] == ["Not saved yet"]
        let_go(lock_holder)
        screen._tick()
        drafts = Store(store.data.root).meeting(demo_meeting).drafts
        assert [d.text for d in drafts.values()] == ["Half"]


def test_a_field_whose_save_fails_is_taken_back(store: Store, demo_meeting: str) -> None:
    from reviewtui.services.session import MeetingSession

    session = MeetingSession(store, demo_meeting)
    store.wait_for_writers_at_most(0.1)
    with lock_held(store), pytest.raises(LockTimeoutError):
        session.agenda.skip()
    assert session.meeting.current == 0
    assert session.current.progress is ItemProgress.PENDING
    assert Store(store.data.root).meeting(demo_meeting).agenda[0].progress is ItemProgress.PENDING
    session.start()
    with lock_held(store), pytest.raises(LockTimeoutError):
        session.clock.toggle_pause()
    assert not session.clock.paused  # the screen says running, as the disk does
    with lock_held(store), pytest.raises(LockTimeoutError):
        session.closing.set_rating(4)
    assert session.meeting.rating is None
    with lock_held(store), pytest.raises(LockTimeoutError):
        session.state.commit(current=3, drafts={})  # the one way fields are saved
    assert session.meeting.current == 0


async def test_a_meeting_opened_while_another_process_writes_starts_once_it_is_done(
    store: Store, demo_meeting: str
) -> None:
    """Starting is not waited for on the screen's thread either: said once, tried again
    each second."""
    app = app_for(store, demo_meeting)
    notes = record_notes(app)
    with lock_held(store) as holder:
        started = time.monotonic()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert time.monotonic() - started < 0.9  # nothing waited for the lock (1 s)
            screen = screen_of(app)
            assert screen.session.clock.paused  # not started: the disk says planned
            assert screen.session.meeting.state is MeetingState.PLANNED
            assert [n.title for n in notes] == ["Not saved yet"]
            let_go(holder)
            screen._tick()
            assert not screen.session.clock.paused
            on_disk = Store(store.data.root).meeting(demo_meeting)
            assert on_disk.state is MeetingState.IN_PROGRESS


def clock_line(screen: MeetingScreen) -> str:
    return str(screen.query_one("#clock", Static).render())


async def test_review_outcomes_and_an_undo_wait_in_order_and_are_made_once_it_is_done(
    store: Store, demo_meeting: str
) -> None:
    """A "done", a drop and an undo pressed while another process writes: none waits on
    the screen's thread, the clock line counts them, nothing is shown as made until it
    is on disk, and the disk sees them in the order pressed (the undo takes back the
    drop, not the done)."""
    async with open_then_locked(store, demo_meeting) as (pilot, screen, lock_holder, notes):
        started = time.monotonic()
        await pilot.press("c", "down", "x", "u")  # A-1 done, A-3 dropped, undo
        assert time.monotonic() - started < 0.9  # nothing waited for the lock (1 s)
        assert [n.title for n in notes] == ["Not saved yet"]  # said once, not per change
        assert "A-1 done" in notes[0].message
        assert "⧗ 3 changes wait to be saved" in clock_line(screen)
        statuses = {i.ref: i.status for i in screen.session.carried}
        assert statuses["A-1"] is ActionStatus.OPEN  # the screen shows what the disk holds
        let_go(lock_holder)
        for _ in range(20):
            await pilot.pause(0.05)
            if not screen.pending.queue:
                break
        by_ref = {i.ref: i.status for i in Store(store.data.root).all_items()}
        assert (by_ref["A-1"], by_ref["A-3"]) == (ActionStatus.DONE, ActionStatus.OPEN)
        assert "wait to be saved" not in clock_line(screen)
        assert [n.title for n in notes][-1] == "Saved to disk"  # the undo, said last


async def test_waiting_changes_are_given_up_together_saying_which(
    store: Store, demo_meeting: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(busy, "WAIT_SECONDS", 0.3)
    async with open_then_locked(store, demo_meeting) as (pilot, screen, lock_holder, notes):
        await pilot.press("c", "down", "x")
        await pilot.pause(0.6)
        assert [n.title for n in notes] == ["Not saved yet", "Not saved"]
        assert "A-1 done, A-3 dropped" in notes[1].message
        assert "wait to be saved" not in clock_line(screen)
        let_go(lock_holder)
        await pilot.pause(0.3)
        by_ref = {i.ref: i.status for i in Store(store.data.root).all_items()}
        assert by_ref["A-1"] is ActionStatus.OPEN  # given up: not made behind the screen


async def test_quitting_makes_the_waiting_changes_first(store: Store, demo_meeting: str) -> None:
    """Quit waits for the other process as a command does, then saves what waited."""
    async with open_then_locked(store, demo_meeting) as (pilot, screen, lock_holder, _):
        await pilot.press("c")
        assert screen.pending.queue
        threading.Timer(0.3, let_go, (lock_holder,)).start()
        screen.app.save_and_exit()
    by_ref = {i.ref: i.status for i in Store(store.data.root).all_items()}
    assert by_ref["A-1"] is ActionStatus.DONE


async def test_a_pause_while_another_process_writes_is_made_once_it_is_done(
    store: Store, demo_meeting: str
) -> None:
    """Space used to end the app with a traceback when the lock was held past a second."""
    store.wait_for_writers_at_most(0.1)
    async with open_then_locked(store, demo_meeting) as (pilot, screen, lock_holder, notes):
        await pilot.press("space")
        await pilot.pause(0.3)
        assert screen.app.is_running and not screen.session.clock.paused
        assert "⧗ 1 change waits to be saved" in clock_line(screen)
        let_go(lock_holder)
        for _ in range(20):
            await pilot.pause(0.05)
            if screen.session.clock.paused:
                break
        assert "PAUSED" in clock_line(screen)
        assert [n.message for n in notes][-1] == "⏸ Clock paused"
