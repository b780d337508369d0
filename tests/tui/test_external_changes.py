"""The running app shows what another terminal changed, within a second."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from textual.pilot import Pilot

from reviewtui.store.repository import Store
from reviewtui.tui.app import ReviewApp

ROOT = Path(__file__).resolve().parents[2]


def shell(store: Store, *args: str) -> None:
    """Run a real `reviewtui` process on the same data dir, as an owner would."""
    env = {
        **os.environ,
        "REVIEWTUI_DATA_DIR": str(store.data.root),
        "PYTHONPATH": str(ROOT / "src"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "reviewtui", *args], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


async def screen_shows(pilot: Pilot[None], text: str, within: float) -> float | None:
    """Seconds until ``text`` is on screen, or None if it never came."""
    started = time.monotonic()
    while time.monotonic() - started < within:
        await pilot.pause(0.05)
        shown = "\n".join(str(w.render()) for w in pilot.app.screen.query("Static"))
        if text in shown:
            return time.monotonic() - started
    return None


async def test_an_action_added_in_the_shell_shows_on_its_measure_within_a_second(
    store: Store, demo_meeting: str
) -> None:
    app = ReviewApp(store, demo_meeting, cursor_blink=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right")  # the first measure: Revenue (FIN-01)
        await pilot.pause()
        assert "Revenue" in str(app.screen.query_one("#measure-title").render())
        shell(store, "action", "add", "Ring the wholesale buyers", "--owner", "maria",
              "--due", "fri", "--meeting", demo_meeting, "--measure", "FIN-01")  # fmt: skip
        took = await screen_shows(pilot, "Ring the wholesale buyers", within=1.0)
        assert took is not None, "the shell's action never appeared"


async def test_an_action_closed_in_the_shell_shows_done_in_the_review(
    store: Store, demo_meeting: str
) -> None:
    app = ReviewApp(store, demo_meeting, cursor_blink=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#review")
        assert "○ open" in str(table.get_row("1"))  # type: ignore[attr-defined]
        shell(store, "action", "done", "A-1", "--note", "sent to the board")
        started = time.monotonic()
        while time.monotonic() - started < 1.0:
            await pilot.pause(0.05)
            if "✔ done" in str(table.get_row("1")):  # type: ignore[attr-defined]
                break
        else:
            raise AssertionError("A-1 still shows open a second after the shell closed it")
        await pilot.press("c")  # pressing done again is not an error the row contradicts
        await pilot.pause()
        assert "✔ done" in str(table.get_row("1"))  # type: ignore[attr-defined]
