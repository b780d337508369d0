"""Parsing the numbers people paste from spreadsheets: ``1,234.5``, ``95%``, ``$1.2M``, blanks.

The decimal separator is always ``.`` and ``,`` only groups thousands: a value such as
``1,5`` is refused rather than guessed, because a silent factor-of-a-thousand error in a
board meeting is worse than an error message.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

NO_DATA_WORDS = frozenset({"", "-", "—", "–", "n/a", "na", "none", "null", "no data", "tbd"})
"""Cell contents that mean "no value for this period"."""

CURRENCIES = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CHF": "CHF"}
"""Currency codes and the symbol each is written with; the one table for reading and showing."""
CURRENCY_SYMBOLS = {symbol: code for code, symbol in CURRENCIES.items()}
_SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}
_NUMBER = re.compile(
    r"""^(?P<sign>[-+−]?)\s*
        (?P<symbol>[$€£¥₹])?\s*
        (?P<digits>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*
        (?P<suffix>k|m|mn|b|bn|%)?$""",
    re.IGNORECASE | re.VERBOSE,
)
_CODE = re.compile(r"^(?P<code>[A-Z]{3})\s+(?P<rest>.+)$|^(?P<rest2>.+?)\s+(?P<code2>[A-Z]{3})$")

EXPECTED_NUMBER = "a number such as 1,234.5, 95%, $1.2M or -3, or blank for no data"
MAX_DIGITS = 30
"""No measure needs more significant digits; longer numbers are refused, not rounded."""
TOO_LONG = f"expected a number with at most {MAX_DIGITS} significant digits"


class NumberFormatError(ValueError):
    """The text is not a number we understand; the message says what was expected."""


@dataclass(frozen=True)
class ParsedNumber:
    """A parsed cell: the value and, when the text carried one, its currency code."""

    value: float | None
    currency: str | None = None


def parse_amount(text: str | float | int | None) -> ParsedNumber:
    """Parse a spreadsheet cell into a value (``None`` for blank) and an optional currency.

    ``95%`` gives 95.0 (the unit says it is a percentage), ``$1.2M`` gives 1,200,000 USD,
    ``EUR 250k`` gives 250,000 EUR, ``(120)`` gives -120 as accountants write it.
    """
    if text is None:
        return ParsedNumber(None)
    if isinstance(text, bool):
        raise NumberFormatError(f"expected {EXPECTED_NUMBER}; got {text!r}")
    if isinstance(text, int | float):
        if isinstance(text, float) and not math.isfinite(text):
            raise NumberFormatError(f"expected a finite number; got {text!r}")
        if isinstance(text, int) and abs(text) >= 10**MAX_DIGITS:
            raise NumberFormatError(TOO_LONG)
        return ParsedNumber(float(text))
    raw = text.strip()
    if raw.lower() in NO_DATA_WORDS:
        return ParsedNumber(None)
    currency: str | None = None
    body = raw
    coded = _CODE.match(body)
    if coded:
        code = coded.group("code") or coded.group("code2")
        rest = coded.group("rest") or coded.group("rest2")
        if code and rest:
            currency, body = code, rest.strip()
    negative = False
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1].strip()
    match = _NUMBER.match(body)
    if not match:
        raise NumberFormatError(f"expected {EXPECTED_NUMBER}; got {raw!r}")
    digits = match.group("digits").replace(",", "")
    if len(digits.replace(".", "").lstrip("0")) > MAX_DIGITS:
        raise NumberFormatError(f"{TOO_LONG}; got {raw[:40]!r}{'…' if len(raw) > 40 else ''}")
    value = float(digits)
    suffix = (match.group("suffix") or "").lower()
    if suffix in _SUFFIXES:
        value *= _SUFFIXES[suffix]
    if match.group("sign") in ("-", "−"):
        negative = not negative
    symbol = match.group("symbol")
    if symbol:
        currency = currency or CURRENCY_SYMBOLS[symbol]
    if not math.isfinite(value):
        raise NumberFormatError(f"expected a number of reasonable size; got {raw!r}")
    return ParsedNumber(-value if negative else value, currency)


def parse_number(text: str | float | int | None) -> float | None:
    """Parse a cell into a float, or ``None`` for blank / "n/a" (no data)."""
    return parse_amount(text).value


def format_plain(value: float) -> str:
    """``1234567`` -> ``1,234,567``; ``94.95`` -> ``94.95``; ``12.34`` -> ``12.3``."""
    if float(value).is_integer():
        return f"{value:,.0f}"
    digits = 1 if abs(value) >= 10 else 2
    return f"{value:,.{digits}f}".rstrip("0").rstrip(".")


def format_compact(value: float) -> str:
    """``4116910`` -> ``4.12M``, ``250000`` -> ``250k``; below a thousand, plain."""
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= limit:
            return f"{value / limit:,.2f}".rstrip("0").rstrip(".") + suffix
    return format_plain(value)
