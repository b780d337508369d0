"""Over or under, better or worse: the variance says its direction in words, on the wall
and in the minutes, so a lower-is-better measure over its target never reads as good."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reviewtui.domain.display import variance_text
from reviewtui.domain.scorecard import Measure, PeriodValue
from reviewtui.domain.status import Polarity
from reviewtui.exporters.export import export_meeting
from reviewtui.services.session import MeetingSession
from reviewtui.services.views import measure_card
from reviewtui.store.repository import Store


def said(polarity: Polarity, actual: str, target: str, unit: str = "$") -> str:
    measure = Measure(id="m", name="M", unit=unit, polarity=polarity)
    return variance_text(measure, PeriodValue(period="2026-10", actual=actual, target=target))


@pytest.mark.parametrize(
    ("polarity", "actual", "target", "unit", "expected"),
    [
        (Polarity.LOWER_IS_BETTER, "26500", "20000", "$", "$6,500 (32.5%) over target · worse"),
        (Polarity.LOWER_IS_BETTER, "3.6", "4", "hours", "0.4 hours (10.0%) under target · better"),
        (Polarity.HIGHER_IS_BETTER, "46", "45", "points", "1 points (2.2%) above target · better"),
        (Polarity.HIGHER_IS_BETTER, "40.5", "42", "%", "1.5 pts below target · worse"),
        (Polarity.HIGHER_IS_BETTER, "42", "42", "%", "on target"),
    ],
)
def test_the_words_carry_the_direction(
    polarity: Polarity, actual: str, target: str, unit: str, expected: str
) -> None:
    assert said(polarity, actual, target, unit) == expected


def test_no_target_says_so_clearly() -> None:
    measure = Measure(id="m", name="M")
    assert variance_text(measure, PeriodValue(period="p", actual=Decimal(3))) == "no target set"
    worded = PeriodValue(period="p", actual=Decimal(3), target="Maintain")
    assert variance_text(measure, worded) == "no number to compare with (Maintain)"


def test_a_lower_is_better_measure_over_target_says_over_and_worse_on_screen_and_in_minutes(
    store: Store, finished: str, tmp_path: Path
) -> None:
    session = MeetingSession(store, finished, by="test")
    cash = next(i for i, a in enumerate(session.meeting.agenda) if a.measure_id == "FIN-05")
    session.agenda.go_to(cash)
    card = measure_card(session)
    assert card is not None and card.variance == "11.6 days (25.8%) over target · worse"
    export_meeting(store, finished, tmp_path / "out")
    minutes = (tmp_path / "out" / "minutes.md").read_text(encoding="utf-8")
    (row,) = [line for line in minutes.splitlines() if line.startswith("| FIN-05 ")]
    assert "11.6 days \\(25.8%\\) over target · worse" in row  # Markdown escapes ( )
