"""Shared fixtures: the bundled samples, a real data dir in a temp folder, a fixed clock."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from reviewtui.domain.clock import FixedClock
from reviewtui.store.repository import Store

# Property-based tests: a short run by default; HYPOTHESIS_PROFILE=soak for a long one.
settings.register_profile(
    "default",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "soak",
    max_examples=2_500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Every test sees the same timezone (UTC), whatever the machine's; one test
# (tests/cli/test_time_zones.py) runs the date-sensitive tests again in a far-east zone.
os.environ["TZ"] = os.environ.get("REVIEWTUI_TEST_TZ", "UTC")
time.tzset()

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_scorecards"
NORTHWIND_CSV = SAMPLES / "northwind_balanced_scorecard.csv"
RIVERTON_YAML = SAMPLES / "riverton_public_services.yaml"
BRIGHTPATH_XLSX = SAMPLES / "brightpath_weekly_scorecard.xlsx"


@pytest.fixture
def clock() -> FixedClock:
    """Monday 23 November 2026, 09:00 UTC."""
    return FixedClock(dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC))


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Store:
    """A store on a real data dir in a temp folder."""
    return Store(tmp_path / "data", clock=clock)


@pytest.fixture
def demo_meeting(store: Store) -> str:
    """The demo's data: Northwind imported, M-1 finalized with open actions, M-2 planned."""
    from reviewtui.services.demo import seed_demo

    return seed_demo(store).id


@pytest.fixture(autouse=True)
def own_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own config and state dirs, so nothing touches the user's."""
    folder = tmp_path / "config"
    monkeypatch.setenv("REVIEWTUI_CONFIG_DIR", str(folder))
    monkeypatch.setenv("REVIEWTUI_STATE_DIR", str(tmp_path / "state"))
    return folder
