"""``reviewtui export``: write the chosen files for a meeting into a folder, all or nothing.

Every file is rendered in memory first, so a broken template or a bad value stops the
export before anything is written. The files are then written into a staging folder
beside the destination (each fsynced) and moved into place: a new destination is one
rename of the whole folder, so it appears complete or not at all; into an existing
folder, each file is replaced atomically and a failure says exactly which were replaced.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reviewtui.errors import ReviewError
from reviewtui.exporters import documents, mail
from reviewtui.exporters.formats import FORMATS
from reviewtui.exporters.record import MeetingRecord, build_record
from reviewtui.store.files import SHARED, atomic_write_bytes, fsync_directory
from reviewtui.store.repository import Store

STAGING = ".partial"
"""Suffix of a staging folder; one left by a killed export is removed by the next."""


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
    store: Store,
    meeting_id: str,
    folder: Path,
    formats: Iterable[str] = FORMATS,
    ics_events: bool = False,
) -> ExportResult:
    """Write each chosen format for a meeting: every file, or (on failure) none.

    ``ics_events`` adds an all-day event on each due date to actions.ics (to-dos alone
    are not shown by most calendars)."""
    chosen = list(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise ReviewError(
            f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}"
        )
    record = build_record(store, meeting_id)
    result = ExportResult(folder)
    files = render(record, chosen, result, ics_events)
    _write_all(folder, files, result)
    return result


def render(
    record: MeetingRecord, formats: list[str], result: ExportResult, ics_events: bool = False
) -> dict[str, bytes]:
    """Every file of the export, in memory: relative path -> content."""
    sender = mail.sender_address()
    files: dict[str, bytes] = {}
    for name in formats:
        if name == "md":
            files["minutes.md"] = documents.minutes_markdown(record)
        elif name == "html":
            files["minutes.html"] = documents.minutes_html(record)
        elif name == "csv":
            files["followups.csv"] = documents.followups_csv(record)
        elif name == "ics":
            files["actions.ics"] = documents.actions_ics(record, sender, ics_events)
        elif name == "json":
            files["meeting.json"] = documents.meeting_json(record)
        else:
            files.update(_emails(record, sender, result))
    return files


def _emails(record: MeetingRecord, sender: str, result: ExportResult) -> dict[str, bytes]:
    by_owner = mail.actions_by_owner(record)
    names = mail.message_file_names(list(by_owner))
    files = {}
    for owner, actions in by_owner.items():
        message = mail.owner_message(record, owner, actions, sender)
        if "To" not in message:
            result.without_address.append(owner)
        files[f"email/{names[owner]}"] = bytes(message)
    return files


def _write_all(folder: Path, files: dict[str, bytes], result: ExportResult) -> None:
    parent = folder.parent
    staging = parent / f".{folder.name}.{uuid.uuid4().hex[:8]}{STAGING}"
    try:
        parent.mkdir(parents=True, exist_ok=True)
        for stray in parent.glob(f".{folder.name}.*{STAGING}"):
            shutil.rmtree(stray, ignore_errors=True)
        for relative, payload in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, payload, mode=SHARED)
    except (OSError, ReviewError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise ReviewError(f"nothing was exported to {folder}: {_reason(error)}") from None
    if not folder.exists():
        try:
            os.replace(staging, folder)
        except OSError as error:
            shutil.rmtree(staging, ignore_errors=True)
            raise ReviewError(f"nothing was exported to {folder}: {_reason(error)}") from None
        fsync_directory(parent)
        result.files = [folder / relative for relative in files]
        return
    _replace_into(folder, staging, files, result)


def _replace_into(
    folder: Path, staging: Path, files: dict[str, bytes], result: ExportResult
) -> None:
    """Move staged files into an existing folder, one atomic replace each."""
    try:
        for relative in files:
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / relative, target)
            fsync_directory(target.parent)
            result.files.append(target)
    except OSError as error:
        done = ", ".join(path.name for path in result.files) or "none"
        raise ReviewError(
            f"export to {folder} stopped: {_reason(error)}. Replaced: {done}; the other "
            "files keep their previous version. Run the export again."
        ) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _reason(error: Exception) -> str:
    if isinstance(error, OSError):
        return f"{error.strerror or error}" + (f" ({error.filename})" if error.filename else "")
    return str(error)
