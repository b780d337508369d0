"""``reviewtui status`` and ``reviewtui action ...`` through CliRunner on a real data dir."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reviewtui.cli import cli
from reviewtui.domain.clock import FixedClock
from reviewtui.store.repository import Store
from tests.conftest import NORTHWIND_CSV

TODAY = dt.date(2026, 11, 23)  # a Monday


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data dir with the Northwind scorecard imported and 'today' fixed."""
    monkeypatch.setenv("REVIEWTUI_ME", "Priya Raman")
    root = tmp_path / "data"
    assert run(root, "import", str(NORTHWIND_CSV)).exit_code == 0
    return root


def run(root: Path, *args: str) -> Result:
    clock = FixedClock(dt.datetime.combine(TODAY, dt.time(9), tzinfo=dt.UTC))
    return CliRunner().invoke(cli, ["--data-dir", str(root), *args], obj={"clock": clock})


def add(root: Path, title: str, owner: str, due: str, *extra: str) -> str:
    result = run(root, "action", "add", title, "--owner", owner, "--due", due, *extra)
    assert result.exit_code == 0, result.output
    return result.output.split()[1]  # "✔ A-1 saved: ..."


def status_json(root: Path, *args: str) -> list[dict[str, object]]:
    result = run(root, "status", "--json", *args)
    assert result.exit_code == 0, result.output
    parsed: list[dict[str, object]] = json.loads(result.output)
    return parsed


def test_add_resolves_aliases_first_names_and_dates(data: Path) -> None:
    ref = add(data, "Re-phase the Q4 forecast", "maria", "fri", "--measure", "FIN-01")
    [row] = status_json(data, "--owner", "MARIA GONZALEZ")
    assert row["id"] == ref and row["owner"] == "Maria Gonzalez" and row["due"] == "2026-11-27"
    assert row["measure_status"] == {"key": "off_track", "name": "Off track", "symbol": "✖"}
    assert row["bucket"] == "due soon" and row["days_overdue"] is None


def test_status_orders_overdue_then_soon_then_later(data: Path) -> None:
    later = add(data, "Later", "Priya Raman", "2027-01-15")
    overdue = add(data, "Overdue", "Priya Raman", "2026-11-16")
    soon = add(data, "Soon", "Priya Raman", "wed")
    rows = status_json(data, "--me")
    assert [r["id"] for r in rows] == [overdue, soon, later]
    assert rows[0]["days_overdue"] == 7
    assert [r["id"] for r in status_json(data, "--me", "--overdue")] == [overdue]
    assert [r["id"] for r in status_json(data, "--me", "--due-within", "7d")] == [overdue, soon]


def test_plain_text_status_groups_everyone_by_owner(data: Path) -> None:
    add(data, "Call wholesale accounts", "Maria Gonzalez", "2026-11-20")
    add(data, "Second shift on Mondays", "Priya Raman", "+2w")
    result = run(data, "status")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Maria Gonzalez" and "3 days overdue" in lines[1] and "!" in lines[1]
    assert "Priya Raman" in lines


def test_done_redate_drop_keep_history_and_leave_the_open_list(data: Path) -> None:
    first = add(data, "One", "Tom Becker", "fri")
    second = add(data, "Two", "Tom Becker", "fri")
    third = add(data, "Three", "Tom Becker", "fri")
    assert run(data, "action", "done", first, "--note", "shipped").exit_code == 0
    assert (
        run(data, "action", "redate", second.lower(), "+2w", "--note", "waiting on IT").exit_code
        == 0
    )
    assert run(data, "action", "drop", third.removeprefix("A-")).exit_code == 0
    open_rows = status_json(data, "--owner", "tom")
    assert [(r["id"], r["due"], r["times_redated"]) for r in open_rows] == [
        (second, "2026-12-07", 1)
    ]
    items = {i.ref: i for i in Store(data).all_items()}
    assert items[first].status.value == "done" and items[first].history[-1].note == "shipped"
    assert items[first].history[-1].by == "Priya Raman"
    assert (items[second].history[-1].old, items[second].history[-1].new) == (
        "2026-11-27",
        "2026-12-07",
    )
    assert items[third].status.value == "dropped"
    listed = json.loads(run(data, "action", "list", "--status", "all", "--json").output)
    assert {r["id"]: r["status"] for r in listed} == {
        first: "done",
        second: "open",
        third: "dropped",
    }


