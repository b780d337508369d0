"""Opening a meeting reads every meeting's header and items through ``cache/records.cache``:
it must never show what the files do not say, whatever happens to the cache."""

from __future__ import annotations

import zlib
from pathlib import Path

import orjson
import pytest

from reviewtui.domain.capture import ActionStatus
from reviewtui.services import lifecycle
from reviewtui.services.lifecycle import Actor
from reviewtui.services.session import MeetingSession
from reviewtui.store import records_cache
from reviewtui.store.records_cache import CACHE_FILE, CACHE_VERSION
from reviewtui.store.repository import Store


def under_review(store: Store, meeting_id: str) -> list[tuple[int, str]]:
    session = MeetingSession(Store(store.data.root, store.clock), meeting_id)
    return [(item.number, item.status.value) for item in session.carried]


def sealed(payload: bytes, version: int = CACHE_VERSION) -> bytes:
    return orjson.dumps({"version": version, "crc32": zlib.crc32(payload)}) + b"\n" + payload


def test_a_warm_cache_sees_what_the_shell_changed(store: Store, demo_meeting: str) -> None:
    before = under_review(store, demo_meeting)
    cache = store.data.root / "cache" / CACHE_FILE
    assert cache.exists() and before
    number = before[0][0]
    lifecycle.set_status(store, str(number), ActionStatus.DONE, Actor("shell"), note="sent")
    after = dict(under_review(store, demo_meeting))
    assert after[number] == "done"  # closed since the last meeting: still reviewed, as done


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00garbage", sealed(b"[]"), sealed(b"{not json"), sealed(b'{"M-1.json": 5}'),
     sealed(b'{"M-1.json": [[0], {}, []]}'), sealed(b"{}", version=99),
     b'{"version": 1, "crc32": 0}\n{}'],
)  # fmt: skip
def test_a_damaged_or_foreign_cache_is_ignored_and_replaced(
    store: Store, demo_meeting: str, content: bytes
) -> None:
    expected = under_review(store, demo_meeting)
    cache = store.data.root / "cache" / CACHE_FILE
    cache.write_bytes(content)
    assert under_review(store, demo_meeting) == expected
    assert orjson.loads(cache.read_bytes().partition(b"\n")[0])["version"] == CACHE_VERSION


def test_a_sealed_entry_of_the_wrong_shape_is_read_from_the_file(
    store: Store, demo_meeting: str
) -> None:
    expected = under_review(store, demo_meeting)
    cache = store.data.root / "cache" / CACHE_FILE
    files = orjson.loads(cache.read_bytes().partition(b"\n")[2])
    for entry in files.values():
        entry[2] = 7  # not a list of records, under a good seal and the right stamp
    cache.write_bytes(sealed(orjson.dumps(files)))
    assert under_review(store, demo_meeting) == expected


def test_deleting_the_cache_loses_nothing(store: Store, demo_meeting: str) -> None:
    expected = under_review(store, demo_meeting)
    (store.data.root / "cache" / CACHE_FILE).unlink()
    assert under_review(store, demo_meeting) == expected


def test_a_damaged_meeting_file_is_reported_on_every_opening(
    store: Store, demo_meeting: str
) -> None:
    under_review(store, demo_meeting)
    (store.data.root / "meetings" / "M-1.json").write_text("{not json")
    for _ in range(2):  # the second opening must not take the damage from the cache
        fresh = Store(store.data.root, store.clock)
        fresh.everything()
        assert any("skipped M-1.json" in notice for notice in fresh.notices)


def test_an_unchanged_cache_is_parsed_once_a_process_and_a_changed_one_again(
    store: Store, demo_meeting: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = under_review(store, demo_meeting)  # written (and held) by this process
    parsed: list[str] = []
    unsealed = records_cache.unsealed

    def counting(path: Path, version: int) -> bytes | None:
        parsed.append(path.name)
        return unsealed(path, version)

    monkeypatch.setattr(records_cache, "unsealed", counting)
    assert under_review(store, demo_meeting) == expected
    assert parsed == []  # a running app re-reads it whenever the shell writes: 40 ms at scale
    cache = store.data.root / "cache" / CACHE_FILE
    cache.write_bytes(sealed(b"{}"))  # another process's (empty) cache
    assert under_review(store, demo_meeting) == expected
    assert parsed == [CACHE_FILE]
