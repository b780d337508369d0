"""Kill a piece of work at its Nth write point, as SIGKILL would, without paying for a process.

The work runs in a forked child. Every call that changes the disk (``os.write``,
``os.replace``, ``os.rename``, ``os.fsync``, ``os.ftruncate``, ``os.unlink``) counts as a
write point; at the chosen one the child ``_exit``\\s at once: no ``finally`` block, no
cleanup, no flush, exactly like a kill. In ``torn`` mode a write first puts half of its
bytes on disk, like a kill in the middle of a large ``write``.

Our store writes only through these ``os`` functions (never ``open().write``), which the
strace test in ``test_kill_points.py`` checks against the real syscalls.
"""

from __future__ import annotations

import os
from collections.abc import Callable

WRITE_POINTS = ("write", "replace", "rename", "fsync", "ftruncate", "unlink")
KILLED = 137
FINISHED = 0
FAILED = 1


def run_killed_at(point: int, work: Callable[[], object], torn: bool = False) -> int:
    """Run ``work`` in a child killed at write point ``point`` (1-based); its exit code.

    ``KILLED`` if the point was reached, ``FINISHED`` if the work completed first,
    ``FAILED`` if it raised.
    """
    pid = os.fork()
    if pid == 0:  # the child
        _arm(point, torn)
        try:
            work()
        except BaseException:
            os._exit(FAILED)
        os._exit(FINISHED)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def _arm(point: int, torn: bool) -> None:
    seen = 0
    real = {name: getattr(os, name) for name in WRITE_POINTS}

    def counting(name: str) -> Callable[..., object]:
        original = real[name]

        def call(*args: object, **kwargs: object) -> object:
            nonlocal seen
            seen += 1
            if seen == point:
                if torn and name == "write" and len(args) == 2:
                    fd, data = args
                    half = bytes(data)[: max(1, len(bytes(data)) // 2)]  # type: ignore[call-overload]
                    real["write"](fd, half)
                os._exit(KILLED)
            return original(*args, **kwargs)

        return call

    for name in WRITE_POINTS:
        setattr(os, name, counting(name))
