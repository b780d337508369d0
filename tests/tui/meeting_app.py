"""The meeting app as the pilot tests open it: the demo's meeting at a fixed size and theme."""

from __future__ import annotations

from reviewtui.store.repository import Store
from reviewtui.tui.app import ReviewApp
from reviewtui.tui.screens.meeting import MeetingScreen

SIZE = (120, 36)


def app_for(store: Store, meeting_id: str) -> ReviewApp:
    """The app on ``meeting_id``, in the default theme, with no cursor blink."""
    return ReviewApp(store, meeting_id, theme_name="reviewtui-dark", cursor_blink=False)


def screen_of(app: ReviewApp) -> MeetingScreen:
    """The meeting screen the app shows (it must be showing one)."""
    assert isinstance(app.screen, MeetingScreen)
    return app.screen
