"""Runs every bench_*.py and prints each figure beside the floor measured in the same run.

python bench/run.py            # all benchmarks
python bench/run.py xlsx       # only those whose file name contains "xlsx"
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def main(argv: list[str]) -> int:
    wanted = argv[1:]
    modules = sorted(
        p.stem for p in HERE.glob("bench_*.py") if not wanted or any(w in p.stem for w in wanted)
    )
    rows = []
    for name in modules:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows.extend(importlib.import_module(name).run())
    width = max((len(r.name) for r in rows), default=10)
    print(f"{'figure':<{width}}  {'ours':>10}  {'floor':>10}  {'ratio':>6}  {'goal':<16} met")
    for r in rows:
        print(
            f"{r.name:<{width}}  {r.value:>10.1f}  {r.floor:>10.1f}  {r.ratio:>6.2f}  {r.goal:<16} {'yes' if r.met else 'NO'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
