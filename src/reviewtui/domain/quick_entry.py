"""One-line quick entry: ``Fix churn report @maria fri`` -> what, owner, due date.

The champion types while people talk, so the line is forgiving and never raises:

- ``@name`` names the owner: a first name, an alias, ``@maria_gonzalez`` (underscores
  for spaces), ``@"Maria Gonzalez"``, or ``@Maria Gonzalez`` when those words are a
  known person's full name. A capitalised name nobody has followed by a capitalised
  word that is not a date (``@Eve Stone``) is taken whole, and the preview says so
  (``notes``), since that is what a person typing a new full name means.
- The due date is the last words of the line when they read as a date (``fri``,
  ``next mon``, ``+2w``, ``end of month``, ``1 dec``, ``2026-12-01``), or an explicit
  ``due:fri`` / ``due:"end of month"`` anywhere.
- Everything else is the text. Problems (two owners, an unreadable ``due:``) are
  returned as messages for the preview line, never as exceptions.
- Numeric dates (``31/12``) read in the ``order`` given (see :mod:`reviewtui.domain.dates`).
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass, field

from reviewtui.domain.dates import DateFormatError, DateOrder, parse_due
from reviewtui.domain.people import KnownPerson, match_person

MAX_DATE_WORDS = 4
"""The longest trailing date phrase looked at (``end of the month``)."""
CONNECTIVES = {"by", "on", "due", "before"}
"""Words dropped from the text when a trailing date follows them (``... by fri``)."""


@dataclass(frozen=True)
class QuickEntry:
    """What a quick-entry line says; ``problems`` explain what could not be read."""

    text: str
    owner: str | None = None
    due: dt.date | None = None
    due_words: str | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """How something was read that the champion may have meant otherwise."""


def parse_quick_entry(
    line: str, today: dt.date, people: Sequence[KnownPerson] = (), order: DateOrder = "dmy"
) -> QuickEntry:
    """Split a quick-entry line into text, owner and due date (see the module docstring)."""
    words = _split(line)
    problems: list[str] = []
    notes: list[str] = []
    owners: list[str] = []
    due: dt.date | None = None
    due_words: str | None = None
    kept: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word.startswith("@") and len(word) > 1:
            quoted = f'@"{word[1:]}"' in line
            owner, used = _owner_at(words, index, people, today, quoted)
            if used == 2 and match_person(owner, people) is None:
                first = owner.split()[0]
                notes.append(f"'{owner}' read as one new name; @\"{first}\" names just {first}")
            owners.append(owner)
            index += used
            continue
        if word.lower().startswith("due:"):
            typed = word[4:].strip()
            try:
                due, due_words = parse_due(typed, today, order), typed
            except DateFormatError as error:
                problems.append(str(error))
            index += 1
            continue
        kept.append(word)
        index += 1
    if due is None and not problems:
        due, due_words, kept = _trailing_date(kept, today, order)
    if len(owners) > 1:
        problems.append(f"two owners given ({', '.join(owners)}); an action has one owner")
    text = " ".join(kept).strip()
    return QuickEntry(
        text=text,
        owner=owners[0] if owners else None,
        due=due,
        due_words=due_words,
        problems=problems,
        notes=notes,
    )


def _split(line: str) -> list[str]:
    """Words, keeping ``@"two words"`` and ``due:"end of month"`` together."""
    try:
        lexer = shlex.shlex(line.replace("\n", " "), posix=True, punctuation_chars=False)
        lexer.whitespace_split = True
        lexer.commenters = ""
        lexer.escape = ""
        return list(lexer)
    except ValueError:  # an unclosed quote: fall back to plain words
        return line.split()


def _owner_at(
    words: list[str], index: int, people: Sequence[KnownPerson], today: dt.date, quoted: bool
) -> tuple[str, int]:
    """The owner named at ``words[index]`` and how many words the name used (a quoted
    name, ``@"Eve"``, is exactly what is between the quotes)."""
    first = words[index][1:].replace("_", " ").strip(".,;:")
    for extra in (2, 1):  # "@Maria Gonzalez" when that is a known full name
        if index + extra < len(words):
            candidate = " ".join([first, *words[index + 1 : index + 1 + extra]])
            person = match_person(candidate, people)
            if person and person.name.casefold() == candidate.casefold():
                return person.name, 1 + extra
    person = match_person(first, people)
    if person:
        return person.name, 1
    if quoted:
        return first, 1
    following = words[index + 1] if index + 1 < len(words) else ""
    if _looks_like_a_name(first) and _looks_like_a_name(following):
        try:
            parse_due(following, today)
        except DateFormatError:
            return f"{first} {following}", 2  # "@Eve Stone": a new full name
    return first, 1


def _looks_like_a_name(word: str) -> bool:
    """``Eve``, ``Stone``, ``O'Neil``, ``Ann-Marie``: capitalised letters."""
    letters = word.replace("'", "").replace("-", "")
    return letters.isalpha() and word[:1].isupper() and not word.isupper()


def _trailing_date(
    words: list[str], today: dt.date, order: DateOrder
) -> tuple[dt.date | None, str | None, list[str]]:
    """The longest run of last words that reads as a date, and the words before it."""
    for size in range(min(MAX_DATE_WORDS, len(words) - 1), 0, -1):
        phrase = " ".join(words[-size:])
        if not re.search(r"[a-z0-9]", phrase, re.IGNORECASE):
            continue
        try:
            due = parse_due(phrase, today, order)
        except DateFormatError:
            continue
        before = words[:-size]
        if len(before) > 1 and before[-1].lower() in CONNECTIVES:
            before = before[:-1]
        return due, phrase, before
    return None, None, words
