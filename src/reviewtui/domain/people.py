"""Matching the names people type to the people they mean: case, aliases, first names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class KnownPerson:
    """A person known from scorecards or earlier actions."""

    name: str
    email: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)


def match_person(typed: str, people: Iterable[KnownPerson]) -> KnownPerson | None:
    """The person a typed name means: full name or alias (any case), else a unique first name."""
    wanted = " ".join(typed.split()).casefold()
    if not wanted:
        return None
    candidates = list(people)
    for person in candidates:
        if wanted in {person.name.casefold(), *(alias.casefold() for alias in person.aliases)}:
            return person
    by_first_name = [p for p in candidates if p.name.split()[0].casefold() == wanted]
    return by_first_name[0] if len(by_first_name) == 1 else None


def did_you_mean(typed: str, people: Iterable[KnownPerson]) -> str | None:
    """The closest known name to a name that matched nobody, if one is close."""
    names = {n.casefold(): p.name for p in people for n in (p.name, p.name.split()[0], *p.aliases)}
    close = difflib.get_close_matches(typed.casefold(), list(names), n=1, cutoff=0.75)
    return names[close[0]] if close else None
