"""An agenda step lays the screen out once, not twice: the measure's parts that change
size on every step take their size from that layout (see ``tui/widgets/leaf.py``). A clock
tick lays nothing out, and nothing drawn is searched for links."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.screen import Screen
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from reviewtui.domain.agenda_terms import AgendaKind
from reviewtui.domain.clock import FixedClock
from reviewtui.store.repository import Store
from reviewtui.tui.widgets.agenda_list import AgendaList
from reviewtui.tui.widgets.clock_bar import ClockBar
from reviewtui.tui.widgets.leaf import Leaf
from tests.tui.meeting_app import app_for, screen_of


def record_calls(
    monkeypatch: pytest.MonkeyPatch, owner: type, name: str, calls: list[str], label: str
) -> None:
    """Append ``label`` to ``calls`` each time ``owner.name`` runs (it still runs)."""
    original = getattr(owner, name)

    def recorded(*args: object, **kwargs: object) -> object:
        calls.append(label)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, recorded)


async def test_a_step_between_measures_is_laid_out_and_drawn_once(
    store: Store, demo_meeting: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One layout and one drawing pass a step: not a second layout for the measure's
    parts that changed size, nor a second pass for the agenda's scroll bar."""
    layouts: list[str] = []
    record_calls(monkeypatch, Screen, "_refresh_layout", layouts, "layout")
    record_calls(monkeypatch, Screen, "_compositor_refresh", layouts, "drawn")
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
                per_step.append((layouts.count("layout"), layouts.count("drawn")))
            warned = not moved
        # Each twice a step before. (A sparkline that changes width, or a scrollbar that
        # comes or goes, still asks for its own now and then.)
        assert len(per_step) >= 10, per_step
        assert sum(laid for laid, _ in per_step) <= len(per_step) + 2, per_step
        assert sum(drawn for _, drawn in per_step) <= len(per_step) + 2, per_step


async def test_a_step_repaints_the_agendas_scroll_bar_only_when_it_scrolls(
    store: Store, demo_meeting: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual repainted a scrolling list's scroll bar after every layout of the screen,
    in a drawing pass of its own: on every step of a long agenda."""
    repaints: list[int] = []
    repaint = ScrollBar.refresh

    def counted(bar: ScrollBar, *args: object, **kwargs: object) -> ScrollBar:
        if isinstance(bar.parent, AgendaList):
            repaints.append(bar.parent.scroll_offset.y)
        return repaint(bar, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ScrollBar, "refresh", counted)
    app = app_for(store, demo_meeting)
    async with app.run_test(size=(120, 20)) as pilot:  # the agenda scrolls here
        screen = screen_of(app)
        await pilot.press("right")
        await pilot.pause()
        repaints.clear()
        offsets = set()
        for _ in range(10):
            await pilot.press("right")
            await pilot.pause()
            offsets.add(screen.query_one(AgendaList).scroll_offset.y)
        # A page turn repaints it (the offset changed); a step within the page does not.
        assert len(repaints) <= 2 * len(offsets), (repaints, offsets)


async def test_a_step_looks_for_no_links_in_the_text_it_draws(
    store: Store, demo_meeting: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Our text holds no links (user text is escaped), so the measure's parts and the
    agenda are drawn without Textual copying each of their lines to style links."""
    drawing: list[Widget] = []
    styled: list[Widget] = []
    style_links, render_lines = Strip._apply_link_style, Widget.render_lines

    def rendered(widget: Widget, crop: Region) -> list[Strip]:
        drawing.append(widget)
        try:
            return render_lines(widget, crop)
        finally:
            drawing.pop()

    def counted(strip: Strip, link_style: Style) -> Strip:
        styled.append(drawing[-1])
        return style_links(strip, link_style)

    monkeypatch.setattr(Widget, "render_lines", rendered)
    monkeypatch.setattr(Strip, "_apply_link_style", counted)
    app = app_for(store, demo_meeting)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = screen_of(app)
        await pilot.press("right")  # the first measure
        await pilot.pause()
        drawing.clear()
        styled.clear()
        for _ in range(6):
            await pilot.press("right")
            await pilot.pause()
        assert screen.session.meeting.current > 2
        ours = [widget for widget in styled if isinstance(widget, (Leaf, AgendaList))]
        assert not ours, {f"{type(widget).__name__}#{widget.id}" for widget in ours}


async def test_a_clock_tick_repaints_the_clock_without_a_layout(
    store: Store, demo_meeting: str, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The clock line is one line whatever it says: each second repaints it, and lays
    nothing out (a layout of the whole screen each second, ~1.5 ms at 1,000 measures)."""
    layouts: list[str] = []
    record_calls(monkeypatch, Screen, "_refresh_layout", layouts, "layout")
    app = app_for(store, demo_meeting)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = screen_of(app)
        await pilot.press("right")
        await pilot.pause()
        bar = screen.query_one(ClockBar)
        shown = str(bar.render())
        layouts.clear()
        for _ in range(3):
            clock.advance(seconds=7)
            screen._tick()
            await pilot.pause()
        assert str(bar.render()) != shown  # the time moved on
        assert layouts == []
