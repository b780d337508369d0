"""Calendar items every calendar shows: with --ics-events, an all-day VEVENT on each due
date (with a reminder the day before) beside the VTODOs; each owner's email carries their
own calendar file. Read back with icalendar and the stdlib email parser."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from pathlib import Path

from click.testing import CliRunner
from icalendar import Calendar

from reviewtui.cli import cli
from reviewtui.store.repository import Store


def exported(store: Store, meeting_id: str, folder: Path, *extra: str) -> Path:
    result = CliRunner().invoke(
        cli,
        ["--data-dir", str(store.data.root), "export", meeting_id, "--out", str(folder), *extra],
    )
    assert result.exit_code == 0, result.output
    return folder


def test_ics_events_put_each_due_date_in_the_calendar(
    store: Store, finished: str, tmp_path: Path
) -> None:
    plain = Calendar.from_ical(
        (exported(store, finished, tmp_path / "a") / "actions.ics").read_bytes()
    )
    assert plain.walk("VEVENT") == [] and plain.walk("VTODO")
    folder = exported(store, finished, tmp_path / "b", "--ics-events")
    calendar = Calendar.from_ical((folder / "actions.ics").read_bytes())
    todos, events = calendar.walk("VTODO"), calendar.walk("VEVENT")
    due = {str(t["summary"]).split()[0]: t.decoded("due") for t in todos if t.get("due")}
    assert events and len(events) == len(due)
    for event in events:
        ref = str(event["summary"]).removeprefix("Due: ").split()[0]
        start = event.decoded("dtstart")
        assert isinstance(start, dt.date) and not isinstance(start, dt.datetime)  # all day
        assert start == due[ref] and event.decoded("dtend") == start + dt.timedelta(days=1)
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("trigger") == dt.timedelta(hours=-15)
    again = Calendar.from_ical(
        (exported(store, finished, tmp_path / "c", "--ics-events") / "actions.ics").read_bytes()
    )
    assert sorted(str(e["uid"]) for e in again.walk("VEVENT")) == sorted(
        str(e["uid"]) for e in events
    )  # stable UIDs: a re-import updates, never duplicates


def test_each_owners_email_carries_their_own_calendar(
    store: Store, finished: str, tmp_path: Path
) -> None:
    folder = exported(store, finished, tmp_path / "out")
    path = folder / "email" / "priya-raman.eml"
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_filename() == "actions.ics"
    calendar = Calendar.from_ical(attachment.get_content())
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert summaries and all("Weekly collections calls" in s or "A-" in s for s in summaries)
    owners_text = message.get_body(("plain",)).get_content()
    for todo in calendar.walk("VTODO"):
        assert str(todo["summary"]).split()[0] in owners_text  # only their actions
