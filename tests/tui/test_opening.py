"""A meeting opened in two steps: its file drawn at once, the meeting loaded after the first
frame; keys typed meanwhile reach the meeting in order; what stops it is said on exit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Static

from reviewtui.domain.clock import FixedClock
from reviewtui.errors import StorageError
from reviewtui.services.agenda_view import glance
from reviewtui.store.repository import Store
from reviewtui.tui.app import ReviewApp
from reviewtui.tui.screens.meeting import MeetingScreen
from reviewtui.tui.screens.opening import Opening, OpeningScreen
from reviewtui.tui.widgets.agenda_list import AgendaList
from tests.tui.burst import burst

SIZE = (120, 36)


def opening_app(
    root: Path, clock: FixedClock, meeting_id: str, seen: dict[str, object], watching: bool = False
) -> ReviewApp:
    """The app as ``reviewtui meeting run ID`` makes it: no store, the meeting's glance."""
    found = glance(root, meeting_id)
    assert found is not None

    def open_store() -> Store:
        screen = app.screen
        seen["screen"] = screen
        seen["heading"] = str(screen.query_one("#meeting-header", Static).render())
        seen["agenda"] = screen.query_one(AgendaList).option_count
        seen["held"] = len(app.held or [])
        return Store(root, clock)

    opening = Opening(found, open_store)
    app = ReviewApp(None, meeting_id, cursor_blink=False, watching=watching, opening=opening)
    return app


async def test_the_meeting_is_on_screen_before_it_is_loaded(
    store: Store, clock: FixedClock, demo_meeting: str
) -> None:
    seen: dict[str, object] = {}
    app = opening_app(store.data.root, clock, demo_meeting, seen)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(seen["screen"], OpeningScreen)  # what was on screen while loading
        assert "item 1/23" in str(seen["heading"]) and "Northwind" in str(seen["heading"])
        assert seen["agenda"] == 23
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert "item 1/23" in str(screen.query_one("#meeting-header", Static).render())
        assert app.held is None
        await pilot.press("right")
        assert screen.session.meeting.current == 1


async def test_a_watcher_sees_it_is_watching_from_the_first_frame(
    store: Store, clock: FixedClock, demo_meeting: str
) -> None:
    seen: dict[str, object] = {}
    app = opening_app(store.data.root, clock, demo_meeting, seen, watching=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "◉ WATCHING (read-only)" in str(seen["heading"])
        screen = app.screen
        assert isinstance(screen, MeetingScreen) and screen.session.state.watching
        assert "◉ WATCHING (read-only)" in str(screen.query_one("#meeting-header").render())


async def test_keys_typed_while_it_opens_reach_the_meeting_in_order(
    store: Store, clock: FixedClock, demo_meeting: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed as the first frame shows: kept, then applied to the meeting's screen once it
    is mounted, in order, ahead of anything typed after."""
    seen: dict[str, object] = {}
    app = opening_app(store.data.root, clock, demo_meeting, seen)
    shown = OpeningScreen.on_mount

    def typed_at_once(screen: OpeningScreen) -> None:
        shown(screen)
        burst(app, "n", "Ring the bank", "enter", "n", "Then the auditors")

    monkeypatch.setattr(OpeningScreen, "on_mount", typed_at_once)
    root = store.data.root
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert seen["held"] == 1 + 13 + 1 + 1 + 17  # all of it kept while opening
        burst(app, "enter")  # typed after: comes last
        for _ in range(20):
            await pilot.pause(0.05)
            if len(Store(root, clock).items(demo_meeting)) == 2:
                break
        texts = [item.text for item in Store(root, clock).items(demo_meeting)]
        assert texts == ["Ring the bank", "Then the auditors"]


async def test_a_meeting_that_cannot_be_loaded_ends_the_app_saying_why(
    store: Store, clock: FixedClock, demo_meeting: str
) -> None:
    """Its file reads raw, but not as a meeting: the app ends, and the command says why
    (as it would have before the app, had the meeting been loaded first)."""
    path = store.data.root / "meetings" / f"{demo_meeting}.json"
    document = json.loads(path.read_text())
    document["meeting"]["1"]["length_minutes"] = "sixty"
    path.write_text(json.dumps(document))
    app = opening_app(store.data.root, clock, demo_meeting, {})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert app.failure is not None and "damaged" in str(app.failure)
    assert app.return_code == 1


async def test_a_store_that_cannot_be_opened_ends_the_app_saying_why(
    store: Store, clock: FixedClock, demo_meeting: str
) -> None:
    found = glance(store.data.root, demo_meeting)
    assert found is not None

    def refused() -> Store:
        raise StorageError("the data dir is not readable")

    app = ReviewApp(None, demo_meeting, cursor_blink=False, opening=Opening(found, refused))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert str(app.failure) == "the data dir is not readable" and app.return_code == 1
