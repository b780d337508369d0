"""Ids that never repeat, damaged files never written, unusable locks and read-only dirs.

Each case is what a restore from backup, a sync tool or a careless ``mkdir`` does to a data
dir; each test reproduces it on a real data dir and runs the real commands.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reviewtui.cli import cli
from reviewtui.store.repository import Store


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env={"REVIEWTUI_DATA_DIR": str(root)})


def refs(root: Path) -> list[str]:
    result = run(root, "action", "list", "--status", "all", "--json")
    assert result.exit_code == 0, result.output
    return [row["id"] for row in json.loads(result.stdout)]


def test_an_emptied_item_counter_never_hands_out_a_number_again(
    store: Store, demo_meeting: str
) -> None:
    root = store.data.root
    before = refs(root)
    (root / "counters" / "item").write_bytes(b"")  # a restore from an old backup
    added = run(root, "action", "add", "Call the bank", "--owner", "maria", "--due", "fri")
    assert added.exit_code == 0, added.output
    assert "repaired" in added.stderr and "counters/item" in added.stderr
    after = refs(root)
    assert len(after) == len(set(after)) == len(before) + 1
    new = (set(after) - set(before)).pop()
    assert int(new[2:]) > max(int(ref[2:]) for ref in before)
    done = run(root, "action", "done", "A-2")
    assert done.exit_code == 0 and "A-2 done: Call the ten largest lost" in done.output


def test_an_emptied_meeting_counter_never_reuses_a_meeting_id(
    store: Store, demo_meeting: str
) -> None:
    root = store.data.root
    m1 = (root / "meetings" / "M-1.json").read_bytes()
    (root / "counters" / "meeting").write_bytes(b"")
    planned = run(root, "meeting", "new", "northwind-balanced-scorecard")
    assert planned.exit_code == 0, planned.output
    assert planned.stdout.strip() == "M-3"
    assert (root / "meetings" / "M-1.json").read_bytes() == m1


def test_a_meeting_file_restored_ahead_of_the_counter_is_never_overwritten(
    store: Store, demo_meeting: str
) -> None:
    root = store.data.root
    shutil.copy(root / "meetings" / "M-1.json", root / "meetings" / "M-3.json")
    # the counter says 2, and M-3 already exists (restored from another machine)
    planned = run(root, "meeting", "new", "northwind-balanced-scorecard")
    assert planned.stdout.strip() == "M-4"


def test_a_damaged_meeting_file_is_never_written_and_the_rest_still_answers(
    store: Store, demo_meeting: str
) -> None:
    root = store.data.root
    path = root / "meetings" / "M-1.json"
    document = json.loads(path.read_text())
    document["meeting"]["1"]["state"] = "exploded"  # valid JSON, a record that does not fit
    path.write_text(json.dumps(document))
    damaged = path.read_bytes()
    done = run(root, "action", "done", "A-2")
    assert done.exit_code == 1
    assert "M-1.json is damaged" in done.stderr and "mv " in done.stderr
    assert path.read_bytes() == damaged and not path.with_suffix(".journal").exists()
    listed = run(root, "meeting", "list")
    assert listed.exit_code == 0 and "M-2" in listed.stdout and "skipped M-1.json" in listed.stderr
    assert run(root, "status").exit_code == 0


def test_a_torn_journal_tail_is_ignored_and_cut_before_the_next_append(
    store: Store, demo_meeting: str
) -> None:
    root = store.data.root
    journal = root / "meetings" / "M-2.journal"
    with journal.open("ab") as handle:
        handle.write(b'{"t": "item", "doc": {"number": 99, "te')  # a write killed half-way
    assert run(root, "meeting", "list").exit_code == 0
    added = run(
        root, "action", "add", "Call", "--owner", "maria", "--due", "fri", "--meeting", "M-2"
    )
    assert added.exit_code == 0, added.output
    lines = journal.read_bytes().splitlines()
    assert all(json.loads(line) for line in lines), "the torn line was cut off"


def test_a_damaged_journal_line_is_refused(store: Store, demo_meeting: str) -> None:
    root = store.data.root
    journal = root / "meetings" / "M-2.journal"
    journal.write_bytes(b'{"t": "item", "doc": {}}\nnot json\n{"t": "meeting", "set": {}}\n')
    result = run(
        root, "action", "add", "Call", "--owner", "maria", "--due", "fri", "--meeting", "M-2"
    )
    assert result.exit_code == 1 and "M-2.journal is damaged" in result.stderr


def test_a_lock_that_is_a_folder_says_what_to_do_and_reads_still_work(
    store: Store, demo_meeting: str
) -> None:
    root = store.data.root
    (root / ".lock").unlink(missing_ok=True)
    (root / ".lock").mkdir()
    added = run(root, "action", "add", "Call", "--owner", "maria", "--due", "fri")
    assert added.exit_code == 1
    assert ".lock is a folder" in added.stderr and "rmdir" in added.stderr
    assert "Traceback" not in added.output
    for args in (("status",), ("meeting", "list"), ("history", "FIN-01"), ("report",)):
        assert run(root, *args).exit_code == 0, args


@pytest.fixture
def read_only_data_dir(store: Store, demo_meeting: str, tmp_path: Path) -> Iterator[Path]:
    """The demo data dir, mounted read-only (as a shared or backup copy often is)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a read-only copy")
    mounted = tmp_path / "read-only"
    mounted.mkdir()
    bind = subprocess.run(["mount", "--bind", str(store.data.root), str(mounted)], check=False)
    if bind.returncode != 0:
        pytest.skip("cannot bind-mount here")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(mounted)], check=True)
        yield mounted
    finally:
        subprocess.run(["umount", str(mounted)], check=True)


def test_a_read_only_data_dir_answers_reads_and_refuses_writes_clearly(
    read_only_data_dir: Path,
) -> None:
    root = read_only_data_dir
    for args in (("status",), ("meeting", "list"), ("action", "list"), ("history", "FIN-01")):
        result = run(root, *args)
        assert result.exit_code == 0, (args, result.output)
    added = run(root, "action", "add", "Call", "--owner", "maria", "--due", "fri")
    assert added.exit_code == 1, added.output
    assert "cannot write to" in added.stderr and "reading still works" in added.stderr
    assert "Traceback" not in added.output
