"""Open actions across all meetings, read fast for ``reviewtui status`` and ``action list``.

This is the command owners run many times a day, so it reads the stored JSON directly
(orjson, no pydantic, no TinyDB, no textual) and validates nothing it does not show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewtui.domain.people import KnownPerson, match_person
from reviewtui.store.files import read_json_document

PREFIX = {"action": "A", "decision": "D", "issue": "I", "note": "N"}


@dataclass(frozen=True)
class ActionRow:
    """One action as listed: what, who, when, and where it came from."""

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
    slips: int
    """How many times the due date was changed."""

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
            "times_redated": self.slips,
        }


BUCKET_ORDER = {"overdue": 0, "due soon": 1, "later": 2, "no due date": 3}


class ActionIndex:
    """Everything needed to list actions, read once from a data dir."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.people: list[KnownPerson] = []
        self.measures: dict[str, dict[str, Any]] = {}
        self._read_scorecards()

    def _read_scorecards(self) -> None:
        seen: dict[str, KnownPerson] = {}
        latest: dict[str, tuple[str, dict[str, Any]]] = {}
        for path in sorted((self.root / "scorecards").glob("*.json")):
            document = read_json_document(path) or {}
            for summary in document.get("summary", {}).values():
                for person in summary.get("people", []):
                    seen.setdefault(
                        person["name"].casefold(),
                        KnownPerson(
                            person["name"], person.get("email"), tuple(person.get("aliases", []))
                        ),
                    )
                saved_at = summary.get("saved_at", "")
                for measure_id, measure in summary.get("measures", {}).items():
                    if measure_id not in latest or latest[measure_id][0] < saved_at:
                        latest[measure_id] = (saved_at, measure)
        self.people = list(seen.values())
        self.measures = {measure_id: measure for measure_id, (_, measure) in latest.items()}

    def item_files(self) -> list[Path]:
        """Meeting files in meeting order, then the loose actions."""
        meetings = sorted((self.root / "meetings").glob("M-*.json"), key=lambda p: int(p.stem[2:]))
        loose = self.root / "actions" / "loose.json"
        return [*meetings, loose] if loose.exists() else meetings

    def raw_actions(self) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
        """Each stored action document with its meeting document (None for loose ones)."""
        for path in self.item_files():
            document = read_json_document(path) or {}
            meeting = next(iter(document.get("meeting", {}).values()), None)
            for item in document.get("items", {}).values():
                if item.get("kind") == "action":
                    yield item, meeting

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
    ) -> list[ActionRow]:
        """Actions in the given states (of one owner, if given), overdue first."""
        owners = self.owner_matcher(owner) if owner else None
        found: list[ActionRow] = []
        for item, meeting in self.raw_actions():
            if item.get("status") not in statuses:
                continue
            name = item.get("owner") or ""
            if owners is not None and name.casefold() not in owners:
                continue
            found.append(self._row(item, meeting, today, soon_days))
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
        measure = self.measures.get(measure_id or "", {})
        return ActionRow(
            ref=f"{PREFIX[item['kind']]}-{item['number']}",
            number=item["number"],
            text=item["text"],
            owner=item.get("owner") or "",
            status=item.get("status", "open"),
            due=due,
            days_overdue=overdue if item.get("status") == "open" else None,
            bucket=bucket if item.get("status") == "open" else item.get("status", ""),
            measure_id=measure_id,
            measure_name=measure.get("name"),
            measure_status=measure.get("status"),
            meeting_id=item.get("meeting_id"),
            meeting_title=meeting.get("title") if meeting else None,
            slips=sum(1 for change in item.get("history", []) if change.get("field") == "due"),
        )
