"""The served meeting in headless Chromium (system chromium, driven by playwright): the
viewers see the champion's item and captures within 2 s, their keys change nothing, and
not one request leaves 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from reviewtui.domain.capture import ItemKind
from reviewtui.services.presence import watchers
from reviewtui.services.session import Capture, MeetingSession
from reviewtui.store.repository import Store
from tests.web.conftest import ServeFactory
from tests.web.viewer import CHROMIUM, Viewer

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs chromium (.ci/run installs it)")
FOLLOW_SECONDS = 2.0


@pytest.fixture
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


def fingerprint(root: Path) -> dict[str, str]:
    """Every meeting and action file, by content."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in ("meetings", "actions", "scorecards")
        for path in sorted((root / folder).rglob("*"))
        if path.is_file()
    }


def test_two_viewers_follow_the_champion_and_change_nothing(
    serve: ServeFactory, browser: Browser
) -> None:
    served = serve()
    store = Store(served.root)
    champion = MeetingSession(store, served.meeting_id, by="champion")
    champion.start()
    outside: list[str] = []
    viewers = []
    for _ in range(2):
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        viewers.append(Viewer(page, outside))
        page.goto(served.link)
    first = champion.meeting.agenda[champion.meeting.current].title
    for viewer in viewers:
        viewer.wait_for(first[:20])
    assert watchers(store, served.meeting_id) == 2

    before = fingerprint(served.root)
    for viewer in viewers:
        viewer.page.click("#terminal")
        for key in ("ArrowDown", "ArrowRight", "a", "x", "Enter", "d", "Space", "c", "f", "u"):
            viewer.page.keyboard.press(key)
        viewer.page.keyboard.type("typed by a viewer")
        viewer.page.keyboard.press("Enter")
    viewers[0].page.wait_for_timeout(1500)
    assert fingerprint(served.root) == before  # not one byte from the viewers' keys

    marks = [viewer.mark() for viewer in viewers]
    revenue = next(i for i, a in enumerate(champion.meeting.agenda) if a.measure_id == "FIN-01")
    champion.agenda.go_to(revenue)
    champion.captures.capture(
        Capture(ItemKind.ACTION, "Phone the wholesale buyers", "maria", dt.date(2026, 12, 4))
    )
    for viewer, mark in zip(viewers, marks, strict=True):
        assert viewer.wait_for(f"item {revenue + 1}/", since=mark) < FOLLOW_SECONDS
        assert viewer.wait_for("Phone the wholesale buyers", since=mark) < FOLLOW_SECONDS
    assert outside == []  # the page, its script, style and font all come from the server
    assert [text for viewer in viewers for text in viewer.refused] == []
    sockets = [url for viewer in viewers for url in viewer.sockets]
    assert len(sockets) == 2 and all(url.startswith("ws://127.0.0.1:") for url in sockets)


def test_without_the_token_the_browser_sees_no_meeting(
    serve: ServeFactory, browser: Browser
) -> None:
    served = serve()
    page = browser.new_page()
    sockets: list[str] = []
    page.on("websocket", lambda socket: sockets.append(socket.url))
    response = page.goto(served.base + "/")
    assert response.status == 403
    assert "needs its full link" in page.content() and "Northwind" not in page.content()
    page.wait_for_timeout(500)
    assert sockets == [] and watchers(Store(served.root), served.meeting_id) == 0


def test_with_capture_a_viewer_adds_an_item_the_champion_sees(
    serve: ServeFactory, browser: Browser
) -> None:
    served = serve("--capture")
    champion = MeetingSession(Store(served.root), served.meeting_id, by="champion")
    champion.start()
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    viewer = Viewer(page, [])
    page.goto(served.link)
    viewer.wait_for("may add items")
    page.click("#terminal")
    page.keyboard.press("ArrowRight")  # navigation stays the champion's
    opened = viewer.mark()
    page.keyboard.press("a")
    viewer.wait_for("Tab completes", since=opened)  # the capture line is open
    page.keyboard.type("Book the supplier review @priya fri")
    page.keyboard.press("Enter")
    deadline = time.monotonic() + 10
    while not champion.poll() and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    added = champion.items[-1]
    assert added.text == "Book the supplier review" and added.owner == "Priya Raman"
    assert added.history[0].by == "a viewer in the browser"
    assert added.agenda_item == champion.current.key and champion.meeting.current == 0
