"""Repositories: read and write scorecards, meetings and captured items durably.

Each operation opens its TinyDB file, works and closes it again. A long-lived TinyDB
instance would cache query results and the next document id, and both go stale (or
collide) as soon as another process writes the same file.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, MutableMapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.table import Document, Table

from reviewtui.domain.capture import CapturedItem, ItemKind
from reviewtui.domain.clock import Clock, SystemClock
from reviewtui.domain.meeting import Meeting
from reviewtui.domain.scorecard import Scorecard
from reviewtui.errors import NotFoundError
from reviewtui.store.atomic import AtomicJSONStorage
from reviewtui.store.datadir import DataDir
from reviewtui.store.files import corrupt, read_json_document

LOOSE_ACTIONS = "loose"
"""File stem for actions added outside any meeting (``reviewtui action add``)."""


class Store:
    """The application's durable state in one data directory."""

    def __init__(self, root: Path, clock: Clock | None = None) -> None:
        self.data = DataDir(root)
        self.clock = clock or SystemClock()

    # -- scorecards ------------------------------------------------------------------

    def save_scorecard(self, scorecard: Scorecard) -> None:
        """Store (or replace) an imported scorecard under its id.

        Beside the full model it keeps a plain summary (people, each measure's current
        status) that ``reviewtui status`` reads without loading the model.
        """
        summary = {
            "saved_at": self.clock.now().isoformat(),
            "period": scorecard.review_period(),
            "people": [p.model_dump(mode="json") for p in scorecard.people],
            "measures": {
                m.id: {
                    "name": m.name,
                    "owner": m.owner,
                    "status": scorecard.status_of(m).model_dump(include={"key", "name", "symbol"}),
                }
                for _, _, m in scorecard.measures()
            },
        }
        with self.data.locked(), self._open(self._scorecard_path(scorecard.id)) as db:
            for name, document in (
                ("scorecard", scorecard.model_dump(mode="json")),
                ("summary", summary),
            ):
                table = db.table(name, cache_size=0)
                table.truncate()
                table.insert(document)

    def scorecards(self) -> list[Scorecard]:
        """Every stored scorecard."""
        return [
            self.scorecard(path.stem) for path in sorted(self.data.scorecards_dir.glob("*.json"))
        ]

    def scorecard(self, scorecard_id: str) -> Scorecard:
        """A stored scorecard; NotFoundError if there is none with that id."""
        path = self._scorecard_path(scorecard_id)
        document = read_json_document(path)
        rows = list((document or {}).get("scorecard", {}).values())
        if not rows:
            raise NotFoundError(f"no scorecard {scorecard_id!r} in {self.data.root}")
        return _validated(Scorecard, rows[0], path)

    # -- meetings --------------------------------------------------------------------

    def create_meeting(
        self, build: Callable[[str], Meeting], scorecard: Scorecard | None = None
    ) -> Meeting:
        """Allocate a meeting id, build the meeting with it and store it.

        ``scorecard`` is kept in the meeting's file as reviewed, so re-importing the
        scorecard later never changes what an earlier meeting showed.
        """
        with self.data.locked():
            meeting = build(f"M-{self.data.next_number('meeting')}")
            with self._open(self._meeting_path(meeting.id)) as db:
                if scorecard is not None:
                    db.table("scorecard", cache_size=0).insert(scorecard.model_dump(mode="json"))
                db.table("meeting", cache_size=0).insert(meeting.model_dump(mode="json"))
        return meeting

    def meeting_scorecard(self, meeting: Meeting) -> Scorecard:
        """The scorecard as this meeting reviewed it (the stored one if none was kept)."""
        path = self._meeting_path(meeting.id)
        rows = list((read_json_document(path) or {}).get("scorecard", {}).values())
        if rows:
            return _validated(Scorecard, rows[0], path)
        return self.scorecard(meeting.scorecard_id)

    def save_meeting(self, meeting: Meeting) -> None:
        """Replace a meeting's own record (its captured items are untouched)."""
        with self.data.locked(), self._open(self._meeting_path(meeting.id)) as db:
            table = db.table("meeting", cache_size=0)
            table.truncate()
            table.insert(meeting.model_dump(mode="json"))

    def meeting(self, meeting_id: str) -> Meeting:
        """A stored meeting; NotFoundError if unknown."""
        path = self._meeting_path(meeting_id)
        rows = list((read_json_document(path) or {}).get("meeting", {}).values())
        if not rows:
            raise NotFoundError(f"no meeting {meeting_id!r}; `reviewtui meeting list` shows them")
        return _validated(Meeting, rows[0], path)

    def meetings(self) -> list[Meeting]:
        """All meetings, oldest first."""
        found = [self.meeting(path.stem) for path in self.data.meetings_dir.glob("M-*.json")]
        return sorted(found, key=lambda m: int(m.id[2:]))

    def sent_emails(self, meeting_id: str) -> list[dict[str, Any]]:
        """The follow-up emails already sent for a meeting."""
        path = self._meeting_path(meeting_id)
        return list((read_json_document(path) or {}).get("sent", {}).values())

    def record_sent(self, meeting_id: str, entry: dict[str, Any]) -> None:
        """Durably note that one follow-up email went out."""
        with self.data.locked(), self._open(self._meeting_path(meeting_id)) as db:
            db.table("sent", cache_size=0).insert(entry)

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
            if meeting_id is not None and not path.exists():
                raise NotFoundError(f"no meeting {meeting_id!r}")
            item = CapturedItem(
                uid=uuid.uuid4().hex,
                number=self.data.next_number("item"),
                kind=kind,
                text=text,
                meeting_id=meeting_id,
                created_at=self.clock.now(),
                **fields,
            )
            with self._open(path) as db:
                db.table("items", cache_size=0).insert(item.model_dump(mode="json"))
        return item

    def add_loose_items(
        self, build: Callable[[list[int]], list[CapturedItem]], count: int
    ) -> list[CapturedItem]:
        """Store many loose actions in one write (bulk import): ``build`` gets their numbers."""
        if count <= 0:
            return []
        path = self._items_path(None)
        with self.data.locked():
            last = self.data.next_number("item", count)
            items = build(list(range(last - count + 1, last + 1)))
            with self._open(path) as db:
                db.table("items", cache_size=0).insert_multiple(
                    item.model_dump(mode="json") for item in items
                )
        return items

    def update_item(
        self, ref_number: int, change: Callable[[CapturedItem], CapturedItem]
    ) -> CapturedItem:
        """Apply ``change`` to the item with this number, re-read under the lock."""

        def apply(table: Table, doc: Document, item: CapturedItem) -> CapturedItem:
            updated = change(item)
            table.update(_replace_with(updated.model_dump(mode="json")), doc_ids=[doc.doc_id])
            return updated

        return self._with_item(ref_number, apply)

    def delete_item(self, ref_number: int) -> CapturedItem:
        """Remove an item (undo of a capture); returns what was removed."""

        def apply(table: Table, doc: Document, item: CapturedItem) -> CapturedItem:
            table.remove(doc_ids=[doc.doc_id])
            return item

        return self._with_item(ref_number, apply)

    def _with_item(
        self, ref_number: int, apply: Callable[[Table, Document, CapturedItem], CapturedItem]
    ) -> CapturedItem:
        """Find the item with this number under the lock and let ``apply`` change its file."""
        with self.data.locked():
            for path in self._item_files():
                with self._open(path) as db:
                    table = db.table("items", cache_size=0)
                    for doc in table.all():
                        if doc.get("number") == ref_number:
                            return apply(table, doc, _validated(CapturedItem, dict(doc), path))
        raise NotFoundError(
            f"no action or other captured item numbered {ref_number} (A-{ref_number})"
        )

    def items(self, meeting_id: str | None = None) -> list[CapturedItem]:
        """Items of one meeting (or the loose actions when ``meeting_id`` is None)."""
        return list(self._read_items(self._items_path(meeting_id)))

    def all_items(self) -> Iterator[CapturedItem]:
        """Every captured item in every meeting, plus loose actions."""
        for path in self._item_files():
            yield from self._read_items(path)

    # -- helpers ---------------------------------------------------------------------

    def _read_items(self, path: Path) -> Iterator[CapturedItem]:
        document = read_json_document(path) or {}
        for row in document.get("items", {}).values():
            yield _validated(CapturedItem, row, path)

    def _item_files(self) -> list[Path]:
        files = sorted(self.data.meetings_dir.glob("M-*.json"), key=lambda p: int(p.stem[2:]))
        loose = self._items_path(None)
        return [*files, loose] if loose.exists() else files

    def _open(self, path: Path) -> TinyDB:
        return TinyDB(path, storage=AtomicJSONStorage)

    def _scorecard_path(self, scorecard_id: str) -> Path:
        return self.data.scorecards_dir / f"{scorecard_id}.json"

    def _meeting_path(self, meeting_id: str) -> Path:
        if not meeting_id.startswith("M-") or not meeting_id[2:].isdigit():
            raise NotFoundError(f"{meeting_id!r} is not a meeting id; they look like M-12")
        return self.data.meetings_dir / f"{meeting_id}.json"

    def _items_path(self, meeting_id: str | None) -> Path:
        if meeting_id is None:
            return self.data.actions_dir / f"{LOOSE_ACTIONS}.json"
        return self._meeting_path(meeting_id)


def _replace_with(document: dict[str, Any]) -> Callable[[MutableMapping[Any, Any]], None]:
    def replace(doc: MutableMapping[Any, Any]) -> None:
        doc.clear()
        doc.update(document)

    return replace


ModelT = TypeVar("ModelT", Scorecard, Meeting, CapturedItem)


def _validated(model: type[ModelT], row: Any, path: Path) -> ModelT:
    try:
        return model.model_validate(row)
    except ValidationError as error:
        raise corrupt(
            path, f"a {model.__name__} record does not fit: {error.errors()[0]['msg']}"
        ) from None
