"""The Textual app: themes, the screens, and the command palette built from the keys."""

from __future__ import annotations

import asyncio
import errno
import gc
import os
import signal
import sys
from collections.abc import Awaitable, Iterable
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import BUILTIN_THEMES
from textual.widgets import Input, TextArea

from reviewtui.domain.dates import DateOrder
from reviewtui.errors import ReviewError
from reviewtui.tui.screens.opening import Opening, OpeningScreen
from reviewtui.tui.themes import DEFAULT_THEME, app_themes, remember_theme, remembered_theme
from reviewtui.tui.widgets.dock_input import DockInput

if TYPE_CHECKING:
    from reviewtui.services.workspace import Store
    from reviewtui.tui.screens.meeting import MeetingScreen
    from reviewtui.tui.screens.start import StartScreen

# The meeting's screens, its session and its store (pydantic, the models) are imported
# when first used, not here: a meeting opened from the command line draws its first
# frame (OpeningScreen) before any of them is loaded.

PROJECTOR_THEME = "projector"
HANGUP_STATUS = 128 + signal.SIGHUP
"""The exit status after the terminal closed, as a shell reports a process it hung up."""
LOCK_WAIT_SECONDS = 1.0
"""Once the meeting is on screen, the longest it stops for another process's write (a
command waits 15 s): the app cannot redraw while it waits, so it gives up, says so and
keeps what was typed."""


def _collect_from_now_on() -> None:
    """The first frame is drawn: what start-up made stays for good (frozen, never scanned
    again), and the garbage collector runs again for what the meeting makes."""
    gc.freeze()
    gc.enable()


def _terminal_hung_up() -> bool:
    """Whether the terminal is gone (closed, its tmux session killed): then it answers
    nothing but EIO."""
    try:
        import termios  # (POSIX only: elsewhere there is no SIGHUP either)
    except ImportError:
        return False
    stream = sys.__stdin__
    if stream is None:
        return False
    try:
        termios.tcgetattr(stream.fileno())
    except termios.error as error:  # (errno, message)
        return bool(error.args and error.args[0] == errno.EIO)
    except (AttributeError, ValueError, OSError):
        return False  # no terminal to begin with (a browser's driver)
    return False


def _wait_less_for_writers(store: Store) -> None:
    """The first frame is drawn: from now on a write gives up waiting for another process
    after :data:`LOCK_WAIT_SECONDS` (opening waited as a command does: nothing was shown)."""
    store.wait_for_writers_at_most(LOCK_WAIT_SECONDS)


