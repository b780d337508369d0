"""The meeting screen's handling of captured items and of the open-actions review.

Split from :mod:`reviewtui.tui.screens.meeting` (which subclasses this): the dialogs that
capture, edit, retype and delete items, and record done / slipped / dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.screen import Screen

from reviewtui.domain.capture import ActionStatus, CapturedItem, ItemKind
from reviewtui.errors import ReviewError
from reviewtui.services.session import Capture, MeetingSession, Saved
from reviewtui.tui.markup import safe, status_badge
from reviewtui.tui.screens.capture import CaptureScreen
from reviewtui.tui.screens.dialogs import ConfirmScreen, KindScreen
from reviewtui.tui.widgets.captured_list import CapturedList


class ItemsScreen(Screen[None]):
    """A screen over a :class:`MeetingSession` that captures and reviews items."""

    session: MeetingSession

    def refresh_all(self, focus: bool = False) -> None:
        """Redraw from the session (the meeting screen draws everything)."""
        raise NotImplementedError

    def _safely(self, work: Callable[[], object]) -> bool:
        """Run a store operation; a ReviewError becomes a notification, never a crash."""
        try:
            work()
        except ReviewError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=8)
            return False
        return True

    def _open_capture(
        self, kind: ItemKind, editing: CapturedItem | None, save: Callable[[Capture], Saved]
    ) -> None:
        session = self.session
        current = session.current
        measure = session.state.measure(current)
        context = safe(current.title)
        if measure is not None:
            context = f"{status_badge(session.state.level(measure))} {context}"

        def saved(result: Saved | None) -> None:
            if result is None:
                return
            what = "updated" if editing else "saved"
            self.notify(
                f"✔ {result.item.ref} {what}: {result.item.text}", title="Saved to disk", timeout=4
            )
            for warning in result.warnings:
                self.notify(warning, severity="warning", timeout=8)
            self.refresh_all()

        self.app.push_screen(
            CaptureScreen(
                kind,
                context,
                session.people,
                session.store.clock.today(),
                save,
                editing,
            ),
            saved,
        )

    @on(CapturedList.Chosen)
    def _chosen(self, event: CapturedList.Chosen) -> None:
        session = self.session
        item = session.state.find(event.number)
        if item is None or session.read_only:
            self.notify("A finalized meeting is read-only (O reopens it)", severity="warning")
            return
        if event.what == "resolve":
            if self._safely(lambda: session.review.close(item.number, ActionStatus.DONE)):
                self.notify(f"✔ {item.ref} resolved", timeout=4)
                self.refresh_all()
        elif event.what == "edit":
            self._open_capture(
                item.kind, item, lambda entry: session.captures.edit(item.number, entry)
            )
        elif event.what == "retype":
            self._retype(item)
        else:

            def answered(yes: bool | None) -> None:
                if yes and self._safely(lambda: session.captures.delete(item.number)):
                    self.notify(f"Deleted {item.ref}", timeout=4)
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
                # An action needs an owner and a date: finish it in the form.
                self._open_capture(
                    kind, item, lambda entry: session.captures.edit(item.number, entry)
                )
                return
            entry = Capture(kind, item.text, item.owner, item.due)
            if self._safely(lambda: session.captures.edit(item.number, entry)):
                self.notify(f"{item.ref} is now a {kind.value}", timeout=4)
                self.refresh_all()

        self.app.push_screen(KindScreen(item.ref), chosen)
