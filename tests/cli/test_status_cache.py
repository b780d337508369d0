"""``reviewtui status`` reads actions through a per-file cache: it must never show what the
files do not say, whatever happens to the cache."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reviewtui.services.action_cache import CACHE_FILE, CACHE_VERSION, FIELDS, encode, seal
from tests.cli.test_actions import add, data, run, status_json

__all__ = ["data"]  # the fixture, imported for pytest


def cache_of(root: Path) -> Path:
    return root / "cache" / CACHE_FILE


def read_cache(root: Path) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The seal, and each file's entry with its actions gathered from the owners' segments."""
    header, _, payload = cache_of(root).read_bytes().partition(b"\n")
    index_line, _, segments = payload.partition(b"\n")
    files = {
        name: {**entry, "actions": [
            action for start, end in entry["owners"].values()
            for action in json.loads(segments[start:end])
        ]}
        for name, entry in json.loads(index_line).items()
    }  # fmt: skip
    return json.loads(header), files


def written(files: dict[str, dict[str, Any]]) -> bytes:
    """A cache holding these files' actions, sealed as the app seals it."""
    return encode(
        {
            name: (
                {"stamp": e["stamp"], "meeting": e["meeting"], "notices": e["notices"]},
                {"forged": json.dumps(e["actions"]).encode()},
            )
            for name, e in files.items()
        }
    )


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
    sealed = written(files)
    if sealed_again:
        cache_of(data).write_bytes(sealed)
    else:  # the old seal on new contents
        cache_of(data).write_bytes(json.dumps(header).encode() + sealed[sealed.index(b"\n") :])
    rows = status_json(data)
    if not sealed_again:
        assert [(row["id"], row["action"]) for row in rows] == [(ref, "One")]


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00garbage{", b"[]", b'{"version": 2}\n{}', seal(b"[]"), seal(b"{not json"),
     seal(b'{"M-1.json": {"stamp": "x"}}'), seal(b'{"loose.json": {"stamp": [], "meeting": '
     b'null, "actions": [1, "x"], "notices": []}}'), b'{"version": 99, "crc32": 0}\n{}',
     seal(b'{"loose.json": {"stamp": [], "meeting": null, "owners": {"tom becker": [0, 9]}, '
     b'"notices": []}}\n[not json'), seal(b'{"loose.json": {"stamp": [], "meeting": null, '
     b'"owners": {"x": [0, 99]}, "notices": []}}\n[]')],
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


@pytest.mark.parametrize("owner", [None, "Tom Becker"])
def test_a_garbled_segment_under_a_good_seal_is_read_from_the_file(
    data: Path, owner: str | None
) -> None:
    ref = add(data, "One", "Tom Becker", "fri")
    assert open_ids(data) == [ref]
    _, _, payload = cache_of(data).read_bytes().partition(b"\n")
    index_line, _, segments = payload.partition(b"\n")
    garbled = b"[" + b"x" * (len(segments) - 2) + b"]"  # same spans, not JSON
    cache_of(data).write_bytes(seal(index_line + b"\n" + garbled))
    args = ["status", "--json"] + (["--owner", owner] if owner else [])
    result = run(data, *args)
    assert result.exit_code == 0 and [r["id"] for r in json.loads(result.stdout)] == [ref]
    assert read_cache(data)[1]  # and the cache is whole again


def test_one_owner_is_read_without_the_others(data: Path) -> None:
    mine = add(data, "Mine", "Tom Becker", "fri")
    add(data, "Theirs", "Maria Gonzalez", "fri")
    assert len(open_ids(data)) == 2
    _, _, payload = cache_of(data).read_bytes().partition(b"\n")
    index_line, _, segments = payload.partition(b"\n")
    index = json.loads(index_line)
    maria = [entry["owners"]["maria gonzalez"] for entry in index.values() if entry["owners"]]
    start, end = maria[0]
    garbled = segments[:start] + b"[" + b"x" * (end - start - 2) + b"]" + segments[end:]
    cache_of(data).write_bytes(seal(index_line + b"\n" + garbled))
    # Tom's listing never parses Maria's segment: the cache answers, nothing is rebuilt.
    result = run(data, "status", "--owner", "tom", "--json")
    assert [r["id"] for r in json.loads(result.stdout)] == [mine]
    assert b"xxx" in cache_of(data).read_bytes()
