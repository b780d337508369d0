"""What each screen looks like, at 80x24 and 120x36, in the default and projector themes;
the measure view and the scorecard overview also at 160x45 (a projected wall).

The clock is fixed and the text cursor does not blink, so a snapshot changes only when
the screen does. Update them after a deliberate change with ``pytest --snapshot-update``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from reviewtui.domain.capture import ItemKind
from reviewtui.domain.clock import FixedClock
from reviewtui.services.agenda_view import glance
from reviewtui.services.demo import seed_demo
from reviewtui.services.session import Capture
from reviewtui.store.repository import Store
from reviewtui.tui import app as app_module
from reviewtui.tui.app import ReviewApp
from reviewtui.tui.screens.meeting import MeetingScreen
from reviewtui.tui.screens.opening import Opening
from tests.tui.burst import burst

SIZES = [(80, 24), (120, 36)]
THEMES = ["reviewtui-dark", "projector"]


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of its own: the start screen shows the data dir as ``~/data`` every run."""
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def demo_app(theme: str, open_meeting: bool = True) -> ReviewApp:
    store = Store(Path.home() / "data", FixedClock(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)))
    meeting = seed_demo(store)
    return ReviewApp(
        store, meeting.id if open_meeting else None, theme_name=theme, cursor_blink=False
    )


async def on_red_measure(pilot: Pilot[Any]) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen)
    screen.session.agenda.go_to(1)
    screen.session.captures.capture(
        Capture(ItemKind.ACTION, "Re-phase the forecast", "maria", dt.date(2026, 11, 27))
    )
    screen.refresh_all(focus=True)
    await pilot.pause()


async def capturing(pilot: Pilot[Any]) -> None:
    await on_red_measure(pilot)
    # Typed as a fast typist types (pilot.press waits ~80 ms after every key: 3 s here).
    burst(pilot.app, "a", "Call the wholesale buyers @priya +1w")
    for _ in range(4):
        await pilot.pause()


async def at_wrap_up(pilot: Pilot[Any]) -> None:
    await on_red_measure(pilot)
    await pilot.press("w")


async def at_parking_lot(pilot: Pilot[Any]) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen)
    screen.session.captures.capture(Capture(ItemKind.ISSUE, "Wholesale catalogue timing"))
    screen.session.captures.capture(Capture(ItemKind.ISSUE, "Who owns the carrier contract?"))
    screen.session.agenda.go_to(len(screen.session.meeting.agenda) - 2)
    screen.refresh_all(focus=True)
    await pilot.pause()


async def overview(pilot: Pilot[Any]) -> None:
    await on_red_measure(pilot)
    await pilot.press("o")
    await pilot.pause()


async def planning(pilot: Pilot[Any]) -> None:
    await pilot.press("down", "down", "down", "enter")  # the first bundled sample
    await pilot.pause()


async def nothing(pilot: Pilot[Any]) -> None:
    await pilot.pause()


SCREENS: dict[str, tuple[bool, Callable[[Pilot[Any]], Awaitable[None]]]] = {
    "start": (False, nothing),
    "open-actions-review": (True, nothing),
    "measure": (True, on_red_measure),
    "capture": (True, capturing),
    "parking-lot": (True, at_parking_lot),
    "wrap-up": (True, at_wrap_up),
    "plan": (False, planning),
    "overview": (True, overview),
}
WALL = (160, 45)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare: Any, screen: str, size: tuple[int, int], theme: str) -> None:
    open_meeting, run_before = SCREENS[screen]
    app = demo_app(theme, open_meeting)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("theme", THEMES)
def test_capture_line_on_a_wide_screen(snap_compare: Any, theme: str) -> None:
    """The capture line under the measure on a projector's 160x45 (80x24 is above)."""
    assert snap_compare(demo_app(theme), terminal_size=(160, 45), run_before=capturing)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("screen", ["measure", "overview"])
def test_wall_screen(snap_compare: Any, screen: str, theme: str) -> None:
    open_meeting, run_before = SCREENS[screen]
    app = demo_app(theme, open_meeting)
    assert snap_compare(app, terminal_size=WALL, run_before=run_before)


class HeldAtItsFirstFrame(ReviewApp):
    """The app as `meeting run ID` starts it, kept on its first frame (never loaded)."""

    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))  # (not beside this file)

    def _finish_opening(self, opening: Opening) -> None:
        """Stay on the meeting as its file says."""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_first_frame(snap_compare: Any, size: tuple[int, int]) -> None:
    """What the wall shows while the meeting loads: laid out as the meeting screen."""
    store = Store(Path.home() / "data", FixedClock(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)))
    meeting = seed_demo(store)
    found = glance(store.data.root, meeting.id)
    assert found is not None
    app = HeldAtItsFirstFrame(
        None,
        meeting.id,
        theme_name="projector",
        cursor_blink=False,
        opening=Opening(found, lambda: store),
    )
    assert snap_compare(app, terminal_size=size, run_before=nothing)
