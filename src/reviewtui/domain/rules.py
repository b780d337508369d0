"""Small rules shared by the model-based code and the fast raw-JSON path (no pydantic here).

Each is defined once: the short ids, the follow-up CSV's columns, what counts as a
re-dating, and how close a typed name must be to suggest a known one.
"""

from __future__ import annotations

from collections.abc import Iterable

ITEM_PREFIX = {"action": "A", "decision": "D", "issue": "I", "note": "N"}
"""The letter before an item's number: ``A-142`` is an action."""

FOLLOWUP_COLUMNS = (
    "id", "owner", "owner_email", "action", "measure_id", "measure", "due", "meeting_id",
    "status",
)  # fmt: skip
"""The columns of ``followups.csv``, which ``reviewtui action import`` reads back."""

CLOSE_ENOUGH = 0.7
"""How alike (difflib ratio) a typed name must be to a known one to suggest it."""


def counts_as_redating(field: object, old: object) -> bool:
    """Whether a history entry moved a due date (giving an undated action a date does not)."""
    return field == "due" and old is not None


def closest(typed: str, known: Iterable[str]) -> str | None:
    """The known name most like ``typed`` (ignoring case), if one is close enough."""
    import difflib  # only on a typo: the shell's fast commands (status) skip its import

    by_folded = {name.casefold(): name for name in known}
    found = difflib.get_close_matches(typed.casefold(), list(by_folded), n=1, cutoff=CLOSE_ENOUGH)
    return by_folded[found[0]] if found else None
