"""Drawing the meeting screen from its session: the header, the clock, the agenda (only
the rows that changed), the item's own view, the captured lists, and the focus.

Split from :mod:`reviewtui.tui.screens.meeting` (which subclasses this and adds the keys,
the timers and the following of other processes).
"""

from __future__ import annotations

from textual.widgets import ContentSwitcher, Static

from reviewtui.domain.agenda_terms import AgendaKind
from reviewtui.domain.capture import ItemKind
from reviewtui.services.views import (
    agenda_row,
    agenda_rows,
    agenda_signature,
    clock_figures,
    measure_card,
    review_rows,
)
from reviewtui.services.wrapup import wrap_up
from reviewtui.tui.markup import set_text
from reviewtui.tui.screens.closing import ClosingScreen
from reviewtui.tui.screens.opening import FINALIZED_NOTE, meeting_heading, watching_note
from reviewtui.tui.widgets.agenda_list import AgendaList
from reviewtui.tui.widgets.captured_list import CapturedList
from reviewtui.tui.widgets.clock_bar import ClockBar
from reviewtui.tui.widgets.measure_view import MeasureView
from reviewtui.tui.widgets.review_table import ReviewTable
from reviewtui.tui.widgets.wrapup_view import WrapUpView

VIEW_OF = {
    AgendaKind.MEASURE: "view-measure",
    AgendaKind.OPEN_ACTIONS: "view-review",
    AgendaKind.PARKING_LOT: "view-parking",
    AgendaKind.WRAP_UP: "view-wrapup",
}


class DrawingScreen(ClosingScreen):
    """Draws a meeting session; what was drawn is remembered so a step redraws little."""

    _agenda_drawn: list[tuple[object, ...]]
    _agenda_followed: int | None = None
    """The item the agenda's cursor was last moved to."""
    _keys_state: tuple[AgendaKind, bool] | None

    def refresh_all(self, focus: bool = False, changed: int | None = None) -> None:
        """Redraw from the session; the captured lists keep their cursor on ``changed``."""
        session = self.session
        item = session.current
        self.draw_header()
        self.query_one(ClockBar).show(clock_figures(session))
        self._draw_agenda()
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
            # Decisions, notes and actions said while on the parking lot are shown with it.
            others = [i for i in session.state.items_on(item) if i.kind is not ItemKind.ISSUE]
            also = f", {len(others)} other item(s) captured here" if others else ""
            set_text(
                self.query_one("#parking-title", Static),
                f"[b]◧ Parking lot[/b]: {len(issues)} issue(s), {len(earlier)} from earlier "
                f"meetings{also}" + self._hint("t turns one into an action · c resolved · e edit"),
            )
            self.query_one("#parking", CapturedList).show(
                [*issues, *others], today, session.meeting.id, changed
            )
        else:
            self.query_one(WrapUpView).show(wrap_up(session))
        shows_own_list = item.kind in (AgendaKind.PARKING_LOT, AgendaKind.WRAP_UP)
        self.query_one("#captured-title").display = not shows_own_list
        self.query_one("#captured").display = not shows_own_list
        here = session.state.items_on(item)
        set_text(
            self.query_one("#captured-title", Static),
            f"[b]Captured here[/b] ({len(here)})" + self._capture_hint(),
        )
        self.query_one("#captured", CapturedList).show(here, today, changed=changed)
        if focus and not self.typing:
            self.focus_item()
        # The footer is rebuilt on every refresh_bindings (~60 ms): only when keys change.
        keys_state = (item.kind, session.read_only)
        if keys_state != self._keys_state:
            self._keys_state = keys_state
            self.refresh_bindings()

    def draw_header(self) -> None:
        """The title line: meeting, date, position, and whether it can change."""
        session = self.session
        meeting = session.meeting
        position = f"{meeting.current + 1}/{len(meeting.agenda)}"
        lock = FINALIZED_NOTE if session.read_only else ""
        if session.state.watching:
            lock = watching_note(session.state.adds_items)
        set_text(
            self.query_one("#meeting-header", Static),
            meeting_heading(meeting.title, meeting.id, meeting.date, position, lock),
        )

    def _hint(self, keys: str) -> str:
        """A heading's key hints, which a watcher's screen leaves out (its keys do nothing)."""
        return "" if self.session.state.watching else f" · {keys}"

    def _capture_hint(self) -> str:
        """The capture keys under the item, for whoever may capture here."""
        state = self.session.state
        if state.watching and not state.adds_items:
            return ""
        return " · a action · d decision · i issue · n note"

    def _show_review(self) -> None:
        session = self.session
        count = len(session.carried)
        title = (
            f"[b]↺ Open actions from earlier meetings[/b] ({count})"
            + self._hint("c done · r slipped · x dropped · b bring back · p reassign · e reword")
            + (" · ⏎ story" if not self.session.state.watching else "")
            if count
            else "[b]↺ Open actions from earlier meetings[/b]: none, nothing to review."
        )
        set_text(self.query_one("#review-title", Static), title)
        self.query_one(ReviewTable).show(review_rows(session))

    def _draw_agenda(self) -> None:
        """Draw the agenda rows that changed since they were drawn (a step: two rows), or
        all of them when the order or length changed."""
        session = self.session
        signature = agenda_signature(session)
        drawn = self._agenda_drawn
        listing = self.query_one(AgendaList)
        if [row[0] for row in drawn] != [row[0] for row in signature]:
            listing.show(agenda_rows(session))
        else:
            changed = {
                index: agenda_row(session, index)
                for index, (old, new) in enumerate(zip(drawn, signature, strict=True))
                if old != new
            }
            if changed:
                listing.update_rows(changed)
        if self._agenda_followed != session.meeting.current:
            # The agenda's cursor follows the meeting: `g` opens it on the item under
            # way, and a long agenda scrolls to keep that item in view. Only when the
            # item changes: a redraw leaves a cursor the champion moved where it is.
            listing.highlighted = self._agenda_followed = session.meeting.current
        self._agenda_drawn = signature

    def focus_item(self) -> None:
        """Focus what the item on screen is worked with (the review table, the lists...)."""
        if self.session.state.watching:
            self.set_focus(None)  # the lists' own keys (done, edit...) change things
            return
        kind = self.session.current.kind
        target = {
            AgendaKind.OPEN_ACTIONS: "#review",
            AgendaKind.PARKING_LOT: "#parking",
            AgendaKind.WRAP_UP: "#attendance",
        }.get(kind, "#view-measure")
        # Now, not after a refresh: the next key typed must already go there.
        self.set_focus(self.query_one(target), scroll_visible=False)
