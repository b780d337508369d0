"""How long the meeting screen stops while another process holds the data folder's lock.

Opens the app headless on the demo's meeting; another process takes the lock and holds
it for ``--hold`` seconds (a command stuck mid-write). Meanwhile a 10 ms timer on the
screen's event loop records how late it fires (the longest delay is how long the screen
froze), through three things a champion does:

- typing a capture for the whole hold: the drafts are saved each second, in the
  background;
- pressing Enter on it: a save the champion asked for;
- pressing → to step on;
- marking an action done, pausing the clock and undoing, one after the other.

Prints the worst stall of each and what the screen said. A command in the shell waits
up to 15 s for the lock; the screen should never stop: each of these waits (and says
so) off the screen's thread and is made once the lock is free.

    python benchmarks/busy_lock.py [--hold 3]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from textual.pilot import Pilot

sys.path.insert(0, str(Path(__file__).parent))

from heartbeat import worst_stall  # noqa: E402
from reviewtui.services.demo import seed_demo  # noqa: E402
from reviewtui.store.repository import Store  # noqa: E402
from reviewtui.tui.app import ReviewApp  # noqa: E402

HOLDER = """
import sys, time
from filelock import FileLock
lock = FileLock(sys.argv[1])  # kept: a lock collected is a lock let go
lock.acquire()
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


@contextlib.contextmanager
def lock_held(store: Store, seconds: float) -> Iterator[None]:
    """Another process holding the data dir's lock for ``seconds`` from now."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store.data.lock_path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        yield
    finally:
        holder.wait()


async def run(store: Store, meeting_id: str, hold: float) -> None:
    app = ReviewApp(store, meeting_id, cursor_blink=False)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause(0.2)
        await pilot.press("n")

        async def type_for_a_while() -> None:
            started = time.perf_counter()
            while time.perf_counter() - started < hold - 0.5:
                await pilot.press("x")

        with lock_held(store, hold):
            typing = await worst_stall(app, type_for_a_while)
        with lock_held(store, hold):
            saving = await worst_stall(app, lambda: pilot.press("enter"))
            said_on_save = preview(pilot)
            await pilot.press("escape")
        with lock_held(store, hold):
            stepping = await worst_stall(app, lambda: pilot.press("right"))
        await pilot.press("left")  # back to the actions under review (the lock is free)
        await pilot.pause(0.2)
        with lock_held(store, hold):
            reviewing = await worst_stall(app, lambda: pilot.press("c", "space", "u"))
        print(f"another process holds the lock for {hold:g} s (a command would wait 15 s)")
        print(f"  typing a capture meanwhile (drafts saved each second): worst stall "
              f"{typing * 1000:5.0f} ms")  # fmt: skip
        print(f"  Enter on it:  worst stall {saving * 1000:5.0f} ms; the line says: {said_on_save}")
        print(f"  → to step on: worst stall {stepping * 1000:5.0f} ms")
        print(f"  c (done), space (pause), u (undo): worst stall {reviewing * 1000:5.0f} ms")


def preview(pilot: Pilot[None]) -> str:
    """The capture line's preview, first 60 characters."""
    shown = str(pilot.app.screen.query_one("#capture-preview").render())
    return shown[:60] + ("…" if len(shown) > 60 else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hold", type=float, default=3.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        store = Store(Path(name) / "data")
        meeting_id = seed_demo(store).id
        asyncio.run(run(Store(store.data.root, store.clock), meeting_id, args.hold))


if __name__ == "__main__":
    main()
