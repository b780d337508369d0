"""Shell completion of what the data dir holds: meeting ids, action ids, measure ids and
people's names (click's completion, enabled as docs/commands.md says).

Each reads only what the fast commands read (file names, the status caches), so a Tab
press answers at once; a data dir that cannot be read completes nothing, quietly.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import click
from click.shell_completion import CompletionItem

from reviewtui.errors import ReviewError
from reviewtui.paths import data_dir


def _root(ctx: click.Context) -> Path:
    return data_dir(ctx.find_root().params.get("data_dir"))


def meeting_ids(ctx: click.Context, _: click.Parameter, typed: str) -> list[CompletionItem]:
    """``M-1``, ``M-2``... newest first."""
    from reviewtui.services.names import meeting_ids as found

    return [CompletionItem(n) for n in found(_root(ctx)) if n.lower().startswith(typed.lower())]


def action_ids(ctx: click.Context, _: click.Parameter, typed: str) -> list[CompletionItem]:
    """Open actions' ids, each with its text and owner as help."""
    import datetime as dt

    from reviewtui.services.open_actions import ActionIndex

    with contextlib.suppress(OSError, ReviewError):
        rows = ActionIndex(_root(ctx)).rows(dt.date.today())
        return [
            CompletionItem(row.ref, help=f"{row.text} ({row.owner or 'no owner'})")
            for row in rows
            if row.ref.lower().startswith(typed.lower())
        ]
    return []


def measure_ids(ctx: click.Context, _: click.Parameter, typed: str) -> list[CompletionItem]:
    """Measure ids of the imported scorecards, each with its name as help."""
    from reviewtui.services.scorecard_index import load_index

    with contextlib.suppress(OSError, ReviewError):
        index = load_index(_root(ctx))
        measures = index["measures"] if index else {}
        return [
            CompletionItem(measure_id, help=facts["name"])
            for measure_id, facts in measures.items()
            if measure_id.lower().startswith(typed.lower())
        ]
    return []


def people(ctx: click.Context, _: click.Parameter, typed: str) -> list[CompletionItem]:
    """People's names (and aliases) from the imported scorecards."""
    from reviewtui.services.scorecard_index import load_index

    with contextlib.suppress(OSError, ReviewError):
        index = load_index(_root(ctx))
        names = [n for p in (index["people"] if index else []) for n in (p["name"], *p["aliases"])]
        return [CompletionItem(n) for n in names if n.casefold().startswith(typed.casefold())]
    return []
