"""The review table and the agenda list at any length: drawn once, at the right width,
showing what was typed."""

from __future__ import annotations

import datetime as dt

import pytest
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.content import Content

from reviewtui.services.actions import add_action
from reviewtui.services.agenda_view import AgendaRow
from reviewtui.services.views import ReviewRow
from reviewtui.store.repository import Store
from reviewtui.tui.widgets.agenda_list import AgendaList
from reviewtui.tui.widgets.review_table import FEW_CHANGES, ReviewTable
from tests.tui.meeting_app import SIZE, app_for, screen_of


async def test_a_long_review_scrolls_to_its_last_action_shown_as_typed(
    store: Store, demo_meeting: str
) -> None:
    soon = store.clock.today() + dt.timedelta(days=30)
    for number in range(30):
        add_action(store, f"Ring buyer {number}", "Tom Becker", soon)
    last = store.clock.today() + dt.timedelta(days=90)  # soonest due first: this one last
    add_action(store, "Send the [draft] deck to [bold]finance[/bold]", "Maria Gonzalez", last)
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(ReviewTable)
        assert screen_of(app).session.meeting.current == 0  # the review is on screen
        assert table.virtual_size.height == 1 + 2 * table.row_count  # header, 2 lines a row
        table.move_cursor(row=table.row_count - 1)
        await pilot.pause()
        shown = "\n".join(table.render_line(y).text for y in range(table.size.height))
        assert "Send the [draft] deck" in shown


async def test_the_review_and_the_agenda_are_drawn_once_when_the_meeting_opens(
    store: Store, demo_meeting: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Drawn at a guessed width and again at the real one cost twice the work before the
    first frame (1,000 actions: ~90 ms each time)."""
    rows_added: list[object] = []
    agenda_filled: list[int] = []
    add_row, add_options = ReviewTable.add_row, AgendaList.add_options

    def counted_row(self: ReviewTable, *cells: object, **options: object) -> object:
        rows_added.append(cells[0])
        return add_row(self, *cells, **options)  # type: ignore[arg-type]

    def counted_options(self: AgendaList, new: list[object]) -> AgendaList:
        if new:  # (the empty list the OptionList starts with)
            agenda_filled.append(len(new))
        return add_options(self, new)  # type: ignore[arg-type]

    monkeypatch.setattr(ReviewTable, "add_row", counted_row)
    monkeypatch.setattr(AgendaList, "add_options", counted_options)
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session = screen_of(app).session
        assert len(rows_added) == len(session.carried) > 0
        assert agenda_filled == [len(session.meeting.agenda)]
        await pilot.resize_terminal(100, 30)  # a new width: the action column is refitted
        await pilot.pause()
        assert len(rows_added) == 2 * len(session.carried)


WIDE_TITLES = ["営業利益率の四半期推移と地域別の内訳の詳細", "Revenue " + "📈" * 11]
"""Each character two cells wide: cut by characters, the row would wrap onto a second line."""


@pytest.mark.parametrize("title", WIDE_TITLES)
async def test_an_agenda_row_with_wide_characters_stays_one_line(
    store: Store, demo_meeting: str, title: str
) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(AgendaList)
        row = AgendaRow("x", title, "○", None, "▦", 0, 300, current=True)
        width = listing.scrollable_content_region.width
        shown = Content.from_markup(listing._label(row)).plain
        assert cell_len(shown) <= width - 2  # the option's padding
        assert shown.rstrip().endswith("0:00/5:00")


def count_rebuilds(table: ReviewTable) -> list[int]:
    """A list that grows each time ``table`` is cleared to be drawn again whole."""
    rebuilt: list[int] = []
    cleared = table.clear

    def clear(columns: bool = False) -> ReviewTable:
        rebuilt.append(1)
        return cleared(columns)

    table.clear = clear  # type: ignore[method-assign]
    return rebuilt


async def test_an_outcome_redraws_its_row_not_the_table(store: Store, demo_meeting: str) -> None:
    """Each redraw of the review rebuilt every row (1,000 actions: ~45 ms a keypress)."""
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(ReviewTable)
        rebuilt = count_rebuilds(table)
        await pilot.press("c")  # the first action: done
        await pilot.pause()
        assert rebuilt == []
        shown = [table.render_line(y).text for y in range(table.size.height)]
        assert "✔ done" in shown[1] and "A-1" in shown[1]  # under the header
        assert all("✔ done" not in line for line in shown[2:])


async def test_an_action_added_elsewhere_joins_the_review_in_its_place(
    store: Store, demo_meeting: str
) -> None:
    app = app_for(store, demo_meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(ReviewTable)
        rebuilt = count_rebuilds(table)
        before = table.row_count
        other = Store(store.data.root, store.clock)  # another terminal
        added, _ = add_action(other, "Ring the buyers", "Tom Becker", store.clock.today())
        for _ in range(40):
            await pilot.pause(0.05)
            if table.row_count > before:
                break
        assert rebuilt == []
        shown = [row.ref for row in table.review_rows]
        ordered = [table.get_row_at(index)[0].plain for index in range(table.row_count)]
        assert ordered == shown and added.ref in shown  # due today: among the late ones
        assert 0 < shown.index(added.ref) < len(shown) - 1


async def test_the_review_follows_actions_gone_added_and_reordered() -> None:
    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield ReviewTable()

    def row(number: int, due: str = "1 Dec") -> ReviewRow:
        return ReviewRow(number, f"A-{number}", "○ open", f"Action {number}", "Tom", due)

    app = One()
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(ReviewTable)
        table.show([row(1), row(2), row(3)])
        await pilot.pause()
        rebuilt = count_rebuilds(table)
        table.show([row(3, "2 Dec"), row(4), row(1)])  # 2 gone, 4 new, 3 changed, reordered
        await pilot.pause()
        assert rebuilt == []
        assert [table.get_row_at(i)[0].plain for i in range(table.row_count)] == [
            "A-3",
            "A-4",
            "A-1",
        ]
        assert table.get_row_at(0)[4].plain == "2 Dec"
        table.show([row(n) for n in range(10, 10 + FEW_CHANGES + 1)])  # all new: drawn again
        assert rebuilt == [1] and table.row_count == FEW_CHANGES + 1


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 36), (160, 45)])
async def test_every_review_column_fits_beside_the_agenda(
    store: Store, demo_meeting: str, size: tuple[int, int]
) -> None:
    """At 100 columns (the agenda beside the item) the due dates were cut off the edge."""
    app = app_for(store, demo_meeting)
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.1)
        table = app.screen.query_one(ReviewTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        shown = "\n".join(table.render_line(y).text for y in range(table.size.height))
        dues = [word for row in table.review_rows for word in row.due.split()]
        assert "Due" in shown and all(word in shown for word in dues), (dues, shown)
