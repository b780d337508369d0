"""Capturing while people talk: actions, decisions, issues and notes, and changing them.

:func:`check_capture` is the one place that says whether what was typed can be saved;
the capture form shows its answer live, and :class:`Captures` refuses what it refuses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reviewtui.domain.capture import CapturedItem, Change, ItemKind
from reviewtui.domain.people import KnownPerson
from reviewtui.domain.revise import revised
from reviewtui.domain.text import one_line
from reviewtui.errors import ReviewError
from reviewtui.services.actions import resolve_owner
from reviewtui.services.session.state import SessionState


@dataclass
class Capture:
    """What the capture form hands over: typed text, owner and due date."""

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


class Captures:
    """The items captured in this meeting."""

    def __init__(self, state: SessionState) -> None:
        self.state = state
        self._undo: list[int] = []

    def _checked(self, entry: Capture) -> Checked:
        self.state.require_writable()
        checked = check_capture(entry, self.state.people)
        if checked.problems:
            raise ReviewError("; ".join(checked.problems))
        return checked

    def capture(self, entry: Capture) -> Saved:
        """Durably save a new item linked to the current agenda item."""
        checked = self._checked(entry)
        state = self.state
        item = state.store.capture(
            entry.kind,
            checked.text,
            state.meeting.id,
            owner=checked.owner,
            due=checked.due,
            measure_id=state.current.measure_id,
            scorecard_id=state.meeting.scorecard_id,
            agenda_item=state.current.key,
            history=[
                Change(
                    at=state.store.clock.now(),
                    by=state.by,
                    field="created",
                    new=checked.text,
                    meeting_id=state.meeting.id,
                )
            ],
        )
        state.items.append(item)
        self._undo.append(item.number)
        if checked.owner:
            state.know_person(checked.owner)
        return Saved(item, checked.warnings)

    def edit(self, number: int, entry: Capture) -> Saved:
        """Change an item's text, owner, due date or kind, keeping the old values."""
        checked = self._checked(entry)
        state = self.state
        new = {"kind": entry.kind, "text": checked.text, "owner": checked.owner, "due": entry.due}

        def change(item: CapturedItem) -> CapturedItem:
            now = state.store.clock.now()
            history = list(item.history)
            for name, value in new.items():
                old = getattr(item, name)
                if old != value:
                    history.append(
                        Change(
                            at=now,
                            by=state.by,
                            field=name,
                            old=_text(old),
                            new=_text(value),
                            meeting_id=state.meeting.id,
                        )
                    )
            return revised(item, **new, history=history)

        held = state.find(number)
        where = held.meeting_id if held is not None else state.meeting.id
        updated = state.store.update_item(number, change, where)
        state.replace(updated)
        return Saved(updated, checked.warnings)

    def delete(self, number: int) -> CapturedItem:
        """Remove an item captured in this meeting."""
        state = self.state
        state.require_writable()
        if not any(item.number == number for item in state.items):
            raise ReviewError("only items captured in this meeting can be deleted here")
        removed = state.store.delete_item(number, state.meeting.id)
        state.items = [item for item in state.items if item.number != number]
        self._undo = [n for n in self._undo if n != number]
        return removed

    def undo_last(self) -> CapturedItem:
        """Remove the last item captured (this session's, else this meeting's newest)."""
        self.state.require_writable()
        candidates = self._undo or [item.number for item in self.state.items]
        if not candidates:
            raise ReviewError("nothing captured yet: nothing to undo")
        return self.delete(max(candidates) if not self._undo else candidates[-1])


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
