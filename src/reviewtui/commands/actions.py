"""``reviewtui status`` and ``reviewtui action ...``: owners' commands between meetings."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from reviewtui.commands import output
from reviewtui.commands.complete import measure_ids, people
from reviewtui.commands.context import acting_user, store_from, today
from reviewtui.commands.listing import emit
from reviewtui.commands.stdin import actions_suffix, readable
from reviewtui.errors import InvalidInputError, NotFoundError, Problem
from reviewtui.paths import data_dir

if TYPE_CHECKING:
    from reviewtui.domain.capture import CapturedItem
    from reviewtui.services.open_actions import ActionIndex, ActionRow

JSON_KEY = "json"
JSON = click.option(
    "--json",
    is_flag=True,
    expose_value=False,
    callback=lambda ctx, _, value: ctx.meta.__setitem__(JSON_KEY, value),
    help="The action as JSON (schema_version, action: id, kind, text, owner, due, status...).",
)
"""``--json`` on a command that changes one action: it prints that action for scripts."""


def said(ctx: click.Context, item: CapturedItem, line: str) -> None:
    """The line for people, or with ``--json`` the action as JSON (see docs/commands.md)."""
    if ctx.meta.get(JSON_KEY):
        import json

        from reviewtui.services.item_json import SCHEMA_VERSION, item_json

        output.say(json.dumps({"schema_version": SCHEMA_VERSION, "action": item_json(item)}))
    else:
        output.say(line)


def due_date(text: str) -> dt.date:
    """A typed due date (fri, +2w, 2026-12-01) resolved against today."""
    from reviewtui.config import date_order
    from reviewtui.domain.dates import DateFormatError, parse_due

    try:
        return parse_due(text, today(), date_order())
    except DateFormatError as error:
        raise InvalidInputError([Problem("", "", "due", str(error))]) from None


def _days(text: str) -> int:
    match = re.fullmatch(r"\s*(\d{1,4})\s*([dw]?)\s*", text.lower())
    if not match:
        raise InvalidInputError(
            [Problem("", "", "due-within", f"expected a span such as 7d or 2w; got {text!r}")]
        )
    return int(match.group(1)) * (7 if match.group(2) == "w" else 1)


def _owner_or_me(owner: str | None, me: bool) -> str | None:
    if owner and me:
        raise InvalidInputError([Problem("", "", "owner", "give --owner or --me, not both")])
    if me:
        from reviewtui.config import ME_ENV, my_name

        name = my_name()
        if not name:
            raise InvalidInputError(
                [
                    Problem(
                        "",
                        "",
                        "me",
                        f"who is 'me'? set {ME_ENV} or `me = \"Your Name\"` in config.toml",
                    )
                ]
            )
        return name
    return owner


def _index(ctx: click.Context) -> ActionIndex:
    from reviewtui.services.open_actions import ActionIndex

    index = ActionIndex(data_dir(ctx.obj["data_dir"]))
    ctx.call_on_close(lambda: _warn(index.notices))
    return index


def _warn(notices: list[str]) -> None:
    for notice in notices:
        output.warn(notice)


def _check_owner_known(index: ActionIndex, owner: str, rows: list[ActionRow]) -> None:
    """An owner who matches nobody and owns nothing is probably a typo: say so, exit 1."""
    from reviewtui.domain.people import KnownPerson, did_you_mean, match_person

    if rows or match_person(owner, index.people):
        return
    owners = {str(item["owner"]) for item, _ in index.raw_actions() if item.get("owner")}
    if owner.casefold() in {o.casefold() for o in owners}:
        return
    everyone = [*index.people, *(KnownPerson(o) for o in owners)]
    close = did_you_mean(owner, everyone)
    hint = f"; did you mean {close!r}?" if close else ""
    raise NotFoundError(f"nobody called {owner!r} owns an action or is in a scorecard{hint}")


OUTPUT = [
    click.option("--json", "output", flag_value="json", help="Stable JSON for scripts."),
    click.option("--csv", "output", flag_value="csv", help="CSV with the JSON's fields."),
]


SCORECARD = click.option(
    "--scorecard",
    help="Only this team's actions (its scorecard id, e.g. northwind-balanced-scorecard).",
)
CommandFunction = TypeVar("CommandFunction", bound=Callable[..., Any])


def output_options(function: CommandFunction) -> CommandFunction:
    """Add --json / --csv to a command."""
    for option in reversed(OUTPUT):
        function = option(function)
    return function


@click.command()
@click.option("--owner", help="Whose actions (name or alias, any case).", shell_complete=people)
@click.option("--me", is_flag=True, help="My actions ($REVIEWTUI_ME or `me` in config.toml).")
@click.option("--overdue", is_flag=True, help="Only actions past their due date.")
@click.option(
    "--due-within",
    "due_within",
    help="Only actions due within this span (7d, 2w), overdue included.",
)
@SCORECARD
@output_options
@click.pass_context
def status(
    ctx: click.Context,
    owner: str | None,
    me: bool,
    overdue: bool,
    due_within: str | None,
    scorecard: str | None,
    output: str | None,
) -> None:
    """Open actions across all meetings: overdue first, then due soon, then the rest."""
    who = _owner_or_me(owner, me)
    window = _days(due_within) if due_within else None
    index = _index(ctx)
    day = today()
    rows = index.rows(day, who, scorecard=scorecard)
    if who:
        _check_owner_known(index, who, rows)
    if overdue:
        rows = [r for r in rows if r.bucket == "overdue"]
    if window is not None:
        rows = [r for r in rows if r.due and (r.due - day).days <= window]
    emit(rows, output or "text", grouped=who is None)


@click.group()
def action() -> None:
    """Add, complete, re-date, drop and list actions from the shell."""


@action.command("add")
@click.argument("title")
@click.option(
    "--owner",
    required=True,
    help="Who owns it; a new name is accepted with a warning.",
    shell_complete=people,
)
@click.option(
    "--due", "due_text", required=True, help="today, fri, +2w, end of month, 2026-12-01..."
)
@click.option(
    "--measure",
    "measure_id",
    help="The measure it should move (its id).",
    shell_complete=measure_ids,
)
@click.option("--meeting", "meeting_id", help="The meeting it belongs to (M-12).")
@click.option(
    "--scorecard",
    "scorecard_id",
    help="Whose action (the team's scorecard id); needed when several are imported and "
    "neither --measure nor --meeting says.",
)
@JSON
@click.pass_context
def add(
    ctx: click.Context,
    title: str,
    owner: str,
    due_text: str,
    measure_id: str | None,
    meeting_id: str | None,
    scorecard_id: str | None,
) -> None:
    """Add an action."""
    from reviewtui.services.actions import add_action

    due = due_date(due_text)
    item, warnings = add_action(
        store_from(ctx),
        title,
        owner,
        due,
        measure_id,
        meeting_id,
        by=acting_user(),
        scorecard_id=scorecard_id,
    )
    for warning in warnings:
        output.warn(warning)
    said(ctx, item, f"✔ {item.ref} saved: {item.text} ({item.owner}, due {weekday_date(item.due)})")


def weekday_date(day: dt.date | None) -> str:
    """``Fri 2026-11-27``."""
    return day.strftime("%a %Y-%m-%d") if day else "no date"


@action.command("list")
@click.option("--owner", help="Whose actions.", shell_complete=people)
@click.option("--me", is_flag=True, help="My actions.")
@click.option(
    "--status",
    "state",
    type=click.Choice(["open", "done", "dropped", "all"]),
    default="open",
    show_default=True,
)
@click.option("--overdue", is_flag=True, help="Only overdue actions.")
@click.option("--meeting", "meeting_id", help="Only actions from this meeting (M-12).")
@SCORECARD
@output_options
@click.pass_context
def list_command(
    ctx: click.Context,
    owner: str | None,
    me: bool,
    state: str,
    overdue: bool,
    meeting_id: str | None,
    scorecard: str | None,
    output: str | None,
) -> None:
    """List actions with filters."""
    who = _owner_or_me(owner, me)
    statuses = frozenset({"open", "done", "dropped"} if state == "all" else {state})
    index = _index(ctx)
    rows = index.rows(today(), who, statuses, scorecard=scorecard)
    if who:
        _check_owner_known(index, who, rows)
    if overdue:
        rows = [r for r in rows if r.bucket == "overdue"]
    if meeting_id:
        rows = [r for r in rows if r.meeting_id == meeting_id]
    emit(rows, output or "text", grouped=False)


@action.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--owner", help="Owner for rows or tasks that name none.")
@click.option("--json", "as_json", is_flag=True, help="What was imported, as JSON.")
@click.pass_context
def import_command(ctx: click.Context, file: Path, owner: str | None, as_json: bool) -> None:
    """Import actions from a followups.csv or a taskwarrior `task export` JSON file.

    Importing the same file again adds nothing twice (taskwarrior tasks are matched on
    their uuid, CSV rows on their id).
    """
    from reviewtui.services.action_import import import_actions

    with readable(file, actions_suffix) as path:
        result = import_actions(store_from(ctx), path, owner, by=acting_user())
    for warning in result.warnings:
        output.warn(warning)
    for skipped in result.skipped:
        output.note(f"  skipped {skipped}")
    if as_json:
        import json

        from reviewtui.services.item_json import SCHEMA_VERSION, item_json

        found = {
            "schema_version": SCHEMA_VERSION,
            "added": [item_json(item) for item in result.added],
            "already_there": result.already_there,
            "skipped": result.skipped,
            "warnings": result.warnings,
        }
        output.say(json.dumps(found, ensure_ascii=False, indent=2))
        return
    numbers = [item.number for item in result.added]
    span = f" (A-{min(numbers)} … A-{max(numbers)})" if numbers else ""
    click.echo(
        f"✔ {len(result.added)} action(s) imported from {file.name}{span}; "
        f"{result.already_there} already there"
    )
