"""A data dir written by the previous version (schema 1) opens, upgraded, with nothing lost.

``fixtures/schema1`` was written by reviewtui at schema 1 (the demo, a meeting under way
with a decision, an action from the shell): each meeting's file held its scorecard, items
were keyed by insertion order, and scorecards kept a ``summary`` table.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewtui.cli import cli
from reviewtui.store import layout
from reviewtui.store.repository import Store
from tests.store.killpoints import FINISHED, KILLED, run_killed_at

FIXTURE = Path(__file__).with_name("fixtures") / "schema1"


@pytest.fixture
def old_data_dir(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    return root


def test_a_schema_1_data_dir_is_upgraded_with_everything_in_it(old_data_dir: Path) -> None:
    old_items = {
        path.stem: sorted(row["number"] for row in json.loads(path.read_text())["items"].values())
        for path in (old_data_dir / "meetings").glob("*.json")
    }
    store = Store(old_data_dir)
    assert json.loads((old_data_dir / "reviewtui.json").read_text()) == {
        "schema_version": layout.SCHEMA_VERSION
    }
    for meeting_id, numbers in old_items.items():
        meeting = store.meeting(meeting_id)
        assert meeting.snapshot and (old_data_dir / "snapshots" / meeting.snapshot).exists()
        assert store.meeting_scorecard(meeting).id == "northwind-balanced-scorecard"
        assert sorted(i.number for i in store.items(meeting_id)) == numbers
    assert len({m.snapshot for m in store.meetings()}) == 1, "both meetings share one snapshot"
    assert [i.text for i in store.items(None)] == ["Loose action from the shell"]
    card = json.loads(
        (old_data_dir / "scorecards" / "northwind-balanced-scorecard.json").read_text()
    )
    assert list(card) == ["scorecard"], "the summary table is gone"
    result = CliRunner().invoke(cli, ["status"], env={"REVIEWTUI_DATA_DIR": str(old_data_dir)})
    assert result.exit_code == 0 and "Loose action from the shell" in result.output


def test_a_migration_killed_at_any_point_finishes_on_the_next_open(
    old_data_dir: Path, tmp_path: Path
) -> None:
    expected = {i.number for i in Store(shutil.copytree(FIXTURE, tmp_path / "ref")).all_items()}
    for point in range(1, 100):
        root = tmp_path / f"run-{point}"
        shutil.copytree(FIXTURE, root)
        code = run_killed_at(point, lambda root=root: Store(root))
        assert code in (KILLED, FINISHED)
        assert {i.number for i in Store(root).all_items()} == expected
        if code == FINISHED:
            assert point > 5
            return
    pytest.fail("the migration never finished")
