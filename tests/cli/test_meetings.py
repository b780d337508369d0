"""``reviewtui meeting new/run/list``, ``demo`` and the bare command, through CliRunner."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from reviewtui.cli import cli
from reviewtui.commands import meetings as meeting_commands
from reviewtui.domain.meeting import MeetingState
from reviewtui.store.repository import Store
from tests.conftest import NORTHWIND_CSV, RIVERTON_YAML


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--data-dir", str(root), *args])


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, str | None]]:
    """Record what the app would open instead of opening it."""
    calls: list[tuple[Any, str | None]] = []
    monkeypatch.setattr(
        meeting_commands,
        "run_app",
        lambda store, meeting_id, theme=None, overview=False, opening=None: calls.append(
            (store, meeting_id)
        ),
    )
    return calls


def test_meeting_new_plans_from_a_file_and_prints_the_id(tmp_path: Path) -> None:
    root = tmp_path / "data"
    result = run(
        root,
        "meeting",
        "new",
        str(NORTHWIND_CSV),
        "--title",
        "October review",
        "--date",
        "2026-11-24",
        "--length",
        "45",
        "--order",
        "scorecard",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "M-1"
    meeting = Store(root).meeting("M-1")
    assert (meeting.title, meeting.date.isoformat(), meeting.length_minutes) == (
        "October review",
        "2026-11-24",
        45,
    )
    assert sum(a.timebox_seconds for a in meeting.agenda) == 45 * 60
    assert meeting.agenda[1].measure_id == "FIN-01"  # scorecard order
    assert Store(root).scorecard("northwind-balanced-scorecard")  # imported on the way


def test_meeting_new_says_when_it_is_too_short_for_every_measure(tmp_path: Path) -> None:
    """20 measures in 5 minutes: most get a 0:00 timebox. The plan says how many, and the
    length that gives every one some time; planned at that length, it says nothing."""
    root = tmp_path / "data"
    result = run(root, "meeting", "new", str(NORTHWIND_CSV), "--length", "5")
    assert result.exit_code == 0, result.output
    untimed = sum(
        1
        for item in Store(root).meeting("M-1").agenda
        if item.measure_id and not item.timebox_seconds
    )
    found = re.search(
        r"⚠ (\d+) of 20 measures get no time of their own in 5 minutes.*plan (\d+) minutes",
        result.stderr,
    )
    assert found and int(found[1]) == untimed > 0, result.stderr
    longer = found[2]
    result = run(root, "meeting", "new", str(NORTHWIND_CSV), "--length", longer)
    assert result.exit_code == 0 and "no time of their own" not in result.stderr
    assert all(item.timebox_seconds for item in Store(root).meeting("M-2").agenda)
    assert longer == "15"  # the shortest length in quarter hours that does


def test_meeting_new_accepts_an_imported_scorecard_id(tmp_path: Path) -> None:
    root = tmp_path / "data"
    assert run(root, "import", str(RIVERTON_YAML)).exit_code == 0
    result = run(root, "meeting", "new", "riverton-public-services")
    assert result.exit_code == 0, result.output
    assert Store(root).meeting("M-1").scorecard_id == "riverton-public-services"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere.csv"], "neither a scorecard file nor an imported scorecard id"),
        ([str(NORTHWIND_CSV), "--date", "tomorrowish"], "expected YYYY-MM-DD"),
        ([str(NORTHWIND_CSV), "--length", "2"], "lasts 5 to 600 whole minutes"),
    ],
)
def test_meeting_new_bad_input(tmp_path: Path, args: list[str], message: str) -> None:
    root = tmp_path / "data"
    result = run(root, "meeting", "new", *args)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (root / "meetings").exists() or not list((root / "meetings").glob("M-*.json"))


def test_meeting_list_text_and_json(tmp_path: Path) -> None:
    root = tmp_path / "data"
    assert "No meetings yet" in run(root, "meeting", "list").output
    run(root, "meeting", "new", str(NORTHWIND_CSV))
    run(root, "meeting", "new", str(RIVERTON_YAML))
    text = run(root, "meeting", "list").output.splitlines()
    assert text[0].startswith("M-2") and "planned" in text[0]
    rows = json.loads(run(root, "meeting", "list", "--json").output)
    assert [r["id"] for r in rows] == ["M-2", "M-1"]
    assert set(rows[0]) >= {"id", "date", "title", "state", "items", "actions"}


def test_meeting_run_opens_the_latest_unfinished(tmp_path: Path, opened: list[Any]) -> None:
    root = tmp_path / "data"
    run(root, "meeting", "new", str(NORTHWIND_CSV))
    run(root, "meeting", "new", str(NORTHWIND_CSV))
    store = Store(root)
    store.save_meeting(store.meeting("M-2").model_copy(update={"state": MeetingState.FINALIZED}))
    assert run(root, "meeting", "run").exit_code == 0
    assert run(root, "meeting", "run", "M-2").exit_code == 0
    assert [meeting_id for _, meeting_id in opened] == ["M-1", "M-2"]


def test_meeting_run_with_an_id_draws_the_meeting_from_its_file_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app gets the meeting as its file says, and no store: the store (pydantic, the
    models) is opened after the first frame. A file that cannot be read raw is opened
    the usual way, and its error said before the app."""
    root = tmp_path / "data"
    run(root, "meeting", "new", str(NORTHWIND_CSV))
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(
        meeting_commands, "run_app", lambda *args, **named: calls.append({"args": args, **named})
    )
    assert run(root, "meeting", "run", "M-1").exit_code == 0
    store, meeting_id = calls[0]["args"][:2]
    opening = calls[0]["opening"]
    assert store is None and meeting_id == "M-1"
    assert opening.glance.id == "M-1" and opening.glance.rows[0].current
    assert opening.open_store().meeting("M-1").id == "M-1"

    assert run(root, "watch", "--capture").exit_code == 0  # the latest unfinished
    watched = calls[1]
    assert watched["args"][:2] == (None, "M-1") and watched["opening"].glance.id == "M-1"
    assert watched["watching"] and watched["contributing"]
    del calls[1]

    (root / "meetings" / "M-1.json").write_text("{ not json")
    result = run(root, "meeting", "run", "M-1")
    assert result.exit_code == 1 and "is damaged" in result.output
    assert len(calls) == 1


def test_meeting_run_without_any_meeting_says_what_to_do(tmp_path: Path, opened: list[Any]) -> None:
    result = run(tmp_path / "data", "meeting", "run")
    assert result.exit_code == 1
    assert "reviewtui meeting new SCORECARD" in result.output
    result = run(tmp_path / "data", "meeting", "run", "M-9")
    assert result.exit_code == 1 and "no meeting 'M-9'" in result.output
    assert opened == []


def test_bare_command_opens_the_start_screen(tmp_path: Path, opened: list[Any]) -> None:
    assert run(tmp_path / "data").exit_code == 0
    assert opened[0][1] is None


def test_demo_seeds_a_throwaway_data_dir(opened: list[Any]) -> None:
    result = CliRunner().invoke(cli, ["demo", "--keep"])
    assert result.exit_code == 0, result.output
    store, meeting_id = opened[0]
    assert meeting_id == "M-2"
    assert "reviewtui-demo-" in str(store.data.root)
    actions = [i for i in store.all_items() if i.kind.value == "action"]
    open_actions = [i for i in actions if i.status.value == "open"]
    assert len(open_actions) == 4
    assert str(store.data.root) in result.output
    shutil.rmtree(store.data.root)


def test_demo_without_keep_removes_its_data_dir(opened: list[Any]) -> None:
    assert CliRunner().invoke(cli, ["demo"]).exit_code == 0
    assert not opened[0][0].data.root.exists()
