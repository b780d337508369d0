"""A shell process marks actions done while another process captures: nothing is lost."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

from reviewtui.domain.capture import ActionStatus, ItemKind
from reviewtui.store.repository import Store
from tests.store.test_durability import ROOT, plan, spawn


def test_marking_done_from_the_shell_while_the_meeting_captures(store: Store) -> None:
    meeting = plan(store)
    earlier = [
        store.capture(
            ItemKind.ACTION, f"Earlier {i}", None, owner="Maria", due=dt.date(2026, 12, 1)
        )
        for i in range(40)
    ]
    capturer = spawn(store.data.root, meeting.id, 300, "meeting", pause=0.02)
    assert capturer.stdout is not None and capturer.stdout.readline().strip() == "ready"
    env = {
        **os.environ,
        "PYTHONPATH": f"{ROOT / 'src'}",
        "REVIEWTUI_DATA_DIR": str(store.data.root),
    }
    for item in earlier:
        result = subprocess.run(
            [sys.executable, "-m", "reviewtui", "action", "done", item.ref],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        if item is earlier[3]:
            assert capturer.poll() is None, (
                "the two processes must overlap for this test to mean anything"
            )
    output, _ = capturer.communicate(timeout=120)
    assert capturer.returncode == 0
    captured = {int(n) for n in output.split() if n.isdigit()}
    fresh = Store(store.data.root)
    assert {i.number for i in fresh.items(meeting.id)} == captured and len(captured) == 300
    assert all(i.status is ActionStatus.DONE for i in fresh.items(None))
    assert len(fresh.items(None)) == 40
