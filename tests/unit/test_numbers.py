"""Spreadsheet number parsing, including a fuzz test: any text is a number or a clear error."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewtui.domain.numbers import NumberFormatError, parse_amount, parse_number


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("1,234.5", 1234.5, None),
        ("95%", 95.0, None),
        ("$1.2M", 1_200_000.0, "USD"),
        ("EUR 250k", 250_000.0, "EUR"),
        ("250k GBP", 250_000.0, "GBP"),
        ("€3.4bn", 3_400_000_000.0, "EUR"),
        ("(120)", -120.0, None),
        ("-3", -3.0, None),
        ("−0.5", -0.5, None),
        (" 42 ", 42.0, None),
        (".5", 0.5, None),
        (7, 7.0, None),
    ],
)
def test_numbers_people_paste(text: str | int, value: float, currency: str | None) -> None:
    parsed = parse_amount(text)
    assert parsed.value == pytest.approx(value)
    assert parsed.currency == currency


@pytest.mark.parametrize("text", ["", "  ", "n/a", "N/A", "-", "—", None, "TBD"])
def test_blanks_mean_no_data(text: str | None) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text", ["1,5", "abc", "12..5", "1.2.3", "$", "5 apples", "1,23,456", "nan", "inf"]
)
def test_unreadable_numbers_say_what_was_expected(text: str) -> None:
    with pytest.raises(NumberFormatError, match="expected"):
        parse_number(text)


@given(st.text(max_size=40))
def test_any_text_is_a_number_or_a_clear_error(text: str) -> None:
    try:
        parse_amount(text)
    except NumberFormatError as error:
        assert "expected" in str(error)
