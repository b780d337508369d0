"""Printing action lists: a rich table on a terminal, plain lines in a pipe, JSON, CSV."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import sys
from collections.abc import Callable, Iterator
from itertools import groupby
from typing import TYPE_CHECKING

import click
import orjson

from reviewtui.domain.printable import printable, printable_lines, spreadsheet_safe
from reviewtui.services.open_actions import ActionRow

if TYPE_CHECKING:
    from rich.console import Console

SYMBOLS = {
    "overdue": "!",
    "due soon": "›",
    "later": " ",
    "no due date": "?",
    "done": "✔",
    "dropped": "✖",
}


def when_text(row: ActionRow) -> str:
    """``5 days overdue``, ``due in 3 days``, ``done``..., always words, never colour alone."""
    if row.bucket == "overdue" and row.days_overdue:
        return f"{row.days_overdue} day{'s' * (row.days_overdue != 1)} overdue"
    if row.bucket in ("due soon", "later") and row.due:
        return row.bucket
    return row.bucket


def measure_text(row: ActionRow, shown: Callable[[object], str] = printable) -> str:
    """The linked measure and its current status, as symbol and word."""
    if not row.measure_id:
        return ""
    status = row.measure_status
    badge = f" {status['symbol']} {status['name']}" if status else ""
    return shown(f"{row.measure_id} {row.measure_name or ''}{badge}".strip())


def emit(rows: list[ActionRow], output: str, grouped: bool) -> None:
    """Write rows in the chosen format to stdout."""
    if output == "json":
        click.echo(orjson.dumps([r.as_json() for r in rows], option=orjson.OPT_INDENT_2).decode())
        return
    if output == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(ActionRow.FIELDS)
        for row in rows:
            writer.writerow(
                ["" if v is None else spreadsheet_safe(_flat(v)) for v in row.as_json().values()]
            )
        click.echo(buffer.getvalue(), nl=False)
        return
    if not rows:
        click.echo("No actions match.")
        return
    if sys.stdout.isatty():
        _rich_table(rows, grouped)
        return
    # Made printable as a whole (two C scans), not field by field; only a listing that
    # holds a control character somewhere is built again, each field made printable.
    listing = "\n".join(_plain_lines(rows, grouped, str))
    if not printable_lines(listing):
        listing = "\n".join(_plain_lines(rows, grouped, printable))
    click.echo(listing)


def _plain_lines(
    rows: list[ActionRow], grouped: bool, shown: Callable[[object], str]
) -> Iterator[str]:
    """The lines of a plain listing (echoed at once: one write, not one per row), each
    field shown through ``shown``."""
    ordered = sorted(rows, key=lambda r: r.owner.casefold()) if grouped else rows
    for owner, owned in groupby(ordered, key=lambda r: r.owner) if grouped else [("", rows)]:
        if grouped:
            yield shown(owner or "(no owner)")
        for row in owned:
            parts = [
                f"{row.ref:<7}",
                f"{SYMBOLS.get(row.bucket, ' ')} {when_text(row):<16}",
                f"{row.due.isoformat() if row.due else '—':<10}",
                shown(row.text),
            ]
            if not grouped:
                parts.insert(3, f"{shown(row.owner):<18}")
            extra = [
                text for text in (measure_text(row, shown), shown(row.meeting_id or "")) if text
            ]
            yield (
                ("  " if grouped else "")
                + "  ".join(parts)
                + (f"  [{'; '.join(extra)}]" if extra else "")
            )


def _flat(value: object) -> str:
    if isinstance(value, dict):
        return f"{value.get('symbol', '')} {value.get('name', '')}".strip()
    return str(value)


NO_PAGER_ENV = "REVIEWTUI_NO_PAGER"
"""Set (by ``--no-pager``, or in the environment) to print long lists straight out."""


def _rich_table(rows: list[ActionRow], grouped: bool) -> None:
    from rich.console import Console

    console = Console()
    # A list longer than the screen goes through the pager (less), as git does; never
    # when piped (this is the terminal path) or with --no-pager.
    paged = len(rows) + 8 > console.size.height and not os.environ.get(NO_PAGER_ENV)
    if paged:
        os.environ.setdefault("LESS", "FRX")  # as git: colours, and no pager for one screen
    with console.pager(styles=True) if paged else contextlib.nullcontext():
        _tables(console, rows, grouped)


def _tables(console: Console, rows: list[ActionRow], grouped: bool) -> None:
    from rich.table import Table
    from rich.text import Text

    ordered = sorted(rows, key=lambda r: r.owner.casefold()) if grouped else rows
    groups = groupby(ordered, key=lambda r: r.owner) if grouped else [("Actions", iter(rows))]
    for owner, owned in groups:
        # Text cells, never markup: a title such as "Close [/] gap" is shown as typed.
        title = Text(printable(owner or "(no owner)"))
        table = Table(title=title, title_justify="left", expand=False)
        for column in ("ID", "When", "Due", "Action", "Measure", "Meeting"):
            table.add_column(column, no_wrap=column in ("ID", "Due"))
        for row in owned:
            style = {"overdue": "bold red", "due soon": "yellow"}.get(row.bucket, "")
            table.add_row(
                Text(row.ref),
                Text(f"{SYMBOLS.get(row.bucket, ' ')} {when_text(row)}"),
                Text(row.due.isoformat() if row.due else "—"),
                Text(printable(row.text)),
                Text(measure_text(row)),
                Text(printable(row.meeting_id or "")),
                style=style,
            )
        console.print(table)
