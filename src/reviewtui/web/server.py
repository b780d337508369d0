"""``reviewtui serve``: the meeting's read-only screen in browsers, through textual-serve.

textual-serve starts one ``reviewtui watch`` process per browser and streams its screen
over a websocket. Around it, this server adds what a meeting on a network needs: a
random token in every link, websockets only from this server's own page, no folder
listings, a cap on viewers, a page that loads nothing from anywhere else (and a content
policy that forbids it), and no request log (the token is in the paths).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from reviewtui.web.access import allowed_origins, origin_of, same_token

TEMPLATES = Path(__file__).with_name("templates")
SHUTDOWN_SECONDS = 3.0
"""How long stopping waits for the viewers' screens to close."""
FONT_SIZES = range(8, 41)


@dataclass(frozen=True)
class ServeOptions:
    """What ``reviewtui serve`` was asked for."""

    command: str
    """The shell command one viewer's screen runs (its arguments already quoted)."""
    title: str
    host: str
    port: int
    public_url: str
    token: str
    max_viewers: int


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class MeetingServer(Server):
    """textual-serve's server with a token, an origin check, a viewer cap and our page."""

    def __init__(self, options: ServeOptions, on_viewers: Callable[[int], None]) -> None:
        super().__init__(
            options.command,
            host=options.host,
            port=options.port,
            title=options.title,
            public_url=options.public_url,
            templates_path=TEMPLATES,
        )
        self.options = options
        self.on_viewers = on_viewers
        self.origins = allowed_origins(self.public_url, options.host, options.port)
        self.viewers = 0
        self.sockets: set[web.WebSocketResponse] = set()
        self.stopping = asyncio.Event()

    # -- the application ---------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        """Routes: the page and the websocket under the token; statics without listings."""
        app = web.Application(middlewares=[self._secure_headers])
        aiohttp_jinja2.setup(
            app, loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True
        )  # meeting titles are people's text: escaped
        app.add_routes(
            [
                web.get("/", self.handle_no_token),
                web.get("/ws/{token}", self.handle_websocket),
                web.static("/static", self.statics_path, show_index=False),
                web.get("/{token}", self.handle_index),
            ]
        )
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def _secure_headers(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Every response forbids loads from elsewhere, framing and referrers (the token
        is in the address)."""
        response = await handler(request)
        socket_origin = origin_of(self.public_url).replace("http", "ws", 1)
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; script-src 'self'; "
            "style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; "
            f"connect-src 'self' {socket_origin}; frame-ancestors 'none'; "
            "base-uri 'none'; form-action 'none'"
        )
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Content-Type-Options"] = "nosniff"
        if not request.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"
        return response

    def link(self) -> str:
        """The address to hand out: the public URL with the token."""
        return f"{self.public_url.rstrip('/')}/{self.options.token}"

    # -- pages -------------------------------------------------------------------------

    def _refused(
        self, request: web.Request, status: int, heading: str, detail: str, symbol: str = "✖"
    ) -> web.Response:
        context = {"heading": heading, "detail": detail, "symbol": symbol}
        return aiohttp_jinja2.render_template("refused.html", request, context, status=status)

    async def handle_no_token(self, request: web.Request) -> web.Response:
        """The bare address: say what is missing, show nothing of the meeting."""
        return self._refused(
            request,
            403,
            "This meeting needs its full link",
            "Open the address printed by `reviewtui serve`, with its access token.",
        )

    async def handle_index(self, request: web.Request) -> web.Response:
        """The meeting's page, for the right token while there is a seat."""
        if not same_token(request.match_info["token"], self.options.token):
            return self._refused(
                request,
                403,
                "This link is not valid",
                "Ask the meeting's champion for the current link: it changes each time "
                "the meeting is served.",
            )
        if self.viewers >= self.options.max_viewers:
            return self._full(request)
        size = request.query.get("fontsize", "16")
        context = {
            "title": self.options.title,
            "static_url": f"{self.public_url.rstrip('/')}/static/",
            "websocket_url": self._socket_url(),
            "font_size": int(size) if size.isdigit() and int(size) in FONT_SIZES else 16,
        }
        return aiohttp_jinja2.render_template("index.html", request, context)

    def _full(self, request: web.Request) -> web.Response:
        return self._refused(
            request,
            503,
            f"The meeting already has {self.options.max_viewers} viewers",
            "That is as many as this server allows at once. Try again when someone leaves, "
            "or ask the champion to serve with a higher --max-viewers.",
            symbol="⚠",
        )

    def _socket_url(self) -> str:
        scheme, rest = self.public_url.rstrip("/").split(":", 1)
        return f"{'wss' if scheme == 'https' else 'ws'}:{rest}/ws/{self.options.token}"

    # -- viewers -----------------------------------------------------------------------

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One viewer's screen: refused without the token, from another site's page, or
        when every seat is taken; counted while it is open."""
        if not same_token(request.match_info["token"], self.options.token):
            raise web.HTTPForbidden(text="not a valid meeting link")
        origin = request.headers.get("Origin")
        if origin is not None and origin.lower() not in self.origins:
            raise web.HTTPForbidden(text=f"pages from {origin} may not watch this meeting")
        if self.viewers >= self.options.max_viewers or self.stopping.is_set():
            raise web.HTTPServiceUnavailable(text="every viewer seat is taken")
        self._count(+1)
        try:
            return await super().handle_websocket(request)
        finally:
            self._count(-1)

    def _count(self, change: int) -> None:
        self.viewers += change
        self.on_viewers(self.viewers)

    async def _process_messages(
        self, websocket: web.WebSocketResponse, app_service: AppService
    ) -> None:
        # Remembered so that stopping the server can close every screen cleanly.
        self.sockets.add(websocket)
        try:
            await super()._process_messages(websocket, app_service)
        finally:
            self.sockets.discard(websocket)

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every viewer's websocket: its screen process is told to quit."""
        for websocket in list(self.sockets):
            await websocket.close(code=1001, message=b"the meeting server stopped")

    # -- running -----------------------------------------------------------------------

    async def run(self, on_ready: Callable[[], None]) -> None:
        """Listen until SIGINT or SIGTERM; ``on_ready`` runs once the port is bound
        (OSError if it cannot be)."""
        runner = web.AppRunner(
            await self._make_app(), access_log=None, shutdown_timeout=SHUTDOWN_SECONDS
        )
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.options.host, self.options.port)
            await site.start()
            loop = asyncio.get_running_loop()
            for stop in (signal.SIGINT, signal.SIGTERM):
                with contextlib.suppress(NotImplementedError):
                    loop.add_signal_handler(stop, self.stopping.set)
            on_ready()
            await self.stopping.wait()
        finally:
            await runner.cleanup()


def serve(
    options: ServeOptions, on_viewers: Callable[[int], None], on_ready: Callable[[str], None]
) -> None:
    """Serve until stopped (Ctrl+C); ``on_ready`` gets the link once people can connect."""
    server = MeetingServer(options, on_viewers)
    asyncio.run(server.run(lambda: on_ready(server.link())))
