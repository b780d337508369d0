"""The ``reviewtui`` command line: a click group of small commands.

Textual is imported only by the commands that open the app, so commands people run many
times a day (``status``, ``action done``) start fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from reviewtui import __version__
from reviewtui.commands import output
from reviewtui.errors import InvalidInputError, ReviewError
from reviewtui.paths import DATA_DIR_ENV

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
        except KeyboardInterrupt:  # ctrl+c: the shell's convention, 128 + SIGINT
            output.note("Interrupted.")
            ctx.exit(130)
        finally:
            store = (ctx.obj or {}).get("store")
            for notice in store.notices if store is not None else []:
                output.warn(notice)


@click.group(
    cls=ReviewGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="reviewtui")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=DATA_DIR_ENV,
    help=f"Where meetings and actions are kept (env {DATA_DIR_ENV}).",
)
@click.option(
    "--no-color",
    is_flag=True,
    help="No colour or other escape codes in the output (as NO_COLOR=1 does).",
)
@click.option("--no-pager", is_flag=True, help="Print long lists straight out, not through less.")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None, no_color: bool, no_pager: bool) -> None:
    """Run your organisation's performance review meeting live, from the terminal.

    With no command, opens the app on its start screen: start a meeting from a
    scorecard, resume an unfinished one, or open a past one read-only.
    """
    if no_color:
        os.environ["NO_COLOR"] = "1"  # read by every message, and by the app's colours
    if no_pager:
        os.environ["REVIEWTUI_NO_PAGER"] = "1"  # read where a long list is printed
    ctx.ensure_object(dict)["data_dir"] = data_dir  # keeps an injected clock (tests)
    if ctx.invoked_subcommand is None:
        from reviewtui.commands.context import store_from
        from reviewtui.commands.meetings import run_app

        run_app(store_from(ctx), None)


def _register_commands() -> None:
    from reviewtui.commands import lifecycle  # noqa: F401 (registers the action lifecycle)
    from reviewtui.commands.actions import action, status
    from reviewtui.commands.examples import annotate
    from reviewtui.commands.exports import email, export
    from reviewtui.commands.history import history, report
    from reviewtui.commands.meetings import demo, meeting, watch
    from reviewtui.commands.remind import remind
    from reviewtui.commands.scorecards import import_scorecard, validate
    from reviewtui.commands.serve import serve
    from reviewtui.commands.where import where

    cli.add_command(validate)
    cli.add_command(import_scorecard)
    cli.add_command(status)
    cli.add_command(action)
    cli.add_command(meeting)
    cli.add_command(demo)
    cli.add_command(history)
    cli.add_command(report)
    cli.add_command(export)
    cli.add_command(email)
    cli.add_command(remind)
    cli.add_command(where)
    cli.add_command(watch)
    cli.add_command(serve)
    annotate(cli)


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
            color=output.colour(),
        )
        sys.exit(70)
