"""The meeting screen: agenda, the item under discussion, the clock, and capture keys."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.message import Message
from textual.widgets import ContentSwitcher, Static

from reviewtui.domain.agenda import AgendaKind
from reviewtui.domain.capture import CapturedItem, ItemKind
from reviewtui.domain.display import day_month
from reviewtui.errors import ReviewError
from reviewtui.exporters.export import ExportResult, default_folder, export_meeting
from reviewtui.services.session import CHECKPOINT_SECONDS, MeetingSession
from reviewtui.services.views import agenda_rows, clock_figures, measure_card, review_rows
from reviewtui.services.wrapup import wrap_up
from reviewtui.tui.markup import safe
from reviewtui.tui.screens.dialogs import ConfirmScreen, PromptScreen
from reviewtui.tui.screens.reviewing import ReviewingScreen
from reviewtui.tui.widgets.agenda_list import AgendaList
from reviewtui.tui.widgets.captured_list import CapturedList
from reviewtui.tui.widgets.clock_bar import ClockBar
from reviewtui.tui.widgets.key_footer import KeyFooter
from reviewtui.tui.widgets.measure_view import MeasureView
from reviewtui.tui.widgets.review_table import ReviewTable
from reviewtui.tui.widgets.wrapup_view import WrapUpView

WATCH_SECONDS = 0.5
"""How often the screen looks for changes made by other processes."""
NARROW = 100
"""Below this width the agenda is one key (g) away instead of always shown."""
VIEW_OF = {
    AgendaKind.MEASURE: "view-measure",
    AgendaKind.OPEN_ACTIONS: "view-review",
    AgendaKind.PARKING_LOT: "view-parking",
    AgendaKind.WRAP_UP: "view-wrapup",
}
WRITES = {
    "capture",
    "skip",
    "undo",
    "rate",
    "finalize",
}


class MeetingScreen(ReviewingScreen):
    """Runs one meeting (or shows a finalized one, read-only)."""

    BINDINGS = [
        Binding("question_mark", "app.keys", "Keys", key_display="?", id="meeting.keys"),
        Binding("E", "export", "Export", id="meeting.export"),
        Binding("a", "capture('action')", "Action", id="meeting.action"),
        Binding("d", "capture('decision')", "Decision", id="meeting.decision"),
        Binding("i", "capture('issue')", "Issue", id="meeting.issue"),
        Binding("n", "capture('note')", "Note", id="meeting.note"),
        Binding(
            "right,pagedown", "step(1)", "Next", key_display="→", id="meeting.next", priority=True
        ),
        Binding(
            "left,pageup", "step(-1)", "Back", key_display="←", id="meeting.back", priority=True
        ),
        Binding("s", "skip", "Skip", id="meeting.skip"),
        Binding("space", "pause", "Pause", key_display="␣", id="meeting.pause"),
        Binding("u", "undo", "Undo", id="meeting.undo"),
        Binding("g", "agenda", "Agenda", id="meeting.agenda"),
        Binding("w", "wrap_up", "Wrap-up", id="meeting.wrapup"),
        Binding("O", "reopen", "Reopen", id="meeting.reopen"),
    ]

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        self._warned_key: str | None = None
        self._ticks = 0
        self._keys_state: tuple[AgendaKind, bool] | None = None

    def compose(self) -> ComposeResult:
        """Header, clock, agenda beside the item, captured items, footer."""
        yield Static(id="meeting-header")
        yield ClockBar(id="clock")
        with Horizontal(id="body"):
            yield AgendaList(id="agenda")
            with Vertical(id="item-pane"):
                with ContentSwitcher(id="views", initial="view-review"):
                    yield MeasureView(id="view-measure")
                    with Vertical(id="view-review"):
                        yield Static(id="review-title")
                        yield ReviewTable(id="review")
                    with Vertical(id="view-parking"):
                        yield Static(id="parking-title")
                        yield CapturedList(id="parking")
                    yield WrapUpView(id="view-wrapup")
                yield Static(id="captured-title")
                yield CapturedList(id="captured")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        """Start the clock and draw everything."""
        self.session.start()
        self.set_interval(1, self._tick)
        self.set_interval(WATCH_SECONDS, self._watch)
        self.refresh_all(focus=True)

    def on_resize(self, event: Resize) -> None:
        """Hide the agenda behind ``g`` on small terminals."""
        self.set_class(event.size.width < NARROW, "-narrow")

    # -- drawing ---------------------------------------------------------------------

    def refresh_all(self, focus: bool = False) -> None:
        """Redraw from the session."""
        session = self.session
        meeting = session.meeting
        item = session.current
        position = f"{meeting.current + 1}/{len(meeting.agenda)}"
        lock = " · [b]■ FINALIZED, read-only (O reopens)[/b]" if session.read_only else ""
        self.query_one("#meeting-header", Static).update(
            f"[b]{safe(meeting.title)}[/b] · {safe(meeting.id)} · {day_month(meeting.date)} "
            f"{meeting.date.year} · item {position}{lock}"
        )
        self.query_one(ClockBar).show(clock_figures(session))
        self.query_one(AgendaList).show(agenda_rows(session))
        view = VIEW_OF[item.kind]
        self.query_one(ContentSwitcher).current = view
        today = session.store.clock.today()
        card = measure_card(session)
        if card is not None:
            self.query_one(MeasureView).show(card)
        elif item.kind is AgendaKind.OPEN_ACTIONS:
            self._show_review()
        elif item.kind is AgendaKind.PARKING_LOT:
            earlier = session.state.carried_issues
            issues = [*earlier, *(i for i in session.items if i.kind is ItemKind.ISSUE)]
            self.query_one("#parking-title", Static).update(
                f"[b]◧ Parking lot[/b]: {len(issues)} issue(s), {len(earlier)} from earlier "
                "meetings · t turns one into an action · c resolved · e edit"
            )
            self.query_one("#parking", CapturedList).show(issues, today, session.meeting.id)
        else:
            self.query_one(WrapUpView).show(wrap_up(session))
        shows_own_list = item.kind in (AgendaKind.PARKING_LOT, AgendaKind.WRAP_UP)
        self.query_one("#captured-title").display = not shows_own_list
        self.query_one("#captured").display = not shows_own_list
        here = session.state.items_on(item)
        self.query_one("#captured-title", Static).update(
            f"[b]Captured here[/b] ({len(here)}) · a action · d decision · i issue · n note"
        )
        self.query_one("#captured", CapturedList).show(here, today)
        if focus:
            self._focus_for(item.kind)
        # The footer is rebuilt on every refresh_bindings (~60 ms): only when keys change.
        keys_state = (item.kind, session.read_only)
        if keys_state != self._keys_state:
            self._keys_state = keys_state
            self.refresh_bindings()

    def _show_review(self) -> None:
        session = self.session
        count = len(session.carried)
        title = (
            f"[b]↺ Open actions from earlier meetings[/b] ({count}) · "
            "c done · r slipped · x dropped · o reopen · p reassign · e reword · ⏎ story"
            if count
            else "[b]↺ Open actions from earlier meetings[/b]: none, nothing to review."
        )
        self.query_one("#review-title", Static).update(title)
        self.query_one(ReviewTable).show(review_rows(session))

    def _focus_for(self, kind: AgendaKind) -> None:
        target = {
            AgendaKind.OPEN_ACTIONS: "#review",
            AgendaKind.PARKING_LOT: "#parking",
            AgendaKind.WRAP_UP: "#attendance",
        }.get(kind, "#view-measure")
        self.query_one(target).focus()

    def _watch(self) -> None:
        """Show what the shell or another app changed (an action done, a new capture)."""
        changed: list[bool] = []
        if self._safely(lambda: changed.append(self.session.poll())) and changed[0]:
            self.refresh_all()

    def _tick(self) -> None:
        self._ticks += 1
        if self._ticks % CHECKPOINT_SECONDS == 0:
            self._safely(self.session.clock.checkpoint)
        self.query_one(ClockBar).show(clock_figures(self.session))
        if self._ticks % 5 == 0:
            self.query_one(AgendaList).show(agenda_rows(self.session))

    # -- keys ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what a finalized meeting cannot do, and what only applies elsewhere."""
        read_only = self.session.read_only
        if action == "reopen":
            return read_only
        if action == "export":
            return read_only or self.session.current.kind is AgendaKind.WRAP_UP
        if action in ("rate", "finalize"):
            return not read_only and self.session.current.kind is AgendaKind.WRAP_UP
        if action in WRITES or action == "pause":
            return not read_only
        return True

    def action_capture(self, kind: str) -> None:
        """Open the capture dialog for an item of this kind, linked to the current item."""
        item_kind = ItemKind(kind)
        self._open_capture(item_kind, None, self.session.captures.capture)

    def action_step(self, delta: int) -> None:
        """Go to the next or previous item; warn once before leaving an unowned red measure."""
        session = self.session
        if delta > 0 and not session.read_only:
            warnings = session.agenda.leave_warnings()
            if warnings and self._warned_key != session.current.key:
                self._warned_key = session.current.key
                self.notify(
                    "\n".join(f"⚠ {w}" for w in warnings) + "\nPress → again to move on anyway.",
                    title="Before moving on",
                    severity="warning",
                    timeout=10,
                )
                return
        self._go(session.meeting.current + delta)

    def _go(self, index: int) -> None:
        if not 0 <= index < len(self.session.meeting.agenda):
            return
        if self._safely(lambda: self.session.agenda.go_to(index)):
            self._warned_key = None
            self.refresh_all(focus=True)

    def action_skip(self) -> None:
        """Skip this item."""
        if self._safely(self.session.agenda.skip):
            self.refresh_all(focus=True)

    def action_pause(self) -> None:
        """Pause or resume the clock."""
        paused = self.session.clock.toggle_pause()
        self.notify("⏸ Clock paused" if paused else "▶ Clock running", timeout=2)
        self.query_one(ClockBar).show(clock_figures(self.session))

    def action_undo(self) -> None:
        """Remove the last capture."""
        removed: list[CapturedItem] = []
        if self._safely(lambda: removed.append(self.session.captures.undo_last())):
            self.notify(f"↶ Undone: {removed[0].ref} {removed[0].text}", timeout=4)
            self.refresh_all()

    def action_agenda(self) -> None:
        """Show and focus the agenda (on small terminals it covers the item)."""
        if self.has_class("-narrow"):
            self.toggle_class("-agenda-open")
        if not self.has_class("-narrow") or self.has_class("-agenda-open"):
            self.query_one(AgendaList).focus()
        else:
            self._focus_for(self.session.current.kind)

    def action_wrap_up(self) -> None:
        """Go to the wrap-up."""
        self._go(len(self.session.meeting.agenda) - 1)

    def action_rate(self) -> None:
        """Ask the team's 1-10 rating of the meeting."""

        def read(text: str) -> int:
            if not text.strip().isdigit() or not 1 <= int(text) <= 10:
                raise ValueError("type a whole number from 1 to 10")
            return int(text)

        def rated(value: int | None) -> None:
            if value is not None and self._safely(lambda: self.session.closing.set_rating(value)):
                self.refresh_all()

        self.app.push_screen(
            PromptScreen("Rate this meeting, 1 (poor) to 10 (excellent)", read, str), rated
        )

    def action_finalize(self) -> None:
        """End the meeting, after a yes."""

        def answered(yes: bool | None) -> None:
            if yes and self._safely(self.session.closing.finalize):
                self.notify("■ Meeting finalized; it is now read-only", timeout=6)
                self.refresh_all()

        self.app.push_screen(
            ConfirmScreen("Finalize this meeting? It becomes read-only (O reopens it)."),
            answered,
        )

    class Exported(Message):
        """An export finished (in a worker): what was written, or why nothing was."""

        def __init__(self, result: ExportResult | None, error: str = "") -> None:
            super().__init__()
            self.result = result
            self.error = error

    def action_export(self) -> None:
        """Write the minutes, follow-ups, calendar items and emails next to the champion."""
        self.notify("Exporting…", timeout=3)
        self._export(self.session.meeting.id)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, meeting_id: str) -> None:
        """Export off the UI thread (a dozen fsynced files): the screen never freezes."""
        try:
            result = export_meeting(self.session.store, meeting_id, default_folder(meeting_id))
        except ReviewError as error:
            self.post_message(self.Exported(None, str(error)))
            return
        self.post_message(self.Exported(result))

    @on(Exported)
    def _exported(self, event: Exported) -> None:
        result = event.result
        if result is None:
            self.notify(event.error, title="Not exported", severity="error", timeout=10)
            return
        self.notify(
            f"{len(result.files)} files in {result.folder}: minutes.md/.html, followups.csv, "
            "actions.ics, email/*.eml, meeting.json",
            title="✔ Exported",
            timeout=10,
        )
        if result.without_address:
            names = ", ".join(result.without_address)
            self.notify(f"No email address for {names}", severity="warning", timeout=10)

    def action_reopen(self) -> None:
        """Reopen a finalized meeting, after a yes."""

        def answered(yes: bool | None) -> None:
            if yes and self._safely(self.session.closing.reopen):
                self.notify("Meeting reopened", timeout=4)
                self.refresh_all()

        self.app.push_screen(ConfirmScreen("Reopen this finalized meeting for changes?"), answered)

    # -- messages from widgets -------------------------------------------------------

    @on(AgendaList.Jump)
    def _jump(self, event: AgendaList.Jump) -> None:
        self.remove_class("-agenda-open")
        self._go(event.index)

    @on(AgendaList.Move)
    def _move(self, event: AgendaList.Move) -> None:
        moved: list[int] = []
        if self._safely(lambda: moved.append(self.session.agenda.move(event.index, event.delta))):
            self.query_one(AgendaList).show(agenda_rows(self.session))
            self.query_one(AgendaList).highlighted = moved[0]
            self.refresh_all()

    @on(WrapUpView.AttendanceChanged)
    def _attendance(self, event: WrapUpView.AttendanceChanged) -> None:
        if self._safely(lambda: self.session.closing.toggle_absent(event.name)):
            self.query_one(WrapUpView).show(wrap_up(self.session))
