"""``reviewtui email``: send each owner's message over SMTP, once.

Every message sent is recorded in the meeting's file at once (fsynced), so when the
server fails mid-batch the record says exactly who got theirs, and running the command
again sends only the rest. A message is identified by its Message-ID, which is derived
from its text: an owner whose actions changed since gets the new message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage

from reviewtui.exporters import mail
from reviewtui.exporters.record import build_record
from reviewtui.exporters.smtp import Mailing, Outgoing, Server, deliver
from reviewtui.store.repository import Store

__all__ = ["SendResult", "Server", "send_followups"]


@dataclass
class SendResult(Mailing):
    """Who got their message, who already had it, who did not, and why."""


def send_followups(
    store: Store,
    meeting_id: str,
    server: Server,
    dry_run: bool = False,
    minutes: bool = False,
    progress: Callable[[str], None] | None = None,
) -> SendResult:
    """Send the per-owner messages (or with ``minutes``, the minutes to every attendee and
    absentee) not sent before; record each one as it goes and tell ``progress``."""
    record = build_record(store, meeting_id)
    sender = mail.sender_address()
    already = {entry["message_id"] for entry in store.sent_emails(meeting_id)}
    result = SendResult()
    queue: list[Outgoing] = []
    if minutes:
        people = list(dict.fromkeys([*record.meeting.attendees, *record.meeting.absent]))
        messages = [(name, mail.minutes_message(record, name, sender)) for name in people]
    else:
        messages = [
            (owner, mail.owner_message(record, owner, actions, sender))
            for owner, actions in mail.actions_by_owner(record).items()
        ]
    for owner, message in messages:
        if "To" not in message:
            result.no_address.append(owner)
        elif message["Message-ID"] in already:
            result.already_sent.append(owner)
        else:
            queue.append((owner, message))
    if dry_run:
        result.would_send = [f"{owner} <{record.email_of(owner)}>" for owner, _ in queue]
        return result

    def accepted(owner: str, message: EmailMessage) -> None:
        entry = {
            "owner": owner,
            "to": message["To"],
            "message_id": message["Message-ID"],
            "at": store.clock.now().isoformat(),
        }
        store.record_sent(meeting_id, entry)
        if progress is not None:
            progress(owner)

    delivery = deliver(server, queue, accepted)
    result.sent, result.failed = delivery.sent, delivery.failed
    result.not_attempted = delivery.not_attempted
    return result
