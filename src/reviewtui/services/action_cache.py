"""The actions as ``reviewtui status`` lists them, cached per file and checked per file.

A meeting file holds much more than its actions (the agenda, statuses, the undo
history): 10,000 actions live in 34 MB of meeting files, and parsing them all took 160 ms
of a 270 ms ``status``. ``cache/actions.json`` keeps, for every file that holds items,
the identity of the file and of its journal (inode, size, mtime) and just what the
listing reads of its actions. On every run each file is stat'ed; a file whose identity
changed is read again, and only then is the cache rewritten. So the cache can never show
what the files do not say, and deleting it loses nothing.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any, TypedDict, TypeGuard

from reviewtui.domain.rules import counts_as_redating
from reviewtui.errors import StorageError
from reviewtui.store import layout
from reviewtui.store.files import atomic_write_bytes, dump_json, read_json_document
from reviewtui.store.journal import journal_of

CACHE_FILE = "actions.json"
CACHE_VERSION = 1
KEPT = ("number", "kind", "text", "owner", "status", "due", "measure_id", "meeting_id",
        "scorecard_id")  # fmt: skip
"""What the listing reads of an action (its history is kept as a count of re-datings)."""


class CachedFile(TypedDict):
    """One file's actions as the listing reads them, and the file's identity then."""

    stamp: list[int]
    meeting: dict[str, Any] | None
    actions: list[dict[str, Any]]
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
) -> list[tuple[list[dict[str, Any]], dict[str, Any] | None, list[str]]]:
    """Each item file's actions (trimmed), its meeting record (id, title, scorecard) and
    the notices about it, in file order. ``misfit`` says what is wrong with a raw record."""
    cache_path = root / layout.CACHE / CACHE_FILE
    cached = _read_cache(cache_path)
    files: dict[str, CachedFile] = {}
    for path in layout.item_files(root):
        stamp = file_stamp(path)  # before reading: a later write makes it stale, not wrong
        entry = cached.get(path.name)
        if not _fits(entry, misfit) or entry["stamp"] != stamp:
            entry = _scan(path, stamp, misfit)
        files[path.name] = entry
    if files != cached:
        with contextlib.suppress(StorageError, OSError):  # a read-only data dir goes without
            cache_path.parent.mkdir(exist_ok=True)
            atomic_write_bytes(cache_path, dump_json({"version": CACHE_VERSION, "files": files}))
    return [(entry["actions"], entry["meeting"], entry["notices"]) for entry in files.values()]


def _read_cache(cache_path: Path) -> dict[str, Any]:
    """The cached files by name; empty when the cache is missing, damaged or older."""
    try:
        document = read_json_document(cache_path)
    except StorageError:
        return {}
    if not document or document.get("version") != CACHE_VERSION:
        return {}
    files = document.get("files")
    return files if isinstance(files, dict) else {}


def _fits(entry: Any, misfit: Any) -> TypeGuard[CachedFile]:
    """Whether a cached entry has the shape this version writes (a hand-edited or foreign
    cache is read again from the files, never trusted)."""
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("stamp"), list)
        and isinstance(entry.get("meeting"), dict | None)
        and isinstance(entry.get("actions"), list)
        and all(_fits_action(action, misfit) for action in entry["actions"])
        and isinstance(entry.get("notices"), list)
        and all(isinstance(notice, str) for notice in entry["notices"])
    )


def _fits_action(action: Any, misfit: Any) -> bool:
    """Whether a cached action still passes the checks it passed when it was read."""
    return (
        isinstance(action, dict)
        and isinstance(action.get("slips"), int)
        and set(action) == {*KEPT, "slips"}
        and misfit(action) is None
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
        trimmed = {key: item.get(key) for key in KEPT}
        trimmed["slips"] = sum(
            1
            for change in item.get("history", [])
            if counts_as_redating(change.get("field"), change.get("old"))
        )
        entry["actions"].append(trimmed)
    return entry
