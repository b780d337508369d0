"""What every command shares: the data dir's store, today, and who is acting.

Kept apart from ``cli.py`` so that the commands never import the group that registers
them (no import cycle), and so that every command opens the store the same way.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from reviewtui.domain.clock import Clock, SystemClock
from reviewtui.paths import data_dir

if TYPE_CHECKING:
    from reviewtui.services.workspace import Store


CLOCK = "clock"
"""Key of an injected clock in the root context's ``obj`` (tests pass a FixedClock)."""


def clock() -> Clock:
    """The one clock of the command line: injected (tests), else the system's."""
    ctx = click.get_current_context(silent=True)
    injected = ctx.find_root().obj.get(CLOCK) if ctx is not None and ctx.find_root().obj else None
    return injected if injected is not None else SystemClock()


def store_from(ctx: click.Context) -> Store:
    """The store of the chosen data dir, opened once per command (imported lazily: the
    fastest commands never need it). What it repaired or skipped is reported at the end."""
    from reviewtui.services.workspace import open_store

    root = ctx.find_root()
    if root.obj.get("store") is None:
        root.obj["store"] = open_store(data_dir(root.obj["data_dir"]), clock())
    store: Store = root.obj["store"]
    return store


def today() -> dt.date:
    """Today's local date, from :func:`clock`."""
    return clock().today()


def acting_user() -> str:
    """The name written into an action's history for changes made from this shell."""
    from reviewtui.config import acting_user as configured

    return configured()
