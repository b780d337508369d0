"""Delivering messages over SMTP, each recorded the moment the server accepts it.

Used by every command that mails: follow-ups, minutes, reminders. A message refused for
one recipient does not stop the others; a dropped connection or a silent server stops
the batch and says who was not attempted, so a re-run sends exactly the rest.
"""

from __future__ import annotations

import contextlib
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage

DEFAULT_TIMEOUT = 30.0
"""Seconds to wait for the server to connect or answer before giving up on it."""

Outgoing = tuple[str, EmailMessage]
"""A message and who it is for (as shown to the user)."""
Accepted = Callable[[str, EmailMessage], None]
"""Called the moment the server accepts a message: records it durably."""


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
class Delivery:
    """Who got their message, who did not and why, who was not attempted."""

    sent: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    not_attempted: list[str] = field(default_factory=list)


@dataclass
class Mailing(Delivery):
    """A batch as a command reports it: also who already had theirs, who has no address,
    and (with --dry-run) who would get one."""

    already_sent: list[str] = field(default_factory=list)
    no_address: list[str] = field(default_factory=list)
    would_send: list[str] = field(default_factory=list)


def deliver(server: Server, queue: list[Outgoing], accepted: Accepted) -> Delivery:
    """Send every message in ``queue``; ``accepted`` records each as soon as it is taken."""
    result = Delivery()
    if not queue:
        return result
    try:
        connection = server.connect()
    except (OSError, smtplib.SMTPException) as error:
        result.not_attempted = [who for who, _ in queue]
        reason = silent(server) if timed_out(error) else f"cannot connect to {server.name}: {error}"
        result.failed.append(("(server)", reason))
        return result
    try:
        _greet(connection, server)
        _send_all(connection, server, queue, accepted, result)
    except smtplib.SMTPAuthenticationError:
        result.failed.append(("(server)", f"{server.name} refused the login for {server.user!r}"))
        result.not_attempted = [who for who, _ in queue if who not in result.sent]
    except (smtplib.SMTPException, OSError) as error:
        reason = silent(server) if timed_out(error) else f"{server.name}: {reason_of(error)}"
        result.failed.append(("(server)", reason))
        result.not_attempted = [who for who, _ in queue if who not in result.sent]
    finally:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            connection.quit()
    return result


def _greet(connection: smtplib.SMTP, server: Server) -> None:
    connection.ehlo()
    if server.starttls:
        connection.starttls(context=ssl.create_default_context())
        connection.ehlo()
    if server.user:
        connection.login(server.user, server.password or "")


def _send_all(
    connection: smtplib.SMTP,
    server: Server,
    queue: list[Outgoing],
    accepted: Accepted,
    result: Delivery,
) -> None:
    for position, (who, message) in enumerate(queue):
        try:
            connection.send_message(message)
        except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError) as error:
            result.failed.append((who, reason_of(error)))
            continue
        except (smtplib.SMTPException, OSError) as error:
            result.failed.append((who, silent(server) if timed_out(error) else reason_of(error)))
            result.not_attempted = [w for w, _ in queue[position + 1 :]]
            return
        accepted(who, message)
        result.sent.append(who)


def timed_out(error: BaseException) -> bool:
    """A timeout, or smtplib's "connection unexpectedly closed" caused by one."""
    return isinstance(error, TimeoutError) or isinstance(error.__context__, TimeoutError)


def silent(server: Server) -> str:
    """The message for a server that never answered."""
    return (
        f"{server.name} did not answer within {server.timeout:g} s; check the host and port "
        "(465 needs --ssl), or wait longer with --timeout"
    )


def reason_of(error: Exception) -> str:
    """What the server said, in one line."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [
            f"{code} {text.decode(errors='replace')}" for code, text in error.recipients.values()
        ]
        return "recipient refused: " + "; ".join(codes)
    if isinstance(error, smtplib.SMTPResponseException):
        raw = error.smtp_error
        return (
            f"{error.smtp_code} {raw.decode(errors='replace') if isinstance(raw, bytes) else raw}"
        )
    return str(error) or type(error).__name__
