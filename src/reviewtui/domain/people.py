"""Matching the names people type to the people they mean: case, aliases, first names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from reviewtui.domain.rules import closest


@dataclass(frozen=True)
class KnownPerson:
    """A person known from scorecards or earlier actions."""

    name: str
    email: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)


def answers_to(typed: str, name: str, aliases: Iterable[str]) -> bool:
    """Whether a typed name is this name or one of its aliases (any case, any spacing)."""
    wanted = " ".join(typed.split()).casefold()
    return bool(wanted) and wanted in {name.casefold(), *(alias.casefold() for alias in aliases)}


def match_person(typed: str, people: Iterable[KnownPerson]) -> KnownPerson | None:
    """The person a typed name means: full name or alias (any case), else a unique first name."""
    wanted = " ".join(typed.split()).casefold()
    if not wanted:
        return None
    candidates = list(people)
    for person in candidates:
        if answers_to(typed, person.name, person.aliases):
            return person
    by_first_name = [p for p in candidates if p.name.split()[0].casefold() == wanted]
    return by_first_name[0] if len(by_first_name) == 1 else None


def did_you_mean(typed: str, people: Iterable[KnownPerson]) -> str | None:
    """The closest known name to a name that matched nobody, if one is close."""
    names = {n: p.name for p in people for n in (p.name, p.name.split()[0], *p.aliases)}
    close = closest(typed, names)
    return names[close] if close else None
