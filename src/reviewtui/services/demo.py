"""The demo: a bundled scorecard, an earlier meeting with open actions, today's meeting."""

from __future__ import annotations

import datetime as dt

from reviewtui.domain.agenda_terms import ItemProgress
from reviewtui.domain.capture import ActionStatus, Change, ItemKind
from reviewtui.domain.meeting import Meeting, MeetingState
from reviewtui.errors import ReviewError
from reviewtui.importers import load_scorecard
from reviewtui.paths import bundled_dir
from reviewtui.services.meetings import finalize, plan_meeting
from reviewtui.store.repository import Store

DEMO_SCORECARD = "northwind_balanced_scorecard.csv"
EARLIER_ACTIONS = (
    # text, owner, measure, due in days from today (negative: overdue), status
    (
        "Re-phase the Q4 revenue forecast with the wholesale figures",
        "Maria Gonzalez",
        "FIN-01",
        -6,
        ActionStatus.OPEN,
    ),
    (
        "Call the ten largest lost accounts and log the reasons",
        "James Okafor",
        "CUS-02",
        3,
        ActionStatus.OPEN,
    ),
    (
        "Agree a recovery plan for fulfilment cycle time with the warehouse",
        "Priya Raman",
        "PRO-01",
        -1,
        ActionStatus.OPEN,
    ),
    ("Publish the Q1 training calendar", "Tom Becker", "PEO-03", 10, ActionStatus.OPEN),
    ("Send the margin bridge to the board", "Maria Gonzalez", "FIN-02", -12, ActionStatus.DONE),
)


def seed_demo(store: Store) -> Meeting:
    """Fill an empty data dir with the demo and return today's planned meeting."""
    path = bundled_dir("sample_scorecards") / DEMO_SCORECARD
    scorecard = load_scorecard(path)
    store.save_scorecard(scorecard)
    today = store.clock.today()
    measure_ids = {m.id for _, _, m in scorecard.measures()}
    people = {p.name for p in scorecard.people}
    earlier = plan_meeting(
        store, scorecard, f"{scorecard.name} review, previous month", today - dt.timedelta(days=30)
    )
    for text, owner, measure, days, status in EARLIER_ACTIONS:
        if measure not in measure_ids or owner not in people:
            raise ReviewError(f"the demo scorecard no longer has {measure} / {owner}")
        created = Change(
            at=store.clock.now(), by="champion", field="created", new=text, meeting_id=earlier.id
        )
        store.capture(
            ItemKind.ACTION,
            text,
            earlier.id,
            owner=owner,
            due=today + dt.timedelta(days=days),
            measure_id=measure,
            agenda_item=f"measure:{measure}",
            status=status,
            history=[created],
        )
    store.capture(
        ItemKind.DECISION,
        "Freeze discretionary travel until margin is back on target",
        earlier.id,
        agenda_item="measure:FIN-02",
        measure_id="FIN-02",
    )
    _held(store, earlier)
    return plan_meeting(store, scorecard)


SKIPPED_LAST_TIME = "PEO-02"
"""A measure the earlier meeting ran out of time for: it comes back marked as carried."""


def _held(store: Store, earlier: Meeting) -> None:
    """The earlier meeting as a team would have left it: every item discussed but one."""
    agenda = {
        item.key: {
            "progress": (
                ItemProgress.SKIPPED if item.measure_id == SKIPPED_LAST_TIME else ItemProgress.DONE
            ).value,
            "used_seconds": item.timebox_seconds,
        }
        for item in earlier.agenda
    }
    store.change_meeting(earlier.id, {"state": MeetingState.IN_PROGRESS.value}, agenda)
    finalize(store, store.meeting(earlier.id))
