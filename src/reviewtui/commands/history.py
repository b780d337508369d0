"""``reviewtui history MEASURE_ID`` and ``reviewtui report``: looking back across meetings."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import click
import orjson

from reviewtui.commands import output
from reviewtui.commands.complete import measure_ids
from reviewtui.commands.context import store_from, today
from reviewtui.errors import InvalidInputError, Problem

if TYPE_CHECKING:
    from reviewtui.domain.capture import CapturedItem
    from reviewtui.services.history import Report


def _print_json(value: object) -> None:
    click.echo(orjson.dumps(value, option=orjson.OPT_INDENT_2).decode())


@click.command()
@click.argument("measure_id", shell_complete=measure_ids)
@click.option("--json", "as_json", is_flag=True, help="Stable JSON for scripts.")
@click.pass_context
def history(ctx: click.Context, measure_id: str, as_json: bool) -> None:
    """A measure's status at each meeting that reviewed it, and the actions taken on it."""
    from reviewtui.services.history import measure_history
    from reviewtui.services.item_json import item_json

    found = measure_history(store_from(ctx), measure_id)
    if as_json:
        _print_json(
            {
                "measure_id": found.measure_id,
                "name": found.name,
                "meetings": [
                    {
                        "meeting_id": entry.meeting.id,
                        "date": entry.meeting.date.isoformat(),
                        "title": entry.meeting.title,
                        "period": entry.status.period if entry.status else None,
                        "status": entry.status.model_dump(include={"key", "name", "symbol"})
                        if entry.status
                        else None,
                        "items": [item_json(i) for i in entry.items],
                    }
                    for entry in found.meetings
                ],
                "from_the_shell": [item_json(i) for i in found.loose],
            }
        )
        return
    output.say(f"{found.measure_id} {found.name}")
    if not found.meetings:
        click.echo("  not reviewed at any meeting yet")
    for entry in found.meetings:
        status = f"{entry.status.symbol} {entry.status.name}" if entry.status else "–"
        period = entry.status.period if entry.status and entry.status.period else ""
        output.say(
            f"  {entry.meeting.id:<5} {entry.meeting.date}  {period:<9} {status:<16} "
            f"{entry.meeting.title}"
        )
        for item in entry.items:
            output.say(f"        {_item_line(item)}")
    if found.loose:
        click.echo("  from the shell:")
        for item in found.loose:
            output.say(f"        {_item_line(item)}")


def _item_line(item: CapturedItem) -> str:
    parts = [f"{item.ref:<6} {item.text}"]
    if item.kind.value == "action":
        parts.append(f"{item.owner or '?'}, due {item.due or '–'}, {item.status.value}")
    return " · ".join(parts)


@click.command()
@click.option(
    "--since", "since_text", help="Only meetings and actions from this date (YYYY-MM-DD)."
)
@click.option("--runs", default=3, show_default=True, help="Meetings running off track to list.")
@click.option("--slips", default=2, show_default=True, help="Re-datings that count as slipping.")
@click.option("--json", "as_json", is_flag=True, help="Stable JSON for scripts.")
@click.pass_context
def report(
    ctx: click.Context, since_text: str | None, runs: int, slips: int, as_json: bool
) -> None:
    """Measures off track meetings running, actions that keep slipping, completion by owner."""
    from reviewtui.services.history import report as build_report

    since = None
    if since_text:
        try:
            since = dt.date.fromisoformat(since_text)
        except ValueError:
            raise InvalidInputError(
                [Problem("", "", "since", f"expected YYYY-MM-DD; got {since_text!r}")]
            ) from None
    if runs < 1 or slips < 1:
        raise InvalidInputError([Problem("", "", "runs", "--runs and --slips start at 1")])
    found = build_report(store_from(ctx), today(), since, runs, slips)
    if as_json:
        _print_json(_report_json(found))
    else:
        _print_report(found, runs, slips)


def _completion_json(found: Report) -> list[dict[str, Any]]:
    return [
        {
            "owner": o.owner,
            "due": o.due,
            "done_on_time": o.done_on_time,
            "done_late": o.done_late,
            "still_open": o.still_open,
            "rate": round(o.rate, 3) if o.rate is not None else None,
        }
        for o in found.completion
    ]


def _report_json(found: Report) -> dict[str, Any]:
    from reviewtui.services.item_json import item_json

    return {
        "since": found.since.isoformat() if found.since else None,
        "meetings": found.meetings,
        "off_track_runs": [
            {
                "measure_id": r.measure_id,
                "name": r.name,
                "meetings": r.count,
                "since_meeting": r.since_meeting,
            }
            for r in found.off_track_runs
        ],
        "slipping_actions": [
            {**item_json(item), "times_redated": count} for item, count in found.slipping
        ],
        "completion": _completion_json(found),
    }


def _print_report(found: Report, runs: int, slips: int) -> None:
    scope = f"since {found.since}" if found.since else "all meetings"
    output.say(f"Report, {scope}: {found.meetings} meeting(s) held")
    output.say("")
    output.say(f"✖ Off track at {runs} or more meetings running")
    for run in found.off_track_runs:
        output.say(
            f"  {run.measure_id:<8} {run.name} · {run.count} meetings (since {run.since_meeting})"
        )
    if not found.off_track_runs:
        output.say("  none")
    output.say("")
    output.say(f"↻ Actions re-dated {slips} or more times")
    for item, count in found.slipping:
        output.say(f"  {item.ref:<6} {count}× · {item.text} · {item.owner or '?'} · due {item.due}")
    if not found.slipping:
        output.say("  none")
    output.say("")
    output.say("✔ Done by the due date, per owner (of the actions that fell due)")
    for row in _completion_json(found):
        rate = f"{row['rate'] * 100:.0f}%" if row["rate"] is not None else "–"
        output.say(
            f"  {row['owner']:<20} {rate:>5}  {row['done_on_time']}/{row['due']} on time, "
            f"{row['done_late']} late, {row['still_open']} still open"
        )
    if not found.completion:
        output.say("  no action has fallen due yet")
