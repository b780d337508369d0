"""Pilot tests of the app around the meeting: start screen, themes, help, agenda order."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from reviewtui.domain.meeting import MeetingState
from reviewtui.store.repository import Store
from reviewtui.tui.app import ReviewApp
from reviewtui.tui.screens.meeting import MeetingScreen
from reviewtui.tui.screens.start import PlanScreen, StartScreen
from reviewtui.tui.themes import remembered_theme
from tests.locking import let_go, lock_held
from tests.tui.notes import record_notes

SIZE = (120, 36)


async def plan_northwind(pilot: Pilot[None], minutes: str = "30") -> None:
    """From the start screen: the Northwind sample, planned for ``minutes``."""
    app = pilot.app
    assert isinstance(app.screen, StartScreen)
    choices = app.screen.query_one("#choices", OptionList)
    index = next(
        i
        for i in range(choices.option_count)
        if "northwind_balanced_scorecard.csv" in str(choices.get_option_at_index(i).prompt)
    )
    choices.highlighted = index
    await pilot.press("enter")
    assert isinstance(app.screen, PlanScreen)
    await pilot.press("tab", "tab", "end", "backspace", "backspace", *minutes)  # length
    await pilot.press("enter")


async def until_meeting_screen(pilot: Pilot[None]) -> None:
    """The meeting is planned off the screen's thread: wait for it to open."""
    for _ in range(100):
        if isinstance(pilot.app.screen, MeetingScreen):
            return
        await pilot.pause(0.05)
    raise AssertionError(f"no meeting screen: {pilot.app.screen}")


async def test_start_screen_plans_a_meeting_from_a_sample(store: Store) -> None:
    app = ReviewApp(store, None, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await plan_northwind(pilot)
        await until_meeting_screen(pilot)
        meeting = store.meeting("M-1")
        assert meeting.length_minutes == 30
        assert meeting.state is MeetingState.IN_PROGRESS
        assert meeting.date == dt.date(2026, 11, 23)


async def test_a_meeting_planned_too_short_for_its_measures_says_so(store: Store) -> None:
    """Five minutes for twenty measures: the meeting opens, with a warning that most
    measures get no time of their own and the length that gives every one some."""
    app = ReviewApp(store, None, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await plan_northwind(pilot, minutes="5")
        await until_meeting_screen(pilot)
        said = [(n.title, n.message) for n in app._notifications]
        warning = next(message for title, message in said if title == "Too short")
        assert "of 20 measures get no time of their own in 5 minutes" in warning
        assert "plan 15 minutes" in warning


async def test_planning_while_another_process_writes_waits_off_the_screen(
    store: Store,
) -> None:
    """It used to wait on the screen's thread and give up after a second ("Not saved");
    now the screen goes on, and the meeting opens once the other process is done."""
    app = ReviewApp(store, None, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        with lock_held(store) as holder:
            started = time.monotonic()
            await plan_northwind(pilot)
            assert time.monotonic() - started < 0.9  # nothing waited for the lock (1 s)
            await pilot.pause(1.3)  # longer than the screen's own wait for the lock
            assert isinstance(app.screen, StartScreen)  # still waiting, not given up
            let_go(holder)
            await until_meeting_screen(pilot)
        assert Store(store.data.root).meeting("M-1").length_minutes == 30


async def test_start_screen_resumes_and_opens_past_meetings(
    store: Store, demo_meeting: str
) -> None:
    app = ReviewApp(store, None, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        choices = app.screen.query_one("#choices", OptionList)
        ids = [choices.get_option_at_index(i).id for i in range(choices.option_count)]
        assert ids.index(f"run:{demo_meeting}") < ids.index("run:M-1")  # resume first
        choices.highlighted = ids.index("run:M-1")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen) and screen.session.read_only
        before = store.items("M-1")
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen, "no capture dialog on a finalized meeting"
        assert store.items("M-1") == before
        assert "Note" not in {
            b.binding.description for b in screen.active_bindings.values() if b.enabled
        }, "and its key is not offered"


async def test_a_bad_plan_says_why_and_stays(store: Store) -> None:
    app = ReviewApp(store, None, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        choices = app.screen.query_one("#choices", OptionList)
        choices.highlighted = next(
            i
            for i in range(choices.option_count)
            if choices.get_option_at_index(i).id
            and choices.get_option_at_index(i).id.startswith("file:")  # type: ignore[union-attr]
        )
        await pilot.press("enter", "tab", "ctrl+a", *"someday", "enter")
        assert isinstance(app.screen, PlanScreen)
        assert "Date" in str(app.screen.query_one("#plan-error").render())


async def test_theme_is_switchable_and_remembered(store: Store, demo_meeting: str) -> None:
    app = ReviewApp(store, demo_meeting, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "reviewtui-dark"
        assert set(app.available_themes) >= {"projector", "daylight", "colour-safe"}
        assert "textual-light" not in app.available_themes
        app.theme = "projector"
        await pilot.pause()
        assert app.has_class("-projector")
    assert remembered_theme() == "projector"
    again = ReviewApp(store, demo_meeting, cursor_blink=False)
    async with again.run_test(size=SIZE):
        assert again.theme == "projector"


async def test_a_user_theme_file_is_offered(
    store: Store, demo_meeting: str, own_config_dir: Path
) -> None:
    folder = own_config_dir / "themes"
    folder.mkdir(parents=True)
    (folder / "board-room.yaml").write_text(
        "name: board-room\ncolors: {primary: '#000080', secondary: '#000080', accent: '#000080',"
        " foreground: '#000000', background: '#ffffff', surface: '#ffffff', panel: '#eeeeee',"
        " success: '#005000', warning: '#704000', error: '#a00000'}\ndark: false\n"
    )
    (folder / "broken.yaml").write_text("name: broken\n")
    app = ReviewApp(store, demo_meeting, theme_name="board-room", cursor_blink=False)
    notes = record_notes(app)
    async with app.run_test(size=SIZE):
        assert app.theme == "board-room"
        assert any("broken.yaml" in n.message for n in notes)


async def test_question_mark_shows_every_key(store: Store, demo_meeting: str) -> None:
    app = ReviewApp(store, demo_meeting, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.query("HelpPanel")
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query("HelpPanel")


async def test_agenda_items_are_reordered_and_jumped_to(store: Store, demo_meeting: str) -> None:
    app = ReviewApp(store, demo_meeting, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        keys = [a.key for a in screen.session.meeting.agenda]
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("down", "down", "greater_than_sign")
        await pilot.pause()
        moved = [a.key for a in store.meeting(demo_meeting).agenda]
        assert moved[2:4] == [keys[3], keys[2]]
        await pilot.press("enter")
        await pilot.pause()
        assert screen.session.current.key == keys[2]
