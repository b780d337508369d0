"""Shipped themes: readable (WCAG contrast), valid, loadable; broken user themes are skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewtui.tui import theme_files
from reviewtui.tui.theme_files import (
    ThemeFile,
    contrast_pairs,
    contrast_ratio,
    load_theme_files,
)
from reviewtui.tui.themes import app_themes

ROOT = Path(__file__).resolve().parents[2]
SHIPPED, PROBLEMS = load_theme_files([ROOT / "themes"])


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_the_shipped_themes_are_all_there() -> None:
    assert PROBLEMS == []
    assert {t.name for t in SHIPPED} >= {"reviewtui-dark", "projector", "daylight", "colour-safe"}


@pytest.mark.parametrize("theme", SHIPPED, ids=lambda t: t.name)
def test_every_text_and_status_colour_is_readable(theme: ThemeFile) -> None:
    needed = 7.0 if theme.name == "projector" else 4.5
    too_low = [
        f"{text} on {ground}: {ratio:.2f}"
        for text, ground, ratio in contrast_pairs(theme)
        if ratio < needed
    ]
    assert too_low == [], f"{theme.name} needs {needed}:1"
    roles = {text for text, _, _ in contrast_pairs(theme)}
    assert {"foreground", "success", "warning", "error", "text-muted"} <= roles


def test_a_broken_user_theme_is_reported_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text("name: mine\ncolors:\n  primary: blue\n")
    (tmp_path / "bad.yaml").write_text("name: [unclosed\n")
    themes, problems = load_theme_files([ROOT / "themes", tmp_path])
    assert {t.name for t in themes} == {t.name for t in SHIPPED}
    assert len(problems) == 2
    assert any("mine.yaml" in p and "colors" in p for p in problems)


def test_a_user_theme_can_replace_a_shipped_one(tmp_path: Path) -> None:
    shipped = (ROOT / "themes" / "projector.yaml").read_text()
    (tmp_path / "projector.yaml").write_text(shipped.replace("#a00000", "#990000"))
    themes, _ = load_theme_files([ROOT / "themes", tmp_path])
    projector = next(t for t in themes if t.name == "projector")
    assert projector.colors.error == "#990000"


def test_the_app_reads_the_theme_files_once_until_one_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the files gave is kept (no YAML, no pydantic at start); a file added, changed
    or broken is read again, and a broken one is still reported every time."""
    mine = tmp_path / "mine"
    mine.mkdir()
    dirs = [ROOT / "themes", mine]
    first, problems = app_themes(dirs)
    assert {t.name for t in first} == {t.name for t in SHIPPED} and problems == []

    def unread(_: list[Path]) -> None:
        raise AssertionError("the theme files were read again")

    monkeypatch.setattr(theme_files, "load_theme_files", unread)
    again, _ = app_themes(dirs)
    assert [(t.name, t.dark, t.error, t.variables) for t in again] == [
        (t.name, t.dark, t.error, t.variables) for t in first
    ]
    monkeypatch.undo()

    shipped = (ROOT / "themes" / "projector.yaml").read_text()
    (mine / "projector.yaml").write_text(shipped.replace("#a00000", "#990000"))
    (mine / "bad.yaml").write_text("name: [unclosed\n")
    changed, problems = app_themes(dirs)
    assert next(t for t in changed if t.name == "projector").error == "#990000"
    assert len(problems) == 1 and "bad.yaml" in problems[0]
    monkeypatch.setattr(theme_files, "load_theme_files", unread)
    assert app_themes(dirs)[1] == problems
    monkeypatch.undo()

    (mine / "projector.yaml").write_text(shipped.replace("#a00000", "#880000"))  # same size
    recoloured, _ = app_themes(dirs)
    assert next(t for t in recoloured if t.name == "projector").error == "#880000"


def test_a_damaged_record_of_the_themes_is_read_again(tmp_path: Path) -> None:
    dirs = [ROOT / "themes"]
    app_themes(dirs)
    state = tmp_path / "state" / "ui.json"
    kept = json.loads(state.read_text())
    kept["themes"]["themes"] = [{"name": "x"}]
    state.write_text(json.dumps(kept))
    themes, problems = app_themes(dirs)
    assert {t.name for t in themes} == {t.name for t in SHIPPED} and problems == []
