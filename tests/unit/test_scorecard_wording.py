"""Strict status schemes and the wording of scorecard errors: a typo is refused with its
line and a did-you-mean, never dropped; problems read in file order."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewtui.errors import InvalidInputError
from reviewtui.importers import load_scorecard
from tests.unit.test_importers import HEADER, write_csv

SCHEME = """\
name: Strict
default_scheme: mine
status_schemes:
  mine:
    {basis_line}
    levels:
      - {{key: good, name: Good, symbol: "✔", {colour}: success, when: ">=10"}}
      - {{key: bad, name: Bad, symbol: "✖", color: error, when: "<10"}}
perspectives:
  - name: P
    objectives:
      - name: O
        measures:
          - id: M1
            name: Measure one
            {measure_line}
            series:
              - {{period: {period}, actual: 3, target: 4}}
"""


def card(tmp_path: Path, **parts: str) -> Path:
    values = {
        "basis_line": "basis: absolute",
        "colour": "color",
        "measure_line": "polarity: higher",
        "period": '"2026-10"',
    }
    path = tmp_path / "strict.yaml"
    path.write_text(SCHEME.format(**{**values, **parts}), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(InvalidInputError) as caught:
        load_scorecard(path)
    return [str(problem) for problem in caught.value.problems]


def test_a_mistyped_scheme_key_is_refused_with_its_line_not_dropped(tmp_path: Path) -> None:
    # Before: `bassis` was ignored and the measure scored on percent of target.
    (found,) = problems(card(tmp_path, basis_line="bassis: absolute"))
    assert "line 5" in found and "bassis" in found and "did you mean 'basis'" in found


def test_an_unknown_key_inside_a_level_is_refused(tmp_path: Path) -> None:
    (found,) = problems(card(tmp_path, colour="shade"))
    assert "line 7" in found and "shade" in found and "color" in found


def test_the_british_spelling_of_colour_is_read(tmp_path: Path) -> None:
    scorecard = load_scorecard(card(tmp_path, colour="colour"))
    assert scorecard.status_schemes["mine"].levels[0].color == "success"
    measure = scorecard.measure("M1")
    assert measure is not None and scorecard.status_of(measure).key == "bad"  # 3 < 10, absolute


@pytest.mark.parametrize(("written", "label"), [("2006", "2006"), ("2026-10-05", "2026-10-05")])
def test_an_unquoted_year_or_date_is_the_period_it_names(
    tmp_path: Path, written: str, label: str
) -> None:
    scorecard = load_scorecard(card(tmp_path, period=written))
    assert scorecard.periods() == [label]


def test_a_period_yaml_read_as_a_decimal_number_asks_for_quotes(tmp_path: Path) -> None:
    (found,) = problems(card(tmp_path, period="2026.10"))
    assert "line 18" in found and "write it in quotes" in found


def test_a_scheme_name_alone_is_short_for_status_scheme(tmp_path: Path) -> None:
    scorecard = load_scorecard(card(tmp_path, measure_line="status: four_level"))
    measure = scorecard.measure("M1")
    assert measure is not None and scorecard.status_of(measure).key == "not_met"


def test_an_unknown_default_scheme_names_its_own_line(tmp_path: Path) -> None:
    path = card(tmp_path)
    path.write_text(path.read_text().replace("default_scheme: mine", "default_scheme: nine"))
    (found,) = problems(path)
    assert "line 2" in found and "unknown status scheme 'nine'" in found


def test_polarity_errors_name_the_words_the_docs_use(tmp_path: Path) -> None:
    (found,) = problems(card(tmp_path, measure_line="polarity: highr"))
    assert "expected higher, lower or range; got 'highr'" in found


def test_table_problems_are_listed_in_row_order(tmp_path: Path) -> None:
    good = ["Financial", "Grow", "Revenue", "Maria", "$", "higher", "lagging"]
    rows = [
        [*good, "2026-01", "1", "2"],
        ["Financial", "Grow", "Margin", "Maria", "%", "sideways", "lagging", "2026-01", "1", "2"],
        [*good, "2026-02", "lots", "2"],
        [*good[:5], "lower", "lagging", "2026-03", "1", "2"],
    ]
    with pytest.raises(InvalidInputError) as caught:
        load_scorecard(write_csv(tmp_path / "order.csv", rows, HEADER))
    rows_named = [int(p.location.split()[1]) for p in caught.value.problems]
    assert rows_named == sorted(rows_named) and len(rows_named) == 3
