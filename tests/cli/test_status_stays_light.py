"""``reviewtui status`` must not import textual, pydantic or TinyDB: it runs many times a day."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_status_imports_no_heavy_modules(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from reviewtui.cli import cli\n"
        "try:\n"
        "    cli.main(['status'], prog_name='reviewtui')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in ('textual', 'pydantic', 'tinydb', 'rich') if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    env = {**os.environ, "REVIEWTUI_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60
    )
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr
