"""``reviewtui serve`` at the HTTP level: the token, the origin, the cap, the headers,
no listings, the viewer count, and a clean stop. A real server, a real aiohttp client."""

from __future__ import annotations

import asyncio
import subprocess
import time
from collections.abc import Callable

import aiohttp
import pytest

from reviewtui.services.presence import watchers
from reviewtui.store.repository import Store
from tests.web.conftest import REVIEWTUI, Served, ServeFactory, free_port


async def status_of(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as client, client.get(url) as response:
        return response.status, await response.text()


async def socket_refused(url: str, origin: str | None = None) -> int:
    """The status a websocket handshake gets (101 would mean it was let in)."""
    headers = {"Origin": origin} if origin else {}
    async with aiohttp.ClientSession() as client:
        try:
            async with client.ws_connect(url, headers=headers):
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


async def test_nothing_without_the_token(serve: ServeFactory) -> None:
    served = serve()
    status, page = await status_of(served.base + "/")
    assert status == 403 and "needs its full link" in page and "Northwind" not in page
    status, page = await status_of(served.base + "/" + served.token[:-1] + "x")
    assert status == 403 and "not valid" in page and "Northwind" not in page
    status, page = await status_of(served.link)
    assert status == 200 and "Northwind" in page
    socket = served.base.replace("http", "ws") + "/ws/"
    assert await socket_refused(socket + "wrong") == 403
    assert await socket_refused(socket + served.token, origin="http://evil.example") == 403
    assert await socket_refused(socket + served.token, origin=served.base) == 101


async def test_the_page_loads_nothing_from_elsewhere_and_lists_no_folder(
    serve: ServeFactory,
) -> None:
    served = serve()
    async with aiohttp.ClientSession() as client, client.get(served.link) as response:
        page = await response.text()
        policy = response.headers["Content-Security-Policy"]
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert response.headers["Cache-Control"] == "no-store"
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "googleapis" not in page and "https://" not in page
    for folder in ("/static", "/static/", "/static/js/", "/static/fonts/"):
        status, listing = await status_of(served.base + folder)
        assert status in (403, 404) and "textual.js" not in listing
    assert (await status_of(served.base + "/static/js/textual.js"))[0] == 200


async def test_a_full_meeting_says_so_and_the_count_reaches_the_champion(
    serve: ServeFactory,
) -> None:
    served = serve("--max-viewers", "1")
    store = Store(served.root)
    socket = served.base.replace("http", "ws") + "/ws/" + served.token
    async with aiohttp.ClientSession() as client, client.ws_connect(socket):
        await wait_for(lambda: watchers(store, served.meeting_id) == 1)
        status, page = await status_of(served.link)
        assert status == 503 and "already has 1 viewers" in page and "--max-viewers" in page
        assert await socket_refused(socket) == 503
    await wait_for(lambda: watchers(store, served.meeting_id) == 0)
    assert (await status_of(served.link))[0] == 200  # the seat is free again
    code, said = served.stop()
    assert code == 0 and "stopped serving" in said and "Traceback" not in said


async def test_stopping_closes_every_screen(serve: ServeFactory) -> None:
    served = serve()
    socket = served.base.replace("http", "ws") + "/ws/" + served.token
    async with aiohttp.ClientSession() as client, client.ws_connect(socket) as viewer:
        await wait_for(lambda: watchers(Store(served.root), served.meeting_id) == 1)
        code, said = served.stop()
        ends = (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)
        while (await viewer.receive(timeout=10)).type not in ends:
            pass  # the screen's last frames, then the close
    assert code == 0 and "Traceback" not in said
    leftovers = subprocess.run(
        ["pgrep", "-f", f"watch {served.meeting_id}"], capture_output=True, text=True
    )
    assert str(served.root) not in leftovers.stdout
    assert watchers(Store(served.root), served.meeting_id) == 0


async def test_a_title_cannot_inject_markup(serve: ServeFactory) -> None:
    served = serve()
    store = Store(served.root)
    meeting = store.meeting(served.meeting_id)
    store.save_meeting(meeting.model_copy(update={"title": "Q4 <script>alert(1)</script>"}))
    code, _ = served.stop()
    served = serve()
    _, page = await status_of(served.link)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_a_busy_port_or_a_bad_public_url_is_said_plainly(serve: ServeFactory) -> None:
    served = serve()
    port = served.base.rsplit(":", 1)[1]
    env = {"REVIEWTUI_DATA_DIR": str(served.root), "NO_COLOR": "1", "PATH": "/usr/bin:/bin"}
    busy = subprocess.run(
        [REVIEWTUI, "serve", "--port", port], capture_output=True, text=True, env=env, timeout=30
    )
    assert busy.returncode == 1 and f"cannot listen on 127.0.0.1:{port}" in busy.stderr
    assert "--port" in busy.stderr and "Traceback" not in busy.stderr
    bad = subprocess.run(
        [REVIEWTUI, "serve", "--port", str(free_port()), "--public-url", "meet.example.org"],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    )
    assert bad.returncode == 1 and "--public-url must be an http(s) address" in bad.stderr


async def wait_for(condition: Callable[[], bool], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("the condition never came true")
        await asyncio.sleep(0.05)


async def test_a_killed_server_leaves_no_screen_behind(serve: ServeFactory) -> None:
    served = serve()
    socket = served.base.replace("http", "ws") + "/ws/" + served.token
    async with aiohttp.ClientSession() as client, client.ws_connect(socket) as viewer:
        seen = b""
        while b"WATCHING" not in seen:  # the screen is up and drawn, then idles
            message = await viewer.receive(timeout=20)
            seen += message.data if isinstance(message.data, bytes) else b""
        await asyncio.sleep(2)
        assert screens_of(served)
        served.process.kill()  # SIGKILL: no clean shutdown, no "0 watching" written
        served.process.wait()
        await wait_for(lambda: not screens_of(served))
    assert watchers(Store(served.root), served.meeting_id) == 0


def screens_of(served: Served) -> list[str]:
    """The viewers' screen processes still running for this server's data dir."""
    found = subprocess.run(["pgrep", "-af", "reviewtui"], capture_output=True, text=True)
    return [line for line in found.stdout.splitlines() if f"{served.root} watch" in line]
