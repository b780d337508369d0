"""What the owners' fast commands need from the scorecards: people, measure names, status.

``reviewtui status`` must not pay for pydantic, and a measure's status is only known by
evaluating its scheme. So the evaluated facts are kept in ``cache/scorecards.json``,
stamped with the identity (inode, size, mtime) of every scorecard file they came from.
The stamp is checked on every read: when any scorecard file has changed, the cache is
rebuilt from the scorecards themselves, so it can never drift from them. Deleting the
cache loses nothing.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any, TypedDict

from reviewtui.errors import StorageError
from reviewtui.store import layout
from reviewtui.store.files import atomic_write_bytes, dump_json, read_json_document

CACHE_FILE = "scorecards.json"
CACHE_VERSION = 1


class PersonFacts(TypedDict):
    """A person as the fast commands match typed names against."""

    name: str
    email: str | None
    aliases: list[str]


class MeasureFacts(TypedDict):
    """A measure's name, scorecard and status in its scorecard's review period."""

    name: str
    scorecard_id: str
    status: dict[str, str]


class ScorecardIndex(TypedDict):
    """People and measures of every imported scorecard."""

    stamp: list[list[Any]]
    people: list[PersonFacts]
    measures: dict[str, MeasureFacts]


def stamp(root: Path) -> list[list[Any]]:
    """The identity of every scorecard file: changes whenever one is written."""
    found = []
    folder = root / layout.SCORECARDS
    if folder.is_dir():
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(".json") and not entry.name.startswith("."):
                    info = entry.stat()
                    found.append([entry.name, info.st_ino, info.st_size, info.st_mtime_ns])
    return sorted(found)


def load_index(root: Path) -> ScorecardIndex | None:
    """The cached index if it is current (or there are no scorecards); None when it must be
    rebuilt with :func:`reviewtui.services.scorecard_facts.rebuild_index`."""
    current = stamp(root)
    if not current:
        return {"stamp": [], "people": [], "measures": {}}
    cache = root / layout.CACHE / CACHE_FILE
    with contextlib.suppress(StorageError):
        cached = read_json_document(cache)
        if cached and cached.get("version") == CACHE_VERSION and cached.get("stamp") == current:
            index: ScorecardIndex = cached["index"]
            return index
    return None


def save_index(root: Path, index: ScorecardIndex) -> None:
    """Cache an index; a read-only data dir just goes without (it is rebuilt each time)."""
    cache = root / layout.CACHE / CACHE_FILE
    with contextlib.suppress(StorageError, OSError):
        cache.parent.mkdir(exist_ok=True)
        document = {"version": CACHE_VERSION, "stamp": index["stamp"], "index": index}
        atomic_write_bytes(cache, dump_json(document))
