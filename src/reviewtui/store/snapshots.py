"""Scorecards as reviewed: immutable files named by their content, shared by meetings.

A meeting keeps the scorecard exactly as it reviewed it, so a re-import never changes what
an earlier meeting showed. Twelve meetings of the same import share one file. A snapshot
is written (and fsynced) before the meeting that names it, and never changed afterwards:
a crash in between leaves at most an unused snapshot, never a meeting without its card.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from reviewtui.store import layout
from reviewtui.store.files import atomic_write_bytes, dump_json, read_json_document


def snapshot_name(card: dict[str, Any]) -> str:
    """``northwind-3f2a9c1d0b7e6a54.json``: the scorecard id and a hash of its content."""
    payload = dump_json(card)
    digest = hashlib.sha256(payload).hexdigest()[:16]
    return f"{card.get('id', 'scorecard')}-{digest}.json"


def write_snapshot(root: Path, card: dict[str, Any]) -> str:
    """Store a scorecard as reviewed (once per distinct content); returns its file name."""
    name = snapshot_name(card)
    path = root / layout.SNAPSHOTS / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        document = {layout.SCORECARD_TABLE: {layout.RECORD_ID: card}}
        atomic_write_bytes(path, dump_json(document))
    return name


def read_snapshot(root: Path, name: str) -> dict[str, Any] | None:
    """A stored snapshot's scorecard record, or None if the file is missing."""
    return layout.record(read_json_document(root / layout.SNAPSHOTS / name), "scorecard")
