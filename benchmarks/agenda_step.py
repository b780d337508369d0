"""One agenda step (→ to the next item drawn), CPU time, at any scorecard size; idle CPU.

Opens the app headless (Textual's test driver, a 120x36 screen) on a meeting planned for
``--scorecard FILE`` (default Northwind; or ``--measures N`` synthetic measures) with ``--history``
past actions, gives every off-track measure an action (so no step is held back by a
warning), then presses → through the whole agenda, timing the process's CPU from the key
to the screen being idle again (a key bound to nothing is timed too: the harness's own
cost, part of every step's figure). Steps that change the kind of item (the open-actions
review -> a measure, the last measure -> the parking lot -> the wrap-up) are reported on
their own too. Then the app sits idle for ``--idle`` seconds: its CPU share.

    python benchmarks/agenda_step.py [--scorecard FILE | --measures 1000] [--history 10000]
        [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from reviewtui.services.actions import add_action  # noqa: E402
from reviewtui.services.meetings import plan_meeting  # noqa: E402
from reviewtui.services.session import MeetingSession  # noqa: E402
from reviewtui.store.repository import Store  # noqa: E402
from reviewtui.tui.app import ReviewApp  # noqa: E402
from scale import percentile, scorecard_file, seed_history  # noqa: E402


def prepare(
    folder: Path, measures: int | None, history: int, scorecard: Path | None = None
) -> tuple[Store, str]:
    """A data dir with the history and a planned meeting whose steps are never held."""
    store = seed_history(folder / "data", scorecard_file(folder, measures, scorecard), history)
    card = store.scorecards()[0]
    meeting = plan_meeting(store, card, date=store.clock.today(), length_minutes=60)
    session = MeetingSession(store, meeting.id)
    for item in session.meeting.agenda:
        if session.agenda.leave_warnings(item):
            measure = session.state.measure(item)
            assert measure is not None
            owner = measure.owner or "Maria Gonzalez"
            add_action(store, f"Recover {measure.name}", owner, dt.date(2030, 1, 1), measure.id)
    return Store(store.data.root, store.clock), meeting.id


async def run(store: Store, meeting_id: str, rounds: int, idle: float) -> None:
    app = ReviewApp(store, meeting_id, cursor_blink=False)
    steps: list[float] = []
    kind_changes: list[float] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        session = screen.session  # type: ignore[attr-defined]
        agenda = session.meeting.agenda
        for _ in range(rounds):
            session.agenda.go_to(0)
            screen.refresh_all(focus=True)  # type: ignore[attr-defined]
            await pilot.pause()
            for index in range(len(agenda) - 1):
                before = agenda[session.meeting.current].kind
                started = time.process_time()
                await pilot.press("right")
                took = (time.process_time() - started) * 1000
                assert session.meeting.current == index + 1, "a step was held back"
                after = agenda[session.meeting.current].kind
                (kind_changes if before is not after else steps).append(took)
                if before is not after:
                    steps.append(took)
        # The yardstick: a key bound to nothing, through the same test harness.
        unbound: list[float] = []
        for _ in range(60):
            started = time.process_time()
            await pilot.press("f24")
            unbound.append((time.process_time() - started) * 1000)
        started_wall, started_cpu = time.perf_counter(), time.process_time()
        await asyncio.sleep(idle)
        cpu = time.process_time() - started_cpu
        share = cpu / (time.perf_counter() - started_wall) * 100
    print(
        f"  every step        n={len(steps):<5} p50 {statistics.median(steps):6.1f} ms   "
        f"p95 {percentile(steps, 0.95):6.1f} ms   max {max(steps):6.1f} ms"
    )
    print(
        f"  kind-change steps n={len(kind_changes):<5} "
        f"p50 {statistics.median(kind_changes):6.1f} ms"
        f"   max {max(kind_changes):6.1f} ms"
    )
    print(
        f"  a key bound to nothing (what the harness costs) p50 "
        f"{statistics.median(unbound):5.1f} ms"
    )
    print(f"  idle for {idle:.0f} s: {cpu * 1000:.0f} ms of CPU ({share:.1f}% of one core)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scorecard", type=Path, help="a scorecard file (default: Northwind)")
    parser.add_argument("--measures", type=int, default=None, help="N synthetic measures")
    parser.add_argument("--history", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--idle", type=float, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store, meeting_id = prepare(Path(folder), args.measures, args.history, args.scorecard)
        measures = len(list(store.scorecards()[0].measures()))
        size = f"{args.scorecard.name if args.scorecard else 'Northwind'} ({measures} measures)"
        if args.measures and not args.scorecard:
            size = f"{measures} synthetic measures"
        print(f"agenda step, CPU per step: {size}, {args.history:,} past actions")
        asyncio.run(run(store, meeting_id, args.rounds, args.idle))


if __name__ == "__main__":
    main()
