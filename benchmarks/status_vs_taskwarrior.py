"""``reviewtui status --owner X`` against taskwarrior 2.6 on the same size of history.

Builds 10,000 actions over 100 meetings in a reviewtui data dir, and 10,000 pending
tasks in 100 projects in a taskwarrior data dir, then times (wall clock, whole process,
output piped) ``reviewtui status --owner NAME`` and ``task project:P list``.

    python benchmarks/status_vs_taskwarrior.py [--runs 15]

Needs taskwarrior (Debian package ``taskwarrior``) for the comparison; without it only
reviewtui is timed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from capture_latency import seed_history  # noqa: E402
from reviewtui.importers import load_scorecard  # noqa: E402
from reviewtui.store.repository import Store  # noqa: E402

SAMPLE = (
    Path(__file__).resolve().parents[1] / "sample_scorecards" / "northwind_balanced_scorecard.csv"
)
ACTIONS, MEETINGS = 10_000, 100


def timed(command: list[str], env: dict[str, str], runs: int) -> tuple[float, float, int]:
    """(min ms, median ms, output lines) over ``runs`` runs after one warm-up."""
    subprocess.run(command, env=env, capture_output=True, check=True)
    samples = []
    lines = 0
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        samples.append((time.perf_counter() - start) * 1000)
        lines = len(result.stdout.splitlines())
    return min(samples), statistics.median(samples), lines


def build_taskwarrior(folder: Path) -> dict[str, str]:
    """A taskwarrior data dir with ACTIONS pending tasks in MEETINGS projects."""
    rc = folder / "taskrc"
    rc.write_text(f"data.location={folder / 'task'}\nconfirmation=off\nverbose=nothing\n")
    env = {**os.environ, "TASKRC": str(rc)}
    tasks = [
        {
            "description": f"Follow up on measure {n % 20} with the regional team",
            "status": "pending",
            "project": f"meeting{n % MEETINGS}",
            "due": f"2026{1 + n % 12:02d}{1 + n % 28:02d}T000000Z",
            "entry": "20260101T000000Z",
        }
        for n in range(ACTIONS)
    ]
    source = folder / "tasks.json"
    source.write_text(json.dumps(tasks))
    subprocess.run(["task", "import", str(source)], env=env, capture_output=True, check=True)
    return env


def main() -> None:
    """Build both histories and print the timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as folder:
        root = Path(folder) / "reviewtui"
        store = Store(root)
        store.save_scorecard(load_scorecard(SAMPLE))
        owners = [p.name for p in load_scorecard(SAMPLE).people]
        seed_history(store, ACTIONS, MEETINGS, owners=owners)
        env = {**os.environ, "REVIEWTUI_DATA_DIR": str(root)}
        reviewtui = shutil.which("reviewtui") or "reviewtui"
        print(
            f"history: {ACTIONS:,} actions over {MEETINGS} meetings; {args.runs} runs each, piped"
        )
        print(f"{'command':<44} {'min ms':>7} {'median':>7} {'lines':>6}")
        for label, command in (
            (
                "reviewtui status --owner 'Priya Raman'",
                [reviewtui, "status", "--owner", "Priya Raman"],
            ),
            (
                "reviewtui status --owner priya --overdue",
                [reviewtui, "status", "--owner", "priya", "--overdue"],
            ),
            (
                "reviewtui status --owner 'Priya Raman' --json",
                [reviewtui, "status", "--owner", "Priya Raman", "--json"],
            ),
        ):
            fastest, median, lines = timed(command, env, args.runs)
            print(f"{label:<44} {fastest:7.1f} {median:7.1f} {lines:6}")
        if shutil.which("task") is None:
            print("taskwarrior not installed: apt-get install taskwarrior to compare")
            return
        task_env = build_taskwarrior(Path(folder))
        version = subprocess.run(
            ["task", "--version"], env=task_env, capture_output=True, text=True
        ).stdout.strip()
        fastest, median, lines = timed(
            ["task", "project:meeting7", "status:pending", "list"], task_env, args.runs
        )
        label = f"task {version} project:meeting7 list"
        print(f"{label:<44} {fastest:7.1f} {median:7.1f} {lines:6}")


if __name__ == "__main__":
    main()
