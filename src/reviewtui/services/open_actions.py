"""Open actions across all meetings, read fast for ``reviewtui status`` and ``action list``.

This is the command owners run many times a day, so it reads the stored JSON directly
(orjson, no pydantic, no TinyDB, no textual) and validates nothing it does not show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from reviewtui.domain.people import KnownPerson, match_person
from reviewtui.services.action_cache import FIELDS, cached_actions, owner_key
from reviewtui.services.scorecard_index import MeasureFacts, load_index
from reviewtui.store import layout


@dataclass(slots=True)  # not frozen: its per-field setattr cost status 2-3 ms a listing
class ActionRow:
    """One action as listed: what, who, when, and where it came from (built once, read
    only)."""

    ref: str
    number: int
    text: str
    owner: str
    status: str
    due: dt.date | None
    days_overdue: int | None
    bucket: str
    """``overdue``, ``due soon``, ``later`` or ``no due date``."""
    measure_id: str | None
    measure_name: str | None
    measure_status: dict[str, str] | None
    meeting_id: str | None
    meeting_title: str | None
    scorecard_id: str | None
    """The team the action belongs to."""
    slips: int
    """How many times the due date was changed."""

    FIELDS: ClassVar[tuple[str, ...]] = (
        "id", "action", "owner", "status", "due", "days_overdue", "bucket", "measure_id",
        "measure_name", "measure_status", "meeting_id", "meeting_title", "scorecard_id",
        "times_redated",
    )  # fmt: skip
    """The keys of :meth:`as_json`, in order (also the CSV header, even with no rows)."""

    def as_json(self) -> dict[str, Any]:
        """A stable, documented JSON shape for scripts."""
        return {
            "id": self.ref,
            "action": self.text,
            "owner": self.owner,
            "status": self.status,
            "due": self.due.isoformat() if self.due else None,
            "days_overdue": self.days_overdue,
            "bucket": self.bucket,
            "measure_id": self.measure_id,
            "measure_name": self.measure_name,
            "measure_status": self.measure_status,
            "meeting_id": self.meeting_id,
            "meeting_title": self.meeting_title,
            "scorecard_id": self.scorecard_id,
            "times_redated": self.slips,
        }


_STATUS, _OWNER = FIELDS.index("status"), FIELDS.index("owner")
BUCKET_ORDER = {"overdue": 0, "due soon": 1, "later": 2, "no due date": 3}
_SHAPE: dict[str, tuple[type, ...]] = {
    "number": (int,),
    "text": (str,),
    "owner": (str, type(None)),
    "status": (str,),
    "due": (str, type(None)),
    "measure_id": (str, type(None)),
    "meeting_id": (str, type(None)),
    "history": (list,),
}


def misfit(item: dict[str, Any]) -> str | None:
    """What is wrong with a raw action record, or None when it has the shape we read.

    The fast path reads without pydantic, so it checks just what it uses, once, here.
    """
    for name, types in _SHAPE.items():
        if not isinstance(item.get(name, None if name != "history" else []), types):
            return f"{name} is {type(item.get(name)).__name__}"
    if isinstance(item["number"], bool) or item["number"] < 1:
        return "its number is not a positive whole number"
    if item.get("due"):
        try:
            dt.date.fromisoformat(item["due"])
        except ValueError:
            return f"due {item['due'][:20]!r} is not a date"
    if not all(isinstance(change, dict) for change in item.get("history", [])):
        return "its history is not a list of changes"
    return None


class ActionIndex:
    """Everything needed to list actions, read once from a data dir."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.notices: list[str] = []
        """Files that could not be read (skipped), for the command to mention."""
        index = load_index(root)
        if index is None:  # a scorecard changed since: evaluate them again (slower, once)
            from reviewtui.services.scorecard_facts import rebuild_index

            index = rebuild_index(root)
        self.people = [
            KnownPerson(p["name"], p.get("email"), tuple(p.get("aliases", [])))
            for p in index["people"]
        ]
        self.measures: dict[str, MeasureFacts] = index["measures"]
        cards = sorted({facts["scorecard_id"] for facts in self.measures.values()})
        self.only_card = cards[0] if len(cards) == 1 else None

    def raw_actions(
        self, statuses: frozenset[str] | None = None, owners: set[str] | None = None
    ) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
        """Each stored action record (as the listing reads it, from the per-file cache in
        :mod:`reviewtui.services.action_cache`) with its meeting (None for loose ones);
        only those in ``statuses`` and of ``owners`` (case-folded) when given: the others
        are never unpacked."""
        for actions, meeting, notices in cached_actions(self.root, misfit, owners):
            self.notices += notices
            for values in actions:
                if not isinstance(values, list) or len(values) != len(FIELDS):
                    continue  # only a hand-sealed cache has these: nothing of ours to show
                if statuses is not None and values[_STATUS] not in statuses:
                    continue
                if owners is not None and owner_key(values[_OWNER]) not in owners:
                    continue  # (a hand-sealed cache again: its segments hold anything)
                yield dict(zip(FIELDS, values, strict=True)), meeting

    def owner_matcher(self, typed: str) -> set[str]:
        """The owner names (case-folded) a typed name stands for: the person's name and aliases."""
        person = match_person(typed, self.people)
        if person is None:
            return {typed.strip().casefold()}
        return {person.name.casefold(), *(a.casefold() for a in person.aliases)}

    def rows(
        self,
        today: dt.date,
        owner: str | None = None,
        statuses: frozenset[str] = frozenset({"open"}),
        soon_days: int = 7,
        scorecard: str | None = None,
    ) -> list[ActionRow]:
        """Actions in the given states (of one owner, of one scorecard), overdue first."""
        owners = self.owner_matcher(owner) if owner else None
        found: list[ActionRow] = []
        for item, meeting in self.raw_actions(statuses, owners):
            row = self._row(item, meeting, today, soon_days)
            if scorecard is None or row.scorecard_id == scorecard:
                found.append(row)
        found.sort(
            key=lambda r: (
                BUCKET_ORDER.get(r.bucket, 4),
                r.due or dt.date.max,
                r.owner.casefold(),
                r.number,
            )
        )
        return found

    def _row(
        self, item: dict[str, Any], meeting: dict[str, Any] | None, today: dt.date, soon_days: int
    ) -> ActionRow:
        due = dt.date.fromisoformat(item["due"]) if item.get("due") else None
        overdue = (today - due).days if due and due < today else None
        if due is None:
            bucket = "no due date"
        elif overdue:
            bucket = "overdue"
        elif (due - today).days <= soon_days:
            bucket = "due soon"
        else:
            bucket = "later"
        measure_id = item.get("measure_id")
        measure = self.measures.get(measure_id or "")
        return ActionRow(
            ref=layout.item_ref(item),
            number=item["number"],
            text=item["text"],
            owner=item.get("owner") or "",
            status=item.get("status", "open"),
            due=due,
            days_overdue=overdue if item.get("status") == "open" else None,
            bucket=bucket if item.get("status") == "open" else item.get("status", ""),
            measure_id=measure_id,
            measure_name=measure["name"] if measure else None,
            measure_status=measure["status"] if measure else None,
            meeting_id=item.get("meeting_id"),
            meeting_title=meeting.get("title") if meeting else None,
            scorecard_id=item.get("scorecard_id")
            or (meeting.get("scorecard_id") if meeting else None)
            or (measure["scorecard_id"] if measure else None)
            or self.only_card,
            slips=item["slips"],
        )
