"""Due dates as people type them: ``fri``, ``+2w``, ``end of month``, ``2026-12-01``, ``1 dec``,
``31/12``.

Relative words are resolved against an explicit ``today`` (from the injectable clock), so
the app can show the resolved date before saving and tests stay stable. A bare weekday
means the next one *after* today: "fri" said on a Friday means a week later. Numeric
dates (``31/12``, ``12/31/2026``, ``31.12.``) follow a :data:`DateOrder`: when only one
reading is a real date (``31/12``) that one is taken; when both are (``3/4``) the order
decides. The order comes from ``date_order`` in ``config.toml``, else from the locale.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

DateOrder = Literal["dmy", "mdy"]
"""How a numeric date reads: day first (``31/12``) or month first (``12/31``)."""
MONTH_FIRST_TERRITORIES = frozenset({"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "VI"})
"""Locales whose short dates put the month first; everywhere else (and C/POSIX) day first."""
WEEKDAYS = {
    name: index
    for index, names in enumerate(
        [
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "weds", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        ]
    )
    for name in names
}
MONTHS = {
    name: index
    for index in range(1, 13)
    for name in (calendar.month_abbr[index].lower(), calendar.month_name[index].lower())
}
MONTHS["sept"] = 9
DATE_FORMS = (
    "today, tomorrow, fri, next mon, +3d, +2w, +1m, end of week, end of month, "
    "end of quarter, 2026-12-01, 1 dec or 31/12"
)


class DateFormatError(ValueError):
    """A typed date that cannot be read; the message lists the forms that work."""


def order_from_locale(locale_name: str | None) -> DateOrder:
    """The date order of a locale name such as ``en_US.UTF-8`` (``LC_TIME``, ``LANG``)."""
    territory = (locale_name or "").split(".")[0].split("@")[0].partition("_")[2]
    return "mdy" if territory.upper() in MONTH_FIRST_TERRITORIES else "dmy"


def parse_due(text: str, today: dt.date, order: DateOrder = "dmy") -> dt.date:
    """Resolve a typed due date against ``today``; raise DateFormatError if unreadable."""
    typed = " ".join(text.strip().lower().replace(",", " ").split())
    try:
        resolved = _resolve(typed, today) or _numeric(typed, today, order)
    except (ValueError, OverflowError):
        resolved = None
    if resolved is None:
        raise DateFormatError(f"cannot read the date {text.strip()!r}; use {DATE_FORMS}")
    return resolved


def _resolve(typed: str, today: dt.date) -> dt.date | None:
    simple = {
        "today": today,
        "tod": today,
        "tomorrow": today + dt.timedelta(days=1),
        "tmr": today + dt.timedelta(days=1),
        "tom": today + dt.timedelta(days=1),
        "next week": today + dt.timedelta(days=7 - today.weekday()),
        "next month": _add_months(today.replace(day=1), 1),
    }
    if typed in simple:
        return simple[typed]
    if typed in WEEKDAYS:
        ahead = (WEEKDAYS[typed] - today.weekday() - 1) % 7 + 1
        return today + dt.timedelta(days=ahead)
    if typed.startswith("next ") and typed[5:] in WEEKDAYS:
        next_monday = today + dt.timedelta(days=7 - today.weekday())
        return next_monday + dt.timedelta(days=WEEKDAYS[typed[5:]])
    end = _end_of(typed, today)
    if end is not None:
        return end
    relative = re.fullmatch(
        r"(?:\+|in )?(\d{1,4}) ?(d|days?|w|wks?|weeks?|m|mos?|months?|y|yrs?|years?)", typed
    )
    if relative:
        count, unit = int(relative.group(1)), relative.group(2)[0]
        if unit == "d":
            return today + dt.timedelta(days=count)
        if unit == "w":
            return today + dt.timedelta(weeks=count)
        return _add_months(today, count * (12 if unit == "y" else 1))
    iso = re.fullmatch(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", typed)
    if iso:
        return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    return _day_and_month(typed, today)


def _end_of(typed: str, today: dt.date) -> dt.date | None:
    period = {"eow": "week", "eom": "month", "eoq": "quarter", "eoy": "year"}.get(typed)
    match = re.fullmatch(r"end of (?:the )?(week|month|quarter|year)", typed)
    period = period or (match.group(1) if match else None)
    if period == "week":  # the working week ends on Friday
        return today + dt.timedelta(days=(4 - today.weekday()) % 7)
    if period == "month":
        return today.replace(day=calendar.monthrange(today.year, today.month)[1])
    if period == "quarter":
        last_month = (today.month - 1) // 3 * 3 + 3
        return dt.date(today.year, last_month, calendar.monthrange(today.year, last_month)[1])
    if period == "year":
        return dt.date(today.year, 12, 31)
    return None


def _day_and_month(typed: str, today: dt.date) -> dt.date | None:
    match = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)(?: (\d{4}))?", typed) or re.fullmatch(
        r"([a-z]+) (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?", typed
    )
    if not match:
        return None
    first, second, year = match.groups()
    day_text, month_text = (first, second) if first.isdigit() else (second, first)
    if month_text not in MONTHS:
        return None
    month, day = MONTHS[month_text], int(day_text)
    if year:
        return dt.date(int(year), month, day)
    return _next_such_day(month, day, today)


def _numeric(typed: str, today: dt.date, order: DateOrder) -> dt.date | None:
    """``31/12``, ``12/31``, ``31.12.2026``, ``31-12-26``: by ``order`` when ambiguous."""
    match = re.fullmatch(r"(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{2}|\d{4}))?\.?", typed)
    if not match or (match.group(2) == "-" and not match.group(4)):
        return None  # "3-4" is more often a range than a date
    first, second, year_text = int(match.group(1)), int(match.group(3)), match.group(4)
    readings = [(first, second), (second, first)]  # (day, month)
    if order == "mdy":
        readings.reverse()
    for day, month in readings:
        if not 1 <= month <= 12:
            continue
        if year_text:
            year = int(year_text) + (2000 if len(year_text) == 2 else 0)
            if _valid(year, month, day):
                return dt.date(year, month, day)
            continue
        upcoming = _next_such_day(month, day, today)
        if upcoming is not None:
            return upcoming
    return None


def _next_such_day(month: int, day: int, today: dt.date) -> dt.date | None:
    """The next ``day month`` from today: "15 jan" in December is next year's; "29 feb"
    waits for the next leap year."""
    for candidate_year in range(today.year, today.year + 9):
        if _valid(candidate_year, month, day):
            candidate = dt.date(candidate_year, month, day)
            if candidate >= today:
                return candidate
    return None


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _add_months(start: dt.date, months: int) -> dt.date:
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def local_date(moment: dt.datetime) -> dt.date:
    """The local calendar date of a moment; at the ends of the calendar (year 1, 9999),
    where shifting to the local zone would overflow, its UTC date."""
    try:
        return moment.astimezone().date()
    except OverflowError:
        return moment.date()


def day_month(day: dt.date) -> str:
    """``27 Nov``: the day without a leading zero, on every platform (no ``%-d``)."""
    return f"{day.day} {day:%b}"
