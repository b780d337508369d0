"""An action's life after it is captured: closed, reopened, re-dated, reassigned, reworded,
linked to a measure. The same functions serve the meeting app and the shell.

Every change is one write and is kept in the action's history: who, when, the old and
new value, why (``note``) and, when made in a meeting, which one. A wrong key in a
review is corrected by the next change (a dropped action can be marked done, or
reopened); nothing is ever lost from the history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from types import EllipsisType

from reviewtui.domain.capture import ActionStatus, CapturedItem, Change, ItemKind
from reviewtui.domain.checks import suggest
from reviewtui.domain.revise import revised
from reviewtui.domain.text import one_line
from reviewtui.errors import NotFoundError, ReviewError
from reviewtui.services.actions import parse_action_ref
from reviewtui.store.repository import Store

Where = str | None | EllipsisType
"""The meeting file an item is kept in (None: the loose actions; ``...``: search)."""


@dataclass(frozen=True)
class Actor:
    """Who makes a change, and in which meeting (None: from the shell)."""

    by: str
    meeting_id: str | None = None


Edit = Callable[[CapturedItem], dict[str, object]]
"""Given an item, the new values of the fields to change (or a ReviewError)."""


def changed(
    item: CapturedItem, edit: Edit, actor: Actor, now: dt.datetime, note: str = ""
) -> CapturedItem:
    """The item with ``edit`` applied and each changed field recorded in its history."""
    if item.kind not in (ItemKind.ACTION, ItemKind.ISSUE):
        raise ReviewError(f"{item.ref} is a {item.kind.value}, not an action")
    new = edit(item)
    entries = [
        Change(
            at=now,
            by=actor.by,
            field=name,
            old=_text(getattr(item, name)),
            new=_text(value),
            note=note,
            meeting_id=actor.meeting_id,
        )
        for name, value in new.items()
        if getattr(item, name) != value
    ]
    if not entries:
        raise ReviewError(f"{item.ref} is already like that; nothing was changed")
    return revised(item, **new, history=[*item.history, *entries])


def _change(
    store: Store, ref: str, actor: Actor, where: Where, edit: Edit, note: str = ""
) -> CapturedItem:
    """Apply ``edit`` to an action on disk (one write)."""
    return store.update_item(
        parse_action_ref(ref),
        lambda item: changed(item, edit, actor, store.clock.now(), note),
        where,
    )


def status_edit(status: ActionStatus) -> Edit:
    """The edit that sets an action's status (refused when it already has it)."""

    def edit(item: CapturedItem) -> dict[str, object]:
        if item.status is status:
            raise ReviewError(f"{item.ref} is already {status.value}; nothing was changed")
        return {"status": status}

    return edit


def due_edit(due: dt.date) -> Edit:
    """The edit that re-dates an open action."""

    def edit(item: CapturedItem) -> dict[str, object]:
        if item.status is not ActionStatus.OPEN:
            raise ReviewError(f"{item.ref} is {item.status.value}; reopen it to give it a date")
        if item.due == due:
            raise ReviewError(f"{item.ref} is already due on {due.isoformat()}")
        return {"due": due}

    return edit


def owner_edit(owner: str) -> Edit:
    """The edit that gives an action to someone else (the full name to store)."""
    name = one_line(owner)
    if not name:
        raise ReviewError("an action needs an owner: give a name")
    return lambda item: {"owner": name}


def text_edit(text: str) -> Edit:
    """The edit that changes what an action says."""
    words = one_line(text)
    if not words:
        raise ReviewError("an action cannot be blank: type what will be done")
    return lambda item: {"text": words}


def set_status(
    store: Store, ref: str, status: ActionStatus, actor: Actor, note: str = "", where: Where = ...
) -> CapturedItem:
    """Mark an action done, dropped, or open again (from any state: a wrong key is
    corrected by pressing the right one)."""
    return _change(store, ref, actor, where, status_edit(status), note)


def redate(
    store: Store, ref: str, due: dt.date, actor: Actor, note: str = "", where: Where = ...
) -> CapturedItem:
    """Give an open action a new due date; the old one and the reason stay in its history."""
    return _change(store, ref, actor, where, due_edit(due), note)


def reassign(
    store: Store, ref: str, owner: str, actor: Actor, note: str = "", where: Where = ...
) -> CapturedItem:
    """Give an action to someone else (``owner`` is the full name to store)."""
    return _change(store, ref, actor, where, owner_edit(owner), note)


def reword(
    store: Store, ref: str, text: str, actor: Actor, note: str = "", where: Where = ...
) -> CapturedItem:
    """Change what an action says (the old wording stays in its history)."""
    return _change(store, ref, actor, where, text_edit(text), note)


def link(
    store: Store, ref: str, measure_id: str | None, actor: Actor, note: str = "", where: Where = ...
) -> CapturedItem:
    """Link an action to the measure it should move (None: to no measure)."""
    if measure_id is not None:
        known = sorted({m.id for card in store.scorecards() for _, _, m in card.measures()})
        if measure_id not in known:
            hint = suggest(measure_id, known)
            raise NotFoundError(f"no measure {measure_id!r} in any imported scorecard{hint}")
    return _change(store, ref, actor, where, lambda item: {"measure_id": measure_id}, note)


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
