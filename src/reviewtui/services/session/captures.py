"""Capturing while people talk: actions, decisions, issues and notes, and changing them.

:func:`check_capture` is the one place that says whether what was typed can be saved;
the capture line shows its answer live, and :class:`Captures` refuses what it refuses.
Every capture, edit, retype and delete goes into the meeting's undo history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from reviewtui.domain.capture import CapturedItem, Change, ItemKind
from reviewtui.domain.people import KnownPerson, did_you_mean, match_person
from reviewtui.domain.revise import revised
from reviewtui.domain.text import one_line
from reviewtui.errors import ReviewError
from reviewtui.services.actions import resolve_owner
from reviewtui.services.session.drafts import Drafts, edit_draft_key
from reviewtui.services.session.history import Change as Undoable
from reviewtui.services.session.history import History, Swap
from reviewtui.services.session.state import SessionState


@dataclass
class Capture:
    """What the capture line hands over: typed text, owner and due date."""

    kind: ItemKind
    text: str
    owner: str | None = None
    due: dt.date | None = None


@dataclass
class Checked:
    """A capture ready to save (its owner resolved to a full name), or what stops it."""

    text: str
    owner: str | None
    due: dt.date | None
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class Saved:
    """A saved item and any warnings to show with it (new owner name, and so on)."""

    item: CapturedItem
    warnings: list[str] = field(default_factory=list)


def check_capture(entry: Capture, people: list[KnownPerson]) -> Checked:
    """Whether ``entry`` can be saved: text needed; an action needs an owner and a date."""
    text = one_line(entry.text)
    checked = Checked(text, None, entry.due)
    if not text:
        checked.problems.append("nothing to save: type what was said")
    if entry.owner and entry.owner.strip():
        choice = resolve_owner(entry.owner, people)
        checked.owner = choice.name
        checked.warnings += [choice.warning] if choice.warning else []
    if entry.kind is ItemKind.ACTION:
        if checked.owner is None:
            checked.problems.append("needs an owner: @name in the line or the Owner field")
        if entry.due is None:
            checked.problems.append("needs a due date: 'fri', '+2w'... or the Due field")
    return checked


def owner_hint(typed: str, people: list[KnownPerson]) -> str | None:
    """What the preview says of a typed owner nobody has: a did-you-mean, or that it is new."""
    if not typed.strip() or match_person(typed, people):
        return None
    close = did_you_mean(typed, people)
    return f"new name; did you mean {close}?" if close else "new name"


class Captures:
    """The items captured in this meeting."""

    def __init__(self, state: SessionState, history: History, drafts: Drafts) -> None:
        self.state = state
        self.history = history
        self.drafts = drafts

    def _checked(self, entry: Capture) -> Checked:
        self.state.require_writable()
        checked = check_capture(entry, self.state.people)
        if checked.problems:
            raise ReviewError("; ".join(checked.problems))
        return checked

    def capture(self, entry: Capture, draft_key: str | None = None) -> Saved:
        """Durably save a new item linked to the current agenda item (and let go of the
        draft it was typed in, in the same write)."""
        checked = self._checked(entry)
        state = self.state
        item = state.store.new_item(
            entry.kind, checked.text, state.meeting.id, **self._linked_here(checked)
        )
        also = {"drafts": self.drafts.without(draft_key)} if draft_key else None
        self.history.record(
            Undoable(
                f"{item.ref} removed (its capture undone)",
                f"{item.ref} captured again",
                [Swap(item.number, state.meeting.id, None, item)],
            ),
            also,
        )
        if checked.owner:
            state.know_person(checked.owner)
        return Saved(item, checked.warnings)

    def contribute(self, entry: Capture, draft_key: str | None = None) -> Saved:
        """A watcher's item (``watch --capture``), linked to the item the champion is on.

        One write of its own, kept out of the meeting's undo history: the champion's ``u``
        takes back the champion's own changes, and a watcher writes no meeting field.
        """
        state = self.state
        if not state.contributing:
            raise ReviewError("this screen only watches: items are added where the meeting runs")
        if state.meeting.read_only:
            raise ReviewError(f"{state.meeting.id} is finalized: nothing more can be added")
        checked = check_capture(entry, state.people)
        if checked.problems:
            raise ReviewError("; ".join(checked.problems))
        item = state.store.capture(
            entry.kind, checked.text, state.meeting.id, **self._linked_here(checked)
        )
        state.items.append(item)  # our own write: the next poll does not reload it
        drafts = state.meeting.drafts
        state.meeting.drafts = {k: v for k, v in drafts.items() if k != draft_key}  # memory
        return Saved(item, checked.warnings)

    def _linked_here(self, checked: Checked) -> dict[str, Any]:
        """A new item's fields: owner and due as checked, linked to the current agenda
        item (and its measure), with its creation in its history."""
        state = self.state
        created = Change(
            at=state.store.clock.now(),
            by=state.by,
            field="created",
            new=checked.text,
            meeting_id=state.meeting.id,
        )
        return {
            "owner": checked.owner,
            "due": checked.due,
            "measure_id": state.current.measure_id,
            "scorecard_id": state.meeting.scorecard_id,
            "agenda_item": state.current.key,
            "history": [created],
        }

    def edit(self, number: int, entry: Capture) -> Saved:
        """Change an item's text, owner, due date or kind, keeping the old values."""
        checked = self._checked(entry)
        state = self.state
        held = state.find(number)
        home = held.meeting_id if held is not None else state.meeting.id
        before = state.store.item(number, home)
        if before is None:
            raise ReviewError(f"no item numbered {number} in this meeting")
        new = {"kind": entry.kind, "text": checked.text, "owner": checked.owner, "due": entry.due}
        entries = [
            Change(
                at=state.store.clock.now(),
                by=state.by,
                field=name,
                old=_text(getattr(before, name)),
                new=_text(value),
                meeting_id=state.meeting.id,
            )
            for name, value in new.items()
            if getattr(before, name) != value
        ]
        if not entries:
            return Saved(before, checked.warnings)
        after = revised(before, **new, history=[*before.history, *entries])
        changed = ", ".join(e.field for e in entries)
        says = _edit_says(before, after, changed)
        self.history.record(
            Undoable(says[0], says[1], [Swap(number, home, before, after)]),
            {"drafts": self.drafts.without(edit_draft_key(number))},
        )
        return Saved(after, checked.warnings)

    def delete(self, number: int) -> CapturedItem:
        """Remove an item captured in this meeting (undo brings it back)."""
        state = self.state
        state.require_writable()
        before = next((item for item in state.items if item.number == number), None)
        if before is None:
            raise ReviewError("only items captured in this meeting can be deleted here")
        self.history.record(
            Undoable(
                f"{before.ref} restored", f"{before.ref} deleted again",
                [Swap(number, state.meeting.id, before, None)],
            )
        )  # fmt: skip
        return before


def _edit_says(before: CapturedItem, after: CapturedItem, changed: str) -> tuple[str, str]:
    if before.kind is not after.kind:
        return (
            f"{after.ref} is a {before.kind.value} again (was {before.ref})",
            f"{before.ref} is a {after.kind.value} again",
        )
    if changed == "text":
        return f"{after.ref} text restored", f"{after.ref} text edited again"
    return f"{after.ref} restored ({changed})", f"{after.ref} edited again ({changed})"


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
