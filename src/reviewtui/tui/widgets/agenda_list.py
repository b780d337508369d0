"""The agenda: every item with its progress, status and time; jump, reorder, skip."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.visual import VisualType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reviewtui.domain.agenda_terms import format_seconds
from reviewtui.services.agenda_view import AgendaRow
from reviewtui.tui.markup import colour_of, safe

CONTEXT_ROWS = 2
"""Rows kept in view beside the highlighted one when the agenda scrolls to it."""


class AgendaList(OptionList):
    """The agenda as a list; Enter jumps to the highlighted item."""

    BINDINGS = [
        Binding("enter", "jump", "Go to item", id="agenda.jump"),
        Binding("less_than_sign", "move(-1)", "Move up", key_display="<", id="agenda.up"),
        Binding("greater_than_sign", "move(1)", "Move down", key_display=">", id="agenda.down"),
    ]

    class Jump(Message):
        """The champion chose an agenda item to go to."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Move(Message):
        """The champion moved an agenda item up or down."""

        def __init__(self, index: int, delta: int) -> None:
            super().__init__()
            self.index = index
            self.delta = delta

    rows: list[AgendaRow] = []

    auto_links = Reactive(False)
    """No row holds a link: Textual need not copy each row drawn to style them."""

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """As Textual's, but a change repaints the two rows it concerns, not every row: a
    step moves the highlight, and painting the whole list again was 1.8 ms of a step."""

    _painted_highlight: int | None = None
    _drawn_width: int | None = None

    _sized_for: tuple[Size, Size, Size] | None = None
    """The size, scrolled size and container size the scroll bar was last set for."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # Textual's ScrollView compares the layout's idea of its scrolled size with the
        # list's own (they always differ), so every layout of the screen repainted the
        # scroll bar in a pass of its own and sent the list a Resize: on every step.
        # Private in Textual (pinned in pyproject).
        sized_for = (size, self.virtual_size, container_size)
        if sized_for == self._sized_for:
            return False
        self._sized_for = sized_for
        return super()._size_updated(size, virtual_size, container_size, layout)

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Repaint the row left and the row reached, then scroll to it."""
        for index in (self._painted_highlight, highlighted):
            if index is not None:
                self._repaint_option(index)
        self._painted_highlight = highlighted
        super().watch_highlighted(highlighted)

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Keep the highlighted row in view a page at a time: a row reached below the view
        is shown near the top (the rows that come next below it), one above near the
        bottom. Textual's scrolls one row per step once the edge is reached, and every
        scroll repaints each row and the scroll bar."""
        highlighted = self.highlighted
        if highlighted is None or not self.is_mounted:
            return
        line = self._index_to_line.get(highlighted)
        if line is None:
            return
        first, height = self.scroll_offset.y, self.scrollable_content_region.height
        if top or line >= first + height:
            wanted = line - CONTEXT_ROWS
        elif line < first:
            wanted = line - height + 1 + CONTEXT_ROWS
        else:
            return
        self.scroll_to(y=max(0, wanted), animate=False, force=True, immediate=True)

    def _repaint_option(self, index: int) -> None:
        """Mark only the lines of option ``index`` for repainting (when it is drawn)."""
        line = self._index_to_line.get(index)
        if line is not None:
            self.refresh_lines(line, self._heights.get(index, 1))

    def on_resize(self) -> None:
        """Titles are cut to the width, so redraw them all when it changes (only then: a
        resize to the same width changes no row)."""
        if self.size.width != self._drawn_width:
            self._labels: list[str] = []
            self.show(self.rows)

    def show(self, rows: list[AgendaRow]) -> None:
        """Draw the agenda; only rows whose text changed are redrawn. Before the list has
        a width nothing is drawn: its first resize draws it, once, at the right width."""
        self.rows = list(rows)
        if not self.size.width:
            return
        self._drawn_width = self.size.width
        labels = [self._label(row) for row in rows]
        drawn: list[str] = getattr(self, "_labels", [])
        if len(drawn) != len(labels) or [o.id for o in self.options] != [r.key for r in rows]:
            highlighted = self.highlighted
            self.clear_options()
            self.add_options(
                [Option(label, id=row.key) for label, row in zip(labels, rows, strict=True)]
            )
            current = next((i for i, row in enumerate(rows) if row.current), 0)
            self.highlighted = highlighted if highlighted is not None else current
        else:
            for index, (old, new) in enumerate(zip(drawn, labels, strict=True)):
                if old != new:
                    self.replace_option_prompt_at_index(index, new)
        self._labels = labels

    def update_rows(self, rows: dict[int, AgendaRow]) -> None:
        """Redraw only the rows given, by index (the rest are as drawn)."""
        drawn: list[str] = getattr(self, "_labels", [])
        for index, row in rows.items():
            label = self._label(row)
            self.rows[index] = row
            if index < len(drawn) and drawn[index] != label:
                drawn[index] = label
                self.replace_option_prompt_at_index(index, label)

    def _replace_option_prompt(self, index: int, prompt: VisualType) -> None:
        """Replace one row's text, keeping where every row is.

        Textual's OptionList measures every option again after any prompt changes (1,000
        text measurements on a 1,000-measure agenda, each step), and drops every drawn
        row. Every row here is one line, cut to the width, so a new text never moves the
        rows below it: only this row's drawings are thrown away, and the others are
        left as painted (a step redrew 25 rows, now 2). (Textual 8's
        private caches; pinned in pyproject.)
        """
        option = self.get_option_at_index(index)
        option._set_prompt(prompt)
        cache = self._option_render_cache
        for key in [key for key in cache.keys() if key[0] is option]:  # noqa: SIM118 (an LRUCache)
            cache.discard(key)
        self._repaint_option(index)

    def _update_lines(self) -> None:
        """Where each row is. Every row is one line (cut to the width, see ``_label``), so
        none needs measuring: Textual's parses and measures every option to learn its
        height (1,000 on a 1,000-measure agenda, ~60 ms before the first frame), though
        only the rows in view are ever drawn. (Textual 8's private cache; pinned.)"""
        cache = self._line_cache
        if not self.scrollable_content_region or (
            len(cache.lines) == len(self.options) == self.virtual_size.height
        ):
            return  # (asked on every repaint of a row; a resize empties the cache)
        for index in range(len(cache.lines), len(self.options)):
            cache.index_to_line[index] = index
            cache.heights[index] = 1
            cache.lines.append((index, 0))
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        virtual_size = Size(width, len(cache.lines))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def _label(self, row: AgendaRow) -> str:
        if row.status is not None:
            status = f"[{colour_of(row.status)}]{safe(row.status.symbol)}[/]"
        else:
            status = row.kind_symbol
        time = f"{format_seconds(row.used)}/{format_seconds(row.timebox)}"
        room = max(8, self.size.width - len(time) - 7)
        text = f"↷ {row.title}" if row.carried else row.title
        # Cut and padded by cells, not characters: a wide character (CJK, emoji) takes
        # two, and a row must stay one line (see _update_lines).
        title = text if cell_len(text) <= room else set_cell_size(text, room - 1) + "…"
        title = safe(title + " " * (room - cell_len(title)))
        if row.current:
            title = f"[b]{title}[/b]"
        if row.over:
            time = f"[bold $error]{time}[/]"
        return f"{row.marker} {status} {title} {time}"

    def action_jump(self) -> None:
        """Go to the highlighted item."""
        if self.highlighted is not None:
            self.post_message(self.Jump(self.highlighted))

    def action_move(self, delta: int) -> None:
        """Move the highlighted item up or down the agenda."""
        if self.highlighted is not None:
            self.post_message(self.Move(self.highlighted, delta))
