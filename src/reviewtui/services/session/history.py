"""One undo/redo history for a meeting: every change the champion makes can be taken back.

Each undoable change (a capture, an edit, a retype, a delete, a review outcome, the
attendance, the rating, the agenda order, finalizing) is written together with an entry
that keeps what it touched before and after: the items, the meeting's fields. Undo writes
the "before" back, redo the "after"; both are saved changes like any other, and the
history lives in the meeting's file, so it survives a restart.

A change to this meeting's own items is one write (the items, the fields and the entry in
one journal line). A review outcome changes an action kept in an earlier meeting's file:
that item is written first, then the entry; a crash between the two leaves the change
made and simply not undoable. An undo never overwrites what someone else changed since:
it refuses, and says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reviewtui.domain.capture import CapturedItem
from reviewtui.errors import ReviewError
from reviewtui.services.session.state import SessionState

Fields = dict[str, Any]


@dataclass
class Swap:
    """One item's versions: None before a capture, None after a delete."""

    number: int
    home: str | None
    """The meeting whose file keeps the item (None: the loose actions)."""
    before: CapturedItem | None
    after: CapturedItem | None


@dataclass
class Change:
    """What an undoable change did, with what to say when it is undone or redone."""

    undo_says: str
    redo_says: str
    swaps: list[Swap] = field(default_factory=list)
    before: Fields = field(default_factory=dict)
    after: Fields = field(default_factory=dict)
    """Meeting fields (json values) before and after."""


class History:
    """The meeting's undo history, at a position (redo is possible above it)."""

    def __init__(self, state: SessionState) -> None:
        self.state = state
        self.last_number: int | None = None
        """The item the last undo or redo touched (the screen keeps its cursor there)."""

    @property
    def can_undo(self) -> bool:
        """Whether there is a change to undo."""
        return self.state.meeting.undo_at > 0

    @property
    def can_redo(self) -> bool:
        """Whether an undone change can be made again."""
        return self.state.meeting.undo_at < self.state.meeting.undo_top

    def record(self, change: Change, also: Fields | None = None) -> None:
        """Make the change and keep it in the history (a new change ends any redo).

        ``also`` are meeting fields written with the change but not undone with it (the
        drafts a capture used up).
        """
        state = self.state
        seq = state.meeting.undo_at + 1
        entry = {
            "undo_says": change.undo_says,
            "redo_says": change.redo_says,
            "where": state.current.key,
            "where_title": state.current.title,
            "swaps": [_swap_json(swap) for swap in change.swaps],
            "before": change.before,
            "after": change.after,
        }
        fields = {**(also or {}), **change.after, "undo_at": seq, "undo_top": seq}
        self._write(change.swaps, "after", fields, (seq, entry))

    def undo(self) -> str:
        """Take back the last change; returns what was undone (and where, if elsewhere)."""
        state = self.state
        if not self.can_undo:
            raise ReviewError("nothing to undo")
        seq = state.meeting.undo_at
        entry = state.store.undo_history(state.meeting.id)[seq]
        self._write(_swaps(entry), "before", {**entry["before"], "undo_at": seq - 1}, None)
        self.last_number = entry["swaps"][0]["number"] if entry["swaps"] else None
        return f"↶ {entry['undo_says']}{self._where(entry)}"

    def redo(self) -> str:
        """Make the last undone change again."""
        state = self.state
        if not self.can_redo:
            raise ReviewError("nothing to redo")
        seq = state.meeting.undo_at + 1
        entry = state.store.undo_history(state.meeting.id)[seq]
        self._write(_swaps(entry), "after", {**entry["after"], "undo_at": seq}, None)
        self.last_number = entry["swaps"][0]["number"] if entry["swaps"] else None
        return f"↷ {entry['redo_says']}{self._where(entry)}"

    def _where(self, entry: dict[str, Any]) -> str:
        if entry["where"] == self.state.current.key:
            return ""
        return f" (on {entry['where_title']})"

    def _write(
        self,
        swaps: list[Swap],
        side: str,
        fields: Fields,
        undo: tuple[int, dict[str, Any]] | None,
    ) -> None:
        """Put every swapped item on ``side`` (after: do/redo, before: undo), then the
        meeting's fields and entry; refuse if an item changed since the history knew it."""
        state, store = self.state, self.state.store
        own = state.meeting.id
        with store.data.locked():
            for swap in swaps:
                if undo is not None:
                    break  # a new change: its "before" was read just now by the caller
                expected = swap.before if side == "after" else swap.after
                current = store.item(swap.number, swap.home)
                if _dump(current) != _dump(expected):
                    raise ReviewError(
                        f"{_ref(swap)} was changed since (by {_last_by(current)}); nothing was "
                        "undone. Change it by hand instead."
                    )
            wanted = {swap.number: (swap, swap.after if side == "after" else swap.before)
                      for swap in swaps}  # fmt: skip
            for swap, version in wanted.values():
                if swap.home != own:
                    store.write_items(
                        swap.home,
                        items=[version] if version is not None else [],
                        deleted=[] if version is not None else [swap.number],
                    )
            mine = [(swap, version) for swap, version in wanted.values() if swap.home == own]
            store.write_meeting(
                own,
                items=[version for _, version in mine if version is not None],
                deleted=[swap.number for swap, version in mine if version is None],
                fields={**fields, "updated_at": store.clock.now().isoformat()},
                undo=undo,
            )
        self._show(wanted.values(), fields)

    def _show(self, versions: Any, fields: Fields) -> None:
        """Bring the session's memory in line with what was just written."""
        state = self.state
        for swap, version in versions:
            if version is None:
                state.items = [i for i in state.items if i.number != swap.number]
            elif state.find(swap.number) is None:
                state.items.append(version)
            else:
                state.replace(version)
        for name, value in fields.items():
            setattr(state.meeting, name, value)  # validated by the model


def _dump(item: CapturedItem | None) -> dict[str, Any] | None:
    return item.model_dump(mode="json") if item is not None else None


def _swap_json(swap: Swap) -> dict[str, Any]:
    return {
        "number": swap.number,
        "home": swap.home,
        "before": _dump(swap.before),
        "after": _dump(swap.after),
    }


def _swaps(entry: dict[str, Any]) -> list[Swap]:
    return [
        Swap(
            row["number"],
            row["home"],
            CapturedItem.model_validate(row["before"]) if row["before"] else None,
            CapturedItem.model_validate(row["after"]) if row["after"] else None,
        )
        for row in entry["swaps"]
    ]


def _ref(swap: Swap) -> str:
    item = swap.after or swap.before
    return item.ref if item is not None else f"#{swap.number}"


def _last_by(item: CapturedItem | None) -> str:
    if item is None:
        return "someone: it is gone"
    return item.history[-1].by if item.history and item.history[-1].by else "someone"
