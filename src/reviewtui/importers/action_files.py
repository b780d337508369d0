"""Action files people already have: a ``followups.csv`` or taskwarrior's ``task export``.

Every row is read and checked; any problem is reported with its row (CSV: the header is
row 1) or task number (JSON: the first task is 1), and nothing is returned unless every
row is good. Each action keeps where it came from (``source_id``), so an import can skip
what it already has.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from reviewtui.domain.capture import ActionStatus
from reviewtui.domain.dates import local_date
from reviewtui.domain.people import KnownPerson, match_person
from reviewtui.domain.printable import from_spreadsheet
from reviewtui.domain.rules import FOLLOWUP_COLUMNS
from reviewtui.errors import InvalidInputError, Problem

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
class ActionFile:
    """What a file holds: the actions, and rows deliberately left out (with why)."""

    actions: list[IncomingAction] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


class _Rows:
    """Collects the problems of every row of one file."""

    def __init__(self, source: str, default_owner: str | None, people: list[KnownPerson]):
        self.source = source
        self.default_owner = default_owner
        self.people = people
        self.problems: list[Problem] = []

    def problem(self, where: str, column: str, message: str) -> None:
        self.problems.append(Problem(self.source, where, column, message))

    def owner(self, typed: str, where: str, hint: str) -> str | None:
        typed = " ".join(typed.split())
        if typed:
            person = match_person(typed, self.people)
            return person.name if person else typed
        if not self.default_owner:
            self.problem(where, "owner", hint)
        return self.default_owner

    def done(self) -> None:
        if self.problems:
            raise InvalidInputError(self.problems)


def unreadable(source: str, error: OSError) -> InvalidInputError:
    """The error for a file that cannot be read at all."""
    return InvalidInputError([Problem(source, "", "", f"cannot read: {error.strerror}")])


def resolve_owner_name(typed: str, people: list[KnownPerson]) -> str:
    """A known person's full name for a typed name, else the name as typed."""
    person = match_person(typed, people)
    return person.name if person else " ".join(typed.split())


# -- taskwarrior ------------------------------------------------------------------------


def read_taskwarrior(
    path: Path, default_owner: str | None, people: list[KnownPerson]
) -> ActionFile:
    """The tasks of a ``task export`` file (recurring templates skipped: their instances
    are the tasks)."""
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
    rows, found = _Rows(source, default_owner, people), ActionFile()
    for index, task in enumerate(tasks, start=1):
        where = f"task {index}"
        if not isinstance(task, dict):
            rows.problem(where, "", "expected a task object")
        elif str(task.get("status", "pending")).lower() == "recurring":
            found.skipped.append(f"{where}: a recurring template (its instances are imported)")
        else:
            action = _task(rows, where, task)
            if action is not None:
                found.actions.append(action)
    rows.done()
    return found


def _task(rows: _Rows, where: str, task: dict[str, Any]) -> IncomingAction | None:
    before = len(rows.problems)
    status_text = str(task.get("status", "pending")).lower()
    status = STATUSES.get(status_text)
    if status is None:
        rows.problem(where, "status", f"unknown status {status_text!r}")
    uid = str(task.get("uuid") or "").strip()
    if not uid:
        rows.problem(where, "uuid", "missing: taskwarrior tasks have one")
    text = " ".join(str(task.get("description") or "").split())
    if not text:
        rows.problem(where, "description", "missing")
    owner = rows.owner(
        str(task.get("owner") or ""), where, "no `owner` attribute: give --owner NAME"
    )
    due = _tw_time(rows, task.get("due"), where, "due")
    created = _tw_time(rows, task.get("entry"), where, "entry")
    finished = _tw_time(rows, task.get("end"), where, "end")
    if len(rows.problems) > before or status is None or owner is None:
        return None
    tags = task.get("tags") or []
    return IncomingAction(
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


def _tw_time(rows: _Rows, value: Any, where: str, name: str) -> dt.datetime | None:
    if value in (None, ""):
        return None
    try:
        return dt.datetime.strptime(str(value), "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
    except ValueError:
        rows.problem(where, name, f"expected a time like 20261127T170000Z; got {value!r}")
        return None


# -- followups.csv ----------------------------------------------------------------------


def read_followups_csv(
    path: Path, default_owner: str | None, people: list[KnownPerson]
) -> ActionFile:
    """The rows of a ``followups.csv`` (ours, or one with the same columns)."""
    source = str(path)
    records = _csv_records(path)
    header = [HEADER_SYNONYMS.get(h.strip().lower(), h.strip().lower()) for h in records[0]]
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
    rows, found = _Rows(source, default_owner, people), ActionFile()
    # Numbered by record, as a spreadsheet shows them: a cell with a line break is one row.
    for number, cells in enumerate(records[1:], start=2):
        if any(cell.strip() for cell in cells):
            row = {
                name: from_spreadsheet(cells[i].strip()) if i < len(cells) else ""
                for i, name in enumerate(header)
            }
            action = _csv_row(rows, f"row {number}", row)
            if action is not None:
                found.actions.append(action)
    rows.done()
    return found


def _csv_records(path: Path) -> list[list[str]]:
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
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        raise InvalidInputError([Problem(source, "", "", f"broken CSV: {error}")]) from None
    if not records:
        raise InvalidInputError([Problem(source, "row 1", "", "empty file: expected a header")])
    return records


def _csv_row(rows: _Rows, where: str, row: dict[str, str]) -> IncomingAction | None:
    before = len(rows.problems)
    text = " ".join(row.get("action", "").split())
    if not text:
        rows.problem(where, "action", "empty: what is the action?")
    owner = rows.owner(row.get("owner", ""), where, "empty: give one or --owner NAME")
    due = None
    if row.get("due"):
        try:
            due = dt.date.fromisoformat(row["due"])
        except ValueError:
            rows.problem(where, "due", f"expected YYYY-MM-DD; got {row['due']!r}")
    status = STATUSES.get((row.get("status") or "open").lower())
    if status is None:
        rows.problem(where, "status", f"expected open, done or dropped; got {row['status']!r}")
    if len(rows.problems) > before or owner is None or status is None:
        return None
    key = row.get("id") or hashlib.sha1(f"{text}|{owner}|{due}".encode()).hexdigest()[:16]
    return IncomingAction(
        source_id=f"csv:{key}",
        text=text,
        owner=owner,
        due=due,
        status=status,
        measure_id=row.get("measure_id") or None,
    )
