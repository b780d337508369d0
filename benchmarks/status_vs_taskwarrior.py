"""``reviewtui status --owner X`` against taskwarrior listing the same owner's pending tasks.

Builds a data dir the way the app does (``--history`` actions captured in 100 meetings
run through ``MeetingSession``, all left open), then a taskwarrior data dir holding the
same open actions (one pending task each, tagged with its owner). Times, whole process
and output piped, turn about: ``reviewtui status --owner NAME`` and
``task +TAG status:pending list``, and checks both list the same number of actions.
Prints the medians and the ratio.

    python benchmarks/status_vs_taskwarrior.py [--runs 15] [--history 10000]

Needs taskwarrior (Debian package ``taskwarrior``).
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from scale import NORTHWIND, alternate, median_ratio, seed_history, wall  # noqa: E402

OWNER = "Priya Raman"


def build_taskwarrior(folder: Path, actions: list[dict[str, object]]) -> dict[str, str]:
    """A taskwarrior data dir with one pending task per open action, tagged by owner."""
    rc = folder / "taskrc"
    rc.write_text(f"data.location={folder / 'task'}\nconfirmation=off\nverbose=nothing\n")
    env = {**os.environ, "TASKRC": str(rc)}
    tasks = [
        {
            "description": action["action"],
            "status": "pending",
            "tags": [str(action["owner"]).replace(" ", "")],
            "due": str(action["due"]).replace("-", "") + "T000000Z",
            "entry": "20260101T000000Z",
        }
        for action in actions
    ]
    source = folder / "tasks.json"
    source.write_text(json.dumps(tasks))
    subprocess.run(["task", "import", str(source)], env=env, capture_output=True, check=True)
    return env


def main() -> None:
    """Build both sides and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--history", type=int, default=10_000)
    args = parser.parse_args()
    if shutil.which("task") is None:
        sys.exit("needs taskwarrior: apt-get install taskwarrior")
    reviewtui = str(Path(sys.executable).with_name("reviewtui"))
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as name:
        folder = Path(name)
        seed_history(folder / "data", NORTHWIND, args.history, close_carried=False)
        env = {**os.environ, "REVIEWTUI_DATA_DIR": str(folder / "data")}
        listed = subprocess.run(
            [reviewtui, "status", "--json"], env=env, capture_output=True, check=True
        )
        actions = json.loads(listed.stdout)
        task_env = build_taskwarrior(folder, actions)
        ours_command = [reviewtui, "status", "--owner", OWNER]
        task_command = ["task", f"+{OWNER.replace(' ', '')}", "status:pending", "list"]
        ours_rows = sum(1 for a in actions if a["owner"] == OWNER)
        counted = subprocess.run(
            ["task", f"+{OWNER.replace(' ', '')}", "status:pending", "count"],
            env=task_env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        floor = [sys.executable, "-c", "pass"]  # what any Python command pays here
        version_command = [reviewtui, "--version"]  # the interpreter, click and our imports
        ours, theirs, bare, imports = alternate(
            [
                lambda: wall(ours_command, env),
                lambda: wall(task_command, task_env),
                lambda: wall(floor, env),
                lambda: wall(version_command, env),
            ],
            args.runs,
        )
        version = subprocess.run(
            ["task", "--version"], env=task_env, capture_output=True, text=True
        ).stdout.strip()
        ratio, paired = median_ratio(ours, theirs)
        print(
            f"{len(actions):,} open actions in 100 meetings (app-written); {OWNER}: "
            f"{ours_rows} in reviewtui, {counted.stdout.strip()} in taskwarrior; "
            f"{args.runs} alternated runs, output piped"
        )
        ours_ms = statistics.median(ours) * 1000
        print(f"  reviewtui status --owner '{OWNER}'   median {ours_ms:6.1f} ms")
        print(f"  task {version} +{OWNER.replace(' ', '')} list   median "
              f"{statistics.median(theirs) * 1000:6.1f} ms")  # fmt: skip
        print(f"  ratio {ratio:.2f}x (paired {paired:.2f}x); goal <= 0.7x")
        print(f"  of which: python -c pass {statistics.median(bare) * 1000:6.1f} ms, "
              f"reviewtui --version {statistics.median(imports) * 1000:6.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
