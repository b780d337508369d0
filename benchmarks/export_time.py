"""Export time in every format (md, html, csv, ics, eml, json), and whether it is linear.

Builds the demo's data twice, with ``--items`` and with ten times as many captures (40%
actions over six owners, 20% each decisions, issues and notes, spread over the agenda),
then times ``export_meeting`` on both, alternating (in process, all formats, every file
fsynced), and prints the medians and their ratio (goal: at most 12x for 10x the items).
Last, ``reviewtui export`` of the smaller meeting as a whole process.

    python benchmarks/export_time.py [--items 200] [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reviewtui.domain.capture import ItemKind
from reviewtui.exporters.export import export_meeting
from reviewtui.services.demo import seed_demo
from reviewtui.services.session import Capture, MeetingSession
from reviewtui.store.repository import Store

OWNERS = ["maria", "priya", "tom", "james", "lena", "sam"]
KINDS = [ItemKind.ACTION] * 4 + [ItemKind.DECISION] * 2 + [ItemKind.ISSUE] * 2 + [ItemKind.NOTE] * 2


def busy_meeting(root: Path, count: int) -> str:
    """The demo meeting with ``count`` captured items."""
    store = Store(root)
    meeting = seed_demo(store)
    session = MeetingSession(store, meeting.id)
    session.start()
    agenda = len(session.meeting.agenda)
    for n in range(count):
        if n % 9 == 0:
            session.agenda.go_to(n // 9 % agenda)
        kind = KINDS[n % len(KINDS)]
        owner = OWNERS[n % len(OWNERS)] if kind is ItemKind.ACTION else None
        due = dt.date(2026, 12, 1) + dt.timedelta(days=n % 30) if owner else None
        session.captures.capture(
            Capture(kind, f'Item {n}: follow up on the <numbers> & "why"', owner, due)
        )
    session.closing.finalize()
    return meeting.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sizes = [args.items, args.items * 10]
    with tempfile.TemporaryDirectory() as folder:
        meetings = {}
        for size in sizes:
            root = Path(folder) / f"data{size}"
            meetings[size] = (Store(root), busy_meeting(root, size))
        timings: dict[int, list[float]] = {size: [] for size in sizes}
        files = 0
        for run in range(args.runs):
            for size in sizes:  # alternated, so both see the same machine
                store, meeting_id = meetings[size]
                start = time.perf_counter()
                result = export_meeting(store, meeting_id, Path(folder) / f"out{size}-{run}")
                timings[size].append(time.perf_counter() - start)
                files = len(result.files)
        whole = []
        small_store, small_meeting = meetings[sizes[0]]
        for run in range(args.runs):
            start = time.perf_counter()
            subprocess.run(
                [
                    str(Path(sys.executable).with_name("reviewtui")),
                    "--data-dir",
                    str(small_store.data.root),
                    "export",
                    small_meeting,
                    "--out",
                    str(Path(folder) / f"cli{run}"),
                ],
                check=True,
                capture_output=True,
            )
            whole.append(time.perf_counter() - start)
    medians = {size: statistics.median(timings[size]) * 1000 for size in sizes}
    print(f"export, all formats ({files} files), {args.runs} alternated runs, in process:")
    for size in sizes:
        print(f"  {size:>6} items  median {medians[size]:6.0f} ms   min "
              f"{min(timings[size]) * 1000:6.0f} ms")  # fmt: skip
    ratio = medians[sizes[1]] / medians[sizes[0]]
    print(f"  10x the items: {ratio:.1f}x the time (goal <= 12x)")
    print(f"  reviewtui export of {sizes[0]} items (whole process) median "
          f"{statistics.median(whole) * 1000:6.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
