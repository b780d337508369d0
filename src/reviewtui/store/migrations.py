"""Upgrades of a data dir from one schema version to the next, each safe to re-run.

A migration rewrites one file at a time, each atomically; the schema version is raised
only after all of them. A migration killed half-way runs again on the next open and
finds the files it already did in their new shape.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewtui.store import layout
from reviewtui.store.files import atomic_write_bytes, dump_json, read_json_document
from reviewtui.store.snapshots import write_snapshot


def schema_1_to_2(root: Path) -> None:
    """Schema 2: items keyed by number, scorecard snapshots in their own files, no summary.

    - Each meeting's scorecard-as-reviewed moves to ``snapshots/`` (shared by meetings
      that reviewed the same import), so reading a meeting's items no longer parses it.
    - Items are keyed by their number and sent emails by message id, so a journal entry
      can assign them.
    - The ``summary`` table beside each scorecard goes: it was a second copy that could
      drift from the scorecard it summarised.
    """
    for path in sorted((root / layout.MEETINGS).glob("M-*.json")):
        document = read_json_document(path)
        if document is None:
            continue
        cards = list(document.pop(layout.SCORECARD_TABLE, {}).values())
        meeting = layout.record(document, layout.MEETING_TABLE)
        if meeting is not None:
            document[layout.MEETING_TABLE] = {layout.RECORD_ID: meeting}
            if cards and not meeting.get("snapshot"):
                meeting["snapshot"] = write_snapshot(root, cards[0])
        _rekey(document, layout.ITEMS_TABLE, "number")
        _rekey(document, layout.SENT_TABLE, "message_id")
        atomic_write_bytes(path, dump_json(document))
    for path in sorted((root / layout.SCORECARDS).glob("*.json")):
        document = read_json_document(path)
        if document is None:
            continue
        card = layout.record(document, layout.SCORECARD_TABLE)
        new = {layout.SCORECARD_TABLE: {layout.RECORD_ID: card}} if card else {}
        if new != document:
            atomic_write_bytes(path, dump_json(new))
    loose = layout.loose_file(root)
    document = read_json_document(loose)
    if document is not None:
        _rekey(document, layout.ITEMS_TABLE, "number")
        atomic_write_bytes(loose, dump_json(document))


def _rekey(document: dict[str, Any], table: str, key: str) -> None:
    rows = document.get(table)
    if rows:
        document[table] = {str(row[key]): row for row in rows.values() if key in row}


MIGRATIONS = {1: schema_1_to_2}
