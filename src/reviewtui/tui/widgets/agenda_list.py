"""The agenda: every item with its progress, status and time; jump, reorder, skip."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reviewtui.domain.agenda import AgendaItem, AgendaKind, format_seconds
from reviewtui.services.session import MeetingSession
from reviewtui.tui.markup import colour_of, safe

KIND_SYMBOL = {
    AgendaKind.OPEN_ACTIONS: "↺",
    AgendaKind.PARKING_LOT: "◧",
    AgendaKind.WRAP_UP: "⚑",
}


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

    session: MeetingSession | None = None

    def on_resize(self) -> None:
        """Titles are cut to the width, so redraw when it changes."""
        if self.session is not None:
            self.show(self.session)

    def show(self, session: MeetingSession) -> None:
        """Redraw every item, keeping the highlight where it was."""
        self.session = session
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(
            [
                Option(self._label(session, index, item), id=item.key)
                for index, item in enumerate(session.meeting.agenda)
            ]
        )
        self.highlighted = highlighted if highlighted is not None else session.meeting.current

    def _label(self, session: MeetingSession, index: int, item: AgendaItem) -> str:
        current = index == session.meeting.current
        marker = "▶" if current else item.progress.symbol
        measure = session.state.measure(item)
        if measure is not None:
            level = session.state.level(measure)
            status = f"[{colour_of(level)}]{safe(level.symbol)}[/]"
        else:
            status = KIND_SYMBOL.get(item.kind, " ")
        used = session.clock.used(item)
        time = f"{format_seconds(used)}/{format_seconds(item.timebox_seconds)}"
        room = max(8, (self.size.width or 38) - len(time) - 7)
        title = item.title if len(item.title) <= room else item.title[: room - 1] + "…"
        title = safe(title).ljust(room)
        if current:
            title = f"[b]{title}[/b]"
        if used > item.timebox_seconds and used >= 1:
            time = f"[bold $error]{time}[/]"
        return f"{marker} {status} {title} {time}"

    def action_jump(self) -> None:
        """Go to the highlighted item."""
        if self.highlighted is not None:
            self.post_message(self.Jump(self.highlighted))

    def action_move(self, delta: int) -> None:
        """Move the highlighted item up or down the agenda."""
        if self.highlighted is not None:
            self.post_message(self.Move(self.highlighted, delta))
