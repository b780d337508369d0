"""Bulk import of actions: a follow-up CSV, or taskwarrior's ``task export`` JSON.

Every row is read and checked first; if any row is wrong, nothing is imported and every
problem is reported with its row (CSV: the header is row 1) or task number (JSON: the
first task is 1). Each imported action remembers where it came from (``source_id``), so
importing the same file again adds nothing twice.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from reviewtui.domain.capture import ActionStatus, CapturedItem, Change, ItemKind
from reviewtui.importers.action_files import (
    IncomingAction,
    read_followups_csv,
    read_taskwarrior,
    resolve_owner_name,
)
from reviewtui.services.actions import known_people
from reviewtui.store.repository import Store


@dataclass
class ImportResult:
    """What an import did."""

    added: list[CapturedItem] = field(default_factory=list)
    already_there: int = 0
    skipped: list[str] = field(default_factory=list)
    """Rows deliberately left out (recurring templates), with why."""
    warnings: list[str] = field(default_factory=list)


def import_actions(
    store: Store, path: Path, owner: str | None = None, by: str = ""
) -> ImportResult:
    """Read ``path`` and store the actions not imported before, all in one write."""
    people = known_people(store)
    default_owner = resolve_owner_name(owner, people) if owner else None
    result = ImportResult()
    if path.suffix.lower() == ".json":
        found = read_taskwarrior(path, default_owner, people)
    else:
        found = read_followups_csv(path, default_owner, people)
    incoming, result.skipped = found.actions, found.skipped
    existing = list(store.all_items())
    seen = {item.source_id for item in existing if item.source_id}
    # A followups.csv exported from this data dir names its own actions: A-12 is A-12.
    own = {f"csv:{item.ref}": item.text for item in existing}
    fresh: dict[str, IncomingAction] = {}
    for action in incoming:
        ours = own.get(action.source_id) == action.text
        if ours or action.source_id in seen or action.source_id in fresh:
            result.already_there += 1
        else:
            fresh[action.source_id] = action
    known_measures = {m.id for card in store.scorecards() for _, _, m in card.measures()}
    unknown = sorted({a.measure_id for a in fresh.values() if a.measure_id} - known_measures)
    if unknown:
        result.warnings.append(
            f"measure id(s) not in any imported scorecard, kept as given: {', '.join(unknown)}"
        )
    undated = sum(1 for a in fresh.values() if a.due is None and a.status is ActionStatus.OPEN)
    if undated:
        result.warnings.append(f"{undated} open action(s) have no due date")
    now = store.clock.now()

    def build(numbers: list[int]) -> list[CapturedItem]:
        return [
            _captured(action, number, now, by, path.name)
            for action, number in zip(fresh.values(), numbers, strict=True)
        ]

    result.added = store.add_loose_items(build, len(fresh))
    return result


def _captured(
    action: IncomingAction, number: int, now: dt.datetime, by: str, source: str
) -> CapturedItem:
    created = action.created_at or now
    history = [Change(at=created, by=by, field="created", new=action.text, note=f"from {source}")]
    if action.status is not ActionStatus.OPEN:
        history.append(
            Change(
                at=action.finished_at or now,
                by=by,
                field="status",
                old=ActionStatus.OPEN,
                new=action.status,
                note=f"from {source}",
            )
        )
    return CapturedItem(
        uid=uuid.uuid4().hex,
        number=number,
        kind=ItemKind.ACTION,
        text=action.text,
        owner=action.owner,
        due=action.due,
        measure_id=action.measure_id,
        status=action.status,
        created_at=created,
        history=history,
        source_id=action.source_id,
        project=action.project,
        tags=action.tags,
    )
