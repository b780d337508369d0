"""Cold start of ``reviewtui demo`` to its first frame, and the time of one agenda step.

Both are measured as a person sees them, in a real terminal (tmux) polled every 2 ms:
cold start from launching ``reviewtui demo`` until the first agenda item is drawn; one
agenda step from sending → until the next item's number is on screen, over every item
of the demo agenda (with an action on every off-track measure, so no step is held back
by a warning).

    python benchmarks/meeting_ui.py [--runs 5] [--rounds 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reviewtui.services.actions import add_action
from reviewtui.services.demo import seed_demo
from reviewtui.services.session import MeetingSession
from reviewtui.store.repository import Store

FIRST_FRAME = "Open actions from earlier meetings (4)"


def cold_start(runs: int) -> list[float]:
    """Seconds from launching ``reviewtui demo`` in tmux until its first frame shows."""
    if shutil.which("tmux") is None:
        sys.exit("this benchmark needs tmux (apt-get install tmux)")
    reviewtui = str(Path(sys.executable).with_name("reviewtui"))
    timings = []
    for run in range(runs):
        name = f"bench-{os.getpid()}-{run}"
        with tempfile.TemporaryDirectory() as config:
            start = time.perf_counter()
            subprocess.run(
                [
                    "tmux",
                    "new-session",
                    "-d",
                    "-s",
                    name,
                    "-x",
                    "120",
                    "-y",
                    "36",
                    f"REVIEWTUI_CONFIG_DIR={config} exec {reviewtui} demo",
                ],
                check=True,
            )
            while True:
                shown = subprocess.run(
                    ["tmux", "capture-pane", "-t", name, "-p"], capture_output=True, text=True
                ).stdout
                if FIRST_FRAME in shown:
                    timings.append(time.perf_counter() - start)
                    break
                if time.perf_counter() - start > 30:
                    sys.exit(f"no first frame after 30 s; the screen shows:\n{shown}")
                time.sleep(0.005)
            subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
    return timings


def terminal_steps(rounds: int) -> list[float]:
    """Seconds from sending → in tmux until the next item's number is on screen."""
    reviewtui = str(Path(sys.executable).with_name("reviewtui"))
    name = f"bench-steps-{os.getpid()}"
    timings = []
    with tempfile.TemporaryDirectory() as config, tempfile.TemporaryDirectory() as data:
        meeting_id = _demo_without_warnings(Path(data))
        command = (
            f"REVIEWTUI_CONFIG_DIR={config} REVIEWTUI_DATA_DIR={data} "
            f"exec {reviewtui} meeting run {meeting_id}"
        )
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "36", command],
            check=True,
        )
        try:
            _wait(name, "item 1/23")
            for _ in range(rounds):
                _keys(name, "g")
                time.sleep(0.3)  # let the agenda take the focus first
                _keys(name, "Home", "Enter")
                _wait(name, "item 1/23")
                for number in range(2, 24):
                    start = time.perf_counter()
                    _keys(name, "Right")
                    _wait(name, f"item {number}/23")
                    timings.append(time.perf_counter() - start)
        finally:
            subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
    return timings


def _demo_without_warnings(root: Path) -> str:
    """The demo's data, with an action on every off-track measure so no step is held back."""
    store = Store(root)
    meeting = seed_demo(store)
    session = MeetingSession(store, meeting.id)
    for item in session.meeting.agenda:
        if session.agenda.leave_warnings(item):
            measure = session.state.measure(item)
            assert measure is not None
            add_action(
                store,
                f"Recover {measure.name}",
                measure.owner or "Maria Gonzalez",
                dt.date(2026, 12, 31),
                measure.id,
            )
    return meeting.id


def _keys(name: str, *keys: str) -> None:
    for key in keys:
        subprocess.run(["tmux", "send-keys", "-t", name, key], check=True)


def _wait(name: str, *texts: str) -> str:
    deadline = time.perf_counter() + 10
    while time.perf_counter() < deadline:
        shown = subprocess.run(
            ["tmux", "capture-pane", "-t", name, "-p"], capture_output=True, text=True
        ).stdout
        if any(text in shown for text in texts):
            return shown
        time.sleep(0.002)
    sys.exit(f"none of {texts} appeared; the screen shows:\n{shown}")


def report(label: str, seconds: list[float]) -> None:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    print(
        f"{label:<34} n={len(ms):<3} min {ms[0]:7.1f} ms   median {statistics.median(ms):7.1f} ms"
        f"   p95 {p95:7.1f} ms   max {ms[-1]:7.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    report("cold start to first frame (demo)", cold_start(args.runs))
    report("one agenda step (key to redraw)", terminal_steps(args.rounds))


if __name__ == "__main__":
    main()
