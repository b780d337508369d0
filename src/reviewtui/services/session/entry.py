"""What the capture line's fields say, read as the champion types (for the live preview).

:func:`read_fields` turns the typed line, owner and due fields into a :class:`Capture`
with what stops it from saving (``problems``) and what the champion should see before
saving (``notes``: a did-you-mean, a new name, a date in the past, how ``@Eve Stone`` was
read). It never raises: half-typed text is the normal case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reviewtui.domain.capture import ItemKind
from reviewtui.domain.dates import DateFormatError, DateOrder, parse_due
from reviewtui.domain.display import due_text
from reviewtui.domain.meeting import Draft
from reviewtui.domain.people import KnownPerson
from reviewtui.domain.quick_entry import parse_quick_entry
from reviewtui.services.session.captures import Capture, owner_hint


@dataclass
class Reading:
    """The capture the fields describe, what stops it, and what to point out."""

    entry: Capture
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    """What reading a capture depends on besides the fields."""

    today: dt.date
    people: list[KnownPerson]
    order: DateOrder = "dmy"


def read_fields(kind: ItemKind, typed: Draft, context: Context) -> Reading:
    """Read the fields of a capture of ``kind`` (an action reads owner and date from the
    line too: ``Fix the lead form @dana fri``)."""
    if kind is not ItemKind.ACTION:
        reading = Reading(Capture(kind, typed.text, typed.owner.strip() or None))
        _owner_notes(reading, context)
        return reading
    quick = parse_quick_entry(typed.text, context.today, context.people, context.order)
    reading = Reading(
        Capture(kind, quick.text, typed.owner.strip() or quick.owner, quick.due),
        problems=list(quick.problems),
        notes=list(quick.notes),
    )
    if typed.due.strip():
        try:
            reading.entry.due = parse_due(typed.due, context.today, context.order)
        except DateFormatError as error:
            reading.problems.append(str(error))
    _owner_notes(reading, context)
    entry = reading.entry
    if not entry.text.strip():
        reading.problems.append("type what will be done")
    if not entry.owner:
        reading.problems.append("needs an owner: @name in the line or the Owner field")
    if entry.due is None and not typed.due.strip():
        reading.problems.append(
            "needs a due date: 'fri', '+2w', '31/12'... at the end of the line or in Due"
        )
    if entry.due is not None and entry.due < context.today:
        reading.notes.append(f"the due date is in the past: {due_text(entry.due, context.today)}")
    return reading


def _owner_notes(reading: Reading, context: Context) -> None:
    owner = reading.entry.owner
    if not owner:
        return
    hint = owner_hint(owner, context.people)
    if hint and not any(owner in note for note in reading.notes):
        reading.notes.append(f"'{owner}' is a {hint}")
