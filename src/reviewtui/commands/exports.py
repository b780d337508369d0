"""``reviewtui export`` and ``reviewtui email``: what leaves the meeting."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from reviewtui.commands import output
from reviewtui.commands.complete import meeting_ids
from reviewtui.commands.context import store_from
from reviewtui.errors import InvalidInputError, Problem
from reviewtui.exporters.formats import FORMATS

if TYPE_CHECKING:
    from reviewtui.exporters.smtp import Mailing, Server

PASSWORD_ENV = "REVIEWTUI_SMTP_PASSWORD"
SCHEMA_VERSION = 1
"""Of ``export --json`` and ``email --json``: bumped only when a key changes or goes away."""


@click.command()
@click.argument("meeting_id", shell_complete=meeting_ids)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write into (default: ./reviewtui-MEETING_ID).",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(FORMATS),
    help="Only these formats (repeat the option); default: all.",
)
@click.option(
    "--ics-events",
    is_flag=True,
    help="Also an all-day event on each due date in actions.ics (most calendars hide to-dos).",
)
@click.option("--json", "as_json", is_flag=True, help="The files written, as JSON.")
@click.pass_context
def export(
    ctx: click.Context,
    meeting_id: str,
    out: Path | None,
    formats: tuple[str, ...],
    ics_events: bool,
    as_json: bool,
) -> None:
    """Write a meeting's minutes, follow-ups, calendar items, emails and JSON."""
    from reviewtui.exporters.export import default_folder, export_meeting

    folder = out or default_folder(meeting_id)
    result = export_meeting(store_from(ctx), meeting_id, folder, formats or FORMATS, ics_events)
    if as_json:
        found = {
            "schema_version": SCHEMA_VERSION,
            "folder": str(folder),
            "files": [str(path) for path in result.files],
            "without_address": result.without_address,
        }
        output.say(json.dumps(found, ensure_ascii=False, indent=2))
        return
    for path in result.files:
        output.say(f"✔ {path}")
    for owner in result.without_address:
        output.warn(f"{owner} has no email address in the people list: their message has no To")


def _server(text: str | None) -> tuple[str, int]:
    from reviewtui.config import load_config

    chosen = text or str(load_config().get("smtp") or "localhost:25")
    host, _, port = chosen.rpartition(":")
    if not host or not port.isdigit():
        raise InvalidInputError(
            [
                Problem(
                    "",
                    "",
                    "smtp",
                    f"expected HOST:PORT such as smtp.example.org:587; got {chosen!r}",
                )
            ]
        )
    return host, int(port)


def smtp_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options of every command that mails (server, TLS, login, timeout, dry run),
    handed to it as one ``server`` (and ``dry_run``)."""

    @functools.wraps(command)
    def with_server(
        *args: Any,
        smtp: str | None,
        starttls: bool,
        use_ssl: bool,
        user: str | None,
        timeout: float,
        dry_run: bool,
        **kwargs: Any,
    ) -> None:
        server = server_from(smtp, starttls, use_ssl, user, timeout, dry_run)
        command(*args, server=server, dry_run=dry_run, **kwargs)

    for option in reversed(
        [
            click.option(
                "--smtp",
                "smtp",
                help="HOST:PORT (default: `smtp` in config.toml, else localhost:25).",
            ),
            click.option(
                "--starttls", is_flag=True, help="Upgrade the connection with STARTTLS (587)."
            ),
            click.option("--ssl", "use_ssl", is_flag=True, help="TLS from the start (port 465)."),
            click.option(
                "--user", help=f"Log in as this user (password from ${PASSWORD_ENV} or a prompt)."
            ),
            click.option(
                "--timeout",
                type=click.FloatRange(min=1),
                default=30,
                show_default=True,
                help="Seconds to wait for the server to connect or answer.",
            ),
            click.option(
                "--dry-run", is_flag=True, help="Say who would get a message; send nothing."
            ),
        ]
    ):
        with_server = option(with_server)
    return with_server


def server_from(
    smtp: str | None, starttls: bool, use_ssl: bool, user: str | None, timeout: float, dry_run: bool
) -> Server:
    """The SMTP server the options name (asks for the password unless it is in the env)."""
    from reviewtui.exporters.smtp import Server

    if starttls and use_ssl:
        raise InvalidInputError(
            [Problem("", "", "ssl", "choose --ssl (port 465) or --starttls (587), not both")]
        )
    host, port = _server(smtp)
    password = None
    if user and not dry_run:
        password = os.environ.get(PASSWORD_ENV) or click.prompt(
            f"Password for {user} at {host}", hide_input=True, err=True
        )
    return Server(host, port, starttls, use_ssl, user, password, timeout)


@click.command()
@click.argument("meeting_id", shell_complete=meeting_ids)
@smtp_options
@click.option(
    "--minutes",
    is_flag=True,
    help="Send the minutes to every attendee and absentee instead of the follow-ups.",
)
@click.option("--json", "as_json", is_flag=True, help="A JSON summary on stdout.")
@click.pass_context
def email(
    ctx: click.Context,
    meeting_id: str,
    server: Server,
    dry_run: bool,
    minutes: bool,
    as_json: bool,
) -> None:
    """Send each owner their follow-ups (or, with --minutes, everyone the minutes); a
    second run sends only what was not sent."""
    from reviewtui.exporters.send import send_followups

    # Each message is said as the server takes it: a slow server shows its progress.
    sent_now = None if as_json else (lambda who: output.say(f"✔ sent to {who}"))
    result = send_followups(store_from(ctx), meeting_id, server, dry_run, minutes, sent_now)
    if as_json:
        output.say(json.dumps(delivery_json(result, dry_run), ensure_ascii=False, indent=2))
    else:
        for line in result.would_send:
            output.say(f"  would send to {line}")
        for owner in result.already_sent:
            output.say(f"  already sent to {owner} (not sent again)")
    finish_mailing(ctx, result)
    nobody = not (result.sent or result.would_send or result.already_sent or result.no_address)
    if nobody and not as_json:
        output.say(
            "Nobody on the attendee list." if minutes else "No open actions: nobody to write to."
        )


def finish_mailing(ctx: click.Context, result: Mailing) -> None:
    """Say who got nothing and why (on stderr); exit 1 when a re-run has work left."""
    for owner in result.no_address:
        output.warn(f"not sent to {owner}: no email address in the people list")
    for owner, reason in result.failed:
        output.error(f"not sent to {owner}: {reason}")
    for owner in result.not_attempted:
        output.error(f"not sent to {owner}: not attempted after the failure")
    if result.failed or result.not_attempted:
        output.note("Run the same command again to send the rest.")
        ctx.exit(1)


def delivery_json(result: Mailing, dry_run: bool) -> dict[str, Any]:
    """Who got a message, who would, who already had it, who could not: for scripts."""
    return {
        "schema_version": SCHEMA_VERSION,
        "dry_run": dry_run,
        "sent": result.sent,
        "would_send": result.would_send,
        "already_sent": result.already_sent,
        "no_address": result.no_address,
        "failed": [{"name": name, "reason": reason} for name, reason in result.failed],
        "not_attempted": result.not_attempted,
    }
