"""Text that comes from people: names, one-line titles and email addresses, checked once.

Scorecards come from spreadsheets many people edit; titles come from a busy room; mail
goes to real people. Every such value passes through here on its way in, wherever it
comes from (CSV, XLSX, YAML, JSON, the command line, the config file).
"""

from __future__ import annotations

from email.errors import HeaderParseError
from email.headerregistry import Address
from typing import Annotated

from pydantic import AfterValidator

from reviewtui.domain.printable import has_control_characters, printable

MAX_NAME = 120
MAX_TITLE = 500


def one_line(text: str) -> str:
    """All whitespace (line breaks and tabs included) collapsed to single spaces."""
    return " ".join(text.split())


def clean_name(text: str) -> str:
    """A person's (or a measure's) name: one line, not blank, no control characters."""
    name = one_line(text)
    if not name:
        raise ValueError("a name cannot be blank")
    if has_control_characters(name):
        raise ValueError(f"a name cannot hold control characters; got {name!r}")
    if len(name) > MAX_NAME:
        raise ValueError(f"a name is at most {MAX_NAME} characters; got {len(name)}")
    return name


def clean_title(text: str) -> str:
    """A title or a captured item's text: one line, not blank, no control characters."""
    title = one_line(text)
    if not title:
        raise ValueError("cannot be blank")
    if has_control_characters(title):
        raise ValueError(f"cannot hold control characters; got {title!r}")
    if len(title) > MAX_TITLE:
        raise ValueError(f"is at most {MAX_TITLE} characters; got {len(title)}")
    return title


def parse_email(text: str) -> str:
    """Exactly one plain address such as ``name@example.org``; ValueError otherwise.

    Parsed with the standard library's RFC 5322 parser, so ``x,evil@attacker.example``
    (two addresses), ``Maria <m@x.org>``, line breaks and quoted local parts are refused
    rather than passed on to a mail server.
    """
    cleaned = text.strip()
    expected = f"expected one email address like name@example.org; got {cleaned!r}"
    if not cleaned or has_control_characters(cleaned) or '"' in cleaned:
        raise ValueError(expected)
    try:
        address = Address(addr_spec=cleaned)
    except (ValueError, HeaderParseError, IndexError):
        raise ValueError(expected) from None
    if not address.username or "." not in address.domain or address.addr_spec != cleaned:
        raise ValueError(expected)
    return address.addr_spec


def tidy_title(text: str) -> str:
    """A title as stored: one line, control characters shown as \ufffd (never an error, so
    older data with a line break in a title still opens)."""
    tidied = printable(one_line(text))
    if not tidied:
        raise ValueError("cannot be blank")
    return tidied


def tidy_owner(text: str | None) -> str | None:
    """An owner's name as stored on an item: one line; blank means nobody."""
    if text is None or not one_line(text):
        return None
    return tidy_title(text)


Name = Annotated[str, AfterValidator(clean_name)]
"""A name as stored: one line, not blank, no control characters."""
Title = Annotated[str, AfterValidator(tidy_title)]
"""A title or item text as stored: one line, not blank, control characters neutralised."""
Owner = Annotated[str | None, AfterValidator(tidy_owner)]
"""An owner's name on an item: one line, or None for nobody."""
