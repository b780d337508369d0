"""Opening a data dir: the one door from the app and the commands to the store.

``Store`` is re-exported here for type hints, so the layers above services never import
the store package itself.
"""

from __future__ import annotations

from pathlib import Path

from reviewtui.domain.clock import Clock
from reviewtui.store.repository import Store

__all__ = ["Store", "open_store"]


def open_store(root: Path, clock: Clock | None = None) -> Store:
    """Open (creating if need be) the data dir at ``root``."""
    return Store(root, clock)
