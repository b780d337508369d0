"""The real thing in a real terminal (tmux): a meeting run, killed with SIGKILL, resumed."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from reviewtui.store.repository import Store
from tests.conftest import NORTHWIND_CSV
from tests.e2e.conftest import REVIEWTUI, Terminal
from tests.locking import let_go, lock_held


def test_killed_mid_meeting_resumes_at_the_same_item(terminal: Terminal, tmp_path: Path) -> None:
    env = {**os.environ, **terminal.env}
    planned = subprocess.run(
        [REVIEWTUI, "meeting", "new", str(NORTHWIND_CSV), "--length", "30"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    meeting_id = planned.stdout.strip()
    assert meeting_id == "M-1"

    terminal.start(f"{REVIEWTUI} meeting run {meeting_id}")
    terminal.wait_for("Open actions from earlier")
    terminal.keys("Right")
    terminal.wait_for("item 2/23")
    terminal.keys("a")
    terminal.wait_for("New ☐ Action")
    terminal.type("Re-phase the forecast @maria fri")
    terminal.wait_for("Owner: Maria Gonzalez")  # the preview, before saving
    terminal.keys("Enter")
    terminal.wait_for("Saved to disk")
    terminal.keys("d")
    terminal.wait_for("New ◆ Decision")
    terminal.type("Pull the winter promotion forward")
    terminal.keys("Enter")
    terminal.wait_for("Captured here (2)")
    terminal.keys("Right")
    terminal.wait_for("item 3/23")

    os.kill(terminal.pid(), signal.SIGKILL)  # no clean shutdown, no final save
    time.sleep(0.5)
    terminal.close()

    store = Store(tmp_path / "data")
    assert [i.text for i in store.items(meeting_id)] == [
        "Re-phase the forecast",
        "Pull the winter promotion forward",
    ]
    again = type(terminal)(terminal.env)
    try:
        again.start(f"{REVIEWTUI} meeting run")  # the latest unfinished meeting
        shown = again.wait_for("item 3/23")
        assert "Cash conversion cycle" in shown
        again.keys("Left")
        shown = again.wait_for("Captured here (2)")
        assert "Re-phase the forecast" in shown
    finally:
        again.close()


def test_demo_opens_a_real_meeting_and_cleans_up(terminal: Terminal, tmp_path: Path) -> None:
    marker = tmp_path / "after"
    terminal.start(f"sh -c '{REVIEWTUI} demo; echo exited $? > {marker}'")
    shown = terminal.wait_for("Open actions from earlier meetings (4)")
    assert "Re-phase the Q4" in shown
    terminal.keys("C-q")
    deadline = time.monotonic() + 10
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert marker.read_text().strip() == "exited 0"


def shown_soon(terminal: Terminal, text: str, timeout: float = 20) -> None:
    """Wait for ``text``, looking every 2 ms (``wait_for`` looks every 0.2 s: the meeting's
    first frame is on screen for about that long before the meeting replaces it)."""
    deadline = time.monotonic() + timeout
    while text not in terminal.screen():
        assert time.monotonic() < deadline, f"{text!r} never appeared"
        time.sleep(0.002)


def test_a_meeting_opens_from_its_file_and_keys_typed_at_once_count(
    terminal: Terminal, tmp_path: Path
) -> None:
    """`meeting run ID` draws the meeting from its file first: what is typed as soon as it
    shows reaches the meeting; a terminal closed as it opens ends the process (it once
    waited for ever, writing to the closed terminal)."""
    env = {**os.environ, **terminal.env}
    subprocess.run(
        [REVIEWTUI, "meeting", "new", str(NORTHWIND_CSV)], env=env, capture_output=True, check=True
    )
    terminal.start(f"{REVIEWTUI} meeting run M-1")
    shown_soon(terminal, "item 1/23")
    terminal.keys("n")
    terminal.type("Typed as it opened")
    terminal.keys("Enter")
    shown = terminal.wait_for("Captured here (1)")
    assert "Typed as it opened" in shown
    terminal.close()

    # Another process writing holds the meeting in its first frame: the terminal closes
    # then, and the meeting loads with nothing left to draw on.
    store = Store(tmp_path / "data")
    again = type(terminal)(terminal.env)
    with lock_held(store) as holder:
        again.start(f"{REVIEWTUI} meeting run M-1")
        pid = again.pid()
        shown_soon(again, "Opening the meeting")
        again.close()  # SIGHUP
        time.sleep(0.3)
        let_go(holder)
    deadline = time.monotonic() + 5
    while Path(f"/proc/{pid}").exists():
        assert time.monotonic() < deadline, "the app outlived its terminal"
        time.sleep(0.05)
    assert [i.text for i in Store(tmp_path / "data").items("M-1")] == ["Typed as it opened"]
