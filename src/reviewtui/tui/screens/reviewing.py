"""The meeting screen's review of earlier actions: done, dropped, slipped (with a date and a
reason), reopened, reassigned, reworded, and each action's story on Enter.

A key pressed by mistake is corrected by pressing the right one: every outcome can be
changed during the meeting, and every change is kept in the action's history.
"""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.message import Message

from reviewtui.domain.capture import ActionStatus, CapturedItem
from reviewtui.domain.dates import DATE_FORMS, DateFormatError, day_month, parse_due
from reviewtui.domain.display import due_text
from reviewtui.services.stories import story
from reviewtui.tui.screens.dialogs import StoryScreen
from reviewtui.tui.screens.items import ItemsScreen
from reviewtui.tui.widgets.ask_dock import Question
from reviewtui.tui.widgets.captured_list import CapturedList
from reviewtui.tui.widgets.review_table import ReviewTable

CLOSED = {"done": ActionStatus.DONE, "drop": ActionStatus.DROPPED, "reopen": ActionStatus.OPEN}


class ReviewingScreen(ItemsScreen):
    """A screen that reviews the actions carried into its meeting."""

    def take_now(self, message: Message) -> bool:
        """The review's and the captured lists' choices are handled at once (see
        :mod:`reviewtui.tui.widgets.now`)."""
        if isinstance(message, ReviewTable.Outcome):
            self._outcome(message)
        elif isinstance(message, CapturedList.Chosen):
            self._chosen(message)
        else:
            return False
        return True

    @on(ReviewTable.Outcome)
    def _outcome(self, event: ReviewTable.Outcome) -> None:
        session = self.session
        item = next((i for i in session.carried if i.number == event.number), None)
        if item is None:
            return
        if event.outcome == "story":
            lines = story(item)
            self.app.push_screen(StoryScreen(f"{item.ref} {item.text}", lines))
            return
        if session.read_only:
            self.notify("A finalized meeting is read-only (O reopens it)", severity="warning")
            return
        if event.outcome == "slip":
            self._slip(item)
        elif event.outcome == "reassign":
            self._reassign(item)
        elif event.outcome == "reword":
            self._reword(item)
        else:
            status = CLOSED[event.outcome]

            def closed() -> None:
                self.notify(f"{item.ref}: {status.value} · u undoes", timeout=4)
                self.refresh_all()

            self._save(
                lambda: session.review.close(item.number, status),
                closed,
                f"{item.ref} {status.value}",
            )

    def _slip(self, item: CapturedItem) -> None:
        today = self.session.store.clock.today()
        order = self.date_order

        def read(text: str) -> dt.date:
            try:
                return parse_due(text, today, order)
            except DateFormatError as error:
                raise ValueError(str(error)) from None

        def describe(due: dt.date) -> str:
            past = " ▲ in the past" if due < today else ""
            return due_text(due, today) + past

        def dated(due: dt.date) -> None:
            self.ask(
                Question(
                    f"Why did {item.ref} slip? (Enter: no reason)",
                    str.strip,
                    lambda reason: self._slipped(item, due, reason),
                )
            )

        was = f"{item.due:%a} {day_month(item.due)}" if item.due else "no date"
        self.ask(
            Question(
                f"New due date for {item.ref} (was {was})",
                read,
                dated,
                describe,
                placeholder=DATE_FORMS,
            )
        )

    def _slipped(self, item: CapturedItem, due: dt.date, reason: str) -> None:
        today = self.session.store.clock.today()

        def slipped() -> None:
            self.notify(f"↻ {item.ref} slipped to {due_text(due, today)}", timeout=4)
            self.refresh_all()

        self._save(
            lambda: self.session.review.slip(item.number, due, reason),
            slipped,
            f"{item.ref} slipped to {due_text(due, today)}",
        )

    def _reassign(self, item: CapturedItem) -> None:
        names = sorted({n for p in self.session.people for n in (p.name, *p.aliases)})

        def read(text: str) -> str:
            if not text.strip():
                raise ValueError("type a name (Tab or → takes the suggestion)")
            return text.strip()

        def given(name: str) -> None:
            warnings: list[str] = []

            def reassigned() -> None:
                self.notify(f"⇄ {item.ref} given to {name}", timeout=4)
                for warning in warnings:
                    self.notify(warning, severity="warning", timeout=8)
                self.refresh_all()

            self._save(
                lambda: warnings.extend(self.session.review.reassign(item.number, name)[1]),
                reassigned,
                f"{item.ref} given to {name}",
            )

        self.ask(
            Question(
                f"Who owns {item.ref} now? (was {item.owner or 'nobody'})",
                read,
                given,
                placeholder="a name; Tab or → takes the suggestion",
                names=names,
            )
        )

    def _reword(self, item: CapturedItem) -> None:
        def read(text: str) -> str:
            if not text.strip():
                raise ValueError("an action cannot be blank: type what will be done")
            return text.strip()

        def reworded() -> None:
            self.notify(f"✎ {item.ref} reworded · u undoes", timeout=4)
            self.refresh_all()

        def worded(text: str) -> None:
            self._save(
                lambda: self.session.review.reword(item.number, text),
                reworded,
                f"{item.ref} reworded",
            )

        self.ask(Question(f"What does {item.ref} say now?", read, worded, value=item.text))
