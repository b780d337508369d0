"""Where reviewtui keeps data, config and user themes; ``REVIEWTUI_DATA_DIR`` overrides."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "reviewtui"
DATA_DIR_ENV = "REVIEWTUI_DATA_DIR"
CONFIG_DIR_ENV = "REVIEWTUI_CONFIG_DIR"
STATE_DIR_ENV = "REVIEWTUI_STATE_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: the override, else ``$REVIEWTUI_DATA_DIR``, else the platform's."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    return Path(chosen).expanduser() if chosen else _platform_dir("user_data_dir")


def config_dir() -> Path:
    """The config directory (config file, user themes, template overrides)."""
    chosen = os.environ.get(CONFIG_DIR_ENV)
    return Path(chosen).expanduser() if chosen else _platform_dir("user_config_dir")


def state_dir() -> Path:
    """The state directory (what the app remembers between runs: the theme, drafts)."""
    chosen = os.environ.get(STATE_DIR_ENV)
    return Path(chosen).expanduser() if chosen else _platform_dir("user_state_dir")


def _platform_dir(kind: str) -> Path:
    # Imported only when no folder was given: `status` with a data dir never pays for it.
    import platformdirs

    folder: str = getattr(platformdirs, kind)(APP_NAME)
    return Path(folder)


def bundled_dir(name: str) -> Path:
    """A folder shipped with the app (``sample_scorecards``, ``themes``).

    In a wheel they live inside the package; in a source checkout, at the repository root.
    """
    packaged = Path(__file__).parent / "_bundled" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name
