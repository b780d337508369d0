"""Crash-safe file writes and careful reads; no TinyDB here, so read-only commands stay light.

A write goes to a temporary file in the same folder, is flushed and fsynced, then
``os.replace``-d over the old file and the folder is fsynced, so the file on disk is
always either the old or the new version, whatever kills the process. A file that is not
valid JSON is never overwritten: reading it raises :class:`CorruptFileError`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import zlib
from pathlib import Path
from typing import Any

import orjson

from reviewtui.errors import CorruptFileError, StorageError

TEMP_SUFFIX = ".rtmp"
"""Suffix of in-flight temporary files; strays are removed when the data dir is opened."""


PRIVATE = 0o600
"""Data files: meetings hold people's names and performance, so only their owner reads them."""
SHARED = 0o666
"""Exports: the user's umask decides (0644 typically), as for any file they create."""


def atomic_write_bytes(path: Path, payload: bytes, mode: int = PRIVATE) -> None:
    """Replace ``path`` with ``payload`` durably: the old or the new content, never a mix."""
    temp = path.with_name(f".{path.name}.{os.urandom(6).hex()}{TEMP_SUFFIX}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        reason = "the disk is full" if error.errno == errno.ENOSPC else error.strerror
        raise StorageError(
            f"could not save {path}: {reason}. Nothing was changed on disk; "
            "free some space or check permissions, then try again."
        ) from None
    fsync_directory(path.parent)


def fsync_directory(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_json_document(path: Path) -> dict[str, Any] | None:
    """Read a JSON object file; ``None`` if it does not exist; refuse anything unreadable."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StorageError(f"cannot read {path}: {error.strerror}") from None
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise corrupt(path, f"not valid JSON: {error}") from None
    if not isinstance(document, dict):
        raise corrupt(path, "expected a JSON object at the top")
    return document


def corrupt(path: Path, reason: str) -> CorruptFileError:
    """The error for an unreadable data file, saying how to recover."""
    return CorruptFileError(
        f"{path} is damaged ({reason}). reviewtui has not changed it and will not write to "
        f"it. To recover, move it aside (mv '{path}' '{path}.damaged'), then restore it from "
        "a backup, or start without it; the other meetings are not affected."
    )


def dump_json(document: Any) -> bytes:
    """Compact UTF-8 JSON; orjson because every capture re-encodes the meeting file."""
    return orjson.dumps(document)


def sealed(payload: bytes, version: int) -> bytes:
    """A cache file's bytes: a line with its format version and the CRC-32 of ``payload``,
    then ``payload``. A cache edited, cut short or of another version fails the seal."""
    return orjson.dumps({"version": version, "crc32": zlib.crc32(payload)}) + b"\n" + payload


def unsealed(path: Path, version: int) -> bytes | None:
    """A sealed cache's payload; None when it is missing, unreadable, or fails the seal."""
    try:
        header, _, payload = path.read_bytes().partition(b"\n")
        if orjson.loads(header) != {"version": version, "crc32": zlib.crc32(payload)}:
            return None
    except (OSError, ValueError):  # orjson's decode error is a ValueError
        return None
    return payload


def write_cache(path: Path, content: bytes) -> bool:
    """Replace a cache file if the data dir lets us (a read-only one goes without);
    True when it was written."""
    try:
        path.parent.mkdir(exist_ok=True)
        atomic_write_bytes(path, content)
    except (StorageError, OSError):
        return False
    return True
