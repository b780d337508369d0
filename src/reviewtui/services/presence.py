"""How many people watch a meeting from a browser (``reviewtui serve``), for the champion.

The count is advisory: it never blocks the meeting. Writing it may fail (a full disk)
without stopping the server, and a server that was killed counts nobody.
"""

from __future__ import annotations

from reviewtui.errors import StorageError
from reviewtui.store.presence import clear_viewers, presence_path, read_viewers, write_viewers
from reviewtui.store.repository import Store


def announce_viewers(store: Store, meeting_id: str, count: int) -> bool:
    """Record that ``count`` browsers watch ``meeting_id`` now; False if it could not be."""
    try:
        if count:
            write_viewers(store.data.root, meeting_id, count)
        else:
            clear_viewers(store.data.root, meeting_id)
    except (StorageError, OSError):
        return False
    return True


def watchers(store: Store, meeting_id: str) -> int:
    """How many browsers follow ``meeting_id`` now (0 when no server runs for it); one
    small read, cheap enough for a once-a-second look."""
    return read_viewers(presence_path(store.data.root, meeting_id))
