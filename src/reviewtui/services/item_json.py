"""One JSON shape for a captured item (an action, decision, issue or note), used by every
command that prints items for scripts: ``meeting show``, ``history`` and the action
commands' ``--json``. Keys are only ever added; ``schema_version`` goes up if one changes
meaning or goes away."""

from __future__ import annotations

from typing import Any

from reviewtui.domain.capture import CapturedItem
from reviewtui.domain.rules import counts_as_redating

SCHEMA_VERSION = 1


def item_json(item: CapturedItem) -> dict[str, Any]:
    """``{"id", "kind", "text", "owner", "due", "status", "times_redated", "measure_id",
    "meeting_id", "agenda_item"}``."""
    return {
        "id": item.ref,
        "kind": item.kind.value,
        "text": item.text,
        "owner": item.owner,
        "due": item.due.isoformat() if item.due else None,
        "status": item.status.value,
        "times_redated": sum(1 for c in item.history if counts_as_redating(c.field, c.old)),
        "measure_id": item.measure_id,
        "meeting_id": item.meeting_id,
        "agenda_item": item.agenda_item,
    }
