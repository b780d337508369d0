"""Schemes as published reports write them, in CSV and XLSX: two levels, renamed levels,
a scheme sheet or a companion file, text targets, baselines and "made progress"."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from reviewtui.domain.scorecard import Scorecard
from reviewtui.errors import InvalidInputError
from reviewtui.importers import load_scorecard
from tests.unit.test_importers import HEADER, write_csv

ROW = ["Service", "Serve well", "Permits issued on time", "Ana", "%", "higher", "lagging"]


def status(card: Scorecard, measure_id: str, period: str | None = None) -> str:
    measure = card.measure(measure_id)
    assert measure is not None
    level = card.status_of(measure, period)
    return f"{level.symbol} {level.name}"


def test_a_two_level_band_set_needs_no_scheme_name(tmp_path: Path) -> None:
    # Before: refused with "no band given for level(s) at_risk".
    rows = [[*ROW, "2026", "96", "95", "met: >=100; not_met: <100"]]
    card = load_scorecard(write_csv(tmp_path / "two.csv", rows, [*HEADER, "Status bands"]))
    assert status(card, "permits-issued-on-time") == "✔ Met"
    rows = [[*ROW, "2026", "90", "95", "met: >=100; not_met: <100"]]
    card = load_scorecard(write_csv(tmp_path / "two.csv", rows, [*HEADER, "Status bands"]))
    assert status(card, "permits-issued-on-time") == "✖ Not met"


SCHEME_SHEET = [
    ["Scheme", "Key", "Name", "Symbol", "Colour", "When"],
    ["federal", "met", "Target met", "✔", "success", ">=100"],
    [None, "not_met", "Target not met", "✖", "error", "<100"],
    [None, "made_progress", "Made progress", "↗", "warning", "progress"],
    [None, "first_year", "Baseline year", "◎", "accent", "baseline"],
]


def workbook(path: Path, data: list[list[object]], scheme: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Measures"
    for row in [HEADER, *data]:
        sheet.append(row)
    levels = book.create_sheet("Status levels")
    for row in scheme:
        levels.append(row)
    book.save(path)
    return path


def test_a_scheme_sheet_defines_renamed_levels_progress_and_baseline(tmp_path: Path) -> None:
    data = [
        [*ROW, "2024", "80", "95"],
        [*ROW, "2025", "85", "95"],  # short of 95, better than 80: made progress
        [*ROW[:2], "Backlog", "Ana", "cases", "lower", "lagging", "2025", "40", "30"],
        [*ROW[:2], "Backlog", "Ana", "cases", "lower", "lagging", "2024", "35", "30"],
        [*ROW[:2], "Libraries", "Ana", "visits", "higher", "lagging", "2025", "1200", ""],
        [*ROW[:2], "Parks", "Ana", "ha", "higher", "lagging", "2024", "10", "Maintain"],
        [*ROW[:2], "Parks", "Ana", "ha", "higher", "lagging", "2025", "10", "Maintain"],
    ]
    card = load_scorecard(workbook(tmp_path / "federal.xlsx", data, SCHEME_SHEET))
    assert card.default_scheme == "federal"
    assert status(card, "permits-issued-on-time", "2025") == "↗ Made progress"
    assert status(card, "permits-issued-on-time", "2024") == "✖ Target not met"  # has a target
    assert status(card, "backlog", "2025") == "✖ Target not met"  # worse than 35
    assert status(card, "libraries", "2025") == "◎ Baseline year"  # first year, no target
    assert status(card, "parks", "2025") == "◇ No numeric target"
    parks = card.measure("parks")
    assert parks is not None and parks.series[0].target_label == "Maintain"


def test_a_bad_scheme_row_is_named_by_its_row(tmp_path: Path) -> None:
    broken = [*SCHEME_SHEET[:2], [None, "not_met", "Target not met", "✖", "error", "<95"]]
    with pytest.raises(InvalidInputError) as caught:
        load_scorecard(workbook(tmp_path / "gap.xlsx", [[*ROW, "2025", "1", "2"]], broken))
    (problem,) = caught.value.problems
    assert "Status levels" in problem.source and "no band covers a score of 95" in problem.message


def test_a_csv_takes_its_schemes_from_the_file_beside_it(tmp_path: Path) -> None:
    (tmp_path / "city.schemes.yaml").write_text(
        "status_schemes:\n"
        "  published:\n"
        "    levels:\n"
        "      - {key: achieved, name: Achieved, symbol: '✔', colour: success, when: '>=100'}\n"
        "      - {key: missed, name: Missed, symbol: '✖', color: error, when: '<100'}\n",
        encoding="utf-8",
    )
    card = load_scorecard(write_csv(tmp_path / "city.csv", [[*ROW, "2026", "99", "100"]]))
    assert status(card, "permits-issued-on-time") == "✖ Missed"


def test_a_typo_in_the_companion_file_is_refused_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "city.schemes.yaml").write_text(
        "status_schemes:\n  published:\n    bassis: absolute\n    levels: []\n", encoding="utf-8"
    )
    with pytest.raises(InvalidInputError) as caught:
        load_scorecard(write_csv(tmp_path / "city.csv", [[*ROW, "2026", "99", "100"]]))
    assert any(
        "city.schemes.yaml" in p.source and p.location.startswith("line 3") and "basis" in p.message
        for p in caught.value.problems
    )


def test_a_number_with_a_typo_is_still_refused_not_taken_for_words(tmp_path: Path) -> None:
    for typo in ("1,5", "12 days", "$"):
        with pytest.raises(InvalidInputError, match="target"):
            load_scorecard(write_csv(tmp_path / "typo.csv", [[*ROW, "2026", "99", typo]]))
