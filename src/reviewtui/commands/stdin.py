"""``-`` as a file argument: read standard input, as every Unix tool does.

The importers read files and tell formats by their suffix, so standard input is kept in
a private temporary file named after the format its first bytes show; problems name
``<stdin>``, never that temporary file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from reviewtui.errors import InvalidInputError

STDIN = "<stdin>"


def scorecard_suffix(data: bytes) -> str:
    """The format a scorecard on standard input is in: XLSX (a zip), JSON, YAML or CSV."""
    if data.startswith(b"PK\x03\x04"):
        return ".xlsx"
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        return ".json"
    first = head.split(b"\n", 1)[0]
    if first.startswith((b"#", b"---")) or re.match(rb"^[A-Za-z_][\w-]*:(\s|$)", first):
        return ".yaml"  # a comment, a document start or a "key: value" line
    return ".csv"


def actions_suffix(data: bytes) -> str:
    """A taskwarrior export (JSON) or a followups.csv."""
    return ".json" if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{") else ".csv"


@contextlib.contextmanager
def readable(
    path: Path, sniff: Callable[[bytes], str] = scorecard_suffix, stem: str = "stdin"
) -> Iterator[Path]:
    """``path`` itself, or for ``-`` standard input in a temporary file named ``stem``
    (removed after)."""
    if str(path) != "-":
        yield path
        return
    data = click.get_binary_stream("stdin").read()
    with tempfile.TemporaryDirectory(prefix="reviewtui-stdin-") as folder:
        kept = Path(folder) / f"{stem}{sniff(data)}"
        kept.write_bytes(data)
        try:
            yield kept
        except InvalidInputError as error:
            raise InvalidInputError(
                [
                    dataclasses.replace(p, source=p.source.replace(str(kept), STDIN))
                    for p in error.problems
                ]
            ) from None
