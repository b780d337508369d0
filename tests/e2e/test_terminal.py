"""The real thing in a real terminal (tmux): a meeting run, killed with SIGKILL, resumed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewtui.store.repository import Store
from tests.conftest import NORTHWIND_CSV

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
REVIEWTUI = str(Path(sys.executable).with_name("reviewtui"))


class Terminal:
    """A tmux session running one command, read and typed into like a person would."""

    def __init__(self, env: dict[str, str]) -> None:
        self.name = f"rt-{uuid.uuid4().hex[:8]}"
        self.env = env

    def start(self, command: str) -> None:
        exports = " ".join(f"{k}={v}" for k, v in self.env.items())
        subprocess.run(
            [
                "tmux",
                "new-session",
                "-d",
                "-s",
                self.name,
                "-x",
                "120",
                "-y",
                "36",
                f"export {exports}; exec {command}",
            ],
            check=True,
        )

    def screen(self) -> str:
        result = subprocess.run(
            ["tmux", "capture-pane", "-t", self.name, "-p"], capture_output=True, text=True
        )
        return result.stdout

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        for key in keys:
            subprocess.run(["tmux", "send-keys", "-t", self.name, key], check=True)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, "-l", text], check=True)

    def pid(self) -> int:
        result = subprocess.run(
            ["tmux", "list-panes", "-t", self.name, "-F", "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
        )
        return int(result.stdout.split()[0])

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    env = {
        "REVIEWTUI_DATA_DIR": str(tmp_path / "data"),
        "REVIEWTUI_CONFIG_DIR": str(tmp_path / "config"),
        "TERM": "xterm-256color",
    }
    term = Terminal(env)
    yield term
    term.close()


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
