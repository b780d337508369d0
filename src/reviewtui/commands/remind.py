"""``reviewtui remind``: nudge owners about overdue and due-soon actions, from cron."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import click

from reviewtui.commands import output
from reviewtui.commands.context import store_from
from reviewtui.commands.exports import delivery_json, finish_mailing, smtp_options
from reviewtui.errors import InvalidInputError, Problem

if TYPE_CHECKING:
    from reviewtui.exporters.remind import RemindResult
    from reviewtui.exporters.smtp import Server


def within_days(text: str) -> int:
    """``7``, ``7d``, ``2w`` -> days."""
    match = re.fullmatch(r"\s*(\d{1,3})\s*([dw]?)\s*", text.lower())
    if match is None:
        raise InvalidInputError(
            [Problem("", "", "due-within", f"expected days such as 7, 7d or 2w; got {text!r}")]
        )
    return int(match.group(1)) * (7 if match.group(2) == "w" else 1)


def summary(result: RemindResult, dry_run: bool) -> dict[str, Any]:
    """``remind --json``: email's delivery keys, and each owner's digest."""
    digests = [
        {
            "owner": digest.owner,
            "overdue": [row.ref for row in digest.overdue],
            "due_soon": [row.ref for row in digest.soon],
        }
        for digest in result.digests
    ]
    return {**delivery_json(result, dry_run), "digests": digests}


@click.command()
@click.option("--overdue", "overdue_only", is_flag=True, help="Only overdue actions.")
@click.option(
    "--due-within",
    default="7d",
    show_default=True,
    help="Also actions due within this many days (7, 7d, 2w).",
)
@smtp_options
@click.option("--json", "as_json", is_flag=True, help="A JSON summary on stdout.")
@click.pass_context
def remind(
    ctx: click.Context,
    overdue_only: bool,
    due_within: str,
    server: Server,
    dry_run: bool,
    as_json: bool,
) -> None:
    """Mail each owner one digest of their overdue and due-soon actions, across meetings.

    A digest goes out once a day: run it again and only digests not yet sent (or changed
    since) go. For cron, every weekday at 8:00:

    \b
        0 8 * * 1-5  reviewtui remind --smtp smtp.example.org:587 --starttls --user bot
    """
    from reviewtui.exporters.remind import send_reminders

    days = within_days(due_within)
    result = send_reminders(store_from(ctx), server, days, overdue_only, dry_run)
    if as_json:
        output.say(json.dumps(summary(result, dry_run), ensure_ascii=False, indent=2))
    else:
        for line in result.would_send:
            output.say(f"  would send to {line}")
        for owner in result.sent:
            output.say(f"✔ reminded {owner}")
        for owner in result.already_sent:
            output.say(f"  already reminded {owner} today (not sent again)")
        if not result.digests:
            output.say("Nothing overdue or due soon: nobody to remind.")
    finish_mailing(ctx, result)
