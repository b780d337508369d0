"""The ``reviewtui`` command line: a click group of small commands.

Textual is imported only by the commands that open the app, so commands people run many
times a day (``status``, ``action done``) start fast.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

from reviewtui import __version__
from reviewtui.commands import output
from reviewtui.errors import InvalidInputError, ReviewError
from reviewtui.paths import DATA_DIR_ENV, data_dir

DEBUG_ENV = "REVIEWTUI_DEBUG"


class ReviewGroup(click.Group):
    """A click group that turns every ReviewError into one readable message and exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; errors meant for users become messages, never tracebacks."""
        try:
            return super().invoke(ctx)
        except InvalidInputError as error:
            for problem in error.problems:
                output.error(str(problem))
            ctx.exit(1)
        except ReviewError as error:
            output.error(str(error))
            ctx.exit(1)
        finally:
            store = (ctx.obj or {}).get("store")
            for notice in store.notices if store is not None else []:
                output.warn(notice)


@click.group(cls=ReviewGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="reviewtui")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=DATA_DIR_ENV,
    help=f"Where meetings and actions are kept (env {DATA_DIR_ENV}).",
)
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None) -> None:
    """Run your organisation's performance review meeting live, from the terminal.

    With no command, opens the app on its start screen: start a meeting from a
    scorecard, resume an unfinished one, or open a past one read-only.
    """
    ctx.obj = {"data_dir": data_dir}
    if ctx.invoked_subcommand is None:
        from reviewtui.commands.meetings import run_app

        run_app(store_from(ctx), None)


def store_from(ctx: click.Context) -> Any:
    """Open the store for the chosen data dir (imported lazily: most commands need it).

    One store per command, kept so that what it repaired or skipped is reported at the end.
    """
    from reviewtui.store.repository import Store

    root = ctx.find_root()
    if root.obj.get("store") is None:
        root.obj["store"] = Store(data_dir(root.obj["data_dir"]))
    return root.obj["store"]


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--sheet", help="Worksheet to read from XLSX files (default: the first).")
def validate(files: tuple[Path, ...], sheet: str | None) -> None:
    """Check scorecard files (CSV, XLSX, YAML, JSON) and summarise them.

    Every problem is listed with its file, row or line, field and what was expected.
    """
    from reviewtui.importers import load_scorecard

    failed = 0
    for path in files:
        try:
            scorecard = load_scorecard(path, sheet)
        except InvalidInputError as error:
            failed += 1
            count = len(error.problems)
            output.error(f"{path}: {count} problem{'s' * (count != 1)}")
            for problem in error.problems:
                output.note(f"  {problem}")
            continue
        click.echo(f"✔ {path}: valid")
        click.echo(summarise(scorecard))
    if failed:
        raise SystemExit(1)


def summarise(scorecard: Any) -> str:
    """A few lines on a scorecard: perspectives, measures, periods and statuses."""
    measures = [m for _, _, m in scorecard.measures()]
    periods = scorecard.periods()
    period = scorecard.review_period()
    statuses: Counter[tuple[str, str]] = Counter()
    for measure in measures:
        level = scorecard.status_of(measure, period)
        statuses[(level.symbol, level.name)] += 1
    span = (
        f"{periods[0]} … {periods[-1]}" if len(periods) > 1 else (periods[0] if periods else "none")
    )
    counts = (
        f"{len(scorecard.perspectives)} perspectives, {len(measures)} measures, "
        f"{len(scorecard.initiatives)} initiatives, {len(scorecard.people)} people"
    )
    frequency = scorecard.frequency.value
    status_line = ", ".join(f"{symbol} {name} {n}" for (symbol, name), n in statuses.most_common())
    lines = [
        f"  {scorecard.name}: {counts}",
        f"  {len(periods)} {frequency} periods ({span}); review period {period or 'none'}",
        f"  status: {status_line}",
    ]
    return "\n".join(lines)


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--sheet", help="Worksheet to read from an XLSX file.")
@click.pass_context
def import_scorecard(ctx: click.Context, file: Path, sheet: str | None) -> None:
    """Import (or re-import) a scorecard into the data dir: its people and measures."""
    from reviewtui.services.scorecards import import_scorecard

    store = store_from(ctx)
    scorecard = import_scorecard(store, file, sheet)
    output.say(f"✔ imported {scorecard.name} as {scorecard.id!r} into {store.data.root}")
    click.echo(summarise(scorecard))


def _register_commands() -> None:
    from reviewtui.commands.actions import action, status
    from reviewtui.commands.exports import email, export
    from reviewtui.commands.history import history, report
    from reviewtui.commands.meetings import demo, meeting

    cli.add_command(status)
    cli.add_command(action)
    cli.add_command(meeting)
    cli.add_command(demo)
    cli.add_command(history)
    cli.add_command(report)
    cli.add_command(export)
    cli.add_command(email)


_register_commands()


def main() -> None:
    """Entry point: run the CLI; an unexpected error prints one line, not a traceback."""
    try:
        cli.main(prog_name="reviewtui")
    except Exception as error:  # the last line of defence; REVIEWTUI_DEBUG shows it all
        if os.environ.get(DEBUG_ENV):
            raise
        click.secho(
            f"✖ reviewtui hit an unexpected error ({type(error).__name__}: {error}). "
            f"Please report it with the command you ran; set {DEBUG_ENV}=1 to see details.",
            fg="red",
            err=True,
        )
        sys.exit(70)
