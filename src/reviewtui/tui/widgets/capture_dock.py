"""The capture line under the measure: ``Fix the lead form @dana fri`` or its fields.

It stays open until the store has the item on disk: if saving fails (a full disk, a
locked data dir) the error is shown here and nothing typed is lost. Closed without
saving, what was typed is handed back as a draft, and comes back when it opens again.

While another reviewtui process is writing (it holds the data dir's lock), the line says
so and tries again (:mod:`reviewtui.tui.busy`) for as long as a command would wait: the
screen goes on (the clock, what others change), nothing waits on it, and Esc still
keeps what was typed as a draft.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from reviewtui.domain.capture import CapturedItem, ItemKind
from reviewtui.domain.display import due_text
from reviewtui.domain.meeting import Draft
from reviewtui.domain.people import match_person
from reviewtui.errors import LockTimeoutError, ReviewError
from reviewtui.services.session import Capture, Saved
from reviewtui.services.session.entry import Context, read_fields
from reviewtui.tui.busy import WhileBusy
from reviewtui.tui.markup import safe
from reviewtui.tui.widgets.captured_list import KIND_LABEL
from reviewtui.tui.widgets.dock_input import DockInput
from reviewtui.tui.widgets.docked_line import DockedLine

WAITING = (
    "[bold $warning]⧗ Saving as soon as another reviewtui process has written[/] "
    "(Esc keeps it as a draft)"
)

PLACEHOLDER = {
    ItemKind.ACTION: "What will be done?  e.g. Fix churn report @maria fri",
    ItemKind.DECISION: "What was decided?",
    ItemKind.ISSUE: "What should the parking lot hold?",
    ItemKind.NOTE: "What should the minutes say?",
}


@dataclass
class CaptureRequest:
    """What to capture or edit, and what to do with it."""

    kind: ItemKind
    context: str
    """Where it is captured, as markup (``✖ Off track Revenue growth``)."""
    reading: Context
    draft_key: str
    save: Callable[[Capture], Saved]
    typed: Callable[[str, Draft], None]
    """Called as the champion types, with the draft (kept in memory, saved each second)."""
    closed: Callable[[Saved | None, Draft], None]
    """Called when the line closes: what was saved (None on Esc) and what was left typed."""
    editing: CapturedItem | None = None
    draft: Draft | None = None


class CaptureDock(DockedLine):
    """Capture (or edit) an action, decision, issue or note, under the item."""

    BINDINGS = [
        Binding("enter", "submit", "Save", key_display="⏎", id="capture.save"),
        Binding("escape", "cancel", "Close, keep draft", key_display="esc", id="capture.cancel"),
        Binding("tab", "noop", "Next field · takes a name", key_display="⇥", id="capture.tab"),
    ]

    def __init__(self, id: str | None = None) -> None:  # noqa: A002 - Textual's name for it
        super().__init__(id=id)
        self.request: CaptureRequest | None = None
        self._start = Draft()
        self.busy = WhileBusy(self)
        """The save waiting for another process's write, if any."""

    def compose(self) -> ComposeResult:
        """Title, the line, owner and due, the live preview."""
        yield Label(id="capture-title")
        with Horizontal(classes="dock-row"):
            yield Label("What", classes="dock-label")
            yield DockInput(id="capture-entry")
        with Horizontal(classes="dock-row", id="capture-fields"):
            yield Label("Owner", classes="dock-label")
            yield DockInput(id="capture-owner", names=[])
            yield Label("Due", classes="dock-label", id="capture-due-label")
            yield DockInput(id="capture-due", placeholder="fri, +2w, 31/12, end of month")
        yield Static(id="capture-preview")

    def open(self, request: CaptureRequest) -> None:
        """Show the line for ``request``, the draft (or the item edited) in its fields."""
        self.request = request
        self.busy.done()
        kind, editing = request.kind, request.editing
        verb = f"Edit {editing.ref}" if editing else "New"
        self.query_one("#capture-title", Label).update(
            f"[b]{verb} {KIND_LABEL[kind]}[/b] · on {request.context}"
        )
        start = Draft(
            text=editing.text if editing else "",
            owner=(editing.owner or "") if editing else "",
            due=editing.due.isoformat() if editing and editing.due else "",
        )
        self._start = start
        values = request.draft or start
        entry, owner, due = self._fields()
        entry.value, owner.value, due.value = values.text, values.owner, values.due
        entry.placeholder = PLACEHOLDER[kind]
        optional = "" if kind is ItemKind.ACTION else ", optional"
        owner.placeholder = f"a name, Tab completes{optional}"
        people = request.reading.people
        owner.names = sorted({n for p in people for n in (p.name, *p.aliases)})
        self.query_one("#capture-fields").display = kind in (ItemKind.ACTION, ItemKind.ISSUE)
        due.display = kind is ItemKind.ACTION
        self.query_one("#capture-due-label").display = kind is ItemKind.ACTION
        self.set_class(request.draft is not None, "-draft")
        self.show_line(entry)
        self._preview()

    def _fields(self) -> tuple[DockInput, DockInput, DockInput]:
        return (
            self.query_one("#capture-entry", DockInput),
            self.query_one("#capture-owner", DockInput),
            self.query_one("#capture-due", DockInput),
        )

    def draft(self) -> Draft:
        """What the fields hold now."""
        entry, owner, due = self._fields()
        return Draft(text=entry.value, owner=owner.value, due=due.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Show what will be saved as the champion types; keep it as a draft."""
        event.stop()
        if self.request is None or not self.is_open:
            return
        typed = self.draft()
        # An edit left as it was is no draft: it would hide later changes to the item.
        self.request.typed(self.request.draft_key, Draft() if typed == self._start else typed)
        self._preview()

    def _preview(self) -> None:
        request = self.request
        if request is None:
            return
        reading = read_fields(request.kind, self.draft(), request.reading)
        entry = reading.entry
        lines = []
        if entry.text.strip():
            lines.append(f"→ {KIND_LABEL[request.kind]}: [b]{safe(entry.text)}[/b]")
        details = []
        if entry.owner:
            person = match_person(entry.owner, request.reading.people)
            details.append(f"Owner: [b]{safe(person.name if person else entry.owner)}[/b]")
        if request.kind is ItemKind.ACTION and entry.due:
            details.append(f"Due: [b]{safe(due_text(entry.due, request.reading.today))}[/b]")
        if details:
            lines.append("  " + " · ".join(details))
        lines += [f"[bold $warning]▲ {safe(note)}[/]" for note in reading.notes]
        lines += [f"[bold $error]✖ {safe(problem)}[/]" for problem in reading.problems]
        self.query_one("#capture-preview", Static).update("\n".join(lines))

    def submit(self) -> None:
        """Save to disk, then close; on any problem stay open and say why."""
        request = self.request
        if request is None:
            return
        reading = read_fields(request.kind, self.draft(), request.reading)
        problems = reading.problems
        if not reading.entry.text.strip():
            problems = ["type something to save", *problems]
        preview = self.query_one("#capture-preview", Static)
        if problems:
            preview.update("\n".join(f"[bold $error]✖ {safe(p)}[/]" for p in problems))
            self.app.bell()
            return
        try:
            saved = request.save(reading.entry)
        except LockTimeoutError as error:
            if self.busy.again(lambda: self._retry(request)):
                preview.update(WAITING)
                return
            self._not_saved(preview, error)
            return
        except ReviewError as error:
            self._not_saved(preview, error)
            return
        self.busy.done()
        self._close(saved)

    def _retry(self, request: CaptureRequest) -> None:
        """Try the waiting save again, unless the line was closed (or reopened) since."""
        if self.request is request and self.busy.waiting:
            self.submit()

    def _not_saved(self, preview: Static, error: ReviewError) -> None:
        self.busy.done()
        preview.update(f"[bold $error]✖ Not saved: {safe(error)}[/] (Esc keeps it as a draft)")
        self.app.bell()

    def cancel(self) -> None:
        """Close without saving; what was typed stays as the item's draft."""
        self._close(None)

    def _close(self, saved: Saved | None) -> None:
        request, left = self.request, self.draft()
        left = Draft() if left == self._start else left
        self.request = None
        self.busy.done()  # closed: a save still waiting is called off
        self.hide_line()
        if request is not None:
            request.closed(saved, left)

    def current_draft(self) -> tuple[str, Draft] | None:
        """The open line's draft key and what it holds (to save on quit)."""
        if self.request is None or not self.is_open:
            return None
        typed = self.draft()
        return self.request.draft_key, Draft() if typed == self._start else typed

    def action_noop(self) -> None:
        """Tab is done by the field itself; the binding is there for the footer."""
