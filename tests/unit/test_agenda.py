"""The agenda: order, timeboxes that add up, formatting."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewtui.domain.agenda import _apportion, build_agenda
from reviewtui.domain.agenda_terms import AgendaKind, AgendaOrder, format_seconds
from reviewtui.domain.scorecard import Scorecard
from reviewtui.importers import load_scorecard
from tests.conftest import NORTHWIND_CSV, RIVERTON_YAML


@pytest.fixture(scope="module")
def northwind() -> Scorecard:
    return load_scorecard(Path(NORTHWIND_CSV))


@pytest.mark.parametrize("length", [5, 30, 45, 60, 90, 600])
def test_timeboxes_add_up_to_the_meeting_length(northwind: Scorecard, length: int) -> None:
    agenda = build_agenda(northwind, length, open_actions=4)
    assert sum(a.timebox_seconds for a in agenda) == length * 60


@given(
    weights=st.lists(st.floats(min_value=0, max_value=1e6), min_size=1, max_size=60),
    total=st.integers(min_value=0, max_value=36_000),
)
def test_apportion_always_sums_exactly(weights: list[float], total: int) -> None:
    shares = _apportion(weights, total)
    assert sum(shares) == total and min(shares) >= 0 and len(shares) == len(weights)


def test_exceptions_come_first_and_get_more_time(northwind: Scorecard) -> None:
    agenda = build_agenda(northwind, 60, open_actions=2)
    kinds = [a.kind for a in agenda]
    assert kinds[0] is AgendaKind.OPEN_ACTIONS
    assert kinds[-2:] == [AgendaKind.PARKING_LOT, AgendaKind.WRAP_UP]
    measures = [a for a in agenda if a.kind is AgendaKind.MEASURE]
    statuses = [northwind.status_of(northwind.measure(a.measure_id or "")).key for a in measures]
    first_on_track = statuses.index("on_track")
    assert set(statuses[:first_on_track]) <= {"off_track", "at_risk"}
    assert statuses[0] == "off_track"
    assert measures[0].timebox_seconds > measures[-1].timebox_seconds


def test_scorecard_order_keeps_the_scorecard_order() -> None:
    riverton = load_scorecard(Path(RIVERTON_YAML))
    agenda = build_agenda(riverton, 60, 0, AgendaOrder.SCORECARD)
    ids = [a.measure_id for a in agenda if a.kind is AgendaKind.MEASURE]
    assert ids == [m.id for _, _, m in riverton.measures()]


def test_format_seconds() -> None:
    assert format_seconds(0) == "0:00"
    assert format_seconds(754) == "12:34"
    assert format_seconds(3754) == "1:02:34"
    assert format_seconds(-5) == "0:00"
