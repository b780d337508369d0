"""Short runs of the store soak (benchmarks/store_soak.py has the long ones)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def soak(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "store_soak.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_readers_beside_a_writer_never_fail() -> None:
    assert " 0 failed" in soak("readers", "--seconds", "3", "--readers", "2")


def test_a_short_kill_storm_loses_nothing() -> None:
    out = soak("kill-storm", "--kills", "25")
    assert "records lost 0, acknowledged captures lost 0, duplicate ids 0" in out
