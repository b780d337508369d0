"""Capture-to-disk latency: how long one durable capture takes as history grows.

Builds a data dir with 0, 1k and 10k past actions spread over 100 past meetings, then
runs three new meetings of 100 captures each (a busy meeting; most capture 20 to 60
items) and prints p50 / p95 / p99 in milliseconds over all captures. Each capture is
complete only when it is fsynced and atomically in place, exactly as in the app.

    python benchmarks/capture_latency.py [--meetings 3] [--captures 100]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from tinydb import TinyDB

from reviewtui.domain.capture import CapturedItem, ItemKind
from reviewtui.domain.meeting import Meeting
from reviewtui.importers import load_scorecard
from reviewtui.store.atomic import AtomicJSONStorage
from reviewtui.store.repository import Store

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
NORTHWIND = load_scorecard(
    Path(__file__).resolve().parents[1] / "sample_scorecards" / "northwind_balanced_scorecard.csv"
)


def seed_history(
    store: Store, past_actions: int, past_meetings: int = 100, owners: list[str] | None = None
) -> None:
    """Write ``past_actions`` actions spread evenly over ``past_meetings`` meetings."""
    number = 0
    for index in range(past_meetings):
        meeting = store.create_meeting(
            lambda meeting_id, i=index: Meeting(
                id=meeting_id,
                title=f"Review {i}",
                scorecard_id="northwind",
                date=dt.date(2018, 1, 1) + dt.timedelta(days=30 * i),
                created_at=NOW,
            )
        )
        share = past_actions // past_meetings
        items = []
        for _ in range(share):
            number += 1
            items.append(
                CapturedItem(
                    uid=uuid.uuid4().hex,
                    number=number,
                    kind=ItemKind.ACTION,
                    text=f"Follow up on measure {number % 20} with the regional team",
                    owner=owners[number % len(owners)] if owners else f"Owner {number % 12}",
                    due=dt.date(2026, 1, 1) + dt.timedelta(days=number % 300),
                    measure_id=f"FIN-{number % 20:02d}",
                    meeting_id=meeting.id,
                    created_at=NOW,
                ).model_dump(mode="json")
            )
        if items:
            with TinyDB(
                store.data.meetings_dir / f"{meeting.id}.json", storage=AtomicJSONStorage
            ) as db:
                db.table("items").insert_multiple(items)
    with store.data.locked():
        store.data.set_counter_at_least("item", number)


def measure(past_actions: int, meetings: int, captures: int) -> list[float]:
    """Milliseconds per capture into fresh meetings over the given history."""
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as folder:
        store = Store(Path(folder))
        if past_actions:
            seed_history(store, past_actions)
        timings = []
        for _ in range(meetings):
            timings += capture_meeting(store, captures)
        return timings


def capture_meeting(store: Store, captures: int) -> list[float]:
    """Run one meeting's captures and time each (its file holds the scorecard as reviewed,
    as every meeting the app plans does, so each capture rewrites that too)."""
    meeting = store.create_meeting(
        lambda meeting_id: Meeting(
            id=meeting_id,
            title="Today",
            scorecard_id="northwind",
            date=NOW.date(),
            created_at=NOW,
        ),
        NORTHWIND,
    )
    timings = []
    for index in range(captures):
        start = time.perf_counter()
        store.capture(
            ItemKind.ACTION,
            f"Captured live {index}",
            meeting.id,
            owner="Maria Gonzalez",
            due=dt.date(2026, 12, 4),
            measure_id="FIN-01",
        )
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of the sorted values lie."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    """Print one line per history size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=3)
    parser.add_argument("--captures", type=int, default=100, help="captures per meeting")
    args = parser.parse_args()
    print(f"capture-to-disk latency (ms), {args.meetings} meetings x {args.captures} captures")
    print(f"{'past actions':>12}  {'p50':>6}  {'p95':>6}  {'p99':>6}  {'mean':>6}")
    for past in (0, 1_000, 10_000):
        timings = measure(past, args.meetings, args.captures)
        print(
            f"{past:>12,}  {percentile(timings, 0.5):6.2f}  {percentile(timings, 0.95):6.2f}  "
            f"{percentile(timings, 0.99):6.2f}  {statistics.fmean(timings):6.2f}"
        )


if __name__ == "__main__":
    main()
