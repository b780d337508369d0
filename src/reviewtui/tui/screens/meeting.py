"""The meeting screen: agenda, the item under discussion, the clock, and capture keys."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.notifications import Notification, Notify
from textual.widgets import ContentSwitcher, Static

from reviewtui.domain.agenda_terms import AgendaKind
from reviewtui.domain.capture import ItemKind
from reviewtui.domain.dates import DateOrder
from reviewtui.services.overview import overview_rows
from reviewtui.services.presence import watchers
from reviewtui.services.session import CHECKPOINT_SECONDS, MeetingSession
from reviewtui.services.views import (
    clock_figures,
)
from reviewtui.services.wrapup import wrap_up
from reviewtui.tui.busy import Pending
from reviewtui.tui.screens.dialogs import ConfirmScreen
from reviewtui.tui.screens.following import WATCH_SECONDS, FollowingScreen
from reviewtui.tui.screens.opening import NARROW
from reviewtui.tui.screens.overview import OverviewScreen
from reviewtui.tui.widgets.agenda_list import AgendaList
from reviewtui.tui.widgets.ask_dock import AskDock
from reviewtui.tui.widgets.capture_dock import CaptureDock
from reviewtui.tui.widgets.captured_list import CapturedList
from reviewtui.tui.widgets.clock_bar import ClockBar
from reviewtui.tui.widgets.key_footer import KeyFooter
from reviewtui.tui.widgets.measure_view import MeasureView
from reviewtui.tui.widgets.review_table import ReviewTable
from reviewtui.tui.widgets.wrapup_view import WrapUpView

WRITES = {"capture", "skip", "rate", "finalize", "redo"}
WATCHER_KEYS = {"keys", "overview"}
"""What a watcher may press: look, never change."""
CONTRIBUTOR_KEYS = WATCHER_KEYS | {"capture"}
"""What a watcher who may add items presses (``watch --capture``): a, d, i, n too."""


class MeetingScreen(FollowingScreen):
    """Runs one meeting (or shows a finalized one, read-only)."""

    # Footer order: what a meeting uses most first, so an 80-column footer still shows
    # moving, capturing and undo, and 120 columns the keys list, the overview and the
    # wrap-up (? and the palette list every key).
    BINDINGS = [
        Binding(
            "right,pagedown", "step(1)", "Next", key_display="→", id="meeting.next", priority=True
        ),
        Binding(
            "left,pageup", "step(-1)", "Back", key_display="←", id="meeting.back", priority=True
        ),
        Binding("a", "capture('action')", "Action", id="meeting.action"),
        Binding("d", "capture('decision')", "Decision", id="meeting.decision"),
        Binding("i", "capture('issue')", "Issue", id="meeting.issue"),
        Binding("n", "capture('note')", "Note", id="meeting.note"),
        Binding("u,ctrl+z", "undo", "Undo", key_display="u", id="meeting.undo"),
        Binding("question_mark", "app.keys", "Keys", key_display="?", id="meeting.keys"),
        Binding("o", "overview", "Overview", id="meeting.overview", priority=True),
        Binding("w", "wrap_up", "Wrap-up", id="meeting.wrapup", priority=True),
        Binding("U,ctrl+y", "redo", "Redo", key_display="U", id="meeting.redo"),
        Binding("s", "skip", "Skip", id="meeting.skip"),
        Binding("space", "pause", "Pause", key_display="␣", id="meeting.pause"),
        Binding("g", "agenda", "Agenda", id="meeting.agenda"),
        Binding("E", "export", "Export", id="meeting.export"),
        Binding("O", "reopen", "Reopen", id="meeting.reopen"),
    ]

    def __init__(
        self, session: MeetingSession, date_order: DateOrder = "dmy", overview_first: bool = False
    ) -> None:
        super().__init__()
        self.session = session
        self.overview_first = overview_first
        self.date_order = date_order
        self._warned_key: str | None = None
        self._warning: Notification | None = None
        self._started = False
        self._ticks = 0
        self._keys_state: tuple[AgendaKind, bool] | None = None
        self._agenda_drawn: list[tuple[object, ...]] = []

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
                yield CaptureDock(id="capture")
                yield AskDock(id="ask")
                yield Static(id="captured-title")
                yield CapturedList(id="captured")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        """Start the clock and draw everything."""
        # Another process holding the lock: said, and tried each second (not waited for:
        # the meeting would not be drawn meanwhile).
        self._started = self._safely(self.session.start, background=True)
        for line in (self.capture_line, self.ask_line):
            line.after_close = self.focus_item
        self.set_interval(1, self._tick)
        self.set_interval(WATCH_SECONDS, self._watch)
        self.query_one(AgendaList).can_focus = not self.session.state.watching
        self.refresh_all(focus=True)
        if self.overview_first:
            self.call_after_refresh(self.action_overview)

    def on_resize(self, event: Resize) -> None:
        """Hide the agenda behind ``g`` on small terminals."""
        self.set_class(event.size.width < NARROW, "-narrow")

    def show_pending(self, waiting: list[Pending]) -> None:
        """The clock line says how many changes wait for another process's write."""
        clock = self.query_one(ClockBar)
        clock.pending = len(waiting)
        clock.show(clock_figures(self.session))

    def _tick(self) -> None:
        self._ticks += 1
        if not self._started:
            self._started = self._safely(self.session.start, background=True)
        if self.typing or self.session.drafts.unsaved:
            self.flush_drafts(background=True)  # a kill -9 loses at most a second of typing
        if self._ticks % CHECKPOINT_SECONDS == 0:
            self._safely(self.session.clock.checkpoint, background=True)
        clock = self.query_one(ClockBar)
        if not self.session.state.watching:
            clock.watchers = watchers(self.session.store, self.session.meeting.id)
        clock.show(clock_figures(self.session))
        if self._ticks % 5 == 0:
            self._draw_agenda()

    # -- keys ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what a finalized meeting cannot do, and what only applies elsewhere; while
        a line under the item is open its keys are text, not commands."""
        if self.typing:
            return action == "keys"
        if self.session.state.watching:
            return action in (CONTRIBUTOR_KEYS if self.session.state.adds_items else WATCHER_KEYS)
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
        """Open the capture line for an item of this kind, linked to the current item."""
        self._open_capture(ItemKind(kind))

    def action_step(self, delta: int) -> None:
        """Go to the next or previous item; warn once before leaving an unowned red measure."""
        session = self.session
        if delta > 0 and not session.read_only:
            warnings = session.agenda.leave_warnings()
            if warnings and self._warned_key != session.current.key:
                self._warned_key = session.current.key
                message = "\n".join(f"⚠ {w}" for w in warnings)
                self._warning = Notification(
                    message + "\nPress → again to move on anyway.",
                    title="Before moving on",
                    severity="warning",
                    timeout=10,
                )
                self.app.post_message(Notify(self._warning))
                return
        self._go(session.meeting.current + delta)

    def _go(self, index: int) -> None:
        if self.session.state.watching:
            self.notify("Watching: the meeting moves on the champion's screen", timeout=3)
            return
        if not 0 <= index < len(self.session.meeting.agenda):
            return
        title = self.session.meeting.agenda[index].title
        self._save(
            lambda: self.session.agenda.go_to(index),
            self._moved,
            f"the step to {title}",
            replaces="step",
        )

    def _moved(self) -> None:
        """A step is on disk: the screen follows (the warning before it is answered)."""
        self._warned_key = None
        if self._warning is not None:
            # Moved on: the warning is answered. Left up for its 10 s, they piled up
            # when → was pressed through a long agenda. (Textual's only way to take
            # one toast back is private; pinned in pyproject.)
            self.app._unnotify(self._warning)
            self._warning = None
        self.refresh_all(focus=True)

    def action_skip(self) -> None:
        """Skip this item."""
        self._save(self.session.agenda.skip, lambda: self.refresh_all(focus=True), "the skip")

    def action_pause(self) -> None:
        """Pause or resume the clock."""
        clock = self.session.clock

        def toggled() -> None:
            self.notify("⏸ Clock paused" if clock.paused else "▶ Clock running", timeout=2)
            self.query_one(ClockBar).show(clock_figures(self.session))

        self._save(clock.toggle_pause, toggled, "the pause" if not clock.paused else "the resume")

    def action_undo(self) -> None:
        """Take back the last change (an undone finalize asks first: it reopens)."""
        # A change still waiting to be saved is undone once it is.
        if not self.session.history.can_undo and not self.pending.queue:
            self.notify("Nothing to undo", timeout=3)
            return
        if self.session.read_only:
            self.app.push_screen(
                ConfirmScreen("Undo finalizing? The meeting opens again for changes (U redoes)."),
                lambda yes: self._undo_or_redo(self.session.undo) if yes else None,
            )
            return
        self._undo_or_redo(self.session.undo)

    def action_redo(self) -> None:
        """Make the last undone change again."""
        if not self.session.history.can_redo and not self.pending.queue:
            self.notify("Nothing to redo", timeout=3)
            return
        self._undo_or_redo(self.session.redo)

    def _undo_or_redo(self, step: Callable[[], str]) -> None:
        said: list[str] = []

        def made() -> None:
            self.notify(said[0], title="Saved to disk", timeout=5)
            self.refresh_all(changed=self.session.history.last_number)

        what = "the undo" if step == self.session.undo else "the redo"
        self._save(lambda: said.append(step()), made, what)

    def action_agenda(self) -> None:
        """Show and focus the agenda (on small terminals it covers the item)."""
        if self.has_class("-narrow"):
            self.toggle_class("-agenda-open")
        if not self.has_class("-narrow") or self.has_class("-agenda-open"):
            self.query_one(AgendaList).focus()
        else:
            self.focus_item()

    def action_wrap_up(self) -> None:
        """Go to the wrap-up."""
        self._go(len(self.session.meeting.agenda) - 1)

    def action_overview(self) -> None:
        """The whole scorecard on one screen; Enter there goes to that measure."""
        meeting = self.session.meeting
        title = meeting.title
        current = self.session.current.measure_id
        self.app.push_screen(
            OverviewScreen(title, overview_rows(self.session), current),
            lambda index: self._go(index) if index is not None else self.focus_item(),
        )

    # -- messages from widgets -------------------------------------------------------

    @on(AgendaList.Jump)
    def _jump(self, event: AgendaList.Jump) -> None:
        self.remove_class("-agenda-open")
        self._go(event.index)

    @on(AgendaList.Move)
    def _move(self, event: AgendaList.Move) -> None:
        moved: list[int] = []

        def made() -> None:
            self._draw_agenda()
            self.query_one(AgendaList).highlighted = moved[0]
            self.refresh_all()

        work = self.session.agenda.move
        self._save(lambda: moved.append(work(event.index, event.delta)), made, "the agenda's order")

    @on(WrapUpView.AttendanceChanged)
    def _attendance(self, event: WrapUpView.AttendanceChanged) -> None:
        self._save(
            lambda: self.session.closing.toggle_absent(event.name),
            lambda: self.query_one(WrapUpView).show(wrap_up(self.session)),
            f"{event.name}'s attendance",
        )
