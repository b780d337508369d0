"""``reviewtui serve``: the live meeting, read-only, in the browsers of those not in the room."""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import click

from reviewtui.commands import output
from reviewtui.commands.complete import meeting_ids
from reviewtui.commands.context import store_from
from reviewtui.errors import ReviewError

if TYPE_CHECKING:
    from reviewtui.services.workspace import Store

DEFAULT_PORT = 8765


BROWSER_VIEWER = "a viewer in the browser"
"""Who an item added from a browser says captured it (``serve --capture``)."""


def watch_command(store: Store, meeting_id: str, theme: str | None, capture: bool) -> str:
    """The shell command that puts ``meeting_id``'s read-only screen in one browser
    (textual-serve runs it through a shell: every argument is quoted, and ``exec`` makes
    the screen the server's own child, which ends when the server does)."""
    words = [sys.executable, "-m", "reviewtui", "--data-dir", str(store.data.root)]
    words += ["watch", meeting_id] + (["--theme", theme] if theme else [])
    words += ["--capture", "--by", BROWSER_VIEWER] if capture else []
    return "exec " + shlex.join(words)


def checked_public_url(url: str) -> str:
    """``--public-url`` as given, if a browser can use it."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
        raise ReviewError(
            f"--public-url must be an http(s) address such as https://meet.example.org; got {url!r}"
        )
    return url.rstrip("/")


def show_qr(link: str) -> None:
    """The link as a QR code on the terminal, for phones and laptops in the room."""
    import segno

    segno.make(link, error="m").terminal(out=sys.stderr, compact=True)


@click.command()
@click.argument("meeting_id", required=False, shell_complete=meeting_ids)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--public-url",
    help="The address people open, when a reverse proxy (TLS) stands in front.",
)
@click.option(
    "--max-viewers",
    default=20,
    show_default=True,
    type=click.IntRange(1, 500),
    help="Most browsers at once (each runs its own screen, about 60 MB).",
)
@click.option("--theme", help="Theme the viewers see (projector, daylight, colour-safe...).")
@click.option(
    "--capture",
    is_flag=True,
    help="Viewers may also add items (a d i n) to the champion's item; nothing else.",
)
@click.pass_context
def serve(
    ctx: click.Context,
    meeting_id: str | None,
    host: str,
    port: int,
    public_url: str | None,
    max_viewers: int,
    theme: str | None,
    capture: bool,
) -> None:
    """Let people follow the meeting, read-only, in a browser.

    Each browser gets the watch screen (`reviewtui watch`): the champion's item, clock
    and captures as they are saved; nothing pressed there changes the meeting. The link
    holds a new random token each run: share it only with the meeting. Ctrl+C stops.
    """
    from reviewtui.services.meetings import latest_unfinished
    from reviewtui.services.presence import announce_viewers
    from reviewtui.web.access import default_public_url, is_loopback
    from reviewtui.web.access import new_token as fresh_token
    from reviewtui.web.server import ServeOptions
    from reviewtui.web.server import serve as run_server

    store = store_from(ctx)
    meeting = store.meeting(meeting_id) if meeting_id else latest_unfinished(store)
    url = checked_public_url(public_url) if public_url else default_public_url(host, port)
    options = ServeOptions(
        command=watch_command(store, meeting.id, theme, capture),
        title=meeting.title,
        host=host,
        port=port,
        public_url=url,
        token=fresh_token(),
        max_viewers=max_viewers,
    )

    def viewers_changed(count: int) -> None:
        announce_viewers(store, meeting.id, count)
        output.note(f"{dt.datetime.now():%H:%M:%S}  ◉ {count} watching")

    def ready(link: str) -> None:
        output.say(link)
        output.note(
            f"✔ serving {meeting.title!r} ({meeting.id}) "
            f"{'(viewers may add items)' if capture else 'read-only'}; at most {max_viewers} "
            "viewers. Share the link above only with the meeting. Ctrl+C stops."
        )
        if not is_loopback(urlsplit(link).hostname or "") and sys.stderr.isatty():
            show_qr(link)

    try:
        run_server(options, viewers_changed, ready)
    except OSError as error:
        raise ReviewError(
            f"cannot listen on {host}:{port}: {error.strerror or error}; "
            "choose another with --port or --host"
        ) from None
    finally:
        announce_viewers(store, meeting.id, 0)
    output.note("■ stopped serving; the viewers' screens are closed")
