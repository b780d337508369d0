"""Scorecards for the app and the commands: read a file, import it, find one, list samples.

The app and the commands reach scorecards only through here (the layer contract in
pyproject.toml forbids them the importers and the store).
"""

from __future__ import annotations

from pathlib import Path

from reviewtui.domain.scorecard import Scorecard
from reviewtui.errors import NotFoundError
from reviewtui.importers import SUPPORTED_SUFFIXES
from reviewtui.importers import load_scorecard as _load
from reviewtui.paths import bundled_dir
from reviewtui.services.scorecard_facts import rebuild_index
from reviewtui.store.repository import Store

__all__ = ["SUPPORTED_SUFFIXES", "import_scorecard", "read_scorecard", "samples", "scorecard_from"]


def read_scorecard(path: Path, sheet: str | None = None) -> Scorecard:
    """Read and validate a scorecard file (CSV, XLSX, YAML, JSON); nothing is stored."""
    return _load(path, sheet)


def import_scorecard(store: Store, path: Path, sheet: str | None = None) -> Scorecard:
    """Read, validate and store a scorecard file (one write); returns the scorecard."""
    scorecard = read_scorecard(path, sheet)
    save_scorecard(store, scorecard)
    return scorecard


def save_scorecard(store: Store, scorecard: Scorecard) -> None:
    """Store a scorecard, then refresh what `status` reads (a cache: losing it is harmless)."""
    store.save_scorecard(scorecard)
    rebuild_index(store.data.root)


def scorecard_from(store: Store, source: str) -> Scorecard:
    """A scorecard file (imported on the way), else an imported scorecard's id."""
    path = Path(source)
    if path.is_file():
        return import_scorecard(store, path)
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
    return sorted(p for p in folder.glob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES)
