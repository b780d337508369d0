"""``reviewtui export``: write the chosen files for a meeting into a folder."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reviewtui.errors import ReviewError
from reviewtui.exporters import documents, mail
from reviewtui.exporters.record import MeetingRecord, build_record
from reviewtui.store.files import atomic_write_bytes
from reviewtui.store.repository import Store

FORMATS = ("md", "html", "csv", "ics", "eml", "json")


@dataclass
class ExportResult:
    """The files written, and owners whose email address is unknown."""

    folder: Path
    files: list[Path] = field(default_factory=list)
    without_address: list[str] = field(default_factory=list)


def default_folder(meeting_id: str) -> Path:
    """``./reviewtui-M-2``: beside the champion, not hidden in the data dir."""
    return Path.cwd() / f"reviewtui-{meeting_id}"


def export_meeting(
    store: Store, meeting_id: str, folder: Path, formats: Iterable[str] = FORMATS
) -> ExportResult:
    """Write each chosen format for a meeting (every file atomically replaced)."""
    chosen = list(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise ReviewError(
            f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}"
        )
    record = build_record(store, meeting_id)
    result = ExportResult(folder)
    sender = mail.sender_address()
    writers = {
        "md": lambda: [("minutes.md", documents.minutes_markdown(record))],
        "html": lambda: [("minutes.html", documents.minutes_html(record))],
        "csv": lambda: [("followups.csv", documents.followups_csv(record))],
        "ics": lambda: [("actions.ics", documents.actions_ics(record, sender))],
        "json": lambda: [("meeting.json", documents.meeting_json(record))],
        "eml": lambda: _emails(record, sender, result),
    }
    try:
        for name in chosen:
            for relative, payload in writers[name]():
                path = folder / relative
                path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(path, payload)
                result.files.append(path)
    except OSError as error:
        raise ReviewError(f"cannot write to {folder}: {error.strerror}") from None
    return result


def _emails(record: MeetingRecord, sender: str, result: ExportResult) -> list[tuple[str, bytes]]:
    files = []
    for owner, actions in mail.actions_by_owner(record).items():
        message = mail.owner_message(record, owner, actions, sender)
        if "To" not in message:
            result.without_address.append(owner)
        files.append((f"email/{mail.message_file_name(owner)}", bytes(message)))
    return files
