"""Every item file's meeting header and item records, cached per file for opening a meeting.

Opening a meeting finds what it reviews among every meeting and item of the data dir. A
meeting file also holds the agenda, statuses and undo history: 100 meetings of 1,000
measures are 60 MB, and parsing them took 600 ms of every opening, to use 6 MB of items
and a few fields of each meeting. ``cache/records.cache`` keeps, per file, its identity
(inode, size, mtime of the file and its journal), the meeting's header fields and the
item records as stored. A file whose identity changed is read again and the cache
rewritten, so it never says what the files do not; deleting it loses nothing. It is
sealed (version and CRC-32), so an edited or cut-short cache is rebuilt, never trusted.
Damaged files are not cached: they are read (and reported) on every run.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple, TypeGuard

import orjson

from reviewtui.domain.meeting import MeetingHeader
from reviewtui.errors import CorruptFileError
from reviewtui.store import layout
from reviewtui.store.files import sealed, unsealed, write_cache
from reviewtui.store.journal import document_stamp

CACHE_FILE = "records.cache"
CACHE_VERSION = 1
HEADER_FIELDS = tuple(MeetingHeader.model_fields)
"""What the cache keeps of a meeting record: what relates meetings to each other."""


class FileRecords(NamedTuple):
    """One item file as the cache gives it: its meeting header (None for the loose
    actions' file) and its item records, in number order."""

    path: Path
    header: dict[str, Any] | None
    items: list[dict[str, Any]]


def cached_records(
    root: Path,
    read: Callable[[Path], layout.Document | None],
    damaged: Callable[[Path, CorruptFileError], None],
) -> list[FileRecords]:
    """Each readable item file's header and items, from the cache where the file is
    unchanged, else through ``read``; a file ``read`` finds damaged goes to ``damaged``."""
    cache_path = root / layout.CACHE / CACHE_FILE
    cached = _read_cache(cache_path)
    kept: dict[str, Any] = {}
    found: list[FileRecords] = []
    for path in layout.item_files(root):
        stamp = document_stamp(path)  # before reading: a later write makes it stale, not wrong
        entry: list[Any] | None = cached.get(path.name)
        if not _fits(entry, stamp):
            try:
                document = read(path) or {}
            except CorruptFileError as error:
                damaged(path, error)
                continue
            entry = [stamp, _header(path, document), list(layout.item_records(document))]
        kept[path.name] = entry
        found.append(FileRecords(path, entry[1], entry[2]))
    changed = kept.keys() != cached.keys() or any(kept[k] is not cached[k] for k in kept)
    if changed and write_cache(cache_path, sealed(orjson.dumps(kept), CACHE_VERSION)):
        _held[cache_path] = (_identity(cache_path), kept)
    return found


def _fits(entry: Any, stamp: list[int]) -> TypeGuard[list[Any]]:
    """A cached entry of this file as it is now, in the shape this version writes (the
    seal vouches for the records inside: they were read from the file)."""
    return (
        isinstance(entry, list)
        and len(entry) == 3
        and entry[0] == stamp
        and isinstance(entry[1], dict | None)
        and isinstance(entry[2], list)
    )


def _header(path: Path, document: layout.Document) -> dict[str, Any] | None:
    """A meeting file's header fields (``{}`` when it has no meeting record: the reader
    says so); None for the loose actions' file."""
    if layout.meeting_number(path) is None:
        return None
    row = layout.record(document, layout.MEETING_TABLE) or {}
    return {key: row[key] for key in HEADER_FIELDS if key in row}


_held: dict[Path, tuple[tuple[int, int, int] | None, dict[str, Any]]] = {}
"""Each cache as this process last read or wrote it, with the file's identity then. A
running app reads the cache again whenever another process writes (6.7 MB for 100
meetings of 1,000 measures: 40 ms of parsing that holds the screen's thread too);
unchanged since, the parsed copy is the same. Nothing here is changed in place."""


def _identity(path: Path) -> tuple[int, int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


def _read_cache(cache_path: Path) -> dict[str, Any]:
    """The cached files by name; empty when missing, damaged, edited or of another version."""
    identity = _identity(cache_path)  # before reading: a later write makes it stale
    held = _held.get(cache_path)
    if identity is not None and held is not None and held[0] == identity:
        return held[1]
    payload = unsealed(cache_path, CACHE_VERSION)
    try:
        files = orjson.loads(payload) if payload is not None else {}
    except ValueError:  # orjson's decode error is a ValueError
        return {}
    if not isinstance(files, dict):
        return {}
    _held[cache_path] = (identity, files)
    return files
