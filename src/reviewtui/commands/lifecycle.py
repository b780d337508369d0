"""``reviewtui action done/drop/reopen/redate/reassign/reword/link``: an action's life.

Each change is kept in the action's history with who, when and why (``--note``), and
shows at the next review of its scorecard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from reviewtui.commands import output
from reviewtui.commands.actions import JSON, action, due_date, said, weekday_date
from reviewtui.commands.complete import action_ids, measure_ids, people
from reviewtui.commands.context import acting_user, store_from

if TYPE_CHECKING:
    from reviewtui.domain.capture import CapturedItem
    from reviewtui.services.lifecycle import Actor

NOTE = click.option("--note", "--reason", "note", default="", help="Why, for the history.")


def _actor() -> Actor:
    from reviewtui.services.lifecycle import Actor

    return Actor(acting_user())


def _status(ctx: click.Context, ref: str, note: str, state: str) -> CapturedItem:
    from reviewtui.domain.capture import ActionStatus
    from reviewtui.services.lifecycle import set_status

    return set_status(store_from(ctx), ref, ActionStatus(state), _actor(), note)


@action.command()
@click.argument("ref", shell_complete=action_ids)
@NOTE
@JSON
@click.pass_context
def done(ctx: click.Context, ref: str, note: str) -> None:
    """Mark an action done (also a dropped one: a mistake is corrected, not undone)."""
    item = _status(ctx, ref, note, "done")
    said(ctx, item, f"✔ {item.ref} done: {item.text}")


@action.command()
@click.argument("ref", shell_complete=action_ids)
@NOTE
@JSON
@click.pass_context
def drop(ctx: click.Context, ref: str, note: str) -> None:
    """Drop an action (it will not be done)."""
    item = _status(ctx, ref, note, "dropped")
    said(ctx, item, f"✖ {item.ref} dropped: {item.text}")


@action.command()
@click.argument("ref", shell_complete=action_ids)
@NOTE
@JSON
@click.pass_context
def reopen(ctx: click.Context, ref: str, note: str) -> None:
    """Open a done or dropped action again."""
    item = _status(ctx, ref, note, "open")
    said(ctx, item, f"○ {item.ref} open again: {item.text} (due {weekday_date(item.due)})")


@action.command("redate")
@click.argument("ref", shell_complete=action_ids)
@click.argument("due_text", metavar="DATE")
@NOTE
@JSON
@click.pass_context
def redate_command(ctx: click.Context, ref: str, due_text: str, note: str) -> None:
    """Give an action a new due date (the old one and the reason are kept)."""
    from reviewtui.services.lifecycle import redate

    item = redate(store_from(ctx), ref, due_date(due_text), _actor(), note)
    old_due = item.history[-1].old
    said(ctx, item, f"✔ {item.ref} now due {weekday_date(item.due)} (was {old_due or 'undated'})")


@action.command()
@click.argument("ref", shell_complete=action_ids)
@click.argument("owner", shell_complete=people)
@NOTE
@JSON
@click.pass_context
def reassign(ctx: click.Context, ref: str, owner: str, note: str) -> None:
    """Give an action to someone else (a name or alias; a new name with a warning)."""
    from reviewtui.services.actions import known_people, resolve_owner
    from reviewtui.services.lifecycle import reassign as give

    store = store_from(ctx)
    choice = resolve_owner(owner, known_people(store))
    if choice.warning:
        output.warn(choice.warning)
    item = give(store, ref, choice.name, _actor(), note)
    said(ctx, item, f"⇄ {item.ref} now owned by {item.owner}: {item.text}")


@action.command()
@click.argument("ref", shell_complete=action_ids)
@click.argument("text")
@NOTE
@JSON
@click.pass_context
def reword(ctx: click.Context, ref: str, text: str, note: str) -> None:
    """Change what an action says (the old wording is kept in its history)."""
    from reviewtui.services.lifecycle import reword as change

    item = change(store_from(ctx), ref, text, _actor(), note)
    said(ctx, item, f"✎ {item.ref} now reads: {item.text}")


@action.command()
@click.argument("ref", shell_complete=action_ids)
@click.argument("measure_id", required=False, shell_complete=measure_ids)
@click.option("--none", "unlink", is_flag=True, help="Link it to no measure.")
@NOTE
@JSON
@click.pass_context
def link(ctx: click.Context, ref: str, measure_id: str | None, unlink: bool, note: str) -> None:
    """Link an action to the measure it should move (or, with --none, to none)."""
    from reviewtui.errors import InvalidInputError, Problem
    from reviewtui.services.lifecycle import link as attach

    if bool(measure_id) == unlink:
        raise InvalidInputError(
            [Problem("", "", "measure", "give a MEASURE_ID, or --none to unlink")]
        )
    item = attach(store_from(ctx), ref, measure_id, _actor(), note)
    said(ctx, item, f"✔ {item.ref} now on {item.measure_id or 'no measure'}: {item.text}")
