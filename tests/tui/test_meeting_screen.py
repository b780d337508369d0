"""Pilot tests of the meeting screen: capture, quick entry, undo, review, warnings, timer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Input, Static
from textual.widgets._toast import Toast

from reviewtui.domain.capture import ActionStatus, ItemKind
from reviewtui.domain.clock import FixedClock
from reviewtui.domain.meeting import MeetingState
from reviewtui.services.views import agenda_row, clock_figures
from reviewtui.store.repository import Store
from reviewtui.tui.app import ReviewApp
from reviewtui.tui.widgets.clock_bar import ClockBar
from tests.tui.meeting_app import SIZE, app_for, screen_of
from tests.tui.notes import record_notes


def text_of(app: ReviewApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def capturing(app: ReviewApp) -> bool:
    return screen_of(app).capture_line.is_open


async def test_quick_entry_saves_an_action_to_disk(store: Store, demo_meeting: str) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "a")
        assert capturing(app)
        await pilot.press(*"Re-phase the forecast @maria fri")
        preview = text_of(app, "#capture-preview")
        assert "Maria Gonzalez" in preview and "Fri 27 Nov (in 4 days)" in preview
        await pilot.press("enter")
        await pilot.pause()
        assert not capturing(app)
        saved = Store(store.data.root).items(demo_meeting)
        assert [(i.kind, i.text, i.owner, i.due, i.measure_id) for i in saved] == [
            (
                ItemKind.ACTION,
                "Re-phase the forecast",
                "Maria Gonzalez",
                dt.date(2026, 11, 27),
                "FIN-01",
            )
        ]
        assert "Re-phase the forecast" in str(app.screen.query_one("#captured").render_line(0))


async def test_the_form_with_completion_and_a_typed_date(store: Store, demo_meeting: str) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "a", *"Weekly collections calls", "tab", *"pri")
        owner = app.screen.query_one("#capture-owner", Input)
        await pilot.pause()
        shown = "".join(owner.render_line(row).text for row in range(owner.size.height))
        assert "priya raman" in shown.casefold(), "the completion is shown as you type"
        await pilot.press("right")  # accept the suggestion
        assert owner.value == "Priya Raman"
        await pilot.press("tab", *"+2w")
        assert "Mon 7 Dec (in 14 days)" in text_of(app, "#capture-preview")
        await pilot.press("enter")
        await pilot.pause()
        item = store.items(demo_meeting)[0]
        assert (item.owner, item.due) == ("Priya Raman", dt.date(2026, 12, 7))


async def test_an_incomplete_action_keeps_the_dialog_open(store: Store, demo_meeting: str) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"Fix churn report frday", "enter")
        assert capturing(app)
        preview = text_of(app, "#capture-preview")
        assert "needs an owner" in preview
        assert store.items(demo_meeting) == []
        await pilot.press("escape")
        assert not capturing(app)


async def test_decision_issue_note_and_undo(store: Store, demo_meeting: str) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "d", *"Keep the price", "enter")
        await pilot.press("i", *"Catalogue timing", "enter")
        await pilot.press("n", *"Maria @ fri stays text", "enter")
        await pilot.pause()
        kinds = [(i.kind, i.text) for i in store.items(demo_meeting)]
        assert kinds == [
            (ItemKind.DECISION, "Keep the price"),
            (ItemKind.ISSUE, "Catalogue timing"),
            (ItemKind.NOTE, "Maria @ fri stays text"),
        ]
        await pilot.press("u")
        await pilot.pause()
        assert [i.text for i in store.items(demo_meeting)] == ["Keep the price", "Catalogue timing"]


async def test_a_note_becomes_an_action(store: Store, demo_meeting: str) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "n", *"Ask the bank about terms", "enter")
        await pilot.press("tab")  # focus the captured list
        await pilot.pause()
        assert app.focused is app.screen.query_one("#captured")
        await pilot.press("t", "a")  # change type -> action: the form asks owner and date
        assert capturing(app)
        # Tab takes the suggested name, the next Tab moves on to the date.
        await pilot.press("tab", *"maria", "tab", "tab", *"tomorrow", "enter")
        await pilot.pause()
        item = store.items(demo_meeting)[0]
        assert (item.kind, item.owner, item.due) == (
            ItemKind.ACTION,
            "Maria Gonzalez",
            dt.date(2026, 11, 24),
        )


async def test_reviewing_open_actions_with_one_key_each(store: Store, demo_meeting: str) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")  # A-1 done
        await pilot.press("down", "r", *"+1w", "enter")  # A-3 slipped: the date...
        await pilot.press(*"waiting for legal", "enter")  # ...and why
        await pilot.press("down", "down", "x")  # A-4 dropped
        await pilot.pause()
        by_ref = {i.ref: i for i in store.all_items()}
        assert by_ref["A-1"].status is ActionStatus.DONE
        assert by_ref["A-3"].due == dt.date(2026, 11, 30)
        slip = by_ref["A-3"].history[-1]
        assert (slip.old, slip.note, slip.meeting_id) == ("2026-11-22", "waiting for legal", "M-2")
        assert by_ref["A-4"].status is ActionStatus.DROPPED
        assert by_ref["A-2"].status is ActionStatus.OPEN


async def test_leaving_an_unactioned_red_measure_warns_once(
    store: Store, demo_meeting: str
) -> None:
    app = app_for(store, demo_meeting)
    notes = record_notes(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = screen_of(app)
        red = next(
            i for i, a in enumerate(screen.session.meeting.agenda) if a.measure_id == "FIN-05"
        )
        screen.session.agenda.go_to(red)
        screen.refresh_all()
        assert "Off track with no action" in text_of(app, "#measure-body")
        await pilot.press("right")
        assert screen.session.meeting.current == red  # held back, with a warning
        await pilot.pause()
        assert warnings_shown(app) == 1
        await pilot.press("right")
        assert screen.session.meeting.current == red + 1
        await pilot.pause()
        assert warnings_shown(app) == 0  # answered: it does not linger while stepping on
        assert notes == []  # and nothing else was said


def warnings_shown(app: App[Any]) -> int:
    """The "Before moving on" toasts on screen now."""
    return sum("Before moving on" in str(toast.render()) for toast in app.screen.query(Toast))


async def test_the_clock_shows_overrun_and_pauses(
    store: Store, clock: FixedClock, demo_meeting: str
) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        clock.advance(seconds=screen.session.current.timebox_seconds + 75)
        screen.query_one(ClockBar).show(clock_figures(screen.session))
        bar = str(screen.query_one(ClockBar).render())
        assert "OVER by 1:15" in bar and "running" in bar
        await pilot.press("space")
        clock.advance(seconds=300)
        screen.query_one(ClockBar).show(clock_figures(screen.session))
        bar = str(screen.query_one(ClockBar).render())
        assert "PAUSED" in bar and "OVER by 1:15" in bar


async def test_the_clock_says_over_only_once_a_whole_second_is_over(
    store: Store, clock: FixedClock, demo_meeting: str
) -> None:
    """The clock shows whole seconds: half a second past the timebox is still ``2:30 /
    2:30``, not ``⚠ OVER by 0:00`` beside it (nor the agenda row's time in red)."""
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        await pilot.pause()
        box = screen.session.current.timebox_seconds
        clock.advance(seconds=box + 0.5)
        figures = clock_figures(screen.session)
        screen.query_one(ClockBar).show(figures)
        bar = str(screen.query_one(ClockBar).render())
        assert "OVER" not in bar and not figures.item_over, bar
        assert not agenda_row(screen.session, screen.session.meeting.current).over
        clock.advance(seconds=1)
        figures = clock_figures(screen.session)
        screen.query_one(ClockBar).show(figures)
        assert "OVER by 0:01" in str(screen.query_one(ClockBar).render())
        assert agenda_row(screen.session, screen.session.meeting.current).over


async def test_wrap_up_rating_attendance_and_finalize(store: Store, demo_meeting: str) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "R", *"9", "enter")
        await pilot.press("down", "space")  # Sam Whitaker absent
        await pilot.press("F", "y")
        await pilot.pause()
        meeting = store.meeting(demo_meeting)
        assert (meeting.rating, meeting.absent, meeting.state) == (
            9,
            ["Sam Whitaker"],
            MeetingState.FINALIZED,
        )
        assert "FINALIZED" in text_of(app, "#meeting-header")
        await pilot.press("a")  # read-only: no capture line
        assert not capturing(app)


