"""Parsing the numbers people paste from spreadsheets: ``1,234.5``, ``95%``, ``$1.2M``, blanks.

The decimal separator is always ``.`` and ``,`` only groups thousands: a value such as
``1,5`` is refused rather than guessed, because a silent factor-of-a-thousand error in a
board meeting is worse than an error message.

Every value is a :class:`~decimal.Decimal`, suffixes included: ``$1.001M`` is exactly
1,001,000, never 1,000,999.9999999999 from binary floating point, so it meets a target of
``$1,001,000`` as the person who typed both expects.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation

NO_DATA_WORDS = frozenset({"", "-", "—", "–", "n/a", "na", "none", "null", "no data", "tbd"})
"""Cell contents that mean "no value for this period"."""

CURRENCIES = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CHF": "CHF"}
"""Currency codes and the symbol each is written with; the one table for reading and showing."""
CURRENCY_SYMBOLS = {symbol: code for code, symbol in CURRENCIES.items()}
_SUFFIXES = {"k": 3, "m": 6, "mn": 6, "b": 9, "bn": 9}
"""Each suffix as a power of ten: scaling shifts the decimal point, it never rounds."""
_WORDS = re.compile(r"^\D*[^\W\d_]{2}\D*$")
"""No digit anywhere, and at least two letters in a row."""
_PLAIN = re.compile(r"^-?\d{1,15}(?:\.\d{1,13})?$")
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
_EXACT = Context(prec=2 * MAX_DIGITS)
"""Room for every digit we accept, so scaling and tidying never round (the default is 28)."""


class NumberFormatError(ValueError):
    """The text is not a number we understand; the message says what was expected."""


@dataclass(frozen=True)
class ParsedNumber:
    """A parsed cell: the value and, when the text carried one, its currency code."""

    value: Decimal | None
    currency: str | None = None


def parse_amount(text: str | float | int | Decimal | None) -> ParsedNumber:
    """Parse a spreadsheet cell into a value (``None`` for blank) and an optional currency.

    ``95%`` gives 95.0 (the unit says it is a percentage), ``$1.2M`` gives 1,200,000 USD,
    ``EUR 250k`` gives 250,000 EUR, ``(120)`` gives -120 as accountants write it.
    """
    if text is None:
        return ParsedNumber(None)
    if isinstance(text, bool):
        raise NumberFormatError(f"expected {EXPECTED_NUMBER}; got {text!r}")
    if isinstance(text, int | float | Decimal):
        return ParsedNumber(exact(text))
    if _PLAIN.match(text):  # the common case, and what a stored scorecard holds
        value = Decimal(text)
        return ParsedNumber(value if value else Decimal(0))  # never -0
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
    value = Decimal(digits)
    suffix = (match.group("suffix") or "").lower()
    if suffix in _SUFFIXES:
        value = value.scaleb(_SUFFIXES[suffix], _EXACT)
    if match.group("sign") in ("-", "−"):
        negative = not negative
    symbol = match.group("symbol")
    if symbol:
        currency = currency or CURRENCY_SYMBOLS[symbol]
    return ParsedNumber(_tidy(-value if negative else value), currency)


def is_plain_number(text: str) -> bool:
    """Whether text is a plain decimal such as ``-1234.5`` (no grouping, unit or suffix)."""
    return _PLAIN.match(text) is not None


def is_words(text: object) -> bool:
    """Whether a cell is words, not a number or a typo in one: ``Maintain`` and ``Establish
    baseline`` are; ``1,5``, ``$`` and ``n/a`` are not (those are refused or mean no data)."""
    if not isinstance(text, str) or _WORDS.match(text) is None:
        return False
    return text.strip().casefold() not in NO_DATA_WORDS


def parse_number(text: str | float | int | Decimal | None) -> Decimal | None:
    """Parse a cell into a Decimal, or ``None`` for blank / "n/a" (no data)."""
    return parse_amount(text).value


def exact(value: int | float | Decimal) -> Decimal:
    """A number from a spreadsheet cell or a stored file as a Decimal.

    A float becomes the decimal it prints as (``0.1`` is 0.1, not 0.1000000000000000055...),
    which is the number the person typed into the cell.
    """
    if isinstance(value, bool):
        raise NumberFormatError(f"expected {EXPECTED_NUMBER}; got {value!r}")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise NumberFormatError(f"expected a finite number; got {value!r}")
        number = Decimal(repr(value))
        if number.as_tuple().exponent in range(-MAX_DIGITS, 1) and number:
            return number  # 0.1, 95.5, 1200.0: written as typed, nothing to tidy
    else:
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise NumberFormatError(f"expected {EXPECTED_NUMBER}; got {value!r}") from None
        if not number.is_finite():
            raise NumberFormatError(f"expected a finite number; got {value!r}")
    if number.adjusted() >= MAX_DIGITS:
        raise NumberFormatError(TOO_LONG)
    return _tidy(number)


def _tidy(value: Decimal) -> Decimal:
    """``1.2E+6`` -> ``1200000`` and ``-0`` -> ``0``: the number as a person writes it."""
    if value == value.to_integral_value(context=_EXACT):
        return _EXACT.plus(value.quantize(Decimal(1), context=_EXACT))
    return _EXACT.plus(value.normalize(_EXACT))


def format_plain(value: Decimal) -> str:
    """``1234567`` -> ``1,234,567``; ``94.95`` -> ``94.95``; ``12.34`` -> ``12.3``."""
    if value == int(value):
        return f"{value:,.0f}"
    digits = 1 if abs(value) >= 10 else 2
    return f"{value:,.{digits}f}".rstrip("0").rstrip(".")


def format_compact(value: Decimal) -> str:
    """``4116910`` -> ``4.12M``, ``250000`` -> ``250k``; below a thousand, plain."""
    for power, suffix in ((9, "B"), (6, "M"), (3, "k")):
        if abs(value) >= 10**power:
            return f"{value / 10**power:,.2f}".rstrip("0").rstrip(".") + suffix
    return format_plain(value)
