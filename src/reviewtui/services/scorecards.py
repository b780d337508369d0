"""Scorecards for the app and the commands: read a file, import it, find one, list samples.

The app and the commands reach scorecards only through here (the layer contract in
pyproject.toml forbids them the importers and the store).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reviewtui.domain.revise import revised
from reviewtui.domain.scorecard import ID_PATTERN, Scorecard
from reviewtui.errors import InvalidInputError, NotFoundError, Problem
from reviewtui.importers import SUPPORTED_SUFFIXES, Progress
from reviewtui.importers import load_scorecard as _load
from reviewtui.importers.schemes import COMPANION_SUFFIX
from reviewtui.paths import bundled_dir
from reviewtui.services.scorecard_facts import rebuild_index
from reviewtui.store.repository import Store

__all__ = ["SUPPORTED_SUFFIXES", "import_scorecard", "read_scorecard", "samples", "scorecard_from"]


def read_scorecard(
    path: Path, sheet: str | None = None, progress: Progress | None = None
) -> Scorecard:
    """Read and validate a scorecard file (CSV, XLSX, YAML, JSON); nothing is stored.

    ``progress`` hears (rows read, rows in all) while a large table is read."""
    return _load(path, sheet, progress)


@dataclass(frozen=True)
class Imported:
    """A scorecard as stored, and how many earlier periods it kept from the last import."""

    scorecard: Scorecard
    kept_periods: int = 0


def import_scorecard(
    store: Store,
    path: Path,
    sheet: str | None = None,
    as_id: str | None = None,
    progress: Progress | None = None,
) -> Imported:
    """Read, validate and store a scorecard file (one write), under ``as_id`` if given.

    Re-importing keeps each measure's earlier periods, so next month's file (which may
    hold just the new month) does not cut the measures' history short.
    """
    scorecard = read_scorecard(path, sheet, progress)
    if as_id is not None:
        if not re.fullmatch(ID_PATTERN, as_id):
            raise InvalidInputError(
                [Problem("", "", "as", f"expected letters, digits, '-', '_' or '.'; got {as_id!r}")]
            )
        scorecard = revised(scorecard, id=as_id)
    kept = 0
    try:
        stored = store.scorecard(scorecard.id)
    except NotFoundError:
        stored = None
    if stored is not None:
        scorecard, kept = scorecard.with_history_from(stored)
    save_scorecard(store, scorecard)
    return Imported(scorecard, kept)


def save_scorecard(store: Store, scorecard: Scorecard) -> None:
    """Store a scorecard, then refresh what `status` reads (a cache: losing it is harmless)."""
    store.save_scorecard(scorecard)
    rebuild_index(store.data.root, scorecard)


def scorecard_from(store: Store, source: str) -> Scorecard:
    """A scorecard file (imported on the way), else an imported scorecard's id."""
    path = Path(source)
    if path.is_file():
        return import_scorecard(store, path).scorecard
    try:
        return store.scorecard(source)
    except NotFoundError:
        known = ", ".join(card.id for card in store.scorecards()) or "none imported yet"
        raise NotFoundError(
            f"{source!r} is neither a scorecard file nor an imported scorecard id ({known})"
        ) from None


def samples() -> list[Path]:
    """The sample scorecards shipped with reviewtui, by name."""
    folder = bundled_dir("sample_scorecards")
    return sorted(
        p
        for p in folder.glob("*")
        if p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.endswith(COMPANION_SUFFIX)
    )
