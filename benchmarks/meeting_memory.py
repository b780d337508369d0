"""Memory over a long meeting: RSS after 10, 100, 200 and 300 captures made in the app.

Drives the real app (Textual's Pilot, 120x36) through the capture dialog, as a champion
types: ``n``, the text, Enter. A leak shows as RSS growing with every capture.

    python benchmarks/meeting_memory.py [--captures 300]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import tempfile
from pathlib import Path

from reviewtui.services.demo import seed_demo
from reviewtui.store.repository import Store
from reviewtui.tui.app import ReviewApp


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


async def run(captures: int) -> None:
    root = Path(tempfile.mkdtemp(prefix="reviewtui-memory-")) / "data"
    store = Store(root)
    app = ReviewApp(store, seed_demo(store).id, cursor_blink=False)
    marks: dict[int, float] = {}
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right")
        await pilot.pause()
        for number in range(1, captures + 1):
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*f"note {number}", "enter")
            await pilot.pause()
            if number in (10, 100, 200, 300) or number == captures:
                gc.collect()
                marks[number] = rss_mb()
                print(f"  after {number:>4} captures: RSS {marks[number]:6.1f} MB", flush=True)
    first, last = marks[min(marks)], marks[max(marks)]
    print(f"growth from capture {min(marks)} to {max(marks)}: {last - first:+.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--captures", type=int, default=300)
    asyncio.run(run(parser.parse_args().captures))


if __name__ == "__main__":
    main()
