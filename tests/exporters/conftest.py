"""A finished meeting with hostile text, for the export tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller

from reviewtui.domain.capture import ActionStatus, ItemKind
from reviewtui.domain.clock import FixedClock
from reviewtui.services.session import Capture, MeetingSession
from reviewtui.store.repository import Store
from tests.exporters.mailbox import Mailbox, free_port

HOSTILE = 'Check <script>alert("x")</script> & the "quotes" | pipes'


@pytest.fixture
def finished(store: Store, clock: FixedClock, demo_meeting: str) -> str:
    """The demo meeting, run: reviews, captures on a red measure, a new owner, finalized."""
    session = MeetingSession(store, demo_meeting, by="champion")
    session.start()
    session.review.close(1, ActionStatus.DONE)
    session.review.slip(3, dt.date(2026, 12, 4))
    red = next(i for i, a in enumerate(session.meeting.agenda) if a.measure_id == "FIN-05")
    session.agenda.go_to(red)
    session.captures.capture(Capture(ItemKind.DECISION, "Tighten payment terms at renewal"))
    session.captures.capture(
        Capture(ItemKind.ACTION, "Weekly collections calls", "priya", dt.date(2026, 11, 30))
    )
    session.captures.capture(Capture(ItemKind.ACTION, HOSTILE, "maria", dt.date(2026, 12, 11)))
    session.captures.capture(
        Capture(ItemKind.ACTION, "Brief the agency", "Sandra New", dt.date(2026, 12, 2))
    )
    session.captures.capture(Capture(ItemKind.ISSUE, "Wholesale catalogue timing"))
    session.captures.capture(Capture(ItemKind.NOTE, "Receivables average 71 days"))
    session.closing.set_rating(8)
    session.closing.toggle_absent("Lena Fischer")
    clock.advance(minutes=55)
    session.closing.finalize()
    return demo_meeting


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    """A real SMTP server on 127.0.0.1 (aiosmtpd) and its mailbox."""
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()
