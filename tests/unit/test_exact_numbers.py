"""Numbers are exact (Decimal, suffixes included) and scores read as a person reads them,
around zero and below it, on both polarities."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewtui.domain.numbers import parse_number
from reviewtui.domain.presets import PRESET_SCHEMES
from reviewtui.domain.status import Basis, Polarity, evaluate, score

SUFFIX_POWERS = {"k": 3, "K": 3, "M": 6, "m": 6, "mn": 6, "bn": 9, "B": 9}


@given(
    whole=st.integers(min_value=0, max_value=999),
    fraction=st.text(alphabet="0123456789", min_size=1, max_size=3),
    suffix=st.sampled_from(sorted(SUFFIX_POWERS)),
    symbol=st.sampled_from(["", "$", "€", "£"]),
)
def test_a_suffixed_amount_is_exactly_the_written_out_number(
    whole: int, fraction: str, suffix: str, symbol: str
) -> None:
    typed = f"{symbol}{whole}.{fraction}{suffix}"
    written_out = Decimal(f"{whole}.{fraction}") * 10 ** SUFFIX_POWERS[suffix]
    assert parse_number(typed) == written_out
    assert parse_number(f"{written_out:,f}") == parse_number(typed)


def test_one_point_zero_zero_one_million_meets_a_target_of_1001000() -> None:
    actual, target = parse_number("$1.001M"), parse_number("$1,001,000")
    assert actual == target == Decimal(1_001_000)
    level = evaluate(
        PRESET_SCHEMES["three_level"],
        score(actual, target, Polarity.HIGHER_IS_BETTER, Basis.PERCENT_OF_TARGET),
    )
    assert level.key == "on_track"


def four_level(actual: str, target: str, polarity: Polarity) -> str:
    """The four_level status of an actual against a target."""
    value = score(Decimal(actual), Decimal(target), polarity, Basis.PERCENT_OF_TARGET)
    return evaluate(PRESET_SCHEMES["four_level"], value).key


LOWER = Polarity.LOWER_IS_BETTER
HIGHER = Polarity.HIGHER_IS_BETTER


@pytest.mark.parametrize(
    ("actual", "target", "polarity", "expected"),
    [
        # "Days late", target 2: a day early beats on time, which beats the target.
        ("-1", "2", LOWER, "exceeded"),
        ("0", "2", LOWER, "exceeded"),
        ("2", "2", LOWER, "met"),
        ("3", "2", LOWER, "not_met"),
        # Target 0 incidents: none is met, one is not.
        ("0", "0", LOWER, "met"),
        ("1", "0", LOWER, "not_met"),
        ("-1", "0", LOWER, "exceeded"),
        # Higher is better with a positive target: zero and below are the worst.
        ("0", "10", HIGHER, "not_met"),
        ("-5", "10", HIGHER, "not_met"),
        # Target 0 (break even): a profit exceeds it, a loss misses it.
        ("0", "0", HIGHER, "met"),
        ("5", "0", HIGHER, "exceeded"),
        ("-5", "0", HIGHER, "not_met"),
        # A loss limit of -100: losing 50 is better than the limit, losing 200 is not.
        ("-100", "-100", HIGHER, "met"),
        ("-50", "-100", HIGHER, "exceeded"),
        ("-200", "-100", HIGHER, "not_met"),
        ("-102", "-100", HIGHER, "slightly_below"),
        # A lower-is-better negative target (a variance of -10 or less).
        ("-10", "-10", LOWER, "met"),
        ("-20", "-10", LOWER, "exceeded"),  # twice the target's size beyond it
        ("-5", "-10", LOWER, "not_met"),
    ],
)
def test_zero_and_negative_values_score_as_a_person_reads_them(
    actual: str, target: str, polarity: Polarity, expected: str
) -> None:
    assert four_level(actual, target, polarity) == expected


numbers = st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False)


@given(target=numbers, first=numbers, second=numbers, polarity=st.sampled_from([HIGHER, LOWER]))
def test_a_better_actual_never_scores_lower(
    target: Decimal, first: Decimal, second: Decimal, polarity: Polarity
) -> None:
    better, worse = sorted((first, second), reverse=polarity is HIGHER)
    scored_better = score(better, target, polarity, Basis.PERCENT_OF_TARGET)
    scored_worse = score(worse, target, polarity, Basis.PERCENT_OF_TARGET)
    assert scored_better is not None and scored_worse is not None
    assert scored_better >= scored_worse


@given(target=numbers, beyond=numbers, polarity=st.sampled_from([HIGHER, LOWER]))
def test_at_or_beyond_the_target_is_always_at_least_met(
    target: Decimal, beyond: Decimal, polarity: Polarity
) -> None:
    actual = target + abs(beyond) if polarity is HIGHER else target - abs(beyond)
    value = score(actual, target, polarity, Basis.PERCENT_OF_TARGET)
    assert value is not None and value >= 100
    assert four_level(str(actual), str(target), polarity) in ("met", "exceeded")
