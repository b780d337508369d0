"""The data directory: its layout, its lock, its schema version and migrations.

Layout (see docs/storage.md)::

    DATA_DIR/
      reviewtui.json          schema version
      counters/item, meeting  append-only: the file size is the last number handed out
      .lock                   held (flock) by whichever process is writing
      scorecards/<id>.json    imported scorecards
      meetings/M-<n>.json     one TinyDB file per meeting: the meeting and its captures
      actions/loose.json      actions added outside any meeting

Every write happens under the lock and starts by re-reading the file it changes, so two
processes (the meeting app and ``reviewtui action done``) never lose each other's work.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from reviewtui.errors import LockTimeoutError, StorageError
from reviewtui.store.files import TEMP_SUFFIX, atomic_write_bytes, dump_json, read_json_document

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
        self.counters_dir = root / "counters"
        self.meta_path = root / META_FILE
        try:
            for folder in self._folders():
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

    def next_number(self, counter: str, count: int = 1) -> int:
        """Allocate the next number of a counter (``item``, ``meeting``); call under the lock.

        With ``count`` above 1, allocates that many numbers at once (one fsync) and returns
        the last of them: the block is ``last - count + 1 .. last``.

        A counter is an append-only file that grows by one byte per number handed out, so
        its size *is* the last number. Appending one byte and fsyncing costs one fsync
        (no rename, no JSON), and the number is durable before anything uses it: a crash
        can leave a gap in the numbers but never hand out the same one twice.
        """
        path = self.counters_dir / counter
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                os.write(fd, b"\n" * count)
                os.fsync(fd)
                number = os.fstat(fd).st_size
            finally:
                os.close(fd)
        except OSError as error:
            reason = "the disk is full" if error.errno == errno.ENOSPC else error.strerror
            raise StorageError(f"could not save {path}: {reason}; nothing was captured") from None
        return number

    def set_counter_at_least(self, counter: str, number: int) -> None:
        """Make sure the next number handed out is above ``number`` (imports, seeding)."""
        path = self.counters_dir / counter
        current = path.stat().st_size if path.exists() else 0
        if number > current:
            with path.open("ab") as handle:
                handle.write(b"\n" * (number - current))
                handle.flush()
                os.fsync(handle.fileno())

    def read_meta(self) -> dict[str, Any]:
        """The meta document (schema version, counters)."""
        return read_json_document(self.meta_path) or {"schema_version": SCHEMA_VERSION}

    def _folders(self) -> tuple[Path, ...]:
        return (
            self.root,
            self.meetings_dir,
            self.scorecards_dir,
            self.actions_dir,
            self.counters_dir,
        )

    def _remove_stray_temp_files(self) -> None:
        # Under the lock no write is in flight, so any temp file left is from a killed process.
        for folder in self._folders():
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
