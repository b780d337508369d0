"""The meeting read raw for the app's first frame: what it shows is what the meeting
screen shows once loaded, and anything unexpected gives up (None), never an error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewtui.domain.agenda_terms import AgendaKind
from reviewtui.services.agenda_view import AgendaRow, glance
from reviewtui.services.meetings import finalize
from reviewtui.services.session import MeetingSession
from reviewtui.services.views import agenda_rows
from reviewtui.store.repository import Store


def comparable(rows: list[AgendaRow]) -> list[tuple[Any, ...]]:
    """A row as drawn: the status by its symbol (its colour comes with the full load)."""
    return [
        (r.key, r.title, r.marker, r.status.symbol if r.status else None, r.kind_symbol)
        + (r.used, r.timebox, r.current, r.carried)
        for r in rows
    ]


def loaded_rows(store: Store, meeting_id: str) -> list[AgendaRow]:
    """The agenda as the meeting screen draws it on opening (its clock not yet running)."""
    return agenda_rows(MeetingSession(Store(store.data.root, store.clock), meeting_id))


def test_the_first_frame_shows_the_agenda_the_meeting_screen_will(
    store: Store, demo_meeting: str
) -> None:
    seen = glance(store.data.root, demo_meeting)
    assert seen is not None
    meeting = store.meeting(demo_meeting)
    assert (seen.id, seen.title, seen.date, seen.current) == (
        meeting.id,
        meeting.title,
        meeting.date,
        0,
    )
    assert comparable(seen.rows) == comparable(loaded_rows(store, demo_meeting))
    assert seen.current_row.kind_symbol == "↺" and not seen.finalized
    assert any(row.carried for row in seen.rows)  # the demo carries a skipped measure


def test_changes_still_in_the_journal_are_in_the_first_frame(
    store: Store, demo_meeting: str
) -> None:
    session = MeetingSession(store, demo_meeting)
    session.start()
    measure = next(i for i, a in enumerate(session.meeting.agenda) if a.kind is AgendaKind.MEASURE)
    session.agenda.go_to(measure)
    session.agenda.skip()
    session.agenda.go_to(measure + 3)
    assert (store.data.root / "meetings" / f"{demo_meeting}.journal").exists()

    seen = glance(store.data.root, demo_meeting)
    assert seen is not None and seen.current == measure + 3
    assert seen.rows[measure].marker == "↷"
    assert comparable(seen.rows) == comparable(loaded_rows(store, demo_meeting))


def test_a_finalized_meeting_says_so(store: Store, demo_meeting: str) -> None:
    finalize(store, store.meeting(demo_meeting))
    seen = glance(store.data.root, demo_meeting)
    assert seen is not None and seen.finalized


def test_without_an_id_it_is_the_newest_meeting_not_finalized(
    store: Store, demo_meeting: str
) -> None:
    root = store.data.root
    seen = glance(root, None)
    assert seen is not None and seen.id == demo_meeting == "M-2"  # M-1 is finalized
    finalize(store, store.meeting(demo_meeting))
    assert glance(root, None) is None  # none left: the usual way says what to do
    (root / "meetings" / "M-3.json").write_text("{ damaged")
    assert glance(root, None) is None  # the usual way skips it, and says so


def test_what_cannot_be_read_raw_gives_up(store: Store, demo_meeting: str) -> None:
    root = store.data.root
    assert glance(root, "M-99") is None
    assert glance(root, "not an id") is None
    assert glance(root / "nowhere", demo_meeting) is None

    meta = root / "reviewtui.json"
    kept = meta.read_bytes()
    meta.write_text(json.dumps({"schema_version": 1}))  # needs upgrading: the full load does it
    assert glance(root, demo_meeting) is None
    meta.write_bytes(kept)

    journal = root / "meetings" / f"{demo_meeting}.journal"
    journal.write_text('{"t": "meeting", "set": {"current": 2}}\nnot json\n')
    assert glance(root, demo_meeting) is None
    journal.unlink()

    (root / "meetings" / f"{demo_meeting}.json").write_text("{ damaged")
    assert glance(root, demo_meeting) is None


FIELDS = ("id", "title", "date", "current", "agenda", "statuses", "state")
ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)


@pytest.fixture(scope="module")
def demo_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo data dir for every example (seeding it is the slow part)."""
    from reviewtui.services.demo import seed_demo

    root = tmp_path_factory.mktemp("demo") / "data"
    seed_demo(Store(root))
    return root


@given(field=st.sampled_from(FIELDS), value=ANY_JSON, index=st.integers(0, 3))
def test_any_field_of_any_shape_never_raises(
    demo_root: Path, tmp_path_factory: pytest.TempPathFactory, field: str, value: Any, index: int
) -> None:
    """A meeting file edited by hand (any field, any JSON) is shown or given up on."""
    document = json.loads((demo_root / "meetings" / "M-2.json").read_text())
    record = document["meeting"]["1"]
    if field == "agenda" and isinstance(value, dict):
        record["agenda"][index % len(record["agenda"])] = value
    else:
        record[field] = value
    changed = tmp_path_factory.mktemp("changed")
    (changed / "meetings").mkdir()
    (changed / "reviewtui.json").write_bytes((demo_root / "reviewtui.json").read_bytes())
    (changed / "meetings" / "M-2.json").write_text(json.dumps(document))
    glance(changed, "M-2")  # shown or given up on: never raises
