"""Drafts: what was typed in a capture and not saved comes back when it opens again.

A capture closed without saving (Esc, a step away, quitting) leaves its text as a draft
for that agenda item and kind (or for the item being edited). Drafts are kept in the
meeting's record: written at most once a second while typing (:meth:`Drafts.flush` on
the screen's tick), at once on Esc and on quit, and let go of in the same write that saves
the capture. So a kill -9 loses at most the last second of typing.
"""

from __future__ import annotations

from reviewtui.domain.capture import ItemKind
from reviewtui.domain.meeting import Draft
from reviewtui.services.session.state import SessionState


def new_draft_key(agenda_key: str, kind: ItemKind) -> str:
    """The draft of a new capture of ``kind`` on an agenda item."""
    return f"{agenda_key}|{kind.value}"


def edit_draft_key(number: int) -> str:
    """The draft of an edit of item ``number``."""
    return f"edit|{number}"


class Drafts:
    """The meeting's drafts, held in memory and saved when :meth:`flush` is called."""

    def __init__(self, state: SessionState) -> None:
        self.state = state
        self._dirty = False

    def get(self, key: str) -> Draft | None:
        """The draft kept under ``key``, if any."""
        return self.state.meeting.drafts.get(key)

    def keep(self, key: str, draft: Draft) -> None:
        """Remember what is typed now (an empty draft is forgotten); saved on flush."""
        drafts = dict(self.state.meeting.drafts)
        if draft.empty:
            if drafts.pop(key, None) is None:
                return
        elif drafts.get(key) == draft:
            return
        else:
            drafts[key] = draft
        self.state.meeting.drafts = drafts
        self._dirty = True

    def without(self, key: str) -> dict[str, object]:
        """The drafts as saved when the capture typed under ``key`` is saved (json)."""
        self._dirty = False  # the capture's write carries every other draft along
        return {k: v.model_dump() for k, v in self.state.meeting.drafts.items() if k != key}

    @property
    def unsaved(self) -> bool:
        """Whether typing since the last flush is only in memory."""
        return self._dirty

    def flush(self) -> None:
        """Save the drafts if they changed (one small write); a finalized meeting keeps
        none."""
        if not self._dirty or self.state.read_only:
            return
        self.state.commit(drafts=dict(self.state.meeting.drafts))
        self._dirty = False
