"""Status evaluation: boundaries, polarities, no data, 3 and 4 levels, custom bands."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from reviewtui.domain.presets import PRESET_SCHEMES
from reviewtui.domain.status import (
    Basis,
    Polarity,
    StatusLevel,
    StatusScheme,
    check_coverage,
    evaluate,
    parse_interval,
    score,
)

HIGHER, LOWER = Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER
FOUR = PRESET_SCHEMES["four_level"]
THREE = PRESET_SCHEMES["three_level"]


def status(
    scheme: StatusScheme, actual: float | None, target: float | None, polarity: Polarity = HIGHER
) -> str:
    return evaluate(scheme, score(actual, target, polarity, scheme.basis)).key


@pytest.mark.parametrize(
    ("actual", "expected"),
    [
        (125.01, "exceeded"),  # "above 125%": strictly above
        (125, "met"),  # exactly 125% is still met
        (100, "met"),  # met starts at exactly 100%
        (99.99, "slightly_below"),  # the published 95-99% band reaches up to 100% exclusive
        (95, "slightly_below"),  # 95% exactly is slightly below, not "not met"
        (94.99, "not_met"),
        (0, "not_met"),
    ],
)
def test_published_four_level_scheme_boundaries(actual: float, expected: str) -> None:
    assert status(FOUR, actual, 100) == expected


@pytest.mark.parametrize(
    ("actual", "expected"),
    [
        (100, "on_track"),
        (99.999, "at_risk"),
        (90, "at_risk"),
        (89.999, "off_track"),
        (150, "on_track"),
    ],
)
def test_three_level_boundaries_higher_is_better(actual: float, expected: str) -> None:
    assert status(THREE, actual, 100) == expected


@pytest.mark.parametrize(
    # Lower is better: the score is target / actual, so beating the target is a lower actual.
    ("actual", "expected"),
    [
        (7.9, "exceeded"),  # 10 / 7.9 = 126.6%: above 125
        (8, "met"),  # 10 / 8 = exactly 125%: "above 125" is strict, so still met
        (9, "met"),
        (10, "met"),  # exactly on target
        (10.2, "slightly_below"),  # 98.0%
        (10.6, "not_met"),  # 94.3%
    ],
)
def test_four_level_lower_is_better(actual: float, expected: str) -> None:
    assert status(FOUR, actual, 10, LOWER) == expected


def test_decimal_arithmetic_makes_boundaries_exact() -> None:
    # In binary floating point 0.7 / 0.56 * 100 is 124.99999999999999; people expect 125.
    assert score(0.7, 0.56, HIGHER, Basis.PERCENT_OF_TARGET) == Decimal(125)
    assert status(FOUR, 0.7, 0.56) == "met"


def test_no_data_when_actual_or_target_missing() -> None:
    assert status(THREE, None, 100) == "no_data"
    assert status(THREE, 50, None) == "no_data"
    assert THREE.no_data.symbol and THREE.no_data.name == "No data"


def test_zero_target_does_not_divide_by_zero() -> None:
    assert status(THREE, 0, 0, LOWER) == "on_track"  # zero incidents against a target of zero
    assert status(THREE, 0, 1, LOWER) == "on_track"  # better than target: infinite score
    assert status(THREE, 2, 0, LOWER) == "off_track"
    assert status(THREE, 3, 0, HIGHER) == "on_track"


def test_absolute_bands_and_range_basis() -> None:
    bands = {
        "on_track": parse_interval(">=40"),
        "at_risk": parse_interval("30..<40"),
        "off_track": parse_interval("<30"),
    }
    nps = THREE.with_bands(bands, Basis.ABSOLUTE)
    assert [status(nps, v, None) for v in (40, 39.9, 30, 29.9)] == [
        "on_track",
        "at_risk",
        "at_risk",
        "off_track",
    ]
    ranged = PRESET_SCHEMES["range"]

    def in_range(actual: float) -> str:
        return evaluate(ranged, score(actual, None, Polarity.WITHIN_RANGE, Basis.RANGE, 30, 45)).key

    # outside the range, the distance counts as a percent of the nearer bound: 4.5/45 = 10%
    assert [in_range(v) for v in (30, 45, 37, 47, 49.5, 50, 28)] == [
        "on_track",
        "on_track",
        "on_track",
        "at_risk",
        "at_risk",
        "off_track",
        "at_risk",
    ]
    assert in_range(26) == "off_track"  # 4 / 30 = 13%


def test_every_level_has_colour_symbol_and_word() -> None:
    for scheme in PRESET_SCHEMES.values():
        for level in [*scheme.levels, scheme.no_data]:
            assert level.symbol.strip() and level.name.strip() and level.color


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        (">125", [125.5], [125]),
        (">=100", [100], [99.99]),
        ("<95", [94.9], [95]),
        ("100..125", [100, 125], [99.9, 125.1]),
        ("95..<100", [95, 99.9], [100, 94.9]),
        (">=95 and <100", [95], [100]),
        ("≥ 3, ≤ 5", [3, 5], [5.1]),
    ],
)
def test_parse_interval(text: str, inside: list[float], outside: list[float]) -> None:
    interval = parse_interval(text)
    assert all(interval.contains(Decimal(repr(v))) for v in inside)
    assert not any(interval.contains(Decimal(repr(v))) for v in outside)


@pytest.mark.parametrize("text", ["", "around 100", "125..100", ">5 and >6", ">=10 and <5", "=>3"])
def test_parse_interval_rejects_nonsense_with_a_message(text: str) -> None:
    with pytest.raises(ValueError, match="band"):
        parse_interval(text)


def test_scheme_with_gap_or_overlap_is_refused() -> None:
    def level(key: str, when: str) -> StatusLevel:
        return StatusLevel(key=key, name=key, symbol="x", when=parse_interval(when))

    with pytest.raises(ValidationError, match="no band covers a score of 99"):
        StatusScheme(levels=[level("good", ">=100"), level("bad", "<99")])
    with pytest.raises(ValidationError, match="bands overlap at 100"):
        StatusScheme(levels=[level("good", ">=100"), level("bad", "<=100")])
    with pytest.raises(ValueError, match="no band given for level"):
        THREE.with_bands({"on_track": parse_interval(">=1")})


@pytest.mark.parametrize(
    ("bands", "gap"),
    [
        ({"met": ">=100", "not_met": "<=99"}, "99.5"),  # a gap between two integers
        ({"met": ">100", "not_met": "<100"}, "100"),  # exactly 100 belongs to nobody
        ({"met": ">=100", "slightly": "90..95", "not_met": "<90"}, "97.5"),
    ],
)
def test_a_scheme_with_a_gap_is_refused_with_the_score_nobody_gets(
    bands: dict[str, str], gap: str
) -> None:
    with pytest.raises(ValueError, match=f"no band covers a score of {gap}"):
        check_coverage({key: parse_interval(text) for key, text in bands.items()})


def test_overlapping_bands_are_refused_with_the_score_two_get() -> None:
    with pytest.raises(ValueError, match="bands overlap at 100"):
        check_coverage({"met": parse_interval(">=100"), "not_met": parse_interval("<=100")})
