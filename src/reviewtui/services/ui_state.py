"""What the app remembers between runs (the theme chosen last), in the state dir.

Best effort by design: a read-only or missing state dir just means nothing is remembered.
"""

from __future__ import annotations

from typing import Any

import orjson

from reviewtui.errors import ReviewError
from reviewtui.paths import state_dir
from reviewtui.store.files import atomic_write_bytes

UI_FILE = "ui.json"


def recall(key: str) -> Any:
    """A remembered value, or None."""
    try:
        document = orjson.loads((state_dir() / UI_FILE).read_bytes())
    except (OSError, ValueError):
        return None
    return document.get(key) if isinstance(document, dict) else None


def remember(key: str, value: Any) -> None:
    """Keep a value for next time (one atomic write of the small state file)."""
    path = state_dir() / UI_FILE
    try:
        document = orjson.loads(path.read_bytes()) if path.exists() else {}
        if not isinstance(document, dict):
            document = {}
        document[key] = value
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, orjson.dumps(document))
    except (OSError, ValueError, ReviewError):
        pass
