"""Shared fixtures: the bundled samples, a real data dir in a temp folder, a fixed clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reviewtui.domain.clock import FixedClock
from reviewtui.store.repository import Store

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