def test_new_owner_is_accepted_with_a_warning_never_blocking(data: Path) -> None:
    result = run(
        data, "action", "add", "Brief the partner", "--owner", "Tom Bekcer", "--due", "fri"
    )
    assert result.exit_code == 0
    assert "did you mean 'Tom Becker'" in result.output
    result = run(data, "action", "add", "Onboard", "--owner", "Nadia New", "--due", "fri")
    assert result.exit_code == 0 and "is new" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["action", "done", "A-404"], "no action or other captured item numbered 404"),
        (["action", "done", "banana"], "expected an action id such as A-142"),
        (
            ["action", "add", "X", "--owner", "Maria", "--due", "someday"],
            "cannot read the date 'someday'",
        ),
        (
            ["action", "add", "X", "--owner", "Maria", "--due", "fri", "--measure", "FIN-1"],
            "did you mean 'FIN-01'",
        ),
        (["action", "redate", "A-1", "whenever"], "cannot read the date"),
        (["status", "--owner", "marai"], "did you mean 'Maria Gonzalez'"),
        (["status", "--due-within", "soon"], "expected a span such as 7d"),
        (
            ["action", "add", "X", "--owner", "Maria", "--due", "fri", "--meeting", "M-9"],
            "no meeting 'M-9'",
        ),
    ],
)
def test_bad_input_is_one_clear_message_exit_one_and_changes_nothing(
    data: Path, args: list[str], message: str
) -> None:
    add(data, "Existing", "Maria Gonzalez", "fri")
    before = sorted((p.name, p.read_bytes()) for p in (data / "actions").glob("*.json"))
    result = run(data, *args)
    assert result.exit_code == 1, result.output
    assert message in result.output and "Traceback" not in result.output
    assert sorted((p.name, p.read_bytes()) for p in (data / "actions").glob("*.json")) == before


def test_done_twice_is_refused(data: Path) -> None:
    ref = add(data, "Once", "Maria Gonzalez", "fri")
    assert run(data, "action", "done", ref).exit_code == 0
    result = run(data, "action", "done", ref)
    assert result.exit_code == 1 and "already done" in result.output


def test_me_without_identity_says_how_to_set_it(
    data: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("REVIEWTUI_ME")
    monkeypatch.setenv("REVIEWTUI_CONFIG_DIR", str(tmp_path / "config"))
    result = run(data, "status", "--me")
    assert result.exit_code == 1 and "REVIEWTUI_ME" in result.output
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text('me = "Lena Fischer"\n', encoding="utf-8")
    add(data, "Checkout phase 1", "lena", "fri")
    assert [r["owner"] for r in status_json(data, "--me")] == ["Lena Fischer"]


def test_csv_output_has_a_header_and_a_row_per_action(data: Path) -> None:
    add(data, "Quoted, with comma", "Maria Gonzalez", "fri")
    result = run(data, "status", "--csv")
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["action"] for r in rows] == ["Quoted, with comma"]


def test_numeric_dates_read_in_the_configured_order(
    data: Path, monkeypatch: pytest.MonkeyPatch, own_config_dir: Path
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # the locale says month first...
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_TIME", raising=False)
    add(data, "Month first", "Maria Gonzalez", "3/4")
    own_config_dir.mkdir(exist_ok=True)
    (own_config_dir / "config.toml").write_text('date_order = "dmy"\n', encoding="utf-8")
    add(data, "Day first", "Maria Gonzalez", "3/4")  # ...the config file wins
    assert [r["due"] for r in status_json(data)] == ["2027-03-04", "2027-04-03"]
    (own_config_dir / "config.toml").write_text('date_order = "ymd"\n', encoding="utf-8")
    result = run(data, "action", "add", "x", "--owner", "Maria Gonzalez", "--due", "3/4")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert 'date_order is \'ymd\'; expected "dmy" (31/12) or "mdy" (12/31)' in result.output
