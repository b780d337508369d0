"""Terminals closed as meetings open: does any app outlive its terminal?

Opens ``reviewtui meeting run`` in a real terminal (tmux) ``--runs`` times and closes the
terminal (``tmux kill-session``: SIGHUP, then nothing to draw on) as soon as the meeting's
first frame shows, while the meeting is still loading, and ``--late`` seconds after it
in every other run. Counts the apps still running two seconds later: each is a process
left waiting for ever on a closed terminal (0 expected; before ``ReviewApp.hang_up``
about 1 in 6 stayed).

    python benchmarks/hangup_storm.py [--runs 30] [--late 0.2]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reviewtui.services.demo import seed_demo
from reviewtui.store.repository import Store

REVIEWTUI = str(Path(sys.executable).with_name("reviewtui"))


def close_as_it_opens(env: str, meeting_id: str, late: float) -> int | None:
    """Open the meeting, close its terminal; the app's pid if it is still running."""
    name = f"hangup-{os.getpid()}-{time.monotonic_ns()}"
    command = f"{env} exec {REVIEWTUI} meeting run {meeting_id}"
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "36", command])
    pid = int(
        subprocess.run(
            ["tmux", "list-panes", "-t", name, "-F", "#{pane_pid}"], capture_output=True, text=True
        ).stdout.split()[0]
    )
    deadline = time.monotonic() + 30
    while (
        "item 1/"
        not in subprocess.run(
            ["tmux", "capture-pane", "-t", name, "-p"], capture_output=True, text=True
        ).stdout
    ):
        if time.monotonic() > deadline:
            sys.exit("the meeting never showed")
        time.sleep(0.002)
    time.sleep(late)
    subprocess.run(["tmux", "kill-session", "-t", name])
    time.sleep(2)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    os.kill(pid, signal.SIGKILL)  # counted; not left behind
    return pid


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--late", type=float, default=0.2, help="seconds, every other run")
    args = parser.parse_args()
    keeper = f"hangup-keeper-{os.getpid()}"
    subprocess.run(["tmux", "new-session", "-d", "-s", keeper, "sleep 3600"], check=True)
    try:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            meeting_id = seed_demo(Store(folder / "data")).id
            env = " ".join(
                f"REVIEWTUI_{kind}_DIR={folder / kind.lower()}"
                for kind in ("DATA", "CONFIG", "STATE")
            )
            left = [
                close_as_it_opens(env, meeting_id, args.late if run % 2 else 0.0)
                for run in range(args.runs)
            ]
    finally:
        subprocess.run(["tmux", "kill-session", "-t", keeper], capture_output=True)
    stayed = [pid for pid in left if pid is not None]
    print(f"terminals closed as the meeting opened: {args.runs}; apps left running: {len(stayed)}")


if __name__ == "__main__":
    main()
