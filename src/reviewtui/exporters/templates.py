"""Jinja2 templates for minutes and emails; a user's own in ``<config dir>/templates``."""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    select_autoescape,
)

from reviewtui.domain.display import long_date
from reviewtui.errors import ReviewError
from reviewtui.paths import config_dir

SHIPPED = Path(__file__).parent / "templates"


def template_dirs() -> list[Path]:
    """The user's templates first (a file there replaces the shipped one of that name)."""
    return [config_dir() / "templates", SHIPPED]


MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]()|~!#])")


def markdown_cell(value: object) -> str:
    """Text shown literally in a Markdown table cell or list item, by every renderer.

    One line; ``<``, ``>`` and ``&`` become entities, so ``<script>`` or ``<img onerror>``
    typed in a meeting never becomes HTML; Markdown's own syntax (``[x](javascript:...)``,
    ``*``, ``|``...) is backslash-escaped, so no link, emphasis or table cell is made.
    """
    text = html.escape(" ".join(str(value).split()), quote=False)
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def environment() -> Environment:
    """The template environment: HTML templates escape everything typed in a meeting."""
    return _environment(tuple(template_dirs()))


@functools.lru_cache(maxsize=4)
def _environment(dirs: tuple[Path, ...]) -> Environment:
    """One environment per set of folders, so each template is compiled once a process
    (Jinja still reloads a template whose file changed)."""
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(d)) for d in dirs]),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_cell
    env.filters["long_date"] = long_date
    return env


def render(name: str, **context: Any) -> str:
    """Render a template; a broken user template is a clear error naming file and line."""
    try:
        return environment().get_template(name).render(**context)
    except TemplateSyntaxError as error:
        where = f"{error.filename or name}, line {error.lineno}"
        raise ReviewError(f"template {where}: {error.message}; fix it or remove it") from None
    except TemplateError as error:
        raise ReviewError(f"template {name}: {error}; fix it or remove it") from None
