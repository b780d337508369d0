"""Fuzzing what people hand us: scorecards in every format, action fields, taskwarrior JSON.

Every input, however broken, must end in exit 0 or exit 1 with a message that says where
the problem is: never a traceback, never the "unexpected error" exit 70. The default run
is short; ``HYPOTHESIS_PROFILE=soak pytest tests/hostile/test_fuzz.py`` runs 2,500
examples per test.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from reviewtui.cli import cli
from tests.conftest import BRIGHTPATH_XLSX, NORTHWIND_CSV, RIVERTON_YAML

HOSTILE_TEXT = st.sampled_from(
    [
        "", " ", "\t", "x,evil@attacker.example", "m@x", "=HYPERLINK(\"http://x\")", "[/]",
        "[red on red]x[/]", "\x1b[2J", "\x00", "\u202e", "李雷", "9" * 400, "1e999", "-0",
        "NaN", "inf", "$1.001M", "(12)", "95%", "1,5", "2026-13-45", "fri", "+2w", '"',
        "\r\n", "a" * 300, "higher", "lower", "within", "four_level", ">=100", "on_track: >=1",
    ]
)  # fmt: skip
CELL = st.one_of(HOSTILE_TEXT, st.text(max_size=30), st.integers(), st.floats())
HEADER = [
    "perspective",
    "objective",
    "measure",
    "measure_id",
    "owner",
    "owner_email",
    "unit",
    "polarity",
    "kind",
    "period",
    "actual",
    "target",
    "target_low",
    "target_high",
    "status_scheme",
    "status_bands",
    "initiative",
    "initiative_budget",
]


def invoke(args: list[str], root: Path) -> Result:
    return CliRunner().invoke(cli, args, env={"REVIEWTUI_DATA_DIR": str(root)})


def assert_handled(result: Result, where: str | None = None) -> None:
    """Exit 0, or exit 1 naming the place; never a traceback."""
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{type(result.exception).__name__}: {result.exception}\n{result.output}"
    )
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output and "unexpected error" not in result.output
    if result.exit_code == 1 and where is not None:
        assert where in result.output, result.output


def fresh(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


@given(
    header=st.permutations(HEADER).map(lambda h: h[: random.Random(len(h)).randint(8, len(h))]),
    rows=st.lists(st.lists(CELL, max_size=20), max_size=5),
    command=st.sampled_from(["validate", "import"]),
)
def test_fuzzed_csv_scorecards(
    tmp_path: Path, header: list[str], rows: list[list[Any]], command: str
) -> None:
    folder = fresh(tmp_path, "csv")
    buffer = io.StringIO()
    import csv

    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
    path = folder / "card.csv"
    path.write_text(buffer.getvalue())
    assert_handled(invoke([command, str(path)], folder / "data"), str(path))


@given(rows=st.lists(st.lists(CELL, max_size=12), max_size=5), damage=st.integers(0, 3))
def test_fuzzed_xlsx_scorecards(tmp_path: Path, rows: list[list[Any]], damage: int) -> None:
    folder = fresh(tmp_path, "xlsx")
    path = folder / "card.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    try:  # openpyxl refuses some values (control characters): then damage a real sheet
        sheet.append(HEADER)
        for row in rows:
            sheet.append([cell if not isinstance(cell, str) else cell[:200] for cell in row])
        workbook.save(path)
    except Exception:  # IllegalCharacterError and friends are not ValueErrors
        shutil.copy(BRIGHTPATH_XLSX, path)
        damage = damage or 1
    if damage:
        raw = bytearray(path.read_bytes())
        for index in range(damage * 7, len(raw), len(raw) // (damage * 3) + 1):
            raw[index] ^= 0x5A
        path.write_bytes(bytes(raw))
    assert_handled(invoke(["validate", str(path)], folder / "data"), str(path))


SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), CELL)
TREE = st.recursive(
    SCALAR,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=25,
)


def mutated(document: Any, rng: random.Random, junk: Any) -> Any:
    """A copy of a valid document with one value somewhere replaced by junk."""
    paths: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        children = (
            node.items()
            if isinstance(node, dict)
            else enumerate(node)
            if isinstance(node, list)
            else []
        )
        for key, child in list(children):
            paths.append((node, key))
            walk(child)

    walk(document)
    if paths:
        parent, key = rng.choice(paths)
        parent[key] = junk
    return document


RIVERTON = yaml.safe_load(RIVERTON_YAML.read_text())


@given(junk=TREE, seed=st.integers(0, 10_000), as_json=st.booleans(), raw=st.booleans())
def test_fuzzed_yaml_and_json_scorecards(
    tmp_path: Path, junk: Any, seed: int, as_json: bool, raw: bool
) -> None:
    folder = fresh(tmp_path, "structured")
    document = mutated(json.loads(json.dumps(RIVERTON)), random.Random(seed), junk)
    if as_json:
        text = json.dumps(document, default=str)
        path = folder / "card.json"
    else:
        text = yaml.safe_dump(document, allow_unicode=True)
        path = folder / "card.yaml"
    if raw:  # text damage: a slice cut out
        rng = random.Random(seed)
        start = rng.randrange(max(1, len(text)))
        text = text[:start] + text[start + rng.randint(1, 40) :]
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    assert_handled(invoke(["validate", str(path)], folder / "data"), str(path))


@given(
    title=CELL.map(str),
    owner=CELL.map(str),
    due=CELL.map(str),
    measure=st.one_of(st.none(), CELL.map(str), st.just("FIN-01")),
    meeting=st.one_of(st.none(), CELL.map(str), st.just("M-1")),
)
def test_fuzzed_action_fields(
    tmp_path: Path,
    imported: Path,
    title: str,
    owner: str,
    due: str,
    measure: str | None,
    meeting: str | None,
) -> None:
    folder = fresh(tmp_path, "actions")
    shutil.rmtree(folder)
    shutil.copytree(imported, folder)
    args = ["action", "add", "--owner", owner, "--due", due]
    if measure is not None:
        args += ["--measure", measure]
    if meeting is not None:
        args += ["--meeting", meeting]
    result = invoke([*args, "--", title], folder)
    assert_handled(result)
    for follow_up in (
        ["status"],
        ["action", "list", "--json"],
        ["action", "redate", "--", "A-1", due],
    ):
        assert_handled(invoke(follow_up, folder))


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with Northwind imported, copied for each example."""
    root = tmp_path_factory.mktemp("imported") / "data"
    assert invoke(["import", str(NORTHWIND_CSV)], root).exit_code == 0
    return root


