"""The typed error hierarchy: every error a user can meet says what, where and what to do.

The CLI turns any :class:`ReviewError` into one readable message and exit code 1; the TUI
turns it into a notification. Nothing outside this hierarchy should reach a user.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class ReviewError(Exception):
    """Base of every error reviewtui reports to a user instead of a traceback."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is, which field, and what was expected."""

    source: str
    """The file (or other input) the problem is in."""
    location: str
    """Where in the source: ``row 7``, ``line 12``, or a path like ``measures[3]``."""
    field: str
    """The column or field name, or ``""`` when the problem is about the whole row."""
    message: str
    """What was wrong and what was expected instead."""

    def position(self) -> tuple[str, int]:
        """Sort key for reading problems in file order: the source, then the row or line
        number (problems with no number last)."""
        words = self.location.split()
        number = int(words[1]) if len(words) > 1 and words[1].isdigit() else 1 << 62
        return self.source, number

    def __str__(self) -> str:
        where = ", ".join(part for part in (self.source, self.location) if part)
        prefix = f"{where}: " if where else ""
        field = f"{self.field}: " if self.field else ""
        return f"{prefix}{field}{self.message}"


class InvalidInputError(ReviewError):
    """An input (scorecard file, typed date, quick entry...) has one or more problems."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.position)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class StorageError(ReviewError):
    """The data directory cannot be read or written safely."""


class CorruptFileError(StorageError):
    """A database file is unreadable; it is left untouched and the message says how to recover."""


class LockTimeoutError(StorageError):
    """Another reviewtui process held the data directory's lock for too long."""


class NotFoundError(ReviewError):
    """A meeting, action or measure named by the user does not exist."""
