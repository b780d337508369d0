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
from typing import Any

from reviewtui.domain.dates import DateOrder, order_from_locale
from reviewtui.errors import ReviewError
from reviewtui.paths import config_dir

ME_ENV = "REVIEWTUI_ME"


def load_config() -> dict[str, Any]:
    """The config file's settings, or ``{}`` when there is none."""
    path = config_dir() / "config.toml"
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ReviewError(f"{path}: cannot read the config file: {error}") from None


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
    path = config_dir() / "config.toml"
    raise ReviewError(
        f'{path}: date_order is {configured!r}; expected "dmy" (31/12) or "mdy" (12/31)'
    )
