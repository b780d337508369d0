"""The data directory: its folders, its lock, its counters, its schema version.

The layout is described in :mod:`reviewtui.store.layout` and docs/storage.md. Every write
happens under the lock and starts by re-reading the file it changes, so two processes
(the meeting app and ``reviewtui action done``) never lose each other's work.

A data dir that cannot be written (read-only, a ``.lock`` that is not a file) still
opens for reading; the first write then says what is wrong and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from reviewtui.errors import LockTimeoutError, StorageError
from reviewtui.store import layout
from reviewtui.store.files import TEMP_SUFFIX, atomic_write_bytes, dump_json, read_json_document
from reviewtui.store.migrations import MIGRATIONS as SHIPPED_MIGRATIONS

LOCK_TIMEOUT_SECONDS = 15.0
"""How long a command waits for another process's write before giving up."""

Migration = Callable[[Path], None]
MIGRATIONS: dict[int, Migration] = dict(SHIPPED_MIGRATIONS)
"""``MIGRATIONS[n]`` upgrades a data dir from schema ``n`` to ``n + 1`` in place."""

Highest = Callable[[], int]
"""Finds the highest number actually stored for a counter (a scan of the files)."""


class DataDir:
    """One data directory, opened: folders exist, strays cleaned, schema current."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.meetings_dir = root / layout.MEETINGS
        self.scorecards_dir = root / layout.SCORECARDS
        self.snapshots_dir = root / layout.SNAPSHOTS
        self.actions_dir = root / layout.ACTIONS
        self.counters_dir = root / layout.COUNTERS
        self.cache_dir = root / layout.CACHE
        self.meta_path = root / layout.META_FILE
        self.lock_path = root / ".lock"
        self.read_only_reason: str | None = None
        """Why this data dir cannot be written (None when it can)."""
        self.notices: list[str] = []
        """Things repaired on the way (a counter behind the data), for the user to see."""
        self._trusted: dict[str, int] = {}
        self.lock_wait = LOCK_TIMEOUT_SECONDS
        """Seconds a write waits for the lock; the meeting app waits less (it cannot
        redraw while it waits), and says so, keeping what was typed."""
        self._lock = FileLock(str(self.lock_path))  # each acquire says how long it waits
        self._create_folders()
        try:
            with self.locked():
                self._remove_stray_temp_files()
                self._upgrade_schema()
        except LockTimeoutError:
            raise
        except StorageError as error:
            # Not writable: reading still works if the schema is one we can read as is.
            self._check_readable_schema()
            self.read_only_reason = str(error)

    # -- the lock --------------------------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the data dir's write lock (re-entrant within a process)."""
        if self.read_only_reason:
            raise StorageError(self.read_only_reason)
        try:
            self._lock.acquire(timeout=self.lock_wait)
        except Timeout:
            raise LockTimeoutError(
                f"another reviewtui process is writing to {self.root} (it has held "
                f"{self.lock_path.name} for over {self.lock_wait:g} s); nothing was changed: "
                "try again in a moment, or close that process if it is stuck"
            ) from None
        except OSError as error:
            raise StorageError(self._lock_problem(error)) from None
        try:
            yield
        finally:
            self._lock.release()

    def _lock_problem(self, error: OSError) -> str:
        if self.lock_path.is_dir():
            return (
                f"cannot write to {self.root}: its lock {self.lock_path} is a folder, not a "
                f"file. Nothing was changed; if it is empty, remove it (rmdir '{self.lock_path}')"
            )
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return (
                f"cannot write to {self.root}: {(error.strerror or 'not permitted').lower()}. "
                "Nothing was changed; "
                "reading still works. Check the folder's permissions, or choose a data dir "
                "you can write with --data-dir or REVIEWTUI_DATA_DIR"
            )
        return f"cannot lock {self.lock_path}: {error.strerror}. Nothing was changed"

    # -- counters --------------------------------------------------------------------

    def next_number(self, counter: str, highest: Highest, count: int = 1) -> int:
        """Allocate numbers of a counter (``item``, ``meeting``); call under the lock.

        Returns the last of ``count`` new numbers (the block is ``last - count + 1 .. last``).

        A counter is an append-only file that grows by one byte per number, so its size is
        the last number handed out, durable (one fsync) before anything uses it: a crash
        leaves a gap, never a duplicate. A counter file can still be reset behind our back
        (a restore from backup, a sync tool), so it is checked against the highest number
        actually stored the first time this process uses it, and again whenever it shrinks.
        """
        path = self.counters_dir / counter
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                size = os.fstat(fd).st_size
                trusted = self._trusted.get(counter)
                if trusted is None or size < trusted:
                    stored = highest()
                    if size < stored:
                        self.notices.append(
                            f"{path} said {size} but numbers up to {stored} are in use; "
                            f"repaired it so no number is handed out twice"
                        )
                        count += stored - size
                os.write(fd, b"\n" * count)
                os.fsync(fd)
                number = os.fstat(fd).st_size
            finally:
                os.close(fd)
        except OSError as error:
            reason = "the disk is full" if error.errno == errno.ENOSPC else error.strerror
            raise StorageError(f"could not save {path}: {reason}; nothing was changed") from None
        self._trusted[counter] = number
        return number

    # -- opening ---------------------------------------------------------------------

    def folders(self) -> tuple[Path, ...]:
        """Every folder of the layout."""
        return (
            self.root,
            self.meetings_dir,
            self.scorecards_dir,
            self.snapshots_dir,
            self.actions_dir,
            self.counters_dir,
            self.cache_dir,
        )

    def _create_folders(self) -> None:
        try:
            for folder in self.folders():
                folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            if not self.root.is_dir():
                raise StorageError(
                    f"cannot create the data directory {self.root}: {error.strerror}; "
                    "choose another with --data-dir or REVIEWTUI_DATA_DIR"
                ) from None
            # An existing data dir we cannot write: the lock will say so on the first write.

    def _remove_stray_temp_files(self) -> None:
        # Under the lock no write is in flight, so any temp file left is from a killed process.
        for folder in self.folders():
            for stray in folder.glob(f".*{TEMP_SUFFIX}"):
                with contextlib.suppress(OSError):
                    stray.unlink()

    def _schema_version(self) -> int | None:
        meta = read_json_document(self.meta_path)
        if meta is None:
            return None
        version = meta.get("schema_version")
        if not isinstance(version, int) or version < 1:
            raise StorageError(
                f"{self.meta_path} has no valid schema_version; it has not been changed. "
                "Restore it from a backup or move the data directory aside."
            )
        if version > layout.SCHEMA_VERSION:
            raise StorageError(
                f"{self.root} was written by a newer reviewtui (schema {version}, this one "
                f"knows {layout.SCHEMA_VERSION}); upgrade reviewtui: pip install -U reviewtui"
            )
        return version

    def _check_readable_schema(self) -> None:
        version = self._schema_version()
        if version is not None and version < layout.SCHEMA_VERSION:
            raise StorageError(
                f"{self.root} needs upgrading to schema {layout.SCHEMA_VERSION}, which means "
                "writing to it, and it cannot be written now. Make it writable and try again."
            )

    def _upgrade_schema(self) -> None:
        version = self._schema_version()
        if version is None:
            self._write_meta(layout.SCHEMA_VERSION)
            return
        while version < layout.SCHEMA_VERSION:
            migrate = MIGRATIONS.get(version)
            if migrate is None:
                raise StorageError(f"no migration from schema {version}; upgrade reviewtui")
            migrate(self.root)
            version += 1
            self._write_meta(version)

    def _write_meta(self, version: int) -> None:
        atomic_write_bytes(self.meta_path, dump_json({"schema_version": version}))
