"""Importers: each format, the error paths (row, field, what was expected), and fuzzing."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from reviewtui.domain.status import Polarity
from reviewtui.errors import InvalidInputError
from reviewtui.importers import load_scorecard
from tests.conftest import BRIGHTPATH_XLSX, NORTHWIND_CSV, RIVERTON_YAML

HEADER = [
    "Perspective",
    "Objective",
    "Measure",
    "Owner",
    "Unit",
    "Polarity",
    "Kind",
    "Period",
    "Actual",
    "Target",
]


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def problems_of(path: Path) -> list[tuple[str, str, str]]:
    with pytest.raises(InvalidInputError) as caught:
        load_scorecard(path)
    return [(p.location, p.field, p.message) for p in caught.value.problems]


def test_company_csv_sample_is_a_full_balanced_scorecard() -> None:
    card = load_scorecard(NORTHWIND_CSV)
    measures = [m for _, _, m in card.measures()]
    assert [p.name for p in card.perspectives] == [
        "Financial",
        "Customer",
        "Internal process",
        "People",
    ]
    assert len(measures) == 20 and len(card.periods()) == 12
    assert {m.kind.value for m in measures} == {"leading", "lagging"}
    assert all(p.email and "@" in p.email for p in card.people)
    statuses = {card.status_of(m).key for m in measures}
    assert {"off_track", "at_risk", "on_track"} <= statuses
    revenue = card.measure("FIN-01")
    assert revenue is not None and revenue.series[0].actual and revenue.series[0].actual > 1_000_000
    budgets = {i.name: i.budget for i in card.initiatives}
    assert budgets["Warehouse automation phase 2"] is not None
    assert budgets["Warehouse automation phase 2"].amount == 1_800_000
    assert budgets["Supplier quality programme"] is not None
    assert budgets["Supplier quality programme"].currency == "EUR"
    nps = card.measure("CUS-01")
    assert nps is not None and nps.status is not None and nps.status.bands is not None


def test_public_sector_yaml_sample_uses_four_levels_and_lower_is_better() -> None:
    card = load_scorecard(RIVERTON_YAML)
    assert (
        card.default_scheme == "riverton"
        and len(card.scheme_for(next(iter(card.measures()))[2]).levels) == 4
    )
    assert any(m.polarity is Polarity.LOWER_IS_BETTER for _, _, m in card.measures())
    assert card.review_period() == "2026-Q3"
    assert card.person("chief hale") is not None


def test_weekly_xlsx_sample_reads_percent_cells_as_percent() -> None:
    card = load_scorecard(BRIGHTPATH_XLSX)
    assert len(card.periods()) == 13 and card.frequency.value == "weekly"
    utilisation = next(m for _, _, m in card.measures() if m.name == "Billable utilisation")
    assert utilisation.series[0].target == pytest.approx(75)


def test_json_round_trip_of_the_full_model(tmp_path: Path) -> None:
    card = load_scorecard(RIVERTON_YAML)
    path = tmp_path / "riverton.json"
    path.write_text(json.dumps(card.model_dump(mode="json")), encoding="utf-8")
    assert load_scorecard(path) == card


def test_broken_csv_reports_every_problem_with_row_and_field(tmp_path: Path) -> None:
    rows = [
        [
            "Financial",
            "Grow",
            "Revenue",
            "Maria",
            "$",
            "higher",
            "lagging",
            "2026-01",
            "1,200",
            "1,000",
        ],
        [
            "Financial",
            "Grow",
            "Revenue",
            "Maria",
            "$",
            "higher",
            "lagging",
            "2026-02",
            "lots",
            "1,000",
        ],
        [
            "Financial",
            "Grow",
            "Margin",
            "Maria",
            "%",
            "sideways",
            "lagging",
            "2026-01",
            "40%",
            "42%",
        ],
        ["Financial", "Grow", "Revenue", "Maria", "$", "higher", "lagging", "2026-01", "1", "2"],
    ]
    found = problems_of(write_csv(tmp_path / "broken.csv", rows))
    assert ("row 3", "actual") in [(loc, field) for loc, field, _ in found]
    assert any(
        loc == "row 4" and field == "polarity" and "expected higher, lower or range" in msg
        for loc, field, msg in found
    )
    assert any(loc == "row 5" and field == "period" and "row 2" in msg for loc, field, msg in found)


def test_missing_target_column_names_the_header_row(tmp_path: Path) -> None:
    header = [h for h in HEADER if h != "Target"]
    found = problems_of(write_csv(tmp_path / "no-target.csv", [["a"] * 9], header))
    assert found == [("row 1", "target", found[0][2])] and "missing column target" in found[0][2]


def test_duplicate_measure_id_names_both_rows(tmp_path: Path) -> None:
    header = [*HEADER, "Measure ID"]
    rows = [
        ["F", "O", "Revenue", "Maria", "$", "higher", "lagging", "2026-01", "1", "1", "FIN-1"],
        ["F", "O", "Margin", "Maria", "%", "higher", "lagging", "2026-01", "1", "1", "FIN-1"],
    ]
    [(location, field, message)] = problems_of(write_csv(tmp_path / "dup.csv", rows, header))
    assert (location, field) == ("row 3", "measure_id")
    assert "duplicate measure id 'FIN-1'" in message and "row 2" in message


def test_headers_are_case_insensitive_and_semicolons_work(tmp_path: Path) -> None:
    path = tmp_path / "euro.csv"
    path.write_text(
        "PERSPECTIVE;objective;KPI;Owner;unit;polarity;kind;Period;Actual;Target\n"
        "Customer;Delight;NPS;Ana;points;up;lead;2026-01;41;40\n",
        encoding="utf-8-sig",
    )
    card = load_scorecard(path)
    measure = card.measure("nps")
    assert measure is not None and measure.kind.value == "leading"
    assert card.status_of(measure).key == "on_track"


def test_unknown_owner_in_yaml_gets_a_did_you_mean_with_its_line(tmp_path: Path) -> None:
    document = yaml.safe_load(RIVERTON_YAML.read_text(encoding="utf-8"))
    document["perspectives"][0]["objectives"][0]["measures"][0]["owner"] = "Angla Brooks"
    path = tmp_path / "typo.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    [(location, field, message)] = problems_of(path)
    assert location.startswith("line ") and field == "owner"
    assert "did you mean 'Angela Brooks'" in message


def test_bad_bands_and_unknown_scheme_are_reported(tmp_path: Path) -> None:
    header = [*HEADER, "Status bands", "Status scheme"]
    rows = [
        [
            "C",
            "O",
            "NPS",
            "Ana",
            "pts",
            "up",
            "lead",
            "2026-01",
            "41",
            "40",
            "on_track: >=40; at_risk: <40",
            "three_level",
        ],
        ["C", "O", "CSAT", "Ana", "%", "up", "lead", "2026-01", "41", "40", "", "fancy"],
    ]
    found = problems_of(write_csv(tmp_path / "bands.csv", rows, header))
    assert any(loc == "row 2" and "off_track" in msg for loc, _, msg in found)
    assert any(loc == "row 3" and "unknown status scheme 'fancy'" in msg for loc, _, msg in found)


def test_xlsx_named_sheet_and_missing_sheet(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.title = "Notes"
    sheet = workbook.create_sheet("Q3")
    sheet.append(HEADER)
    sheet.append(["F", "O", "Revenue", "Maria", "$", "higher", "lagging", "2026-Q3", 12, "1,5"])
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    with pytest.raises(InvalidInputError, match="no sheet named 'Q4'"):
        load_scorecard(path, sheet="Q4")
    with pytest.raises(InvalidInputError) as caught:
        load_scorecard(path, sheet="Q3")
    [problem] = caught.value.problems
    assert (problem.location, problem.field) == ("row 2", "target") and "Q3" in problem.source


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.csv", b"", "empty"),
        ("latin1.csv", "Périod".encode("latin-1"), "not UTF-8"),
        ("nul.csv", b"a,b\x00", "NUL"),
        ("fake.xlsx", b"not a zip", "not a readable XLSX"),
        ("bad.yaml", b"name: [unclosed", "invalid YAML"),
        ("bad.json", b'{"name": }', "invalid JSON"),
        ("list.yaml", b"- 1\n- 2\n", "expected a mapping"),
        ("scorecard.txt", b"hello", "unsupported file type"),
    ],
)
def test_unreadable_files_give_clear_errors(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InvalidInputError, match=expected):
        load_scorecard(path)


CELL = st.one_of(
    st.sampled_from(
        ["", "n/a", "12", "95%", "$1.2M", "higher", "lower", "range", "lead", "lag", "2026-01", "x"]
    ),
    st.text(max_size=8),
)


@given(rows=st.lists(st.lists(CELL, min_size=0, max_size=12), max_size=6))
def test_fuzzed_csv_gives_a_scorecard_or_clear_problems(
    tmp_path: Path, rows: list[list[str]]
) -> None:
    path = tmp_path / "fuzz.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    try:
        load_scorecard(path)
    except InvalidInputError as error:
        assert error.problems and all(p.message for p in error.problems)


@given(text=st.text(max_size=200))
def test_fuzzed_yaml_and_raw_csv_never_traceback(tmp_path: Path, text: str) -> None:
    for name in ("fuzz.yaml", "fuzz.csv"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        try:
            load_scorecard(path)
        except InvalidInputError as error:
            assert error.problems


MEASURE = st.fixed_dictionaries(
    {"id": st.text(max_size=5), "name": st.text(max_size=5)},
    optional={
        "polarity": st.sampled_from(["higher", "down", "range", "??", 3]),
        "owner": st.one_of(st.none(), st.text(max_size=4)),
        "status": st.fixed_dictionaries(
            {},
            optional={
                "bands": st.dictionaries(st.text(max_size=8), st.text(max_size=8)),
                "scheme": st.text(max_size=5),
            },
        ),
        "series": st.lists(
            st.fixed_dictionaries(
                {"period": st.text(max_size=4)},
                optional={
                    "actual": st.one_of(st.floats(), st.text(max_size=4)),
                    "target": st.integers(),
                },
            )
        ),
    },
)


@given(
    measures=st.lists(MEASURE, max_size=3),
    people=st.lists(st.fixed_dictionaries({"name": st.text(max_size=4)}), max_size=2),
)
def test_fuzzed_structured_scorecards_never_traceback(
    tmp_path: Path, measures: list[object], people: list[object]
) -> None:
    document = {
        "name": "Fuzz",
        "people": people,
        "perspectives": [{"name": "P", "objectives": [{"name": "O", "measures": measures}]}],
    }
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    try:
        load_scorecard(path)
    except InvalidInputError as error:
        assert error.problems


def test_rows_are_numbered_by_record_as_a_spreadsheet_shows_them(tmp_path: Path) -> None:
    """A cell with line breaks is one row, and a blank row still counts: the row number in
    a message must be the one the spreadsheet shows."""
    header = "perspective,objective,measure,owner,unit,polarity,kind,period,actual,target,analysis"
    good = (
        "Financial,Grow,Revenue,Maria,$,higher,lagging,2026-01,1200,1000,"
        '"Strong month.\nThe wholesale\norders came in early."'
    )
    blank = ",,,,,,,,,,"
    bad = "Financial,Grow,Revenue,Maria,$,higher,lagging,2026-02,lots,1000,"
    path = tmp_path / "multi.csv"
    path.write_text("\n".join([header, good, blank, bad]) + "\n")
    found = problems_of(path)
    assert [(loc, field) for loc, field, _ in found] == [("row 4", "actual")]
