"""Evaluate every imported scorecard into the facts the fast commands cache.

Kept apart from :mod:`reviewtui.services.scorecard_index` because it imports the domain
models (pydantic), which the fast path only pays for when a scorecard has changed.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from pydantic import ValidationError

from reviewtui.domain.scorecard import Scorecard
from reviewtui.errors import StorageError
from reviewtui.services.scorecard_index import (
    MeasureFacts,
    PersonFacts,
    ScorecardIndex,
    save_index,
    stamp,
)
from reviewtui.store import layout
from reviewtui.store.files import read_json_document


def scorecard_facts(
    root: Path, fresh: Scorecard | None = None
) -> tuple[list[PersonFacts], dict[str, MeasureFacts]]:
    """People (first scorecard to name them wins) and measures (the newest file wins).

    ``fresh`` is a scorecard just stored: it is used as it is, not read back."""
    people: dict[str, PersonFacts] = {}
    measures: dict[str, MeasureFacts] = {}
    files = sorted((root / layout.SCORECARDS).glob("*.json"), key=_modified)
    fresh_path = layout.scorecard_file(root, fresh.id) if fresh else None
    for path in files:
        with contextlib.suppress(StorageError, ValidationError):
            card = fresh if path == fresh_path and fresh else _read_card(path)
            if card is None:
                continue
            for person in card.people:
                people.setdefault(
                    person.name.casefold(),
                    {"name": person.name, "email": person.email, "aliases": list(person.aliases)},
                )
            period = card.review_period()
            for _, _, measure in card.measures():
                level = card.status_of(measure, period)
                measures[measure.id] = {
                    "name": measure.name,
                    "scorecard_id": card.id,
                    "status": {"key": level.key, "name": level.name, "symbol": level.symbol},
                }
    return list(people.values()), measures


def _read_card(path: Path) -> Scorecard | None:
    row = layout.record(read_json_document(path), layout.SCORECARD_TABLE)
    return None if row is None else Scorecard.model_validate(row)


def _modified(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def rebuild_index(root: Path, fresh: Scorecard | None = None) -> ScorecardIndex:
    """Evaluate every scorecard and cache the result for the fast commands (``fresh``: a
    scorecard just stored, used as it is)."""
    current = stamp(root)
    people, measures = scorecard_facts(root, fresh)
    index: ScorecardIndex = {"stamp": current, "people": people, "measures": measures}
    save_index(root, index)
    return index
