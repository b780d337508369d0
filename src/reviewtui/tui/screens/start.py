"""The start screen: start a meeting from a scorecard, resume one, or open a past one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from reviewtui import __version__
from reviewtui.domain.agenda_terms import AgendaOrder
from reviewtui.domain.dates import DateFormatError, parse_due
from reviewtui.domain.meeting import MeetingState, length_problem
from reviewtui.domain.scorecard import Scorecard
from reviewtui.errors import InvalidInputError, ReviewError
from reviewtui.services.meetings import plan_meeting, timing_advice
from reviewtui.services.scorecards import read_scorecard, samples, save_scorecard
from reviewtui.services.workspace import Store
from reviewtui.tui.markup import safe
from reviewtui.tui.screens.dialogs import PromptScreen
from reviewtui.tui.widgets.key_footer import KeyFooter


class PlanScreen(ModalScreen[tuple[str, dt.date, int, AgendaOrder] | None]):
    """Title, date, length and agenda order of a new meeting."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="plan.cancel"),
        Binding("ctrl+s", "submit", "Start", id="plan.start"),
    ]

    def __init__(self, scorecard: Scorecard, today: dt.date) -> None:
        super().__init__()
        self.scorecard = scorecard
        self.today = today

    def compose(self) -> ComposeResult:
        """The fields, with sensible defaults."""
        period = self.scorecard.review_period() or ""
        with Vertical(classes="dialog", id="plan-box"):
            yield Label(f"New meeting on {safe(self.scorecard.name)}", classes="dialog-title")
            yield Input(f"{self.scorecard.name} review, {period}", id="plan-title")
            yield Input(self.today.isoformat(), placeholder="Date", id="plan-date")
            yield Input("60", placeholder="Length in minutes", type="integer", id="plan-length")
            yield Select(
                [
                    (
                        "Exceptions first: off track, at risk, then on track",
                        AgendaOrder.EXCEPTIONS_FIRST,
                    ),
                    ("Scorecard order: by perspective", AgendaOrder.SCORECARD),
                ],
                value=AgendaOrder.EXCEPTIONS_FIRST,
                allow_blank=False,
                id="plan-order",
            )
            yield Static(id="plan-error")
            yield Static("Enter starts · Tab next field · Esc cancels", classes="dialog-hint")
        yield KeyFooter()  # the dialog's keys, not those of the screen beneath

    def on_mount(self) -> None:
        """Stop the cursor blinking in tests; start in the title."""
        for field in self.query(Input):
            field.cursor_blink = getattr(self.app, "cursor_blink", True)
        for selector, title in (
            ("#plan-title", "Title"),
            ("#plan-date", "Date (2026-12-01, next mon...)"),
            ("#plan-length", "Length in minutes"),
            ("#plan-order", "Agenda order"),
        ):
            self.query_one(selector).border_title = title
        self.query_one("#plan-title", Input).focus()

    def on_input_submitted(self, _: Input.Submitted) -> None:
        """Enter in any field starts the meeting."""
        self.action_submit()

    def action_submit(self) -> None:
        """Check the fields and close with them."""
        error = self.query_one("#plan-error", Static)
        try:
            date = parse_due(self.query_one("#plan-date", Input).value, self.today)
        except DateFormatError as problem:
            error.update(f"[bold $error]✖ Date: {safe(problem)}[/]")
            return
        length_text = self.query_one("#plan-length", Input).value
        too_long = length_problem(length_text)
        if too_long:
            error.update(f"[bold $error]✖ Length: {safe(too_long)}[/]")
            return
        order = self.query_one("#plan-order", Select).value
        title = self.query_one("#plan-title", Input).value
        self.dismiss((title, date, int(length_text), AgendaOrder(str(order))))

    def action_cancel(self) -> None:
        """Close without planning."""
        self.dismiss(None)


