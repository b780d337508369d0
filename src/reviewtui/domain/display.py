"""How numbers, variances and due dates read on screen and in exports."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from reviewtui.domain.dates import day_month
from reviewtui.domain.numbers import CURRENCIES, CURRENCY_SYMBOLS, format_compact, format_plain
from reviewtui.domain.scorecard import Measure, PeriodValue
from reviewtui.domain.status import Polarity


def currency_symbol(unit: str) -> str | None:
    """``$`` for a unit written ``$``, ``usd`` or ``USD``; None for a unit that is no currency."""
    cleaned = unit.strip()
    if cleaned in CURRENCY_SYMBOLS:
        return cleaned
    return CURRENCIES.get(cleaned.upper()) if len(cleaned) == 3 else None


def format_value(value: Decimal | None, unit: str = "", compact: bool = False) -> str:
    """``4116910, '$'`` -> ``$4,116,910`` (``$4.12M`` compact); ``94.9, '%'`` -> ``94.9%``."""
    if value is None:
        return "–"
    symbol = currency_symbol(unit)
    number = format_compact(value) if compact and abs(value) >= 10_000 else format_plain(value)
    if symbol:
        sign = "-" if number.startswith("-") else ""
        return f"{sign}{symbol}{number.lstrip('-')}"
    if unit.strip() == "%":
        return f"{number}%"
    return f"{number} {unit}".strip()


def target_text(measure: Measure, value: PeriodValue) -> str:
    """The target as people say it: ``≥ $4.2M``, ``≤ 48 days``, ``90–110%``."""
    unit = measure.unit
    if measure.polarity is Polarity.WITHIN_RANGE:
        low, high = value.target_low, value.target_high
        if low is not None and high is not None:
            return f"{format_value(low, unit)} – {format_value(high, unit)}"
        if low is not None:
            return f"≥ {format_value(low, unit)}"
        if high is not None:
            return f"≤ {format_value(high, unit)}"
        return "no target range set"
    if value.target is None:
        return value.target_label or "no target set"
    sign = "≥" if measure.polarity is Polarity.HIGHER_IS_BETTER else "≤"
    return f"{sign} {format_value(value.target, unit)}"


def variance_text(measure: Measure, value: PeriodValue) -> str:
    """Actual against target in words that carry the direction, so nobody reads a sign the
    wrong way: ``$6,500 (32.5%) over target · worse`` on a spending limit, ``2.1 pts above
    target · better``, ``0.4 hours under target · better``, ``on target``."""
    actual = value.actual
    if actual is None:
        return "no actual reported"
    unit = measure.unit
    if measure.polarity is Polarity.WITHIN_RANGE:
        low, high = value.target_low, value.target_high
        if low is not None and actual < low:
            return f"{format_value(low - actual, unit)} below the range · worse"
        if high is not None and actual > high:
            return f"{format_value(actual - high, unit)} above the range · worse"
        if low is None and high is None:
            return "no target set"
        return "within the range · on target"
    target = value.target
    if target is None and value.target_label:
        return f"no number to compare with ({value.target_label})"
    if target is None:
        return "no target set"
    gap = actual - target
    if gap == 0:
        return "on target"
    lower = measure.polarity is Polarity.LOWER_IS_BETTER
    side = ("over" if gap > 0 else "under") if lower else ("above" if gap > 0 else "below")
    verdict = "better" if (gap < 0) == lower else "worse"
    if unit.strip() == "%":
        return f"{format_plain(abs(gap))} pts {side} target · {verdict}"
    relative = f" ({abs(gap) / abs(target) * 100:.1f}%)" if target else ""
    return f"{format_value(abs(gap), unit)}{relative} {side} target · {verdict}"


SPARK_BARS = "▁▂▃▄▅▆▇█"


def spark(values: list[Decimal], width: int = 8) -> str:
    """The last ``width`` values as a one-line sparkline of bar characters (``▂▃▅▇``);
    level values draw a level line, fewer than three draw nothing (too few to be a shape)."""
    shown = values[-width:]
    if len(shown) < 3:
        return ""
    low, high = min(shown), max(shown)
    if high == low:
        return SPARK_BARS[3] * len(shown)
    top = len(SPARK_BARS) - 1
    return "".join(SPARK_BARS[int((v - low) / (high - low) * top)] for v in shown)


def due_text(due: dt.date | None, today: dt.date) -> str:
    """``Fri 27 Nov (in 4 days)``, ``Mon 16 Nov (7 days overdue)``, ``no due date``."""
    if due is None:
        return "no due date"
    days = (due - today).days
    when = f"{due:%a} {day_month(due)}" + (f" {due.year}" if due.year != today.year else "")
    if days == 0:
        return f"{when} (today)"
    if days == 1:
        return f"{when} (tomorrow)"
    if days > 0:
        return f"{when} (in {days} days)"
    return f"{when} ({-days} day{'s' * (days != -1)} overdue)"


def long_date(day: dt.date | None) -> str:
    """``Fri 27 Nov 2026``, or ``no due date``."""
    return f"{day:%a} {day_month(day)} {day.year}" if day else "no due date"
