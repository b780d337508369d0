"""Time to export a 200-item meeting in every format (md, html, csv, ics, eml, json).

Builds the demo's data, captures 200 items (80 actions over six owners, 40 decisions,
40 issues, 40 notes) spread over the agenda, then times ``export_meeting`` (in process,
all formats, every file fsynced) and ``reviewtui export`` as a whole process.

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
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "data"
        meeting_id = busy_meeting(root, args.items)
        store = Store(root)
        timings = []
        for run in range(args.runs):
            start = time.perf_counter()
            result = export_meeting(store, meeting_id, Path(folder) / f"out{run}")
            timings.append(time.perf_counter() - start)
        files = len(result.files)
        whole = []
        for run in range(args.runs):
            start = time.perf_counter()
            subprocess.run(
                [
                    str(Path(sys.executable).with_name("reviewtui")),
                    "--data-dir",
                    str(root),
                    "export",
                    meeting_id,
                    "--out",
                    str(Path(folder) / f"cli{run}"),
                ],
                check=True,
                capture_output=True,
            )
            whole.append(time.perf_counter() - start)
        print(f"export of a {args.items}-item meeting, all formats ({files} files):")
        print(
            f"  in process     median {statistics.median(timings) * 1000:6.0f} ms"
            f"   min {min(timings) * 1000:6.0f} ms"
        )
        print(
            f"  reviewtui export (whole process) median {statistics.median(whole) * 1000:6.0f} ms"
        )


if __name__ == "__main__":
    main()
