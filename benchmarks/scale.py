"""Data for the benchmarks, built the way the app builds it.

- :func:`scorecard_file`: the Northwind sample, or a synthetic CSV scorecard of any
  number of measures (12 monthly periods each, owners, targets; a third off track).
- :func:`seed_history`: past meetings planned, run and finalized through the services the
  app uses (``MeetingSession``), with their actions captured there (one in ten left open).
- :func:`alternate`: run two commands turn about, so both see the same machine state.
"""

from __future__ import annotations

import csv
import datetime as dt
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from reviewtui.domain.capture import ActionStatus, ItemKind
from reviewtui.domain.clock import FixedClock
from reviewtui.importers import load_scorecard
from reviewtui.services.meetings import plan_meeting
from reviewtui.services.session import Capture, MeetingSession
from reviewtui.store.repository import Store

ROOT = Path(__file__).resolve().parents[1]
NORTHWIND = ROOT / "sample_scorecards" / "northwind_balanced_scorecard.csv"
OWNERS = [
    "Maria Gonzalez",
    "James Okafor",
    "Priya Raman",
    "Tom Becker",
    "Aisha Khan",
    "Lena Fischer",
]
PERSPECTIVES = ["Financial", "Customer", "Internal process", "Learning and growth"]
PAST_MEETINGS = 100


def scorecard_file(folder: Path, measures: int | None, given: Path | None = None) -> Path:
    """The scorecard file ``given`` (any format ``reviewtui import`` reads), else Northwind
    (``measures`` None) or a CSV scorecard with ``measures`` measures."""
    if given is not None:
        return given
    if measures is None:
        return NORTHWIND
    path = folder / f"scorecard-{measures}.csv"
    columns = ["Perspective", "Objective", "Measure ID", "Measure", "Owner", "Unit",
               "Polarity", "Kind", "Period", "Actual", "Target"]  # fmt: skip
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for number in range(measures):
            perspective = PERSPECTIVES[number % len(PERSPECTIVES)]
            target = 100 + number % 50
            for month in range(12):
                year, index = (2025, 11 + month) if month < 2 else (2026, month - 1)
                # A third of the measures end off track, a third at risk, a third on track.
                actual = target * (1.05 if number % 3 == 0 else 0.97 if number % 3 == 1 else 0.8)
                writer.writerow([
                    perspective, f"{perspective} objective {number % 7}", f"M-{number:04d}",
                    f"Measure number {number}", OWNERS[number % len(OWNERS)], "count",
                    "higher", "lagging", f"{year}-{index:02d}", f"{actual + month:.1f}",
                    str(target),
                ])  # fmt: skip
    return path


def seed_history(
    root: Path, scorecard: Path, past_actions: int, close_carried: bool = True
) -> Store:
    """The scorecard imported and 100 past meetings run (``past_actions`` among them); each
    meeting closes nine in ten of the actions it reviews unless ``close_carried`` is off."""
    clock = FixedClock(dt.datetime(2018, 1, 1, 9, 0, tzinfo=dt.UTC))
    store = Store(root, clock)
    card = load_scorecard(scorecard)
    store.save_scorecard(card)
    per_meeting = past_actions // PAST_MEETINGS
    for index in range(PAST_MEETINGS if past_actions else 0):
        meeting = plan_meeting(store, card, date=clock.today(), length_minutes=60)
        session = MeetingSession(store, meeting.id, by="champion")
        session.start()
        for carried in session.carried if close_carried else []:
            if carried.status is ActionStatus.OPEN and carried.number % 10:
                session.review.close(carried.number, ActionStatus.DONE)
        session.agenda.go_to(1)
        for number in range(per_meeting):
            due = clock.today() + dt.timedelta(days=14)
            owner = OWNERS[(index + number) % len(OWNERS)]
            text = f"Follow up on the regional figures, part {number}"
            session.captures.capture(Capture(ItemKind.ACTION, text, owner, due))
        session.closing.finalize()
        clock.advance(days=30)
    return store


Timing = TypeVar("Timing")


def alternate(commands: Sequence[Callable[[], Timing]], runs: int) -> list[list[Timing]]:
    """Each command's timings, running them turn about ``runs`` times (after a warm-up)."""
    for command in commands:
        command()
    timings: list[list[Timing]] = [[] for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            timings[index].append(command())
    return timings


def wall(command: Sequence[str], env: dict[str, str]) -> float:
    """Seconds a whole process takes, output piped."""
    start = time.perf_counter()
    subprocess.run(command, env=env, capture_output=True, check=True)
    return time.perf_counter() - start


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values``, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def median_ratio(ours: Sequence[float], theirs: Sequence[float]) -> tuple[float, float]:
    """The ratio of the medians, and the median of the paired ratios (run by run)."""
    paired = [a / b for a, b in zip(ours, theirs, strict=True)]
    return statistics.median(ours) / statistics.median(theirs), statistics.median(paired)
