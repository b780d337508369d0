"""Layers point one way: only ``reviewtui.tui`` may import textual."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "reviewtui"
PURE = ["domain", "importers", "store", "services"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("layer", PURE)
def test_pure_layers_never_import_the_ui(layer: str) -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            m
            for m in imported_modules(path)
            if m.split(".")[0] in {"textual", "rich"}
            or m.startswith(("reviewtui.tui", "reviewtui.commands", "reviewtui.cli"))
        )
        for path in (PACKAGE / layer).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_domain_does_not_touch_storage() -> None:
    for path in (PACKAGE / "domain").rglob("*.py"):
        assert not {
            m for m in imported_modules(path) if m.startswith(("reviewtui.store", "tinydb"))
        }
