"""A real SMTP server's mailbox for the email tests: keeps what it receives, can refuse a
recipient, or kill the sending process as the second message arrives."""

from __future__ import annotations

import email
import os
import signal
import socket
from email import policy
from typing import Any


class Mailbox:
    """An SMTP handler that keeps what it receives and can refuse one recipient."""

    def __init__(self) -> None:
        self.received: list[Any] = []
        self.refuse: set[str] = set()

    async def handle_RCPT(  # noqa: N802 (aiosmtpd's hook name)
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.received.append(
            email.message_from_bytes(envelope.original_content, policy=policy.default)
        )
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class KillingMailbox(Mailbox):
    """Takes the first message, then kills the sending process as the second one arrives."""

    def __init__(self) -> None:
        super().__init__()
        self.victim: int | None = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        if self.received and self.victim is not None:
            os.kill(self.victim, signal.SIGKILL)
            return "451 4.3.0 try again later"
        return await super().handle_DATA(server, session, envelope)
