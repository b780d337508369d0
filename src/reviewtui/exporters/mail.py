"""One email per owner: their actions, due dates, measures and why, plain text + HTML."""

from __future__ import annotations

import getpass
import hashlib
import socket
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, parseaddr

from reviewtui.config import load_config
from reviewtui.domain.capture import CapturedItem
from reviewtui.domain.scorecard import slugify
from reviewtui.exporters.record import MeetingRecord
from reviewtui.exporters.templates import render


def sender_address() -> str:
    """``email_from`` in config.toml, else the login name at this host."""
    configured = str(load_config().get("email_from") or "").strip()
    if configured and "@" in parseaddr(configured)[1]:
        return configured
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "reviewtui"
    host = socket.gethostname() or "localhost"
    host = host if "." in host else f"{host}.localdomain"
    return formataddr(("reviewtui", f"{user}@{host}"))


def actions_by_owner(record: MeetingRecord) -> dict[str, list[CapturedItem]]:
    """The follow-ups grouped by owner, each owner's soonest due first."""
    grouped: dict[str, list[CapturedItem]] = {}
    for item in record.followups:
        grouped.setdefault(item.owner or "(no owner)", []).append(item)
    return grouped


def message_file_name(owner: str) -> str:
    """``Maria Gonzalez`` -> ``maria-gonzalez.eml``."""
    return f"{slugify(owner)}.eml"


def owner_message(
    record: MeetingRecord, owner: str, actions: list[CapturedItem], sender: str
) -> EmailMessage:
    """The message to one owner (no To header when the people list has no address)."""
    sender_name = parseaddr(sender)[0] or "reviewtui"
    context = {"record": record, "owner": owner, "actions": actions, "sender_name": sender_name}
    text = render("email.txt.j2", **context)
    html = render("email.html.j2", **context)
    message = EmailMessage()
    message["From"] = sender
    email = record.email_of(owner)
    if email:
        message["To"] = formataddr((owner, email))
    count = len(actions)
    message["Subject"] = (
        f"Your {count} action{'s' * (count != 1)} from {record.meeting.title} "
        f"({record.meeting.date:%-d %b %Y})"
    )
    message["Date"] = format_datetime(record.generated_at)
    digest = hashlib.sha1(text.encode()).hexdigest()[:12]
    domain = parseaddr(sender)[1].rpartition("@")[2] or "reviewtui.localdomain"
    message["Message-ID"] = f"<{record.meeting.id}.{slugify(owner)}.{digest}@{domain}>"
    message["X-Reviewtui-Meeting"] = record.meeting.id
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message
