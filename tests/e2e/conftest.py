"""A real terminal (tmux) to run the app in, read and typed into like a person would."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REVIEWTUI = str(Path(sys.executable).with_name("reviewtui"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Without tmux the terminal tests are skipped (``.ci/run`` installs it)."""
    if shutil.which("tmux") is None:
        for item in items:
            if "tests/e2e" in str(item.fspath):
                item.add_marker(pytest.mark.skip(reason="needs tmux"))


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
    """A tmux session with its own data, config and state dirs."""
    env = {
        "REVIEWTUI_DATA_DIR": str(tmp_path / "data"),
        "REVIEWTUI_CONFIG_DIR": str(tmp_path / "config"),
        "REVIEWTUI_STATE_DIR": str(tmp_path / "state"),
        "TERM": "xterm-256color",
    }
    term = Terminal(env)
    yield term
    term.close()
