"""A progress bar on stderr while a large scorecard file is read, only on a terminal.

Piped or redirected output stays clean: no bar, no escape codes, nothing to parse around.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

LARGE_FILE = 512 * 1024
"""Files smaller than this are read before a bar would have drawn its first frame."""


@contextlib.contextmanager
def reading(path: Path, verb: str = "Reading") -> Iterator[Callable[[int, int], None] | None]:
    """A callback for (rows read, rows in all), drawing a bar; None when none is wanted."""
    if not _wanted(path):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn(f"{verb} {path.name}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("rows", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _wanted(path: Path) -> bool:
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        large = path.stat().st_size >= LARGE_FILE
    except OSError:
        return False
    return large and sys.stderr.isatty()
