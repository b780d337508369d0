"""Another process holding a data dir's lock, as a command does while it writes."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator

from reviewtui.store.repository import Store

HOLDER = """
import sys
from filelock import FileLock
lock = FileLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
sys.stdin.read()  # until the test lets go
"""


@contextlib.contextmanager
def lock_held(store: Store) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the data dir's lock, as a command mid-write does."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store.data.lock_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        yield holder
    finally:
        let_go(holder)


def let_go(holder: subprocess.Popen[str]) -> None:
    """The other process finishes its write and exits."""
    if holder.poll() is None:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=10)
