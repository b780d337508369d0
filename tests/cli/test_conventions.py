"""Shell conventions: -h everywhere, 130 on ctrl+c, no escape codes with NO_COLOR or
--no-color, and the full-screen commands refuse to start without a terminal."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from reviewtui.cli import cli
from reviewtui.commands import scorecards


def every_command(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found += every_command(command, (*prefix, name))
    return found


@pytest.mark.parametrize("path", every_command(cli), ids=" ".join)
def test_every_command_takes_dash_h(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "-h"])
    assert result.exit_code == 0 and "Usage:" in result.output


def test_ctrl_c_exits_130(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(scorecards, "summarise", interrupted)
    path = tmp_path / "card.csv"
    path.write_text("Measurable,Goal,Week 1,Week 2\nLeads,>= 5,4,6\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 130


@pytest.mark.parametrize("how", ["NO_COLOR", "--no-color"])
def test_no_escape_code_when_colour_is_off(
    tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "")  # --no-color sets it for the process: undone after
    bad = tmp_path / "bad.csv"
    bad.write_text("Measurable,Goal,Week 1\nLeads,lots,x\n", encoding="utf-8")
    env = {"NO_COLOR": "1"} if how == "NO_COLOR" else {}
    args = ["--no-color"] if how == "--no-color" else []
    result = CliRunner().invoke(cli, [*args, "validate", str(bad)], env=env, color=True)
    assert result.exit_code == 1 and "expected" in result.output
    assert "\x1b" not in result.output
    coloured = CliRunner().invoke(cli, ["validate", str(bad)], env={"NO_COLOR": ""}, color=True)
    assert "\x1b" in coloured.output  # the same error is coloured when colour is on


@pytest.mark.parametrize("command", [["meeting", "run", "M-1"], ["demo"], []])
def test_the_meeting_screen_refuses_to_start_without_a_terminal(
    tmp_path: Path, command: list[str]
) -> None:
    from tests.conftest import NORTHWIND_CSV

    data = ["--data-dir", str(tmp_path / "data")]
    CliRunner().invoke(cli, [*data, "meeting", "new", str(NORTHWIND_CSV)])
    result = CliRunner().invoke(cli, [*data, *command])
    assert result.exit_code == 1
    assert "reviewtui needs a terminal" in result.output and "\x1b[?" not in result.output


@pytest.mark.parametrize(
    "sample",
    [
        "northwind_balanced_scorecard.csv",
        "riverton_public_services.yaml",
        "brightpath_weekly_scorecard.xlsx",
        "cedar_street_eos_weekly.csv",
    ],
)
def test_validate_reads_any_format_from_standard_input(sample: str) -> None:
    from tests.conftest import SAMPLES

    result = CliRunner().invoke(cli, ["validate", "-"], input=(SAMPLES / sample).read_bytes())
    assert result.exit_code == 0, result.output
    assert "✔ -: valid" in result.output


def test_problems_on_standard_input_name_it_not_a_temporary_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", "-"], input=b"Measurable,Week 1\nLeads,lots\n")
    assert result.exit_code == 1
    assert "<stdin>, row 2: Week 1: expected a number" in result.output
    assert "reviewtui-stdin-" not in result.output


def test_import_and_action_import_read_standard_input(tmp_path: Path) -> None:
    from tests.conftest import NORTHWIND_CSV

    data = ["--data-dir", str(tmp_path / "data")]
    refused = CliRunner().invoke(cli, [*data, "import", "-"], input=NORTHWIND_CSV.read_bytes())
    assert refused.exit_code == 1 and "needs --as ID" in refused.output
    imported = CliRunner().invoke(
        cli, [*data, "import", "-", "--as", "northwind"], input=NORTHWIND_CSV.read_bytes()
    )
    assert imported.exit_code == 0 and "as 'northwind'" in imported.output
    tasks = b'[{"uuid": "1e9d7c5a-0000-4000-8000-000000000001", "description": "Call the bank",'
    tasks += b' "status": "pending", "entry": "20261101T090000Z", "owner": "maria"}]'
    result = CliRunner().invoke(cli, [*data, "action", "import", "-"], input=tasks)
    assert result.exit_code == 0, result.output
    listed = CliRunner().invoke(cli, [*data, "action", "list", "--json"])
    assert "Call the bank" in listed.output


def test_where_names_the_folders_and_every_config_key(tmp_path: Path) -> None:
    import json

    result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path / "d"), "where", "--json"])
    found = json.loads(result.output)
    assert found["schema_version"] == 1 and found["data_dir"] == str(tmp_path / "d")
    assert set(found["config_keys"]) == {"me", "email_from", "smtp", "date_order"}
    assert found["config_file"].endswith("config.toml")


def test_a_mistyped_config_key_is_refused_with_a_did_you_mean(
    own_config_dir: Path, tmp_path: Path
) -> None:
    own_config_dir.mkdir(parents=True, exist_ok=True)
    (own_config_dir / "config.toml").write_text('emial_from = "a@b.org"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path / "d"), "remind", "--dry-run"])
    assert result.exit_code == 1
    assert "unknown key 'emial_from' (did you mean 'email_from'?)" in result.output


def test_every_command_with_data_output_prints_json_that_parses(tmp_path: Path) -> None:
    import json

    from tests.conftest import NORTHWIND_CSV

    data = ["--data-dir", str(tmp_path / "data")]
    runner = CliRunner()

    def parsed(*args: str, code: int = 0) -> object:
        result = runner.invoke(cli, [*data, *args, "--json"])
        assert result.exit_code == code, (args, result.output)
        return json.loads(result.stdout)

    parsed("validate", str(NORTHWIND_CSV))
    parsed("import", str(NORTHWIND_CSV))
    added = parsed("action", "add", "Call the bank", "--owner", "maria", "--due", "fri")
    assert isinstance(added, dict) and added["action"]["id"] == "A-1"
    for change in (
        ["redate", "A-1", "+2w"],
        ["reassign", "A-1", "priya"],
        ["reword", "A-1", "Call the bank today"],
        ["link", "A-1", "FIN-05"],
        ["done", "A-1"],
        ["reopen", "A-1"],
        ["drop", "A-1"],
    ):
        shown = parsed("action", *change)
        assert isinstance(shown, dict) and shown["schema_version"] == 1
    tasks = tmp_path / "tasks.json"
    tasks.write_text('[{"uuid": "u-1", "description": "Book the room", "status": "pending"}]')
    parsed("action", "import", str(tasks), "--owner", "tom")
    meeting = runner.invoke(cli, [*data, "meeting", "new", "northwind-balanced-scorecard"])
    meeting_id = meeting.stdout.strip()
    for command in (
        ["status"],
        ["action", "list"],
        ["meeting", "list"],
        ["meeting", "show", meeting_id],
        ["history", "FIN-05"],
        ["report"],
        ["where"],
        ["remind", "--dry-run"],
        ["email", meeting_id, "--dry-run"],
        ["export", meeting_id, "--out", str(tmp_path / "out")],
    ):
        parsed(*command)


def completions(data: Path, words: str) -> list[str]:
    """What Tab offers after ``words`` (bash's protocol: ``type,value`` lines)."""
    typed = f"reviewtui --data-dir {data} {words}"
    env = {
        "_REVIEWTUI_COMPLETE": "bash_complete",
        "COMP_WORDS": typed,
        "COMP_CWORD": str(len(typed.split()) - (0 if typed.endswith(" ") else 1)),
    }
    result = CliRunner().invoke(cli, [], env=env, prog_name="reviewtui")
    return [line.split(",", 1)[1] for line in result.output.splitlines() if "," in line]


def test_tab_completes_meeting_and_action_ids_measures_and_names(tmp_path: Path) -> None:
    from tests.conftest import NORTHWIND_CSV

    data = tmp_path / "data"
    args = ["--data-dir", str(data)]
    CliRunner().invoke(cli, [*args, "meeting", "new", str(NORTHWIND_CSV)])
    CliRunner().invoke(cli, [*args, "action", "add", "Call the bank", "--owner", "maria",
                             "--due", "fri"])  # fmt: skip
    assert completions(data, "meeting show ") == ["M-1"]
    assert completions(data, "action done ") == ["A-1"]
    assert completions(data, "history FIN-0") == [f"FIN-0{n}" for n in range(1, 6)]
    assert completions(data, "action reassign A-1 pri") == ["Priya Raman"]
    assert "Maria Gonzalez" in completions(data, "status --owner M")


@pytest.mark.parametrize("path", every_command(cli), ids=" ".join)
def test_every_command_has_an_example_and_a_whole_summary(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert "Examples:" in result.output and "  reviewtui " in result.output
    listing = CliRunner().invoke(cli, [*path[:-1], "--help"], terminal_width=80)
    line = next(row for row in listing.output.splitlines() if row.strip().startswith(path[-1]))
    assert not line.endswith("..."), line  # summaries are whole at 80 columns


def test_meeting_new_from_standard_input_says_how(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--data-dir", str(tmp_path), "meeting", "new", "-"], input=b"x"
    )
    assert result.exit_code == 1 and "reviewtui import - --as ID" in result.output
