"""How commands talk: data on stdout, warnings and errors on stderr, always printable.

Every message goes through :func:`printable`, so a name or title holding an escape
sequence cannot move the cursor or recolour the terminal. Colour follows the terminal and
``NO_COLOR`` (https://no-color.org): set, and no escape code is written at all.
"""

from __future__ import annotations

import os

import click

from reviewtui.domain.printable import printable


def colour() -> bool | None:
    """False when NO_COLOR is set (to anything but empty); else click decides (a tty)."""
    return False if os.environ.get("NO_COLOR") else None


def say(text: str) -> None:
    """Lines of the command's result, on stdout (each made printable)."""
    for line in text.split("\n"):
        click.echo(printable(line))


def note(text: str) -> None:
    """Lines about the work (progress, where files went), on stderr."""
    for line in text.split("\n"):
        click.echo(printable(line), err=True)


def warn(text: str) -> None:
    """Something the user should know but that did not stop the command."""
    click.secho(f"▲ {printable(text)}", fg="yellow", err=True, color=colour())


def error(text: str) -> None:
    """What went wrong and what to do; the command exits 1."""
    click.secho(f"✖ {printable(text)}", fg="red", err=True, color=colour())
