"""The actions as ``reviewtui status`` lists them, cached per file and checked per file.

A meeting file holds much more than its actions (the agenda, statuses, the undo
history): 10,000 actions live in 34 MB of meeting files, and parsing them all took 160 ms
of a 270 ms ``status``. ``cache/actions.cache`` keeps, for every file that holds items,
the identity of the file and of its journal (inode, size, mtime) and just what the
listing reads of its actions. On every run each file is stat'ed; a file whose identity
changed is read again, and only then is the cache rewritten. So the cache can never show
what the files do not say, and deleting it loses nothing.

The second line indexes the rest: per file, its identity, meeting and notices, and
where each owner's actions lie (one JSON segment per file and owner). ``status --owner``
parses only that owner's segments (a sixth of the bytes for one of six owners), and a
rewrite copies the segments of unchanged files without parsing them.

The cache is sealed: a first line with the format version and a CRC-32 of the rest. A
cache that was edited, cut short or written by another version fails the seal and is
rebuilt from the files; checking the seal (0.2 ms for 10,000 actions) is what lets the
listing skip checking every cached action again (25 ms). It guards against accidents,
not forgery: whoever can write the cache can write the meeting files too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypedDict

import orjson

from reviewtui.domain.rules import counts_as_redating
from reviewtui.errors import StorageError
from reviewtui.store import layout
from reviewtui.store.files import sealed, unsealed, write_cache
from reviewtui.store.journal import document_stamp

CACHE_FILE = "actions.cache"
CACHE_VERSION = 3
FIELDS = ("number", "kind", "text", "owner", "status", "due", "measure_id", "meeting_id",
          "scorecard_id", "slips")  # fmt: skip
"""What the listing reads of an action, cached as a list in this order (half the size of
a dict, so half the time to parse); ``slips`` counts its re-datings."""


class CachedFile(TypedDict):
    """One file's actions as the listing reads them, and the file's identity then."""

    stamp: list[int]
    meeting: dict[str, Any] | None
    actions: list[list[Any]]
    """Each action's :data:`FIELDS`, in that order."""
    notices: list[str]


class FileHead(TypedDict):
    """What the cache keeps of a file besides its actions."""

    stamp: list[int]
    meeting: dict[str, Any] | None
    notices: list[str]


Cached = tuple[FileHead, dict[str, bytes]]
"""A file as cached: its head, and its actions as one raw JSON segment per owner."""
Spans = dict[str, list[int]]
"""Where each owner's actions of one file lie in the cache's segments: start, end."""


def owner_key(owner: str | None) -> str:
    """How the cache groups actions by owner: the name, case-folded."""
    return (owner or "").casefold()


def cached_actions(
    root: Path, misfit: Any, owners: set[str] | None = None
) -> list[tuple[list[list[Any]], dict[str, Any] | None, list[str]]]:
    """Each item file's actions (their :data:`FIELDS`), its meeting record (id, title,
    scorecard) and the notices about it, in file order; only the actions of ``owners``
    (as :func:`owner_key` makes them) when given: the others are never parsed.
    ``misfit`` says what is wrong with a raw action record."""
    cache_path = root / layout.CACHE / CACHE_FILE
    index, segments = _read_cache(cache_path)
    found = []
    files: dict[str, Cached] = {}
    changed = False
    for path in layout.item_files(root):
        stamp = document_stamp(path)  # before reading: a later write makes it stale, not wrong
        kept = _kept(index.get(path.name), stamp, segments)
        actions = _parsed(kept[1], owners) if kept is not None else None
        if kept is None or actions is None:
            scanned, changed = _scan(path, stamp, misfit), True
            head: FileHead = {
                "stamp": stamp, "meeting": scanned["meeting"], "notices": scanned["notices"]
            }  # fmt: skip
            kept = (head, _grouped(scanned["actions"]))
            actions = _parsed(kept[1], owners) or []
        files[path.name] = kept
        found.append((actions, kept[0]["meeting"], kept[0]["notices"]))
    if changed or len(files) != len(index):
        write_cache(cache_path, encode(files))
    return found


