"""The data directory: its layout, its lock, its schema version and migrations.

Layout (see docs/storage.md)::

    DATA_DIR/
      reviewtui.json          schema version and id counters
      .lock                   held (flock) by whichever process is writing
      scorecards/<id>.json    imported scorecards
      meetings/M-<n>.json     one TinyDB file per meeting: the meeting and its captures
      actions/loose.json      actions added outside any meeting

Every write happens under the lock and starts by re-reading the file it changes, so two
processes (the meeting app and ``reviewtui action done``) never lose each other's work.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from reviewtui.errors import LockTimeoutError, StorageError
from reviewtui.store.atomic import TEMP_SUFFIX, atomic_write_bytes, dump_json, read_json_document

SCHEMA_VERSION = 1
META_FILE = "reviewtui.json"
LOCK_TIMEOUT_SECONDS = 15.0

Migration = Callable[[Path], None]
MIGRATIONS: dict[int, Migration] = {}
"""``MIGRATIONS[n]`` upgrades a data dir from schema ``n`` to ``n + 1`` in place."""


class DataDir:
    """One data directory, opened: folders exist, strays cleaned, schema current."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.meetings_dir = root / "meetings"
        self.scorecards_dir = root / "scorecards"
        self.actions_dir = root / "actions"
        self.meta_path = root / META_FILE
        try:
            for folder in (root, self.meetings_dir, self.scorecards_dir, self.actions_dir):
                folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(
                f"cannot create the data directory {root}: {error.strerror}; "
                "choose another with --data-dir or REVIEWTUI_DATA_DIR"
            ) from None
        self._lock = FileLock(str(root / ".lock"), timeout=LOCK_TIMEOUT_SECONDS)
        with self.locked():
            self._remove_stray_temp_files()
            self._upgrade_schema()

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the data dir's write lock (re-entrant within a process)."""
        try:
            self._lock.acquire()
        except Timeout:
            raise LockTimeoutError(
                f"another reviewtui process has held {self.root / '.lock'} for over "
                f"{LOCK_TIMEOUT_SECONDS:.0f} s; close it or try again"
            ) from None
        try:
            yield
        finally:
            self._lock.release()

    def next_number(self, counter: str) -> int:
        """Allocate the next number of a counter (``item``, ``meeting``); call under the lock.

        The counter is saved before the number is used, so a crash can leave a gap in the
        numbers but never hand out the same one twice.
        """
        meta = self.read_meta()
        counters = meta.setdefault("counters", {})
        if not isinstance(counters, dict):
            raise StorageError(f"{self.meta_path}: 'counters' is not an object; restore a backup")
        number = int(counters.get(counter, 0)) + 1
        counters[counter] = number
        atomic_write_bytes(self.meta_path, dump_json(meta))
        return number

    def read_meta(self) -> dict[str, Any]:
        """The meta document (schema version, counters)."""
        return read_json_document(self.meta_path) or {"schema_version": SCHEMA_VERSION}

    def _remove_stray_temp_files(self) -> None:
        # Under the lock no write is in flight, so any temp file left is from a killed process.
        for folder in (self.root, self.meetings_dir, self.scorecards_dir, self.actions_dir):
            for stray in folder.glob(f".*{TEMP_SUFFIX}"):
                with contextlib.suppress(OSError):
                    stray.unlink()

    def _upgrade_schema(self) -> None:
        meta = read_json_document(self.meta_path)
        if meta is None:
            atomic_write_bytes(self.meta_path, dump_json({"schema_version": SCHEMA_VERSION}))
            return
        version = meta.get("schema_version")
        if not isinstance(version, int) or version < 1:
            raise StorageError(
                f"{self.meta_path} has no valid schema_version; it has not been changed. "
                "Restore it from a backup or move the data directory aside."
            )
        if version > SCHEMA_VERSION:
            raise StorageError(
                f"{self.root} was written by a newer reviewtui (schema {version}, this one "
                f"knows {SCHEMA_VERSION}); upgrade reviewtui: pip install -U reviewtui"
            )
        while version < SCHEMA_VERSION:
            migrate = MIGRATIONS.get(version)
            if migrate is None:
                raise StorageError(f"no migration from schema {version}; upgrade reviewtui")
            migrate(self.root)
            version += 1
            meta["schema_version"] = version
            atomic_write_bytes(self.meta_path, dump_json(meta))
