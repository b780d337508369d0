"""``reviewtui meeting new/run/list``, ``reviewtui demo`` and the bare ``reviewtui``."""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import orjson

from reviewtui.commands import output
from reviewtui.commands.complete import meeting_ids
from reviewtui.commands.context import acting_user, store_from
from reviewtui.errors import InvalidInputError, Problem, ReviewError
from reviewtui.paths import data_dir

if TYPE_CHECKING:
    from reviewtui.services.workspace import Store
    from reviewtui.tui.screens.opening import Opening


def end_with_server() -> None:
    """A screen served to a browser ends when its server does, even one killed outright:
    Textual's web driver does not quit when its input closes, so a thread watches for the
    server (this process's parent) to be gone."""
    server = os.getppid()

    def watch() -> None:
        while os.getppid() == server:
            time.sleep(1)
        os._exit(0)  # a watcher holds nothing unsaved

    threading.Thread(target=watch, name="end-with-server", daemon=True).start()


def run_app(
    store: Store | None,
    meeting_id: str | None,
    theme: str | None = None,
    overview: bool = False,
    watching: bool = False,
    contributing: bool = False,
    by: str | None = None,
    opening: Opening | None = None,
) -> None:
    """Open the app (textual is imported only here); refuse without a terminal, where it
    would write escape codes into a pipe and wait for keys that never come. With an
    ``opening`` (and no store yet) the meeting is drawn from its file first, and opened
    after; what stops it is said here, as if it had stopped before the app."""
    if os.environ.get("TEXTUAL_DRIVER"):
        end_with_server()  # textual-serve's driver talks through pipes, for a browser
    elif not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise ReviewError(
            "reviewtui needs a terminal for the meeting screen; for scripts see "
            "`reviewtui meeting show`, `reviewtui status` and `--json`"
        )
    # Start-up makes a few hundred thousand objects that all live on: the collector has
    # nothing to free among them (40-70 ms of pauses). The app turns it back on, frozen,
    # once its first screen is drawn.
    gc.disable()
    from reviewtui.config import date_order
    from reviewtui.tui.app import ReviewApp

    order = date_order()  # a bad setting is said here, before the screen takes over
    app = ReviewApp(
        store,
        meeting_id,
        by=by or acting_user(),
        theme_name=theme,
        date_order=order,
        overview_first=overview,
        watching=watching,
        contributing=contributing,
        opening=opening,
    )
    app.run()
    if app.failure is not None:
        raise app.failure


@click.group()
def meeting() -> None:
    """Plan, run and list review meetings."""


@meeting.command("new")
@click.argument("scorecard")
@click.option("--title", help="Meeting title (default: scorecard name and period).")
@click.option("--date", "date_text", help="Meeting date, YYYY-MM-DD (default: today).")
@click.option("--length", default=60, show_default=True, help="Length in minutes.")
@click.option(
    "--period", help="The period to review (default: the latest with data), e.g. 2026-09."
)
@click.option(
    "--order",
    type=click.Choice(["exceptions", "scorecard"]),
    default="exceptions",
    show_default=True,
    help="Measures off track and at risk first, or in scorecard order.",
)
@click.pass_context
def meeting_new(
    ctx: click.Context,
    scorecard: str,
    title: str | None,
    date_text: str | None,
    length: int,
    period: str | None,
    order: str,
) -> None:
    """Plan a meeting on SCORECARD (a file or an imported id) and print its id."""
    from reviewtui.domain.agenda_terms import AgendaOrder, format_seconds
    from reviewtui.services.meetings import plan_meeting, timing_advice
    from reviewtui.services.scorecards import scorecard_from

    date = None
    if date_text:
        try:
            date = dt.date.fromisoformat(date_text)
        except ValueError:
            raise InvalidInputError(
                [Problem("", "", "date", f"expected YYYY-MM-DD; got {date_text!r}")]
            ) from None
    if scorecard == "-":
        raise ReviewError(
            "a meeting needs a stored scorecard: read it from standard input with "
            "`reviewtui import - --as ID`, then `reviewtui meeting new ID`"
        )
    store = store_from(ctx)
    card = scorecard_from(store, scorecard)
    planned = plan_meeting(store, card, title, date, length, AgendaOrder(order), period)
    click.echo(planned.id)
    click.echo(
        f"✔ planned {planned.title!r} on {planned.date}: {len(planned.agenda)} agenda items, "
        f"{length} minutes; open it with `reviewtui meeting run {planned.id}`",
        err=True,
    )
    advice = timing_advice(card, planned)
    if advice:
        click.echo(advice, err=True)
    for item in planned.agenda:
        status = planned.statuses.get(item.measure_id or "")
        mark = f"{status.symbol} " if status else "  "
        output.note(f"  {format_seconds(item.timebox_seconds):>6}  {mark}{item.title}")


