"""Check examples files and print every problem as ``file:row: column: problem``.

Usage: ``python -m data.validate [FILE ...]`` (default: the curated ``data/examples.csv``).
Exit status 0 when every file is valid, 1 when any problem is found.
"""

from __future__ import annotations

import sys
from pathlib import Path

from data.loader import EXAMPLES_FILE, load_dataset


def main(argv: list[str] | None = None) -> int:
    paths = [Path(arg) for arg in (argv if argv is not None else sys.argv[1:])] or [EXAMPLES_FILE]
    found = 0
    for path in paths:
        dataset = load_dataset(path)
        for problem in dataset.problems:
            print(problem)
        found += len(dataset.problems)
        if not dataset.problems:
            print(f"{path}: OK, {len(dataset.examples)} examples")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
