"""The actions as ``reviewtui status`` lists them, cached per file and checked per file.

A meeting file holds much more than its actions (the agenda, statuses, the undo
history): 10,000 actions live in 34 MB of meeting files, and parsing them all took 160 ms
of a 270 ms ``status``. ``cache/actions.cache`` keeps, for every file that holds items,
the identity of the file and of its journal (inode, size, mtime) and just what the
listing reads of its actions. On every run each file is stat'ed; a file whose identity
changed is read again, and only then is the cache rewritten. So the cache can never show
what the files do not say, and deleting it loses nothing.

The cache is sealed: a first line with the format version and a CRC-32 of the rest. A
cache that was edited, cut short or written by another version fails the seal and is
rebuilt from the files; checking the seal (0.2 ms for 10,000 actions) is what lets the
listing skip checking every cached action again (25 ms). It guards against accidents,
not forgery: whoever can write the cache can write the meeting files too.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from pathlib import Path
from typing import Any, TypedDict, TypeGuard

import orjson

from reviewtui.domain.rules import counts_as_redating
from reviewtui.errors import StorageError
from reviewtui.store import layout
from reviewtui.store.files import atomic_write_bytes, dump_json
from reviewtui.store.journal import journal_of

CACHE_FILE = "actions.cache"
CACHE_VERSION = 2
FIELDS = ("number", "kind", "text", "owner", "status", "due", "measure_id", "meeting_id",
          "scorecard_id", "slips")  # fmt: skip
"""What the listing reads of an action, cached as a list in this order (half the size of
a dict, so half the time to parse); ``slips`` counts its re-datings."""


class CachedFile(TypedDict):
    """One file's actions as the listing reads them, and the file's identity then."""

    stamp: list[int]
    meeting: dict[str, Any] | None
    actions: list[list[Any]]
    """Each action's :data:`FIELDS`, in that order."""
    notices: list[str]


def file_stamp(path: Path) -> list[int]:
    """Inode, size and mtime of a file and of its journal (zeros when absent)."""
    found: list[int] = []
    for each in (path, journal_of(path)):
        try:
            info = os.stat(each)
            found += [info.st_ino, info.st_size, info.st_mtime_ns]
        except FileNotFoundError:
            found += [0, 0, 0]
    return found


def cached_actions(
    root: Path, misfit: Any
) -> list[tuple[list[list[Any]], dict[str, Any] | None, list[str]]]:
    """Each item file's actions (their :data:`FIELDS`), its meeting record (id, title,
    scorecard) and the notices about it, in file order. ``misfit`` says what is wrong
    with a raw action record."""
    cache_path = root / layout.CACHE / CACHE_FILE
    cached = _read_cache(cache_path)
    files: dict[str, CachedFile] = {}
    changed = False
    for path in layout.item_files(root):
        stamp = file_stamp(path)  # before reading: a later write makes it stale, not wrong
        entry = cached.get(path.name)
        if not _fits(entry) or entry["stamp"] != stamp:
            entry, changed = _scan(path, stamp, misfit), True
        files[path.name] = entry
    if changed or len(files) != len(cached):
        with contextlib.suppress(StorageError, OSError):  # a read-only data dir goes without
            cache_path.parent.mkdir(exist_ok=True)
            atomic_write_bytes(cache_path, seal(dump_json(files)))
    return [(entry["actions"], entry["meeting"], entry["notices"]) for entry in files.values()]


def seal(payload: bytes) -> bytes:
    """The cache file's bytes: a line naming the version and digest, then ``payload``."""
    header = {"version": CACHE_VERSION, "crc32": zlib.crc32(payload)}
    return dump_json(header).replace(b"\n", b"") + b"\n" + payload


def _read_cache(cache_path: Path) -> dict[str, Any]:
    """The cached files by name; empty when the cache is missing, damaged, edited or older."""
    try:
        raw = cache_path.read_bytes()
        header, _, payload = raw.partition(b"\n")
        seal_found = orjson.loads(header)
        if seal_found != {"version": CACHE_VERSION, "crc32": zlib.crc32(payload)}:
            return {}
        files = orjson.loads(payload)
    except (OSError, ValueError):  # orjson's decode error is a ValueError
        return {}
    return files if isinstance(files, dict) else {}


def _fits(entry: Any) -> TypeGuard[CachedFile]:
    """Whether a cached entry has the shape this version writes (the seal vouches for the
    actions inside: they passed the checks when they were read)."""
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("stamp"), list)
        and isinstance(entry.get("meeting"), dict | None)
        and isinstance(entry.get("actions"), list)
        and isinstance(entry.get("notices"), list)
    )


def _scan(path: Path, stamp: list[int], misfit: Any) -> CachedFile:
    """Read one file's actions as the listing needs them."""
    entry: CachedFile = {"stamp": stamp, "meeting": None, "actions": [], "notices": []}
    try:
        document = layout.read_document(path)
    except StorageError as error:
        entry["notices"].append(f"skipped {path.name}: {error}")
        return entry
    meeting = layout.record(document, layout.MEETING_TABLE)
    if meeting is not None and isinstance(meeting.get("title"), str | None):
        entry["meeting"] = {k: meeting.get(k) for k in ("id", "title", "scorecard_id")}
    for item in layout.item_records(document):
        if not isinstance(item, dict) or item.get("kind") != "action":
            continue
        problem = misfit(item)
        if problem:
            entry["notices"].append(f"skipped an action in {path.name}: {problem}")
            continue
        slips = sum(
            1
            for change in item.get("history", [])
            if counts_as_redating(change.get("field"), change.get("old"))
        )
        entry["actions"].append([*(item.get(key) for key in FIELDS[:-1]), slips])
    return entry
