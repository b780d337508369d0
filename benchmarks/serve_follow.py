"""``reviewtui serve`` as viewers feel it: seconds from opening the link to the meeting on
screen, and from the champion's save to every browser showing it; memory per viewer.

Starts a real ``reviewtui serve`` on the demo meeting in a temp data dir, opens
``--viewers`` pages in headless system chromium (playwright), then steps the champion's
meeting through ``--steps`` items (through the service the app uses), capturing an
action on each, and times until every page shows the new item and the action.

    python benchmarks/serve_follow.py [--viewers 2] [--steps 15]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from playwright.sync_api import sync_playwright  # noqa: E402
from tests.web.conftest import free_port  # noqa: E402
from tests.web.viewer import CHROMIUM, Viewer  # noqa: E402

from reviewtui.domain.capture import ItemKind  # noqa: E402
from reviewtui.services.demo import seed_demo  # noqa: E402
from reviewtui.services.session import Capture, MeetingSession  # noqa: E402
from reviewtui.store.repository import Store  # noqa: E402
from scale import percentile  # noqa: E402

REVIEWTUI = str(Path(sys.executable).with_name("reviewtui"))


def viewer_memory_mb(root: Path) -> list[float]:
    """Resident memory of each viewer's screen process (those watching ``root``)."""
    listing = subprocess.run(["ps", "-eo", "rss=,args="], capture_output=True, text=True)
    return [
        int(line.split(None, 1)[0]) / 1024
        for line in listing.stdout.splitlines()
        if f"--data-dir {root}" in line
        and " watch " in line
        and " -m reviewtui " in line
        and not line.split(None, 1)[1].startswith("/bin/sh")  # the shell textual-serve starts
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, default=2)
    parser.add_argument("--steps", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "data"
        meeting_id = seed_demo(Store(root)).id
        env = {**os.environ, "REVIEWTUI_DATA_DIR": str(root)}
        server = subprocess.Popen(
            [REVIEWTUI, "serve", "--port", str(free_port())],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert server.stdout is not None
        link = server.stdout.readline().strip()
        try:
            measure(link, root, meeting_id, args.viewers, args.steps)
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=20)


def measure(link: str, root: Path, meeting_id: str, viewers: int, steps: int) -> None:
    champion = MeetingSession(Store(root), meeting_id, by="champion")
    champion.start()
    outside: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        pages = [Viewer(browser.new_page(), outside) for _ in range(viewers)]
        opened = []
        for viewer in pages:
            start = time.monotonic()
            viewer.page.goto(link)
            viewer.wait_for("WATCHING")
            opened.append(time.monotonic() - start)
        follows: list[float] = []
        agenda = champion.meeting.agenda
        for step in range(1, min(steps, len(agenda) - 1) + 1):
            marks = [viewer.mark() for viewer in pages]
            saved = time.monotonic()
            champion.agenda.go_to(step)
            text = f"Follow-up number {step}"
            champion.captures.capture(Capture(ItemKind.ACTION, text, "maria", dt.date(2027, 1, 4)))
            for viewer, mark in zip(pages, marks, strict=True):
                viewer.wait_for(f"item {step + 1}/", since=mark)
                viewer.wait_for(text, since=mark)
                follows.append(time.monotonic() - saved)
        memory = viewer_memory_mb(root)
        browser.close()
    print(f"viewers {viewers}, steps {len(follows) // viewers}")
    print(f"link opened -> meeting on screen: median {statistics.median(opened):.2f} s, "
          f"max {max(opened):.2f} s")  # fmt: skip
    print(f"champion's save -> on every screen: median {statistics.median(follows):.2f} s, "
          f"p95 {percentile(follows, 95):.2f} s, max {max(follows):.2f} s (goal: 2 s)")  # fmt: skip
    if memory:
        print(f"memory per viewer: {statistics.median(memory):.0f} MB resident (median)")
    print(f"requests leaving 127.0.0.1: {len(outside)}")


if __name__ == "__main__":
    main()