class StartScreen(Screen[None]):
    """Choose what to do: start, resume or read a meeting."""

    BINDINGS = [
        Binding("enter", "choose", "Open", id="start.open"),
        Binding("f", "open_file", "Scorecard file…", id="start.file"),
        Binding("question_mark", "app.keys", "Keys", key_display="?", id="start.keys"),
    ]

    class OpenMeeting(Message):
        """The champion chose a meeting to run (or read); the app opens it."""

        def __init__(self, meeting_id: str) -> None:
            super().__init__()
            self.meeting_id = meeting_id

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.sources: dict[str, Path | str] = {}

    def compose(self) -> ComposeResult:
        """Title and the list of choices."""
        yield Static(
            f"[b]reviewtui[/b] {__version__} · data: {safe(_shown(self.store.data.root))}",
            id="start-header",
        )
        yield OptionList(id="choices")
        yield KeyFooter()

    def on_mount(self) -> None:
        """List the choices."""
        self.reload()

    def reload(self) -> None:
        """Rebuild the list from the data dir and the bundled samples."""
        choices = self.query_one("#choices", OptionList)
        choices.clear_options()
        self.sources.clear()
        meetings = self.store.meetings()
        unfinished = [m for m in meetings if m.state is not MeetingState.FINALIZED]
        finished = [m for m in meetings if m.state is MeetingState.FINALIZED]
        options: list[Option | None] = []
        if unfinished:
            options.append(Option("[b]▶ Resume an unfinished meeting[/b]", disabled=True))
            for meeting in reversed(unfinished):
                where = meeting.agenda[meeting.current].title if meeting.agenda else ""
                options.append(
                    Option(
                        f"   {safe(meeting.id)} {safe(meeting.title)} · {meeting.date} · "
                        f"{meeting.state.value.replace('_', ' ')} · at {safe(where)}",
                        id=f"run:{meeting.id}",
                    )
                )
        options.append(Option("[b]+ Start a meeting from a scorecard[/b]", disabled=True))
        for card in self.store.scorecards():
            self.sources[f"card:{card.id}"] = card.id
            options.append(
                Option(
                    f"   {safe(card.name)} (imported, {card.review_period()})", id=f"card:{card.id}"
                )
            )
        for path in samples():
            self.sources[f"file:{path}"] = path
            options.append(Option(f"   sample: {safe(path.name)}", id=f"file:{path}"))
        options.append(Option("   a scorecard file… (f)", id="ask-file"))
        if finished:
            options.append(Option("[b]■ Open a past meeting (read-only)[/b]", disabled=True))
            for meeting in reversed(finished):
                options.append(
                    Option(
                        f"   {safe(meeting.id)} {safe(meeting.title)} · {meeting.date}",
                        id=f"run:{meeting.id}",
                    )
                )
        choices.add_options([o for o in options if o is not None])
        first = next(i for i, o in enumerate(options) if o is not None and not o.disabled)
        choices.highlighted = first
        choices.focus()

    @on(OptionList.OptionSelected, "#choices")
    def _selected(self, _: OptionList.OptionSelected) -> None:
        self.action_choose()

    def action_choose(self) -> None:
        """Open what is highlighted."""
        choices = self.query_one("#choices", OptionList)
        if choices.highlighted is None:
            return
        key = choices.get_option_at_index(choices.highlighted).id or ""
        if key.startswith("run:"):
            self.post_message(self.OpenMeeting(key[4:]))
        elif key == "ask-file":
            self.action_open_file()
        elif key in self.sources:
            source = self.sources[key]
            try:
                card = source if isinstance(source, str) else None
                scorecard = self.store.scorecard(card) if card else read_scorecard(Path(source))
            except InvalidInputError as error:
                self.notify("\n".join(str(p) for p in error.problems[:5]), severity="error")
                return
            except ReviewError as error:
                self.notify(str(error), severity="error")
                return
            self._plan(scorecard)

    def action_open_file(self) -> None:
        """Ask for a scorecard file's path and start a meeting on it."""

        def read(text: str) -> Scorecard:
            path = Path(text.strip()).expanduser()
            if not path.is_file():
                raise ValueError(f"no file at {path}")
            try:
                return read_scorecard(path)
            except InvalidInputError as error:
                raise ValueError("; ".join(str(p) for p in error.problems[:3])) from None
            except ReviewError as error:
                raise ValueError(str(error)) from None

        def chosen(scorecard: Scorecard | None) -> None:
            if scorecard is not None:
                self._plan(scorecard)

        self.app.push_screen(
            PromptScreen(
                "Scorecard file (CSV, XLSX, YAML or JSON)",
                read,
                lambda card: f"{card.name}: valid",
                placeholder="path/to/scorecard.csv",
            ),
            chosen,
        )

    def _plan(self, scorecard: Scorecard) -> None:
        def planned(answer: tuple[str, dt.date, int, AgendaOrder] | None) -> None:
            if answer is not None:
                self.notify("◷ Planning the meeting…", timeout=3)
                self._plan_off_screen(scorecard, *answer)

        self.app.push_screen(PlanScreen(scorecard, self.store.clock.today()), planned)

    @work(thread=True, exclusive=True, group="plan")
    def _plan_off_screen(
        self, scorecard: Scorecard, title: str, date: dt.date, length: int, order: AgendaOrder
    ) -> None:
        """Save the scorecard and plan the meeting off the screen's thread (a scorecard of
        thousands of rows takes a second; another process may hold the lock), through a
        store of this thread's own that waits for another process as a command does."""
        store = Store(self.store.data.root, self.store.clock)
        try:
            save_scorecard(store, scorecard)
            meeting = plan_meeting(store, scorecard, title, date, length, order)
        except ReviewError as error:
            said = str(error)
            self.app.call_from_thread(self.notify, said, title="Not planned", severity="error")
            return
        advice = timing_advice(scorecard, meeting)
        if advice:  # said over the meeting it opens: the agenda there shows the 0:00s
            self.app.call_from_thread(
                self.notify, advice, title="Too short", severity="warning", timeout=20
            )
        self.post_message(self.OpenMeeting(meeting.id))


def _shown(path: Path) -> str:
    """A path as people write it: ``~/.local/share/reviewtui`` rather than the full path."""
    try:
        return f"~/{path.resolve().relative_to(Path.home().resolve())}"
    except ValueError:
        return str(path)
