"""How long the screen stalls when another process changes the data mid-meeting.

Opens the app headless on a meeting of ``--measures`` synthetic measures with
``--history`` past actions, then, ``--rounds`` times, runs ``reviewtui action add`` on
the same data dir (an owner in another terminal) and waits until the screen holds the
new action. Meanwhile a 10 ms timer on the screen's event loop records how late it
fires: the longest delay is how long the screen froze. Prints the median and worst
stall and the median time from the save to the screen.

    python benchmarks/external_change.py [--measures 1000] [--history 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from heartbeat import TICK, worst_stall  # noqa: E402
from reviewtui.services.meetings import plan_meeting  # noqa: E402
from reviewtui.store.repository import Store  # noqa: E402
from reviewtui.tui.app import ReviewApp  # noqa: E402
from scale import scorecard_file, seed_history  # noqa: E402

REVIEWTUI = str(Path(sys.executable).with_name("reviewtui"))


async def shell(store: Store, *args: str) -> None:
    """Run ``reviewtui *args`` on the data dir, as an owner in another terminal would."""
    env = {**os.environ, "REVIEWTUI_DATA_DIR": str(store.data.root)}
    process = await asyncio.create_subprocess_exec(
        REVIEWTUI, *args, env=env, stdout=asyncio.subprocess.DEVNULL
    )
    if await process.wait() != 0:
        sys.exit(f"reviewtui {' '.join(args)} failed")


async def run(store: Store, meeting_id: str, rounds: int) -> None:
    app = ReviewApp(store, meeting_id, cursor_blink=False)
    stalls: list[float] = []
    shown: list[float] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        measure = next(iter(store.scorecards()[0].measures()))[2].id
        for round_ in range(rounds):
            text = f"Outside change {round_}"

            async def change_and_wait(text: str = text) -> None:
                await shell(store, "action", "add", text, "--owner", "Maria Gonzalez",
                            "--due", "2030-01-01", "--measure", measure)  # fmt: skip
                started = time.perf_counter()
                while not any(item.text == text for item in app.screen.session.state.carried):  # type: ignore[attr-defined]
                    await asyncio.sleep(TICK)
                    if time.perf_counter() - started > 30:
                        sys.exit("the change never showed")
                shown.append(time.perf_counter() - started)
                await asyncio.sleep(0.1)

            stalls.append(await worst_stall(app, change_and_wait))
    print(
        f"  screen stalled: median {statistics.median(stalls) * 1000:5.0f} ms, worst "
        f"{max(stalls) * 1000:5.0f} ms; on screen after it was saved, median "
        f"{statistics.median(shown) * 1000:5.0f} ms (the screen looks every 0.5 s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=1000)
    parser.add_argument("--history", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        store = seed_history(folder / "data", scorecard_file(folder, args.measures), args.history)
        card = store.scorecards()[0]
        meeting = plan_meeting(store, card, date=store.clock.today(), length_minutes=60)
        print(f"a change made elsewhere, {args.measures} measures, {args.history:,} past actions")
        asyncio.run(run(Store(store.data.root, store.clock), meeting.id, args.rounds))


if __name__ == "__main__":
    main()
