"""A real ``reviewtui serve`` on a free loopback port, over a real data dir."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reviewtui.services.demo import seed_demo
from reviewtui.store.repository import Store

REVIEWTUI = str(Path(sys.executable).with_name("reviewtui"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Served:
    """A running server: its link, and the data dir it serves."""

    process: subprocess.Popen[str]
    link: str
    root: Path
    meeting_id: str

    @property
    def base(self) -> str:
        return self.link.rsplit("/", 1)[0]

    @property
    def token(self) -> str:
        return self.link.rsplit("/", 1)[1]

    def stop(self) -> tuple[int, str]:
        """Ctrl+C, as a person stops it; the exit code and what it said on stderr."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        _, err = self.process.communicate(timeout=20)
        return self.process.returncode, err


ServeFactory = Callable[..., Served]


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[ServeFactory]:
    """Start ``reviewtui serve`` on the demo's planned meeting (extra CLI options as
    arguments); every server started is stopped at the end."""
    root = tmp_path / "data"
    meeting_id = seed_demo(Store(root)).id
    started: list[Served] = []

    def start(*options: str) -> Served:
        env = {**os.environ, "REVIEWTUI_DATA_DIR": str(root), "NO_COLOR": "1"}
        command = [REVIEWTUI, "serve", "--port", str(free_port()), *options]
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert process.stdout is not None
        link = process.stdout.readline().strip()
        assert link.startswith("http://"), process.communicate(timeout=10)
        served = Served(process, link, root, meeting_id)
        started.append(served)
        return served

    yield start
    for served in started:
        if served.process.poll() is None:
            served.process.kill()
            served.process.wait()
