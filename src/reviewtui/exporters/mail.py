"""One email per owner: their actions, due dates, measures and why, plain text + HTML."""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import hashlib
import socket
import unicodedata
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, getaddresses, parseaddr

from reviewtui.config import load_config
from reviewtui.domain.capture import CapturedItem
from reviewtui.domain.dates import day_month
from reviewtui.domain.scorecard import slugify
from reviewtui.domain.text import parse_email
from reviewtui.errors import ReviewError
from reviewtui.exporters.documents import actions_ics, minutes_html, minutes_markdown
from reviewtui.exporters.record import MeetingRecord
from reviewtui.exporters.templates import render
from reviewtui.paths import config_dir


def sender_address() -> str:
    """``email_from`` in config.toml, else the login name at this host.

    ``email_from`` may carry a name (``Review champion <champion@example.org>``) but must
    be exactly one address: anything else is refused rather than sent.
    """
    configured = str(load_config().get("email_from") or "").strip()
    if configured:
        found = getaddresses([configured])
        try:
            if len(found) != 1:
                raise ValueError(f"expected one address; got {configured!r}")
            name, address = found[0]
            return formataddr((name, parse_email(address)))
        except ValueError as error:
            raise ReviewError(
                f"{config_dir() / 'config.toml'}: email_from: {error}. Write it as "
                'email_from = "Your Name <you@example.org>"'
            ) from None
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


UNDATED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
"""The generation time a message's identity is computed with (see :func:`minutes_message`)."""
MAX_STEM = 40
"""File names stay far below every file system's 255-byte limit."""


def owner_token(owner: str) -> str:
    """A short, file-name-safe token for an owner: ``maria-gonzalez``; a name that does not
    spell out in ASCII (``李雷``), or is long, gets a hash of the whole name as well
    (``li-lei-3f2a9c1d``, ``owner-8b1e04aa``), so two owners never share a file."""
    ascii_form = unicodedata.normalize("NFKD", owner).encode("ascii", "ignore").decode()
    slug = slugify(ascii_form)
    slug = "owner" if slug == "item" else slug
    if slug == slugify(owner) and len(slug) <= MAX_STEM:
        return slug
    digest = hashlib.sha1(owner.encode("utf-8")).hexdigest()[:8]
    return f"{slug[:MAX_STEM].strip('-')}-{digest}"


def message_file_names(owners: list[str]) -> dict[str, str]:
    """Each owner's ``.eml`` file name, unique within one export even when two names give
    the same token (``Maria Gonzalez`` and ``maria gonzalez``)."""
    tokens = {owner: owner_token(owner) for owner in owners}
    taken = [token for token in tokens.values()]
    names = {}
    for owner, token in tokens.items():
        if taken.count(token) > 1:
            token = f"{token[:MAX_STEM]}-{hashlib.sha1(owner.encode('utf-8')).hexdigest()[:8]}"
        names[owner] = f"{token}.eml"
    return names


def minutes_message(record: MeetingRecord, name: str, sender: str) -> EmailMessage:
    """The minutes for one attendee or absentee (no To header without an address): the
    Markdown minutes as the text part, the HTML minutes as the other."""
    text = minutes_markdown(record).decode("utf-8")
    message = EmailMessage()
    message["From"] = sender
    email = record.email_of(name)
    if email:
        message["To"] = formataddr((name, email))
    meeting = record.meeting
    message["Subject"] = f"Minutes: {meeting.title} ({day_month(meeting.date)} {meeting.date.year})"
    message["Date"] = format_datetime(record.generated_at)
    # The message is these minutes, not this rendering of them: their "Generated on"
    # line (to the minute) is left out, or sending again later would mail everyone twice.
    undated = minutes_markdown(dataclasses.replace(record, generated_at=UNDATED))
    digest = hashlib.sha1(undated).hexdigest()[:12]
    domain = parseaddr(sender)[1].rpartition("@")[2] or "reviewtui.localdomain"
    message["Message-ID"] = f"<{meeting.id}.minutes.{owner_token(name)}.{digest}@{domain}>"
    message["X-Reviewtui-Meeting"] = meeting.id
    message.set_content(text)
    message.add_alternative(minutes_html(record).decode("utf-8"), subtype="html")
    return message


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
        f"({day_month(record.meeting.date)} {record.meeting.date.year})"
    )
    message["Date"] = format_datetime(record.generated_at)
    digest = hashlib.sha1(text.encode()).hexdigest()[:12]
    domain = parseaddr(sender)[1].rpartition("@")[2] or "reviewtui.localdomain"
    message["Message-ID"] = f"<{record.meeting.id}.{owner_token(owner)}.{digest}@{domain}>"
    message["X-Reviewtui-Meeting"] = record.meeting.id
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    # Their own calendar file, with events on the due dates: every calendar shows those.
    calendar = actions_ics(record, sender, events=True, actions=actions)
    message.add_attachment(calendar, maintype="text", subtype="calendar", filename="actions.ics")
    return message
