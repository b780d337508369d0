"""The TinyDB storage that makes every write an atomic, fsynced replace of the file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from reviewtui.store.files import atomic_write_bytes, dump_json, read_json_document


class AtomicJSONStorage(Storage):
    """A TinyDB storage whose every write is an atomic, fsynced replace of the file."""

    def __init__(self, path: str | os.PathLike[str], **_: Any) -> None:
        self.path = Path(path)
        self._cached: dict[str, dict[str, Any]] | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The whole database, or ``None`` for a file that does not exist yet.

        An instance lives for one locked transaction only, so what it read or wrote last
        is still what is on disk; caching it spares TinyDB's second read per insert.
        """
        if self._cached is None:
            self._cached = read_json_document(self.path)
        return self._cached

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Durably replace the whole database file."""
        self._cached = None
        atomic_write_bytes(self.path, dump_json(data))
        self._cached = data

    def close(self) -> None:
        """Nothing is held open between writes."""
