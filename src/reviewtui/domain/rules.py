"""Small rules shared by the model-based code and the fast raw-JSON path (no pydantic here)."""

from __future__ import annotations


def counts_as_redating(field: object, old: object) -> bool:
    """Whether a history entry moved a due date (giving an undated action a date does not)."""
    return field == "due" and old is not None
