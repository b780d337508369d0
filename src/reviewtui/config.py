"""The user's config file (``config.toml`` in the config dir): who "me" is, email sender,
how numeric dates read.

Read with the standard library's tomllib so fast commands pay nothing for it::

    me = "Maria Gonzalez"
    email_from = "Review champion <champion@example.org>"
    date_order = "dmy"   # 31/12; "mdy" reads 12/31 (default: from the locale)
"""

from __future__ import annotations

import getpass
import os
import tomllib
from pathlib import Path
from typing import Any

from reviewtui.domain.dates import DateOrder, order_from_locale
from reviewtui.errors import ReviewError
from reviewtui.paths import config_dir

ME_ENV = "REVIEWTUI_ME"

KEYS: dict[str, tuple[str, str]] = {
    "me": ("your name, for `--me` and the history of changes", "$REVIEWTUI_ME, else none"),
    "email_from": (
        'the sender of emails, one address: "Review champion <champion@example.org>"',
        "reviewtui <login@host>",
    ),
    "smtp": ('the mail server as "host:port"', "localhost:25"),
    "date_order": ('how 31/12 reads: "dmy" (day first) or "mdy" (month first)', "the locale's"),
}
"""Every key ``config.toml`` may hold: what it is for, and its default."""


def config_file() -> Path:
    """``config.toml`` in the config dir."""
    return config_dir() / "config.toml"


def load_config() -> dict[str, Any]:
    """The config file's settings, or ``{}`` when there is none; a key that is not one of
    :data:`KEYS` (a typo) or not text is refused with what was expected."""
    path = config_file()
    try:
        with path.open("rb") as handle:
            settings = tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ReviewError(f"{path}: cannot read the config file: {error}") from None
    for key, value in settings.items():
        if key not in KEYS:
            import difflib

            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ReviewError(
                f"{path}: unknown key {key!r}{hint}; the keys are {', '.join(KEYS)} "
                "(see `reviewtui where`)"
            )
        if not isinstance(value, str):
            raise ReviewError(f'{path}: {key} must be text in quotes, as {key} = "..."')
    return settings


def my_name() -> str | None:
    """Who "me" is: ``$REVIEWTUI_ME``, else ``me`` in the config file."""
    return os.environ.get(ME_ENV) or load_config().get("me") or None


def acting_user() -> str:
    """The name recorded in an action's history for changes made from this shell."""
    try:
        return my_name() or getpass.getuser()
    except (KeyError, OSError, ReviewError):
        return "unknown"


def date_order() -> DateOrder:
    """How numeric dates (``31/12``) read: ``date_order`` in the config file, else the
    locale's (``LC_ALL``, ``LC_TIME``, ``LANG``)."""
    configured = load_config().get("date_order")
    if configured is None:
        for name in ("LC_ALL", "LC_TIME", "LANG"):
            if os.environ.get(name):
                return order_from_locale(os.environ[name])
        return "dmy"
    if configured == "dmy":
        return "dmy"
    if configured == "mdy":
        return "mdy"
    path = config_file()
    raise ReviewError(
        f'{path}: date_order is {configured!r}; expected "dmy" (31/12) or "mdy" (12/31)'
    )
