"""Importing stays linear: the review period is found once per import, not per measure,
and a large file reports its progress (only to a terminal)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewtui.cli import cli
from reviewtui.commands.progress import reading
from reviewtui.domain.scorecard import Scorecard
from reviewtui.importers import load_scorecard

HEADER = ["Perspective", "Objective", "Measure", "Owner", "Unit", "Polarity", "Kind",
          "Period", "Actual", "Target"]  # fmt: skip


def big_csv(path: Path, measures: int, periods: int = 3) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number in range(measures):
            for month in range(1, periods + 1):
                writer.writerow(["F", "O", f"Measure {number}", "Ana", "", "higher", "lagging",
                                 f"2026-{month:02d}", str(90 + number % 20), "100"])  # fmt: skip
    return path


def test_the_review_period_is_found_a_few_times_not_once_per_measure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0
    original = Scorecard.review_period

    def counted(self: Scorecard) -> str | None:
        nonlocal calls
        calls += 1
        return original(self)

    monkeypatch.setattr(Scorecard, "review_period", counted)
    path = big_csv(tmp_path / "card.csv", measures=300)
    result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path / "data"), "import", str(path)])
    assert result.exit_code == 0, result.output
    assert calls <= 5  # was once per measure: quadratic in the size of the file
    result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path / "data"), "import", str(path)])
    assert result.exit_code == 0 and calls <= 10


def test_progress_hears_every_thousand_rows_and_the_end(tmp_path: Path) -> None:
    heard: list[tuple[int, int]] = []
    load_scorecard(
        big_csv(tmp_path / "card.csv", measures=1000), progress=lambda *p: heard.append(p)
    )
    assert heard[0] == (0, 3000) and heard[-1] == (3000, 3000)
    assert [done for done, _ in heard] == sorted(done for done, _ in heard) and len(heard) == 4


def test_no_bar_when_the_output_is_not_a_terminal(tmp_path: Path) -> None:
    path = big_csv(tmp_path / "card.csv", measures=4000)
    assert path.stat().st_size > 512 * 1024
    with reading(path) as progress:
        assert progress is None  # pytest captures stderr: not a terminal
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0 and "\x1b" not in result.output
