"""Every write really reaches the disk: the file is fsynced, and so is its folder.

A missing fsync is invisible to kill tests (the page cache survives a killed process), so
this test watches the calls themselves: each ``os.write``, ``os.fsync`` (by the path its
descriptor points at) and ``os.replace``, in order, while the store and the exporter work.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewtui.domain.capture import ItemKind
from reviewtui.exporters.export import export_meeting
from reviewtui.importers import load_scorecard
from reviewtui.services.meetings import plan_meeting
from reviewtui.store.repository import Store
from tests.conftest import NORTHWIND_CSV

Event = tuple[str, str]


@pytest.fixture
def trace(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Event]]:
    events: list[Event] = []
    real_write, real_fsync, real_replace = os.write, os.fsync, os.replace

    def path_of(fd: int) -> str:
        return os.readlink(f"/proc/self/fd/{fd}")

    def write(fd: int, data: bytes) -> int:
        events.append(("write", path_of(fd)))
        return real_write(fd, data)

    def fsync(fd: int) -> None:
        events.append(("fsync", path_of(fd)))
        real_fsync(fd)

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        real_replace(src, dst)
        events.append(("replace", f"{os.fspath(src)} -> {os.fspath(dst)}"))

    monkeypatch.setattr(os, "write", write)
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    yield events


def check_durable(events: list[Event]) -> int:
    """Each replace: its temp file fsynced before, its folder fsynced after. Each write to a
    file that is not replaced later (an append): that file fsynced after. Returns how many
    writes were checked."""
    checked = 0
    for index, (kind, what) in enumerate(events):
        if kind == "replace":
            temp, target = what.split(" -> ")
            before = events[:index]
            writes = [i for i, e in enumerate(before) if e == ("write", temp)]
            # A file: fsynced after its last write. A folder moved whole (an export): its
            # entries fsynced before the move.
            since = max(writes) if writes else 0
            assert ("fsync", temp) in before[since:], f"{temp} not fsynced before rename"
            folder = str(Path(target).parent)
            assert ("fsync", folder) in events[index:], f"{folder} not fsynced after rename"
            checked += 1
        elif kind == "write" and not Path(what).name.endswith(".rtmp"):
            assert ("fsync", what) in events[index:], f"append to {what} not fsynced"
            checked += 1
    return checked


def test_import_plan_capture_and_export_are_all_fsynced(
    store: Store, trace: list[Event], tmp_path: Path
) -> None:
    card = load_scorecard(NORTHWIND_CSV)
    store.save_scorecard(card)
    meeting = plan_meeting(store, card, date=dt.date(2026, 11, 23))
    store.capture(ItemKind.NOTE, "first capture creates the journal", meeting.id)
    trace.append(("mark", "first capture returned"))
    store.capture(ItemKind.NOTE, "second capture appends", meeting.id)
    store.change_meeting(meeting.id, {"current": 2})
    store.compact(meeting.id)
    export_meeting(store, meeting.id, tmp_path / "out", ["md", "csv"])
    kinds = {kind for kind, _ in trace}
    assert kinds == {"write", "fsync", "replace", "mark"}
    assert check_durable(trace) >= 8
    journal = str(store.data.meetings_dir / f"{meeting.id}.journal")
    created = trace.index(("write", journal))
    returned = trace.index(("mark", "first capture returned"))
    assert ("fsync", str(store.data.meetings_dir)) in trace[created:returned], (
        "a new journal's folder entry must be fsynced before the capture returns"
    )


def test_the_checker_catches_a_missing_fsync() -> None:
    """The checker itself must be able to fail."""
    with pytest.raises(AssertionError, match="not fsynced before rename"):
        check_durable([("write", "/d/.a.rtmp"), ("replace", "/d/.a.rtmp -> /d/a"), ("fsync", "/d")])
    with pytest.raises(AssertionError, match="not fsynced after rename"):
        check_durable(
            [("write", "/d/.a.rtmp"), ("fsync", "/d/.a.rtmp"), ("replace", "/d/.a.rtmp -> /d/a")]
        )
    with pytest.raises(AssertionError, match="append to /d/j not fsynced"):
        check_durable([("write", "/d/j")])
