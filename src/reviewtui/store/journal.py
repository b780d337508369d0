"""Append-only journals: one fsynced line per logical change, beside a document file.

A change to a meeting (a capture, a step through the agenda, a review outcome) is one
line appended to ``M-<n>.journal`` and fsynced: one write, the cheapest durable write
there is, and its cost does not grow with the meeting. The document file itself is only
rewritten (atomically) when the journal is folded into it.

A line is a whole JSON object ending in ``\\n``. A writer killed mid-append leaves at
most a torn last line without its newline: it was never acknowledged, readers ignore it,
and the next writer cuts it off before appending. Any other unreadable line means the
file was damaged by something else; it is refused, never written to.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import orjson

from reviewtui.errors import StorageError
from reviewtui.store.files import corrupt, fsync_directory

JOURNAL_SUFFIX = ".journal"


def journal_of(path: Path) -> Path:
    """The journal beside a document file: ``M-3.json`` -> ``M-3.journal``."""
    return path.with_suffix(JOURNAL_SUFFIX)


def document_stamp(path: Path) -> list[int]:
    """A document's identity now: inode, size and mtime of its file and of its journal
    (zeros when absent). Any write to either changes it; caches keyed by it stay true."""
    found: list[int] = []
    for each in (path, journal_of(path)):
        try:
            info = os.stat(each)
            found += [info.st_ino, info.st_size, info.st_mtime_ns]
        except FileNotFoundError:
            found += [0, 0, 0]
    return found


def read_entries(path: Path) -> list[dict[str, Any]]:
    """Every complete entry of a journal, oldest first; ``[]`` if there is none."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as error:
        raise StorageError(f"cannot read {path}: {error.strerror}") from None
    return parse_entries(path, raw)


def parse_entries(path: Path, raw: bytes) -> list[dict[str, Any]]:
    """The entries in a journal's bytes; a torn last line (no newline) is ignored."""
    complete = raw[: raw.rfind(b"\n") + 1]
    entries: list[dict[str, Any]] = []
    for number, line in enumerate(complete.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = orjson.loads(line)
        except orjson.JSONDecodeError:
            raise corrupt(path, f"line {number} is not a journal entry") from None
        if not isinstance(entry, dict) or "t" not in entry:
            raise corrupt(path, f"line {number} is not a journal entry")
        entries.append(entry)
    return entries


def append_entry(path: Path, entry: dict[str, Any]) -> int:
    """Durably append one entry (call under the data dir's lock); returns the new size.

    A torn tail left by a killed writer is cut off first, so the new line starts on a
    line of its own.
    """
    line = orjson.dumps(entry) + b"\n"
    created = not path.exists()
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                size = _cut_torn_tail(fd, size)
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as error:
        reason = "the disk is full" if error.errno == errno.ENOSPC else error.strerror
        raise StorageError(
            f"could not save to {path}: {reason}. The change was not saved; free some space "
            "or check permissions, then try again."
        ) from None
    if created:
        fsync_directory(path.parent)
    return size + len(line)


def _cut_torn_tail(fd: int, size: int) -> int:
    """Truncate an unterminated last line (an unacknowledged, killed append)."""
    # Rare (only after a kill), so reading the whole journal is fine.
    whole = os.pread(fd, size, 0)
    keep = whole.rfind(b"\n") + 1
    os.ftruncate(fd, keep)
    os.fsync(fd)
    return keep
