"""Every command killed at every one of its write points leaves a data dir that works.

For each command that writes, the data dir is prepared (the demo: Northwind imported, M-1
finalized with actions, M-2 under way), then the command is run again and again, killed
at its 1st, 2nd, 3rd... write point (and, for each ``write``, after half of its bytes),
until it runs to the end. After every kill: every meeting, action and scorecard that was
there before is still there and readable, no number is used twice, and the commands
people run next (``status``, ``meeting list``, ``action list``, ``export``, a meeting
opened in the app's service) all work.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewtui.cli import cli
from reviewtui.domain.capture import ActionStatus, ItemKind
from reviewtui.domain.clock import FixedClock
from reviewtui.services.demo import seed_demo
from reviewtui.services.session import Capture, MeetingSession
from reviewtui.store.repository import Store
from tests.conftest import NORTHWIND_CSV
from tests.store.killpoints import FINISHED, KILLED, run_killed_at

CLOCK = FixedClock(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC))
ROOT = Path(__file__).resolve().parents[2]


def cli_work(root: Path, *args: str) -> Callable[[], object]:
    def work() -> object:
        os.environ["REVIEWTUI_DATA_DIR"] = str(root)
        return cli.main(list(args), prog_name="reviewtui", standalone_mode=False)

    return work


def steps_and_captures(root: Path) -> Callable[[], object]:
    """What the app does: open M-2, step, capture, review, checkpoint, reorder, finalize."""

    def work() -> object:
        session = MeetingSession(Store(root, CLOCK), "M-2", by="champion")
        session.start()
        session.review.close(1, ActionStatus.DONE)
        session.agenda.go_to(1)
        session.captures.capture(Capture(ItemKind.NOTE, "Wholesale orders slipped to December"))
        session.clock.checkpoint()
        session.agenda.go_to(2)
        session.agenda.move(3, 1)
        session.closing.set_rating(8)
        session.closing.finalize()
        return None

    return work


def reimport(root: Path, tmp: Path) -> Callable[[], object]:
    changed = tmp / "northwind_balanced_scorecard.csv"
    changed.write_text(NORTHWIND_CSV.read_text().replace("Revenue", "Net revenue"))
    return cli_work(root, "import", str(changed))


COMMANDS: dict[str, Callable[[Path, Path], Callable[[], object]]] = {
    "import": lambda root, tmp: cli_work(root, "import", str(NORTHWIND_CSV)),
    "re-import": reimport,
    "meeting new": lambda root, tmp: cli_work(
        root, "meeting", "new", "northwind-balanced-scorecard"
    ),
    "action add": lambda root, tmp: cli_work(
        root,
        "action",
        "add",
        "Call the bank",
        "--owner",
        "maria",
        "--due",
        "2026-12-01",
        "--meeting",
        "M-2",
        "--measure",
        "FIN-05",
    ),  # fmt: skip
    "action done": lambda root, tmp: cli_work(root, "action", "done", "A-1", "--note", "sent"),
    "action redate": lambda root, tmp: cli_work(root, "action", "redate", "A-3", "2026-12-04"),
    "action drop": lambda root, tmp: cli_work(root, "action", "drop", "A-4"),
    "export": lambda root, tmp: cli_work(root, "export", "M-2", "--out", str(tmp / "out")),
    "the app's service": lambda root, tmp: steps_and_captures(root),
}


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir as a champion has it mid-meeting: M-1 finalized, M-2 under way."""
    root = tmp_path_factory.mktemp("prepared") / "data"
    store = Store(root, CLOCK)
    seed_demo(store)
    session = MeetingSession(store, "M-2", by="champion")
    session.start()
    session.agenda.go_to(1)
    session.captures.capture(Capture(ItemKind.DECISION, "Freeze hiring until Q1"))
    return root


def inventory(root: Path) -> tuple[set[str], set[int], set[str]]:
    """Meetings, item numbers and scorecards a fresh store can read (raises if it cannot)."""
    store = Store(root, CLOCK)
    assert not store.notices, store.notices
    meetings = {m.id for m in store.meetings()}
    numbers = [i.number for i in store.all_items()]
    assert len(numbers) == len(set(numbers)), "a number is used twice"
    cards = {c.id for c in store.scorecards()}
    for meeting_id in meetings:
        store.meeting_scorecard(store.meeting(meeting_id))
    return meetings, set(numbers), cards


def answers_every_command(root: Path, out: Path) -> None:
    runner = CliRunner()
    env = {"REVIEWTUI_DATA_DIR": str(root)}
    for args in (
        ["status"],
        ["meeting", "list"],
        ["action", "list", "--status", "all"],
        ["history", "FIN-01"],
        ["report"],
        ["export", "M-2", "--out", str(out)],
    ):
        result = runner.invoke(cli, args, env=env)
        assert result.exit_code == 0, (args, result.output)
    MeetingSession(Store(root, CLOCK), "M-2").start()


@pytest.mark.parametrize("command", list(COMMANDS))
def test_killed_at_every_write_point_loses_nothing(
    command: str, prepared: Path, tmp_path: Path
) -> None:
    before = inventory(prepared)
    points = 0
    for torn in (False, True):
        for point in range(1, 200):
            root = tmp_path / f"run-{int(torn)}-{point}" / "data"
            shutil.copytree(prepared, root)
            work = COMMANDS[command](root, root.parent)
            code = run_killed_at(point, work, torn=torn)
            assert code in (KILLED, FINISHED), f"{command} failed at point {point}"
            meetings, numbers, cards = inventory(root)
            assert before[0] <= meetings and before[1] <= numbers and before[2] <= cards
            answers_every_command(root, root.parent / "check")
            shutil.rmtree(root.parent)
            if code == FINISHED:
                break
            points += 1
        else:
            pytest.fail(f"{command} never finished")
    assert points >= 2, f"{command} has too few write points for this test to mean much"
    print(f"{command}: killed at {points} write points")


def test_the_harness_sees_every_real_write_syscall(prepared: Path, tmp_path: Path) -> None:
    """strace counts the syscalls of a real `action add`; the harness must see as many."""
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed (.ci/run installs it)")
    root = tmp_path / "data"
    shutil.copytree(prepared, root)
    env = {**os.environ, "REVIEWTUI_DATA_DIR": str(root), "PYTHONPATH": str(ROOT / "src")}
    args = ["action", "add", "Call the bank", "--owner", "maria", "--due", "2026-12-01"]
    trace = tmp_path / "trace"
    subprocess.run(
        ["strace", "-f", "-qq", "-o", str(trace), "-e", "trace=rename,renameat,renameat2,fsync",
         sys.executable, "-m", "reviewtui", *args],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    syscalls = [line.split()[1].split("(")[0] for line in trace.read_text().splitlines()]
    seen: list[str] = []
    root2 = tmp_path / "data2"
    shutil.copytree(prepared, root2)
    real_fsync, real_replace = os.fsync, os.replace

    def work() -> object:
        def fsync(fd: int) -> None:
            seen.append("fsync")
            real_fsync(fd)

        def replace(src: object, dst: object) -> None:
            seen.append("rename")
            real_replace(src, dst)  # type: ignore[arg-type]

        os.fsync, os.replace = fsync, replace  # type: ignore[assignment]
        try:
            return cli_work(root2, *args)()
        finally:
            os.fsync, os.replace = real_fsync, real_replace  # type: ignore[assignment]

    work()
    renames = sum(1 for s in syscalls if s.startswith("rename"))
    assert (seen.count("fsync"), seen.count("rename")) == (syscalls.count("fsync"), renames)
