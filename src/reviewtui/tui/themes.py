"""The app's themes: the theme files, read once and kept until one changes; the theme
chosen last time.

Reading and checking the YAML files (:mod:`reviewtui.tui.theme_files`) needs pyyaml and
pydantic, about 50 ms of every start before the first frame. What they gave is kept in
the state dir with each file's size and time; while no file is added, removed or
changed, the app builds its themes from that and imports neither.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from textual.theme import Theme

from reviewtui import __version__
from reviewtui.paths import bundled_dir, config_dir
from reviewtui.services.ui_state import recall, remember

DEFAULT_THEME = "reviewtui-dark"
KEPT = "themes"
"""The state file's key for what the theme files gave last time."""


def theme_dirs() -> list[Path]:
    """Shipped themes first, then the user's (which may replace a shipped one by name)."""
    return [bundled_dir("themes"), config_dir() / "themes"]


def app_themes(dirs: list[Path] | None = None) -> tuple[list[Theme], list[str]]:
    """Every usable theme, and one message per theme file that could not be used: as kept
    from last time while the files are unchanged, else read again (and kept)."""
    folders = dirs if dirs is not None else theme_dirs()
    files = _stamps(folders)
    kept = recall(KEPT)
    if isinstance(kept, dict) and kept.get("files") == files:
        try:
            return [_theme(fields) for fields in kept["themes"]], list(kept["problems"])
        except (KeyError, TypeError, ValueError):
            pass  # kept by another version, or edited: read the files again
    from reviewtui.tui.theme_files import load_theme_files

    found, problems = load_theme_files(folders)
    fields = [
        {"name": t.name, "dark": t.dark, "variables": t.variables, "colors": dict(t.colors)}
        for t in found
    ]
    remember(KEPT, {"files": files, "themes": fields, "problems": problems})
    return [_theme(each) for each in fields], problems


def _stamps(folders: list[Path]) -> list[Any]:
    """Each theme file with its size and modification time, and this version of reviewtui
    (which may read the same files differently)."""
    stamps: list[Any] = [__version__]
    for folder in folders:
        for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
            try:
                info = os.stat(path)
            except OSError:
                continue
            stamps.append([str(path), info.st_size, info.st_mtime_ns])
    return stamps


def _theme(fields: dict[str, Any]) -> Theme:
    colors = fields["colors"]
    if not isinstance(colors, dict):
        raise TypeError("colors")
    return Theme(name=fields["name"], dark=fields["dark"], variables=fields["variables"], **colors)


def remembered_theme() -> str | None:
    """The theme chosen last time, if any."""
    value = recall("theme")
    return value if isinstance(value, str) else None


def remember_theme(name: str) -> None:
    """Keep the chosen theme for next time (best effort: a read-only state dir is fine)."""
    remember("theme", name)
