"""``reviewtui remind``: one digest per owner of their overdue and due-soon actions,
across every meeting, over SMTP; ready for cron.

Each digest is recorded (fsynced) the moment the server accepts it, under a Message-ID
made of the day and the digest's text: a second run the same day sends nothing again, a
run killed mid-batch sends only the rest when run again, and an owner whose actions
changed since gets the new digest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, parseaddr

from reviewtui.exporters.mail import owner_token, sender_address
from reviewtui.exporters.smtp import Mailing, Outgoing, Server, deliver
from reviewtui.exporters.templates import render
from reviewtui.services.open_actions import ActionIndex, ActionRow
from reviewtui.store.repository import Store


@dataclass
class Digest:
    """One owner's reminder: what is overdue and what is due soon."""

    owner: str
    email: str | None
    overdue: list[ActionRow] = field(default_factory=list)
    soon: list[ActionRow] = field(default_factory=list)


@dataclass
class RemindResult(Mailing):
    """Who got a digest, who already had today's, who has no address, who would get one."""

    digests: list[Digest] = field(default_factory=list)


def digests(store: Store, days: int, overdue_only: bool = False) -> list[Digest]:
    """Each owner's digest (owners with nothing overdue or due within ``days`` have none)."""
    index = ActionIndex(store.data.root)
    today = store.clock.today()
    emails = {person.name.casefold(): person.email for person in index.people}
    for person in index.people:
        for alias in person.aliases:
            emails.setdefault(alias.casefold(), person.email)
    found: dict[str, Digest] = {}
    for row in index.rows(today, soon_days=days):
        if not row.owner or row.bucket not in ("overdue", "due soon"):
            continue
        if overdue_only and row.bucket != "overdue":
            continue
        digest = found.setdefault(row.owner, Digest(row.owner, emails.get(row.owner.casefold())))
        (digest.overdue if row.bucket == "overdue" else digest.soon).append(row)
    return sorted(found.values(), key=lambda d: d.owner.casefold())


def digest_message(digest: Digest, days: int, sender: str, now: dt.datetime) -> EmailMessage:
    """The message for one digest (no To header without an address)."""
    context = {
        "owner": digest.owner,
        "overdue": digest.overdue,
        "soon": digest.soon,
        "days": days,
        "sender_name": parseaddr(sender)[0] or "reviewtui",
    }
    text = render("remind.txt.j2", **context)
    message = EmailMessage()
    message["From"] = sender
    if digest.email:
        message["To"] = formataddr((digest.owner, digest.email))
    late = f"{len(digest.overdue)} overdue" if digest.overdue else ""
    soon = f"{len(digest.soon)} due soon" if digest.soon else ""
    message["Subject"] = f"Reminder: {' and '.join(part for part in (late, soon) if part)}"
    message["Date"] = format_datetime(now)
    mark = hashlib.sha1(text.encode()).hexdigest()[:12]
    domain = parseaddr(sender)[1].rpartition("@")[2] or "reviewtui.localdomain"
    day = now.date().isoformat()
    message["Message-ID"] = f"<remind.{day}.{owner_token(digest.owner)}.{mark}@{domain}>"
    message.set_content(text)
    message.add_alternative(render("remind.html.j2", **context), subtype="html")
    return message


def send_reminders(
    store: Store, server: Server, days: int, overdue_only: bool = False, dry_run: bool = False
) -> RemindResult:
    """Send today's digests not sent before; record each one as the server takes it."""
    sender = sender_address()
    now = store.clock.now()
    already = {entry["message_id"] for entry in store.sent_reminders()}
    result = RemindResult(digests=digests(store, days, overdue_only))
    queue: list[Outgoing] = []
    for digest in result.digests:
        message = digest_message(digest, days, sender, now)
        if "To" not in message:
            result.no_address.append(digest.owner)
        elif message["Message-ID"] in already:
            result.already_sent.append(digest.owner)
        else:
            queue.append((digest.owner, message))
    if dry_run:
        result.would_send = [
            f"{owner} <{message['To'].addresses[0].addr_spec}>" for owner, message in queue
        ]
        return result

    def accepted(owner: str, message: EmailMessage) -> None:
        store.record_reminder(
            {
                "owner": owner,
                "to": message["To"],
                "message_id": message["Message-ID"],
                "at": store.clock.now().isoformat(),
            }
        )

    delivery = deliver(server, queue, accepted)
    result.sent, result.failed = delivery.sent, delivery.failed
    result.not_attempted = delivery.not_attempted
    return result
