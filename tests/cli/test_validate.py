"""``reviewtui validate``: summaries for valid files, every problem and exit 1 otherwise."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from reviewtui.cli import cli
from tests.conftest import BRIGHTPATH_XLSX, NORTHWIND_CSV, RIVERTON_YAML


def test_validate_all_samples_exits_zero_with_a_summary() -> None:
    result = CliRunner().invoke(
        cli, ["validate", str(NORTHWIND_CSV), str(RIVERTON_YAML), str(BRIGHTPATH_XLSX)]
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("valid") == 3
    assert "20 measures" in result.output and "12 monthly periods" in result.output
    assert "✖ Off track" in result.output and "★" not in result.output.split("Riverton")[0]


def test_validate_broken_csv_lists_every_problem_and_exits_one(tmp_path: Path) -> None:
    with NORTHWIND_CSV.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    rows[3][header.index("Actual")] = "about ten"  # spreadsheet row 4
    broken = tmp_path / "broken.csv"
    with broken.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows[:4])
    no_target = tmp_path / "no-target.csv"
    target = header.index("Target")
    with no_target.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(
            [[c for i, c in enumerate(r) if i != target] for r in rows[:3]]
        )
    result = CliRunner().invoke(cli, ["validate", str(broken), str(no_target)])
    assert result.exit_code == 1
    assert "row 4: actual: expected a number" in result.output
    assert "row 1: target: missing column target" in result.output
    assert "Traceback" not in result.output


def test_validate_missing_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1 and "no such file" in result.output
