"""Cold start to the first useful frame: ``reviewtui meeting run`` against a bare Textual app.

Both run in a real terminal (tmux, 120x36), polled every 2 ms, turn about (ours, then
the bare app, ``--runs`` times after a warm-up each), from launch until their first
useful frame is on screen: the meeting's title line and agenda for ours (drawn from the
meeting's file before it is loaded), the bare app's line for the yardstick
(``benchmarks/bare_textual.py``: Header, Static, Footer). Ours is also timed to its whole
screen: the meeting loaded, its clock running, keys acted on. Prints each side's median
and the ratio (of the medians, and the median of the run-by-run ratios).

Scenarios: ``northwind`` (the demo's data: an earlier meeting, its open actions) and
``large`` (``--measures`` synthetic measures, or the ``--scorecard`` file's, with
``--history`` past actions).

    python benchmarks/cold_start.py [--runs 9] [--scenario northwind,large] [--scorecard FILE]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from reviewtui.services.demo import seed_demo  # noqa: E402
from reviewtui.services.meetings import plan_meeting  # noqa: E402
from reviewtui.store.repository import Store  # noqa: E402
from scale import alternate, median_ratio, scorecard_file, seed_history  # noqa: E402

HERE = Path(__file__).parent
REVIEWTUI = str(Path(sys.executable).with_name("reviewtui"))
FIRST_FRAME = "item 1/"
"""On the first useful frame: the meeting's title line, drawn from its file (the agenda
beside it) before the meeting is loaded."""
WHOLE_SCREEN = "◷ Item"
"""On the meeting screen itself: its clock, running (the meeting loaded, keys acted on)."""


def first_frames(command: str, *markers: str) -> list[float]:
    """Seconds from launching ``command`` in tmux until each of ``markers`` is on screen."""
    name = f"cold-{os.getpid()}-{time.monotonic_ns()}"
    start = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "36", command], check=True
    )
    seen: dict[str, float] = {}
    try:
        while True:
            shown = subprocess.run(
                ["tmux", "capture-pane", "-t", name, "-p"], capture_output=True, text=True
            ).stdout
            for marker in markers:
                if marker in shown and marker not in seen:
                    seen[marker] = time.perf_counter() - start
            if len(seen) == len(markers):
                return [seen[marker] for marker in markers]
            if time.perf_counter() - start > 60:
                sys.exit(f"{markers!r} never all showed; the screen shows:\n{shown}")
            time.sleep(0.002)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def northwind(folder: Path) -> str:
    """The demo's data; returns the meeting to open."""
    return seed_demo(Store(folder / "data")).id


def large(folder: Path, measures: int, history: int, scorecard: Path | None = None) -> str:
    """``measures`` measures (or the ``scorecard`` file's), ``history`` past actions;
    returns a new meeting to open."""
    store = seed_history(folder / "data", scorecard_file(folder, measures, scorecard), history)
    card = store.scorecards()[0]
    return plan_meeting(store, card, date=store.clock.today(), length_minutes=60).id


def compare(label: str, folder: Path, meeting_id: str, runs: int) -> None:
    env = f"REVIEWTUI_DATA_DIR={folder / 'data'} REVIEWTUI_CONFIG_DIR={folder / 'config'}"
    env += f" REVIEWTUI_STATE_DIR={folder / 'state'}"
    ours_command = f"{env} exec {REVIEWTUI} meeting run {meeting_id}"
    bare_command = f"exec {sys.executable} {HERE / 'bare_textual.py'}"
    ours, bare = alternate(
        [
            lambda: first_frames(ours_command, FIRST_FRAME, WHOLE_SCREEN),
            lambda: first_frames(bare_command, "bare textual app ready"),
        ],
        runs,
    )
    bare_first = [each[0] for each in bare]
    for index, what in enumerate(("first frame", "whole screen")):
        mine = [each[index] for each in ours]
        ratio, paired = median_ratio(mine, bare_first)
        print(
            f"  {label:<34} {what:<12}  ours {statistics.median(mine) * 1000:6.0f} ms   bare "
            f"{statistics.median(bare_first) * 1000:6.0f} ms   ratio {ratio:4.2f}x "
            f"(paired {paired:4.2f}x)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--scenario", default="northwind,large")
    parser.add_argument("--scorecard", type=Path, help="for `large`: a scorecard file")
    parser.add_argument("--measures", type=int, default=1000)
    parser.add_argument("--history", type=int, default=10_000)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("this benchmark needs tmux (apt-get install tmux)")
    # A session that outlives the runs: without it the tmux server exits after each run
    # and the next launch races its shutdown (and pays its start).
    keeper = f"cold-keeper-{os.getpid()}"
    subprocess.run(["tmux", "new-session", "-d", "-s", keeper, "sleep 3600"], check=True)
    try:
        run_scenarios(args)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", keeper], capture_output=True)


def run_scenarios(args: argparse.Namespace) -> None:
    """Each scenario's comparison."""
    print(f"cold start to the first useful frame, {args.runs} alternated runs, tmux 120x36")
    for scenario in args.scenario.split(","):
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            if scenario == "northwind":
                compare("Northwind (demo data)", folder, northwind(folder), args.runs)
            else:
                meeting_id = large(folder, args.measures, args.history, args.scorecard)
                source = args.scorecard.name if args.scorecard else f"{args.measures} measures"
                label = f"{source}, {args.history:,} past actions"
                compare(label, folder, meeting_id, args.runs)


if __name__ == "__main__":
    main()
