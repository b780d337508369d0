"""``reviewtui validate`` and ``reviewtui import``: checking and importing scorecard files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click

from reviewtui.commands import output
from reviewtui.commands.context import store_from
from reviewtui.commands.progress import reading
from reviewtui.commands.stdin import STDIN, readable
from reviewtui.errors import InvalidInputError, Problem

if TYPE_CHECKING:
    from reviewtui.domain.scorecard import Scorecard


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--sheet", help="Worksheet to read from XLSX files (default: the first).")
def validate(files: tuple[Path, ...], sheet: str | None) -> None:
    """Check scorecard files (CSV, XLSX, YAML, JSON) and summarise them.

    Every problem is listed with its file, row or line, field and what was expected.
    """
    from reviewtui.services.scorecards import read_scorecard

    failed = 0
    for path in files:
        try:
            with readable(path) as file, reading(file, "Checking") as progress:
                scorecard = read_scorecard(file, sheet, progress)
        except InvalidInputError as error:
            failed += 1
            count = len(error.problems)
            output.error(f"{path}: {count} problem{'s' * (count != 1)}")
            for problem in error.problems:
                output.note(f"  {problem}")
            continue
        output.say(f"✔ {path}: valid")
        for line in summarise(scorecard):
            output.say(line)
    if failed:
        raise SystemExit(1)


@click.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--sheet", help="Worksheet to read from an XLSX file.")
@click.option(
    "--as",
    "as_id",
    help="Import under this scorecard id (default: from the file name, without a trailing "
    "period: acme-2026-10.csv is 'acme').",
)
@click.pass_context
def import_scorecard(ctx: click.Context, file: Path, sheet: str | None, as_id: str | None) -> None:
    """Import (or re-import) a scorecard into the data dir: its people and measures.

    Next month's file for the same scorecard keeps each measure's earlier periods.
    """
    from reviewtui.services.scorecards import import_scorecard as import_file

    store = store_from(ctx)
    if str(file) == "-" and as_id is None:
        raise InvalidInputError(
            [Problem(STDIN, "", "as", "a scorecard read from standard input needs --as ID")]
        )
    with readable(file, stem=as_id or "stdin") as path, reading(path, "Importing") as progress:
        imported = import_file(store, path, sheet, as_id, progress)
    scorecard = imported.scorecard
    output.say(f"✔ imported {scorecard.name} as {scorecard.id!r} into {store.data.root}")
    for line in summarise(scorecard):
        output.say(line)
    if imported.kept_periods:
        output.note(
            f"  kept {imported.kept_periods} earlier period value(s) from the last import, "
            "so trends and history go on"
        )


def summarise(scorecard: Scorecard) -> list[str]:
    """A few lines on a scorecard: perspectives, measures, periods and statuses."""
    measures = [m for _, _, m in scorecard.measures()]
    periods = scorecard.periods()
    period = scorecard.review_period()
    statuses: Counter[tuple[str, str]] = Counter()
    for measure in measures:
        level = scorecard.status_of(measure, period)
        statuses[(level.symbol, level.name)] += 1
    span = (
        f"{periods[0]} … {periods[-1]}" if len(periods) > 1 else (periods[0] if periods else "none")
    )
    counts = (
        f"{len(scorecard.perspectives)} perspectives, {len(measures)} measures, "
        f"{len(scorecard.initiatives)} initiatives, {len(scorecard.people)} people"
    )
    status_line = ", ".join(f"{symbol} {name} {n}" for (symbol, name), n in statuses.most_common())
    return [
        f"  {scorecard.name}: {counts}",
        f"  {len(periods)} {scorecard.frequency.value} periods ({span}); "
        f"review period {period or 'none'}",
        f"  status: {status_line}",
    ]
