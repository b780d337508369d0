"""The on-disk format, in one place: folders, files, tables, records and journal entries.

Every reader and writer goes through this module: the :class:`~reviewtui.store.repository.Store`
(which validates records into pydantic models on top) and the fast path of ``reviewtui
status`` (which must not pay for pydantic). It imports neither pydantic nor TinyDB.

A document file is TinyDB's format, ``{table: {doc_id: record}}``, plus the entries of its
journal (``store/journal.py``) replayed in order. Every journal entry *assigns*: an item
by number, a meeting field, an agenda item's field, a sent email by message id. Replaying
a journal over a file that already holds some or all of it therefore gives the same
state, so folding a journal into its file needs no bookkeeping to survive a crash.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypedDict

from reviewtui.domain.rules import ITEM_PREFIX
from reviewtui.store.files import corrupt, read_json_document
from reviewtui.store.journal import journal_of, read_entries

SCHEMA_VERSION = 2
META_FILE = "reviewtui.json"
MEETINGS, SCORECARDS, SNAPSHOTS, ACTIONS, COUNTERS, CACHE = (
    "meetings",
    "scorecards",
    "snapshots",
    "actions",
    "counters",
    "cache",
)
LOOSE_ACTIONS = "loose"
"""File stem for actions added outside any meeting (``reviewtui action add``)."""

MEETING_TABLE, ITEMS_TABLE, SENT_TABLE, SCORECARD_TABLE = "meeting", "items", "sent", "scorecard"
UNDO_TABLE = "undo"
"""A meeting's undo history: one entry per undoable change, by sequence number."""
RECORD_ID = "1"
"""The doc id of a file's single record (a meeting file's meeting, a scorecard file's card)."""

MEETING_ID = re.compile(r"^M-(\d+)$")

Document = dict[str, dict[str, Any]]


class ChangeRecord(TypedDict, total=False):
    """One entry of an item's history."""

    at: str
    by: str
    field: str
    old: str | None
    new: str | None
    note: str


class ItemRecord(TypedDict, total=False):
    """A captured item as stored (``domain.capture.CapturedItem`` validates it)."""

    uid: str
    number: int
    kind: str
    text: str
    owner: str | None
    due: str | None
    measure_id: str | None
    scorecard_id: str | None
    agenda_item: str | None
    meeting_id: str | None
    status: str
    created_at: str
    history: list[ChangeRecord]


class MeetingRecord(TypedDict, total=False):
    """A meeting as stored (``domain.meeting.Meeting`` validates it); the fields read raw."""

    id: str
    title: str
    scorecard_id: str
    date: str
    state: str
    statuses: dict[str, dict[str, Any]]


# -- paths ---------------------------------------------------------------------------


def meeting_file(root: Path, meeting_id: str) -> Path:
    """``DATA_DIR/meetings/M-3.json``."""
    return root / MEETINGS / f"{meeting_id}.json"


def loose_file(root: Path) -> Path:
    """``DATA_DIR/actions/loose.json``: actions added outside any meeting."""
    return root / ACTIONS / f"{LOOSE_ACTIONS}.json"


REMINDERS = "reminders.json"
"""The reminder digests sent (``reviewtui remind``), one record each, for the whole data dir."""


def reminders_file(root: Path) -> Path:
    """``DATA_DIR/reminders.json``."""
    return root / REMINDERS


def scorecard_file(root: Path, scorecard_id: str) -> Path:
    """``DATA_DIR/scorecards/<id>.json``."""
    return root / SCORECARDS / f"{scorecard_id}.json"


def meeting_number(path: Path) -> int | None:
    """3 for ``M-3.json``; None for anything else."""
    match = MEETING_ID.match(path.stem)
    return int(match.group(1)) if match and path.suffix == ".json" else None


def meeting_files(root: Path) -> list[Path]:
    """Meeting files, oldest meeting first."""
    found = [(meeting_number(p), p) for p in (root / MEETINGS).glob("M-*.json")]
    return [path for number, path in sorted((n, p) for n, p in found if n is not None)]