async def test_every_key_is_in_the_command_palette(store: Store, demo_meeting: str) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE):
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for wanted in (
            "Action",
            "Decision",
            "Issue",
            "Note",
            "Next",
            "Skip",
            "Pause",
            "Undo",
            "Redo",
        ):
            assert wanted in titles


async def test_small_terminal_hides_the_agenda_behind_g(store: Store, demo_meeting: str) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=(80, 24)) as pilot:
        agenda = app.screen.query_one("#agenda")
        assert not agenda.display or agenda.region.width == 0
        await pilot.press("g")
        await pilot.pause()
        assert agenda.region.width > 0 and agenda.has_focus
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert screen_of(app).session.meeting.current == 2


async def test_export_from_the_wrap_up(
    store: Store, demo_meeting: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = app_for(store, demo_meeting)
    notes = record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E")  # not offered on the open-actions review: nothing happens
        await app.workers.wait_for_complete()
        folder = tmp_path / f"reviewtui-{demo_meeting}"
        assert not folder.exists()
        await pilot.press("w", "E")
        await app.workers.wait_for_complete()  # the export runs in a worker thread
        await pilot.pause()
        assert (folder / "minutes.html").exists() and (folder / "actions.ics").exists()
        assert any("Exported" in n.title for n in notes)


async def test_a_wrong_review_key_is_corrected_and_every_change_is_kept(
    store: Store, demo_meeting: str
) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")  # A-1 dropped by mistake...
        await pilot.press("c")  # ...it was done
        await pilot.press("down", "p", *"Tom Becker", "enter")  # A-3 given to Tom
        await pilot.press("down", "e", "ctrl+a", "ctrl+k", *"Call the top twenty lost accounts")
        await pilot.press("enter")
        await pilot.pause()
        by_ref = {i.ref: i for i in store.all_items()}
        assert by_ref["A-1"].status is ActionStatus.DONE
        statuses = [(c.old, c.new) for c in by_ref["A-1"].history if c.field == "status"]
        assert statuses == [("open", "dropped"), ("dropped", "done")]
        assert by_ref["A-3"].owner == "Tom Becker"
        assert by_ref["A-2"].text == "Call the top twenty lost accounts"
        table = app.screen.query_one("#review")
        assert "⇄ reassigned" in str(table.get_row("3"))  # type: ignore[attr-defined]
        await pilot.press("up", "enter")  # the story of A-3
        await pilot.pause()
        story = "\n".join(str(w.render()) for w in app.screen.query("Static"))
        assert "created in M-1" in story
        assert "owner: Priya Raman → Tom Becker in M-2" in story
