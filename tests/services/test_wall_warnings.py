"""Warnings on the wall only where they mean something: "nothing is funded" only for a
team that tracks initiatives."""

from __future__ import annotations

from reviewtui.domain.agenda_terms import AgendaKind
from reviewtui.services.meetings import plan_meeting
from reviewtui.services.scorecards import import_scorecard
from reviewtui.services.session import MeetingSession
from reviewtui.services.session.agenda import UNFUNDED
from reviewtui.store.repository import Store
from tests.conftest import SAMPLES


def worst_measure_warnings(store: Store, sample: str) -> list[str]:
    card = import_scorecard(store, SAMPLES / sample).scorecard
    session = MeetingSession(store, plan_meeting(store, card).id)
    first = next(i for i, a in enumerate(session.meeting.agenda) if a.kind is AgendaKind.MEASURE)
    session.agenda.go_to(first)  # exceptions first: the worst measure
    return session.agenda.warnings(session.current)


def test_no_funding_warning_for_a_team_that_does_not_track_initiatives(store: Store) -> None:
    warnings = worst_measure_warnings(store, "cedar_street_eos_weekly.csv")
    assert warnings and UNFUNDED not in warnings  # still: off track with no action


def test_the_funding_warning_stays_where_initiatives_are_tracked(store: Store) -> None:
    assert UNFUNDED in worst_measure_warnings(store, "northwind_balanced_scorecard.csv")
