"""How long an app's event loop froze: a 10 ms timer that records how late it fires."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from textual.app import App

TICK = 0.01


async def worst_stall(app: App[None], work: Callable[[], Awaitable[object]]) -> float:
    """The longest the app's event loop was late by (seconds) while ``work`` ran."""
    worst, last = 0.0, time.perf_counter()

    def beat() -> None:
        nonlocal worst, last
        now = time.perf_counter()
        worst = max(worst, now - last - TICK)
        last = now

    timer = app.set_interval(TICK, beat)
    await work()
    await asyncio.sleep(0.1)  # a stall that ends after the work is counted too
    timer.stop()
    return worst
