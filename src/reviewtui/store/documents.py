"""Document files with their journals: verified reads, one-write changes, transactions.

Every change reaches the disk as exactly one write: a journal line (:meth:`Documents.append`)
or an atomic replace of the whole file with its journal folded in
(:meth:`Documents.transaction`). Before either, the file is read and every record checked
against the model under the lock: a damaged file is never written to. The check is
skipped when the file is exactly as this process last verified it, so a meeting's tenth
capture costs no more than its first.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from reviewtui.store import layout
from reviewtui.store.atomic import TransactionStorage
from reviewtui.store.datadir import DataDir
from reviewtui.store.files import atomic_write_bytes, dump_json, fsync_directory
from reviewtui.store.journal import append_entry, journal_of

COMPACT_AT_BYTES = 512 * 1024
"""A journal this long is folded into its file, so opening a meeting stays quick."""

Validator = Callable[[Path, layout.Document], None]
"""Raises CorruptFileError when a document's records do not fit the model."""
Signature = tuple[tuple[int, int, int], tuple[int, int, int]]


def _stat(path: Path) -> tuple[int, int, int]:
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return (0, 0, 0)
    return (found.st_ino, found.st_size, found.st_mtime_ns)


def signature(path: Path) -> Signature:
    """What changes whenever a document or its journal is written."""
    return (_stat(path), _stat(journal_of(path)))


class Documents:
    """Reads and writes the document files of one data dir."""

    def __init__(self, data: DataDir, validate: Validator) -> None:
        self.data = data
        self._validate = validate
        self._verified: dict[Path, Signature] = {}
        self._clean: dict[Path, Signature] = {}
        """Documents this process has already validated whole, at the signature it saw."""
        self.writes = 0
        """How many writes this process made: a reading done meanwhile may miss them."""
        self.external_writes = 0
        """How often a write found its file changed by another process since we last saw
        it: a running app then knows its picture of the data is stale."""

    def known(self, path: Path) -> Signature | None:
        """The signature this process last wrote or verified for a document."""
        return self._verified.get(path)

    def read(self, path: Path) -> layout.Document | None:
        """A document with its journal replayed (no lock needed: writes are whole lines or
        whole files)."""
        return layout.read_document(path)

    def verified(self, path: Path) -> layout.Document | None:
        """Read and check a document; call under the lock before writing to it.

        A document this process validated whole and nobody has written since is not
        validated twice (a re-import reads the stored scorecard, then replaces it)."""
        current = signature(path)
        document = layout.read_document(path)
        if document is not None and self._clean.get(path) != current:
            self._validate(path, document)
        self._verified[path] = current
        return document

    def mark_clean(self, path: Path, seen: Signature) -> None:
        """Note that the document at ``path`` was validated whole when its signature was
        ``seen``; kept only if nothing has written it since."""
        if signature(path) == seen:
            self._clean[path] = seen

    def append(self, path: Path, entry: dict[str, Any]) -> None:
        """Durably record one logical change to a document (one fsynced journal line)."""
        with self.data.locked():
            known = self._verified.get(path)
            if known != signature(path):
                if known is not None:
                    self.external_writes += 1
                self.verified(path)
            size = append_entry(journal_of(path), entry)
            self.writes += 1
            self._verified[path] = signature(path)
            if size > COMPACT_AT_BYTES:
                self.compact(path)

    @contextlib.contextmanager
    def transaction(self, path: Path) -> Iterator[TinyDB]:
        """A TinyDB over the document; whatever it changes is written once, at the end.

        The journal is folded into the file by the same write, then removed.
        """
        with self.data.locked():
            document = self.verified(path) or {}
            db = TinyDB(storage=TransactionStorage, document=document)
            yield db
            storage = db.storage
            assert isinstance(storage, TransactionStorage)
            if storage.changed:
                self._replace(path, storage.document)

    def compact(self, path: Path) -> None:
        """Fold a document's journal into its file (one atomic replace), if it has one."""
        with self.data.locked():
            if not journal_of(path).exists():
                return
            document = self.verified(path)
            if document is not None:
                self._replace(path, document)

    def _replace(self, path: Path, document: layout.Document) -> None:
        atomic_write_bytes(path, dump_json(document))
        self.writes += 1
        # Replaying the old journal over the new file would change nothing (every entry
        # assigns), so a crash before this unlink is harmless.
        journal = journal_of(path)
        if journal.exists():
            journal.unlink()
            fsync_directory(path.parent)
        self._verified[path] = signature(path)
