"""How long ``reviewtui action import`` takes for a big taskwarrior export.

Writes a ``task export``-shaped JSON file of N tasks (pending, completed, deleted, with
owners, due dates, projects and tags), imports it into a fresh data dir with the
Northwind scorecard, then imports it again (everything already there), timing both as
whole ``reviewtui`` processes.

    python benchmarks/action_import.py [--tasks 5000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OWNERS = ["maria", "priya", "tom", "james", "lena", "sam"]
STATUSES = ["pending"] * 6 + ["completed"] * 3 + ["deleted"]


def export(count: int) -> list[dict[str, object]]:
    """``count`` tasks as ``task export`` writes them."""
    return [
        {
            "id": n + 1,
            "uuid": f"{n:08x}-1111-2222-3333-444444444444",
            "description": f"Follow up item {n}",
            "status": STATUSES[n % len(STATUSES)],
            "entry": "20261001T090000Z",
            "due": f"202612{n % 28 + 1:02d}T170000Z",
            "project": f"meeting{n % 100}",
            "tags": ["review", f"q{n % 4 + 1}"],
            "owner": OWNERS[n % len(OWNERS)],
            **({"end": "20261020T120000Z"} if STATUSES[n % len(STATUSES)] != "pending" else {}),
        }
        for n in range(count)
    ]


def timed(*args: str) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(
        [str(Path(sys.executable).with_name("reviewtui")), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - start, result.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        tasks = Path(folder) / "tasks.json"
        tasks.write_text(json.dumps(export(args.tasks)))
        sample = str(ROOT / "sample_scorecards" / "northwind_balanced_scorecard.csv")
        timed("--data-dir", str(data), "import", sample)
        first, said = timed("--data-dir", str(data), "action", "import", str(tasks))
        print(f"first import of {args.tasks} tasks:  {first:6.2f} s   ({said})")
        second, said = timed("--data-dir", str(data), "action", "import", str(tasks))
        print(f"same file again:            {second:6.2f} s   ({said})")


if __name__ == "__main__":
    main()
