"""The action lifecycle from the shell: add, done, redate, drop, each with history."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from types import EllipsisType

from reviewtui.domain.capture import ActionStatus, CapturedItem, Change, ItemKind
from reviewtui.domain.checks import suggest
from reviewtui.domain.people import KnownPerson, did_you_mean, match_person
from reviewtui.domain.revise import revised
from reviewtui.errors import InvalidInputError, NotFoundError, Problem, ReviewError
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
) -> tuple[CapturedItem, list[str]]:
    """Durably add an action; returns it with any warnings about the owner."""
    if not text.strip():
        raise InvalidInputError([Problem("", "", "title", "the action needs a title")])
    choice = resolve_owner(owner, known_people(store))
    if measure_id is not None:
        measure_ids = {m.id for card in store.scorecards() for _, _, m in card.measures()}
        if measure_id not in measure_ids:
            hint = suggest(measure_id, sorted(measure_ids))
            raise NotFoundError(f"no measure {measure_id!r} in any imported scorecard{hint}")
    if meeting_id is not None:
        store.meeting(meeting_id)  # raises NotFoundError for an unknown meeting
    item = store.capture(
        ItemKind.ACTION,
        text.strip(),
        meeting_id,
        owner=choice.name,
        due=due,
        measure_id=measure_id,
        history=[Change(at=store.clock.now(), by=by, field="created", new=text.strip())],
    )
    return item, [choice.warning] if choice.warning else []


def set_status(
    store: Store,
    ref: str,
    status: ActionStatus,
    by: str,
    note: str = "",
    meeting_id: str | None | EllipsisType = ...,
) -> CapturedItem:
    """Mark an open action done or dropped, keeping who, when and why.

    ``meeting_id`` says where the action is kept, when the caller knows (saves a search).
    """

    def change(item: CapturedItem) -> CapturedItem:
        _require_open_action(item)
        entry = Change(
            at=store.clock.now(), by=by, field="status", old=item.status, new=status, note=note
        )
        return revised(item, status=status, history=[*item.history, entry])

    return store.update_item(parse_action_ref(ref), change, meeting_id)


def redate(
    store: Store,
    ref: str,
    due: dt.date,
    by: str,
    note: str = "",
    meeting_id: str | None | EllipsisType = ...,
) -> CapturedItem:
    """Give an open action a new due date; the old one stays in its history."""

    def change(item: CapturedItem) -> CapturedItem:
        _require_open_action(item)
        if item.due == due:
            raise ReviewError(f"{item.ref} is already due on {due.isoformat()}")
        old = item.due.isoformat() if item.due else None
        entry = Change(
            at=store.clock.now(), by=by, field="due", old=old, new=due.isoformat(), note=note
        )
        return revised(item, due=due, history=[*item.history, entry])

    return store.update_item(parse_action_ref(ref), change, meeting_id)


def _require_open_action(item: CapturedItem) -> None:
    if item.kind is not ItemKind.ACTION:
        raise ReviewError(f"{item.ref} is a {item.kind.value}, not an action")
    if item.status is not ActionStatus.OPEN:
        raise ReviewError(f"{item.ref} is already {item.status.value}; nothing was changed")