class ReviewApp(App[None]):
    """reviewtui: runs a performance review meeting from the projector."""

    CSS_PATH = "app.tcss"
    TITLE = "reviewtui"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
    ]

    def __init__(
        self,
        store: Store | None,
        meeting_id: str | None = None,
        by: str = "",
        theme_name: str | None = None,
        cursor_blink: bool = True,
        date_order: DateOrder = "dmy",
        overview_first: bool = False,
        watching: bool = False,
        contributing: bool = False,
        opening: Opening | None = None,
    ) -> None:
        super().__init__()
        self.date_order = date_order
        """How numeric dates typed in the meeting read (``31/12`` or ``12/31``)."""
        self.overview_first = overview_first
        self.watching = watching
        """Follow a meeting someone else runs, changing nothing (``reviewtui watch``)."""
        self.contributing = contributing
        """While watching, add items to it (``reviewtui watch --capture``), nothing else."""
        self.cursor_blink = cursor_blink
        """False in snapshot tests, so a text cursor is never caught mid-blink."""
        self._store = store
        self.opening = opening
        """Open ``meeting_id`` in two steps: its stored agenda at once, the rest after
        the first frame (the store is then None until it is opened)."""
        self.held: list[events.Key | events.Paste] | None = [] if opening else None
        """Keys pressed while the meeting is being opened, for its screen (None after)."""
        self.failure: ReviewError | None = None
        """Why the meeting asked for could not be opened in two steps (said on exit)."""
        self.meeting_id = meeting_id
        self.by = by
        self.theme_name = theme_name
        self.theme_problems: list[str] = []
        self._set_up_themes()

    def _set_up_themes(self) -> None:
        """Register the theme files and pick the theme, before the first frame: set after
        mount, every theme change parses the stylesheet again (3-4 times, ~40 ms)."""
        themes, self.theme_problems = app_themes()
        for theme in themes:
            self.register_theme(theme)
        wanted = self.theme_name or remembered_theme() or DEFAULT_THEME
        ours = {theme.name for theme in themes}
        self.theme = wanted if wanted in ours else DEFAULT_THEME
        # Textual's own themes miss our contrast bar (light warning text at 1.5:1), so the
        # theme picker offers only ours and the user's files.
        for name in BUILTIN_THEMES:
            if name not in ours and name != "textual-ansi":
                self.unregister_theme(name)

    def on_mount(self) -> None:
        """Follow theme changes, say which theme files were skipped, open the first screen."""
        self._mark_projector()
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        for problem in self.theme_problems:
            self.notify(problem, title="Theme file skipped", severity="warning", timeout=10)
        if self.opening is not None:
            self.push_screen(OpeningScreen(self.opening.glance, self.watching, self.contributing))
            self.call_after_refresh(self._finish_opening, self.opening)
        else:
            if not (self.meeting_id and self.open_meeting(self.meeting_id)):
                self.show_start()
            self._after_first_frame()
        # A terminal closed (SIGHUP) or a kill (SIGTERM): save what is typed, then quit.
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, self.save_and_exit)
        loop.add_signal_handler(signal.SIGHUP, self.hang_up)

    @property
    def store(self) -> Store:
        """The data dir's store (opened after the first frame when opening in two steps)."""
        if self._store is None:
            raise RuntimeError("the store is opened after the first frame")
        return self._store

    def _after_first_frame(self) -> None:
        """Once the screen that stays is drawn: collect garbage again, and wait less for
        other processes' writes."""
        self.call_after_refresh(_collect_from_now_on)
        self.call_after_refresh(_wait_less_for_writers, self.store)

    def _finish_opening(self, opening: Opening) -> None:
        """The first frame is on the wall: open the store and the meeting, and put its
        screen in place of the opening one. Keys are kept until that screen is mounted."""
        try:
            self._store = opening.open_store()
            screen = self._meeting_screen(opening.glance.id)
        except ReviewError as error:
            self.failure = error  # said by the command, as if it had failed before the app
            self.exit(return_code=1)
            return
        # Awaited here, the switch would wait for this very handler to end: a worker waits.
        self.run_worker(self._hand_over(self.switch_screen(screen)), name="hand-over")

    async def _hand_over(self, switched: Awaitable[None]) -> None:
        """Once the meeting's screen is mounted, give it the keys kept meanwhile."""
        await switched
        self.call_next(self._release_held)

    async def _release_held(self) -> None:
        """Apply the keys pressed while the meeting was opened, in order, before any
        pressed after (this runs between two of the app's messages)."""
        held, self.held = self.held or [], None
        for event in held:
            await self.on_event(event)
        self._after_first_frame()

    def _held(self, event: events.Key | events.Paste) -> bool:
        """Keep a key (or a paste) typed while the meeting is being opened."""
        if self.held is None or event.is_forwarded:
            return False
        self.held.append(event)
        return True

    async def on_event(self, event: events.Event) -> None:
        """A key meant for a capture or question line is applied now, in the order typed
        (see :mod:`reviewtui.tui.widgets.dock_input`). While the meeting is being opened,
        keys are kept for its screen."""
        if isinstance(event, events.Key | events.Paste) and self._held(event):
            return
        if isinstance(event, events.Key) and not event.is_forwarded and self.screen_stack:
            focused = self.focused
            if isinstance(focused, DockInput) and focused.take(event):
                return
        await super().on_event(event)

    async def _check_bindings(self, key: str, priority: bool = False) -> bool:
        """Keys are acted on in the order typed: when no text field has the focus, a key's
        binding runs now, not after the key has gone down to the focused widget and back
        up while the next keys were already handed to it (``a`` then a line typed at
        once: every character lands in the capture line)."""
        if await super()._check_bindings(key, priority):
            return True
        if priority and not isinstance(self.focused, Input | TextArea):
            return await super()._check_bindings(key, priority=False)
        return False

    async def action_quit(self) -> None:
        """Save what is typed in any open capture (and every draft), then quit."""
        self.save_and_exit()

    def save_and_exit(self) -> None:
        """Save every draft (the open capture's too) and stop the meeting's clock (so
        that nobody watching sees it run on), then end the app. Nothing is left to draw:
        a write waits for another process as long as a command's would."""
        try:
            self._save_everything()
        finally:
            self.exit()  # whatever happened above: the app must not outlive its terminal

    def hang_up(self) -> None:
        """The terminal closed (SIGHUP): save as on quit. If it is gone for good, end at
        once: Textual would go on drawing into it, and once its writer gives up on the
        dead terminal, wait for ever (seen when the terminal closed as a meeting opened)."""
        if not _terminal_hung_up():
            self.save_and_exit()  # a SIGHUP sent by hand: the terminal is still there
            return
        try:
            self._save_everything()
        finally:
            os._exit(HANGUP_STATUS)  # everything is saved (fsynced); nothing to draw on

    def _save_everything(self) -> None:
        """The changes waiting for another process, every draft and the clock, saved
        (in that order: as they were made). A screen not mounted yet (the terminal closed
        while the meeting was opening) has nothing to save: its clock never started and
        nothing was typed into it."""
        from reviewtui.tui.screens.items import ItemsScreen

        if self._store is not None:
            self.store.wait_for_writers_at_most(None)
        for screen in self.screen_stack:
            if isinstance(screen, ItemsScreen) and screen.is_mounted:
                screen.save_pending()
                screen.flush_drafts()
                screen.stop_clock()

    def _theme_changed(self, _: object) -> None:
        self._mark_projector()
        if self.theme_name is None:
            remember_theme(self.theme)

    def _mark_projector(self) -> None:
        self.set_class(self.theme == PROJECTOR_THEME, "-projector")

    def show_start(self) -> None:
        """The start screen: meetings to open, scorecards to plan from."""
        from reviewtui.tui.screens.start import StartScreen

        self.push_screen(StartScreen(self.store))

    def _meeting_screen(self, meeting_id: str) -> MeetingScreen:
        """A meeting's screen (read-only if finalized); ReviewError if it cannot be read."""
        from reviewtui.services.session import MeetingSession
        from reviewtui.tui.screens.meeting import MeetingScreen

        session = MeetingSession(self.store, meeting_id, self.by, self.watching, self.contributing)
        return MeetingScreen(session, self.date_order, overview_first=self.overview_first)

    def open_meeting(self, meeting_id: str) -> bool:
        """Open a meeting's screen (read-only if finalized); False if it cannot be read."""
        from reviewtui.tui.screens.start import StartScreen

        try:
            screen = self._meeting_screen(meeting_id)
        except ReviewError as error:
            self.notify(str(error), title="Cannot open the meeting", severity="error")
            return False
        if isinstance(self.screen, StartScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        return True

    def on_start_screen_open_meeting(self, message: StartScreen.OpenMeeting) -> None:
        """The start screen chose a meeting."""
        self.open_meeting(message.meeting_id)

    def action_keys(self) -> None:
        """Show (or hide) every key of the current screen."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette offers every key of the screen too, so nothing is key-only."""
        yield from super().get_system_commands(screen)
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            # Only our own bindings (they all have an id); widgets' cursor keys are noise here.
            if not binding.id or not binding.description or not active.enabled:
                continue
            if binding.action in seen:
                continue
            seen.add(binding.action)
            shown = binding.key_display or self.get_key_display(binding)
            node = active.node

            def run(action: str = binding.action, target: object = node) -> None:
                self.call_later(self.run_action, action, target)

            yield SystemCommand(binding.description, f"Key: {shown or key}", run)
