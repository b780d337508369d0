"""``reviewtui history`` and ``reviewtui report`` on a real data dir with several meetings."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reviewtui.cli import cli
from reviewtui.domain.capture import ActionStatus
from reviewtui.domain.clock import FixedClock
from reviewtui.domain.meeting import MeetingState
from reviewtui.importers import load_scorecard
from reviewtui.services import actions, lifecycle
from reviewtui.services.lifecycle import Actor
from reviewtui.services.meetings import plan_meeting
from reviewtui.store.repository import Store
from tests.conftest import NORTHWIND_CSV

TODAY = dt.date(2026, 11, 23)


def run(root: Path, *args: str) -> Result:
    clock = FixedClock(dt.datetime.combine(TODAY, dt.time(9), tzinfo=dt.UTC))
    return CliRunner().invoke(cli, ["--data-dir", str(root), *args], obj={"clock": clock})


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three held meetings a month apart (FIN-01 red at each), one planned; actions."""
    clock = FixedClock(dt.datetime(2026, 8, 24, 9, 0, tzinfo=dt.UTC))
    store = Store(tmp_path / "data", clock)
    card = load_scorecard(Path(NORTHWIND_CSV))
    store.save_scorecard(card)
    for month in (9, 10, 11):
        date = dt.date(2026, month, 20)
        meeting = plan_meeting(store, card, f"Review {month}", date)
        store.save_meeting(meeting.model_copy(update={"state": MeetingState.FINALIZED}))
    plan_meeting(store, card, "Next one", dt.date(2026, 12, 20))  # planned: not held
    slipping, _ = actions.add_action(
        store, "Re-phase the forecast", "maria", dt.date(2026, 9, 1), "FIN-01", "M-1"
    )
    lifecycle.redate(store, slipping.ref, dt.date(2026, 10, 1), Actor("maria"))
    lifecycle.redate(store, slipping.ref, dt.date(2026, 12, 1), Actor("maria"))
    on_time, _ = actions.add_action(store, "Send the bridge", "maria", dt.date(2026, 9, 10))
    clock.at = dt.datetime(2026, 9, 5, 9, 0, tzinfo=dt.UTC)
    lifecycle.set_status(store, on_time.ref, ActionStatus.DONE, Actor("maria"))
    late, _ = actions.add_action(store, "Hire two pickers", "priya", dt.date(2026, 9, 10))
    clock.at = dt.datetime(2026, 9, 30, 9, 0, tzinfo=dt.UTC)
    lifecycle.set_status(store, late.ref, ActionStatus.DONE, Actor("priya"))
    actions.add_action(store, "Still open", "priya", dt.date(2026, 10, 1))
    actions.add_action(store, "Not due yet", "priya", dt.date(2027, 1, 1))
    return store.data.root


def test_history_shows_status_per_meeting_and_actions(root: Path) -> None:
    result = run(root, "history", "FIN-01")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "FIN-01 Revenue"
    assert sum("✖ Off track" in line for line in lines) == 4  # the planned one too
    assert "A-1    Re-phase the forecast" in result.output
    data = json.loads(run(root, "history", "FIN-01", "--json").output)
    assert [m["meeting_id"] for m in data["meetings"]] == ["M-1", "M-2", "M-3", "M-4"]
    assert data["meetings"][0]["status"] == {"key": "off_track", "name": "Off track", "symbol": "✖"}
    assert data["meetings"][0]["items"][0]["times_redated"] == 2


def test_history_of_an_unknown_measure(root: Path) -> None:
    result = run(root, "history", "FIN-1")
    assert result.exit_code == 1
    assert "did you mean 'FIN-01'" in result.output


def test_report_runs_slips_and_completion(root: Path) -> None:
    data = json.loads(run(root, "report", "--json").output)
    assert data["meetings"] == 3
    red = {r["measure_id"]: r for r in data["off_track_runs"]}
    assert red["FIN-01"]["meetings"] == 3 and red["FIN-01"]["since_meeting"] == "M-1"
    assert "FIN-02" not in red  # on track
    assert [(a["id"], a["times_redated"]) for a in data["slipping_actions"]] == [("A-1", 2)]
    by_owner = {row["owner"]: row for row in data["completion"]}
    assert by_owner["Maria Gonzalez"] == {
        "owner": "Maria Gonzalez",
        "due": 1,
        "done_on_time": 1,
        "done_late": 0,
        "still_open": 0,
        "rate": 1.0,
    }
    assert by_owner["Priya Raman"]["due"] == 2  # the late one and the open one
    assert by_owner["Priya Raman"]["done_late"] == 1
    assert by_owner["Priya Raman"]["rate"] == 0.0
    text = run(root, "report").output
    assert "FIN-01" in text and "3 meetings (since M-1)" in text
    assert "Priya Raman" in text and "0/2 on time, 1 late, 1 still open" in text


def test_report_since_and_runs(root: Path) -> None:
    data = json.loads(run(root, "report", "--since", "2026-10-01", "--runs", "2", "--json").output)
    assert data["meetings"] == 2
    assert any(r["measure_id"] == "FIN-01" and r["meetings"] == 2 for r in data["off_track_runs"])
    assert not json.loads(run(root, "report", "--runs", "4", "--json").output)["off_track_runs"]


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--since", "last week"], "expected YYYY-MM-DD"), (["--runs", "0"], "start at 1")],
)
def test_report_bad_input(root: Path, args: list[str], message: str) -> None:
    result = run(root, "report", *args)
    assert result.exit_code == 1 and message in result.output
