"""Typing in a real terminal (tmux): an edit undone and redone, drafts that survive Esc,
quitting and a closed terminal, and whole lines sent in one burst."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from reviewtui.store.repository import Store
from tests.conftest import NORTHWIND_CSV
from tests.e2e.conftest import REVIEWTUI, Terminal


@pytest.fixture
def meeting(terminal: Terminal) -> str:
    """A planned Northwind meeting, its app open on the first measure."""
    env = {**os.environ, **terminal.env}
    subprocess.run(
        [REVIEWTUI, "meeting", "new", str(NORTHWIND_CSV)], env=env, check=True, capture_output=True
    )
    terminal.start(f"{REVIEWTUI} meeting run M-1")
    terminal.wait_for("Open actions from earlier")
    terminal.keys("Right")
    terminal.wait_for("item 2/23")
    return "M-1"


def texts(tmp_path: Path, meeting_id: str) -> list[str]:
    return [item.text for item in Store(tmp_path / "data").items(meeting_id)]


def ended(terminal: Terminal, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = subprocess.run(["tmux", "has-session", "-t", terminal.name], capture_output=True)
        if alive.returncode != 0:
            return True
        time.sleep(0.2)
    return False


def test_an_edit_is_undone_and_redone(terminal: Terminal, meeting: str, tmp_path: Path) -> None:
    terminal.keys("n")
    terminal.wait_for("New ✎ Note")
    terminal.type("Check the wholesale figures")
    terminal.keys("Enter")
    terminal.wait_for("Saved to disk")
    terminal.keys("Tab", "e")
    terminal.wait_for("Edit N-1")
    terminal.type(" and log them")
    terminal.keys("Enter")
    terminal.wait_for("N-1 updated")
    assert texts(tmp_path, meeting) == ["Check the wholesale figures and log them"]
    terminal.keys("u")
    terminal.wait_for("↶ N-1 text restored")
    assert texts(tmp_path, meeting) == ["Check the wholesale figures"]
    terminal.keys("U")
    terminal.wait_for("↷ N-1 text edited again")
    assert texts(tmp_path, meeting) == ["Check the wholesale figures and log them"]


def test_a_draft_survives_escape_and_quitting(
    terminal: Terminal, meeting: str, tmp_path: Path
) -> None:
    terminal.keys("n")
    terminal.wait_for("New ✎ Note")
    terminal.type("Half a thought about")
    terminal.keys("Escape")
    terminal.wait_for("Draft kept")
    terminal.keys("n")
    terminal.wait_for("Half a thought about")
    terminal.type(" the catalogue")
    terminal.keys("C-q")
    assert ended(terminal)
    again = Terminal(terminal.env)
    try:
        again.start(f"{REVIEWTUI} meeting run {meeting}")
        again.wait_for("item 2/23")
        again.keys("n")
        again.wait_for("Half a thought about the catalogue")
        again.keys("Enter")
        again.wait_for("Saved to disk")
    finally:
        again.close()
    assert texts(tmp_path, meeting) == ["Half a thought about the catalogue"]


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_closed_terminal_keeps_what_was_typed(
    terminal: Terminal, meeting: str, tmp_path: Path, sig: signal.Signals
) -> None:
    terminal.keys("a")
    terminal.wait_for("New ☐ Action")
    terminal.type("Typed as the lid closed @maria")
    terminal.wait_for("Owner: Maria Gonzalez")
    os.kill(terminal.pid(), sig)
    assert ended(terminal)
    drafts = Store(tmp_path / "data").meeting(meeting).drafts
    assert [d.text for d in drafts.values()] == ["Typed as the lid closed @maria"]


def test_twenty_lines_each_sent_in_one_burst_all_land(
    terminal: Terminal, meeting: str, tmp_path: Path
) -> None:
    lines = [f"Fix the lead form {n} @maria fri" for n in range(1, 21)]
    for line in lines:
        # One send-keys: the key, the whole line and Enter arrive together.
        subprocess.run(["tmux", "send-keys", "-t", terminal.name, "a", line, "Enter"], check=True)
    terminal.wait_for("Captured here (20)")
    saved = Store(tmp_path / "data").items(meeting)
    assert [i.text for i in saved] == [line.removesuffix(" @maria fri") for line in lines]
    assert {i.owner for i in saved} == {"Maria Gonzalez"}
