"""The running app shows what another terminal changed, within a second."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reviewtui.services.actions import add_action
from reviewtui.services.session import MeetingSession, Reread
from reviewtui.store.repository import Store
from reviewtui.tui.app import ReviewApp
from tests.tui.meeting_app import screen_of

ROOT = Path(__file__).resolve().parents[2]


def shell(store: Store, *args: str) -> None:
    """Run a real `reviewtui` process on the same data dir, as an owner would."""
    env = {
        **os.environ,
        "REVIEWTUI_DATA_DIR": str(store.data.root),
        "PYTHONPATH": str(ROOT / "src"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "reviewtui", *args], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


async def screen_shows(pilot: Pilot[None], text: str, within: float) -> float | None:
    """Seconds until ``text`` is on screen, or None if it never came."""
    started = time.monotonic()
    while time.monotonic() - started < within:
        await pilot.pause(0.05)
        shown = "\n".join(str(w.render()) for w in pilot.app.screen.query("Static"))
        if text in shown:
            return time.monotonic() - started
    return None


async def test_an_action_added_in_the_shell_shows_on_its_measure_within_a_second(
    store: Store, demo_meeting: str
) -> None:
    app = ReviewApp(store, demo_meeting, cursor_blink=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right")  # the first measure: Revenue (FIN-01)
        await pilot.pause()
        assert "Revenue" in str(app.screen.query_one("#measure-title").render())
        shell(store, "action", "add", "Ring the wholesale buyers", "--owner", "maria",
              "--due", "fri", "--meeting", demo_meeting, "--measure", "FIN-01")  # fmt: skip
        took = await screen_shows(pilot, "Ring the wholesale buyers", within=1.0)
        assert took is not None, "the shell's action never appeared"


async def test_an_action_closed_in_the_shell_shows_done_in_the_review(
    store: Store, demo_meeting: str
) -> None:
    app = ReviewApp(store, demo_meeting, cursor_blink=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#review")
        assert "○ open" in str(table.get_row("1"))  # type: ignore[attr-defined]
        shell(store, "action", "done", "A-1", "--note", "sent to the board")
        started = time.monotonic()
        while time.monotonic() - started < 1.0:
            await pilot.pause(0.05)
            if "✔ done" in str(table.get_row("1")):  # type: ignore[attr-defined]
                break
        else:
            raise AssertionError("A-1 still shows open a second after the shell closed it")
        await pilot.press("c")  # pressing done again is not an error the row contradicts
        await pilot.pause()
        assert "✔ done" in str(table.get_row("1"))  # type: ignore[attr-defined]


async def test_what_changed_elsewhere_is_read_off_the_screens_thread(
    store: Store, demo_meeting: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    readers: list[threading.Thread] = []
    reread = MeetingSession.reread

    def spied(session: MeetingSession, own: Store | None = None) -> Reread:
        readers.append(threading.current_thread())
        assert own is not None and own is not session.store  # a store of the thread's own
        return reread(session, own)

    monkeypatch.setattr(MeetingSession, "reread", spied)
    app = ReviewApp(store, demo_meeting, cursor_blink=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right")
        other = Store(store.data.root, store.clock)
        add_action(other, "Ring the wholesale buyers", "Maria Gonzalez", None, "FIN-01")
        assert await screen_shows(pilot, "Ring the wholesale buyers", within=2.0) is not None
    assert readers and threading.main_thread() not in readers


async def test_a_reading_that_missed_our_own_save_is_not_shown_but_read_again(
    store: Store, demo_meeting: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The champion saves while the changes are being read: the reading (without that
    save) must not replace what the screen holds, or the capture would vanish from it."""
    go_on = threading.Event()
    readings = 0
    reread = MeetingSession.reread

    def slow(session: MeetingSession, own: Store | None = None) -> Reread:
        nonlocal readings
        found = reread(session, own)
        readings += 1
        if readings == 1:
            go_on.wait(10)  # read before the capture below, handed over after it
        return found

    monkeypatch.setattr(MeetingSession, "reread", slow)
    app = ReviewApp(store, demo_meeting, cursor_blink=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right")
        other = Store(store.data.root, store.clock)
        add_action(other, "Ring the wholesale buyers", "Maria Gonzalez", None, "FIN-01")
        while readings == 0:
            await pilot.pause(0.05)
        await pilot.press("d", *"Keep the forecast", "enter")
        await pilot.pause()
        go_on.set()
        assert await screen_shows(pilot, "Ring the wholesale buyers", within=2.0) is not None
        texts = [item.text for item in screen_of(app).session.state.items]
        assert "Keep the forecast" in texts
        assert readings == 2
