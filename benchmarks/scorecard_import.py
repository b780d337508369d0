"""How long ``reviewtui import`` takes for a large long-layout CSV, beside ``validate``.

Builds scorecards of 10,008 and 100,008 rows (834 and 8,334 measures, 12 months each),
then times, turn about as whole processes: ``reviewtui validate FILE``, ``reviewtui
import FILE`` into a fresh data dir, and the same import again (next month's file into a
data dir that has the scorecard: its history is read and merged). Goals (issue 15): the
100k import under 12x the 10k one (linear), an import under 1.5x validate on the same file.

    python benchmarks/scorecard_import.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import alternate, scorecard_file, wall  # noqa: E402

SIZES = {"10k rows": 834, "100k rows": 8334}


def main() -> None:
    """Time validate, import and re-import at both sizes and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    reviewtui = shutil.which("reviewtui") or "reviewtui"
    env = {**os.environ, "NO_COLOR": "1"}
    medians: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for label, measures in SIZES.items():
            path = scorecard_file(folder, measures)
            fresh, again = folder / f"fresh-{measures}", folder / f"again-{measures}"
            wall([reviewtui, "--data-dir", str(again), "import", str(path)], env)

            def validate(path: Path = path) -> float:
                return wall([reviewtui, "validate", str(path)], env)

            def first_import(path: Path = path, fresh: Path = fresh) -> float:
                shutil.rmtree(fresh, ignore_errors=True)
                return wall([reviewtui, "--data-dir", str(fresh), "import", str(path)], env)

            def re_import(path: Path = path, again: Path = again) -> float:
                return wall([reviewtui, "--data-dir", str(again), "import", str(path)], env)

            timings = alternate([validate, first_import, re_import], args.runs)
            medians[label] = {
                name: statistics.median(values)
                for name, values in zip(("validate", "import", "re-import"), timings, strict=True)
            }
    print(f"{'':>10} {'validate':>9} {'import':>9} {'re-import':>10} {'imp/val':>8} {'re/val':>7}")
    for label, m in medians.items():
        print(
            f"{label:>10} {m['validate']:>8.2f}s {m['import']:>8.2f}s {m['re-import']:>9.2f}s"
            f" {m['import'] / m['validate']:>7.2f}x {m['re-import'] / m['validate']:>6.2f}x"
        )
    small, large = medians["10k rows"], medians["100k rows"]
    for name in ("validate", "import", "re-import"):
        print(f"100k / 10k {name}: {large[name] / small[name]:.1f}x (linear is 10x; goal < 12x)")


if __name__ == "__main__":
    main()