@click.command()
@click.argument("meeting_id", required=False, shell_complete=meeting_ids)
@click.option("--theme", help="Theme for this run (projector, daylight, colour-safe...).")
@click.option(
    "--capture",
    "contributing",
    is_flag=True,
    help="Also add actions, decisions, issues and notes (a d i n) to the champion's item.",
)
@click.option("--by", hidden=True, help="Who the added items say captured them.")
@click.pass_context
def watch(
    ctx: click.Context,
    meeting_id: str | None,
    theme: str | None,
    contributing: bool,
    by: str | None,
) -> None:
    """Follow a meeting someone else runs, read-only: its item, clock and captures.

    Nothing pressed here changes the meeting; the screen follows the champion's within a
    second of each save. Over SSH it puts the meeting on a second screen or a laptop.
    With --capture, a d i n add items to the item the champion is on (nothing else).
    """
    if opening := _opening(ctx, meeting_id):
        run_app(
            None,
            opening.glance.id,
            theme,
            watching=True,
            contributing=contributing,
            by=by,
            opening=opening,
        )
        return
    from reviewtui.services.meetings import latest_unfinished

    store = store_from(ctx)
    chosen = store.meeting(meeting_id) if meeting_id else latest_unfinished(store)
    run_app(store, chosen.id, theme, watching=True, contributing=contributing, by=by)


@meeting.command("run")
@click.argument("meeting_id", required=False, shell_complete=meeting_ids)
@click.option("--theme", help="Theme for this run (projector, daylight, colour-safe...).")
@click.option(
    "--overview", is_flag=True, help="Open on the scorecard overview (o) before the first item."
)
@click.pass_context
def meeting_run(
    ctx: click.Context, meeting_id: str | None, theme: str | None, overview: bool
) -> None:
    """Open a meeting in the app (default: the latest unfinished one)."""
    if opening := _opening(ctx, meeting_id):
        run_app(None, opening.glance.id, theme, overview, opening=opening)
        return
    from reviewtui.services.meetings import latest_unfinished

    store = store_from(ctx)
    chosen = store.meeting(meeting_id) if meeting_id else latest_unfinished(store)
    run_app(store, chosen.id, theme, overview)


def _opening(ctx: click.Context, meeting_id: str | None) -> Opening | None:
    """Open ``meeting_id`` (None: the latest unfinished) in two steps if its file can be
    read as it is (most of the time): its agenda is on the wall before the store and its
    models are loaded."""
    from reviewtui.services.agenda_view import glance
    from reviewtui.tui.screens.opening import Opening

    seen = glance(data_dir(ctx.find_root().obj["data_dir"]), meeting_id)
    return Opening(seen, lambda: store_from(ctx)) if seen is not None else None


