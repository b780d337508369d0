"""What the app told the user: every notification, seen through the public ``notify``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import App


@dataclass(frozen=True)
class Note:
    """One notification as shown: title, message, severity."""

    title: str
    message: str
    severity: str


def record_notes(app: App[Any]) -> list[Note]:
    """Start recording the app's notifications (they are still shown as usual)."""
    notes: list[Note] = []
    shown = app.notify

    def notify(
        message: str, *, title: str = "", severity: Any = "information", **rest: Any
    ) -> None:
        notes.append(Note(title, str(message), str(severity)))
        shown(message, title=title, severity=severity, **rest)

    app.notify = notify  # type: ignore[method-assign]
    return notes
