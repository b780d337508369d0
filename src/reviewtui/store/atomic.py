"""TinyDB storages: whole-file writes that are atomic, and transactions that write once.

:class:`AtomicJSONStorage` replaces the file atomically on every write (temp file, fsync,
rename, folder fsync). :class:`TransactionStorage` lets a TinyDB work on a document in
memory, so a logical change made of several table operations (a truncate and an insert)
reaches the disk as one write when the transaction commits, never as two.
"""

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

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The whole database, or ``None`` for a file that does not exist yet."""
        return read_json_document(self.path)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Durably replace the whole database file."""
        atomic_write_bytes(self.path, dump_json(data))

    def close(self) -> None:
        """Nothing is held open between writes."""


class TransactionStorage(Storage):
    """A TinyDB storage over a document in memory; the caller writes it once, at the end."""

    def __init__(self, document: dict[str, dict[str, Any]], **_: Any) -> None:
        self.document = document
        self.changed = False

    def read(self) -> dict[str, dict[str, Any]]:
        """The document as changed so far."""
        return self.document

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Keep the change in memory; the transaction writes it when it commits."""
        self.document = data
        self.changed = True

    def close(self) -> None:
        """Nothing to close."""
