"""The scorecard overview (``o``): every measure on one screen, grouped by perspective.

Status is symbol and word (colour is a third cue), figures are right-aligned so they
line up down the column, and Enter goes to the highlighted measure's agenda item.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reviewtui.services.overview import OverviewRow, status_counts
from reviewtui.tui.markup import colour_of, safe, status_badge
from reviewtui.tui.widgets.key_footer import KeyFooter

WIDE = 110
"""From this width the overview also shows the trend line, the owner and open actions."""
COLUMNS = (16, 0, 11, 14, 12, 8, 14, 4)
"""Cells per column (status, measure, actual, target, trend, line, owner, open actions);
the measure's name takes what is left (0). Figures are right-aligned."""
RIGHT = {2, 7}


def _layout(cells: list[tuple[str, str]], width: int) -> str:
    """One row of markup: each cell fitted to its column, two spaces between columns."""
    widths = list(COLUMNS[: len(cells)])
    widths[1] = max(12, width - sum(widths) - 2 * (len(cells) - 1))
    parts = []
    for index, ((text, style), cells_wide) in enumerate(zip(cells, widths, strict=True)):
        shown = safe(right(text, cells_wide) if index in RIGHT else fit(text, cells_wide))
        parts.append(f"[{style}]{shown}[/]" if style else shown)
    return "  ".join(parts)


def fit(text: str, width: int) -> str:
    """``text`` cut (with an ellipsis) or padded to exactly ``width`` cells."""
    if cell_len(text) > width:
        while cell_len(text) > width - 1:
            text = text[:-1]
        return text + "…"
    return text + " " * (width - cell_len(text))


def right(text: str, width: int) -> str:
    """``text`` right-aligned in ``width`` cells (cut if longer)."""
    shown = fit(text, width).rstrip()
    return " " * (width - cell_len(shown)) + shown


class OverviewList(OptionList):
    """The measures; Enter goes to the highlighted one."""

    BINDINGS = [Binding("enter", "select", "Go to measure", id="overview.go")]


class OverviewScreen(Screen[int | None]):
    """The whole scorecard; dismissed with the agenda index to go to, or None."""

    DEFAULT_CSS = """
    OverviewScreen #overview-title { height: auto; padding: 1 1 0 1; }
    OverviewScreen OverviewList { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape,o", "back", "Back to the meeting", key_display="esc", id="overview.back"),
    ]

    def __init__(self, title: str, rows: list[OverviewRow], current: str | None) -> None:
        super().__init__()
        self.title_text = title
        self.rows = rows
        self.current = current

    def compose(self) -> ComposeResult:
        """A heading with the status counts, the measures, the keys."""
        counts = " · ".join(f"{status_badge(level)} {n}" for level, n in status_counts(self.rows))
        yield Static(
            f"[b]Scorecard overview[/b]  {safe(self.title_text)}\n{counts}", id="overview-title"
        )
        yield OverviewList(id="overview")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill the list and put the cursor on the measure under discussion."""
        self.show()
        self.query_one(OptionList).focus()

    def on_resize(self) -> None:
        """Columns follow the width."""
        self.show()

    def show(self) -> None:
        """Draw every row at the screen's width."""
        listing = self.query_one(OptionList)
        # The list's border, padding and scrollbar take about six cells.
        width = max(60, (listing.size.width or self.size.width) - 6)
        wide = width >= WIDE
        options: list[Option] = []
        perspective = None
        highlight = None
        header = ["Status", "Measure", "Actual", "Target", "Trend", "Line", "Owner", "Open"]
        titles = [(title, "bold") for title in header[: len(COLUMNS) if wide else 5]]
        options.append(Option(Content.from_markup(_layout(titles, width)), disabled=True))
        for row in self.rows:
            if row.perspective != perspective:
                perspective = row.perspective
                options.append(
                    Option(Content.from_markup(f"[b]{safe(perspective)}[/b]"), disabled=True)
                )
            if row.measure_id == self.current:
                highlight = len(options)
            options.append(Option(self._line(row, width, wide), id=row.measure_id))
        listing.set_options(options)
        if highlight is not None:
            listing.highlighted = highlight

    def _line(self, row: OverviewRow, width: int, wide: bool) -> Content:
        cells = [
            (f"{row.status.symbol} {row.status.name}", f"bold {colour_of(row.status)}"),
            (row.name, ""),
            (row.actual, ""),
            (row.target, ""),
            (f"{row.trend.symbol} {row.trend.value}", ""),
        ]
        if wide:
            actions = str(row.open_actions) if row.open_actions else "–"
            cells += [(row.spark, "$accent"), (row.owner or "⚠ nobody", ""), (actions, "")]
        return Content.from_markup(_layout(cells, width))

    @on(OptionList.OptionSelected)
    def _go(self, event: OptionList.OptionSelected) -> None:
        measure_id = event.option.id
        row = next((r for r in self.rows if r.measure_id == measure_id), None)
        if row is None:
            return
        if row.agenda_index is None:
            self.notify(f"{row.name} is not on this meeting's agenda", severity="warning")
            return
        self.dismiss(row.agenda_index)

    def action_back(self) -> None:
        """Back to the item under discussion."""
        self.dismiss(None)
