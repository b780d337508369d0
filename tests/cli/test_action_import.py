"""``reviewtui action import``: taskwarrior export JSON and followups CSV, never twice."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from reviewtui.cli import cli
from reviewtui.domain.capture import ActionStatus
from reviewtui.store.repository import Store
from tests.conftest import NORTHWIND_CSV


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--data-dir", str(root), *args])


@pytest.fixture
def root(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    assert run(data, "import", str(NORTHWIND_CSV)).exit_code == 0
    return data


def task(**fields: Any) -> dict[str, Any]:
    base = {
        "uuid": f"{len(str(fields)):08d}-aaaa-bbbb-cccc-{abs(hash(str(fields))) % 10**12:012d}",
        "description": "Renew the carrier contract",
        "status": "pending",
        "entry": "20261101T090000Z",
    }
    return {**base, **fields}


def write(path: Path, tasks: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps(tasks))
    return path


def test_taskwarrior_export_maps_fields_and_is_idempotent(root: Path, tmp_path: Path) -> None:
    export = write(
        tmp_path / "tasks.json",
        [
            task(uuid="u-1", owner="priya", due="20261127T170000Z", project="ops", tags=["q4"]),
            task(
                uuid="u-2",
                description="Close the books",
                status="completed",
                end="20261020T120000Z",
                due="20261015T000000Z",
            ),
            task(uuid="u-3", description="Old idea", status="deleted"),
            task(uuid="u-4", description="Weekly report", status="recurring"),
        ],
    )
    first = run(root, "action", "import", str(export), "--owner", "tom")
    assert first.exit_code == 0, first.output
    assert "3 action(s) imported" in first.output and "recurring template" in first.output
    again = run(root, "action", "import", str(export), "--owner", "tom")
    assert "0 action(s) imported" in again.output and "3 already there" in again.output
    items = {i.source_id: i for i in Store(root).all_items()}
    assert len(items) == 3
    carrier = items["taskwarrior:u-1"]
    # Due 17:00 UTC on the 27th: the 27th in London or New York, the 28th in Tokyo.
    local_due = dt.datetime(2026, 11, 27, 17, tzinfo=dt.UTC).astimezone().date()
    assert (carrier.owner, carrier.due) == ("Priya Raman", local_due)
    assert (carrier.project, carrier.tags, carrier.status) == ("ops", ["q4"], ActionStatus.OPEN)
    books = items["taskwarrior:u-2"]
    assert (books.owner, books.status) == ("Tom Becker", ActionStatus.DONE)
    assert books.history[-1].at.isoformat().startswith("2026-10-20")
    assert items["taskwarrior:u-3"].status is ActionStatus.DROPPED


def test_taskwarrior_problems_are_all_listed_and_nothing_is_imported(
    root: Path, tmp_path: Path
) -> None:
    export = write(
        tmp_path / "tasks.json",
        [task(uuid="u-1"), task(uuid="u-2", owner="x", due="friday"), task(uuid="", owner="x")],
    )
    result = run(root, "action", "import", str(export))
    assert result.exit_code == 1
    assert "task 1: owner: no `owner` attribute: give --owner NAME" in result.output
    assert "task 2: due: expected a time like 20261127T170000Z; got 'friday'" in result.output
    assert "task 3: uuid: missing" in result.output
    assert list(Store(root).all_items()) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        ('{"a": 1}', "expected a JSON list of tasks"),
    ],
)
def test_broken_json_files(root: Path, tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "tasks.json"
    path.write_text(content)
    result = run(root, "action", "import", str(path))
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


def test_followups_csv_with_bom_is_imported_once(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "followups.csv"
    path.write_text(
        "id,owner,owner_email,action,measure_id,measure,due,meeting_id,status\n"
        "A-7,Maria Gonzalez,,Re-phase the forecast,FIN-01,Revenue,2026-11-27,M-2,open\n"
        "A-8,james,,Call lost accounts,CUS-02,,2026-12-01,M-2,done\n",
        encoding="utf-8-sig",
    )
    assert "2 action(s) imported" in run(root, "action", "import", str(path)).output
    assert "2 already there" in run(root, "action", "import", str(path)).output
    items = sorted(Store(root).all_items(), key=lambda i: i.number)
    assert [(i.text, i.owner, i.measure_id, i.status.value) for i in items] == [
        ("Re-phase the forecast", "Maria Gonzalez", "FIN-01", "open"),
        ("Call lost accounts", "James Okafor", "CUS-02", "done"),
    ]


def test_csv_rows_with_problems_name_row_and_field(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(
        "action,owner,due,status\nFix it,maria,friday,open\n,tom,2026-12-01,open\n"
        "Ok,priya,2026-12-01,maybe\n"
    )
    result = run(root, "action", "import", str(path))
    assert result.exit_code == 1
    assert "row 2: due: expected YYYY-MM-DD; got 'friday'" in result.output
    assert "row 3: action: empty" in result.output
    assert "row 4: status: expected open, done or dropped; got 'maybe'" in result.output
    assert list(Store(root).all_items()) == []


def test_csv_without_owner_column_needs_owner(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("action,due\nFix it,2026-12-01\n")
    result = run(root, "action", "import", str(path))
    assert result.exit_code == 1 and "row 1: owner: no 'owner' column" in result.output
    assert run(root, "action", "import", str(path), "--owner", "maria").exit_code == 0
    assert [i.owner for i in Store(root).all_items()] == ["Maria Gonzalez"]


def test_broken_csv_quote(root: Path, tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text('action,owner\n"Fix it,maria\n')
    result = run(root, "action", "import", str(path))
    assert result.exit_code == 1 and "broken CSV" in result.output


def test_imported_actions_show_up_in_status(root: Path, tmp_path: Path) -> None:
    export = write(tmp_path / "t.json", [task(uuid="u-9", owner="priya", due="20261127T170000Z")])
    run(root, "action", "import", str(export))
    rows = json.loads(run(root, "status", "--owner", "priya", "--json").output)
    assert [r["action"] for r in rows] == ["Renew the carrier contract"]