def _parsed(parts: dict[str, bytes], owners: set[str] | None) -> list[list[Any]] | None:
    """The actions of ``owners`` (all when None) from a file's segments; None if one is
    not a JSON list (only a cache edited and sealed again by hand has that)."""
    actions: list[list[Any]] = []
    for owner, part in parts.items():
        if owners is None or owner in owners:
            try:
                group = orjson.loads(part)
            except ValueError:
                return None
            if not isinstance(group, list):
                return None
            actions += group
    return actions


def _kept(entry: Any, stamp: list[int], segments: bytes) -> Cached | None:
    """A cached file still as it is on disk: its record and its owners' raw segments;
    None if it is stale or its index entry is not what this version writes."""
    if not _fits(entry) or entry["stamp"] != stamp:
        return None
    parts: dict[str, bytes] = {}
    for owner, span in entry["owners"].items():
        if not (isinstance(span, list) and len(span) == 2 and all(type(n) is int for n in span)):
            return None
        part = segments[span[0] : span[1]]
        if not part.startswith(b"[") or not part.endswith(b"]"):
            return None
        parts[owner] = part
    head: FileHead = {
        "stamp": entry["stamp"], "meeting": entry["meeting"], "notices": entry["notices"]
    }  # fmt: skip
    return head, parts


def _grouped(actions: list[list[Any]]) -> dict[str, bytes]:
    """A file's actions as one JSON segment per owner."""
    owners: dict[str, list[list[Any]]] = {}
    owner = FIELDS.index("owner")
    for action in actions:
        owners.setdefault(owner_key(action[owner]), []).append(action)
    return {key: orjson.dumps(group) for key, group in owners.items()}


def encode(files: dict[str, Cached]) -> bytes:
    """The cache file's bytes: a seal line, an index line (per file: its stamp, meeting,
    notices and where each owner's segment lies), then the segments, back to back."""
    index: dict[str, Any] = {}
    segments = bytearray()
    for name, (head, parts) in files.items():
        spans: Spans = {}
        for owner, part in parts.items():
            spans[owner] = [len(segments), len(segments) + len(part)]
            segments += part
        index[name] = {**head, "owners": spans}
    return seal(orjson.dumps(index) + b"\n" + bytes(segments))


def seal(payload: bytes) -> bytes:
    """The cache file's bytes: a line naming the version and digest, then ``payload``."""
    return sealed(payload, CACHE_VERSION)


def _read_cache(cache_path: Path) -> tuple[dict[str, Any], bytes]:
    """The cached files' index by name and the segments; empty when the cache is missing,
    damaged, edited or older."""
    payload = unsealed(cache_path, CACHE_VERSION)
    if payload is None:
        return {}, b""
    index_line, _, segments = payload.partition(b"\n")
    try:
        index = orjson.loads(index_line)
    except ValueError:  # orjson's decode error is a ValueError
        return {}, b""
    return (index, segments) if isinstance(index, dict) else ({}, b"")


def _fits(entry: Any) -> bool:
    """Whether a cached entry has the shape this version writes (the seal vouches for the
    actions inside: they passed the checks when they were read)."""
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("stamp"), list)
        and isinstance(entry.get("meeting"), dict | None)
        and isinstance(entry.get("owners"), dict)
        and isinstance(entry.get("notices"), list)
    )


def _scan(path: Path, stamp: list[int], misfit: Any) -> CachedFile:
    """Read one file's actions as the listing needs them."""
    entry: CachedFile = {"stamp": stamp, "meeting": None, "actions": [], "notices": []}
    try:
        document = layout.read_document(path)
    except StorageError as error:
        entry["notices"].append(f"skipped {path.name}: {error}")
        return entry
    meeting = layout.record(document, layout.MEETING_TABLE)
    if meeting is not None and isinstance(meeting.get("title"), str | None):
        entry["meeting"] = {k: meeting.get(k) for k in ("id", "title", "scorecard_id")}
    for item in layout.item_records(document):
        if not isinstance(item, dict) or item.get("kind") != "action":
            continue
        problem = misfit(item)
        if problem:
            entry["notices"].append(f"skipped an action in {path.name}: {problem}")
            continue
        slips = sum(
            1
            for change in item.get("history", [])
            if counts_as_redating(change.get("field"), change.get("old"))
        )
        entry["actions"].append([*(item.get(key) for key in FIELDS[:-1]), slips])
    return entry
