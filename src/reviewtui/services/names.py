"""What a data dir names, read cheaply for shell completion: meeting ids from file names."""

from __future__ import annotations

import contextlib
from pathlib import Path

from reviewtui.store import layout


def meeting_ids(root: Path) -> list[str]:
    """``M-1``, ``M-2``... of a data dir, newest first (none if it cannot be read)."""
    with contextlib.suppress(OSError):
        found = [p.stem for p in (root / layout.MEETINGS).glob("M-*.json")]
        return sorted(found, key=lambda name: -int(name[2:]) if name[2:].isdigit() else 0)
    return []
