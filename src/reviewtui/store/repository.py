"""The Store: scorecards, meetings and captured items, each change one durable write.

Records are validated into the domain's pydantic models on the way in and out; the
format itself lives in :mod:`reviewtui.store.layout`, and the one-write rule in
:mod:`reviewtui.store.documents`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from types import EllipsisType
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from tinydb.table import Document

from reviewtui.domain.capture import CapturedItem, ItemKind
from reviewtui.domain.clock import Clock, SystemClock
from reviewtui.domain.meeting import Meeting
from reviewtui.domain.revise import revised
from reviewtui.domain.scorecard import Scorecard
from reviewtui.errors import CorruptFileError, NotFoundError
from reviewtui.store import layout
from reviewtui.store.datadir import DataDir
from reviewtui.store.documents import Documents, Signature
from reviewtui.store.files import corrupt
from reviewtui.store.journal import JOURNAL_SUFFIX, journal_of
from reviewtui.store.snapshots import read_snapshot, write_snapshot

ModelT = TypeVar("ModelT", bound=BaseModel)


class Store:
    """The application's durable state in one data directory."""

    def __init__(self, root: Path, clock: Clock | None = None) -> None:
        self.data = DataDir(root)
        self.clock = clock or SystemClock()
        self.documents = Documents(self.data, _validate_document)

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
            table.insert(Document(scorecard.model_dump(mode="json"), doc_id=1))

    def scorecards(self) -> list[Scorecard]:
        """Every stored scorecard."""
        return [
            self.scorecard(path.stem) for path in sorted(self.data.scorecards_dir.glob("*.json"))
        ]

    def scorecard(self, scorecard_id: str) -> Scorecard:
        """A stored scorecard; NotFoundError if there is none with that id."""
        path = layout.scorecard_file(self.data.root, scorecard_id)
        row = layout.record(self.documents.read(path), layout.SCORECARD_TABLE)
        if row is None:
            raise NotFoundError(f"no scorecard {scorecard_id!r} in {self.data.root}")
        return _validated(Scorecard, row, path)

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
                return _validated(Scorecard, row, path)
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

    def meeting(self, meeting_id: str) -> Meeting:
        """A stored meeting; NotFoundError if unknown."""
        path = self._meeting_path(meeting_id)
        row = layout.record(self.documents.read(path), layout.MEETING_TABLE)
        if row is None:
            raise NotFoundError(f"no meeting {meeting_id!r}; `reviewtui meeting list` shows them")
        return _validated(Meeting, row, path)

    def meetings(self) -> list[Meeting]:
        """All readable meetings, oldest first; a damaged file is skipped with a notice."""
        found = []
        for path in layout.meeting_files(self.data.root):
            try:
                found.append(self.meeting(path.stem))
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

    # -- captured items --------------------------------------------------------------

    def capture(
        self,
        kind: ItemKind,
        text: str,
        meeting_id: str | None = None,
        **fields: Any,
    ) -> CapturedItem:
        """Durably store a new captured item and return it (fsynced before returning)."""
        path = self._items_path(meeting_id)
        with self.data.locked():
            if meeting_id is not None:
                self._existing_meeting_path(meeting_id)
            item = CapturedItem(
                uid=uuid.uuid4().hex,
                number=self.data.next_number("item", self.max_item_number),
                kind=kind,
                text=text,
                meeting_id=meeting_id,
                created_at=self.clock.now(),
                **fields,
            )
            self.documents.append(path, layout.set_item(item.model_dump(mode="json")))
        return item

    def add_loose_items(
        self, build: Callable[[list[int]], list[CapturedItem]], count: int
    ) -> list[CapturedItem]:
        """Store many loose actions in one write (bulk import): ``build`` gets their numbers."""
        if count <= 0:
            return []
        path = self._items_path(None)
        with self.data.locked():
            last = self.data.next_number("item", self.max_item_number, count)
            items = build(list(range(last - count + 1, last + 1)))
            with self.documents.transaction(path) as db:
                table = db.table(layout.ITEMS_TABLE, cache_size=0)
                table.insert_multiple(
                    Document(item.model_dump(mode="json"), doc_id=item.number) for item in items
                )
        return items

    def update_item(
        self,
        number: int,
        change: Callable[[CapturedItem], CapturedItem],
        meeting_id: str | None | EllipsisType = ...,
    ) -> CapturedItem:
        """Apply ``change`` to the item with this number, re-read under the lock: one write.

        ``meeting_id`` says which file holds it (``None``: the loose actions) when the
        caller knows; otherwise every file is searched.
        """
        with self.data.locked():
            path, item = self._find_item(number, meeting_id)
            updated = change(item)
            self.documents.append(path, layout.set_item(updated.model_dump(mode="json")))
        return updated

    def delete_item(self, number: int, meeting_id: str | None | EllipsisType = ...) -> CapturedItem:
        """Remove an item (undo of a capture); returns what was removed."""
        with self.data.locked():
            path, item = self._find_item(number, meeting_id)
            self.documents.append(path, layout.delete_item(number))
        return item

    def items(self, meeting_id: str | None = None) -> list[CapturedItem]:
        """Items of one meeting (or the loose actions when ``meeting_id`` is None)."""
        path = self._items_path(meeting_id)
        return [
            _validated(CapturedItem, row, path)
            for row in layout.item_records(self.documents.read(path))
        ]

    def all_items(self) -> Iterator[CapturedItem]:
        """Every readable captured item in every meeting, plus loose actions."""
        for path in layout.item_files(self.data.root):
            try:
                rows = list(layout.item_records(self.documents.read(path)))
                items = [_validated(CapturedItem, row, path) for row in rows]
            except CorruptFileError as error:
                self._notice(f"skipped {path.name}: {error}")
                continue
            yield from items

    def max_item_number(self) -> int:
        """The highest item number stored anywhere (damaged files count what they hold)."""
        highest = 0
        for path in layout.item_files(self.data.root):
            try:
                rows = (self.documents.read(path) or {}).get(layout.ITEMS_TABLE, {})
            except CorruptFileError:
                continue
            numbers = [r.get("number") for r in rows.values() if isinstance(r, dict)]
            highest = max([highest, *(n for n in numbers if isinstance(n, int))])
        return highest

    def stamp(self) -> dict[Path, Signature]:
        """Each meeting and action file's signature: one folder scan, cheap enough to poll.

        Compare with :meth:`Documents.known` to tell another process's writes from ours.
        """
        found: dict[Path, list[tuple[int, int, int]]] = {}
        for folder in (self.data.meetings_dir, self.data.actions_dir):
            with os.scandir(folder) as entries:
                for entry in entries:
                    name = entry.name
                    if name.startswith(".") or not name.endswith((".json", JOURNAL_SUFFIX)):
                        continue
                    info = entry.stat()
                    document = Path(folder, name).with_suffix(".json")
                    pair = found.setdefault(document, [(0, 0, 0), (0, 0, 0)])
                    pair[name.endswith(JOURNAL_SUFFIX)] = (
                        info.st_ino,
                        info.st_size,
                        info.st_mtime_ns,
                    )
        return {path: (pair[0], pair[1]) for path, pair in found.items()}

    # -- helpers ---------------------------------------------------------------------

    def _find_item(
        self, number: int, meeting_id: str | None | EllipsisType
    ) -> tuple[Path, CapturedItem]:
        if meeting_id is ...:
            paths = layout.item_files(self.data.root)
        else:
            paths = [self._items_path(meeting_id)]
        for path in paths:
            row = (self.documents.read(path) or {}).get(layout.ITEMS_TABLE, {}).get(str(number))
            if row is not None:
                return path, _validated(CapturedItem, row, path)
        raise NotFoundError(f"no action or other captured item numbered {number} (A-{number})")

    def _highest_meeting_number(self) -> int:
        files = layout.meeting_files(self.data.root)
        return max((layout.meeting_number(p) or 0 for p in files), default=0)

    def _notice(self, text: str) -> None:
        if text not in self.data.notices:
            self.data.notices.append(text)

    def _meeting_path(self, meeting_id: str) -> Path:
        if not layout.MEETING_ID.match(meeting_id):
            raise NotFoundError(f"{meeting_id!r} is not a meeting id; they look like M-12")
        return layout.meeting_file(self.data.root, meeting_id)

    def _existing_meeting_path(self, meeting_id: str) -> Path:
        # Cheap on purpose (a capture calls it): whether the file holds its meeting record is
        # checked when the file is verified before the write.
        path = self._meeting_path(meeting_id)
        if not path.exists() and not journal_of(path).exists():
            raise NotFoundError(f"no meeting {meeting_id!r}; `reviewtui meeting list` shows them")
        return path

    def _items_path(self, meeting_id: str | None) -> Path:
        if meeting_id is None:
            return layout.loose_file(self.data.root)
        return self._meeting_path(meeting_id)


def _validate_document(path: Path, document: layout.Document) -> None:
    """Every record of a document must fit its model, or the file is refused as damaged."""
    meeting = layout.record(document, layout.MEETING_TABLE)
    if meeting is not None:
        _validated(Meeting, meeting, path)
    elif layout.meeting_number(path) is not None and document:
        raise corrupt(path, "it has no meeting record")
    scorecard = layout.record(document, layout.SCORECARD_TABLE)
    if scorecard is not None:
        _validated(Scorecard, scorecard, path)
    for row in document.get(layout.ITEMS_TABLE, {}).values():
        _validated(CapturedItem, row, path)


def _validated(model: type[ModelT], row: Any, path: Path) -> ModelT:
    try:
        return model.model_validate(row)
    except ValidationError as error:
        raise corrupt(
            path, f"a {model.__name__} record does not fit: {error.errors()[0]['msg']}"
        ) from None
