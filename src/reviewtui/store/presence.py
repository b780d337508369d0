"""Who is watching a meeting: a tiny file per served meeting, not meeting data.

``reviewtui serve`` writes how many browsers follow a meeting each time one comes or
goes; the champion's app reads it once a second. The file names the serving process, so
a server that was killed (and never wrote "0") is not counted: its viewers are gone too.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import orjson

from reviewtui.store.files import atomic_write_bytes
from reviewtui.store.layout import CACHE


def presence_path(root: Path, meeting_id: str) -> Path:
    """The file that says how many watch ``meeting_id`` through a server."""
    return root / CACHE / f"viewers-{meeting_id}.json"


def write_viewers(root: Path, meeting_id: str, count: int) -> None:
    """Say that this process serves ``meeting_id`` to ``count`` browsers now."""
    path = presence_path(root, meeting_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, orjson.dumps({"viewers": count, "pid": os.getpid()}))


def clear_viewers(root: Path, meeting_id: str) -> None:
    """The server stops: nobody watches through it any more."""
    with contextlib.suppress(FileNotFoundError):
        presence_path(root, meeting_id).unlink()


def read_viewers(path: Path) -> int:
    """How many watch, per the file at ``path``: 0 if there is none, it is unreadable, or
    the process that wrote it is gone."""
    try:
        record = orjson.loads(path.read_bytes())
        count, pid = int(record["viewers"]), int(record["pid"])
    except (OSError, ValueError, KeyError, TypeError, orjson.JSONDecodeError):
        return 0
    return count if _alive(pid) else 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, someone else's
    return True
