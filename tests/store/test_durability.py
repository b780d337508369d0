"""Durability: SIGKILL mid-write, two writer processes, corrupted files, strays, schema."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewtui.domain.capture import ItemKind
from reviewtui.domain.meeting import Meeting
from reviewtui.errors import CorruptFileError, StorageError
from reviewtui.store import datadir, layout
from reviewtui.store.repository import Store

CHILD = Path(__file__).with_name("writer_child.py")
ROOT = Path(__file__).resolve().parents[2]


def plan(store: Store) -> Meeting:
    return store.create_meeting(
        lambda meeting_id: Meeting(
            id=meeting_id,
            title="Monthly review",
            scorecard_id="northwind",
            date=dt.date(2026, 11, 23),
            created_at=store.clock.now(),
        )
    )


def spawn(
    root: Path, meeting_id: str, count: int, label: str, pause: float = 0.0
) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"}
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(root), meeting_id, str(count), label, str(pause)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_capture_is_readable_by_a_fresh_store_at_once(store: Store, tmp_path: Path) -> None:
    meeting = plan(store)
    item = store.capture(ItemKind.ACTION, "Fix churn report", meeting.id, owner="Maria")
    other = Store(store.data.root)
    assert [i.ref for i in other.items(meeting.id)] == [item.ref] == ["A-1"]
    assert not list(store.data.root.rglob("*.rtmp"))


def test_sigkill_mid_write_never_corrupts_or_loses_acknowledged_captures(store: Store) -> None:
    meeting = plan(store)
    acknowledged: set[int] = set()
    rng = random.Random(7)
    for _trial in range(30):
        child = spawn(store.data.root, meeting.id, 10_000, "killed")
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.05))
        os.kill(child.pid, signal.SIGKILL)
        output, _ = child.communicate()
        acknowledged |= {int(line) for line in output.split() if line.isdigit()}
        # every file must still parse, and every acknowledged capture must be there
        survivors = {item.number for item in Store(store.data.root).items(meeting.id)}
        assert acknowledged <= survivors
    assert len(acknowledged) > 30, "the children should have acknowledged many captures"
    assert not list(store.data.root.rglob("*.rtmp")), "stray temp files are cleaned on open"


def test_two_writer_processes_lose_nothing(store: Store) -> None:
    meeting = plan(store)
    children = [spawn(store.data.root, meeting.id, 120, label) for label in ("app", "shell")]
    outputs = [child.communicate(timeout=120)[0] for child in children]
    assert all(child.returncode == 0 for child in children)
    acknowledged = [int(n) for out in outputs for n in out.split() if n.isdigit()]
    items = store.items(meeting.id)
    assert len(acknowledged) == 240 == len(items)
    assert sorted(i.number for i in items) == sorted(acknowledged)
    assert len({i.number for i in items}) == 240, "numbers are never handed out twice"


def test_corrupted_meeting_file_is_refused_and_left_untouched(store: Store) -> None:
    meeting = plan(store)
    store.capture(ItemKind.NOTE, "first", meeting.id)
    path = store.data.meetings_dir / f"{meeting.id}.json"
    damaged = path.read_bytes()[:-7]
    path.write_bytes(damaged)
    with pytest.raises(CorruptFileError) as caught:
        store.capture(ItemKind.NOTE, "second", meeting.id)
    assert str(path) in str(caught.value) and "mv" in str(caught.value)
    with pytest.raises(CorruptFileError):
        store.items(meeting.id)
    assert path.read_bytes() == damaged


def test_record_that_does_not_fit_the_model_is_reported_as_damage(store: Store) -> None:
    meeting = plan(store)
    path = store.data.meetings_dir / f"{meeting.id}.json"
    document = json.loads(path.read_text())
    document["items"] = {"1": {"number": "not a number"}}
    path.write_text(json.dumps(document))
    with pytest.raises(CorruptFileError, match="CapturedItem"):
        store.items(meeting.id)


def test_stray_temp_files_from_a_killed_write_are_removed_on_open(store: Store) -> None:
    stray = store.data.meetings_dir / ".M-1.json.abc123.rtmp"
    stray.write_text("{half a write")
    Store(store.data.root)
    assert not stray.exists()


def test_newer_schema_is_refused_and_migrations_run_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "data"
    Store(root)
    meta = root / "reviewtui.json"
    meta.write_text(json.dumps({"schema_version": 99}))
    with pytest.raises(StorageError, match="newer reviewtui"):
        Store(root)
    meta.write_text(json.dumps({"schema_version": layout.SCHEMA_VERSION}))
    ran: list[Path] = []
    monkeypatch.setattr(layout, "SCHEMA_VERSION", layout.SCHEMA_VERSION + 1)
    monkeypatch.setitem(datadir.MIGRATIONS, layout.SCHEMA_VERSION - 1, ran.append)
    Store(root)
    assert ran == [root]
    assert json.loads(meta.read_text())["schema_version"] == layout.SCHEMA_VERSION


def disk_full_for(monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    """Make writes to files ending in ``suffix`` fail as a full disk does (half-way)."""
    real_write = os.write

    def write(fd: int, data: bytes) -> int:
        if os.readlink(f"/proc/self/fd/{fd}").endswith(suffix):
            real_write(fd, bytes(data)[: len(data) // 2])
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)


def test_a_full_disk_during_a_whole_file_write_keeps_the_old_file(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The atomic write itself fails half-way: the old file stays, its temp file goes."""
    from reviewtui.importers import load_scorecard
    from tests.conftest import NORTHWIND_CSV

    card = load_scorecard(NORTHWIND_CSV)
    store.save_scorecard(card)
    path = store.data.scorecards_dir / f"{card.id}.json"
    before = path.read_bytes()
    disk_full_for(monkeypatch, ".rtmp")
    renamed = card.model_copy(update={"name": "Renamed"})
    with pytest.raises(StorageError, match="disk is full"):
        store.save_scorecard(renamed)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not list(store.data.root.rglob("*.rtmp")), "the half-written temp file is removed"
    assert Store(store.data.root).scorecard(card.id).name == card.name


def test_a_full_disk_during_a_capture_keeps_the_meeting_as_it_was(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A journal append fails half-way: the capture is refused, the half line never counts,
    and the next capture after space is freed is whole."""
    meeting = plan(store)
    store.capture(ItemKind.NOTE, "kept", meeting.id)
    disk_full_for(monkeypatch, ".journal")
    with pytest.raises(StorageError, match="disk is full"):
        store.capture(ItemKind.NOTE, "lost?", meeting.id)
    monkeypatch.undo()
    assert [i.text for i in Store(store.data.root).items(meeting.id)] == ["kept"]
    store.capture(ItemKind.NOTE, "after space was freed", meeting.id)
    fresh = Store(store.data.root).items(meeting.id)
    assert [i.text for i in fresh] == ["kept", "after space was freed"]
