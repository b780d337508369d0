"""A year of monthly reviews on one data dir, each review list checked exactly.

Each month: next month's scorecard file is imported (it holds that month only; the
measures' history must carry on), a meeting is held and finalized, actions are reviewed
and captured; between meetings owners close, re-date and reassign actions from the shell.
A second team (another scorecard) meets in the same data dir every quarter.

The test keeps its own record of every action (when it was created, closed and changed)
and checks each meeting against the rule, computed here independently of the code: the
review lists the scorecard's actions open when the meeting starts, plus those changed
after the previous meeting was finalized, and nothing else; only an action re-dated
since then (or in the meeting) is "slipped".
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reviewtui.domain.capture import ActionStatus, ItemKind
from reviewtui.domain.clock import FixedClock
from reviewtui.services import lifecycle
from reviewtui.services.actions import add_action
from reviewtui.services.lifecycle import Actor
from reviewtui.services.meetings import plan_meeting
from reviewtui.services.scorecards import import_scorecard
from reviewtui.services.session import Capture, MeetingSession
from reviewtui.services.workspace import Store, open_store

HEADER = "perspective,objective,measure_id,measure,owner,unit,polarity,kind,period,actual,target"
MEASURES = [
    ("Financial", "Grow", "REV", "Revenue", "Ann Lee", "$", "higher", 100),
    ("Financial", "Grow", "MAR", "Margin", "Bo Chen", "%", "higher", 40),
    ("Customer", "Keep", "NPS", "Net Promoter Score", "Cy Diaz", "", "higher", 50),
    ("Process", "Ship", "CYC", "Cycle time", "Ann Lee", "days", "lower", 5),
]
OWNERS = ["Ann Lee", "Bo Chen", "Cy Diaz"]


@dataclass
class Tracked:
    """What the test itself knows about one action."""

    number: int
    team: str
    status: ActionStatus = ActionStatus.OPEN
    changed: list[dt.datetime] = field(default_factory=list)
    redated: list[dt.datetime] = field(default_factory=list)


@dataclass
class Year:
    store: Store
    clock: FixedClock
    tmp: Path
    actions: dict[int, Tracked] = field(default_factory=dict)
    held: dict[str, dt.datetime] = field(default_factory=dict)
    """Each team's previous meeting, finalized at."""

    def month_file(self, month: int) -> Path:
        path = self.tmp / f"acme-2026-{month:02d}.csv"
        with path.open("w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADER.split(","))
            for perspective, objective, mid, name, owner, unit, polarity, target in MEASURES:
                # red in some months, green in others: every measure moves
                actual = target * (0.8 if (month + len(mid)) % 3 == 0 else 1.1)
                writer.writerow(
                    [perspective, objective, mid, name, owner, unit, polarity, "lagging",
                     f"2026-{month:02d}", f"{actual:.1f}", target]
                )  # fmt: skip
        return path

    def expected(self, team: str, start: dt.datetime) -> set[int]:
        since = self.held.get(team)
        return {
            a.number
            for a in self.actions.values()
            if a.team == team
            and (a.status is ActionStatus.OPEN or any(since and t > since for t in a.changed))
        }

    def close(
        self, number: int, status: ActionStatus, session: MeetingSession | None = None
    ) -> None:
        if session is not None:
            session.review.close(number, status)
        else:
            lifecycle.set_status(self.store, str(number), status, Actor("owner"))
        tracked = self.actions[number]
        tracked.status = status
        tracked.changed.append(self.clock.now())

    def redate(self, number: int, session: MeetingSession | None = None) -> None:
        due = self.clock.today() + dt.timedelta(days=40 + number % 9)
        if session is not None:
            session.review.slip(number, due, "needs more time")
        else:
            lifecycle.redate(self.store, str(number), due, Actor("owner"), "waiting")
        self.actions[number].changed.append(self.clock.now())
        self.actions[number].redated.append(self.clock.now())

    def reassign(self, number: int) -> None:
        current = next(i for i in self.store.all_items() if i.number == number).owner
        owner = next(name for name in OWNERS if name != current)
        lifecycle.reassign(self.store, str(number), owner, Actor("owner"))
        self.actions[number].changed.append(self.clock.now())


@pytest.fixture
def year(tmp_path: Path) -> Year:
    clock = FixedClock(dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC))
    return Year(open_store(tmp_path / "data", clock), clock, tmp_path)


