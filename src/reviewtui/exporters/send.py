"""``reviewtui email``: send each owner's message over SMTP, once.

Every message sent is recorded in the meeting's file at once (fsynced), so when the
server fails mid-batch the record says exactly who got theirs, and running the command
again sends only the rest. A message is identified by its Message-ID, which is derived
from its text: an owner whose actions changed since gets the new message.
"""

from __future__ import annotations

import contextlib
import smtplib
import ssl
from dataclasses import dataclass, field

from reviewtui.exporters import mail
from reviewtui.exporters.record import build_record
from reviewtui.store.repository import Store

DEFAULT_TIMEOUT = 30.0
"""Seconds to wait for the server to connect or answer before giving up on it."""


@dataclass(frozen=True)
class Server:
    """Where and how to send: host, port, TLS, login, and how long to wait."""

    host: str
    port: int
    starttls: bool = False
    ssl: bool = False
    """Implicit TLS from the first byte (port 465), rather than STARTTLS."""
    user: str | None = None
    password: str | None = None
    timeout: float = DEFAULT_TIMEOUT

    @property
    def name(self) -> str:
        """``smtp.example.org:587``."""
        return f"{self.host}:{self.port}"

    def connect(self) -> smtplib.SMTP:
        """Open the connection (TLS from the start with ``ssl``)."""
        if self.ssl:
            context = ssl.create_default_context()
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        return smtplib.SMTP(self.host, self.port, timeout=self.timeout)


@dataclass
class SendResult:
    """Who got their message, who already had it, who did not, and why."""

    sent: list[str] = field(default_factory=list)
    already_sent: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    not_attempted: list[str] = field(default_factory=list)
    no_address: list[str] = field(default_factory=list)
    would_send: list[str] = field(default_factory=list)
    """With --dry-run: the messages that would go out."""


def send_followups(
    store: Store, meeting_id: str, server: Server, dry_run: bool = False
) -> SendResult:
    """Send the per-owner messages not sent before; record each one as it goes."""
    record = build_record(store, meeting_id)
    sender = mail.sender_address()
    already = {entry["message_id"] for entry in store.sent_emails(meeting_id)}
    result = SendResult()
    queue = []
    for owner, actions in mail.actions_by_owner(record).items():
        message = mail.owner_message(record, owner, actions, sender)
        if "To" not in message:
            result.no_address.append(owner)
        elif message["Message-ID"] in already:
            result.already_sent.append(owner)
        else:
            queue.append((owner, message))
    if dry_run or not queue:
        result.would_send = [f"{owner} <{record.email_of(owner)}>" for owner, _ in queue]
        return result
    try:
        connection = server.connect()
    except (OSError, smtplib.SMTPException) as error:
        result.not_attempted = [owner for owner, _ in queue]
        reason = (
            _silent(server) if _timed_out(error) else f"cannot connect to {server.name}: {error}"
        )
        result.failed.append(("(server)", reason))
        return result
    try:
        connection.ehlo()
        if server.starttls:
            connection.starttls(context=ssl.create_default_context())
            connection.ehlo()
        if server.user:
            connection.login(server.user, server.password or "")
        for position, (owner, message) in enumerate(queue):
            try:
                connection.send_message(message)
            except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError) as error:
                result.failed.append((owner, _reason(error)))
                continue
            except (smtplib.SMTPException, OSError) as error:
                reason = _silent(server) if _timed_out(error) else _reason(error)
                result.failed.append((owner, reason))
                result.not_attempted = [o for o, _ in queue[position + 1 :]]
                break
            store.record_sent(
                meeting_id,
                {
                    "owner": owner,
                    "to": message["To"],
                    "message_id": message["Message-ID"],
                    "at": store.clock.now().isoformat(),
                },
            )
            result.sent.append(owner)
    except smtplib.SMTPAuthenticationError:
        result.failed.append(("(server)", f"{server.name} refused the login for {server.user!r}"))
        result.not_attempted = [o for o, _ in queue if o not in result.sent]
    except (smtplib.SMTPException, OSError) as error:
        reason = _silent(server) if _timed_out(error) else f"{server.name}: {_reason(error)}"
        result.failed.append(("(server)", reason))
        result.not_attempted = [o for o, _ in queue if o not in result.sent]
    finally:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            connection.quit()
    return result


def _timed_out(error: BaseException) -> bool:
    """A timeout, or smtplib's "connection unexpectedly closed" caused by one."""
    return isinstance(error, TimeoutError) or isinstance(error.__context__, TimeoutError)


def _silent(server: Server) -> str:
    return (
        f"{server.name} did not answer within {server.timeout:g} s; check the host and port "
        "(465 needs --ssl), or wait longer with --timeout"
    )


def _reason(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [
            f"{code} {text.decode(errors='replace')}" for code, text in error.recipients.values()
        ]
        return "recipient refused: " + "; ".join(codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_text(error.smtp_error)}"
    return str(error) or type(error).__name__


def _text(value: bytes | str) -> str:
    return value.decode(errors="replace") if isinstance(value, bytes) else value
