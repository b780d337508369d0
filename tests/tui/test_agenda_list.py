"""The agenda list beside the item: it follows the meeting, and repaints only what changed."""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip

from reviewtui.services.actions import add_action
from reviewtui.store.repository import Store
from reviewtui.tui.app import ReviewApp
from reviewtui.tui.widgets.agenda_list import AgendaList
from tests.tui.meeting_app import app_for, screen_of
from tests.tui.test_external_changes import screen_shows

SHORT = (120, 20)
"""Too short for the demo's 23 agenda items: the list has to scroll."""


def painted(listing: AgendaList) -> list[Strip]:
    """The rows as painted now (Textual's line cache: rows not marked stale stay as drawn)."""
    return listing.render_lines(Region(0, 0, listing.size.width, listing.size.height))


def visible_rows(listing: AgendaList) -> range:
    """The agenda indexes in view (each row is one line)."""
    first = listing.scroll_offset.y
    return range(first, first + listing.scrollable_content_region.height)


async def test_the_agenda_follows_the_item_under_way_a_page_at_a_time(
    store: Store, demo_meeting: str
) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SHORT) as pilot:
        listing = app.screen.query_one(AgendaList)
        last = len(screen_of(app).session.meeting.agenda) - 1
        assert listing.scrollable_content_region.height < last + 1
        scrolled_to = {listing.scroll_offset.y}
        current = 0
        for _ in range(3 * last):  # a warning holds a step once: press again
            await pilot.press("right")
            current = screen_of(app).session.meeting.current
            assert listing.highlighted == current  # `g` opens the agenda on it
            assert current in visible_rows(listing)
            scrolled_to.add(listing.scroll_offset.y)
            if current == last:
                break
        assert current == last
        # A page at a time, not a row per step once the edge is reached.
        assert len(scrolled_to) <= 3, scrolled_to
        for _ in range(last):
            await pilot.press("left")
            assert screen_of(app).session.meeting.current in visible_rows(listing)


async def test_a_step_repaints_the_rows_it_changes_and_they_match_a_full_repaint(
    store: Store, demo_meeting: str
) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SHORT) as pilot:
        listing = app.screen.query_one(AgendaList)
        # Steps, then the agenda's own cursor (g, up and down) that changes no row's text.
        steps = (["right"] * 3, ["left"], ["right"] * 14, ["left"] * 2, ["g", "down"], ["up"])
        for keys in steps:
            await pilot.press(*keys)
            await pilot.pause()
            as_painted = painted(listing)
            listing.refresh()  # every row drawn afresh
            await pilot.pause()
            assert as_painted == painted(listing), f"a row left stale after {keys}"


async def test_a_row_reworded_repaints_only_that_row(store: Store, demo_meeting: str) -> None:
    app: ReviewApp = app_for(store, demo_meeting)
    async with app.run_test(size=SHORT) as pilot:
        listing = app.screen.query_one(AgendaList)
        await pilot.pause()
        listing.replace_option_prompt_at_index(5, "a new title")
        region = listing._repaint_regions  # what the next frame will paint again
        assert {(r.y, r.height) for r in region} == {(5 - listing.scroll_offset.y, 1)}
        await pilot.pause()
        assert "a new title" in painted(listing)[5 - listing.scroll_offset.y].text


async def test_a_redraw_leaves_the_cursor_where_the_champion_moved_it(
    store: Store, demo_meeting: str
) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SHORT) as pilot:
        listing = app.screen.query_one(AgendaList)
        await pilot.press("right", "g", "down", "down")
        browsing = listing.highlighted
        assert browsing == screen_of(app).session.meeting.current + 2
        other = Store(store.data.root, store.clock)
        add_action(other, "Ring the wholesale buyers", "Maria Gonzalez", None, "FIN-01")
        assert await screen_shows(pilot, "Ring the wholesale buyers", within=2.0) is not None
        assert listing.highlighted == browsing  # every row was drawn again, cursor kept
        await pilot.press("enter")  # and it still goes where the champion pointed
        await pilot.pause()
        assert screen_of(app).session.meeting.current == browsing
        assert listing.highlighted == browsing
