"""The wall: the scorecard overview (o), and every item captured on the parking lot and the
wrap-up shown there."""

from __future__ import annotations

from textual.widgets import Digits, OptionList, Static

from reviewtui.domain.capture import ItemKind
from reviewtui.store.repository import Store
from reviewtui.tui.screens.overview import OverviewScreen
from reviewtui.tui.widgets.big_figure import BigFigure
from reviewtui.tui.widgets.key_footer import KeyFooter
from tests.tui.meeting_app import SIZE, app_for, screen_of


async def test_the_overview_lists_every_measure_and_enter_goes_to_one(
    store: Store, demo_meeting: str
) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "o")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        listing = app.screen.query_one(OptionList)
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        names = [
            m.name for _, _, m in store.meeting_scorecard(store.meeting(demo_meeting)).measures()
        ]
        assert all(any(name[:12] in line for line in shown) for name in names)
        assert {"Financial", "Customer", "Internal process", "People"} <= set(shown)
        assert any("✖ Off track" in line and "Revenue" in line for line in shown)
        assert str(listing.get_option_at_index(listing.highlighted or 0).id) == "FIN-01"
        await pilot.press("down", "enter")  # the next measure in scorecard order
        await pilot.pause()
        meeting = screen_of(app).session
        assert meeting.current.measure_id == "FIN-02"


async def test_a_decision_on_the_parking_lot_and_a_note_at_the_wrap_up_are_shown_there(
    store: Store, demo_meeting: str
) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        parking = next(
            i for i, a in enumerate(screen.session.meeting.agenda) if a.key == "parking-lot"
        )
        screen._go(parking)
        await pilot.press("d", *"Park the pricing review until Q1", "enter")
        await pilot.pause()
        title = str(screen.query_one("#parking-title", Static).render())
        assert "1 other item(s) captured here" in title
        parked = screen.query_one("#parking", OptionList)
        shown = [str(parked.get_option_at_index(i).prompt) for i in range(parked.option_count)]
        assert any("Park the pricing review until Q1" in line for line in shown)
        await pilot.press("w", "n", *"Thanks all: a good meeting", "enter")
        await pilot.pause()
        summary = str(screen.query_one("#wrapup-summary", Static).render())
        assert "Captured at the wrap-up (1)" in summary and "Thanks all" in summary
        kinds = {i.kind for i in screen.session.items}
        assert {ItemKind.DECISION, ItemKind.NOTE} <= kinds


async def test_the_headline_figure_grows_with_the_screen(store: Store, demo_meeting: str) -> None:
    heights = {}
    for size in ((80, 24), (120, 36), (160, 45)):
        app = app_for(store, demo_meeting)
        async with app.run_test(size=size) as pilot:
            await pilot.press("right")
            await pilot.pause()
            big = app.screen.query_one(BigFigure)
            digits = app.screen.query_one("#measure-actual", Digits)
            shown = big if big.display else digits
            heights[size] = shown.region.height
            if big.display:
                assert "█" in str(big.render())
    assert heights[(80, 24)] == 3  # Textual's Digits where there is no room for more
    assert heights[(120, 36)] >= 5
    assert heights[(160, 45)] >= 10  # the issue asks for at least 5 rows at 160x45


async def test_the_footer_keeps_the_wrap_up_and_overview_keys_on_the_review(
    store: Store, demo_meeting: str
) -> None:
    footers = {}
    for size in ((80, 24), (120, 36), (160, 45)):
        app = app_for(store, demo_meeting)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            screen_of(app)._go(0)  # each run resumes where the last one left the meeting
            await pilot.pause()
            review = str(app.screen.query_one(KeyFooter).render())
            await pilot.press("right")
            await pilot.pause()
            footers[size] = (review, str(app.screen.query_one(KeyFooter).render()))
    for size in ((120, 36), (160, 45)):
        review, measure = footers[size]
        assert "w Wrap-up" in review and "o Overview" in review and "c Done" in review
        assert "u Undo" in measure and "? Keys" in measure
    review, measure = footers[(80, 24)]
    assert "c Done" in review and "x Dropped" in review  # the review's own keys first
    assert "a Action" in measure and "u Undo" in measure  # capturing and undo first
    assert all(line.rstrip().endswith("^p palette") for pair in footers.values() for line in pair)


async def test_the_review_heading_names_the_review_tables_own_keys(
    store: Store, demo_meeting: str
) -> None:
    from reviewtui.tui.widgets.review_table import ReviewTable

    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        heading = str(app.screen.query_one("#review-title", Static).render())
    hints = heading.split(") · ", 1)[1].split(" · ")
    named = {hint.split()[0] for hint in hints} - {"⏎"}
    bound = {key for b in ReviewTable.BINDINGS for key in str(b.key).split(",")}
    assert named and named <= bound, (named, bound)  # never a key that does nothing
