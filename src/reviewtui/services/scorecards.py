"""Importing scorecards: read a file, validate it, store it, keep the fast index current."""

from __future__ import annotations

from pathlib import Path

from reviewtui.domain.scorecard import Scorecard
from reviewtui.importers import load_scorecard
from reviewtui.services.scorecard_index import rebuild_index
from reviewtui.store.repository import Store


def import_scorecard(store: Store, path: Path, sheet: str | None = None) -> Scorecard:
    """Read, validate and store a scorecard file (one write); returns the scorecard."""
    scorecard = load_scorecard(path, sheet)
    save_scorecard(store, scorecard)
    return scorecard


def save_scorecard(store: Store, scorecard: Scorecard) -> None:
    """Store a scorecard, then refresh what `status` reads (a cache: losing it is harmless)."""
    store.save_scorecard(scorecard)
    rebuild_index(store.data.root)
