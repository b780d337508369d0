"""Quick entry: ``Fix churn report @maria fri`` -> text, owner, due date; never a traceback."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewtui.domain.dates import DateFormatError, order_from_locale, parse_due
from reviewtui.domain.people import KnownPerson
from reviewtui.domain.quick_entry import parse_quick_entry

MONDAY = dt.date(2026, 11, 23)
PEOPLE = [
    KnownPerson("Maria Gonzalez", aliases=("mg",)),
    KnownPerson("Priya Raman"),
    KnownPerson("Tom Becker"),
]


@pytest.mark.parametrize(
    ("line", "text", "owner", "due"),
    [
        ("Fix churn report @maria fri", "Fix churn report", "Maria Gonzalez", "2026-11-27"),
        ("@mg Call the bank tomorrow", "Call the bank", "Maria Gonzalez", "2026-11-24"),
        ("Call @Maria Gonzalez by end of month", "Call", "Maria Gonzalez", "2026-11-30"),
        ('Agree terms @"Priya Raman" +2w', "Agree terms", "Priya Raman", "2026-12-07"),
        ("Hire two pickers @tom_becker 2026-12-15", "Hire two pickers", "Tom Becker", "2026-12-15"),
        (
            "Draft plan due:eom @priya for the board",
            "Draft plan for the board",
            "Priya Raman",
            "2026-11-30",
        ),
        ("Brief the agency @sandra next mon", "Brief the agency", "sandra", "2026-11-30"),
        ("Review pricing", "Review pricing", None, None),
        ("Ring the Friday courier", "Ring the Friday courier", None, None),
    ],
)
def test_examples(line: str, text: str, owner: str | None, due: str | None) -> None:
    entry = parse_quick_entry(line, MONDAY, PEOPLE)
    assert (entry.text, entry.owner, entry.due) == (
        text,
        owner,
        dt.date.fromisoformat(due) if due else None,
    )
    assert entry.problems == []


def test_problems_are_reported_not_raised() -> None:
    entry = parse_quick_entry("Fix it @maria @tom due:someday", MONDAY, PEOPLE)
    assert any("two owners" in p for p in entry.problems)
    assert any("cannot read the date 'someday'" in p for p in entry.problems)


@given(st.text(max_size=120))
def test_any_line_parses_without_a_traceback(line: str) -> None:
    entry = parse_quick_entry(line, MONDAY, PEOPLE)
    assert isinstance(entry.text, str)
    assert entry.due is None or isinstance(entry.due, dt.date)


WORDS = st.sampled_from(
    [
        "fix",
        "@maria",
        "@tom",
        "fri",
        "next",
        "mon",
        "+3d",
        "+2w",
        "end",
        "of",
        "month",
        "due:fri",
        "due:x",
        '"',
        "@",
        "2026-12-01",
        "1",
        "dec",
        "today",
        "by",
        "Ω",
        "",
    ]
)


@given(st.lists(WORDS, max_size=12))
def test_lines_made_of_tricky_words_parse(words: list[str]) -> None:
    entry = parse_quick_entry(" ".join(words), MONDAY, PEOPLE)
    assert all(isinstance(p, str) and p for p in entry.problems)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("today", "2026-11-23"),
        ("tomorrow", "2026-11-24"),
        ("wednesday", "2026-11-25"),
        ("mon", "2026-11-30"),
        ("+3d", "2026-11-26"),
        ("+2w", "2026-12-07"),
        ("end of month", "2026-11-30"),
        ("2026-12-01", "2026-12-01"),
    ],
)
def test_the_due_date_forms_the_capture_form_accepts(typed: str, expected: str) -> None:
    assert parse_due(typed, MONDAY) == dt.date.fromisoformat(expected)


@given(st.text(max_size=40))
def test_any_typed_date_gives_a_date_or_a_clear_message(typed: str) -> None:
    try:
        assert isinstance(parse_due(typed, MONDAY), dt.date)
    except DateFormatError as error:
        assert "use today, tomorrow" in str(error)


@pytest.mark.parametrize(
    ("typed", "today", "expected"),
    [
        ("15 jan", "2026-12-20", "2027-01-15"),  # in December, January is next year's
        ("jan 15", "2026-12-20", "2027-01-15"),
        ("20 dec", "2026-12-20", "2026-12-20"),  # today is still this year
        ("19 dec", "2026-12-20", "2027-12-19"),  # yesterday means next year's
        ("29 feb", "2027-03-01", "2028-02-29"),  # the next 29 February there is
        ("29 feb", "2026-03-01", "2028-02-29"),
    ],
)
def test_a_day_and_month_roll_over_to_the_next_year(typed: str, today: str, expected: str) -> None:
    assert parse_due(typed, dt.date.fromisoformat(today)) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(
    ("typed", "order", "expected"),
    [
        ("31/12", "dmy", "2026-12-31"),
        ("31/12", "mdy", "2026-12-31"),  # only one reading is a date: that one
        ("12/31", "dmy", "2026-12-31"),
        ("3/4", "dmy", "2027-04-03"),  # both are: the order decides
        ("3/4", "mdy", "2027-03-04"),
        ("1/12", "dmy", "2026-12-01"),
        ("31.12.2026", "dmy", "2026-12-31"),
        ("31-12-26", "dmy", "2026-12-31"),
        ("1/11", "dmy", "2027-11-01"),  # 1 Nov has passed: next year's
    ],
)
def test_numeric_dates_follow_the_date_order(typed: str, order: str, expected: str) -> None:
    assert parse_due(typed, MONDAY, order) == dt.date.fromisoformat(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize("typed", ["13/13", "3-4", "0/0", "32/1/2026", "31/2/2026"])
def test_numbers_that_are_not_dates_are_refused(typed: str) -> None:
    with pytest.raises(DateFormatError, match="31/12"):
        parse_due(typed, MONDAY)


@pytest.mark.parametrize(
    ("locale", "order"),
    [("en_US.UTF-8", "mdy"), ("en_GB.UTF-8", "dmy"), ("de_DE", "dmy"), ("C.UTF-8", "dmy"),
     ("POSIX", "dmy"), ("", "dmy"), ("fil_PH.UTF-8@latin", "mdy")],
)  # fmt: skip
def test_the_date_order_comes_from_the_locale(locale: str, order: str) -> None:
    assert order_from_locale(locale) == order


def test_an_unknown_full_name_is_taken_whole_and_said() -> None:
    entry = parse_quick_entry("Book the venue @Eve Stone 31/12", MONDAY, PEOPLE)
    assert (entry.text, entry.owner, entry.due) == (
        "Book the venue",
        "Eve Stone",
        dt.date(2026, 12, 31),
    )
    assert entry.notes == ["'Eve Stone' read as one new name; @\"Eve\" names just Eve"]


@pytest.mark.parametrize(
    ("line", "owner", "text"),
    [
        ('Book the venue @"Eve" Stone fri', "Eve", "Book the venue Stone"),  # quoted: exact
        ("Call @Eve Fri", "Eve", "Call"),  # Fri is the date, not a surname
        ("Ask @eve Stone fri", "eve", "Ask Stone"),  # typed lower case: not a full name
        ("Send @Eve SLA report fri", "Eve", "Send SLA report"),  # capitals: an acronym
        ("Call @Maria Gonzalez fri", "Maria Gonzalez", "Call"),  # known: as before
    ],
)
def test_a_second_word_is_a_surname_only_when_it_looks_like_one(
    line: str, owner: str, text: str
) -> None:
    entry = parse_quick_entry(line, MONDAY, PEOPLE)
    assert (entry.owner, entry.text, entry.notes) == (owner, text, [])
