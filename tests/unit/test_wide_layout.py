"""The wide layout (a column per period) reads the same as its long twin, in CSV and XLSX,
with the target in a goal column or in a target row."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from reviewtui.domain.scorecard import Scorecard
from reviewtui.errors import InvalidInputError
from reviewtui.importers import load_scorecard
from tests.conftest import SAMPLES

EOS = SAMPLES / "cedar_street_eos_weekly.csv"


def wide_rows() -> list[list[str]]:
    with EOS.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def long_twin(path: Path) -> Path:
    """The sample written out by hand in the long layout: one row per measure and week."""
    header, *body = wide_rows()
    weeks = header[5:]
    rows = [["Perspective", "Objective", "Measure", "Owner", "Owner email", "Unit",
             "Polarity", "Kind", "Period", "Actual", "Target"]]  # fmt: skip
    for who, email, name, unit, goal, *actuals in body:
        polarity = "higher" if goal.startswith(">") else "lower"
        target = goal.lstrip("<>= ")
        for week, actual in zip(weeks, actuals, strict=True):
            rows.append(["Scorecard", "Measurables", name, who, email, unit, polarity,
                         "lagging", week, actual, target])  # fmt: skip
    return write(path, rows)


def target_row_twin(path: Path) -> Path:
    """The sample with a Values column and a target row under each measure's actuals."""
    header, *body = wide_rows()
    rows = [[*header[:4], "Polarity", "Values", *header[5:]]]
    for who, email, name, unit, goal, *actuals in body:
        polarity = "higher" if goal.startswith(">") else "lower"
        rows.append([who, email, name, unit, polarity, "actual", *actuals])
        rows.append(
            [who, email, name, unit, polarity, "target", *[goal.lstrip("<>= ")] * len(actuals)]
        )
    return write(path, rows)


def xlsx_twin(path: Path) -> Path:
    book = Workbook()
    for row in wide_rows():
        book.active.append(row)
    book.save(path)
    return path


def statuses(card: Scorecard) -> dict[tuple[str, str], str]:
    return {
        (measure.id, period): card.status_of(measure, period).key
        for _, _, measure in card.measures()
        for period in card.periods()
    }


@pytest.mark.parametrize("twin", [long_twin, target_row_twin, xlsx_twin])
def test_a_wide_sheet_gives_the_statuses_of_its_twin(
    tmp_path: Path, twin: Callable[[Path], Path]
) -> None:
    wide = load_scorecard(EOS)
    other = load_scorecard(twin(tmp_path / f"twin{'.xlsx' if twin is xlsx_twin else '.csv'}"))
    assert wide.periods() == other.periods() and len(wide.periods()) == 13
    assert statuses(wide) == statuses(other)
    assert len(set(statuses(wide).values())) >= 3  # a real mix, not all one level


def test_yearless_week_columns_keep_their_order(tmp_path: Path) -> None:
    rows = [
        ["Measurable", "Goal", "Week 9", "Week 10", "Week 11"],
        ["Leads", ">= 5", "4", "6", "3"],
    ]
    card = load_scorecard(write(tmp_path / "weeks.csv", rows))
    assert card.periods() == ["Week 9", "Week 10", "Week 11"]
    measure = card.measure("leads")
    assert measure is not None and card.status_of(measure).key == "off_track"  # Week 11: 3 < 5


def test_wide_problems_name_the_row_and_the_period_column(tmp_path: Path) -> None:
    rows = [
        ["Measurable", "Goal", "Polarity", "Values", "Oct 2026", "Nov 2026"],
        ["Leads", ">= 5", "lower", "actual", "4", "6"],
        ["Calls", "10", "", "actual", "4", "lots"],
        ["Calls", "", "", "budgett", "1", "2"],
    ]
    with pytest.raises(InvalidInputError) as caught:
        load_scorecard(write(tmp_path / "bad.csv", rows))
    found = [(p.location, p.field) for p in caught.value.problems]
    assert ("row 2", "target") in found  # >= says higher, polarity says lower
    assert ("row 3", "Nov 2026") in found
    assert ("row 4", "values") in found


HEADERS = st.sampled_from(
    ["Measurable", "Who", "Goal", "Values", "Polarity", "Unit", "Week 3", "2026-10", "Q3 2026",
     "Oct", "W7", "notes", ""]
)  # fmt: skip
CELLS = st.one_of(
    st.sampled_from(["", ">= 5", "< 3", "target", "actual", "budgett", "n/a", "1,5", "Maintain",
                     "higher", "lower", "$1.2M", "95%", "-3", "Leads", "Calls"]),
    st.text(max_size=8),
)  # fmt: skip


@given(
    header=st.lists(HEADERS, min_size=1, max_size=7),
    rows=st.lists(st.lists(CELLS, max_size=8), max_size=5),
)
def test_fuzzed_wide_sheets_give_a_scorecard_or_clear_problems(
    tmp_path_factory: pytest.TempPathFactory, header: list[str], rows: list[list[str]]
) -> None:
    path = write(tmp_path_factory.mktemp("wide") / "fuzz.csv", [header, *rows])
    try:
        load_scorecard(path)
    except InvalidInputError as error:
        assert error.problems and all(p.message for p in error.problems)


def test_date_cells_as_column_headers_are_periods(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["Measurable", "Goal", dt.datetime(2026, 10, 5), dt.datetime(2026, 10, 12)])
    book.active.append(["Leads", ">= 5", 6, 4])
    book.save(tmp_path / "dates.xlsx")
    card = load_scorecard(tmp_path / "dates.xlsx")
    assert card.periods() == ["2026-10-05", "2026-10-12"] and card.frequency.value == "weekly"
    measure = card.measure("leads")
    assert measure is not None and card.status_of(measure).key == "off_track"
