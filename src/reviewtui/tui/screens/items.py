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
from reviewtui.tui import busy
from reviewtui.tui.busy import Attempt, Pending, PendingWrites
from reviewtui.tui.markup import safe, status_badge
from reviewtui.tui.screens.dialogs import ConfirmScreen, KindScreen
from reviewtui.tui.widgets.ask_dock import AskDock, Question
from reviewtui.tui.widgets.capture_dock import CaptureDock, CaptureRequest
from reviewtui.tui.widgets.captured_list import CapturedList
from reviewtui.tui.widgets.docked_line import DockedLine

WAITING = "saved as soon as another reviewtui process has written (the screen goes on)"

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
    _pending: PendingWrites | None = None

    @property
    def pending(self) -> PendingWrites:
        """The champion's writes waiting for another process to finish writing."""
        if self._pending is None:
            self._pending = PendingWrites(
                self, self._attempt, self.show_pending, self._pending_given_up
            )
        return self._pending

    def show_pending(self, waiting: list[Pending]) -> None:
        """Say how many changes wait to be saved (the meeting screen's clock line)."""

    def _save(
        self,
        work: Callable[[], object],
        saved: Callable[[], None],
        what: str,
        replaces: str | None = None,
    ) -> None:
        """Make a change the champion asked for: ``saved`` runs once it is on disk. If
        another process is writing, the change waits (in order, behind any others) and is
        made as soon as it is done, the screen going on; a ReviewError is said, never a
        crash."""
        pending = Pending(work, saved, what, replaces)
        if self.pending.add(pending) is Attempt.LOCKED and len(self.pending.queue) == 1:
            title = "Not moved yet" if replaces == "step" else "Not saved yet"
            self.notify(f"⧗ {what}: {WAITING}", title=title, severity="warning", timeout=4)

    def _attempt(self, pending: Pending) -> Attempt:
        try:
            with self.session.store.not_waiting_for_writers():  # the queue waits, not us
                pending.work()
        except LockTimeoutError:
            return Attempt.LOCKED
        except ReviewError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=8)
            return Attempt.REFUSED
        pending.saved()
        return Attempt.SAVED

    def _pending_given_up(self, given_up: list[Pending]) -> None:
        whats = ", ".join(p.what for p in given_up)
        self.notify(
            f"✘ {whats}: another reviewtui process is writing and did not finish in "
            f"{busy.WAIT_SECONDS:g} s. Try again when it has.",
            title="Not saved",
            severity="error",
            timeout=10,
        )

    def save_pending(self) -> None:
        """On quit: make the waiting changes, each waiting for the lock as a command does
        (nothing is left to draw meanwhile)."""
        for pending in self.pending.take_all():
            self._safely(pending.work)

    def _safely(
        self,
        work: Callable[[], object],
        background: bool = False,
    ) -> bool:
        """Run a store operation; a ReviewError becomes a notification, never a crash.

        A ``background`` save (drafts each second while typing, the clock) that finds
        another process writing says so once, not every tick, and is tried again on the
        next: what it saves stays in memory meanwhile. It does not wait for the lock:
        waiting each second, the screen would hardly ever be drawn. (A change the
        champion asks for goes through :meth:`_save`, which does not wait either.)"""
        waiting = (
            self.session.store.not_waiting_for_writers() if background else contextlib.nullcontext()
        )
        try:
            with waiting:
                work()
        except LockTimeoutError as error:
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

            def resolved() -> None:
                self.notify(f"✔ {item.ref} resolved · u undoes", timeout=4)
                self.refresh_all(changed=item.number)

            self._save(
                lambda: session.review.close(item.number, ActionStatus.DONE),
                resolved,
                f"{item.ref} resolved",
            )
        elif event.what == "edit":
            self._open_capture(item.kind, item)
        elif event.what == "retype":
            self._retype(item)
        else:

            def deleted() -> None:
                self.notify(f"Deleted {item.ref} · u brings it back", timeout=4)
                self.refresh_all()

            def answered(yes: bool | None) -> None:
                if yes:
                    self._save(
                        lambda: session.captures.delete(item.number),
                        deleted,
                        f"{item.ref} deleted",
                    )

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

            def retyped() -> None:
                self.notify(f"{item.ref} is now a {kind.value} · u undoes", timeout=4)
                self.refresh_all(changed=item.number)

            what = f"{item.ref} as a {kind.value}"
            self._save(lambda: session.captures.edit(item.number, entry), retyped, what)

        self.app.push_screen(KindScreen(item.ref), chosen)
