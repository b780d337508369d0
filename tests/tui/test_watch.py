"""``reviewtui watch``: a read-only screen that follows the meeting as it is run in another
process: the item, the clock (running or paused) and the captures; its keys change
nothing on disk."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import orjson
from textual.widgets import Static

from reviewtui.domain.capture import ItemKind
from reviewtui.services.presence import announce_viewers, watchers
from reviewtui.services.session import Capture, MeetingSession
from reviewtui.services.views import clock_figures
from reviewtui.store.presence import presence_path
from reviewtui.store.repository import Store
from reviewtui.tui.app import ReviewApp
from reviewtui.tui.widgets.clock_bar import ClockBar
from tests.tui.meeting_app import SIZE, screen_of


def files(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted((root / "meetings").iterdir())}


async def test_the_watcher_follows_the_champion_and_changes_nothing(
    store: Store, demo_meeting: str
) -> None:
    champion = MeetingSession(Store(store.data.root, store.clock), demo_meeting, by="champion")
    app = ReviewApp(store, demo_meeting, theme_name="reviewtui-dark", cursor_blink=False,
                    watching=True)  # fmt: skip
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        header = app.screen.query_one("#meeting-header", Static)
        assert "◉ WATCHING" in str(header.render()) and "item 1/" in str(header.render())
        assert clock_figures(screen_of(app).session).not_started  # planned, nobody runs it
        champion.start()
        before = files(store.data.root)
        await pilot.press("right", "a", "d", "s", "u", "space", "w")
        await pilot.pause()
        assert files(store.data.root) == before  # not one byte written by the watcher
        revenue = next(i for i, a in enumerate(champion.meeting.agenda) if a.measure_id == "FIN-01")
        champion.agenda.go_to(revenue)
        champion.captures.capture(
            Capture(ItemKind.ACTION, "Re-phase the forecast", "maria", dt.date(2026, 11, 27))
        )
        await asyncio.sleep(1.2)  # the screen looks every half second
        await pilot.pause()
        watcher = screen_of(app).session
        assert watcher.current.measure_id == "FIN-01" and f"item {revenue + 1}/" in str(
            header.render()
        )
        assert "Re-phase the forecast" in [i.text for i in watcher.state.items_on(watcher.current)]
        assert not clock_figures(watcher).paused and not clock_figures(watcher).not_started
        champion.clock.toggle_pause()
        await asyncio.sleep(1.2)
        await pilot.pause()
        assert clock_figures(watcher).paused  # the pause is in the file, not only in memory


async def test_the_champion_sees_how_many_watch_online(store: Store, demo_meeting: str) -> None:
    app = ReviewApp(store, demo_meeting, theme_name="reviewtui-dark", cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        clock = app.screen.query_one(ClockBar)
        assert "watching" not in str(clock.render())
        assert announce_viewers(store, demo_meeting, 3)  # as `reviewtui serve` does
        await asyncio.sleep(1.2)  # the screen looks once a second
        await pilot.pause()
        assert "◎ 3 watching" in str(clock.render())
        assert announce_viewers(store, demo_meeting, 0)
        await asyncio.sleep(1.2)
        await pilot.pause()
        assert "watching" not in str(clock.render())


def test_a_server_that_died_counts_nobody(store: Store, demo_meeting: str) -> None:
    path = presence_path(store.data.root, demo_meeting)
    announce_viewers(store, demo_meeting, 4)
    assert watchers(store, demo_meeting) == 4
    # Above the kernel's highest possible pid (2**22): no process has it.
    path.write_bytes(orjson.dumps({"viewers": 4, "pid": 2**22 + 1}))
    assert watchers(store, demo_meeting) == 0  # killed before it could say "0"
    path.write_bytes(b"{not json")
    assert watchers(store, demo_meeting) == 0


async def test_a_watcher_with_capture_adds_items_and_nothing_else(
    store: Store, demo_meeting: str
) -> None:
    champion = MeetingSession(Store(store.data.root, store.clock), demo_meeting, by="champion")
    champion.start()
    revenue = next(i for i, a in enumerate(champion.meeting.agenda) if a.measure_id == "FIN-01")
    champion.agenda.go_to(revenue)
    app = ReviewApp(store, demo_meeting, by="Ana (remote)", theme_name="reviewtui-dark",
                    cursor_blink=False, watching=True, contributing=True)  # fmt: skip
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        header = str(app.screen.query_one("#meeting-header", Static).render())
        assert "◉ WATCHING (may add items)" in header
        await pilot.press("right", "space", "s", "w", "u")  # move, pause, skip, wrap, undo
        await pilot.press("a", *"Send the wholesale figures @maria fri", "enter")
        await pilot.pause()
        assert champion.poll()  # the champion's screen takes it in at its next look
        added = champion.items[-1]
        assert added.text == "Send the wholesale figures" and added.owner == "Maria Gonzalez"
        assert added.agenda_item == champion.current.key and added.measure_id == "FIN-01"
        assert added.history[0].by == "Ana (remote)"
        meeting = Store(store.data.root, store.clock).meeting(demo_meeting)
        assert meeting.current == revenue and not clock_figures(champion).paused
        assert meeting.undo_at == champion.meeting.undo_at  # not in the champion's undo
        champion.closing.finalize()
        await asyncio.sleep(1.2)
        await pilot.pause()
        before = files(store.data.root)
        await pilot.press("a", *"Too late", "enter")
        await pilot.pause()
        assert files(store.data.root) == before  # a finalized meeting takes nothing more
        assert "(read-only)" in str(app.screen.query_one("#meeting-header", Static).render())


async def test_when_the_champion_quits_the_watchers_clock_stops(
    store: Store, demo_meeting: str
) -> None:
    app = ReviewApp(store, demo_meeting, theme_name="reviewtui-dark", cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert Store(store.data.root, store.clock).meeting(demo_meeting).clock_since is not None
        store.clock.advance(seconds=40)  # type: ignore[attr-defined]
        app.save_and_exit()  # ctrl+q, a closed terminal or SIGTERM
        await pilot.pause()
    saved = Store(store.data.root, store.clock).meeting(demo_meeting)
    assert saved.clock_since is None and saved.agenda[0].used_seconds >= 40
    watcher = MeetingSession(Store(store.data.root, store.clock), demo_meeting, watching=True)
    assert clock_figures(watcher).paused and clock_figures(watcher).item_used >= 40


def test_a_champion_gone_silent_stops_the_watchers_clock(store: Store, demo_meeting: str) -> None:
    """Killed outright (no quit to save the clock stopped), the champion's app stops saving
    its 15-second checkpoints: after three missed, a watcher stops counting and says so."""
    champion = MeetingSession(Store(store.data.root, store.clock), demo_meeting, by="champion")
    champion.start()
    watcher = MeetingSession(Store(store.data.root, store.clock), demo_meeting, watching=True)
    store.clock.advance(seconds=30)  # type: ignore[attr-defined]
    figures = clock_figures(watcher)
    assert figures.silent_since is None and figures.item_used >= 30 and not figures.paused
    champion.clock.checkpoint()  # as the app does every 15 s while the clock runs
    store.clock.advance(seconds=40)  # type: ignore[attr-defined]
    assert watcher.poll() and clock_figures(watcher).silent_since is None
    store.clock.advance(seconds=20)  # type: ignore[attr-defined]  # 60 s since its last save
    figures = clock_figures(watcher)
    assert figures.silent_since == "09:00" and 29 <= figures.item_used <= 31  # frozen then
    champion.clock.checkpoint()  # it was only asleep: it saves again
    assert watcher.poll() and clock_figures(watcher).silent_since is None
