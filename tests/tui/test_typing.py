"""Nothing typed is lost: keys in a burst land in order, drafts survive Esc and quitting,
and every change can be undone and redone from the keyboard."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Static

from reviewtui.domain.capture import ItemKind
from reviewtui.domain.meeting import MeetingState
from reviewtui.services.session import Capture
from reviewtui.store.repository import Store
from reviewtui.tui.widgets.dock_input import DockInput
from tests.tui.burst import burst
from tests.tui.meeting_app import SIZE, app_for, screen_of
from tests.tui.notes import record_notes


async def settle(pilot: object, rounds: int = 6) -> None:
    for _ in range(rounds):
        await pilot.pause()  # type: ignore[attr-defined]


def texts(store: Store, meeting_id: str) -> list[str]:
    return [item.text for item in Store(store.data.root).items(meeting_id)]


async def test_lines_typed_in_one_burst_each_land_whole(store: Store, demo_meeting: str) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right")
        lines = [f"Call buyer {n} about the catalogue @maria fri" for n in range(20)]
        for line in lines:
            burst(app, "a", line, "enter")
        burst(app, "n", "and a note typed straight after", "enter")
        await settle(pilot, 20)
        saved = Store(store.data.root).items(demo_meeting)
        assert [i.text for i in saved] == [
            *(line.removesuffix(" @maria fri") for line in lines),
            "and a note typed straight after",
        ]
        assert {(i.owner, i.due) for i in saved[:20]} == {("Maria Gonzalez", dt.date(2026, 11, 27))}


async def test_backspaces_in_a_burst_keep_their_order(store: Store, demo_meeting: str) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        burst(app, "R", "10", "enter")
        await settle(pilot)
        burst(app, "R", "backspace", "backspace", "8", "enter")  # "10" shown; now 8
        await settle(pilot)
        assert store.meeting(demo_meeting).rating == 8


async def test_an_edit_starts_at_the_end_and_undo_brings_the_text_back(
    store: Store, demo_meeting: str
) -> None:
    app = app_for(store, demo_meeting)
    notes = record_notes(app)
    text = "Wholesale re-order timing needs a proper forecast model"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "n", *text, "enter", "tab")
        burst(app, "e", " (James)", "enter")
        await settle(pilot)
        assert texts(store, demo_meeting) == [f"{text} (James)"]
        await pilot.press("u")
        assert texts(store, demo_meeting) == [text]
        assert notes[-1].message == "↶ N-7 text restored"
        await pilot.press("U")
        assert texts(store, demo_meeting) == [f"{text} (James)"]
        assert notes[-1].message == "↷ N-7 text edited again"


async def test_undo_says_where_a_change_was_when_it_is_not_on_screen(
    store: Store, demo_meeting: str
) -> None:
    app = app_for(store, demo_meeting)
    notes = record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "i", *"Catalogue timing", "enter", "right", "right")
        await pilot.press("ctrl+z")
        assert notes[-1].message == "↶ I-7 removed (its capture undone) (on Revenue)"
        assert texts(store, demo_meeting) == []
        await pilot.press("ctrl+y")
        assert texts(store, demo_meeting) == ["Catalogue timing"]


async def test_a_draft_survives_escape_and_quitting(store: Store, demo_meeting: str) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "n", *"Half a thought about", "escape")
        screen = screen_of(app)
        assert not screen.capture_line.is_open
        await pilot.press("n")
        entry = screen.query_one("#capture-entry", DockInput)
        assert entry.value == "Half a thought about" and entry.cursor_at_end
        await pilot.press(*" wholesale")
        await pilot.press("ctrl+q")  # quit with the line open
    assert Store(store.data.root).items(demo_meeting) == []
    again = app_for(Store(store.data.root, clock=store.clock), demo_meeting)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("n")  # the meeting resumes on Revenue
        entry = screen_of(again).query_one("#capture-entry", DockInput)
        assert entry.value == "Half a thought about wholesale"
        await pilot.press("enter")
    assert texts(store, demo_meeting) == ["Half a thought about wholesale"]
    assert store.meeting(demo_meeting).drafts == {}


async def test_drafts_are_saved_each_second_while_typing(store: Store, demo_meeting: str) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "a", *"Typed before a kill")
        screen_of(app)._tick()  # the one-second tick
        drafts = Store(store.data.root).meeting(demo_meeting).drafts
        assert [d.text for d in drafts.values()] == ["Typed before a kill"]


async def test_names_complete_with_tab_and_the_preview_says_did_you_mean(
    store: Store, demo_meeting: str
) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "i", *"Carrier contract", "tab", *"pr", "tab")
        screen = screen_of(app)
        assert screen.query_one("#capture-owner", DockInput).value == "Priya Raman"
        await pilot.press("escape", "a", "ctrl+u", *"Brief the agency @mria 31/12")
        preview = str(screen.query_one("#capture-preview", Static).render())
        assert "did you mean Maria Gonzalez?" in preview
        assert "Thu 31 Dec (in 38 days)" in preview
        await pilot.press("ctrl+u", *"Book the venue @Eve Stone 1/11")
        preview = str(screen.query_one("#capture-preview", Static).render())
        assert "Owner: Eve Stone" in preview and "read as one new name" in preview
        assert "Nov 2027" in preview  # 1/11 next comes round in a year


async def test_the_captured_list_keeps_its_cursor_on_the_changed_item(
    store: Store, demo_meeting: str
) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right")
        screen = screen_of(app)
        for text in ("first", "second", "third"):
            screen.session.captures.capture(Capture(ItemKind.NOTE, text))
        screen.refresh_all()
        await pilot.press("tab", "up", "up", "t", "d")  # "first" becomes a decision
        await settle(pilot)
        listing = screen.query_one("#captured")
        assert listing.highlighted_number() == screen.session.items[0].number  # type: ignore[attr-defined]


async def test_finalize_names_what_is_left_and_undo_reopens(
    store: Store, demo_meeting: str
) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "F")
        question = "\n".join(str(w.render()) for w in app.screen.query(Static))
        assert "measure(s) never opened" in question and "Finalize anyway?" in question
        await pilot.press("y")
        assert store.meeting(demo_meeting).state is MeetingState.FINALIZED
        await pilot.press("u", "y")
        await settle(pilot)
        assert store.meeting(demo_meeting).state is MeetingState.IN_PROGRESS
