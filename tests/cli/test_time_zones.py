"""Dates are right in every time zone: the date-sensitive tests, run again far east of UTC.

The suite runs in UTC (tests/conftest.py). Taskwarrior dues, "today", due-date words and
lateness all cross midnight somewhere, so these tests run once more in UTC+9 and UTC+14.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATE_SENSITIVE = [
    "tests/cli/test_action_import.py",
    "tests/cli/test_actions.py",
    "tests/cli/test_history_report.py",
    "tests/unit/test_quick_entry.py",
]


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "Pacific/Kiritimati"])
def test_the_date_sensitive_tests_pass_far_east_of_utc(zone: str) -> None:
    env = {**os.environ, "REVIEWTUI_TEST_TZ": zone, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *DATE_SENSITIVE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout[-3000:]
