"""The Textual app: themes, the screens, and the command palette built from the keys."""

from __future__ import annotations

import asyncio
import gc
import signal
from collections.abc import Iterable

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import BUILTIN_THEMES
from textual.widgets import Input, TextArea

from reviewtui.domain.dates import DateOrder
from reviewtui.errors import ReviewError
from reviewtui.services.session import MeetingSession
from reviewtui.services.workspace import Store
from reviewtui.tui.screens.items import ItemsScreen
from reviewtui.tui.screens.meeting import MeetingScreen
from reviewtui.tui.screens.start import StartScreen
from reviewtui.tui.themes import (
    DEFAULT_THEME,
    load_theme_files,
    remember_theme,
    remembered_theme,
)
from reviewtui.tui.widgets.dock_input import DockInput

PROJECTOR_THEME = "projector"
LOCK_WAIT_SECONDS = 1.0
"""Once the meeting is on screen, the longest it stops for another process's write (a
command waits 15 s): the app cannot redraw while it waits, so it gives up, says so and
keeps what was typed."""


def _collect_from_now_on() -> None:
    """The first frame is drawn: what start-up made stays for good (frozen, never scanned
    again), and the garbage collector runs again for what the meeting makes."""
    gc.freeze()
    gc.enable()


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
        store: Store,
        meeting_id: str | None = None,
        by: str = "",
        theme_name: str | None = None,
        cursor_blink: bool = True,
        date_order: DateOrder = "dmy",
        overview_first: bool = False,
        watching: bool = False,
        contributing: bool = False,
    ) -> None:
        super().__init__()
        self.date_order = date_order
        self.overview_first = overview_first
        self.watching = watching
        """Follow a meeting someone else runs, changing nothing (``reviewtui watch``)."""
        self.contributing = contributing
        """While watching, add items to it (``reviewtui watch --capture``), nothing else."""
        """How numeric dates typed in the meeting read (``31/12`` or ``12/31``)."""
        self.cursor_blink = cursor_blink
        """False in snapshot tests, so a text cursor is never caught mid-blink."""
        self.store = store
        self.meeting_id = meeting_id
        self.by = by
        self.theme_name = theme_name
        self.theme_problems: list[str] = []
        self._set_up_themes()

    def _set_up_themes(self) -> None:
        """Register the theme files and pick the theme, before the first frame: set after
        mount, every theme change parses the stylesheet again (3-4 times, ~40 ms)."""
        themes, self.theme_problems = load_theme_files()
        for theme in themes:
            self.register_theme(theme.to_theme())
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
        if self.meeting_id:
            if not self.open_meeting(self.meeting_id):
                self.push_screen(StartScreen(self.store))
        else:
            self.push_screen(StartScreen(self.store))

        self.call_after_refresh(_collect_from_now_on)
        self.call_after_refresh(_wait_less_for_writers, self.store)
        # A terminal closed (SIGHUP) or a kill (SIGTERM): save what is typed, then quit.
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(number, self.save_and_exit)

    async def on_event(self, event: events.Event) -> None:
        """A key meant for a capture or question line is applied now, in the order typed
        (see :mod:`reviewtui.tui.widgets.dock_input`)."""
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
        self.store.wait_for_writers_at_most(None)
        for screen in self.screen_stack:
            if isinstance(screen, ItemsScreen):
                screen.flush_drafts()
                screen.stop_clock()
        self.exit()

    def _theme_changed(self, _: object) -> None:
        self._mark_projector()
        if self.theme_name is None:
            remember_theme(self.theme)

    def _mark_projector(self) -> None:
        self.set_class(self.theme == PROJECTOR_THEME, "-projector")

    def open_meeting(self, meeting_id: str) -> bool:
        """Open a meeting's screen (read-only if finalized); False if it cannot be read."""
        try:
            session = MeetingSession(
                self.store, meeting_id, self.by, self.watching, self.contributing
            )
        except ReviewError as error:
            self.notify(str(error), title="Cannot open the meeting", severity="error")
            return False
        screen = MeetingScreen(session, self.date_order, overview_first=self.overview_first)
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
