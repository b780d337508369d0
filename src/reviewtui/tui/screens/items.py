"""The meeting screen's handling of captured items: the capture line, edits, retypes,
deletes, and the question line the review asks its questions in.

Split from :mod:`reviewtui.tui.screens.meeting` (which subclasses this). Both lines are
docked under the item and mounted from the start (see
:mod:`reviewtui.tui.widgets.docked_line`); every change goes into the meeting's undo
history, so nothing here asks "are you sure" except a delete.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from textual import on
from textual.screen import Screen

from reviewtui.domain.capture import ActionStatus, CapturedItem, ItemKind
from reviewtui.domain.dates import DateOrder
from reviewtui.domain.meeting import Draft
from reviewtui.errors import LockTimeoutError, ReviewError
from reviewtui.services.session import Capture, MeetingSession, Saved
from reviewtui.services.session.drafts import edit_draft_key, new_draft_key
from reviewtui.services.session.entry import Context
from reviewtui.tui.markup import safe, status_badge
from reviewtui.tui.screens.dialogs import ConfirmScreen, KindScreen
from reviewtui.tui.widgets.ask_dock import AskDock, Question
from reviewtui.tui.widgets.capture_dock import CaptureDock, CaptureRequest
from reviewtui.tui.widgets.captured_list import CapturedList
from reviewtui.tui.widgets.docked_line import DockedLine

BUSY_IN_BACKGROUND = (
    "Another reviewtui process is writing to the data folder. What is typed and the "
    "clock are kept here, and saved as soon as it is done."
)


class ItemsScreen(Screen[None]):
    """A screen over a :class:`MeetingSession` that captures and reviews items."""

    session: MeetingSession
    date_order: DateOrder = "dmy"

    def refresh_all(self, focus: bool = False, changed: int | None = None) -> None:
        """Redraw from the session (the meeting screen draws everything); the captured
        lists keep their cursor on item ``changed``."""
        raise NotImplementedError

    def focus_item(self) -> None:
        """Put the focus on the item on screen (after a line closes)."""
        raise NotImplementedError

    _waiting_said = False

    def _safely(
        self,
        work: Callable[[], object],
        background: bool = False,
        when_busy: Callable[[], bool] | None = None,
    ) -> bool:
        """Run a store operation; a ReviewError becomes a notification, never a crash.

        A ``background`` save (drafts each second while typing, the clock) that finds
        another process writing says so once, not every tick, and is tried again on the
        next: what it saves stays in memory meanwhile. It does not wait for the lock:
        waiting each second, the screen would hardly ever be drawn. Nor does one with
        ``when_busy``: that is called instead, and says (True) that it will try again."""
        waiting = (
            self.session.store.not_waiting_for_writers()
            if background or when_busy
            else contextlib.nullcontext()
        )
        try:
            with waiting:
                work()
        except LockTimeoutError as error:
            if when_busy is not None and when_busy():
                return False
            if not background:
                self.notify(str(error), title="Not saved", severity="warning", timeout=8)
            elif not self._waiting_said:
                self._waiting_said = True
                self.notify(BUSY_IN_BACKGROUND, title="Not saved yet", severity="warning")
            return False
        except ReviewError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=8)
            return False
        if background:
            self._waiting_said = False
        return True

    @property
    def typing(self) -> bool:
        """Whether a line under the item is open (its keys are text, not commands)."""
        lines = self.query(DockedLine) if not self.is_mounted else self._lines()
        return any(line.is_open for line in lines)

    def _lines(self) -> tuple[DockedLine, ...]:
        # Asked for every key on every footer draw: found once, not searched each time.
        found: tuple[DockedLine, ...] | None = getattr(self, "_docked_lines", None)
        if found is None:
            found = self._docked_lines = tuple(self.query(DockedLine))
        return found

    @property
    def capture_line(self) -> CaptureDock:
        """The capture line under the item."""
        return self.query_one(CaptureDock)

    @property
    def ask_line(self) -> AskDock:
        """The question line under the item."""
        return self.query_one(AskDock)

    def ask(self, question: Question) -> None:
        """Ask one question in the line under the item (the answer goes to the question)."""
        self.ask_line.ask(question)

    # -- the capture line ------------------------------------------------------------

    def _open_capture(self, kind: ItemKind, editing: CapturedItem | None = None) -> None:
        session = self.session
        current = session.current
        measure = session.state.measure(current)
        context = safe(current.title)
        if measure is not None:
            context = f"{status_badge(session.state.level(measure))} {context}"
        if editing is not None:
            key = edit_draft_key(editing.number)
            number = editing.number

            def save(entry: Capture) -> Saved:
                with session.store.not_waiting_for_writers():  # the line waits, not the screen
                    return session.captures.edit(number, entry)

        else:
            key = new_draft_key(current.key, kind)
            add = (
                session.captures.contribute if session.state.watching else session.captures.capture
            )

            def save(entry: Capture) -> Saved:
                with session.store.not_waiting_for_writers():  # the line waits, not the screen
                    return add(entry, key)

        def closed(saved: Saved | None, left: Draft) -> None:
            self._capture_closed(key, editing, saved, left)

        reading = Context(session.store.clock.today(), session.people, self.date_order)
        self.capture_line.open(
            CaptureRequest(
                kind,
                context,
                reading,
                key,
                save,
                session.drafts.keep,
                closed,
                editing=editing,
                draft=session.drafts.get(key),
            )  # fmt: skip
        )

    def _capture_closed(
        self, key: str, editing: CapturedItem | None, saved: Saved | None, left: Draft
    ) -> None:
        if saved is None:
            self.session.drafts.keep(key, left)
            self._safely(self.session.drafts.flush)
            if not left.empty:
                self.notify("✎ Draft kept: it comes back when you open this capture again")
            return
        what = "updated" if editing else "saved"
        self.notify(
            f"✔ {saved.item.ref} {what}: {saved.item.text}", title="Saved to disk", timeout=4
        )
        for warning in saved.warnings:
            self.notify(warning, severity="warning", timeout=8)
        self.refresh_all(changed=saved.item.number)

    def stop_clock(self) -> None:
        """The meeting screen is left: save the clock as stopped."""
        self._safely(self.session.clock.pause)

    def flush_drafts(self, background: bool = False) -> None:
        """Save what is typed now (on quit, on a signal, and each second while typing)."""
        open_draft = self.capture_line.current_draft()
        if open_draft is not None:
            self.session.drafts.keep(*open_draft)
        self._safely(self.session.drafts.flush, background)

    # -- the captured lists ----------------------------------------------------------

    def edit_highlighted(self, listing: CapturedList) -> None:
        """Open the capture line on the highlighted item, at once (``e``)."""
        number = listing.highlighted_number()
        item = self.session.state.find(number) if number is not None else None
        if item is not None:
            self._open_capture(item.kind, item)

    @on(CapturedList.Chosen)
    def _chosen(self, event: CapturedList.Chosen) -> None:
        session = self.session
        item = session.state.find(event.number)
        if item is None or session.read_only:
            self.notify("A finalized meeting is read-only (O reopens it)", severity="warning")
            return
        if event.what == "resolve":
            if self._safely(lambda: session.review.close(item.number, ActionStatus.DONE)):
                self.notify(f"✔ {item.ref} resolved · u undoes", timeout=4)
                self.refresh_all(changed=item.number)
        elif event.what == "edit":
            self._open_capture(item.kind, item)
        elif event.what == "retype":
            self._retype(item)
        else:

            def answered(yes: bool | None) -> None:
                if yes and self._safely(lambda: session.captures.delete(item.number)):
                    self.notify(f"Deleted {item.ref} · u brings it back", timeout=4)
                    self.refresh_all()

            self.app.push_screen(
                ConfirmScreen(f"Delete {safe(item.ref)} {safe(item.text)}?"), answered
            )

    def _retype(self, item: CapturedItem) -> None:
        session = self.session

        def chosen(kind: ItemKind | None) -> None:
            if kind is None or kind is item.kind:
                return
            if kind is ItemKind.ACTION and (item.owner is None or item.due is None):
                # An action needs an owner and a date: finish it in the capture line.
                self._open_capture(kind, item)
                return
            entry = Capture(kind, item.text, item.owner, item.due)
            if self._safely(lambda: session.captures.edit(item.number, entry)):
                self.notify(f"{item.ref} is now a {kind.value} · u undoes", timeout=4)
                self.refresh_all(changed=item.number)

        self.app.push_screen(KindScreen(item.ref), chosen)
