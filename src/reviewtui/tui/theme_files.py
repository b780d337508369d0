"""Theme files (YAML) shipped in ``themes/`` and the user's own, read and checked.

A theme file names its colours; a broken file is reported, never fatal. Contrast is
computed the WCAG way, so a test can hold every shipped theme to 4.5:1 (AA), and the
projector theme to 7:1 (AAA). The app reads these through :mod:`reviewtui.tui.themes`,
which keeps what was read until a file changes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ConfigDict, Field, ValidationError, field_validator
from textual.theme import Theme

from reviewtui.domain.model import Model

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when pyyaml has it (five times faster at start), else Python's."""
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
TEXT_ROLES = ("foreground", "success", "warning", "error", "accent")
"""Colours used for text; each must be readable on every background role."""
BACKGROUND_ROLES = ("background", "surface", "panel")
TEXT_VARIABLES = ("text-muted",)


class ThemeColors(Model):
    """The colours a theme file must give, as ``#rrggbb``."""

    model_config = ConfigDict(extra="forbid")

    primary: str
    secondary: str
    accent: str
    foreground: str
    background: str
    surface: str
    panel: str
    success: str
    warning: str
    error: str

    @field_validator("*")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not HEX.match(value):
            raise ValueError(f"expected a colour like #1a2b3c; got {value!r}")
        return value


class ThemeFile(Model):
    """One theme file."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    description: str = ""
    dark: bool = True
    colors: ThemeColors
    variables: dict[str, str] = Field(default_factory=dict)

    def to_theme(self) -> Theme:
        """The Textual theme."""
        return Theme(name=self.name, dark=self.dark, variables=self.variables, **dict(self.colors))


def load_theme_files(dirs: list[Path]) -> tuple[list[ThemeFile], list[str]]:
    """Every readable theme file in ``dirs`` (a later one replaces an earlier one of the
    same name), and one message per file that could not be used."""
    found: dict[str, ThemeFile] = {}
    problems: list[str] = []
    for folder in dirs:
        for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
            try:
                raw: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
                theme = ThemeFile.model_validate(raw)
            except (OSError, yaml.YAMLError, ValidationError) as error:
                problems.append(f"theme {path}: {_first_line(error)}")
                continue
            found[theme.name] = theme
    return list(found.values()), problems


def _first_line(error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"{where}: {first['msg']}" if where else first["msg"]
    return str(error).splitlines()[0]


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours, 1 to 21."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def contrast_pairs(theme: ThemeFile) -> list[tuple[str, str, float]]:
    """Every text colour against every background it is drawn on, with its ratio."""
    colours = dict(theme.colors)
    texts = {role: colours[role] for role in TEXT_ROLES}
    texts |= {name: theme.variables[name] for name in TEXT_VARIABLES if name in theme.variables}
    pairs = [
        (text, ground, contrast_ratio(texts[text], colours[ground]))
        for text in texts
        for ground in BACKGROUND_ROLES
    ]
    for text, ground in (
        ("footer-key-foreground", "footer-background"),
        ("footer-description-foreground", "footer-background"),
        ("block-cursor-foreground", "block-cursor-background"),
    ):
        if text in theme.variables and ground in theme.variables:
            ratio = contrast_ratio(theme.variables[text], theme.variables[ground])
            pairs.append((text, ground, ratio))
    return pairs
