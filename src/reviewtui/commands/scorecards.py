"""``reviewtui validate`` and ``reviewtui import``: checking and importing scorecard files."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
@click.option("--json", "as_json", is_flag=True, help="Each file's result as JSON.")
def validate(files: tuple[Path, ...], sheet: str | None, as_json: bool) -> None:
    """Check scorecard files (CSV, XLSX, YAML, JSON) and summarise them.

    Every problem is listed with its file, row or line, field and what was expected.
    """
    from reviewtui.services.scorecards import read_scorecard

    failed = 0
    results: list[dict[str, Any]] = []
    for path in files:
        try:
            with readable(path) as file, reading(file, "Checking") as progress:
                scorecard = read_scorecard(file, sheet, progress)
        except InvalidInputError as error:
            failed += 1
            results.append({"file": str(path), "valid": False, "problems": [
                {"where": p.location, "field": p.field, "message": p.message}
                for p in error.problems
            ]})  # fmt: skip
            if not as_json:
                count = len(error.problems)
                output.error(f"{path}: {count} problem{'s' * (count != 1)}")
                for problem in error.problems:
                    output.note(f"  {problem}")
            continue
        results.append({"file": str(path), "valid": True, "scorecard": facts(scorecard)})
        if not as_json:
            output.say(f"✔ {path}: valid")
            for line in summarise(scorecard):
                output.say(line)
    if as_json:
        report = {"schema_version": SCHEMA_VERSION, "files": results}
        output.say(json.dumps(report, ensure_ascii=False, indent=2))
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
@click.option("--json", "as_json", is_flag=True, help="What was imported, as JSON.")
@click.pass_context
def import_scorecard(
    ctx: click.Context, file: Path, sheet: str | None, as_id: str | None, as_json: bool
) -> None:
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
    if as_json:
        found = {
            "schema_version": SCHEMA_VERSION,
            "data_dir": str(store.data.root),
            "kept_periods": imported.kept_periods,
            "scorecard": facts(scorecard),
        }
        output.say(json.dumps(found, ensure_ascii=False, indent=2))
        return
    output.say(f"✔ imported {scorecard.name} as {scorecard.id!r} into {store.data.root}")
    for line in summarise(scorecard):
        output.say(line)
    if imported.kept_periods:
        output.note(
            f"  kept {imported.kept_periods} earlier period value(s) from the last import, "
            "so trends and history go on"
        )


SCHEMA_VERSION = 1
"""Of ``validate --json`` and ``import --json``: bumped only when a key changes or goes."""


def facts(scorecard: Scorecard) -> dict[str, Any]:
    """A scorecard in a few keys, for ``--json``."""
    period = scorecard.review_period()
    statuses: Counter[str] = Counter()
    for _, _, measure in scorecard.measures():
        statuses[scorecard.status_of(measure, period).key] += 1
    return {
        "id": scorecard.id,
        "name": scorecard.name,
        "perspectives": len(scorecard.perspectives),
        "measures": sum(statuses.values()),
        "initiatives": len(scorecard.initiatives),
        "people": len(scorecard.people),
        "periods": scorecard.periods(),
        "review_period": period,
        "statuses": dict(statuses.most_common()),
    }


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
