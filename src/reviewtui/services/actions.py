"""Adding actions, and the names and ids people type for them (the lifecycle after that is
in :mod:`reviewtui.services.lifecycle`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reviewtui.domain.capture import CapturedItem, Change, ItemKind
from reviewtui.domain.checks import suggest
from reviewtui.domain.people import KnownPerson, did_you_mean, match_person
from reviewtui.errors import InvalidInputError, NotFoundError, Problem
from reviewtui.store.repository import Store

REF = re.compile(r"^\s*(?:a-?)?(\d+)\s*$", re.IGNORECASE)


def parse_action_ref(text: str) -> int:
    """``A-142``, ``a142`` or ``142`` -> 142; anything else is a clear error."""
    match = REF.match(text)
    if not match:
        raise InvalidInputError(
            [Problem("", "", "id", f"expected an action id such as A-142; got {text!r}")]
        )
    return int(match.group(1))


def known_people(store: Store) -> list[KnownPerson]:
    """People from every stored scorecard, then owners seen on earlier actions."""
    people: dict[str, KnownPerson] = {}
    for scorecard in store.scorecards():
        for person in scorecard.people:
            people.setdefault(
                person.name.casefold(),
                KnownPerson(person.name, person.email, tuple(person.aliases)),
            )
    for item in store.all_items():
        if item.owner and item.owner.casefold() not in people:
            people[item.owner.casefold()] = KnownPerson(item.owner)
    return list(people.values())


@dataclass(frozen=True)
class OwnerChoice:
    """The owner name to store, and a warning to show (never blocking a script)."""

    name: str
    warning: str | None = None


def resolve_owner(typed: str, people: list[KnownPerson]) -> OwnerChoice:
    """A known person's full name, or the typed name with a did-you-mean warning."""
    typed = " ".join(typed.split())
    if not typed:
        raise InvalidInputError([Problem("", "", "owner", "an action needs an owner")])
    person = match_person(typed, people)
    if person:
        return OwnerChoice(person.name)
    close = did_you_mean(typed, people)
    if close:
        return OwnerChoice(typed, f"{typed!r} is not a known person; did you mean {close!r}?")
    return OwnerChoice(typed, f"{typed!r} is new: not in any scorecard's people list")


def add_action(
    store: Store,
    text: str,
    owner: str,
    due: dt.date,
    measure_id: str | None = None,
    meeting_id: str | None = None,
    by: str = "",
    scorecard_id: str | None = None,
) -> tuple[CapturedItem, list[str]]:
    """Durably add an action; returns it with any warnings about the owner.

    The action belongs to a scorecard: the one named, else its measure's or its meeting's,
    else the data dir's only one; with several and nothing to say which, it is refused.
    """
    if not text.strip():
        raise InvalidInputError([Problem("", "", "title", "the action needs a title")])
    choice = resolve_owner(owner, known_people(store))
    cards = {card.id: {m.id for _, _, m in card.measures()} for card in store.scorecards()}
    if measure_id is not None and not any(measure_id in ids for ids in cards.values()):
        known = sorted({m for ids in cards.values() for m in ids})
        hint = suggest(measure_id, known)
        raise NotFoundError(f"no measure {measure_id!r} in any imported scorecard{hint}")
    meeting_card = store.meeting(meeting_id).scorecard_id if meeting_id is not None else None
    scorecard_id = scorecard_id or _owning_card(cards, measure_id, meeting_card)
    item = store.capture(
        ItemKind.ACTION,
        text.strip(),
        meeting_id,
        owner=choice.name,
        due=due,
        measure_id=measure_id,
        scorecard_id=scorecard_id,
        history=[Change(at=store.clock.now(), by=by, field="created", new=text.strip())],
    )
    return item, [choice.warning] if choice.warning else []


def _owning_card(
    cards: dict[str, set[str]], measure_id: str | None, meeting_card: str | None
) -> str:
    if meeting_card is not None:
        return meeting_card
    if measure_id is not None:
        return next(card for card, ids in cards.items() if measure_id in ids)
    if len(cards) == 1:
        return next(iter(cards))
    known = ", ".join(sorted(cards)) or "none imported yet"
    raise InvalidInputError(
        [
            Problem(
                "",
                "",
                "scorecard",
                f"which team's action is it? give --scorecard (one of: {known}), --measure "
                "or --meeting",
            )
        ]
    )
