"""An agenda step lays the screen out once, not twice: the measure's parts that change
size on every step take their size from that layout (see ``tui/widgets/leaf.py``)."""

from __future__ import annotations

import pytest
from textual.screen import Screen

from reviewtui.domain.agenda_terms import AgendaKind
from reviewtui.store.repository import Store
from tests.tui.meeting_app import app_for, screen_of


async def test_a_step_between_measures_is_laid_out_once(
    store: Store, demo_meeting: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    layouts: list[int] = []
    lay_out = Screen._refresh_layout

    def counted(screen: Screen[object], *args: object, **kwargs: object) -> None:
        layouts.append(1)
        lay_out(screen, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    app = app_for(store, demo_meeting)
    # The projector's size: no measure of the demo overflows there, so no scrollbar
    # comes or goes (at 120x36 some do, and a scrollbar needs its own layout).
    async with app.run_test(size=(160, 45)) as pilot:
        screen = screen_of(app)
        await pilot.press("right")  # the first measure
        await pilot.pause()
        agenda = screen.session.meeting.agenda
        per_step: list[int] = []
        warned = False
        while agenda[screen.session.meeting.current + 1].kind is AgendaKind.MEASURE:
            was = screen.session.meeting.current
            layouts.clear()
            await pilot.press("right")
            await pilot.pause()
            moved = screen.session.meeting.current != was
            if moved and not warned:  # a warning's toast, shown or taken away, is laid out
                per_step.append(len(layouts))
            warned = not moved
        # Twice a step before. (A sparkline that changes width, or a scrollbar that comes
        # or goes, still asks for its own now and then.)
        assert len(per_step) >= 10 and sum(per_step) <= len(per_step) + 2, per_step
