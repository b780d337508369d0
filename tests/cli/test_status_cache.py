"""``reviewtui status`` reads actions through a per-file cache: it must never show what the
files do not say, whatever happens to the cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewtui.services.action_cache import CACHE_FILE, CACHE_VERSION, FIELDS, seal
from tests.cli.test_actions import add, data, run, status_json

__all__ = ["data"]  # the fixture, imported for pytest


def cache_of(root: Path) -> Path:
    return root / "cache" / CACHE_FILE


def read_cache(
    root: Path,
) -> tuple[dict[str, object], dict[str, dict[str, list[list[object]]]]]:
    header, _, payload = cache_of(root).read_bytes().partition(b"\n")
    return json.loads(header), json.loads(payload)


def open_ids(root: Path) -> list[object]:
    return [row["id"] for row in status_json(root)]


def test_a_warm_cache_sees_every_change_the_shell_makes(data: Path) -> None:
    first = add(data, "One", "Tom Becker", "fri")
    second = add(data, "Two", "Tom Becker", "fri")
    assert open_ids(data) == [first, second]
    assert cache_of(data).exists()
    assert run(data, "action", "done", first).exit_code == 0
    assert open_ids(data) == [second]
    assert run(data, "action", "redate", second, "+2w").exit_code == 0
    [row] = status_json(data)
    assert (row["due"], row["times_redated"]) == ("2026-12-07", 1)
    third = add(data, "Three", "Tom Becker", "fri")
    assert open_ids(data) == [third, second]


@pytest.mark.parametrize("sealed_again", [False, True])
def test_an_edited_cache_is_read_again(data: Path, sealed_again: bool) -> None:
    ref = add(data, "One", "Tom Becker", "fri")
    assert open_ids(data) == [ref]
    header, files = read_cache(data)
    for entry in files.values():
        for action in entry["actions"]:
            action[FIELDS.index("text")] = "Forged"  # the stamp still matches: the seal must not
            if sealed_again:
                action[FIELDS.index("number")] = (
                    "one"  # sealed anew (on purpose): still no traceback
                )
    payload = json.dumps(files).encode()
    if sealed_again:
        cache_of(data).write_bytes(seal(payload))
    else:
        cache_of(data).write_bytes(json.dumps(header).encode() + b"\n" + payload)
    rows = status_json(data)
    if not sealed_again:
        assert [(row["id"], row["action"]) for row in rows] == [(ref, "One")]


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00garbage{", b"[]", b'{"version": 2}\n{}', seal(b"[]"), seal(b"{not json"),
     seal(b'{"M-1.json": {"stamp": "x"}}'), seal(b'{"loose.json": {"stamp": [], "meeting": '
     b'null, "actions": [1, "x"], "notices": []}}'), b'{"version": 99, "crc32": 0}\n{}'],
)  # fmt: skip
def test_a_damaged_or_foreign_cache_is_ignored_and_replaced(data: Path, content: bytes) -> None:
    ref = add(data, "One", "Tom Becker", "fri")
    cache_of(data).parent.mkdir(exist_ok=True)
    cache_of(data).write_bytes(content)
    result = run(data, "status")
    assert result.exit_code == 0 and "One" in result.output and "Traceback" not in result.output
    assert open_ids(data) == [ref]
    assert read_cache(data)[0]["version"] == CACHE_VERSION


def test_deleting_the_cache_loses_nothing(data: Path) -> None:
    refs = [add(data, f"Action {n}", "Tom Becker", "fri") for n in range(3)]
    assert open_ids(data) == refs
    cache_of(data).unlink()
    assert open_ids(data) == refs


def test_a_damaged_item_file_is_mentioned_on_every_run(data: Path) -> None:
    add(data, "One", "Tom Becker", "fri")
    damaged = data / "actions" / "loose.json"  # "One" is still in its journal
    damaged.write_text("{not json")
    for _ in range(2):  # the second run answers from the cache: the notice must survive
        result = run(data, "status")
        assert result.exit_code == 0
        assert f"skipped {damaged.name}" in result.output


def test_a_cache_that_cannot_be_written_still_lists(data: Path) -> None:
    ref = add(data, "One", "Tom Becker", "fri")
    cache_of(data).parent.mkdir(exist_ok=True)
    cache_of(data).mkdir()  # in the way of the atomic replace (root ignores chmod)
    assert open_ids(data) == [ref]
