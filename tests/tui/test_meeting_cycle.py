"""Three meetings in a row, run and finalized in the app, the shell working in between.

Each review must list what it should and nothing a held meeting already closed, and call
"slipped" only what was re-dated since the previous meeting. A meeting of another team's
scorecard in the same data dir reviews none of these actions.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from reviewtui.cli import cli
from reviewtui.domain.clock import FixedClock
from reviewtui.services.workspace import Store
from reviewtui.tui.app import ReviewApp
from reviewtui.tui.screens.meeting import MeetingScreen
from tests.conftest import NORTHWIND_CSV, RIVERTON_YAML

SIZE = (120, 36)


def shell(store: Store, clock: FixedClock, *args: str) -> str:
    result = CliRunner().invoke(
        cli, ["--data-dir", str(store.data.root), *args], obj={"clock": clock}
    )
    assert result.exit_code == 0, result.output
    return result.output


def review_table(app: ReviewApp) -> dict[str, str]:
    """Each action under review and its outcome, as the review table shows them."""
    table = app.screen.query_one("#review")
    rows = [table.get_row_at(index) for index in range(table.row_count)]  # type: ignore[attr-defined]
    return {str(row[0]): str(row[1]) for row in rows}


async def run_meeting(
    store: Store, clock: FixedClock, meeting_id: str, keys: list[str]
) -> dict[str, str]:
    """Open the meeting in the app, note its review, press the keys, finalize it."""
    app = ReviewApp(store, meeting_id, by="champion", cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        shown = review_table(app)
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.press("right", "a", *f"Follow up after {meeting_id} @maria +3w", "enter")
        await pilot.pause()
        clock.advance(minutes=30)
        await pilot.press("w", "F", "y")
        await pilot.pause()
        assert store.meeting(meeting_id).state.value == "finalized"
    return shown


def captured_in(store: Store, meeting_id: str) -> str:
    """The action the meeting captured (each captures one)."""
    (item,) = [i for i in store.items(meeting_id) if i.kind.value == "action"]
    return item.ref


def plan(store: Store, clock: FixedClock, source: Path) -> str:
    return shell(store, clock, "meeting", "new", str(source)).splitlines()[0]


async def test_three_meetings_in_a_row_review_exactly_what_changed(
    store: Store, clock: FixedClock, demo_meeting: str
) -> None:
    # M-2 (the demo's): four actions carried from M-1, all open.
    first = await run_meeting(
        store, clock, demo_meeting, ["c", "down", "r", *"+2w", "enter", "enter"]
    )
    assert first == {"A-1": "○ open", "A-3": "○ open", "A-2": "○ open", "A-4": "○ open"}
    # Between meetings, from the shell: A-2 done, A-4 re-dated.
    clock.advance(days=1)
    shell(store, clock, "action", "done", "A-2", "--note", "called all ten")
    shell(store, clock, "action", "redate", "A-4", "2026-12-20", "--reason", "calendar slipped")
    clock.advance(days=1)
    third = plan(store, clock, NORTHWIND_CSV)
    second = await run_meeting(store, clock, third, [])
    # A-1 was closed in M-2: it never comes back. A-3 was slipped in M-2, not since. The
    # action M-2 captured is open, so it is reviewed too.
    from_m2 = captured_in(store, demo_meeting)
    assert second == {"A-3": "○ open", "A-2": "✔ done", "A-4": "↻ slipped", from_m2: "○ open"}
    clock.advance(days=2)
    fourth = plan(store, clock, NORTHWIND_CSV)
    third_review = await run_meeting(store, clock, fourth, [])
    # A-2 (done) and A-4's slip were reviewed in the last meeting: only the open ones.
    from_m3 = captured_in(store, third)
    assert third_review == {"A-3": "○ open", "A-4": "○ open", from_m2: "○ open", from_m3: "○ open"}
    # Another team, same data dir: none of these.
    clock.advance(hours=1)
    other = plan(store, clock, RIVERTON_YAML)
    app = ReviewApp(store, other, by="champion", cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert review_table(app) == {}


def test_the_shell_lists_a_teams_actions_only(
    store: Store, clock: FixedClock, demo_meeting: str
) -> None:
    shell(store, clock, "import", str(RIVERTON_YAML))
    added = shell(store, clock, "action", "add", "Fix the potholes", "--owner", "Angela Brooks",
                  "--due", "fri", "--scorecard", "riverton-public-services")  # fmt: skip
    assert "saved" in added
    northwind = shell(store, clock, "status", "--scorecard", "northwind-balanced-scorecard")
    riverton = shell(store, clock, "status", "--scorecard", "riverton-public-services")
    assert "Re-phase the Q4 revenue forecast" in northwind and "potholes" not in northwind
    assert "potholes" in riverton and "Re-phase" not in riverton
    refused = CliRunner().invoke(
        cli,
        [
            "--data-dir",
            str(store.data.root),
            "action",
            "add",
            "Whose?",
            "--owner",
            "maria",
            "--due",
            "fri",
        ],
        obj={"clock": clock},
    )
    assert refused.exit_code == 1 and "which team's action is it?" in refused.output
