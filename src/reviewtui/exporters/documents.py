"""The export files themselves: minutes (Markdown, HTML), follow-ups CSV, calendar, JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
from email.utils import parseaddr

import orjson
from icalendar import Alarm, Calendar, Event, Todo, vCalAddress, vText

from reviewtui.domain.capture import ActionStatus, CapturedItem, ItemKind
from reviewtui.domain.meeting import MeetingState
from reviewtui.domain.printable import spreadsheet_safe
from reviewtui.domain.rules import FOLLOWUP_COLUMNS
from reviewtui.exporters.record import MeetingRecord
from reviewtui.exporters.templates import render

FOLLOWUP_HEADER = list(FOLLOWUP_COLUMNS)
ICS_STATUS = {
    ActionStatus.OPEN: "NEEDS-ACTION",
    ActionStatus.DONE: "COMPLETED",
    ActionStatus.DROPPED: "CANCELLED",
}


def _context(record: MeetingRecord) -> dict[str, object]:
    counts = " · ".join(
        f"{n} {kind.value}{'s' * (n != 1)}"
        for kind in ItemKind
        for n in [record.summary.by_kind.get(kind, 0)]
    )
    state = {
        MeetingState.PLANNED: "planned",
        MeetingState.IN_PROGRESS: "in progress (not finalized)",
        MeetingState.FINALIZED: "final",
    }[record.meeting.state]
    return {"record": record, "counts": counts, "state": state}


def minutes_markdown(record: MeetingRecord) -> bytes:
    """minutes.md."""
    return render("minutes.md.j2", **_context(record)).encode("utf-8")


def minutes_html(record: MeetingRecord) -> bytes:
    """minutes.html: one self-contained, printable, accessible page; user text escaped."""
    return render("minutes.html.j2", **_context(record)).encode("utf-8")


def followups_csv(record: MeetingRecord) -> bytes:
    """followups.csv: one row per open action, by owner then due date.

    Cells a spreadsheet would run as a formula (starting with = + - @, a tab or a CR) start
    with a ``'`` instead; ``reviewtui action import`` takes it off again.

    UTF-8 with a byte-order mark, so Excel opens accents and symbols correctly; every
    other spreadsheet and ``csv`` reader skips it.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FOLLOWUP_HEADER)
    for item in record.followups:
        measure = record.measure_of(item)
        cells = [
            item.ref,
            item.owner or "",
            record.email_of(item.owner) or "",
            item.text,
            item.measure_id or "",
            measure.name if measure else "",
            item.due.isoformat() if item.due else "",
            item.meeting_id or "",
            item.status.value,
        ]
        # A title such as =HYPERLINK(...) must stay words when the file is opened.
        writer.writerow([spreadsheet_safe(cell) for cell in cells])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def calendar_actions(record: MeetingRecord) -> list[CapturedItem]:
    """The actions that get a calendar item: captured here, and reviewed from before."""
    here = [i for i in record.items if i.kind is ItemKind.ACTION]
    return [*here, *(row.item for row in record.carried)]


def actions_ics(
    record: MeetingRecord,
    sender: str,
    events: bool = False,
    actions: list[CapturedItem] | None = None,
) -> bytes:
    """actions.ics: one VTODO per action, UIDs stable across exports (RFC 5545); with
    ``events``, also an all-day VEVENT on each due date with a reminder the day before,
    because Google Calendar, iOS Calendar and Fastmail do not show to-dos. ``actions``:
    only these (one owner's, for their email), else every action of the meeting."""
    calendar = Calendar()
    calendar.add("prodid", "-//reviewtui//performance review actions//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Actions: {record.meeting.title}")
    organizer_name, organizer_email = parseaddr(sender)
    for item in calendar_actions(record) if actions is None else actions:
        if events and item.due:
            calendar.add_component(_due_event(record, item))
        todo = Todo()
        todo.add("uid", f"{item.uid}@reviewtui")
        todo.add("dtstamp", record.generated_at)
        todo.add("created", item.created_at)
        todo.add("last-modified", item.history[-1].at if item.history else item.created_at)
        todo.add("sequence", len(item.history))
        todo.add("summary", f"{item.ref} {item.text}")
        if item.due:
            todo.add("due", item.due)
        todo.add("status", ICS_STATUS[item.status])
        todo.add("description", _describe(record, item))
        todo.add("categories", ["reviewtui", record.meeting.id])
        if organizer_email:
            organizer = vCalAddress(f"mailto:{organizer_email}")
            organizer.params["cn"] = vText(organizer_name or organizer_email)
            todo.add("organizer", organizer)
        email = record.email_of(item.owner)
        if email:
            attendee = vCalAddress(f"mailto:{email}")
            attendee.params["cn"] = vText(item.owner or email)
            attendee.params["role"] = vText("REQ-PARTICIPANT")
            todo.add("attendee", attendee)
        calendar.add_component(todo)
    ical: bytes = calendar.to_ical()
    return ical


REMIND_BEFORE = dt.timedelta(hours=-15)
"""The event's alarm: 9:00 the day before the all-day event on the due date."""


def _due_event(record: MeetingRecord, item: CapturedItem) -> Event:
    """An all-day event on the action's due date, with a display alarm the day before."""
    assert item.due is not None
    event = Event()
    event.add("uid", f"{item.uid}-due@reviewtui")  # stable: re-imports update, not duplicate
    event.add("dtstamp", record.generated_at)
    event.add("sequence", len(item.history))
    event.add("summary", f"Due: {item.ref} {item.text}")
    event.add("dtstart", item.due)
    event.add("dtend", item.due + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")  # a deadline, not time taken from the day
    event.add("description", _describe(record, item))
    event.add("categories", ["reviewtui", record.meeting.id])
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Due tomorrow: {item.ref} {item.text}")
    alarm.add("trigger", REMIND_BEFORE)
    event.add_component(alarm)
    return event


def _describe(record: MeetingRecord, item: CapturedItem) -> str:
    lines = [f"Owner: {item.owner or 'nobody'}"]
    measure = record.measure_of(item)
    if measure:
        lines.append(
            f"Measure: {measure.id} {measure.name}: {measure.symbol} {measure.status} "
            f"(actual {measure.actual}, target {measure.target})"
        )
    source = item.meeting_id or "the shell"
    lines.append(f"From: {source}; reviewed at {record.meeting.id} {record.meeting.title}")
    for why in record.context_of(item):
        lines.append(f"{why.kind.value.capitalize()}: {why.text}")
    more = record.more_context_of(item)
    if more:
        lines.append(f"(and {more} more on this agenda item in the minutes)")
    return "\n".join(lines)


def meeting_json(record: MeetingRecord) -> bytes:
    """meeting.json: the whole meeting for scripts."""
    document = {
        "meeting": record.meeting.model_dump(mode="json"),
        "scorecard": record.scorecard.model_dump(mode="json"),
        "items": [i.model_dump(mode="json") for i in record.items],
        "carried": [
            {**row.item.model_dump(mode="json"), "outcome": row.outcome} for row in record.carried
        ],
        "followups": [i.ref for i in record.followups],
        "generated_at": record.generated_at.isoformat(),
    }
    return orjson.dumps(document, option=orjson.OPT_INDENT_2)
