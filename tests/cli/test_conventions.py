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
