"""Bulk import of actions: a follow-up CSV, or taskwarrior's ``task export`` JSON.

Every row is read and checked first; if any row is wrong, nothing is imported and every
problem is reported with its row (CSV: the header is row 1) or task number (JSON: the
first task is 1). Each imported action remembers where it came from (``source_id``), so
importing the same file again adds nothing twice.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from reviewtui.domain.capture import ActionStatus, CapturedItem, Change, ItemKind
from reviewtui.domain.dates import local_date
from reviewtui.domain.people import KnownPerson, match_person
from reviewtui.domain.printable import from_spreadsheet
from reviewtui.domain.rules import FOLLOWUP_COLUMNS
from reviewtui.errors import InvalidInputError, Problem
from reviewtui.services.actions import known_people
from reviewtui.store.repository import Store

HEADER_SYNONYMS = {
    "title": "action",
    "description": "action",
    "text": "action",
    "due date": "due",
    "due_date": "due",
    "owner email": "owner_email",
    "measure id": "measure_id",
    "meeting id": "meeting_id",
    "meeting": "meeting_id",
    "uuid": "id",
}
STATUSES = {
    "open": ActionStatus.OPEN,
    "pending": ActionStatus.OPEN,
    "waiting": ActionStatus.OPEN,
    "done": ActionStatus.DONE,
    "completed": ActionStatus.DONE,
    "dropped": ActionStatus.DROPPED,
    "deleted": ActionStatus.DROPPED,
}


@dataclass
class IncomingAction:
    """One action read from a file, not stored yet."""

    source_id: str
    text: str
    owner: str
    due: dt.date | None
    status: ActionStatus
    measure_id: str | None = None
    project: str | None = None
    tags: list[str] = field(default_factory=list)
    created_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None


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
    default_owner = _resolve(owner, people) if owner else None
    result = ImportResult()
    if path.suffix.lower() == ".json":
        incoming = _read_taskwarrior(path, default_owner, people, result)
    else:
        incoming = _read_csv(path, default_owner, people)
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


def _resolve(typed: str, people: list[KnownPerson]) -> str:
    person = match_person(typed, people)
    return person.name if person else " ".join(typed.split())


# -- taskwarrior ------------------------------------------------------------------------


def _read_taskwarrior(
    path: Path, default_owner: str | None, people: list[KnownPerson], result: ImportResult
) -> list[IncomingAction]:
    source = str(path)
    try:
        tasks = orjson.loads(path.read_bytes())
    except OSError as error:
        raise InvalidInputError(
            [Problem(source, "", "", f"cannot read: {error.strerror}")]
        ) from None
    except orjson.JSONDecodeError as error:
        raise InvalidInputError(
            [Problem(source, "", "", f"not JSON ({error}); expected the output of `task export`")]
        ) from None
    if not isinstance(tasks, list):
        raise InvalidInputError(
            [Problem(source, "", "", "expected a JSON list of tasks, as `task export` writes")]
        )
    problems: list[Problem] = []
    found: list[IncomingAction] = []
    for index, task in enumerate(tasks, start=1):
        where = f"task {index}"
        if not isinstance(task, dict):
            problems.append(Problem(source, where, "", "expected a task object"))
            continue
        row_problems = len(problems)
        status_text = str(task.get("status", "pending")).lower()
        if status_text == "recurring":
            result.skipped.append(f"{where}: a recurring template (its instances are imported)")
            continue
        status = STATUSES.get(status_text)
        if status is None:
            problems.append(Problem(source, where, "status", f"unknown status {status_text!r}"))
        uid = str(task.get("uuid") or "").strip()
        if not uid:
            problems.append(Problem(source, where, "uuid", "missing: taskwarrior tasks have one"))
        text = " ".join(str(task.get("description") or "").split())
        if not text:
            problems.append(Problem(source, where, "description", "missing"))
        owner_text = str(task.get("owner") or "").strip()
        owner = _resolve(owner_text, people) if owner_text else default_owner
        if not owner:
            problems.append(
                Problem(source, where, "owner", "no `owner` attribute: give --owner NAME")
            )
        due = _tw_time(task.get("due"), source, where, "due", problems)
        created = _tw_time(task.get("entry"), source, where, "entry", problems)
        finished = _tw_time(task.get("end"), source, where, "end", problems)
        tags = task.get("tags") or []
        if len(problems) > row_problems or status is None or owner is None:
            continue
        found.append(
            IncomingAction(
                source_id=f"taskwarrior:{uid}",
                text=text,
                owner=owner,
                due=local_date(due) if due else None,
                status=status,
                project=str(task["project"]) if task.get("project") else None,
                tags=[str(tag) for tag in tags] if isinstance(tags, list) else [],
                created_at=created,
                finished_at=finished,
            )
        )
    if problems:
        raise InvalidInputError(problems)
    return found


def _tw_time(
    value: Any, source: str, where: str, name: str, problems: list[Problem]
) -> dt.datetime | None:
    if value in (None, ""):
        return None
    try:
        return dt.datetime.strptime(str(value), "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
    except ValueError:
        problems.append(
            Problem(source, where, name, f"expected a time like 20261127T170000Z; got {value!r}")
        )
        return None


# -- CSV --------------------------------------------------------------------------------


def _read_csv(
    path: Path, default_owner: str | None, people: list[KnownPerson]
) -> list[IncomingAction]:
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise InvalidInputError(
            [Problem(source, "", "", f"cannot read: {error.strerror}")]
        ) from None
    except UnicodeDecodeError:
        raise InvalidInputError([Problem(source, "", "", "not UTF-8 text")]) from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        raise InvalidInputError([Problem(source, "", "", f"broken CSV: {error}")]) from None
    if not rows:
        raise InvalidInputError([Problem(source, "row 1", "", "empty file: expected a header")])
    header = [HEADER_SYNONYMS.get(h.strip().lower(), h.strip().lower()) for h in rows[0]]
    missing = [c for c in ("action",) if c not in header]
    if not default_owner and "owner" not in header:
        missing.append("owner")
    if missing:
        raise InvalidInputError(
            [
                Problem(
                    source,
                    "row 1",
                    column,
                    f"no {column!r} column; followups.csv has {', '.join(FOLLOWUP_COLUMNS)}",
                )
                for column in missing
            ]
        )
    problems: list[Problem] = []
    found: list[IncomingAction] = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        where = f"row {number}"
        row = {
            name: from_spreadsheet(cells[i].strip()) if i < len(cells) else ""
            for i, name in enumerate(header)
        }
        before = len(problems)
        action_text = " ".join(row.get("action", "").split())
        if not action_text:
            problems.append(Problem(source, where, "action", "empty: what is the action?"))
        owner = _resolve(row["owner"], people) if row.get("owner") else default_owner
        if not owner:
            problems.append(Problem(source, where, "owner", "empty: give one or --owner NAME"))
        due = None
        if row.get("due"):
            try:
                due = dt.date.fromisoformat(row["due"])
            except ValueError:
                problems.append(
                    Problem(source, where, "due", f"expected YYYY-MM-DD; got {row['due']!r}")
                )
        status = STATUSES.get((row.get("status") or "open").lower())
        if status is None:
            problems.append(
                Problem(
                    source,
                    where,
                    "status",
                    f"expected open, done or dropped; got {row['status']!r}",
                )
            )
        if len(problems) > before or owner is None or status is None:
            continue
        key = (
            row.get("id") or hashlib.sha1(f"{action_text}|{owner}|{due}".encode()).hexdigest()[:16]
        )
        found.append(
            IncomingAction(
                source_id=f"csv:{key}",
                text=action_text,
                owner=owner,
                due=due,
                status=status,
                measure_id=row.get("measure_id") or None,
            )
        )
    if problems:
        raise InvalidInputError(problems)
    return found
