"""Hostile and careless scorecards: every one refused with file, place and field, exit 1.

Each case below was found to leak, crash (exit 70) or pass unnoticed before.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result

from reviewtui.cli import cli

HEADER = "perspective,objective,measure,owner,owner_email,unit,polarity,kind,period,actual,target"


def validate(path: Path) -> Result:
    return CliRunner().invoke(cli, ["validate", str(path)])


def yaml_card(people: str, actual: str = "1") -> str:
    return f"""name: Hostile
people:
{people}
perspectives:
  - name: Financial
    objectives:
      - name: Grow
        measures:
          - id: M1
            name: Revenue
            owner: Maria
            series: [{{period: "2026-10", actual: {actual}, target: 2}}]
"""


def assert_refused(result: Result, *expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output and "unexpected error" not in result.output
    for text in expected:
        assert text in result.output, result.output


NOT_ONE_ADDRESS = [
    "x,evil@attacker.example",
    "Maria <m@x.org>",
    "m@x",
    "a b@x.org",
    "m@x.org\nBcc: e@v.il",
]  # noqa: E501


@pytest.mark.parametrize("address", NOT_ONE_ADDRESS)
def test_an_email_that_is_not_exactly_one_address_is_refused_in_yaml(
    tmp_path: Path, address: str
) -> None:
    path = tmp_path / "card.yaml"
    path.write_text(yaml_card(f"  - name: Maria\n    email: {json.dumps(address)}"))
    assert_refused(validate(path), "line 4", "email", "expected one email address")


def test_an_email_with_two_addresses_is_refused_in_json(tmp_path: Path) -> None:
    card = {
        "name": "J",
        "people": [{"name": "Maria", "email": "x,evil@attacker.example"}],
        "perspectives": [],
    }
    path = tmp_path / "card.json"
    path.write_text(json.dumps(card, indent=1))
    assert_refused(validate(path), "people[0].email", "expected one email address")


def test_an_email_with_two_addresses_is_refused_in_csv_and_xlsx(tmp_path: Path) -> None:
    row = ["F", "O", "Revenue", "Maria", "x,evil@attacker.example", "$", "higher", "lagging"]
    row += ["2026-10", "1", "2"]
    csv_path = tmp_path / "card.csv"
    csv_path.write_text(HEADER + "\n" + ",".join(f'"{c}"' for c in row) + "\n")
    assert_refused(validate(csv_path), "row 2", "owner_email", "expected one email address")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER.split(","))
    sheet.append(row)
    xlsx_path = tmp_path / "card.xlsx"
    workbook.save(xlsx_path)
    assert_refused(validate(xlsx_path), "row 2", "owner_email")


@pytest.mark.parametrize("name", [" ", "\t", "Maria\x1b[2J"])
def test_a_blank_or_control_character_name_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / "card.yaml"
    path.write_text(yaml_card(f"  - name: Maria\n  - name: {json.dumps(name)}"))
    assert_refused(validate(path), "line 4 (people[1].name)", "name")


def test_a_blank_owner_in_a_csv_row_is_a_problem_of_that_row(tmp_path: Path) -> None:
    path = tmp_path / "card.csv"
    path.write_text(HEADER + '\nF,O,Revenue,"\x1b[31m",,$,higher,lagging,2026-10,1,2\n')
    assert_refused(validate(path), "row 2", "owner", "control characters")


@pytest.mark.parametrize(
    ("suffix", "number", "expected"),
    [
        ("yaml", "9" * 400, "at most 30 significant digits"),
        ("json", "9" * 5000, "over 4,300 digits"),
        ("csv", "9" * 5000, "at most 30 significant digits"),
        ("csv", "1" + "0" * 40 + ".5", "at most 30 significant digits"),
    ],
)
def test_numbers_too_long_to_mean_anything_are_refused(
    tmp_path: Path, suffix: str, number: str, expected: str
) -> None:
    path = tmp_path / f"card.{suffix}"
    if suffix == "csv":
        path.write_text(HEADER + f"\nF,O,Revenue,Maria,,$,higher,lagging,2026-10,{number},2\n")
    elif suffix == "yaml":
        path.write_text(yaml_card("  - name: Maria", number))
    else:
        path.write_text(
            '{"name": "J", "people": [{"name": "Maria"}], "perspectives": [{"name": "F", '
            '"objectives": [{"name": "O", "measures": [{"id": "M", "name": "M", "series": '
            f'[{{"period": "2026-10", "actual": {number}, "target": 1}}]}}]}}]}}]}}'
        )
    assert_refused(validate(path), expected)


@pytest.mark.parametrize("suffix", ["yaml", "json"])
def test_very_deep_nesting_is_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"deep.{suffix}"
    path.write_text('{"a": ' + "[" * 5000 + "]" * 5000 + "}")
    assert_refused(validate(path), "nested too deeply")


def test_a_damaged_xlsx_says_it_is_not_readable(tmp_path: Path) -> None:
    bad_xml = tmp_path / "xml.xlsx"
    with zipfile.ZipFile(bad_xml, "w") as archive:
        archive.writestr("[Content_Types].xml", "<not xml")
    not_zip = tmp_path / "zip.xlsx"
    not_zip.write_bytes(b"PK\x03\x04 garbage")
    good = tmp_path / "good.xlsx"
    workbook = openpyxl.Workbook()
    workbook.save(good)
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(good.read_bytes()[:-200])
    for path in (bad_xml, not_zip, truncated):
        assert_refused(validate(path), str(path), "not a readable XLSX file")
