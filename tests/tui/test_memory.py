"""A long meeting keeps its memory flat: nothing a capture creates outlives it."""

from __future__ import annotations

import gc

from textual.widgets._footer import FooterKey

from reviewtui.store.repository import Store
from reviewtui.tui.app import ReviewApp


def live_footer_keys() -> int:
    gc.collect()
    return sum(1 for thing in gc.get_objects() if isinstance(thing, FooterKey))


async def test_dialogs_opened_and_closed_leave_no_footer_keys_behind(
    store: Store, demo_meeting: str
) -> None:
    """Textual's Footer kept every key it ever drew (0.6 MB a capture over a meeting)."""
    app = ReviewApp(store, demo_meeting, cursor_blink=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right")
        await pilot.pause()
        baseline = live_footer_keys()
        for number in range(12):
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*f"note {number}", "enter")
            await pilot.pause()
        assert live_footer_keys() <= baseline + 5