def item_files(root: Path) -> list[Path]:
    """Every file that holds captured items: meetings in order, then the loose actions."""
    loose = loose_file(root)
    has_loose = loose.exists() or journal_of(loose).exists()
    return [*meeting_files(root), loose] if has_loose else meeting_files(root)


# -- reading -------------------------------------------------------------------------


def read_document(path: Path) -> Document | None:
    """A document file with its journal replayed; None when neither exists."""
    document = read_json_document(path)
    entries = read_entries(journal_of(path))
    if document is None and not entries:
        return None
    state: Document = document if document is not None else {}
    for number, entry in enumerate(entries, start=1):
        try:
            apply_entry(state, entry)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise corrupt(journal_of(path), f"entry {number} does not fit its file") from None
    return state


def record(document: Document | None, table: str) -> dict[str, Any] | None:
    """The single record of a table (a meeting file's meeting), if there is one."""
    rows = (document or {}).get(table, {})
    return rows.get(RECORD_ID) or next(iter(rows.values()), None)


def item_records(document: Document | None) -> Iterator[dict[str, Any]]:
    """The item records of a document, in number order."""
    rows = (document or {}).get(ITEMS_TABLE, {})
    return iter(sorted(rows.values(), key=_number_of))


def item_ref(row: dict[str, Any]) -> str:
    """``A-142`` for a raw item record."""
    return f"{ITEM_PREFIX.get(str(row.get('kind')), '?')}-{row.get('number')}"


def _number_of(row: Any) -> int:
    number = row.get("number") if isinstance(row, dict) else None
    return number if isinstance(number, int) else 0


# -- journal entries -----------------------------------------------------------------


def set_item(row: dict[str, Any]) -> dict[str, Any]:
    """Entry: store this item (a new one, or the whole new version of one)."""
    return {"t": "item", "doc": row}


def delete_item(number: int) -> dict[str, Any]:
    """Entry: the item with this number is gone."""
    return {"t": "item-", "n": number}


def set_meeting(fields: dict[str, Any]) -> dict[str, Any]:
    """Entry: these fields of the meeting record have these values."""
    return {"t": "meeting", "set": fields}


def set_agenda_item(key: str, fields: dict[str, Any]) -> dict[str, Any]:
    """Entry: these fields of one agenda item (by key) have these values."""
    return {"t": "agenda", "key": key, "set": fields}


def add_sent(row: dict[str, Any]) -> dict[str, Any]:
    """Entry: a follow-up email was accepted by the server."""
    return {"t": "sent", "doc": row}


def set_undo(seq: int, row: dict[str, Any]) -> dict[str, Any]:
    """Entry: the undo history's change number ``seq`` is this."""
    return {"t": "undo", "n": seq, "doc": row}


def batch(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """Entry: several changes that form one logical change (all or nothing)."""
    return entries[0] if len(entries) == 1 else {"t": "batch", "all": entries}


def apply_entry(document: Document, entry: dict[str, Any]) -> None:
    """Apply one journal entry to a document in place (an assignment, so idempotent)."""
    kind = entry.get("t")
    if kind == "batch":
        for part in entry.get("all", []):
            apply_entry(document, part)
    elif kind == "item":
        row = entry["doc"]
        document.setdefault(ITEMS_TABLE, {})[str(row["number"])] = row
    elif kind == "item-":
        document.setdefault(ITEMS_TABLE, {}).pop(str(entry["n"]), None)
    elif kind == "meeting":
        rows = document.setdefault(MEETING_TABLE, {})
        rows[RECORD_ID] = {**(record(document, MEETING_TABLE) or {}), **entry["set"]}
        for doc_id in [d for d in rows if d != RECORD_ID]:
            del rows[doc_id]
    elif kind == "agenda":
        meeting = record(document, MEETING_TABLE)
        for agenda_item in (meeting or {}).get("agenda", []):
            if agenda_item.get("key") == entry["key"]:
                agenda_item.update(entry["set"])
    elif kind == "sent":
        row = entry["doc"]
        document.setdefault(SENT_TABLE, {})[str(row["message_id"])] = row
    elif kind == "undo":
        document.setdefault(UNDO_TABLE, {})[str(int(entry["n"]))] = entry["doc"]
    else:
        raise ValueError(f"unknown journal entry {kind!r}")
