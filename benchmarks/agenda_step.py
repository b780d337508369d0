"""One agenda step (→ to the next item drawn), CPU time, at any scorecard size; idle CPU.

Opens the app headless (Textual's test driver, a 120x36 screen) on a meeting planned for
``--scorecard FILE`` (default Northwind; or ``--measures N`` synthetic measures) with ``--history``
past actions, gives every off-track measure an action (so no step is held back by a
warning), then presses → through the whole agenda, timing the process's CPU from the key
to the screen being idle again (a key bound to nothing is timed too: the harness's own
cost, part of every step's figure). Steps that change the kind of item (the open-actions
review -> a measure, the last measure -> the parking lot -> the wrap-up) are reported on
their own too. Then the app sits idle for ``--idle`` seconds: its CPU share.

``--terminal`` then runs the same rounds again as a person does: ``reviewtui meeting run`` in
a real terminal (tmux, 120x36), → sent with ``tmux send-keys``, each step timed from the
key to its item's number on screen plus a settle of 50 ms, as the CPU the app's process
(every thread) spent meanwhile, read from ``/proc/PID/task/*/schedstat`` (nanoseconds).
No test harness runs inside the app there, but the terminal output is written for real.

    python benchmarks/agenda_step.py [--scorecard FILE | --measures 1000] [--history 10000]
        [--rounds 2] [--terminal] [--keep DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
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
    report(steps, kind_changes)
    print(
        f"  a key bound to nothing (what the harness costs) p50 "
        f"{statistics.median(unbound):5.1f} ms"
    )
    print(f"  idle for {idle:.0f} s: {cpu * 1000:.0f} ms of CPU ({share:.1f}% of one core)")


def report(steps: list[float], kind_changes: list[float]) -> None:
    """Every step's p50, p95 and max; the kind-changing steps' p50 and max."""
    print(
        f"  every step        n={len(steps):<5} p50 {statistics.median(steps):6.1f} ms   "
        f"p95 {percentile(steps, 0.95):6.1f} ms   max {max(steps):6.1f} ms"
    )
    print(
        f"  kind-change steps n={len(kind_changes):<5} "
        f"p50 {statistics.median(kind_changes):6.1f} ms"
        f"   max {max(kind_changes):6.1f} ms"
    )


def in_terminal(store: Store, meeting_id: str, rounds: int) -> None:
    """Every step of the agenda in a real terminal, ``rounds`` times (the app started
    afresh each time): the app's CPU per step (see above)."""
    if shutil.which("tmux") is None:
        sys.exit("--terminal needs tmux (apt-get install tmux)")
    steps: list[float] = []
    kind_changes: list[float] = []
    for _ in range(rounds):
        _terminal_round(store, meeting_id, steps, kind_changes)
    print("  in a real terminal (tmux), the app's own CPU from the key to the item shown:")
    report(steps, kind_changes)


def _terminal_round(
    store: Store, meeting_id: str, steps: list[float], kind_changes: list[float]
) -> None:
    session = MeetingSession(store, meeting_id)
    session.agenda.go_to(0)
    kinds = [item.kind for item in session.meeting.agenda]
    reviewtui = Path(sys.executable).with_name("reviewtui")
    name = f"agenda-step-{os.getpid()}"
    with tempfile.TemporaryDirectory() as config:
        command = (
            f"REVIEWTUI_DATA_DIR={store.data.root} REVIEWTUI_CONFIG_DIR={config} "
            f"REVIEWTUI_STATE_DIR={config} exec {reviewtui} meeting run {meeting_id}"
        )
        tmux = ["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "36", command]
        subprocess.run(tmux, check=True)
        pane = ["tmux", "display", "-p", "-t", name, "#{pane_pid}"]
        pid = int(subprocess.run(pane, capture_output=True, text=True).stdout)
        try:
            _shown(name, f"item 1/{len(kinds)}")
            time.sleep(1)  # the first frame's follow-up work (a full screen, the clock)
            for index in range(len(kinds) - 1):
                before = _cpu_ms(pid)
                subprocess.run(["tmux", "send-keys", "-t", name, "Right"], check=True)
                _shown(name, f"item {index + 2}/{len(kinds)}")
                time.sleep(0.05)
                took = _cpu_ms(pid) - before
                steps.append(took)
                if kinds[index] is not kinds[index + 1]:
                    kind_changes.append(took)
        finally:
            subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
            # The app saves on its way out: the next round must not run beside it.
            deadline = time.perf_counter() + 10
            while Path(f"/proc/{pid}").exists() and time.perf_counter() < deadline:
                time.sleep(0.05)


def _cpu_ms(pid: int) -> float:
    """CPU time of every thread of process ``pid`` so far, in ms (nanosecond counters)."""
    total = 0
    for stat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
        try:
            total += int(stat.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            continue  # a thread that ended meanwhile
    return total / 1e6


def _shown(name: str, text: str) -> None:
    """Wait until tmux session ``name`` shows ``text`` (10 s at most)."""
    started = time.perf_counter()
    while True:
        capture = ["tmux", "capture-pane", "-t", name, "-p"]
        screen = subprocess.run(capture, capture_output=True, text=True).stdout
        if re.search(rf"{re.escape(text)}\b", screen):
            return
        if time.perf_counter() - started > 10:
            sys.exit(f"{text!r} not shown after 10 s; the screen shows:\n{screen}")
        time.sleep(0.002)


def prepared(args: argparse.Namespace, folder: Path) -> tuple[Store, str]:
    """The data :func:`prepare` makes for these arguments, made once per ``folder`` (at
    1,000 measures and 10,000 past actions that takes minutes)."""
    wanted = json.dumps([args.measures, args.history, str(args.scorecard)])
    made = folder / "prepared.json"
    if made.exists():
        given, meeting_id = json.loads(made.read_text())
        if given != wanted:
            sys.exit(f"{folder} holds data prepared for other arguments ({given})")
        return Store(folder / "data"), meeting_id
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        sys.exit(f"{folder} is not empty and holds no prepared data (an interrupted run?)")
    store, meeting_id = prepare(folder, args.measures, args.history, args.scorecard)
    made.write_text(json.dumps([wanted, meeting_id]))
    return store, meeting_id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scorecard", type=Path, help="a scorecard file (default: Northwind)")
    parser.add_argument("--measures", type=int, default=None, help="N synthetic measures")
    parser.add_argument("--history", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--idle", type=float, default=10)
    parser.add_argument("--terminal", action="store_true", help="also step in tmux")
    parser.add_argument(
        "--keep", type=Path, help="keep the prepared data in this folder; later runs reuse it"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store, meeting_id = prepared(args, args.keep or Path(folder))
        measures = len(list(store.scorecards()[0].measures()))
        size = f"{args.scorecard.name if args.scorecard else 'Northwind'} ({measures} measures)"
        if args.measures and not args.scorecard:
            size = f"{measures} synthetic measures"
        print(f"agenda step, CPU per step: {size}, {args.history:,} past actions")
        asyncio.run(run(store, meeting_id, args.rounds, args.idle))
        if args.terminal:
            in_terminal(store, meeting_id, args.rounds)


if __name__ == "__main__":
    main()
