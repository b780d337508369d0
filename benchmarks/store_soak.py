"""Soak the store the way a meeting does, with real processes: kill storms and readers.

    python benchmarks/store_soak.py kill-storm [--kills 1000] [--seed 1]
    python benchmarks/store_soak.py readers [--seconds 60] [--readers 3]

kill-storm: a writer process runs the meeting service the app uses (captures, agenda
steps, checkpoints, review outcomes) on the demo data dir; it is SIGKILLed at a random
moment, again and again. After each kill a fresh process reads everything back. Counted:
records lost (a meeting or scorecard that no longer opens), acknowledged captures lost (a
capture whose number the writer printed after ``capture`` returned), duplicate ids.

readers: the same writer runs for ``--seconds`` while reader processes read the meeting,
its items, the open-actions list and the status list as fast as they can. Counted:
failed reads (an exception, or a meeting that is not there).

Children are forked from this process (the imports are paid once), and killed with a
real SIGKILL. Exit code 1 if anything was lost or failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

from reviewtui.domain.capture import ActionStatus, ItemKind
from reviewtui.errors import ReviewError
from reviewtui.services.demo import seed_demo
from reviewtui.services.open_actions import ActionIndex
from reviewtui.services.session import Capture, MeetingSession
from reviewtui.store.repository import Store

FRIDAY = dt.date(2026, 11, 27)


def writer(root: Path, meeting_id: str, report: int) -> None:
    """Run the meeting service forever, reporting each acknowledged capture and step."""
    session = MeetingSession(Store(root), meeting_id, by="soak")
    session.start()
    out = os.fdopen(report, "w", buffering=1)
    agenda = len(session.meeting.agenda)
    out.write("ready\n")
    count = 0
    while True:
        count += 1
        kind = (ItemKind.NOTE, ItemKind.DECISION, ItemKind.ACTION)[count % 3]
        owner, due = ("maria", FRIDAY) if kind is ItemKind.ACTION else (None, None)
        item = session.captures.capture(Capture(kind, f"soak capture {count}", owner, due)).item
        out.write(f"C {item.number}\n")
        if count % 2 == 0:
            index = session.agenda.go_to((session.meeting.current + 1) % (agenda - 1)).key
            out.write(f"S {index}\n")
        if count % 7 == 0:
            session.clock.checkpoint()
        open_carried = [i for i in session.carried if i.status is ActionStatus.OPEN]
        if count % 11 == 0 and open_carried:
            session.review.slip(open_carried[0].number, FRIDAY + dt.timedelta(days=count % 30 + 1))


def spawn_writer(root: Path, meeting_id: str) -> tuple[int, int]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        try:
            writer(root, meeting_id, write_end)
        finally:
            os._exit(1)
    os.close(write_end)
    return pid, read_end


def prepared() -> tuple[Path, str]:
    root = Path(tempfile.mkdtemp(prefix="reviewtui-soak-")) / "data"
    meeting_id = seed_demo(Store(root)).id
    return root, meeting_id


def check(root: Path, meeting_id: str, acknowledged: set[int]) -> tuple[int, int, int]:
    """Records lost, acknowledged captures lost, duplicate numbers, as a reader finds them."""
    records_lost = 0
    try:
        store = Store(root)
        store.meeting(meeting_id)
        store.meeting("M-1")
        store.scorecard("northwind-balanced-scorecard")
        MeetingSession(store, meeting_id)
        numbers = [item.number for item in store.all_items()]
    except ReviewError as error:
        print(f"  ✖ {error}", file=sys.stderr)
        return 1, len(acknowledged), 0
    missing = acknowledged - set(numbers)
    duplicates = len(numbers) - len(set(numbers))
    return records_lost, len(missing), duplicates


def kill_storm(kills: int, seed: int) -> int:
    root, meeting_id = prepared()
    rng = random.Random(seed)
    acknowledged: set[int] = set()
    lost = [0, 0, 0]
    started = time.monotonic()
    for round_ in range(1, kills + 1):
        pid, report = spawn_writer(root, meeting_id)
        stream = os.fdopen(report, "r")
        if stream.readline().strip() != "ready":
            os.waitpid(pid, 0)
            print(f"  ✖ after {round_ - 1} kills the meeting no longer opens", file=sys.stderr)
            lost[0] += 1
            break
        time.sleep(rng.uniform(0.0, 0.08))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        for line in stream.read().splitlines():
            if line.startswith("C "):
                acknowledged.add(int(line[2:]))
        stream.close()
        for index, value in enumerate(check(root, meeting_id, acknowledged)):
            lost[index] += value
        if round_ % 100 == 0:
            print(f"  {round_} kills, {len(acknowledged)} acknowledged captures so far", flush=True)
    took = time.monotonic() - started
    print(
        f"kill-storm: {kills} SIGKILLs in {took:.0f} s, {len(acknowledged)} acknowledged "
        f"captures; records lost {lost[0]}, acknowledged captures lost {lost[1]}, "
        f"duplicate ids {lost[2]}; data dir {root}"
    )
    return 1 if any(lost) else 0


def reader(root: Path, meeting_id: str, seconds: float, report: int) -> None:
    out = os.fdopen(report, "w", buffering=1)
    reads = failures = 0
    deadline = time.monotonic() + seconds
    store = Store(root)  # opened once: reads take no lock, as in the app and `status`
    while time.monotonic() < deadline:
        try:
            store.meeting(meeting_id)
            store.items(meeting_id)
            ActionIndex(root).rows(dt.date(2026, 11, 23))
            reads += 1
        except Exception as error:  # a failed read of any kind is what we count
            failures += 1
            out.write(f"! {type(error).__name__}: {error}\n")
    out.write(f"R {reads} {failures}\n")


def readers(seconds: float, count: int) -> int:
    root, meeting_id = prepared()
    pid, report = spawn_writer(root, meeting_id)
    stream = os.fdopen(report, "r")
    assert stream.readline().strip() == "ready"
    children = []
    for _ in range(count):
        read_end, write_end = os.pipe()
        child = os.fork()
        if child == 0:
            os.close(read_end)
            try:
                reader(root, meeting_id, seconds, write_end)
            finally:
                os._exit(0)
        os.close(write_end)
        children.append((child, read_end))
    reads = failures = 0
    for child, read_end in children:
        with os.fdopen(read_end) as result:
            for line in result.read().splitlines():
                if line.startswith("R "):
                    done, failed = map(int, line.split()[1:])
                    reads, failures = reads + done, failures + failed
                else:
                    print(f"  {line}", file=sys.stderr)
        os.waitpid(child, 0)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    writes = sum(1 for line in stream.read().splitlines() if line[:1] in "CS")
    print(
        f"readers: {count} readers beside one writer for {seconds:.0f} s: {reads} reads, "
        f"{failures} failed; the writer saved {writes} changes meanwhile"
    )
    return 1 if failures or not reads else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    storm = sub.add_parser("kill-storm")
    storm.add_argument("--kills", type=int, default=1000)
    storm.add_argument("--seed", type=int, default=1)
    read = sub.add_parser("readers")
    read.add_argument("--seconds", type=float, default=60)
    read.add_argument("--readers", type=int, default=3)
    args = parser.parse_args()
    if args.what == "kill-storm":
        sys.exit(kill_storm(args.kills, args.seed))
    sys.exit(readers(args.seconds, args.readers))


if __name__ == "__main__":
    main()
