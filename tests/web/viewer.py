"""A browser page on a served meeting, read as text: what its websocket was sent, with
the terminal's escape codes taken out (xterm.js draws on a canvas, so the traffic is the
readable record). Every request that would leave 127.0.0.1 is blocked and counted.
Shared by the browser tests and ``benchmarks/serve_follow.py``."""

from __future__ import annotations

import re
import shutil
import time
from urllib.parse import urlsplit

from playwright.sync_api import ConsoleMessage, Page, Route, WebSocket

CHROMIUM = shutil.which("chromium")
ESCAPES = re.compile(r"\x1b(\[[0-9;?<>=$]*[A-Za-z~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Z])")


class Viewer:
    """One browser page on the served meeting; what its screen was sent, as text."""

    def __init__(self, page: Page, outside: list[str]) -> None:
        self.page = page
        self.frames: list[str] = []
        self.sockets: list[str] = []
        self.refused: list[str] = []
        """What the page's content policy blocked (it must block nothing we serve)."""
        page.on("websocket", self._socket)
        page.on("console", self._console)
        page.route("**/*", lambda route: self._route(route, outside))

    def _console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            self.refused.append(message.text)

    def _socket(self, socket: WebSocket) -> None:
        self.sockets.append(socket.url)
        socket.on("framereceived", self._frame)

    def _frame(self, payload: bytes | str) -> None:
        if isinstance(payload, bytes):
            self.frames.append(ESCAPES.sub("", payload.decode("utf-8", "replace")))

    @staticmethod
    def _route(route: Route, outside: list[str]) -> None:
        url = route.request.url
        if urlsplit(url).hostname != "127.0.0.1":
            outside.append(url)
            route.abort()
        else:
            route.continue_()

    def mark(self) -> int:
        return len(self.frames)

    def wait_for(self, text: str, since: int = 0, timeout: float = 20) -> float:
        """Seconds until ``text`` was on the screen (in frames after ``since``)."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if text in "".join(self.frames[since:]):
                return time.monotonic() - start
            self.page.wait_for_timeout(25)
        raise AssertionError(f"{text!r} never reached the browser")
