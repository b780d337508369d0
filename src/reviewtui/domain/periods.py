"""Period labels as people write them, put in calendar order.

``2026-10``, ``Oct 2026``, ``2026-Q3``, ``Q3 2026``, ``2026-W42``, ``Week 42 2026``,
``2026-10-05`` and ``2026`` are all read as the date their period starts, so "the latest
period" is the latest in time, not the last row of a file. A label that is none of these
keeps its place in the order it was first seen.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip

_YEAR = r"((?:19|20|21)\d\d)"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^{_YEAR}-(\d{{1,2}})-(\d{{1,2}})$"), "ymd"),
    (re.compile(rf"^{_YEAR}[-/ ]?(\d{{1,2}})$"), "ym"),
    (re.compile(rf"^{_YEAR}[- ]?q([1-4])$"), "yq"),
    (re.compile(rf"^q([1-4])[- ]?{_YEAR}$"), "qy"),
    (re.compile(rf"^{_YEAR}[- ]?w(?:eek)?[- ]?(\d{{1,2}})$"), "yw"),
    (re.compile(rf"^w(?:eek)?[- ]?(\d{{1,2}})[- ,]+{_YEAR}$"), "wy"),
    (re.compile(rf"^([a-z]+)[- ]+{_YEAR}$"), "my"),
    (re.compile(rf"^{_YEAR}[- ]+([a-z]+)$"), "ym-name"),
    (re.compile(rf"^(?:fy)?{_YEAR}$"), "y"),
]


@functools.lru_cache(maxsize=4096)
def period_start(label: str) -> dt.date | None:
    """The date a period starts, or None for a label that is no known period form.
    (Remembered: a meeting asks about the same few labels at every step.)"""
    text = " ".join(label.strip().casefold().replace("_", " ").split())
    for pattern, form in _PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return _start(form, match.groups())
            except (ValueError, KeyError):
                return None
    return None


def _start(form: str, parts: tuple[str, ...]) -> dt.date:
    if form == "ymd":
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    if form == "ym":
        return dt.date(int(parts[0]), int(parts[1]), 1)
    if form in ("yq", "qy"):
        year, quarter = (parts[0], parts[1]) if form == "yq" else (parts[1], parts[0])
        return dt.date(int(year), 3 * int(quarter) - 2, 1)
    if form in ("yw", "wy"):
        year, week = (parts[0], parts[1]) if form == "yw" else (parts[1], parts[0])
        return dt.date.fromisocalendar(int(year), int(week), 1)
    if form in ("my", "ym-name"):
        name, year = (parts[0], parts[1]) if form == "my" else (parts[1], parts[0])
        return dt.date(int(year), MONTHS[name], 1)
    return dt.date(int(parts[0]), 1, 1)


def in_calendar_order(labels: Iterable[str]) -> list[str]:
    """Labels sorted by when their period starts; if any label is not a period form we
    can read, the order they were given in (first seen first), unchanged."""
    unique = list(dict.fromkeys(labels))
    starts = {label: period_start(label) for label in unique}
    if any(start is None for start in starts.values()):
        return unique
    return sorted(unique, key=lambda label: (starts[label], unique.index(label)))


def is_period_label(text: object) -> bool:
    """Whether a spreadsheet column header reads as a period (a wide scorecard's column)."""
    return isinstance(text, str | int) and period_start(str(text)) is not None


_YEARLESS = re.compile(
    r"^(?:w(?:eek|k)?[- ]?\d{1,2}|q[1-4]|(?:" + "|".join(MONTHS) + r")|\d{4}-\d{2}-\d{2})$"
)


def looks_like_period(text: str) -> bool:
    """Whether a column header names a period, with a year (``Oct 2026``) or without one as
    weekly sheets write them (``Week 42``, ``W42``, ``Q3``, ``Oct``)."""
    cleaned = " ".join(text.strip().casefold().replace("_", " ").split())
    return period_start(cleaned) is not None or _YEARLESS.match(cleaned) is not None


def without_period(stem: str) -> str:
    """A file name without the period it was saved for: ``acme-2026-10`` -> ``acme``,
    ``Scorecard Oct 2026`` -> ``Scorecard``, so each month's file is the same scorecard."""
    parts = [part for part in re.split(r"[\s_\-.]+", stem) if part]
    for cut in (3, 2, 1):
        if len(parts) > cut and period_start(" ".join(parts[-cut:]).replace(" q", "-q")):
            return stem[: _start_of_tail(stem, parts[-cut])].rstrip(" _-.")
    return stem


def _start_of_tail(stem: str, first_part: str) -> int:
    return stem.rfind(first_part)
