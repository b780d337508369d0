"""Captured items in the store: new, changed, removed, read, each change one write.

A mixin of :class:`~reviewtui.store.repository.Store`, kept apart so each module reads on
its own; it owns the paths of the files that hold items.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import EllipsisType
from typing import Any

from tinydb.table import Document

from reviewtui.domain.capture import CapturedItem, ItemKind
from reviewtui.domain.clock import Clock
from reviewtui.domain.meeting import MeetingHeader
from reviewtui.errors import CorruptFileError, NotFoundError
from reviewtui.store import layout
from reviewtui.store.datadir import DataDir
from reviewtui.store.documents import Documents
from reviewtui.store.journal import journal_of
from reviewtui.store.records import validated
from reviewtui.store.records_cache import cached_records

RowFilter = Callable[[dict[str, Any]], bool]
"""Whether a raw item record is wanted (read before validating it)."""


class ItemRecords:
    """Reading and writing captured items (the Store's item half)."""

    data: DataDir
    documents: Documents
    clock: Clock

    def write_items(
        self,
        meeting_id: str | None,
        items: Sequence[CapturedItem] = (),
        deleted: Sequence[int] = (),
    ) -> None:
        """One write of items to the file that keeps them (a meeting's, or the loose ones)."""
        path = self._items_path(meeting_id)
        entries = [layout.set_item(item.model_dump(mode="json")) for item in items]
        entries += [layout.delete_item(number) for number in deleted]
        if entries:
            self.documents.append(path, layout.batch(entries))

    def item(self, number: int, meeting_id: str | None | EllipsisType = ...) -> CapturedItem | None:
        """The item with this number as it is on disk now (None if there is none)."""
        try:
            return self._find_item(number, meeting_id)[1]
        except NotFoundError:
            return None

    def new_item(
        self, kind: ItemKind, text: str, meeting_id: str | None, **fields: Any
    ) -> CapturedItem:
        """A new item with its number allocated (durably), not yet stored: the caller
        writes it, with whatever else belongs to the same change, in one write."""
        with self.data.locked():
            return self._numbered_item(kind, text, meeting_id, **fields)

    def _numbered_item(
        self, kind: ItemKind, text: str, meeting_id: str | None, **fields: Any
    ) -> CapturedItem:
        """A new item with the next number (the caller holds the lock)."""
        return CapturedItem(
            uid=uuid.uuid4().hex,
            number=self.data.next_number("item", self.max_item_number),
            kind=kind,
            text=text,
            meeting_id=meeting_id,
            created_at=self.clock.now(),
            **fields,
        )

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
            item = self._numbered_item(kind, text, meeting_id, **fields)
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
            validated(CapturedItem, row, path)
            for row in layout.item_records(self.documents.read(path))
        ]

    def all_items(self) -> Iterator[CapturedItem]:
        """Every readable captured item in every meeting, plus loose actions."""
        for path in layout.item_files(self.data.root):
            document = self._read_or_skip(path)
            if document is not None:
                yield from self._items_of(path, document)

    def everything(
        self, keep: Callable[[list[MeetingHeader]], RowFilter] | None = None
    ) -> tuple[list[MeetingHeader], list[CapturedItem]]:
        """Every meeting's header and every item, from ``cache/records.cache`` where a file
        is unchanged (what a meeting needs to know what it reviews). ``keep``, given the
        headers, says which raw item records to validate: the others are left out."""
        files = cached_records(
            self.data.root,
            self.documents.read,
            lambda path, error: self._notice(f"skipped {path.name}: {error}"),
        )
        headers: list[MeetingHeader] = []
        usable = []
        for records in files:
            if records.header is not None:
                try:
                    headers.append(self._validated_header(records.path, records.header))
                except CorruptFileError as error:
                    self._notice(f"skipped {records.path.name}: {error}")
                    continue
            usable.append(records)
        wanted = keep(headers) if keep is not None else None
        items: list[CapturedItem] = []
        for records in usable:
            rows = records.items if wanted is None else [r for r in records.items if wanted(r)]
            items += self._validated_items(records.path, rows)
        return headers, items

    def _read_or_skip(self, path: Path) -> layout.Document | None:
        """A file's document; None (with a notice) when it is damaged or gone."""
        try:
            return self.documents.read(path) or {}
        except CorruptFileError as error:
            self._notice(f"skipped {path.name}: {error}")
            return None

    def _header(self, path: Path, document: layout.Document) -> MeetingHeader:
        return self._validated_header(path, layout.record(document, layout.MEETING_TABLE))

    def _validated_header(self, path: Path, row: dict[str, Any] | None) -> MeetingHeader:
        if not row:
            raise CorruptFileError(f"{path}: it has no meeting record")
        return validated(MeetingHeader, row, path)

    def _items_of(self, path: Path, document: layout.Document) -> list[CapturedItem]:
        """A file's items; a damaged one is skipped with a notice."""
        return self._validated_items(path, layout.item_records(document))

    def _validated_items(self, path: Path, rows: Iterable[Any]) -> list[CapturedItem]:
        try:
            return [validated(CapturedItem, row, path) for row in rows]
        except CorruptFileError as error:
            self._notice(f"skipped {path.name}: {error}")
            return []

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
                return path, validated(CapturedItem, row, path)
        raise NotFoundError(f"no action or other captured item numbered {number} (A-{number})")

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
