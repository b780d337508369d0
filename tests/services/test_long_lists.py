"""A measure with many open actions, or a busy last meeting, stays a screenful: the
soonest are listed and the rest counted, never silently dropped."""

from __future__ import annotations

import datetime as dt

from reviewtui.domain.capture import ItemKind
from reviewtui.domain.clock import FixedClock
from reviewtui.services.meetings import plan_meeting
from reviewtui.services.session import Capture, MeetingSession
from reviewtui.services.views import LINES_SHOWN, measure_card
from reviewtui.store.repository import Store
from reviewtui.tui.widgets.measure_view import _body


def test_open_actions_on_a_measure_show_the_soonest_and_count_the_rest(
    store: Store, demo_meeting: str
) -> None:
    session = MeetingSession(store, demo_meeting, by="champion")
    session.start()
    session.agenda.go_to(1)
    for days in range(10, 0, -1):  # captured latest-due first
        due = dt.date(2026, 12, 1) + dt.timedelta(days=days)
        session.captures.capture(Capture(ItemKind.ACTION, f"Due in {days}", "maria", due))
    card = measure_card(session)
    assert card is not None
    total = card.open_actions_total
    assert total >= 10 and len(card.open_actions) == LINES_SHOWN
    body = "\n".join(_body(card))
    assert f"Open actions on this measure ({total})" in body
    assert f"… and {total - LINES_SHOWN} more (soonest due shown)" in body
    assert "Due in 10" not in body  # the latest due is the one left out


def test_last_time_lists_the_first_items_and_says_where_the_rest_are(
    store: Store, clock: FixedClock, demo_meeting: str
) -> None:
    session = MeetingSession(store, demo_meeting, by="champion")
    session.start()
    session.agenda.go_to(1)
    measure_id = session.current.measure_id
    for n in range(LINES_SHOWN + 3):
        session.captures.capture(Capture(ItemKind.DECISION, f"Decision {n}"))
    session.closing.finalize()
    clock.advance(days=28)
    card_model = store.scorecards()[0]
    following = plan_meeting(store, card_model, date=dt.date(2026, 12, 21), length_minutes=60)
    later = MeetingSession(store, following.id, by="champion")
    later.start()
    at = next(i for i, a in enumerate(later.meeting.agenda) if a.measure_id == measure_id)
    later.agenda.go_to(at)
    card = measure_card(later)
    assert card is not None and card.last_time is not None
    assert len(card.last_time.lines) == LINES_SHOWN and card.last_time.more >= 3
    body = "\n".join(_body(card))
    assert f"… and {card.last_time.more} more (reviewtui meeting show {demo_meeting})" in body
