"""The Store: scorecards, meetings and captured items, each change one durable write.

Records are validated into the domain's pydantic models on the way in and out; the
format itself lives in :mod:`reviewtui.store.layout`, and the one-write rule in
:mod:`reviewtui.store.documents`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from tinydb.table import Document

from reviewtui.domain.capture import CapturedItem
from reviewtui.domain.clock import Clock, SystemClock
from reviewtui.domain.meeting import Meeting, MeetingHeader
from reviewtui.domain.revise import revised
from reviewtui.domain.scorecard import Scorecard
from reviewtui.errors import CorruptFileError, NotFoundError
from reviewtui.store import layout
from reviewtui.store.datadir import LOCK_TIMEOUT_SECONDS, DataDir
from reviewtui.store.documents import Documents, Signature, signature
from reviewtui.store.items import ItemRecords
from reviewtui.store.journal import JOURNAL_SUFFIX
from reviewtui.store.records import validate_document, validated
from reviewtui.store.snapshots import read_snapshot, write_snapshot

HeaderT = TypeVar("HeaderT", bound=MeetingHeader)


class Store(ItemRecords):
    """The application's durable state in one data directory."""

    def __init__(self, root: Path, clock: Clock | None = None) -> None:
        self.data = DataDir(root)
        self.clock = clock or SystemClock()
        self.documents = Documents(self.data, validate_document)
        self._stamped: dict[tuple[Path, str], Path] = {}
        """The document path of each file name :meth:`stamp` met (it polls twice a second)."""

    def wait_for_writers_at_most(self, seconds: float | None) -> None:
        """Give up on a write after ``seconds`` if another process holds the lock (with
        :class:`~reviewtui.errors.LockTimeoutError`); None: the commands' 15 s."""
        self.data.lock_wait = LOCK_TIMEOUT_SECONDS if seconds is None else seconds

    @contextlib.contextmanager
    def not_waiting_for_writers(self) -> Iterator[None]:
        """Writes inside give up at once if another process holds the lock: for saves that
        are simply tried again a moment later (drafts each second, the clock)."""
        waited, self.data.lock_wait = self.data.lock_wait, 0
        try:
            yield
        finally:
            self.data.lock_wait = waited

    @property
    def notices(self) -> list[str]:
        """Things repaired or skipped on the way (a counter behind the data, a damaged
        meeting), for the CLI and the app to show."""
        return self.data.notices

    # -- scorecards ------------------------------------------------------------------

    def save_scorecard(self, scorecard: Scorecard) -> None:
        """Store (or replace) an imported scorecard under its id: one write."""
        path = layout.scorecard_file(self.data.root, scorecard.id)
        with self.documents.transaction(path) as db:
            table = db.table(layout.SCORECARD_TABLE, cache_size=0)
            table.truncate()
            table.insert(
                Document(scorecard.model_dump(mode="json", exclude_defaults=True), doc_id=1)
            )

    def scorecards(self) -> list[Scorecard]:
        """Every stored scorecard."""
        return [
            self.scorecard(path.stem) for path in sorted(self.data.scorecards_dir.glob("*.json"))
        ]

    def scorecard(self, scorecard_id: str) -> Scorecard:
        """A stored scorecard; NotFoundError if there is none with that id."""
        path = layout.scorecard_file(self.data.root, scorecard_id)
        seen = signature(path)
        document = self.documents.read(path)
        row = layout.record(document, layout.SCORECARD_TABLE)
        if row is None:
            raise NotFoundError(f"no scorecard {scorecard_id!r} in {self.data.root}")
        scorecard = validated(Scorecard, row, path)
        if document is not None and set(document) == {layout.SCORECARD_TABLE}:
            self.documents.mark_clean(path, seen)
        return scorecard

    # -- meetings --------------------------------------------------------------------

    def create_meeting(
        self, build: Callable[[str], Meeting], scorecard: Scorecard | None = None
    ) -> Meeting:
        """Allocate a meeting id, build the meeting with it and store it (one write).

        ``scorecard`` is kept as reviewed (``snapshots/``), so re-importing the scorecard
        later never changes what this meeting showed.
        """
        with self.data.locked():
            number = self.data.next_number("meeting", self._highest_meeting_number)
            while layout.meeting_file(self.data.root, f"M-{number}").exists():
                number = self.data.next_number("meeting", self._highest_meeting_number)
            meeting = build(f"M-{number}")
            if scorecard is not None:
                name = write_snapshot(self.data.root, scorecard.model_dump(mode="json"))
                meeting = revised(meeting, snapshot=name)
            with self.documents.transaction(self._meeting_path(meeting.id)) as db:
                db.table(layout.MEETING_TABLE, cache_size=0).insert(
                    Document(meeting.model_dump(mode="json"), doc_id=1)
                )
        return meeting

    def meeting_scorecard(self, meeting: Meeting) -> Scorecard:
        """The scorecard as this meeting reviewed it (the stored one if none was kept)."""
        if meeting.snapshot:
            row = read_snapshot(self.data.root, meeting.snapshot)
            if row is not None:
                path = self.data.snapshots_dir / meeting.snapshot
                return validated(Scorecard, row, path)
        return self.scorecard(meeting.scorecard_id)

    def save_meeting(self, meeting: Meeting) -> None:
        """Replace a meeting's whole record (its captured items are untouched): one write."""
        self.change_meeting(meeting.id, meeting.model_dump(mode="json"))

    def change_meeting(
        self,
        meeting_id: str,
        fields: dict[str, Any],
        agenda: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        """Set some fields of a meeting and of its agenda items (by key): one small write."""
        path = self._existing_meeting_path(meeting_id)
        entries = [layout.set_meeting(fields)] if fields else []
        entries += [layout.set_agenda_item(key, values) for key, values in (agenda or {}).items()]
        if entries:
            self.documents.append(path, layout.batch(entries))

    def write_meeting(
        self,
        meeting_id: str,
        *,
        items: Sequence[CapturedItem] = (),
        deleted: Sequence[int] = (),
        fields: dict[str, Any] | None = None,
        agenda: dict[str, dict[str, Any]] | None = None,
        undo: tuple[int, dict[str, Any]] | None = None,
    ) -> None:
        """One write to a meeting's file: its items (new or changed), items removed, meeting
        fields, agenda items' fields and an undo-history entry, all or nothing."""
        path = self._existing_meeting_path(meeting_id)
        entries = [layout.set_item(item.model_dump(mode="json")) for item in items]
        entries += [layout.delete_item(number) for number in deleted]
        entries += [layout.set_meeting(fields)] if fields else []
        entries += [layout.set_agenda_item(k, v) for k, v in (agenda or {}).items()]
        entries += [layout.set_undo(*undo)] if undo is not None else []
        if entries:
            self.documents.append(path, layout.batch(entries))

    def undo_history(self, meeting_id: str) -> dict[int, dict[str, Any]]:
        """A meeting's undo-history entries, by sequence number."""
        document = self.documents.read(self._meeting_path(meeting_id)) or {}
        return {int(seq): row for seq, row in document.get(layout.UNDO_TABLE, {}).items()}

    def meeting(self, meeting_id: str) -> Meeting:
        """A stored meeting; NotFoundError if unknown."""
        path = self._meeting_path(meeting_id)
        row = layout.record(self.documents.read(path), layout.MEETING_TABLE)
        if row is None:
            raise NotFoundError(f"no meeting {meeting_id!r}; `reviewtui meeting list` shows them")
        return validated(Meeting, row, path)

    def meetings(self) -> list[Meeting]:
        """All readable meetings, oldest first; a damaged file is skipped with a notice."""
        return self._all_meetings(Meeting)

    def meeting_headers(self) -> list[MeetingHeader]:
        """Every readable meeting's header (no agenda read): to find and relate meetings."""
        return self._all_meetings(MeetingHeader)

    def _all_meetings(self, model: type[HeaderT]) -> list[HeaderT]:
        found = []
        for path in layout.meeting_files(self.data.root):
            try:
                row = layout.record(self.documents.read(path), layout.MEETING_TABLE)
                if row is None:
                    raise NotFoundError(f"no meeting record in {path.name}")
                found.append(validated(model, row, path))
            except (CorruptFileError, NotFoundError) as error:
                self._notice(f"skipped {path.name}: {error}")
        return found

    def compact(self, meeting_id: str) -> None:
        """Fold a meeting's journal into its file (when a meeting opens or is finalized)."""
        self.documents.compact(self._meeting_path(meeting_id))

    def sent_emails(self, meeting_id: str) -> list[dict[str, Any]]:
        """The follow-up emails already sent for a meeting."""
        document = self.documents.read(self._meeting_path(meeting_id))
        return list((document or {}).get(layout.SENT_TABLE, {}).values())

    def record_sent(self, meeting_id: str, entry: dict[str, Any]) -> None:
        """Durably note that one follow-up email went out (the moment the server took it)."""
        path = self._existing_meeting_path(meeting_id)
        self.documents.append(path, layout.add_sent(entry))

    def sent_reminders(self) -> list[dict[str, Any]]:
        """The reminder digests already sent (``reviewtui remind``)."""
        document = self.documents.read(layout.reminders_file(self.data.root))
        return list((document or {}).get(layout.SENT_TABLE, {}).values())

    def record_reminder(self, entry: dict[str, Any]) -> None:
        """Durably note that one reminder digest went out (the moment the server took it)."""
        self.documents.append(layout.reminders_file(self.data.root), layout.add_sent(entry))

    def stamp(self) -> dict[Path, Signature]:
        """Each meeting and action file's signature: one folder scan, cheap enough to poll.

        Compare with :meth:`Documents.known` to tell another process's writes from ours.
        """
        found: dict[Path, list[tuple[int, int, int]]] = {}
        paths = self._stamped
        for folder in (self.data.meetings_dir, self.data.actions_dir):
            with os.scandir(folder) as entries:
                for entry in entries:
                    name = entry.name
                    if name.startswith(".") or not name.endswith((".json", JOURNAL_SUFFIX)):
                        continue
                    info = entry.stat()
                    # Made once per name: building paths was two thirds of a poll's CPU
                    # (200 files with 10,000 past actions).
                    document = paths.get((folder, name))
                    if document is None:
                        document = paths[folder, name] = Path(folder, name).with_suffix(".json")
                    pair = found.setdefault(document, [(0, 0, 0), (0, 0, 0)])
                    pair[name.endswith(JOURNAL_SUFFIX)] = (
                        info.st_ino,
                        info.st_size,
                        info.st_mtime_ns,
                    )
        return {path: (pair[0], pair[1]) for path, pair in found.items()}

    # -- helpers ---------------------------------------------------------------------

    def _highest_meeting_number(self) -> int:
        files = layout.meeting_files(self.data.root)
        return max((layout.meeting_number(p) or 0 for p in files), default=0)