def hold_meeting(year: Year, team_file: Path, team: str, month: int) -> None:
    store, clock = year.store, year.clock
    imported = import_scorecard(store, team_file)
    card = imported.scorecard
    assert card.id == team
    meeting = plan_meeting(store, card, f"{team} {month}")
    session = MeetingSession(store, meeting.id, by="champion")
    session.start()
    start = clock.now()
    carried = {item.number for item in session.carried}
    assert carried == year.expected(team, start), f"{meeting.id} ({team}, month {month})"
    since = year.held.get(team)
    for item in session.carried:
        slipped = session.review.outcome(item) == "slipped"
        tracked = year.actions[item.number]
        recently = any(since and t > since for t in tracked.redated)
        assert slipped == (recently and item.status is ActionStatus.OPEN), (meeting.id, item.ref)
    clock.advance(minutes=10)
    open_ones = sorted(n for n in carried if year.actions[n].status is ActionStatus.OPEN)
    for position, number in enumerate(open_ones):  # the review: close some, slip one
        if position % 3 == 0:
            year.close(number, ActionStatus.DONE, session)
        elif position % 3 == 1 and month % 2:
            year.redate(number, session)
        clock.advance(minutes=1)
    session.agenda.go_to(1)
    for text in (f"Plan for {team} month {month}", f"Second step {month}"):
        owner = OWNERS[(month + len(text)) % len(OWNERS)]
        saved = session.captures.capture(
            Capture(ItemKind.ACTION, text, owner, clock.today() + dt.timedelta(days=20))
        )
        year.actions[saved.item.number] = Tracked(saved.item.number, team, changed=[])
        clock.advance(minutes=1)
    clock.advance(minutes=30)
    session.closing.finalize()
    year.held[team] = session.meeting.finalized_at or clock.now()
    assert session.meeting.finalized_at == clock.now()


def between_meetings(year: Year, month: int) -> None:
    """Owners work from the shell: one done, one re-dated, one reassigned, one added."""
    year.clock.advance(days=10)
    open_ones = sorted(n for n, a in year.actions.items() if a.status is ActionStatus.OPEN)
    if open_ones:
        year.close(open_ones[0], ActionStatus.DONE)
        year.clock.advance(hours=1)
    if len(open_ones) > 2:
        year.redate(open_ones[2])
        year.clock.advance(hours=1)
    if len(open_ones) > 3:
        year.reassign(open_ones[3])
        year.clock.advance(hours=1)
    added, _ = add_action(
        year.store, f"Shell action {month}", "Bo Chen", year.clock.today() + dt.timedelta(days=30),
        measure_id="MAR", by="Bo Chen",
    )  # fmt: skip
    year.actions[added.number] = Tracked(added.number, "acme", changed=[])


def test_a_year_of_monthly_meetings_reviews_exactly_the_right_actions(
    year: Year, tmp_path: Path
) -> None:
    riverton = (
        Path(__file__).resolve().parents[2] / "sample_scorecards" / "riverton_public_services.yaml"
    )
    for month in range(1, 13):
        hold_meeting(year, year.month_file(month), "acme", month)
        if month % 3 == 0:  # the other team meets every quarter, same data dir
            year.clock.advance(hours=2)
            hold_meeting(year, riverton, "riverton-public-services", month)
        between_meetings(year, month)
        year.clock.advance(days=19)
    card = year.store.scorecard("acme")
    revenue = card.measure("REV")
    assert revenue is not None
    assert [v.period for v in revenue.in_order()] == [f"2026-{m:02d}" for m in range(1, 13)]
    assert card.review_period() == "2026-12"
    meetings = year.store.meetings()
    assert len(meetings) == 16
    for meeting in meetings:  # one team never reviewed the other's actions
        teams = {year.actions[n].team for n in meeting.carried if n in year.actions}
        assert teams <= {meeting.scorecard_id}


def test_rows_out_of_period_order_review_the_latest_period(tmp_path: Path) -> None:
    path = tmp_path / "shuffled.csv"
    rows = [HEADER]
    for period in ("2026-Q2", "2026-Q3", "2026-Q1"):
        rows.append(f"F,O,A,Alpha,Ann Lee,,higher,lagging,{period},10,10")
    for period in ("2026-Q3", "2026-Q1", "2026-Q2"):
        rows.append(f"F,O,B,Beta,Ann Lee,,higher,lagging,{period},10,10")
    path.write_text("\n".join(rows) + "\n")
    store = open_store(tmp_path / "data")
    card = import_scorecard(store, path).scorecard
    assert card.review_period() == "2026-Q3"
    assert plan_meeting(store, card).period == "2026-Q3"
    assert plan_meeting(store, card, period="2026-Q2").period == "2026-Q2"
