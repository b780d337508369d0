"""A meeting: one review of one scorecard period, and where it stands."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, Field


class MeetingState(StrEnum):
    """A meeting's life: planned, under way, finalized (read-only unless reopened)."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    FINALIZED = "finalized"


class StatusSnapshot(BaseModel):
    """A measure's status at one moment, kept as shown so history never changes."""

    key: str
    name: str
    symbol: str
    period: str | None = None


class Meeting(BaseModel):
    """One review meeting of one scorecard period."""

    id: str = Field(pattern=r"^M-\d+$")
    title: str = Field(min_length=1)
    scorecard_id: str
    period: str | None = None
    date: dt.date
    length_minutes: int = Field(default=60, ge=5, le=600)
    state: MeetingState = MeetingState.PLANNED
    attendees: list[str] = Field(default_factory=list)
    created_at: dt.datetime
    statuses: dict[str, StatusSnapshot] = Field(default_factory=dict)
    """Each measure's status as reviewed in this meeting, by measure id (for history)."""