@meeting.command("list")
@click.option("--json", "as_json", is_flag=True, help="Output JSON.")
@click.pass_context
def meeting_list(ctx: click.Context, as_json: bool) -> None:
    """List meetings, newest first."""
    store = store_from(ctx)
    rows = []
    for found in reversed(store.meetings()):
        items = store.items(found.id)
        rows.append(
            {
                "id": found.id,
                "date": found.date.isoformat(),
                "title": found.title,
                "state": found.state.value,
                "scorecard": found.scorecard_id,
                "period": found.period,
                "items": len(items),
                "actions": sum(1 for i in items if i.kind.value == "action"),
            }
        )
    if as_json:
        click.echo(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode())
        return
    if not rows:
        click.echo("No meetings yet; plan one with `reviewtui meeting new SCORECARD`.")
        return
    state_word = {"planned": "○ planned", "in_progress": "▶ under way", "finalized": "■ finalized"}
    for row in rows:
        output.say(
            f"{row['id']:<6} {row['date']}  {state_word[str(row['state'])]:<12} "
            f"{row['items']:>3} items  {row['title']}"
        )


@click.command()
@click.option("--keep", is_flag=True, help="Keep the demo's data dir and print where it is.")
@click.option("--theme", help="Theme for this run (projector, daylight, colour-safe...).")
def demo(keep: bool, theme: str | None) -> None:
    """Open a meeting on a bundled sample scorecard, in a throwaway data dir."""
    from reviewtui.services.demo import seed_demo
    from reviewtui.services.workspace import open_store

    root = Path(tempfile.mkdtemp(prefix="reviewtui-demo-"))
    try:
        store = open_store(root)
        planned = seed_demo(store)
        run_app(store, planned.id, theme)
    finally:
        if keep:
            click.echo(f"The demo's data is in {root}; try:", err=True)
            click.echo(f"  REVIEWTUI_DATA_DIR={root} reviewtui status", err=True)
        else:
            shutil.rmtree(root, ignore_errors=True)


@meeting.command("show")
@click.argument("meeting_id", shell_complete=meeting_ids)
@click.option("--json", "as_json", is_flag=True, help="The whole meeting as JSON.")
@click.pass_context
def meeting_show(ctx: click.Context, meeting_id: str, as_json: bool) -> None:
    """A meeting's agenda, the actions it reviews (what changed on each), and its captures."""
    from reviewtui.services.meeting_show import meeting_show as shown

    found = shown(store_from(ctx), meeting_id)
    if as_json:
        click.echo(orjson.dumps(found, option=orjson.OPT_INDENT_2).decode())
        return
    head = found["meeting"]
    previous = f" · after {head['previous']}" if head["previous"] else " · the first"
    output.say(f"{head['id']} · {head['title']} · {head['date']} · {head['state']}{previous}")
    _print_agenda(found["agenda"], head["length_minutes"])
    _print_review(found["review"])
    for title, key in (
        ("Parking-lot issues carried in", "carried_issues"),
        ("Captured", "captured"),
    ):
        output.say(f"\n{title} ({len(found[key])})")
        for item in found[key]:
            output.say(f"  {item['id']:<6} {item['kind']:<8} {item['text']}")


def _print_agenda(agenda: list[dict[str, Any]], minutes: int) -> None:
    from reviewtui.services.meeting_show import agenda_kinds

    output.say(f"\nAgenda ({len(agenda)} items, {minutes} minutes)")
    kinds, marks = agenda_kinds(), {"done": "✔", "skipped": "↷", "pending": "○"}
    for item in agenda:
        mark = "▶" if item["current"] else marks[item["progress"]]
        status = (item["status"] or kinds.get(item["kind"], " ")).split(" ")[0]
        carried = f"  ↷ from {item['carried_from']}" if item["carried_from"] else ""
        time = f"{item['used']}/{item['timebox']}"
        output.say(f"  {mark} {status} {item['title']:<44} {time}{carried}")


def _print_review(review: list[dict[str, Any]]) -> None:
    output.say(f"\nActions under review ({len(review)})")
    for row in review:
        late = " · ⚠ overdue" if row["overdue"] else ""
        who = f"{row['owner'] or '?'} · due {row['due']}{late}"
        output.say(f"  {row['id']:<6} {row['outcome']:<10} {row['text']} · {who}")
        for line in row["story"][1:]:
            output.say(f"           {line}")