TASK_VALUE = st.one_of(SCALAR, st.lists(CELL, max_size=3), st.just("20261201T120000Z"))
TASK = st.fixed_dictionaries(
    {},
    optional={
        key: TASK_VALUE
        for key in (
            "uuid",
            "description",
            "status",
            "due",
            "owner",
            "project",
            "tags",
            "entry",
            "end",
            "recur",
            "modified",
            "urgency",
        )
    },  # fmt: skip
)


@given(tasks=st.one_of(st.lists(TASK, max_size=5), TREE))
def test_fuzzed_taskwarrior_exports(tmp_path: Path, tasks: Any) -> None:
    folder = fresh(tmp_path, "tasks")
    path = folder / "tasks.json"
    path.write_text(json.dumps(tasks, default=str))
    result = invoke(["action", "import", str(path), "--owner", "maria"], folder / "data")
    assert_handled(result, str(path))


@given(cut=st.integers(0, 4000), flip=st.integers(0, 4000))
def test_fuzzed_damaged_workbook_bytes(tmp_path: Path, cut: int, flip: int) -> None:
    folder = fresh(tmp_path, "bytes")
    raw = bytearray(BRIGHTPATH_XLSX.read_bytes())
    raw[flip % len(raw)] ^= 0xFF
    path = folder / "card.xlsx"
    path.write_bytes(bytes(raw[: max(22, len(raw) - cut)]))
    if zipfile.is_zipfile(path) or cut:
        assert_handled(invoke(["validate", str(path)], folder / "data"), str(path))
