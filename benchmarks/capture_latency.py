"""Capture-to-disk latency through the service the app uses, as history and the meeting grow.

For each history size (0, 1,000 and 10,000 past actions), builds a data dir the way the
app does: Northwind imported, then 100 past meetings planned, run and finalized with the
meeting service, their actions captured there (one in ten still open, the rest closed).
Then a new meeting is opened with a live :class:`MeetingSession` (what the app holds) and
``--captures`` items are captured one after another, each timed from the call to its
return, i.e. until it is fsynced on disk. Prints p50 / p95 / p99 / max in milliseconds,
for the whole meeting and for its first and last hundred captures (a capture must not
cost more as the meeting fills up).

    python benchmarks/capture_latency.py [--captures 1000] [--history 0,1000,10000]
        [--scorecard FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from reviewtui.domain.capture import ItemKind  # noqa: E402
from reviewtui.services.meetings import plan_meeting  # noqa: E402
from reviewtui.services.session import Capture, MeetingSession  # noqa: E402
from reviewtui.store.repository import Store  # noqa: E402
from scale import NORTHWIND, OWNERS, seed_history  # noqa: E402


def measure(store: Store, captures: int) -> list[float]:
    card = store.scorecards()[0]
    meeting = plan_meeting(store, card, length_minutes=60)
    session = MeetingSession(store, meeting.id, by="champion")
    session.start()
    session.agenda.go_to(1)
    due = store.clock.today() + dt.timedelta(days=7)
    took = []
    for number in range(captures):
        kind = (ItemKind.ACTION, ItemKind.NOTE, ItemKind.DECISION)[number % 3]
        owner = OWNERS[number % len(OWNERS)] if kind is ItemKind.ACTION else None
        entry = Capture(kind, f"Captured while people talk, number {number}", owner, due)
        started = time.perf_counter()
        session.captures.capture(entry)
        took.append((time.perf_counter() - started) * 1000)
    return took


def summary(values: list[float]) -> str:
    ordered = sorted(values)

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return (
        f"p50 {statistics.median(ordered):5.2f}  p95 {pick(0.95):5.2f}  "
        f"p99 {pick(0.99):5.2f}  max {ordered[-1]:6.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--captures", type=int, default=1000)
    parser.add_argument("--history", default="0,1000,10000")
    parser.add_argument("--scorecard", type=Path, default=NORTHWIND, help="default: Northwind")
    args = parser.parse_args()
    print(f"capture to disk through MeetingSession, {args.captures} captures, times in ms")
    for past in (int(n) for n in args.history.split(",")):
        root = Path(tempfile.mkdtemp(prefix="reviewtui-capture-")) / "data"
        store = seed_history(root, args.scorecard, past)
        gc.collect()
        took = measure(store, args.captures)
        print(f"  {past:>6} past actions: {summary(took)}")
        if len(took) >= 200:
            print(f"         first 100 captures: {summary(took[:100])}")
            print(f"          last 100 captures: {summary(took[-100:])}")


if __name__ == "__main__":
    main()
