"""Which scorecard (which team) an action belongs to.

An action belongs to the scorecard of the meeting it was captured in, or of the measure
it moves, or the one named when it was added; data dirs with a single scorecard need no
more. A meeting reviews only the actions of its own scorecard, so one team never
reviews another's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reviewtui.domain.capture import CapturedItem
from reviewtui.domain.meeting import MeetingHeader
from reviewtui.services.scorecard_index import load_index
from reviewtui.store.repository import Store


@dataclass(frozen=True)
class Ownership:
    """The facts that decide an item's scorecard."""

    meeting_cards: dict[str, str]
    measure_cards: dict[str, str]
    only_card: str | None
    """The data dir's scorecard when there is exactly one."""

    def scorecard_of(self, item: CapturedItem) -> str | None:
        """The scorecard an item belongs to, or None when nothing says."""
        return (
            item.scorecard_id
            or self.meeting_cards.get(item.meeting_id or "")
            or self.measure_cards.get(item.measure_id or "")
            or self.only_card
        )


def ownership(store: Store, meetings: Sequence[MeetingHeader] | None = None) -> Ownership:
    """Read what decides ownership, once (meetings and the scorecard index)."""
    from reviewtui.services.scorecard_facts import rebuild_index

    index = load_index(store.data.root) or rebuild_index(store.data.root)
    cards = sorted({facts["scorecard_id"] for facts in index["measures"].values()})
    found = store.meeting_headers() if meetings is None else meetings
    return Ownership(
        meeting_cards={m.id: m.scorecard_id for m in found},
        measure_cards={mid: facts["scorecard_id"] for mid, facts in index["measures"].items()},
        only_card=cards[0] if len(cards) == 1 else None,
    )
