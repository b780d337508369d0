"""Records checked against the domain's models: a record that does not fit is damage."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from reviewtui.domain.capture import CapturedItem
from reviewtui.domain.meeting import Meeting
from reviewtui.domain.scorecard import Scorecard
from reviewtui.store import layout
from reviewtui.store.files import corrupt

ModelT = TypeVar("ModelT", bound=BaseModel)


def validate_document(path: Path, document: layout.Document) -> None:
    """Every record of a document must fit its model, or the file is refused as damaged."""
    meeting = layout.record(document, layout.MEETING_TABLE)
    if meeting is not None:
        validated(Meeting, meeting, path)
    elif layout.meeting_number(path) is not None and document:
        raise corrupt(path, "it has no meeting record")
    scorecard = layout.record(document, layout.SCORECARD_TABLE)
    if scorecard is not None:
        validated(Scorecard, scorecard, path)
    for row in document.get(layout.ITEMS_TABLE, {}).values():
        validated(CapturedItem, row, path)


def validated(model: type[ModelT], row: Any, path: Path) -> ModelT:
    """``row`` as a ``model``; a row that does not fit is a damaged file (says which)."""
    try:
        return model.model_validate(row)
    except ValidationError as error:
        raise corrupt(
            path, f"a {model.__name__} record does not fit: {error.errors()[0]['msg']}"
        ) from None
